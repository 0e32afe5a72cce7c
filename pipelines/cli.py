"""`monitor`: the pipeline from the command line (what `make run`, `make report`, `make backfill` call).

    monitor run [--example] [--period P ...]   published history; then per period ingest -> validate ->
                                               figures -> reconciliation (-> report where cards exist)
    monitor report --period P                  re-render only the report of P (no recomputation)
    monitor backfill --from A --to B [--submit]  every period of a range, each its own run
                                               (--submit: a Dagster backfill the daemon runs)
    monitor ops current-period | reap          the nightly's period; mark runs killed mid-way failed
    monitor quarantine [--period P]            what was rejected, and why
    monitor codebook                           regenerate schemas/codebook.md from schemas/card.yaml
    monitor template [PATH]                    the spreadsheet template monitors fill
    monitor extract PATH_OR_URL                media extraction on one article (JSON lines)

Runs are recorded in the Dagster instance of DAGSTER_HOME (the Makefile sets dagster_home/), so
they show in the UI (`make dev`).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

from assets.core import periods, settings


def _instance():
    import dagster as dg

    if os.environ.get("DAGSTER_HOME"):
        Path(os.environ["DAGSTER_HOME"]).mkdir(parents=True, exist_ok=True)
        return dg.DagsterInstance.get()
    return dg.DagsterInstance.ephemeral()


PERIOD_ASSETS = ["raw_cards", "cards", "figures", "reconciliation"]
PUBLISHED_ASSETS = ["published_figures", "audit"]


def materialize(selection: list, period: str | None, instance=None) -> bool:
    """Materialize `selection` (asset names) for one period (None: unpartitioned assets), in process."""
    import dagster as dg

    from pipelines.automation import run_tags
    from pipelines.definitions import defs

    result = dg.materialize(
        assets=[*defs.assets, *defs.asset_checks],  # type: ignore[list-item]
        selection=dg.AssetSelection.assets(*selection),
        partition_key=period,  # None for unpartitioned assets
        resources=defs.resources,
        instance=instance or _instance(),
        raise_on_error=False,
        tags=run_tags(),
        run_config={"loggers": {"console": {"config": {"log_level": os.environ.get("MONITOR_LOG_LEVEL", "WARNING")}}}},
    )
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
    root = settings.inbox_dir() / "cards"
    return [p for p in periods.period_ids() if (root / p).is_dir() and any(root.joinpath(p).rglob("*.*"))]


def run_periods(todo: list[str], with_report: set[str]) -> bool:
    """Published history and its audit once, then each period independently."""
    from pipelines.automation import reap_dead_runs

    inst = _instance()
    for line in reap_dead_runs(inst):  # a killed earlier run must not hold the write pool forever
        print(line)
    ok = materialize(PUBLISHED_ASSETS, None, inst)
    print(("ok  " if ok else "FAILED ") + "published figures and audit")
    for p in todo:
        periods.get(p)
        t0 = time.monotonic()
        good = materialize(PERIOD_ASSETS + (["report", "exports"] if p in with_report else []), p, inst)
        ok &= good
        print(("ok  " if good else "FAILED ") + _summary(p) + f" ({time.monotonic() - t0:.1f}s)")
    return ok


def _summary(period: str) -> str:
    from assets.core import warehouse

    with warehouse.connect(read_only=True) as con:
        c = con.execute("SELECT count(*) FROM cards WHERE period = ?", [period]).fetchone()[0]
        q = con.execute("SELECT count(DISTINCT record_id) FROM quarantine WHERE period = ? AND severity = 'error'", [period]).fetchone()[0]
        f, prov = con.execute("SELECT count(*), any_value(provenance) FROM figures WHERE period = ?", [period]).fetchone()
        r = dict(con.execute("SELECT status, count(*) FROM reconciliation WHERE period = ? GROUP BY status", [period]).fetchall())
    rec = f"; reconciliation: {r.get('match', 0)} match, {r.get('match_truncated', 0)} truncated, {r.get('match_approximate', 0)} approximate, {r.get('mismatch', 0)} mismatch, {r.get('not_derived', 0)} not derived, {r.get('not_published', 0)} not published" if r else ""
    return f"{period}: {c} cards, {q} quarantined records/files, {f} {prov or ''} figures{rec}"


def cmd_run(args) -> int:
    if args.example:
        n = len(seed_example())
        print(f"example cards: {n} copied into {settings.inbox_dir()}" if n else "example cards already in the inbox")
    todo = args.period or periods.period_ids()
    ok = run_periods(todo, with_report=set(periods_in_inbox()))
    print(f"warehouse: {settings.warehouse_path()}\nreport:    {settings.build_dir() / 'report'}")
    return 0 if ok else 1


def _launch(selection: list[str], period: str | None, instance, tags: dict[str, str]) -> bool:
    """One Dagster run of `selection` for `period`, recorded in the instance, tagged with this
    process (so a run killed mid-way is recognised and its pool slot freed by the next command)."""
    import dagster as dg

    from pipelines import automation
    from pipelines.definitions import defs

    result = dg.materialize(
        assets=[*defs.assets, *defs.asset_checks],  # type: ignore[list-item]
        selection=dg.AssetSelection.assets(*selection),
        partition_key=period,
        resources=defs.resources,
        instance=instance,
        raise_on_error=False,
        tags={**automation.run_tags(), **tags},
        run_config={"loggers": {"console": {"config": {"log_level": os.environ.get("MONITOR_LOG_LEVEL", "WARNING")}}}},
    )
    return result.success


def _reap(instance) -> None:
    from pipelines import automation

    for line in automation.reap_dead_runs(instance):
        print(f"reaped: {line}", file=sys.stderr)


def cmd_report(args) -> int:
    """The reporter's refresh: only the report asset of one period, from the warehouse as it is."""
    periods.get(args.period)
    instance = _instance()
    _reap(instance)
    t0 = time.monotonic()
    good = _launch(["report"], args.period, instance, {"monitor/trigger": "report"})
    print(("rendered" if good else "FAILED") + f" report {args.period} in {time.monotonic() - t0:.1f}s -> {settings.build_dir() / 'report' / args.period}")
    return 0 if good else 1


