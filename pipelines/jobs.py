"""Jobs, schedules and sensors: the three ways the pipeline runs unattended or on demand.

period_job     ingest -> validate -> derive (with their checks) -> report for one period
report_job     only the report of one period (the reporter's refresh)
nightly_job    period_job's assets for the current period, plus the unpartitioned groups "published"
               (published figures, audit) and "media" (the media fetch) when they are in the code location
media_review_job  the import of the monitors' review spreadsheets (when the media assets exist)

nightly_rebuild   schedule, 02:00 Asia/Almaty: nightly_job for the current period
inbox_sensor      new/changed/removed card files -> period_job for just the periods they touch;
                  a changed review spreadsheet -> media_review_job
later_reports     a period's figures changed -> report_job for the later periods whose report compares with it
dead_runs         runs whose process died (SIGKILL): marked failed, their pool slot freed
run_failed        every failed run: the failed assets and the reason in the log, and the optional
                  webhook / e-mail of config/notifications.yaml

The logic lives in pipelines/automation.py (plain functions, tested without Dagster's daemon).
Schedules and sensors run only under the Dagster daemon (`dg dev` starts one; in production
`dagster-daemon run`, see docs/operations.md).
"""
from __future__ import annotations

import datetime as dt

import dagster as dg

from core import dates as core_dates
from core import plural
from pipelines import automation, notify
from pipelines.assets_index import ALL_ASSETS

CARD_GROUPS = ("ingest", "validate", "derive", "report")
MEDIA_GROUP = "media"
PUBLISHED_GROUP = "published"  # the published figures and their audit: unpartitioned, upstream of figures
TIMEZONE = core_dates.TIMEZONE

# Only what can recover is retried. The assets run their bodies under assets/failures.guard()
# (the warehouse resource does it for every warehouse access): a lock held beyond MONITOR_LOCK_WAIT_S
# or an I/O error raises dg.RetryRequested with backoff; validation, schema, SQL and check failures
# raise dg.Failure(allow_retries=False) and fail at once. This policy is the fallback for an asset
# that raises a bare exception outside the guard (the media fetch's network errors).
RETRY = dg.RetryPolicy(max_retries=2, delay=5, backoff=dg.Backoff.EXPONENTIAL)


def _groups_in_defs() -> set[str]:
    groups: set[str] = set()
    for a in ALL_ASSETS:
        groups |= set(getattr(a, "group_names_by_key", {}).values())
    return groups


def _review_assets() -> list[str]:
    """Media assets whose name mentions 'review' (the spreadsheet import and the queue export)."""
    names = []
    for a in ALL_ASSETS:
        for key, group in getattr(a, "group_names_by_key", {}).items():
            if group == MEDIA_GROUP and "review" in key.to_user_string():
                names.append(key.to_user_string())
    return sorted(names)


GROUPS = _groups_in_defs()
HAS_MEDIA = MEDIA_GROUP in GROUPS
REVIEW_ASSETS = _review_assets()

period_job = dg.define_asset_job(
    "period_job",
    selection=dg.AssetSelection.groups(*CARD_GROUPS),
    op_retry_policy=RETRY,
    tags={"monitor/kind": "period"},
    description="Everything for one monitoring period: cards in, figures and report out.",
)

report_job = dg.define_asset_job(
    "report_job",
    selection=dg.AssetSelection.assets("report"),
    op_retry_policy=RETRY,
    tags={"monitor/kind": "report"},
    description="Re-render the report of one period from the warehouse as it is (no recomputation).",
)

nightly_job = dg.define_asset_job(
    "nightly_job",
    selection=dg.AssetSelection.groups(*[g for g in (PUBLISHED_GROUP, MEDIA_GROUP) if g in GROUPS], *CARD_GROUPS),
    op_retry_policy=RETRY,
    tags={"monitor/kind": "nightly"},
    description="The nightly rebuild: the media fetch (if installed) and everything of the current period.",
)

ALL_JOBS = [period_job, report_job, nightly_job]

media_review_job = None
if REVIEW_ASSETS:
    media_review_job = dg.define_asset_job(
        "media_review_job",
        selection=dg.AssetSelection.assets(*REVIEW_ASSETS),
        op_retry_policy=RETRY,
        tags={"monitor/kind": "media_review"},
        description="Import the monitors' review spreadsheets (inbox/reviews/*.xlsx); accepted candidates become card files.",
    )
    ALL_JOBS.append(media_review_job)


# --------------------------------------------------------------------------- nightly schedule

