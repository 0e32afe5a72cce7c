"""`monitor`: the pipeline from the command line (what `make run`, `make report`, `make backfill` call).

    monitor run [--example] [--period P ...]   published history; then per period ingest -> validate ->
                                               figures -> reconciliation (-> report where cards exist)
    monitor report --period P                  re-render only the report of P (no recomputation)
           [--as-of DATE] [--changes-since DATE]  the report as it was at DATE (own folder); list what changed since
    monitor backfill --from A --to B [--submit [--webserver URL]]  every period of a range, each its own run
                                               (--submit: a Dagster backfill the daemon runs)
    monitor ops current-period | reap          the nightly's period; mark runs killed mid-way failed
    monitor quarantine [--period P]            what was rejected, and why
    monitor codebook                           regenerate schemas/codebook.md from schemas/card.yaml
    monitor gc [--grace SECONDS]               delete the raw store's files no committed write references
    monitor template [PATH]                    the spreadsheet template monitors fill
    monitor form [PATH] [--period P]           the XLSForm (ODK Collect / KoboToolbox) of the card
    monitor warehouse-encrypt DEST             copy the plain warehouse into an encrypted one (key: MONITOR_WAREHOUSE_KEY(_FILE))
    monitor erase-person (--name N|- | --pseudonym P | --person CARD:PERSON) [--by WHO] [--not-in-warehouse]
                                               erase a person on request (name redacted everywhere)
    monitor pseudonym-key [--rotate|--rekey]   where the pseudonym key is, its fingerprint (exit 1 if there is none;
                                               --rotate makes one)
    monitor extract PATH_OR_URL                media extraction on one article (JSON lines)
    monitor media fetch | articles | review export|import   the media sources, their candidates, the review

`--debug` (anywhere): Dagster's run log and the traceback of a failure. Without it a failed run
prints the asset or check that failed, the file, the first failure cases and what to do.

Runs are recorded in the Dagster instance of DAGSTER_HOME (the Makefile sets dagster_home/), so
they show in the UI (`make dev`).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import time
from pathlib import Path

from assets.core import periods
from core import plural, settings


def dagster_home() -> Path:
    """The Dagster instance's folder: DAGSTER_HOME, else the project's dagster_home/ (as the Makefile and the
    README say; read at each call, and exported so that Dagster and its commands use the same). A folder without
    dagster.yaml gets the project's (telemetry off, the write pool's limits), so that Dagster prints no
    telemetry banner and runs are recorded where the daemon, the sensors, `ops reap` and the UI see them."""
    home = Path(os.environ.get("DAGSTER_HOME") or settings.project_root() / "dagster_home")
    if home.exists() and not home.is_dir():  # mkdir's "File exists" read as "choose a new file name" before
        raise NotADirectoryError(f"DAGSTER_HOME {home} is a file, not a folder: point DAGSTER_HOME at the Dagster "
                                 f"instance's folder (the project's is {settings.project_root() / 'dagster_home'}), "
                                 "or unset it")
    os.environ["DAGSTER_HOME"] = str(home)
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / "dagster.yaml"
    if not cfg.exists():
        src = settings.repo_root() / "dagster_home" / "dagster.yaml"
        cfg.write_text(src.read_text(encoding="utf-8") if src.is_file() else "telemetry:\n  enabled: false\n",
                       encoding="utf-8")
    return home


def _instance():
    import dagster as dg

    from assets.resources import sync_write_pool

    dagster_home()
    inst = dg.DagsterInstance.get()
    sync_write_pool(inst)  # the write pool's limit follows the warehouse backend (1 for the file)
    return inst


DAEMON_FRESH_S = 120  # a daemon posts a heartbeat every 30 s: none for 2 minutes, none is running


def daemon_alive(instance, now: float | None = None) -> bool:
    """Whether a Dagster daemon runs for `instance`: its backfill daemon's heartbeat is recent."""
    beats = instance.get_daemon_heartbeats() or {}
    beat = beats.get("BACKFILL")
    return beat is not None and (now if now is not None else time.time()) - beat.timestamp <= DAEMON_FRESH_S


PERIOD_ASSETS = ["raw_cards", "cards", "figures", "reconciliation"]
PUBLISHED_ASSETS = ["published_figures", "audit"]


DEBUG = False  # `monitor --debug ...`: Dagster's run log and tracebacks


def _log_level() -> str:
    """What `monitor` prints of Dagster's own run log: nothing but criticals by default (the command
    prints what failed and what to do itself); --debug or MONITOR_LOG_LEVEL shows more."""
    return "DEBUG" if DEBUG else os.environ.get("MONITOR_LOG_LEVEL", "CRITICAL")


def _execute(selection: list, period: str | None, instance, tags: dict[str, str] | None = None):
    """One in-process Dagster run of `selection` for `period` (None: unpartitioned assets),
    recorded in the instance, tagged with this process; says while it waits for the write pool."""
    import dagster as dg

    from pipelines.automation import run_tags
    from pipelines.definitions import defs
    from pipelines.waiting import PoolWatch

    with PoolWatch(instance):
        result = dg.materialize(
            assets=[*defs.assets, *defs.asset_checks],  # type: ignore[list-item]
            selection=dg.AssetSelection.assets(*selection),
            partition_key=period,  # None for unpartitioned assets
            resources=defs.resources,
            instance=instance,
            raise_on_error=False,
            tags={**run_tags(), **(tags or {})},
            run_config={"loggers": {"console": {"config": {"log_level": _log_level()}}}},
        )
    if interrupted(result):  # Dagster turns Ctrl-C into a failed step: the command stops here, not at the next period
        raise KeyboardInterrupt
    return result


_INTERRUPTS = ("DagsterExecutionInterruptedError", "KeyboardInterrupt")


