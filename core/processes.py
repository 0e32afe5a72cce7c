"""Whether a process is alive: used to tell a live writer's leftovers from a dead one's."""
from __future__ import annotations

import os


def pid_alive(pid: int) -> bool:
    """True while `pid` runs; a killed child its parent has not waited for yet (a zombie) is dead."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            return not any(line.startswith("State:") and "Z" in line.split()[1] for line in fh)
    except OSError:
        return True
