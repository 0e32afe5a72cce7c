"""The GX template folders a process makes in the temp folder (assets/quality/gx_context._template), named with
the process's id, and their removal once that process has ended. Kept apart from gx_context so that the test
session's controller can clean its scratch folder without importing GX, pandera or Polars."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from core.processes import pid_alive

PREFIX = "gx-template-"


def template_prefix(pid: int | None = None) -> str:
    """The prefix of a template folder made by process `pid` (this process by default)."""
    return f"{PREFIX}{os.getpid() if pid is None else pid}-"


def process_ended(pid: int) -> bool:
    """No process with this id runs (core.processes.pid_alive: a zombie has ended; one we may not signal runs)."""
    return not pid_alive(pid)


def remove_ended(folder: Path, prefix: str) -> list[Path]:
    """Remove the folders `<prefix><pid>-…` in `folder` whose process has ended, and the older ones named
    `<prefix>…` without a pid; keep those of a running process."""
    gone = []
    for p in sorted(folder.glob(prefix + "*")):
        pid = p.name.removeprefix(prefix).split("-", 1)[0]
        if pid.isdigit() and not process_ended(int(pid)):
            continue  # its process is alive (or not ours to signal): keep it
        shutil.rmtree(p, ignore_errors=True)  # ended, or an older folder without a pid in its name
        gone.append(p)
    return gone


def remove_stale_templates(folder: Path) -> list[Path]:
    """Remove the templates (_template) in `folder` whose process has ended. A process removes its own at exit,
    but a forked child ends without running atexit (the tests' fork server), so its template stays behind; the
    test session calls this on its scratch folder at start. A template of a process still running is kept."""
    return remove_ended(folder, PREFIX)