def interrupted(result) -> bool:
    """Was the in-process run stopped by Ctrl-C (SIGINT)? Dagster catches it during a run and records the step (or a
    check) as failed with DagsterExecutionInterruptedError, then returns as from any failure."""
    for ev in result.all_events:
        texts = []
        if ev.is_step_failure and ev.step_failure_data and ev.step_failure_data.error:
            err = ev.step_failure_data.error
            while err is not None:
                texts.append(err.cls_name or "")
                err = err.cause
        elif ev.event_type_value == "ASSET_CHECK_EVALUATION" and not ev.event_specific_data.passed:
            texts.append(ev.event_specific_data.description or "")
        elif ev.event_type_value == "RUN_FAILURE":
            texts.append(ev.message or "")
        if any(k in t for t in texts for k in _INTERRUPTS):
            return True
    return False


def failure_lines(result) -> list[str]:
    """What a failed in-process run says: per failed asset or check, the error, file, first cases
    and what to do (assets/failures.py); the traceback only with --debug."""
    from pipelines import automation

    steps = [automation.failed_step(ev) for ev in result.all_events if ev.is_step_failure]
    steps += automation.check_failures(result.all_events)
    lines = []
    for st in steps:
        lines += ["  " + x for x in st.lines()]
        if DEBUG:
            ev = next((e for e in result.all_events if e.is_step_failure and e.step_key == st.step), None)
            if ev is not None and ev.step_failure_data and ev.step_failure_data.error:
                lines.append(ev.step_failure_data.error.to_string())
    return lines or ["  the run failed before any asset ran (`monitor --debug` shows Dagster's log)"]


def materialize(selection: list, period: str | None, instance=None) -> bool:
    """Materialize `selection` (asset names) for one period (None: unpartitioned assets), in process."""
    result = _execute(selection, period, instance or _instance())
    if not result.success:
        print("\n".join(failure_lines(result)), file=sys.stderr)
    return result.success


def seed_example() -> list[str]:
    """Copy the bundled example cards into the inbox (files already there are left alone)."""
    src = settings.example_dir() / "inbox"
    copied = []
    for f in sorted(src.rglob("*")):
        if f.is_file():
            target = settings.inbox_dir() / f.relative_to(src)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(f, target)
                copied.append(str(target))
    return copied


def periods_in_inbox() -> list[str]:
    from assets.ingest.inbox import holds_card_files

    return [p for p in periods.period_ids() if holds_card_files(p)]


def run_periods(todo: list[str], with_report: set[str]) -> bool:
    """Published history and its audit once, then each period independently."""
    from pipelines.automation import reap_dead_runs

    for p in todo:
        periods.get(p)  # an unknown period is refused before anything runs (not after the published step)
    inbox_usable()
    inst = _instance()
    for line in reap_dead_runs(inst):  # a killed earlier run must not hold the write pool forever
        print(line)
    ok = _step(PUBLISHED_ASSETS, None, inst, {}, "published figures and audit")
    mark = _figures_cursor(inst)
    rendered = set()
    for p in todo:
        step_ok, reported = _period_steps(p, p in with_report, inst, {})
        ok &= step_ok
        rendered |= {p} if reported else set()
    ok &= _refresh_later_reports(inst, mark, rendered, {})
    _say_inbox_level()
    return ok


def inbox_usable() -> None:
    """An inbox that is a file, and a pseudonym key file that is no key (not hex, a folder), are refused before
    anything runs (exit 2), not once per period after the published step; an inbox gone while the warehouse holds
    its files is refused per period by raw_cards (assets/ingest). A missing key is not refused here: a warehouse
    without persons gets a new one (raw_cards says when it must not)."""
    from assets.ingest.inbox import InboxUnusable, inbox_problem

    bad = inbox_problem(None, 0)
    if bad:
        raise InboxUnusable(bad)
    from assets.validate import pseudonym

    if pseudonym.key_path().exists():  # a damaged key is said once, before anything runs, not by every period's step
        pseudonym.load_key(create=False)


def _say_inbox_level() -> None:
    """What lies in the inbox's cards/ outside every period's folder, said once (not once per period)."""
    from assets.core import ducklake, warehouse
    from assets.core.sqlfiles import sql
    from assets.core.terminal import escape
    from assets.ingest.inbox import INBOX_LEVEL

    try:
        with warehouse.connect(read_only=True) as con:
            rows = con.execute(sql("cli/summary_inbox_level"), {"inbox": INBOX_LEVEL}).fetchall()
    except FileNotFoundError:  # no warehouse yet (every step failed): nothing recorded to say
        return
    if rows:
        print(inbox_level_heading(len(rows)))
        for f, reason in rows[:20]:
            print(f"  {escape(f)}: {escape(reason)}")
        if len(rows) > 20:
            print(f"  ... and {len(rows) - 20} more (monitor quarantine)")


def inbox_level_heading(n: int) -> str:
    """The first line of what lies in cards/ outside every period's folder ('1 item', '2 items')."""
    from assets.ingest.inbox import INBOX_LEVEL

    return f"inbox: {plural.en_count(n, 'item')} in cards/ that no period reads (quarantined once, as [{INBOX_LEVEL}]):"


def _period_steps(period: str, with_report: bool, instance, tags: dict[str, str]) -> tuple[bool, bool]:
    """(ok, reported): a period's ingest -> validate -> figures -> reconciliation, then, where its inbox
    holds cards and at least one assembly held came out valid, its report and exports. A period with no
    assembly held (every card quarantined or removed, or only refused applications and prevented assemblies)
    has no figures to report: it says so and skips the report (the run is not a failure: quarantined records
    never are; `monitor quarantine --period P` lists them), and the report and exports rendered from its
    earlier cards are withdrawn from the public folders (assets/report/withdraw.py), saying so."""
    from assets.report.withdraw import public_folders

    if not _step(PERIOD_ASSETS, period, instance, tags, period):
        return False, False
    if not with_report and not public_folders(period):
        return True, False  # no card in its inbox, nothing published of it: nothing to render or withdraw
    held, refused, prevented, quarantined = _valid_records(period)
    if held:
        if not with_report:
            return True, False
        ok = _step(["report", "exports"], period, instance, tags, f"report {period}", summary=False)
        if ok:
            _say_missing_conclusions(period)
        return ok, True
    from assets.core import ducklake, warehouse
    from assets.report.withdraw import NeverHeld, refuse_if_never_held

    try:
        with warehouse.connect(read_only=True) as con:
            refuse_if_never_held(con, period)
    except NeverHeld as exc:
        print(f"FAILED {period}: {exc}")
        return False, False
    print(_no_report(period, refused, prevented, quarantined))
    _withdraw(period)
    return True, False


