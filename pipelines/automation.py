"""The logic behind the schedule and the sensors, as plain functions (pipelines/jobs.py wraps them).

current_period(today)      the period the nightly rebuild re-materializes
scan_inbox(inbox, cursor)  what changed in the inbox since the sensor's last look: the card folders
                           of each period and the review spreadsheets, by content hash
describe_failure(...)      which asset/step of a failed run failed, and why

The inbox sensor compares every card file's sha256 with what the warehouse last loaded for it
(raw_files): a period whose folder differs from its loaded state - a file new, edited, reverted,
removed or re-added - gets one run request per state of its folder. Its cursor is JSON:
{"files": {relative path: [mtime_ns, size, sha256]}, "requested": {period: run key}, "seq": n}; a
file is hashed again only when its mtime or size changed. Run keys are
inbox-<period>-<hash of the folder's state>-<request number>: unique per request, so Dagster never
skips a run as "already completed" when a folder returns to an earlier state.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import socket
import stat
from dataclasses import dataclass, field
from pathlib import Path

from assets.core import periods, sqlfiles
from core import settings
from core.processes import pid_alive

CARDS = "cards"
REVIEWS = "reviews"


# --------------------------------------------------------------------------- the current period

def current_period(today: dt.date | None = None) -> str:
    """The period that contains `today` (declared in config/periods.yaml, or the calendar year
    after the last declared one); else the latest period that has started by then; else (every
    period lies in the future) the first one."""
    today = today or dt.date.today()
    all_ = periods.all_periods(max(today, dt.date.today()))  # calendar years up to `today`'s, also ahead of the clock
    for p in all_:
        if p.contains(today):
            return p.id
    started = [p for p in all_ if p.start <= today]
    if started:
        return max(started, key=lambda p: (p.end, p.start)).id
    return min(all_, key=lambda p: p.start).id


# --------------------------------------------------------------------------- the inbox

def _ignored(path: Path) -> bool:
    # hidden files, editor lock files (~$x.xlsx), partial downloads
    return path.name.startswith((".", "~$")) or path.suffix in (".part", ".tmp", ".crdownload")


def inbox_files(inbox: Path) -> list[str]:
    """Relative paths (posix) of every card file (cards/<period>/**) and review spreadsheet
    (any file in reviews/: the import names one it cannot read) in the inbox, sorted."""
    out: list[str] = []
    cards = inbox / CARDS
    if cards.is_dir():
        # links are listed (their target is never read: see scan_inbox) but never entered
        for period_dir in sorted(p for p in cards.iterdir() if p.is_dir() and not p.is_symlink()):
            out += [f.relative_to(inbox).as_posix() for f in period_dir.rglob("*")
                    if (f.is_symlink() or f.is_file()) and not _ignored(f) and not any(_ignored(Path(x)) for x in f.relative_to(period_dir).parts[:-1])]
    reviews = inbox / REVIEWS
    if reviews.is_dir():
        # every file: the import reads .xlsx in any case (.XLSX) and names any other file as not read
        out += [f.relative_to(inbox).as_posix() for f in reviews.iterdir() if f.is_file() and not _ignored(f)]
    return sorted(out)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class InboxChanges:
    """What scan_inbox found. `periods` maps each period to request to its run key; `pending`
    the periods whose current inbox state was already requested (its run has not loaded it yet);
    `unknown_periods` are folders that are no period."""

    periods: dict[str, str] = field(default_factory=dict)
    changed_files: dict[str, list[str]] = field(default_factory=dict)  # period -> new/edited/removed paths
    pending: dict[str, str] = field(default_factory=dict)              # period -> run key already requested
    reviews: list[str] = field(default_factory=list)
    reviews_digest: str = ""
    unknown_periods: dict[str, list[str]] = field(default_factory=dict)
    strays: list[str] = field(default_factory=list)   # items in cards/ outside every period, when they changed
    strays_key: str = ""       # the run key of the request that records them (a run of the current period)
    strays_pending: str = ""   # their state was requested already (its run has not recorded it yet)
    cursor: str = ""


def _load_cursor(cursor: str | None) -> dict:
    if not cursor:
        return {}
    try:
        data = json.loads(cursor)
        return {"files": {k: list(v) for k, v in data.get("files", {}).items()},
                "requested": dict(data.get("requested", {})), "seq": int(data.get("seq", 0))}
    except (ValueError, AttributeError, TypeError):
        return {}  # an unreadable cursor: every file is hashed again; the warehouse still says what is loaded


def _digest(entries: list[tuple[str, str]]) -> str:
    h = hashlib.sha256()
    for rel, sha in sorted(entries):
        h.update(f"{rel}\0{sha}\n".encode())
    return h.hexdigest()[:16]


def _wanted(rel: str) -> bool:
    """The sensor's view of a path: no hidden, lock or partial-download file or folder."""
    return not any(_ignored(Path(part)) for part in rel.split("/"))


def loaded_state(con) -> dict[str, dict[str, str]]:
    """What the warehouse last loaded: {period: {path relative to the inbox: sha256}} (raw_files), and under
    inbox.INBOX_LEVEL what it recorded as lying in cards/ outside every period ({path: ""}, quarantine).
    A period's rows of files outside its folder (an older version recorded the strays once per period)
    are left out: they are no file of the period, and would make every period differ from its folder."""
    from assets.ingest.inbox import INBOX_LEVEL

    out: dict[str, dict[str, str]] = {}
    for period, rel, sha in con.execute(sqlfiles.sql("automation/raw_file_hashes")).fetchall():
        if _wanted(rel) and (not rel.startswith(f"{CARDS}/") or rel.startswith(f"{CARDS}/{period}/")):
            out.setdefault(period, {})[rel] = sha
    if con.execute(sqlfiles.sql("common/table_exists"), {"name": "quarantine"}).fetchone()[0]:
        for (rel,) in con.execute(sqlfiles.sql("automation/inbox_level_files"), {"inbox": INBOX_LEVEL}).fetchall():
            if _wanted(rel):
                out.setdefault(INBOX_LEVEL, {})[rel] = ""
    return out


def read_loaded_state(wait_s: float = 5.0) -> dict[str, dict[str, str]] | None:
    """loaded_state of the warehouse; {} when there is none yet; None when another process holds
    it beyond `wait_s` (the sensor then looks again at its next tick)."""
    from assets.core import warehouse

    from core import warehouse_config

    lake = warehouse_config.load().is_lake
    path = None if lake else settings.warehouse_path()  # a DuckLake: the configured one, no file
    if path is not None and not path.exists():
        return {}
    try:
        with warehouse.connect(path, read_only=True, wait_s=wait_s) as con:
            has = con.execute(sqlfiles.sql("common/table_exists"), {"name": "raw_files"}).fetchone()[0]
            return loaded_state(con) if has else {}
    except warehouse.WarehouseBusy:
        return None


def scan_inbox(inbox: Path | None = None, cursor: str | None = None,
               loaded: dict[str, dict[str, str]] | None = None, now_s: float | None = None) -> InboxChanges:
    """Compare every card file of the inbox (by content hash) with what the warehouse last loaded
    for it (`loaded`, from raw_files): any difference - a new, edited, reverted, removed or
    re-added file - requests a run of its period, once per state of the period's folder. The
    cursor keeps the file hashes (a file is read again only when its mtime or size changed), the
    state last requested per period and a request counter for unique run keys."""
    import time

    inbox = inbox or settings.inbox_dir()
    loaded = loaded or {}
    state = _load_cursor(cursor)
    seen = state.get("files", {})
    requested: dict[str, str] = state.get("requested", {})
    # request numbers start at the clock in microseconds: unique even if the cursor is lost
    seq = state.get("seq") or int((now_s if now_s is not None else time.time()) * 1_000_000)
    now: dict[str, list] = {}
    for rel in inbox_files(inbox):
        path = inbox / rel
        try:
            st = path.lstat()  # the inbox is a jail: a link is hashed by where it points, its target never read
        except FileNotFoundError:  # removed while we looked
            continue
        if stat.S_ISLNK(st.st_mode):
            now[rel] = [st.st_mtime_ns, st.st_size, "link:" + hashlib.sha256(os.fsencode(os.readlink(path))).hexdigest()]
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        old = seen.get(rel)
        if old and old[0] == st.st_mtime_ns and old[1] == st.st_size:
            now[rel] = old  # unchanged metadata: keep the recorded hash, do not read the file
        else:
            try:
                now[rel] = [st.st_mtime_ns, st.st_size, sha256_of(path)]
            except FileNotFoundError:
                continue
    known = set(periods.period_ids())
    in_inbox: dict[str, dict[str, str]] = {}
    out = InboxChanges()
    for rel, v in now.items():
        parts = rel.split("/")
        if parts[0] == CARDS and len(parts) >= 3:
            if parts[1] in known:
                in_inbox.setdefault(parts[1], {})[rel] = v[2]
            elif rel not in seen or seen[rel][2] != v[2]:
                out.unknown_periods.setdefault(parts[1], []).append(rel)
    new_requested: dict[str, str] = {}
    for period in sorted((set(in_inbox) | set(loaded)) & known):
        mine, theirs = in_inbox.get(period, {}), loaded.get(period, {})
        if mine == theirs:
            continue  # the warehouse holds exactly what the inbox holds
        digest = _digest(list(mine.items()))
        files = sorted(r for r in set(mine) | set(theirs) if mine.get(r) != theirs.get(r))
        if requested.get(period, "").startswith(f"inbox-{period}-{digest}-"):
            out.pending[period] = requested[period]  # this very state was requested: its run has not loaded it yet
            new_requested[period] = requested[period]
            continue
        seq += 1
        key = f"inbox-{period}-{digest}-{seq}"
        out.periods[period] = key
        out.changed_files[period] = files
        new_requested[period] = key
    # what lies in cards/ outside every period's folder: compared with the inbox-level quarantine rows. A change
    # (one appears, one goes) requests ONE run that records them (any period's ingest does: the current period's),
    # never a run of every period
    from assets.ingest.inbox import INBOX_LEVEL, strays

    mine_s = sorted(e.rel for e in strays(inbox) if _wanted(e.rel))
    theirs_s = sorted(loaded.get(INBOX_LEVEL, {}))
    if mine_s != theirs_s:
        digest = _digest([(r, "") for r in mine_s])
        if requested.get(INBOX_LEVEL, "").startswith(f"inbox-strays-{digest}-"):
            out.strays_pending = new_requested[INBOX_LEVEL] = requested[INBOX_LEVEL]
        else:
            seq += 1
            out.strays_key = new_requested[INBOX_LEVEL] = f"inbox-strays-{digest}-{seq}"
            out.strays = sorted(set(mine_s) ^ set(theirs_s))
    # review spreadsheets: compared with the sensor's own record (they are not loaded into raw_files)
    out.reviews = sorted(r for r in now if r.startswith(f"{REVIEWS}/") and (r not in seen or seen[r][2] != now[r][2])) + \
        sorted(r for r in seen if r.startswith(f"{REVIEWS}/") and r not in now)
    if out.reviews:
        out.reviews_digest = _digest([(r, v[2]) for r, v in now.items() if r.startswith(f"{REVIEWS}/")])
    out.cursor = json.dumps({"files": now, "requested": new_requested, "seq": seq}, sort_keys=True, separators=(",", ":"))
    return out


# --------------------------------------------------------------------------- reports that compare

def _digest_of(record) -> str | None:
    md = record.asset_materialization.metadata if record.asset_materialization else {}
    v = md.get("figures_digest")
    return getattr(v, "value", v)


def figures_changes(instance, after_storage_id: int | None) -> tuple[list[tuple[str, int]], int | None]:
    """Materializations of `figures` after `after_storage_id` that changed their period's figures
    (their digest differs from the period's previous one): [(period, storage id)], and the last
    storage id seen (the next cursor)."""
    import dagster as dg

    key = dg.AssetKey("figures")
    recs = instance.fetch_materializations(dg.AssetRecordsFilter(asset_key=key, after_storage_id=after_storage_id),
                                           limit=200, ascending=True).records
    out, last = [], after_storage_id
    for rec in recs:
        last = rec.storage_id
        period = rec.partition_key
        if not period:
            continue
        prev = instance.fetch_materializations(
            dg.AssetRecordsFilter(asset_key=key, asset_partitions=[period], before_storage_id=rec.storage_id), limit=1).records
        if not prev or _digest_of(prev[0]) != _digest_of(rec):
            out.append((period, rec.storage_id))
    return out, last


def later_reports(instance, changed: list[str]) -> list[str]:
    """The rendered reports (report materialized) of the periods after any of `changed`: their
    multi-period tables and comparisons read the changed figures, so they must be rendered again."""
    import dagster as dg

    rendered = set(instance.get_materialized_partitions(dg.AssetKey("report")))
    todo: list[str] = []
    for p in changed:
        for q in periods.later(p):
            if q in rendered and q not in todo:
                todo.append(q)
    return sorted(todo, key=periods.period_ids().index)


# --------------------------------------------------------------------------- failed runs

@dataclass
class FailedStep:
    step: str
    asset: str | None
    error: str
    files: str = ""      # the file to look at: an SQL model, a card file
    cases: str = ""      # the first failure cases ("table 7, row total, share_pct = 1000")
    action: str = ""     # one line of what to do

    def lines(self) -> list[str]:
        out = [f"{self.asset or self.step}: {self.error}"]
        if self.files:
            out.append(f"  file: {self.files}")
        if self.cases:
            out.append(f"  first cases: {self.cases}")
        if self.action:
            out.append(f"  what to do: {self.action}")
        return out


@dataclass
class FailureReport:
    run_id: str
    job: str
    partition: str | None
    reason: str
    steps: list[FailedStep]
    tags: dict[str, str]

    def summary(self) -> str:
        where = f"run {self.run_id} of {self.job}" + (f" (period {self.partition})" if self.partition else "")
        if not self.steps:
            return f"{where} failed: {self.reason}"
        parts = [f"{s.asset or s.step}: {s.error}" for s in self.steps]
        return f"{where} failed in " + "; ".join(parts)

    def text(self) -> str:
        """The whole alert: the summary line, then per failed asset or check its file, first cases
        and what to do."""
        lines = [self.summary()]
        for s in self.steps:
            lines += ["- " + s.lines()[0], *s.lines()[1:]]
        return "\n".join(lines)

    def as_json(self) -> dict:
        return {
            "event": "run_failed", "run_id": self.run_id, "job": self.job, "partition": self.partition,
            "reason": self.reason, "summary": self.summary(), "text": self.text(),
            "failed": [{"step": s.step, "asset": s.asset, "error": s.error, "file": s.files, "cases": s.cases,
                        "what_to_do": s.action} for s in self.steps],
            "tags": self.tags,
        }


def _first_line(text: str, limit: int = 500) -> str:
    text = (text or "").strip()
    return text.splitlines()[0][:limit] if text else ""


def failed_step(ev, user_message: str = "") -> FailedStep:
    """A STEP_FAILURE event as the person on call needs it: the asset or check, the error (the
    cause, not Dagster's wrapper; the explanation of a dg.Failure raised by assets/failures.py),
    the file, the first cases and what to do."""
    data = ev.step_failure_data
    err = data.error if data else None
    user = data.user_failure_data if data else None
    msg = _first_line(err.message) if err else _first_line(user_message)
    if err and err.cause:  # Dagster wraps user errors; the cause is what the user needs
        cause = err.cause
        while cause.cause:
            cause = cause.cause
        msg = _first_line(cause.message) or msg
    md = {}
    if user is not None:
        msg = _first_line(user.description or "") or msg
        md = {k: getattr(v, "value", v) for k, v in (user.metadata or {}).items()}
    for prefix in ("dagster._core.errors.", "dagster_shared.", "_duckdb."):
        msg = msg.replace(prefix, "")
    target = _asset_of(ev.step_key)
    return FailedStep(step=ev.step_key or "", asset=target, error=msg, files=str(md.get("file", "")),
                      cases=str(md.get("first_cases", "")), action=str(md.get("what_to_do", "")))


def check_failures(events) -> list[FailedStep]:
    """Failed blocking asset checks among `events` (their step did not fail: the check did)."""
    out = []
    for ev in events:
        if ev is None or ev.event_type_value != "ASSET_CHECK_EVALUATION":
            continue
        ce = ev.event_specific_data
        if ce.passed:
            continue
        md = {k: getattr(v, "value", v) for k, v in (ce.metadata or {}).items()}
        first = md.get("first") or md.get("failing") or md.get("failures") or ""
        out.append(FailedStep(step=ev.step_key or "", asset=f"check {ce.check_name} of {ce.asset_key.to_user_string()}",
                              error=_first_line(ce.description or "") or "the check failed",
                              cases=_first_line(str(first), 300),
                              action="the data breaks this check: fix the card files or SQL models it names, then run again"))
    return out


def describe_failure(instance, run, failure_message: str | None = None) -> FailureReport:
    """Read the failed steps of `run` from the instance's event log: the asset each step
    materializes, the error, and (for failures explained by assets/failures.py) the file, the
    first cases and what to do; and the asset checks that failed."""
    import dagster as dg

    steps: list[FailedStep] = []
    records = instance.get_records_for_run(run.run_id, of_type=dg.DagsterEventType.STEP_FAILURE).records
    for rec in records:
        ev = rec.event_log_entry.dagster_event
        if ev is not None:
            steps.append(failed_step(ev, rec.event_log_entry.user_message))
    checks = instance.get_records_for_run(run.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION).records
    steps += check_failures([r.event_log_entry.dagster_event for r in checks])
    tags = dict(run.tags or {})
    return FailureReport(
        run_id=run.run_id, job=run.job_name, partition=tags.get("dagster/partition"),
        reason=_first_line(failure_message or "") or "the run failed", steps=steps,
        tags={k: v for k, v in tags.items() if not k.startswith(".dagster")})


def _asset_of(step_key: str | None) -> str | None:
    """What a step materializes or checks: "cards", or "check nothing_lost of cards"."""
    if not step_key:
        return None
    return _step_targets().get(step_key, step_key)


_TARGETS: dict[str, str] = {}


def _step_targets() -> dict[str, str]:
    if not _TARGETS:
        try:
            from pipelines.assets_index import ALL_ASSETS, ALL_CHECKS  # not definitions: jobs imports this module
        except Exception:  # noqa: BLE001 - a report without names beats no report
            return {}
        for a in [*ALL_ASSETS, *ALL_CHECKS]:
            node = getattr(getattr(a, "node_def", None), "name", None)
            if not node:
                continue
            keys = [k.to_user_string() for k in getattr(a, "keys", [])]
            checks = [f"check {c.name} of {c.asset_key.to_user_string()}" for c in getattr(a, "check_keys", [])]
            if keys or checks:
                _TARGETS[node] = ", ".join(keys + checks)
    return _TARGETS


# --------------------------------------------------------------------------- runs killed mid-way



def runs_are_local(instance) -> bool:
    """True when every run of the instance is a process of this machine (the default launcher:
    `dg dev`, `monitor`, the daemon on one host) - only then can a dead pid be read as a dead run.
    Docker and Kubernetes launchers have Dagster's own run monitoring (docs/operations.md)."""
    import dagster as dg

    try:
        return isinstance(instance.run_launcher, dg.DefaultRunLauncher)
    except Exception:  # noqa: BLE001
        return False


def reap_dead_runs(instance) -> list[str]:
    """Mark as failed every unfinished run whose process is gone (SIGKILL, power cut, OOM), and
    free the `duckdb_write` pool slots it held, so that the next run is not blocked forever by a
    slot no one will release. Its warehouse writes were rolled back by DuckDB (one transaction per
    asset). Returns one line per run reaped."""
    import dagster as dg

    if not runs_are_local(instance):
        return []
    host = socket.gethostname()
    out = []
    unfinished = [dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.CANCELING]
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=unfinished)):
        tags = run.tags or {}
        if tags.get("monitor/host") not in (None, host):
            continue  # started on another machine: not ours to judge
        pid = int(tags["monitor/pid"]) if tags.get("monitor/pid", "").isdigit() else None
        if pid is None:  # a run without our tag: the pid of its latest event (the run worker)
            recs = instance.get_records_for_run(run.run_id, ascending=False, limit=20).records
            pids = [r.event_log_entry.dagster_event.pid for r in recs
                    if r.event_log_entry.dagster_event is not None and r.event_log_entry.dagster_event.pid]
            pid = pids[0] if pids else None
        if pid is None or pid_alive(pid):
            continue
        msg = (f"the process of this run (pid {pid}) is gone - killed or crashed mid-way; its unfinished "
               f"warehouse transaction was rolled back; run it again")
        instance.report_run_failed(run, message=msg)
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        out.append(f"run {run.run_id} ({run.job_name}{', ' + tags['dagster/partition'] if 'dagster/partition' in tags else ''}): {msg}")
    return out


def run_tags() -> dict[str, str]:
    """Tags of a run started in this process, so that reap_dead_runs can tell if it died."""
    return {"monitor/pid": str(os.getpid()), "monitor/host": socket.gethostname()}
