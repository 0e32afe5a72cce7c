"""A pytest plugin: wall and CPU seconds of every test (setup + call + teardown), one JSON line each.

CPU = user + sys of the test process and of its waited-for children (resource.getrusage), so a
test that starts a subprocess pays for it; a child of the fork server (tests/forkserver.py) is paid by
the test that reaps it (the server's own imports still by the worker's last test, when it ends). Module and session fixtures are paid by the first test
that needs them. Use (each xdist worker appends to the same file):

    PYTHONPATH=scripts PYTEST_ADDOPTS="-p pytest_cputime" CPUTIME_OUT=/tmp/cpu.jsonl make test
    .venv/bin/python scripts/pytest_cputime.py /tmp/cpu.jsonl      # the table per file
"""
from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections import defaultdict

import pytest


def _cpu() -> float:
    s = resource.getrusage(resource.RUSAGE_SELF)
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    # the fork server's children (tests/forkserver.py) are not this process's: their CPU reaches
    # RUSAGE_CHILDREN only when the server ends (the worker's last test); counted when reaped instead
    fork = getattr(sys.modules.get("tests.forkserver"), "CHILDREN_CPU", None) or {"reaped": 0.0, "absorbed": 0.0}
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime + fork["reaped"] - fork["absorbed"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    out = os.environ.get("CPUTIME_OUT")
    w0, c0 = time.perf_counter(), _cpu()
    yield
    if out:
        rec = {"id": item.nodeid, "wall": time.perf_counter() - w0, "cpu": _cpu() - c0,
               "worker": os.environ.get("PYTEST_XDIST_WORKER", "-"), "end": time.time()}
        with open(out, "a", encoding="utf-8") as f:
            f.write(json.dumps(rec) + "\n")


def summarise(path: str, top: int = 30) -> None:
    files: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    workers: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        f = files[r["id"].split("::")[0]]
        f[0] += r["cpu"]; f[1] += r["wall"]; f[2] += 1
        workers[r["worker"]][0] += r["cpu"]; workers[r["worker"]][1] += r["wall"]
    total = sum(v[0] for v in files.values())
    print(f"| file | tests | CPU s | wall s |\n|---|---:|---:|---:|")
    for name, (cpu, wall, n) in sorted(files.items(), key=lambda kv: -kv[1][0])[:top]:
        print(f"| `{name}` | {n} | {cpu:.1f} | {wall:.1f} |")
    print(f"| all {len(files)} files | {sum(v[2] for v in files.values())} | {total:.1f} | "
          f"{sum(v[1] for v in files.values()):.1f} |")
    for w, (cpu, wall) in sorted(workers.items()):
        print(f"worker {w}: CPU {cpu:.1f} s, wall {wall:.1f} s")


if __name__ == "__main__":
    summarise(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 30)