def _say_missing_conclusions(period: str) -> None:
    """The operator, not the reader, learns that the analysts' conclusions are not written: the report leaves
    the section out."""
    from assets.report.render import conclusions_missing

    for path in conclusions_missing(period):
        shown = path.relative_to(settings.repo_root()) if path.is_relative_to(settings.repo_root()) else path
        print(f"note: {period}: no conclusions in {shown}: the report "
              f"has no Conclusions section in that language (write the file, then monitor report --period {period})")


def _no_report(period: str, refused: int, prevented: int, quarantined: int) -> str:
    """Why a period with no assembly held has no report, in one sentence."""
    if not refused and not prevented:
        return f"{period}: no valid card ({quarantined} quarantined): no report (see monitor quarantine --period {period})"
    held_back = f"; {quarantined} quarantined (see monitor quarantine --period {period})" if quarantined else ""
    return (f"{period}: no assembly held, only {plural.en_count(refused, 'refused application record')} and "
            f"{plural.en_count(prevented, 'prevented assembly record')}, kept in the warehouse (events_not_held){held_back}: a report counts assemblies held, "
            "so none is rendered")


def _withdraw(period: str) -> None:
    """The period's earlier report and exports out of the public folders, said."""
    from assets.report.withdraw import withdraw

    for folder in withdraw(period):
        print(f"{period}: withdrew {folder} (rendered from cards the period no longer has)")


def _valid_records(period: str) -> tuple[int, int, int, int]:
    """(assemblies held, refused records, prevented records, quarantined records and files) of a period in the warehouse."""
    from assets.core import ducklake, warehouse
    from assets.core.sqlfiles import sql

    p = {"period": period}
    with warehouse.connect(read_only=True) as con:
        held, refused, prevented = con.execute(sql("checks/records_of_period"), p).fetchone()
        return held, refused, prevented, con.execute(sql("cli/summary_quarantined"), p).fetchone()[0]


def _step(selection: list[str], period: str | None, instance, tags: dict[str, str], label: str,
          summary: bool = True) -> bool:
    """Run one step of a command and say how it went: its own counts when it succeeded (summary=False:
    its label), what failed and what to do when not (never the counts of an earlier run)."""
    t0 = time.monotonic()
    result = _execute(selection, period, instance, tags)
    took = f" ({time.monotonic() - t0:.1f}s)"
    if result.success:
        line, _, warnings_below = (_summary(period) if period and summary else label).partition("\n")
        print("ok  " + line + took + ("\n" + warnings_below if warnings_below else ""))
    else:
        print(f"FAILED {label}{took}:")
        print("\n".join(failure_lines(result)))
    return result.success


def _figures_cursor(instance) -> int:
    import dagster as dg

    recs = instance.fetch_materializations(dg.AssetKey("figures"), limit=1).records
    return recs[0].storage_id if recs else 0


def _refresh_later_reports(instance, after: int, rendered_now: set[str], tags: dict[str, str]) -> bool:
    """Periods whose figures changed since `after`: re-render the later periods' reports that compare
    with them (those already rendered, and not just rendered by this command)."""
    from pipelines import automation

    changes, _ = automation.figures_changes(instance, after)
    changed = sorted({p for p, _ in changes})
    ok = True
    for q in automation.later_reports(instance, changed):
        if q in rendered_now:
            continue
        print(f"figures of {', '.join(changed)} changed: re-rendering the report of {q}, which compares with them")
        ok &= _step(["report"], q, instance, {**tags, "monitor/trigger": "figures_changed"}, f"report {q}")
    return ok


def _summary(period: str) -> str:
    from assets.core import ducklake, warehouse
    from assets.core.sqlfiles import sql

    p = {"period": period}
    with warehouse.connect(read_only=True) as con:  # sql/cli/summary_*.sql, the coverage as derive reads it
        c = con.execute(sql("cli/summary_cards"), p).fetchone()[0]
        q = con.execute(sql("cli/summary_quarantined"), p).fetchone()[0]
        f, prov = con.execute(sql("cli/summary_figures"), p).fetchone()
        has_cov = con.execute(sql("common/table_exists"), {"name": "coverage"}).fetchone()[0]
        cov = con.execute(sql("derive/coverage_of_period"), p).fetchone() if has_cov else None
        r = dict(con.execute(sql("cli/summary_reconciliation"), p).fetchall())
        pairs = con.execute(sql("checks/possible_duplicate_events"), p).fetchall()
    rec = f"; reconciliation: {r.get('match', 0)} match, {r.get('match_truncated', 0)} truncated, {r.get('match_approximate', 0)} approximate, {r.get('mismatch', 0)} mismatch, {r.get('not_derived', 0)} not derived, {r.get('not_published', 0)} not published" if r else ""
    partial = ""
    if cov and cov[0] == "partial":
        partial = " (cards partial" + (f": {cov[1]:.0%} of the published assemblies" if cov[1] is not None else "") + \
                  "; the figures stay the published ones until the period is declared complete)"
    return summary_line(period, c, q, f, prov) + partial + rec + duplicates_warning(pairs)


