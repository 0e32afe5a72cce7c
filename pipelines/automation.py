"""The logic behind the schedule and the sensors, as plain functions (pipelines/jobs.py wraps them).

current_period(today)      the period the nightly rebuild re-materializes
scan_inbox(inbox, cursor)  what changed in the inbox since the sensor's last look: the card folders
                           of each period and the review spreadsheets, by content hash
describe_failure(...)      which asset/step of a failed run failed, and why

The inbox sensor's cursor is JSON: {"files": {relative path: [mtime_ns, size, sha256]}}. A file is
hashed again only when its mtime or size changed, and it counts as changed only when its sha256
did: touching or re-copying a file unchanged triggers nothing. The run key of a period's run is
the hash of the whole state of that period's folder (every path and hash), so Dagster never
launches two runs for the same contents, even if the cursor were lost.
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

from assets.core import periods, settings

CARDS = "cards"
REVIEWS = "reviews"


# --------------------------------------------------------------------------- the current period

def current_period(today: dt.date | None = None) -> str:
    """The period of config/periods.yaml that contains `today`; else the latest period that has
    started by then; else (every period lies in the future) the first one."""
    today = today or dt.date.today()
    all_ = periods.all_periods()
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
    (reviews/*.xlsx) in the inbox, sorted."""
    out: list[str] = []
    cards = inbox / CARDS
    if cards.is_dir():
        # links are listed (their target is never read: see scan_inbox) but never entered
        for period_dir in sorted(p for p in cards.iterdir() if p.is_dir() and not p.is_symlink()):
            out += [f.relative_to(inbox).as_posix() for f in period_dir.rglob("*")
                    if (f.is_symlink() or f.is_file()) and not _ignored(f) and not any(_ignored(Path(x)) for x in f.relative_to(period_dir).parts[:-1])]
    reviews = inbox / REVIEWS
    if reviews.is_dir():
        out += [f.relative_to(inbox).as_posix() for f in reviews.glob("*.xlsx") if f.is_file() and not _ignored(f)]
    return sorted(out)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class InboxChanges:
    """What scan_inbox found. `periods` maps each touched period to the digest of its folder's
    whole state (the run key); `unknown_periods` are folders that are no period of periods.yaml."""

    periods: dict[str, str] = field(default_factory=dict)
    changed_files: dict[str, list[str]] = field(default_factory=dict)  # period -> changed/added/removed paths
    reviews: list[str] = field(default_factory=list)
    reviews_digest: str = ""
    unknown_periods: dict[str, list[str]] = field(default_factory=dict)
    cursor: str = ""

    @property
    def empty(self) -> bool:
        return not self.periods and not self.reviews


def _load_cursor(cursor: str | None) -> dict[str, list]:
    if not cursor:
        return {}
    try:
        data = json.loads(cursor)
        return {k: list(v) for k, v in data.get("files", {}).items()}
    except (ValueError, AttributeError, TypeError):
        return {}  # an unreadable cursor: treat everything as new (run keys still prevent re-runs)


def _digest(entries: list[tuple[str, str]]) -> str:
    h = hashlib.sha256()
    for rel, sha in sorted(entries):
        h.update(f"{rel}\0{sha}\n".encode())
    return h.hexdigest()[:16]


def scan_inbox(inbox: Path | None = None, cursor: str | None = None) -> InboxChanges:
    """Compare the inbox with the state recorded in `cursor`; return what changed and the new cursor."""
    inbox = inbox or settings.inbox_dir()
    seen = _load_cursor(cursor)
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
    changed = sorted(
        {rel for rel in now if rel not in seen or seen[rel][2] != now[rel][2]} | {rel for rel in seen if rel not in now})
    known = set(periods.period_ids())
    out = InboxChanges(cursor=json.dumps({"files": now}, sort_keys=True, separators=(",", ":")))
    for rel in changed:
        parts = rel.split("/")
        if parts[0] == CARDS and len(parts) >= 3:
            period = parts[1]
            if period in known:
                out.changed_files.setdefault(period, []).append(rel)
            else:
                out.unknown_periods.setdefault(period, []).append(rel)
        elif parts[0] == REVIEWS:
            out.reviews.append(rel)
    for period in out.changed_files:
        prefix = f"{CARDS}/{period}/"
        out.periods[period] = _digest([(r, v[2]) for r, v in now.items() if r.startswith(prefix)])
    if out.reviews:
        out.reviews_digest = _digest([(r, v[2]) for r, v in now.items() if r.startswith(f"{REVIEWS}/")])
    return out


# --------------------------------------------------------------------------- failed runs

@dataclass
class FailedStep:
    step: str
    asset: str | None
    error: str


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

    def as_json(self) -> dict:
        return {
            "event": "run_failed", "run_id": self.run_id, "job": self.job, "partition": self.partition,
            "reason": self.reason, "summary": self.summary(),
            "failed": [{"step": s.step, "asset": s.asset, "error": s.error} for s in self.steps],
            "tags": self.tags,
        }


def _first_line(text: str, limit: int = 500) -> str:
    text = (text or "").strip()
    return text.splitlines()[0][:limit] if text else ""


def describe_failure(instance, run, failure_message: str | None = None) -> FailureReport:
    """Read the failed steps of `run` from the instance's event log: the asset each step
    materializes and the error (class and message) that made it fail."""
    import dagster as dg

    steps: list[FailedStep] = []
    records = instance.get_records_for_run(run.run_id, of_type=dg.DagsterEventType.STEP_FAILURE).records
    for rec in records:
        ev = rec.event_log_entry.dagster_event
        if ev is None:
            continue
        err = ev.step_failure_data.error if ev.step_failure_data else None
        msg = _first_line(err.message) if err else _first_line(rec.event_log_entry.user_message)
        if err and err.cause:  # Dagster wraps user errors; the cause is what the user needs
            cause = err.cause
            while cause.cause:
                cause = cause.cause
            msg = _first_line(cause.message) or msg
        steps.append(FailedStep(step=ev.step_key or "", asset=_asset_of(ev.step_key), error=msg))
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
            from pipelines.definitions import defs  # imported late: definitions imports this module's users
        except Exception:  # noqa: BLE001 - a report without names beats no report
            return {}
        for a in [*defs.assets, *defs.asset_checks]:
            node = getattr(getattr(a, "node_def", None), "name", None)
            if not node:
                continue
            keys = [k.to_user_string() for k in getattr(a, "keys", [])]
            checks = [f"check {c.name} of {c.asset_key.to_user_string()}" for c in getattr(a, "check_keys", [])]
            if keys or checks:
                _TARGETS[node] = ", ".join(keys + checks)
    return _TARGETS


# --------------------------------------------------------------------------- runs killed mid-way

def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a killed child its parent has not waited for yet is a zombie: dead
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            return not any(line.startswith("State:") and "Z" in line.split()[1] for line in fh)
    except OSError:
        return True


def runs_are_local(instance) -> bool:
    """True when every run of the instance is a process of this machine (the default launcher:
    `dg dev`, `monitor`, the daemon on one host) - only then can a dead pid be read as a dead run.
    Docker and Kubernetes launchers have Dagster's own run monitoring (docs/operations.md)."""
    from dagster._core.launcher import DefaultRunLauncher

    try:
        return isinstance(instance.run_launcher, DefaultRunLauncher)
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
        if pid is None or _alive(pid):
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