def cmd_backfill(args) -> int:
    """Every period of a range, each its own run (a failed period does not stop the others):
    the published figures and audit once, then per period ingest -> validate -> figures ->
    reconciliation, and the report where the period has cards. With --submit, a Dagster backfill
    is created instead and the daemon runs it (as the UI's "Materialize" -> backfill does)."""
    todo = periods.in_range(args.first, args.last)
    if args.submit:
        return _submit_backfill(todo)
    import uuid

    instance = _instance()
    _reap(instance)
    tags = {"monitor/trigger": "backfill", "monitor/backfill": f"{args.first}..{args.last}-{uuid.uuid4().hex[:8]}"}
    with_report = set(periods_in_inbox()) & set(todo)
    ok = _launch(PUBLISHED_ASSETS, None, instance, tags)
    print(("ok  " if ok else "FAILED ") + "published figures and audit")
    failed = []
    for p in todo:
        t0 = time.monotonic()
        good = _launch(PERIOD_ASSETS + (["report", "exports"] if p in with_report else []), p, instance, tags)
        if not good:
            failed.append(p)
        print(("ok  " if good else "FAILED ") + _summary(p) + f" ({time.monotonic() - t0:.1f}s)")
    print(f"backfill {tags['monitor/backfill']}: {len(todo) - len(failed)} of {len(todo)} periods ok"
          + (f"; failed: {', '.join(failed)} (re-run them alone: monitor backfill --from P --to P)" if failed else ""))
    return 0 if ok and not failed else 1