def duplicates_warning(pairs: list[tuple]) -> str:
    """The lines under a period's summary naming the pairs of cards the check possible_duplicate_events found (one
    assembly recorded twice?); '' when none. The cards still count: a monitor looks and decides."""
    if not pairs:
        return ""
    from assets.core.terminal import escape

    head = (f"\n    warning: {plural.en_count(len(pairs), 'pair')} of cards of one day, city and form at one place may "
            "record one assembly twice (both counted; remove one card if so):")
    return head + "".join(f"\n      {escape(a)} ({escape(fa)}) and {escape(b)} ({escape(fb)}): {d} {city} {form}"
                          for a, b, fa, fb, d, city, form in pairs[:20]) + \
        (f"\n      ... and {len(pairs) - 20} more (the check possible_duplicate_events)" if len(pairs) > 20 else "")


def summary_line(period: str, cards: int, quarantined: int, figures: int, provenance: str | None) -> str:
    """'2018: 1 card, 1 quarantined record, 12 derived figures': each count with its noun agreed (core/plural.py).
    `quarantined` counts the records (and unreadable files) refused by an error; `monitor quarantine` lists one
    row per problem (a record with two bad fields is two rows, a warning a row that refuses nothing)."""
    kind = f"{provenance} " if provenance else ""
    return (f"{period}: {plural.en_count(cards, 'card')}, {plural.en_count(quarantined, 'quarantined record')}, "
            f"{figures} {kind}{plural.en(figures, 'figure')}")


def cmd_run(args) -> int:
    if args.example:
        n = len(seed_example())
        print(f"example cards: {n} copied into {settings.inbox_dir()}" if n else "example cards already in the inbox")
    held = set(periods_in_inbox())
    # every declared period; of the calendar years after them, those with cards in the inbox
    todo = args.period or [p.id for p in periods.all_periods() if not p.generated or p.id in held]
    ok = run_periods(todo, with_report=held)
    from assets.core import ducklake, warehouse

    print(f"warehouse: {warehouse.describe()}\nreport:    {settings.build_dir() / 'report'}")
    return 0 if ok else 1


def _reap(instance) -> None:
    from pipelines import automation

    for line in automation.reap_dead_runs(instance):
        print(f"reaped: {line}", file=sys.stderr)


def cmd_report(args) -> int:
    """The reporter's refresh: only the report asset of one period, from the warehouse as it is.
    --as-of: the report exactly as it was then, into its own folder (no Dagster run: nothing is written
    to the warehouse). --changes-since: the appendix lists the cards changed since that edition."""
    periods.get(args.period)
    as_of, since = getattr(args, "as_of", None), getattr(args, "changes_since", None)
    if as_of is not None or since is not None:
        from assets.report.changes import check_moments

        try:  # a bad, empty or future date fails here, before any run (and before the warehouse is looked for)
            check_moments(as_of, since, dt.datetime.now(dt.timezone.utc))
        except ValueError as exc:
            print(f"monitor: report {args.period}: {exc}", file=sys.stderr)
            return 2
    existing_warehouse()  # a wrong MONITOR_WAREHOUSE: said in one line before any run (exit 2)
    if since is not None:
        os.environ["MONITOR_REPORT_CHANGES_SINCE"] = since
    if as_of is not None:
        return _report_as_of(args)
    instance = _instance()
    _reap(instance)
    t0 = time.monotonic()
    result = _execute(["report"], args.period, instance, {"monitor/trigger": "report"})
    took = f"{time.monotonic() - t0:.1f}s"
    if result.success and _no_report_said(result) is not None:  # nothing rendered: said, not "rendered"
        print(f"no report of {args.period} ({took}): {_no_report_said(result)}")
        for folder in _withdrawn(result):
            print(f"{args.period}: withdrew {folder} (rendered from cards the period no longer has)")
        return 0
    if result.success:
        print(f"rendered report {args.period} in {took} -> {settings.build_dir() / 'report' / args.period}")
        _say_missing_conclusions(args.period)
        return 0
    print(f"FAILED report {args.period} after {took} (the previous report, if any, is left as it was):")
    print("\n".join(failure_lines(result)))
    return 1


def _report_metadata(result) -> dict:
    """The metadata of the report's materialization in an in-process run ({} when none)."""
    for ev in result.get_asset_materialization_events():
        mat = ev.event_specific_data.materialization
        if mat.asset_key.to_user_string() == "report":
            return dict(mat.metadata)
    return {}


def _no_report_said(result) -> str | None:
    """Why the report asset rendered nothing (its `no_report` metadata: a period with no assembly held), or None."""
    v = _report_metadata(result).get("no_report")
    return None if v is None else str(getattr(v, "value", v))


def _withdrawn(result) -> list[str]:
    v = _report_metadata(result).get("withdrawn")
    return [str(x) for x in (getattr(v, "value", v) or [])]


def _report_as_of(args) -> int:
    from assets.report import asof
    from assets.report.changes import since_from_env

    t0 = time.monotonic()
    try:
        target, results = asof.render_as_of(args.period, args.as_of, changes_since=since_from_env())
    except (asof.NothingThen, ValueError) as exc:
        print(f"monitor: report {args.period} --as-of {args.as_of}: {exc}", file=sys.stderr)
        return 2
    for lang, r, files in results:
        for f, p in files.items():
            print(f"{lang} {f}: {p} ({r.engine})")
    print(f"rendered report {args.period} as of {args.as_of} in {time.monotonic() - t0:.1f}s -> {target}")
    return 0


