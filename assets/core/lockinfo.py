"""Who holds the DuckDB file: the process, and whether it only reads or writes.

DuckDB's lock error names the PID of the process holding the file ("Conflicting lock is held in
/usr/bin/python3.11 (PID 1234)"). /proc/locks says what kind of lock that process holds on the
file's inode (DuckDB takes a shared lock for read_only connections, an exclusive one for writers),
and /proc/<pid>/cmdline what the process is. Everything here is best effort: on another OS, or for
a process of another user, what cannot be read is left out.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

_PID = re.compile(r"\(PID (\d+)\)")


@dataclass(frozen=True)
class Holder:
    pid: int | None
    role: str            # "reader" | "writer" | "process" (kind unknown)
    command: str         # what the process is, from /proc/<pid>/cmdline ("" if unknown)

    def describe(self) -> str:
        if self.pid is None:
            return "another process"
        what = f", {self.command}" if self.command else ""
        return f"a {self.role}: pid {self.pid}{what}"


def pid_in(message: str) -> int | None:
    m = _PID.search(message or "")
    return int(m.group(1)) if m else None


def command_of(pid: int, limit: int = 160) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    parts = [p.decode("utf-8", "replace") for p in raw.split(b"\0") if p]
    # "python -m tests.ops.runner 2017" / ".venv/bin/monitor run": drop the interpreter's path
    if parts and os.path.basename(parts[0]).startswith("python"):
        parts = parts[1:]
    if parts:
        parts[0] = os.path.basename(parts[0]) if "/" in parts[0] else parts[0]
    text = " ".join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def lock_role(pid: int, path: Path) -> str:
    """'writer' or 'reader' from the lock `pid` holds on `path` (/proc/locks), else 'process'."""
    try:
        st = os.stat(path)
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return "process"
    dev = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    for line in lines:
        f = line.split()
        # "1: POSIX  ADVISORY  WRITE 1234 08:01:5678 0 EOF"  ("->" marks a waiting lock)
        if "->" in f:
            continue
        if len(f) >= 6 and f[4] == str(pid) and f[5] == dev:
            return "writer" if f[3] == "WRITE" else "reader"
    return "process"


def holder(path: Path, message: str) -> Holder:
    pid = pid_in(message)
    if pid is None:
        return Holder(None, "process", "")
    return Holder(pid, lock_role(pid, path), command_of(pid))
