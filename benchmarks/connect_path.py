"""CPU of `warehouse.connect()` on the DuckDB file (issue 14, the suite's time): a writable connection to
a warehouse already at the current layout, a read-only one, `ensure_tables` alone on an open
connection, and a new file's first connection. CPU seconds of this process (time.process_time), so
that a loaded machine changes them less than the wall clock; each figure is the mean of N rounds.

    .venv/bin/python -m benchmarks.connect_path [N]

Results: docs/testing.md, "Suite time", eighth pass.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from assets.core import layout, warehouse


def _ms(fn, n: int) -> float:
    t0 = time.process_time()
    for _ in range(n):
        fn()
    return 1000 * (time.process_time() - t0) / n


def main(n: int = 50) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "w.duckdb"
        with warehouse.connect(path):
            pass  # the tables made (and, where the fast path exists, the layout marked)

        def writable():
            with warehouse.connect(path):
                pass

        def read_only():
            with warehouse.connect(path, read_only=True):
                pass

        files = iter(range(10**6))

        def new_file():
            with warehouse.connect(Path(d) / f"new{next(files)}.duckdb"):
                pass

        out = {"writable connect, existing warehouse": _ms(writable, n),
               "read-only connect": _ms(read_only, n),
               "new file, first connect": _ms(new_file, max(5, n // 4))}
        con = warehouse._connect(path, False, 10.0)
        try:
            out["ensure_tables alone, open connection"] = _ms(lambda: layout.ensure_tables(con), n)
        finally:
            con.close()
    return out


if __name__ == "__main__":
    for label, ms in main(int(sys.argv[1]) if len(sys.argv) > 1 else 50).items():
        print(f"{label}: {ms:.1f} ms CPU")