def cmd_backfill(args) -> int:
    """Every period of a range, each its own run (a failed period does not stop the others):
    the published figures and audit once, then per period ingest -> validate -> figures ->
    reconciliation, and the report where the period has cards. With --submit, a Dagster backfill
    is created instead and the daemon runs it (as the UI's "Materialize" -> backfill does)."""
    todo = periods.in_range(args.first, args.last)
    if args.submit:
        return _submit_backfill(todo, args.webserver)
    inbox_usable()
    import uuid

    instance = _instance()
    _reap(instance)
    tags = {"monitor/trigger": "backfill", "monitor/backfill": f"{args.first}..{args.last}-{uuid.uuid4().hex[:8]}"}
    with_report = set(periods_in_inbox()) & set(todo)
    ok = _step(PUBLISHED_ASSETS, None, instance, tags, "published figures and audit")
    mark = _figures_cursor(instance)
    failed = []
    rendered = set()
    for p in todo:
        step_ok, reported = _period_steps(p, p in with_report, instance, tags)
        if not step_ok:
            failed.append(p)
        rendered |= {p} if reported else set()
    ok &= _refresh_later_reports(instance, mark, rendered, tags)
    _say_inbox_level()
    print(f"backfill {tags['monitor/backfill']}: {len(todo) - len(failed)} of {len(todo)} {plural.en(len(todo), 'period')} ok"
          + (f"; failed: {', '.join(failed)} (re-run them alone: monitor backfill --from P --to P)" if failed else ""))
    return 0 if ok and not failed else 1


def _submit_backfill(todo: list[str], webserver: str | None = None) -> int:
    """Create a Dagster asset backfill of period_job's assets over `todo` in the instance of
    DAGSTER_HOME, through Dagster's public GraphQL mutation (pipelines/backfill_submit.py); the
    daemon (`dg dev`, or `dagster-daemon run`) launches one run per period."""
    from pipelines import backfill_submit
    from pipelines.definitions import defs
    from pipelines.jobs import CARD_GROUPS

    webserver = webserver or os.environ.get(backfill_submit.WEBSERVER_ENV) or None
    if webserver:
        bad = _url_problem(webserver)
        if bad:
            print(f"monitor: {backfill_submit.WEBSERVER_ENV} {bad}", file=sys.stderr)
            return 2
    else:
        # the backfill goes into the instance of DAGSTER_HOME: only a daemon of that instance launches its runs
        if not daemon_alive(_instance()):
            print(f"monitor: no Dagster daemon is running for the instance {dagster_home()} (no heartbeat in the last "
                  f"{DAEMON_FRESH_S // 60} minutes): a backfill submitted now would wait, QUEUED, until one runs. Start "
                  f"it (`make dev`, or `DAGSTER_HOME={dagster_home()} dagster-daemon run -w workspace.yaml`), then "
                  f"submit again; or run the periods here: monitor backfill --from {todo[0]} --to {todo[-1]}",
                  file=sys.stderr)
            return 1
    # period_job's assets (its groups), and the published figures (unpartitioned, once) that the
    # figures of periods without cards take
    keys = sorted({s.key.to_user_string() for s in defs.resolve_all_asset_specs()
                   if s.group_name in CARD_GROUPS or s.key.to_user_string() in PUBLISHED_ASSETS})
    try:
        backfill_id = backfill_submit.submit(todo, keys, {"monitor/trigger": "backfill"}, webserver)
    except backfill_submit.SubmitError as exc:
        print(f"monitor: backfill {todo[0]}..{todo[-1]} not submitted: {exc}", file=sys.stderr)
        return 1
    where = f" ({webserver.rstrip('/')}/runs/b/{backfill_id})" if webserver else ""
    print(f"submitted backfill {backfill_id}: {', '.join(todo)} ({', '.join(keys)}); "
          f"the daemon runs it - see Overview -> Backfills in the UI{where}")
    return 0


def cmd_ops(args) -> int:
    """Operations: which period the nightly rebuild takes, and reaping runs killed mid-way."""
    from pipelines import automation

    if args.what == "current-period":
        print(automation.current_period())
        return 0
    instance = _instance()
    reaped = automation.reap_dead_runs(instance)
    for line in reaped:
        print(line)
    print(f"{plural.en_count(len(reaped), 'dead run')} marked failed, their pool slots freed")
    return 0


def cmd_quarantine(args) -> int:
    from assets.core import ducklake, warehouse
    from assets.ingest.inbox import INBOX_LEVEL
    from assets.core.sqlfiles import sql

    if args.period:
        periods.get(args.period)  # an unknown period is refused, not answered with "0 quarantine rows"
    with warehouse.connect(read_only=True) as con:
        rows = con.execute(sql("cli/quarantine"), {"period": args.period or None, "inbox": INBOX_LEVEL}).fetchall()
    from assets.core.terminal import escape

    for p, f, sheet, row, field, value, reason, _record, _severity in rows:  # card text is escaped: no control character reaches the terminal
        # the sheet of a workbook (or the member of an ODK export's zip); a CSV's or a YAML card's is implied
        in_sheet = f", sheet {escape(sheet)}" if sheet and f.lower().endswith((".xlsx", ".zip")) else ""
        where = escape(f) + in_sheet + (f", row {row}" if row is not None else "")
        print(f"[{escape(p)}] {where}" + (f", field {escape(field)}" if field else "")
              + (f" = '{escape(value, 200)}'" if value else "") + f": {escape(reason)}")
    print(quarantine_total(len(rows), sum(1 for r in rows if r[-1] == "error"), len({(r[0], r[-2]) for r in rows if r[-1] == "error"})))
    return 0


def quarantine_total(rows: int, errors: int, records: int) -> str:
    """The last line of `monitor quarantine`: one row per problem; the records refused are fewer where a record
    has several problems, and warnings (unknown columns) refuse nothing (the run's line counts the records)."""
    out = plural.en_count(rows, "quarantine row")
    if rows:
        out += (f" ({plural.en_count(errors, 'error')} refusing {plural.en_count(records, 'record')}"
                f"{'' if rows == errors else ', ' + plural.en_count(rows - errors, 'warning')})")
    return out


def cmd_codebook(args) -> int:
    from schemas.codebook import write_codebook

    path = write_codebook()
    print(f"wrote {path}")
    return 0


