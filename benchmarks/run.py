"""Quick benchmark: how long ingest -> validate -> write -> figures take for a period of N cards.

    .venv/bin/python benchmarks/run.py [N ...]      (default: 36 1000 10000)

One run per size, in this process, on cards of benchmarks/generate.py (seed 1), in a temporary
folder (the project's warehouse is never touched). Prints a markdown table. The full benchmark,
with medians, memory, the pandas baseline, media triage and the Dagster job, is `make bench`
(benchmarks/bench.py), which writes BENCHMARKS.md.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench import run_core  # noqa: E402
from benchmarks.generate import generate_inbox  # noqa: E402


def run(n: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        generate_inbox(tmp / "inbox", n, ("2017",), seed=1)
        return run_core(tmp / "inbox", tmp / "w.duckdb")


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [36, 1000, 10000]
    print("| cards | ingest s | validate s | write s | figures s | total s |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        t = run(n)
        print(f"| {n} | {t['ingest_s']:.2f} | {t['validate_s']:.2f} | {t['write_s']:.2f} | {t['figures_s']:.2f} | {t['total_s']:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