def _nightly_without_report() -> list[dg.AssetKey]:
    """nightly_job's assets but the report group's: for a period with no card yet (a year that has
    just begun) there is nothing to render, and the report would fail every night."""
    out = []
    for a in ALL_ASSETS:
        for key, group in getattr(a, "group_names_by_key", {}).items():
            if group != "report" and group in (PUBLISHED_GROUP, MEDIA_GROUP, *CARD_GROUPS):
                out.append(key)
    return sorted(out, key=lambda k: k.to_user_string())


def nightly_request(scheduled: dt.datetime | None) -> dg.RunRequest:
    from assets.ingest.inbox import holds_card_files

    day = (scheduled or dt.datetime.now()).date()
    period = automation.current_period(day)
    has_cards = holds_card_files(period)
    return dg.RunRequest(
        run_key=f"nightly-{day.isoformat()}",
        partition_key=period,
        asset_selection=None if has_cards else _nightly_without_report(),
        tags={"monitor/trigger": "nightly", "monitor/night": day.isoformat(),
              **({} if has_cards else {"monitor/report": f"skipped: no card of {period} in the inbox yet"})},
    )


@dg.schedule(
    name="nightly_rebuild",
    cron_schedule="0 2 * * *",
    execution_timezone=TIMEZONE,
    job=nightly_job,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Every night at 02:00 (Asia/Almaty): re-materialize the current period "
                "(the one of config/periods.yaml containing today, else the latest) and the media fetch.",
)
def nightly_rebuild(context: dg.ScheduleEvaluationContext):
    req = nightly_request(context.scheduled_execution_time)
    context.log.info(f"nightly rebuild of period {req.partition_key}")
    return req


# --------------------------------------------------------------------------- inbox sensor

def _inbox_unusable(loaded: dict[str, dict[str, str]]) -> str | None:
    """Why the inbox cannot be compared (assets/ingest/inbox.inbox_problem: a file, or no cards/ while the warehouse
    holds a period's files), else None."""
    from assets.ingest.inbox import inbox_problem

    held = sorted((p, len(files)) for p, files in loaded.items() if files)
    for period, n in held or [(None, 0)]:
        said = inbox_problem(period, n)
        if said:
            return said
    return None


def inbox_result(cursor: str | None) -> dg.SensorResult:
    """The inbox sensor's evaluation as a plain function of its cursor, the inbox on disk and what
    the warehouse last loaded (raw_files)."""
    loaded = automation.read_loaded_state()
    if loaded is None:  # a writer holds the warehouse: look again at the next tick, nothing lost
        return dg.SensorResult(run_requests=[], cursor=cursor,
                               skip_reason=dg.SkipReason("the warehouse is held by another process; comparing at the next tick"))
    bad = _inbox_unusable(loaded)
    if bad:  # a wrong MONITOR_INBOX or a disk not mounted: no run (it would be refused by name, or remove every card)
        return dg.SensorResult(run_requests=[], cursor=cursor, skip_reason=dg.SkipReason(bad))
    ch = automation.scan_inbox(cursor=cursor, loaded=loaded)
    requests: list[dg.RunRequest] = []
    for period, key in sorted(ch.periods.items()):
        files = ch.changed_files[period]
        requests.append(dg.RunRequest(
            job_name=period_job.name,
            partition_key=period,
            run_key=key,
            tags={"monitor/trigger": "inbox", "monitor/changed_files": str(len(files)),
                  "monitor/first_changed": files[0][:200] if files else "", "monitor/inbox_state": key.split("-")[-2]},
        ))
    if ch.strays_key and not requests:
        # items in cards/ outside every period's folder appeared or went: one ingest (of the current period)
        # records them in the inbox-level quarantine; a period run requested above does it too
        period = automation.current_period()
        requests.append(dg.RunRequest(
            job_name=period_job.name, partition_key=period, run_key=ch.strays_key,
            asset_selection=[dg.AssetKey("raw_cards")],
            tags={"monitor/trigger": "inbox", "monitor/changed_files": str(len(ch.strays)),
                  "monitor/first_changed": ch.strays[0][:200] if ch.strays else "",
                  "monitor/strays": "items in cards/ outside every period's folder: move each into cards/<period>/"},
        ))
    if ch.reviews and media_review_job is not None:
        requests.append(dg.RunRequest(
            job_name=media_review_job.name,
            run_key=f"reviews-{ch.reviews_digest}",
            tags={"monitor/trigger": "inbox", "monitor/changed_files": str(len(ch.reviews))},
        ))
    skip = None
    if not requests:
        why = ["the warehouse holds what the inbox holds" if not (ch.pending or ch.strays_pending) else "no new change"]
        if ch.pending:
            why.append("requested, waiting to be loaded: " + ", ".join(f"{p} ({k})" for p, k in sorted(ch.pending.items())))
        if ch.strays_pending:
            why.append(f"items in cards/ outside every period's folder: requested, waiting to be recorded ({ch.strays_pending})")
        if ch.reviews:
            why.append(f"{plural.en_count(len(ch.reviews), 'changed review spreadsheet')} but no media review job in this code location")
        if ch.unknown_periods:
            why.append("folders that are no period of config/periods.yaml: " + ", ".join(sorted(ch.unknown_periods)))
        skip = dg.SkipReason("; ".join(why))
    return dg.SensorResult(run_requests=requests, cursor=ch.cursor, skip_reason=skip)