def _workbook_path(given: str | None, what: str, example: str) -> tuple[Path | None, str | None]:
    """(the path to write an XLSX workbook to, or why `given` cannot be one): a folder is no file name, and a
    name must end in .xlsx (an XLSX under another name opens as garbage or not at all)."""
    if not given:
        return None, None
    path = Path(given)
    if path.is_dir():
        return None, f"monitor: {given} is a folder: give a file name (e.g. {path / example})"
    if path.suffix.lower() != ".xlsx":
        return None, f"monitor: {given}: {what} is an XLSX workbook: give a file name ending in .xlsx (e.g. {path.with_suffix('.xlsx')})"
    return path, None


def cmd_template(args) -> int:
    from schemas.codebook import write_template

    target, bad = _workbook_path(args.path, "the card template", "card-template.xlsx")
    if bad:
        print(bad, file=sys.stderr)
        return 2
    path = write_template(target)
    print(f"wrote {path}")
    return 0


def cmd_form(args) -> int:
    from schemas.xlsform import write_xlsform

    target, bad = _workbook_path(args.path, "the XLSForm", "assembly_card.xlsx")
    if bad:
        print(bad, file=sys.stderr)
        return 2
    dates = None
    if args.period:
        p = periods.get(args.period)
        dates = (p.start, p.end)
    path = write_xlsform(target or settings.build_dir() / "forms" / "assembly_card.xlsx", dates)
    print(f"wrote {path} (upload it to ODK Central or KoboToolbox; submissions come back through the inbox)")
    return 0


def cmd_pseudonym_key(args) -> int:
    from assets.core import ducklake, warehouse
    from assets.validate import pseudonym

    path = pseudonym.key_path()
    if not (args.rotate or args.rekey) and not path.exists():  # showing the key never makes one (a secret made unasked)
        print(f"monitor: no pseudonym key at {path} (MONITOR_PSEUDONYM_KEY_FILE): put the backed-up key there, or create a "
              "new one with `monitor pseudonym-key --rotate` (it gives every stored person a new pseudonym; `monitor run` "
              "also makes one for a warehouse without persons)", file=sys.stderr)
        return 1
    if args.rotate or args.rekey:
        existing_warehouse()  # a wrong MONITOR_WAREHOUSE: refused before the key changes (the real one keeps the old key's)
        if args.rotate:
            path, backup = pseudonym.rotate()
            print(f"new key {path}" + (f"; the old one is kept as {backup}" if backup else ""))
        elif not path.exists():  # --rekey after a lost key: the explicit choice of a new key for everyone, said
            print(f"no key at {path}: a new one is made")
        key = pseudonym.load_key()
        try:
            with warehouse.connect(create=False) as con:
                n = pseudonym.rekey(con, key)
        except Exception as exc:  # noqa: BLE001 - the key is in place: say how to finish
            print(f"monitor: the warehouse's pseudonyms were not changed ({type(exc).__name__}: {exc}); "
                  "run `monitor pseudonym-key --rekey` once the warehouse can be written", file=sys.stderr)
            return 1
        print(f"every period re-pseudonymised under the key of fingerprint {pseudonym.fingerprint(key)} "
              f"({plural.en_count(n, 'identity', 'identities')}, with the persons' revisions, in one transaction); re-render the reports and exports "
              "(monitor run) so that they show the new pseudonyms")
    print(f"{path} (fingerprint {pseudonym.fingerprint(pseudonym.load_key(path, create=False))}); back it up apart from "
          "the warehouse")
    return 0


def existing_warehouse() -> Path:
    """The warehouse's DuckDB file, which the commands that only maintain a warehouse (gc, erase-person,
    pseudonym-key --rotate/--rekey, warehouse-encrypt) need to exist: a missing one (a wrong MONITOR_WAREHOUSE, no
    run yet) is refused before anything changes, never created empty (exit 2, naming the path). A DuckLake: its
    path is not a file (its catalog is checked when it is opened)."""
    from core import warehouse_config

    cfg = warehouse_config.load()
    if not cfg.is_lake and not cfg.path.is_file():
        from assets.core.warehouse import missing_message

        if cfg.path.is_dir():
            raise IsADirectoryError(f"the warehouse {cfg.path} (MONITOR_WAREHOUSE) is a folder: point it at the "
                                    "warehouse's file (e.g. build/warehouse.duckdb)")
        raise FileNotFoundError(missing_message(cfg.path))
    return cfg.path


def cmd_warehouse_encrypt(args) -> int:
    from assets.core import encryption

    secret = encryption.key()
    if not secret:
        print("monitor: set MONITOR_WAREHOUSE_KEY or MONITOR_WAREHOUSE_KEY_FILE first", file=sys.stderr)
        return 2
    from core import warehouse_config

    if warehouse_config.load().is_lake:
        print("monitor: warehouse-encrypt copies the DuckDB file; this warehouse is a DuckLake (encrypt its data "
              "path with the storage's encryption, and its Postgres catalog's disk)", file=sys.stderr)
        return 2
    dst = Path(args.dest)
    if dst.exists():  # what was typed first: the destination must be new
        raise FileExistsError(f"{dst} exists: choose a new file")
    src = existing_warehouse()
    encryption.encrypt_copy(src, dst, secret)
    print(f"wrote the encrypted copy {dst} of {src}; check it (MONITOR_WAREHOUSE={dst} monitor quarantine), "
          f"then replace {src} by it and shred the plain file")
    return 0


def cmd_gc(args) -> int:
    """Delete the raw store's files that no committed write references (a write that failed or was
    rolled back after writing them; assets/core/rawstore.py)."""
    from assets.core import ducklake, rawstore, warehouse

    existing_warehouse()
    with warehouse.connect(create=False) as con:  # writable: holds the single-writer lock while it deletes
        out = rawstore.gc(con, grace_s=args.grace)
    if out["store"] is None:
        print("monitor gc: this warehouse keeps its raw layer inside (no raw store): nothing to do")
    else:
        print(f"monitor gc: deleted {plural.en_count(out['files'], 'unreferenced file')}, {out['bytes']:,} bytes, from {out['store']}")
    return 0


