"""What killed test sessions leave in the tests' scratch folder, removed when the next session starts.

A test run killed before its end (a mutation run's timeout, Ctrl-C twice, an OOM kill) runs no `atexit` and no
pytest clean-up, and the scratch is a tmpfs (tests/conftest.py, `_scratch_in_memory`): what it leaves costs RAM
until the machine restarts. Four kinds, each named with the process that made it:
- GX templates (`gx-template-<pid>-…`, assets/quality/gx_context.py), forked children's too;
- the shared rewritten test files (`rewritten-tests-<pid>-…`, tests/rewrite_shared.py);
- the embedded Postgres' data (`monitor-pg-<pid>-…`, the `postgres_server` fixture of tests/conftest.py);
- pytest's base folder of the session (`pytest-of-<user>/pytest-<n>`, holding a `.lock` with the session's pid
  while it runs): pytest itself removes a locked one only after three days, and mutation runs made ~20 of them,
  3.4 GB, in a day (docs/testing.md, "The scratch folder's leftovers").
A folder whose process still runs (another test session, a helper's) is kept."""
from __future__ import annotations

import shutil
from pathlib import Path

from core.stale_templates import process_ended, remove_ended, remove_stale_templates
from tests import rewrite_shared

POSTGRES_PREFIX = "monitor-pg-"  # tests/conftest.py's postgres_server names its folder so, then its pid


def ended_pytest_sessions(folder: Path) -> list[Path]:
    """pytest's base folders under `folder` (pytest-of-*/pytest-N) whose `.lock` names a process that has ended.
    A folder without a lock is a session that ended cleanly: pytest keeps its last three and removes the rest."""
    out = []
    for d in sorted(folder.glob("pytest-of-*/pytest-*")):
        lock = d / ".lock"
        if d.is_symlink() or not lock.is_file():
            continue
        try:
            pid = lock.read_text().strip()
        except OSError:
            continue
        if pid.isdigit() and process_ended(int(pid)):
            out.append(d)
    return out


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the four kinds of leftovers of ended processes in `folder`; the removed paths."""
    gone = (remove_stale_templates(folder) + remove_ended(folder, rewrite_shared.PREFIX)
            + remove_ended(folder, POSTGRES_PREFIX))
    for d in ended_pytest_sessions(folder):
        shutil.rmtree(d, ignore_errors=True)
        gone.append(d)
    return gone