def _changed_files(tag: str | None) -> str:
    """'1 changed file', '3 changed files' of a run request's monitor/changed_files tag (a number as text)."""
    try:
        return plural.en_count(int(tag), "changed file")
    except (TypeError, ValueError):
        return f"{tag} changed files"


@dg.sensor(
    name="inbox_sensor",
    jobs=[j for j in (period_job, media_review_job) if j is not None],
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Compares every card file in inbox/cards/<period>/ (sha256) with what the warehouse last loaded "
                "(raw_files): any difference - new, edited, reverted, removed, re-added - starts period_job for that "
                "period, once per state of its folder; a changed inbox/reviews/*.xlsx starts the media review import.",
)
def inbox_sensor(context: dg.SensorEvaluationContext):
    result = inbox_result(context.cursor)
    for r in result.run_requests or []:
        context.log.info(f"{r.job_name} {r.partition_key or ''}: {_changed_files(r.tags.get('monitor/changed_files'))}, "
                         f"first {r.tags.get('monitor/first_changed', '')}")
    return result


# --------------------------------------------------------------------------- later reports

def later_reports_result(instance, cursor: str | None) -> dg.SensorResult:
    """A period whose figures changed -> report_job for every later period with a rendered report."""
    after = int(cursor) if cursor and cursor.isdigit() else None
    if after is None:  # first tick: start from now, do not re-render history
        recs = instance.fetch_materializations(dg.AssetKey("figures"), limit=1).records
        return dg.SensorResult(cursor=str(recs[0].storage_id if recs else 0),
                               skip_reason=dg.SkipReason("watching figures from now on"))
    changes, last = automation.figures_changes(instance, after)
    changed = sorted({p for p, _ in changes})
    todo = automation.later_reports(instance, changed)
    stamp = max((sid for _, sid in changes), default=last or 0)
    requests = [dg.RunRequest(job_name=report_job.name, partition_key=q, run_key=f"compare-{q}-{stamp}",
                              tags={"monitor/trigger": "figures_changed", "monitor/changed_periods": ",".join(changed)[:200]})
                for q in todo]
    skip = None if requests else dg.SkipReason(
        f"figures changed in {', '.join(changed)}; no later report is rendered" if changed else "no figures changed")
    return dg.SensorResult(run_requests=requests, cursor=str(last or after), skip_reason=skip)


@dg.sensor(
    name="later_reports",
    jobs=[report_job],
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="When a period's figures change (a backfilled year, a corrected card), re-render the reports of the later "
                "periods that compare with it (their multi-period tables read it) - those already rendered.",
)
def later_reports(context: dg.SensorEvaluationContext):
    return later_reports_result(context.instance, context.cursor)


# --------------------------------------------------------------------------- failures

@dg.run_failure_sensor(
    name="run_failed",
    monitor_all_code_locations=True,  # also the runs of `monitor run/report/backfill` (executed in process)
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Logs every failed run with the failed assets and the reason; optionally posts it to a webhook "
                "or sends an e-mail (config/notifications.yaml, off by default).",
)
def run_failed(context: dg.RunFailureSensorContext):
    report = automation.describe_failure(context.instance, context.dagster_run, context.failure_event.message)
    context.log.error(report.text())
    for line in notify.notify(report.as_json()):
        context.log.info(line)


@dg.sensor(
    name="dead_runs",
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Runs whose process was killed (SIGKILL, OOM, power cut) are marked failed and their duckdb_write "
                "pool slot is freed, so the next run is not blocked. Local launcher only; Docker/Kubernetes runs are "
                "watched by Dagster's run monitoring.",
)
def dead_runs(context: dg.SensorEvaluationContext):
    from assets.resources import sync_write_pool

    sync_write_pool(context.instance)  # the pool's limit follows the warehouse backend (1 file, N DuckLake)
    reaped = automation.reap_dead_runs(context.instance)
    for line in reaped:
        context.log.warning(line)
    return dg.SkipReason(f"{plural.en_count(len(reaped), 'dead run')} marked failed" if reaped else "no dead runs")


ALL_SCHEDULES = [nightly_rebuild]
ALL_SENSORS = [inbox_sensor, later_reports, run_failed, dead_runs]
