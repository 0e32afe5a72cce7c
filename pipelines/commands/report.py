"""`monitor report`: re-render one period's report (no recomputation), or with --as-of the report as it was
at a date, into a folder of its own."""
from __future__ import annotations

import datetime as dt
import os
import sys
import time

from assets.core import periods
from core import settings
from pipelines.commands.privacy import existing_warehouse
from pipelines.commands.runs import _execute, _instance, _reap, _say_missing_conclusions, failure_lines


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