def cmd_erase_person(args) -> int:
    """Redact a person in the warehouse, the archived files and the inbox; rewrite the warehouse
    file; re-render the exports and report of the periods concerned."""
    from assets.core import ducklake, warehouse
    from assets.validate import erasure

    existing_warehouse()  # before the name is read or anything is redacted
    name = sys.stdin.readline().strip() if args.name == "-" else args.name  # "-": not in the shell's history
    person = tuple(args.person.split(":", 1)) if args.person else None
    if person is not None and len(person) != 2:
        print("monitor: --person takes CARD_ID:PERSON_ID", file=sys.stderr)
        return 2
    from assets.core import ducklake

    with warehouse.connect(create=False) as con:  # a wrong MONITOR_WAREHOUSE: refused, no empty warehouse made
        e = erasure.erase(con, name=name, pseudonym=args.pseudonym, person=person, by=args.by,
                          not_in_warehouse=args.not_in_warehouse)
        lake = ducklake.is_lake(con)
        if lake:  # earlier snapshots still hold the name: keep only the present state
            purged = ducklake.purge_history(con)
        else:
            con.checkpoint()
            fresh = erasure.copy_to_fresh_file(con, settings.warehouse_path())  # still under the write lock
    if not lake:
        erasure.replace_file(fresh, settings.warehouse_path())
    done = (f"the DuckLake's history was purged ({plural.en_count(purged, 'old data file')} deleted; no time travel to before now)"
            if lake else "the warehouse file was rewritten")
    print(erasure_summary(e, done))
    for bad in e.unreadable:
        print(f"monitor: could not read {bad}; if it holds the name, fix or remove it", file=sys.stderr)
    ok = True
    for p in e.periods:
        outputs = [a for a, d in (("exports", "exports"), ("report", "report")) if (settings.build_dir() / d / p).exists()]
        if outputs:
            good = materialize(outputs, p)
            ok &= good
            print(("re-rendered " if good else "FAILED to re-render ") + f"{', '.join(outputs)} of {p}")
    print("backups made before this erasure still hold the name: replace or destroy them")
    return 0 if ok else 1


def erasure_summary(e, done: str) -> str:
    """The line `monitor erase-person` prints: what was redacted, each count with its noun ('1 raw record', '2 text
    cells')."""
    return (f"erasure {e.erasure_id}: {plural.en_count(len(e.persons), 'person record')} "
            f"({', '.join(e.persons) or 'none'}), {plural.en_count(e.records, 'raw record')}, "
            f"{plural.en_count(e.cells, 'text cell')}, {plural.en_count(len(e.files), 'archived file')}, "
            f"{plural.en_count(len(e.inbox_files), 'inbox file')}, "
            f"{plural.en_count(len(e.responses), 'archived media response')} redacted as {e.marker}; {done}")


def cmd_extract(argv: list[str], prog: str = "monitor") -> int:
    try:
        from assets.media.cli import main as media_main
    except ImportError:
        print("media extraction is not installed in this checkout", file=sys.stderr)
        return 2
    return media_main(argv, prog=prog)


def _say_waits() -> None:
    """The warehouse's waits for another process's lock (assets/core/warehouse.py) go to stderr."""
    import logging

    log = logging.getLogger("monitor.wait")
    if not any(getattr(h, "_monitor_cli", False) for h in log.handlers):
        h = logging.StreamHandler(sys.stderr)
        h.setFormatter(logging.Formatter("monitor: %(message)s"))
        h._monitor_cli = True  # type: ignore[attr-defined]
        log.addHandler(h)
        log.setLevel(logging.INFO)


def _url_problem(text: str) -> str | None:
    """Why `text` is no webserver address (http(s)://host[:port][/path]), or None."""
    from urllib.parse import urlsplit

    try:
        u = urlsplit(text)
    except ValueError as exc:
        return f"{text!r} is not a URL ({exc})"
    if u.scheme not in ("http", "https") or not u.netloc:
        return f"{text!r} is not the address of a Dagster webserver: give http://HOST:PORT (or https://...)"
    return None


def _webserver(text: str) -> str:
    bad = _url_problem(text)
    if bad:
        raise argparse.ArgumentTypeError(bad)
    return text


