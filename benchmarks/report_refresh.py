"""Benchmark: re-rendering one period's report from an unchanged warehouse (issue: fast refresh).

    make run                                   # once: the warehouse and a first report
    .venv/bin/python benchmarks/report_refresh.py [PERIOD]      (default 2017)

Each case runs as a fresh process, end to end (Python start-up and imports included), three times;
the median is printed as a markdown table. Cases:
- nothing changed, all formats, both languages (the quality gate and the renders are skipped);
- a narrative edit (a copy of report/ via MONITOR_REPORT_SRC), HTML only, both languages;
- a narrative edit, all formats, both languages;
- through Dagster (`monitor report`, a recorded run), nothing changed.
The project's report/ is never edited; the edits go to a temporary copy."""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")


def timed(cmd: list[str], env: dict) -> float:
    t0 = time.monotonic()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.monotonic() - t0


def main() -> None:
    period = sys.argv[1] if len(sys.argv) > 1 else "2017"
    env = {**os.environ, "DAGSTER_HOME": str(ROOT / "dagster_home"), "MONITOR_HOME": str(ROOT),
           "GX_ANALYTICS_ENABLED": "false", "DAGSTER_DISABLE_TELEMETRY": "1"}
    refresh = [PY, "-m", "assets.report.refresh", "--period", period]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "report"
        shutil.copytree(ROOT / "report", src)
        edited = {**env, "MONITOR_REPORT_SRC": str(src)}
        timed(refresh, env)  # warm: the gate's digest, the charts' cache, the outputs

        def edit() -> None:
            f = src / "text" / "ru" / "foreword.md"
            f.write_text(f.read_text(encoding="utf-8") + f"\n<!-- edit {time.monotonic()} -->\n", encoding="utf-8")

        cases = [
            ("nothing changed, all formats, ru+en", lambda: timed(refresh, env)),
            ("narrative edited, HTML, ru+en", lambda: (edit(), timed(refresh + ["--formats", "html"], edited))[1]),
            ("narrative edited, all formats, ru+en", lambda: (edit(), timed(refresh, edited))[1]),
            ("`monitor report` (Dagster run), nothing changed", lambda: timed([str(ROOT / ".venv/bin/monitor"), "report", "--period", period], env)),
        ]
        for name, run in cases:
            runs = [run() for _ in range(3)]
            rows.append((name, statistics.median(runs), min(runs)))
        timed(refresh, env)  # leave the project's report as it was
    load = os.getloadavg()[0]
    print(f"| case | median s | best s |\n|---|---:|---:|")
    for name, med, best in rows:
        print(f"| {name} | {med:.2f} | {best:.2f} |")
    print(f"\n(load average during the run: {load:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
