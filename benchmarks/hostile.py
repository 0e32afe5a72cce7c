"""Benchmark: time and peak memory to read (and refuse) each pathological file of the hostile corpus.

    .venv/bin/python benchmarks/hostile.py

Builds tests/hostile_corpus.py in a temporary folder, then reads every file case in its own
process (so each peak RSS is that file's alone) and prints a markdown table: seconds in
read_file, the process's peak RSS, and the start of the reason. The baseline row is a process that
only imports the reader. Then the whole corpus + the 36 example cards through ingest and
validation in one process. benchmarks/RESULTS.md keeps the measured numbers.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from assets.ingest.readers import read_file
t = time.perf_counter()
fr = read_file(Path(sys.argv[1])) if len(sys.argv) > 1 else None
s = time.perf_counter() - t
print(json.dumps({"s": s, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "problem": (fr.problem or f"read: {len(fr.records)} records") if fr else "baseline (import only)"}))
"""


def child(path: Path | None) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, *([str(path)] if path else [])], capture_output=True, text=True,
                         cwd=ROOT, timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    import shutil

    from tests import hostile_corpus as corpus

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["MONITOR_INBOX"] = str(root / "inbox")
        cases = corpus.build(root / "inbox", root / "outside")
        box = root / "inbox" / "cards" / "2017"
        print("| file | size | read_file s | peak RSS MB | outcome |\n|---|---:|---:|---:|---|")
        b = child(None)
        print(f"| (baseline: python + reader imported) | | | {b['rss_mb']:.0f} | |")
        seen = set()
        for c in cases:
            p = box / c.name
            if c.name in seen or c.name.startswith(("../", ".")) or not p.is_file() or p.is_symlink() or "link" in c.name:
                continue
            seen.add(c.name)
            r = child(p)
            print(f"| {c.name} | {p.stat().st_size:,} | {r['s']:.3f} | {r['rss_mb']:.0f} | {r['problem'][:70]} |")
        shutil.copytree(ROOT / "data" / "example" / "inbox" / "cards" / "2017", box, dirs_exist_ok=True)
        from assets.core import periods
        from assets.ingest.inbox import ingest_period
        from assets.validate.validate import validate_period

        t = time.perf_counter()
        files, records = ingest_period("2017")
        t_ingest = time.perf_counter() - t
        result = validate_period(periods.get("2017"), records.sort(["source_file", "sheet", "row_no"]), files)
        t_all = time.perf_counter() - t
        import resource

        print(f"\nwhole corpus + 36 example cards: {files.height} inbox entries, {records.height} records; ingest "
              f"{t_ingest:.2f} s, ingest + validate {t_all:.2f} s; {result.cards.height} cards, "
              f"{result.quarantine.filter(result.quarantine['severity'] == 'error').height} quarantine error rows; "
              f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