def _submit_backfill(todo: list[str]) -> int:
    """Create a Dagster asset backfill of period_job's assets over `todo` in the instance of
    DAGSTER_HOME; the daemon (`dg dev`, or `dagster-daemon run`) launches one run per period."""
    from dagster._core.execution.backfill import PartitionBackfill
    from dagster._core.utils import make_new_backfill_id
    from dagster._time import get_current_timestamp

    from pipelines.definitions import defs

    if not os.environ.get("DAGSTER_HOME"):
        print("monitor: --submit needs DAGSTER_HOME (the instance the daemon reads); `make` sets it", file=sys.stderr)
        return 2
    instance = _instance()
    graph = defs.resolve_asset_graph()
    # the published figures (unpartitioned, once) that figures of periods without cards take, then period_job's assets
    keys = sorted(set(defs.resolve_job_def("period_job").asset_layer.executable_asset_keys)
                  | {k for k in graph.get_all_asset_keys() if k.to_user_string() in PUBLISHED_ASSETS})
    backfill = PartitionBackfill.from_asset_partitions(
        backfill_id=make_new_backfill_id(), asset_graph=graph, partition_names=todo, asset_selection=keys,
        backfill_timestamp=get_current_timestamp(), tags={"monitor/trigger": "backfill"},
        dynamic_partitions_store=instance, all_partitions=False, title=f"periods {todo[0]}..{todo[-1]}",
        description="monitor backfill --submit", run_config=None)
    instance.add_backfill(backfill)
    print(f"submitted backfill {backfill.backfill_id}: {', '.join(todo)} ({', '.join(k.to_user_string() for k in keys)}); "
          f"the daemon runs it - see Overview -> Backfills in the UI")
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
    print(f"{len(reaped)} dead run(s) marked failed, their pool slots freed")
    return 0


def cmd_quarantine(args) -> int:
    from assets.core import warehouse

    with warehouse.connect(read_only=True) as con:
        sql = "SELECT period, source_file, row_no, field, value, reason FROM quarantine"
        params = []
        if args.period:
            sql += " WHERE period = ?"
            params.append(args.period)
        rows = con.execute(sql + " ORDER BY period, source_file, row_no", params).fetchall()
    for p, f, row, field, value, reason in rows:
        where = f"{f}" + (f", row {row}" if row is not None else "")
        print(f"[{p}] {where}" + (f", field {field}" if field else "") + (f" = {value!r}" if value else "") + f": {reason}")
    print(f"{len(rows)} quarantine rows")
    return 0


def cmd_codebook(args) -> int:
    from schemas.codebook import write_codebook

    path = write_codebook()
    print(f"wrote {path}")
    return 0


def cmd_template(args) -> int:
    from schemas.codebook import write_template

    path = write_template(Path(args.path) if args.path else None)
    print(f"wrote {path}")
    return 0


def cmd_extract(argv: list[str]) -> int:
    try:
        from assets.media.cli import main as media_main
    except ImportError:
        print("media extraction is not installed in this checkout", file=sys.stderr)
        return 2
    return media_main(argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] in (["extract"], ["media"]):
        return cmd_extract(argv if argv[0] == "extract" else argv[1:])
    ap = argparse.ArgumentParser(prog="monitor", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="ingest, validate, derive and render")
    r.add_argument("--example", action="store_true", help="first copy the bundled example cards into the inbox")
    r.add_argument("--period", action="append", help="a period id (repeatable); default: every period folder in the inbox")
    r.set_defaults(fn=cmd_run)
    rep = sub.add_parser("report", help="re-render only the report")
    rep.add_argument("--period", required=True)
    rep.set_defaults(fn=cmd_report)
    b = sub.add_parser("backfill", help="materialize a range of periods")
    b.add_argument("--from", dest="first", required=True)
    b.add_argument("--to", dest="last", required=True)
    b.add_argument("--submit", action="store_true", help="create a Dagster backfill for the daemon instead of running here")
    b.set_defaults(fn=cmd_backfill)
    o = sub.add_parser("ops", help="operations: current-period | reap (mark runs killed mid-way as failed)")
    o.add_argument("what", choices=["current-period", "reap"])
    o.set_defaults(fn=cmd_ops)
    q = sub.add_parser("quarantine", help="list quarantined records")
    q.add_argument("--period")
    q.set_defaults(fn=cmd_quarantine)
    sub.add_parser("codebook", help="regenerate schemas/codebook.md").set_defaults(fn=cmd_codebook)
    t = sub.add_parser("template", help="write the XLSX card template")
    t.add_argument("path", nargs="?")
    t.set_defaults(fn=cmd_template)
    args = ap.parse_args(argv)
    try:
        return args.fn(args)
    except (KeyError, ValueError, FileNotFoundError) as exc:
        print(f"monitor: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
