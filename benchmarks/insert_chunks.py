"""How fast DuckDB inserts one frame of 1,000,000 rows × 45 columns (20 text, 20 integer, 5 float), by how
its Arrow chunks are cut (benchmarks/ANALYSIS.md, "the merge of i15n and i15o: the cards' chunks"). Prints
the CPU and wall seconds of INSERT + CHECKPOINT into a new DuckDB file.

    .venv/bin/python -m benchmarks.insert_chunks one cut     # one chunk, cut into row groups (no copy)
    .venv/bin/python -m benchmarks.insert_chunks one none    # one chunk as it is
    .venv/bin/python -m benchmarks.insert_chunks short cut   # 63 chunks of 16,000 rows, cut
    .venv/bin/python -m benchmarks.insert_chunks short rg    # the same, as writes.insert hands them over
    .venv/bin/python -m benchmarks.insert_chunks short none
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import polars as pl
import pyarrow as pa

from assets.core import writes

ROWS, SHORT = 1_000_000, 16_000


def frame(chunks: str) -> pl.DataFrame:
    rng = np.random.default_rng(0)
    cols = {f"s{i}": rng.choice(["алматы", "астана", "митинг", "пикет", "", "uralsk-x"], ROWS) for i in range(20)}
    cols |= {f"i{i}": rng.integers(0, 1000, ROWS) for i in range(20)}
    cols |= {f"d{i}": rng.random(ROWS) for i in range(5)}
    df = pl.DataFrame(cols)
    if chunks == "short":
        df = pl.concat([df.slice(o, SHORT) for o in range(0, ROWS, SHORT)], rechunk=False)
    return df


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("chunks", choices=["one", "short"])
    ap.add_argument("how", choices=["none", "cut", "rg"], help="as it is; cut into row groups; writes.row_group_batches")
    args = ap.parse_args()
    df = frame(args.chunks)
    arrow = df.to_arrow(compat_level=pl.CompatLevel.newest())
    with tempfile.TemporaryDirectory() as tmp:
        con = duckdb.connect(str(Path(tmp) / "insert.duckdb"))
        con.execute("CREATE TABLE t AS SELECT * FROM df LIMIT 0")
        cpu, wall = time.process_time(), time.perf_counter()
        if args.how == "cut":
            arrow = pa.Table.from_batches(arrow.to_batches(max_chunksize=writes.ROW_GROUP_ROWS), schema=arrow.schema)
        elif args.how == "rg":
            arrow = writes.row_group_batches(arrow)
        con.register("incoming", arrow)
        con.execute("INSERT INTO t SELECT * FROM incoming")
        con.execute("CHECKPOINT")
        print(f"{args.chunks} {args.how}: {df.n_chunks()} chunks, CPU {time.process_time() - cpu:.2f} s, "
              f"wall {time.perf_counter() - wall:.2f} s")
        con.close()


if __name__ == "__main__":
    main()