def _seconds(text: str) -> float:
    """A duration in seconds, 0 or more (argparse names the option and the value when this raises)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds, 0 or more") from None
    if not value >= 0:  # (NaN too)
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds, 0 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    """`monitor`'s parser (`extract` and `media` are only named here: main hands them to assets/media/cli.py's
    parser before this one reads anything). tests/test_readme_commands.py checks the README's commands against it."""
    ap = argparse.ArgumentParser(prog="monitor", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="ingest, validate, derive and render")
    r.add_argument("--example", action="store_true", help="first copy the bundled example cards into the inbox")
    r.add_argument("--period", action="append", help="a period id (repeatable); default: every period folder in the inbox")
    r.set_defaults(fn=cmd_run)
    rep = sub.add_parser("report", help="re-render only the report")
    rep.add_argument("--period", required=True)
    rep.add_argument("--as-of", dest="as_of", metavar="DATE",
                     help="the report exactly as it was at DATE (YYYY-MM-DD: end of that day, UTC; or YYYY-MM-DDTHH:MM:SS), "
                          "into build/report/<period>-as-of-DATE/")
    rep.add_argument("--changes-since", dest="changes_since", metavar="DATE",
                     help="the appendix lists the cards added, corrected or removed since DATE (the last edition)")
    rep.set_defaults(fn=cmd_report)
    b = sub.add_parser("backfill", help="materialize a range of periods")
    b.add_argument("--from", dest="first", required=True)
    b.add_argument("--to", dest="last", required=True)
    b.add_argument("--submit", action="store_true", help="create a Dagster backfill for the daemon instead of running here")
    b.add_argument("--webserver", metavar="URL", type=_webserver, help="with --submit: the running Dagster webserver to send it to "
                   "(default: $MONITOR_DAGSTER_WEBSERVER, else the dagster-graphql command on this project's workspace)")
    b.set_defaults(fn=cmd_backfill)
    o = sub.add_parser("ops", help="operations: current-period | reap (mark runs killed mid-way as failed)")
    o.add_argument("what", choices=["current-period", "reap"])
    o.set_defaults(fn=cmd_ops)
    q = sub.add_parser("quarantine", help="list quarantined records")
    q.add_argument("--period")
    q.set_defaults(fn=cmd_quarantine)
    # read before argparse (main): here only so that `monitor --help` lists them
    sub.add_parser("extract", help="media: the assemblies one article reports, as JSON lines (monitor extract --help)")
    sub.add_parser("media", help="media: fetch | articles | review export|import (monitor media --help)")
    sub.add_parser("codebook", help="regenerate schemas/codebook.md").set_defaults(fn=cmd_codebook)
    t = sub.add_parser("template", help="write the XLSX card template")
    t.add_argument("path", nargs="?")
    t.set_defaults(fn=cmd_template)
    fm = sub.add_parser("form", help="write the XLSForm of the card (ODK Collect / KoboToolbox)")
    fm.add_argument("path", nargs="?")
    fm.add_argument("--period", help="constrain the date to this period")
    fm.set_defaults(fn=cmd_form)
    we = sub.add_parser("warehouse-encrypt", help="copy the plain warehouse into an encrypted one")
    we.add_argument("dest")
    we.set_defaults(fn=cmd_warehouse_encrypt)
    gcp = sub.add_parser("gc", help="delete raw-store files no committed write references (left by a failed write)")
    gcp.add_argument("--grace", type=_seconds, default=0.0, metavar="SECONDS",
                     help="keep unreferenced files younger than this (default 0)")
    gcp.set_defaults(fn=cmd_gc)
    er = sub.add_parser("erase-person", help="erase a person on request (name redacted everywhere, counts kept)")
    who = er.add_mutually_exclusive_group(required=True)
    who.add_argument("--name", help="the person's name ('-': read it from stdin)")
    who.add_argument("--pseudonym", help="the person's pseudonym (P-...)")
    who.add_argument("--person", help="CARD_ID:PERSON_ID")
    er.add_argument("--by", help="who erases (recorded; default: the login name)")
    er.add_argument("--not-in-warehouse", action="store_true",
                    help="erase --name even though no stored person bears it (e.g. a name only in a workbook the pipeline could not open); "
                         "only the whole name is redacted")
    er.set_defaults(fn=cmd_erase_person)
    pk = sub.add_parser("pseudonym-key", help="the secret key of the pseudonyms: where it is; --rotate makes a new one")
    pk.add_argument("--rotate", action="store_true",
                    help="a new key (the old one kept as a .bak beside it), then every period re-pseudonymised under it")
    pk.add_argument("--rekey", action="store_true",
                    help="re-pseudonymise every period under the key in use (after a lost key, or a key restored)")
    pk.set_defaults(fn=cmd_pseudonym_key)
    return ap


def main(argv: list[str] | None = None) -> int:
    global DEBUG
    argv = list(sys.argv[1:] if argv is None else argv)
    DEBUG = "--debug" in argv
    argv = [a for a in argv if a != "--debug"]
    _say_waits()
    if argv[:1] in (["extract"], ["media"]):
        return cmd_extract(argv if argv[0] == "extract" else argv[1:], "monitor" if argv[0] == "extract" else
                           "monitor media")
    args = build_parser().parse_args(argv)
    try:
        code = args.fn(args)
        sys.stdout.flush()  # a closed pipe shows here, not at the interpreter's exit
        return code
    except BrokenPipeError:
        return _pipe_closed()
    except KeyboardInterrupt:  # Ctrl-C: stop the whole command (before, only the running step stopped)
        print(INTERRUPTED, file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - said in one line; the traceback with --debug
        if DEBUG:
            raise
        code, lines = classify(exc)
        print("\n".join(lines), file=sys.stderr)
        return code


INTERRUPTED = ("monitor: interrupted (Ctrl-C): stopped; the step that was running left what it writes as it was "
               "(the warehouse's periods, the report and exports are replaced whole or not at all), the steps after it "
               "did not run; give the same command again to finish")


def _pipe_closed() -> int:
    """The reader of our output went away (`monitor quarantine | head -1`): normal, as for any Unix tool -
    stop quietly (stdout pointed at /dev/null, so that the interpreter's last flush says nothing)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - no file descriptor behind stdout
        pass
    return 0


# The errors that name what the user gave (a path, a file of settings): exit 2, what to give instead, no
# "run again" - retrying the same command cannot help.
_ARGUMENT_OS_ERRORS = {
    FileExistsError: "it exists already: choose a new file name",
    IsADirectoryError: "it is a folder: give a file name",
    NotADirectoryError: "a part of the path is a file, not a folder: give a path through folders",
    FileNotFoundError: "no such file or folder: check the path",
}


def classify(exc: BaseException) -> tuple[int, list[str]]:
    """The one place a command's error becomes an exit code and words (no traceback): 2 for what the user gave
    (a bad argument, path, setting or configuration file), 1 for a failure (assets/failures.explain: a passing
    one - disk, network - or one that needs its cause fixed)."""
    import yaml

    if isinstance(exc, KeyError):
        return 2, [f"monitor: {exc.args[0] if exc.args else exc}"]
    if isinstance(exc, (ValueError, yaml.YAMLError)):
        return 2, [f"monitor: {exc}"]
    for kind, what in _ARGUMENT_OS_ERRORS.items():
        if isinstance(exc, kind):
            where = getattr(exc, "filename", None)
            return 2, [f"monitor: {where}: {what}" if where else f"monitor: {str(exc).strip() or what}"]
    from assets.failures import explain

    e = explain(exc, retried=False)
    return 1, [f"monitor: {e.what}", f"  what to do: {e.action}"]


if __name__ == "__main__":
    sys.exit(main())
