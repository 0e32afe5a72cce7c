"""`monitor run`, and what every command that runs assets uses: the Dagster instance (DAGSTER_HOME), one
in-process run and what a failed one says (--debug: set_debug), the published step and each period's steps
(ingest -> validate -> figures -> reconciliation -> report), the inbox checks, the one-line summaries."""
from __future__ import annotations

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


def set_debug(on: bool) -> None:
    """`monitor --debug` (pipelines/cli.py's main): Dagster's run log and the traceback of a failure."""
    global DEBUG
    DEBUG = on


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
