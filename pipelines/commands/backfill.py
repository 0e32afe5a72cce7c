"""`monitor backfill` (every period of a range here, each its own run; or --submit: a Dagster backfill the
daemon runs) and `monitor ops` (the nightly's period; mark runs killed mid-way failed)."""
from __future__ import annotations

import os
import sys

from assets.core import periods
from core import plural
from pipelines.commands.runs import (DAEMON_FRESH_S, PUBLISHED_ASSETS, _figures_cursor, _instance, _period_steps, _reap,
                                     _refresh_later_reports, _say_inbox_level, _step, daemon_alive, dagster_home,
                                     inbox_usable, periods_in_inbox)


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
