"""Writing the warehouse: one period's rows of several tables replaced in ONE transaction (`replace_partitions`:
DELETE the period's rows, INSERT the new ones; a re-run never duplicates, a killed run leaves the tables as they
were), the raw layer's files into the raw store before it, the card revisions and the figures' moment recorded in
the same transaction, and on a DuckLake the commit tried again when a concurrent writer's conflicts with it
(`retry_conflicts`). Frames go to DuckDB as Arrow, in row-group batches (`insert`)."""
from __future__ import annotations

import logging
import os
import random
import time

import duckdb
import polars as pl
import pyarrow as pa

from assets.core import ducklake, raw, rawstore, revisions, sqlfiles
from assets.core.ducklake import is_lake
from assets.core.transactions import transaction
from core import plural


log = logging.getLogger("monitor.wait")


ROW_GROUP_ROWS = 122_880  # DuckDB's rows per row group (its default row_group_size)


def retry_conflicts(fn, what: str, wait_s: float | None = None):
    """Run `fn` (one whole transaction); while it loses a DuckLake commit conflict to a concurrent
    writer, back off (jittered, doubling to 2 s) and run it again, for up to `wait_s` seconds."""
    if wait_s is None:
        wait_s = float(os.environ.get("MONITOR_LOCK_WAIT_S", "120"))
    t0 = time.monotonic()
    delay, tries = 0.05, 0
    while True:
        try:
            out = fn()
            if tries:
                log.info(f"{what}: committed after {plural.en_count(tries, 'conflict')} with concurrent writers")
            return out
        except duckdb.TransactionException as exc:
            if not ducklake.is_conflict(exc) or time.monotonic() - t0 >= wait_s:
                raise
            tries += 1
            log.info(f"{what}: commit conflict with a concurrent writer (try {tries}), trying again")
            time.sleep(delay * random.uniform(0.5, 1.5))  # back off while the other commits (not a test sleep)
            delay = min(delay * 2, 2.0)


def replace_partition(con: duckdb.DuckDBPyConnection, table: str, period: str, df: pl.DataFrame | None) -> int:
    """Atomically replace `table`'s rows of `period` by `df` (columns matched by name)."""
    return replace_partitions(con, period, {table: df})[table]


def replace_table(con: duckdb.DuckDBPyConnection, table: str, df: pl.DataFrame | None) -> int:
    """Atomically replace every row of an unpartitioned table by `df`."""
    return replace_partitions(con, None, {table: df})[table]


def row_group_batches(arrow: pa.Table) -> pa.Table | pa.RecordBatchReader:
    """`arrow`'s rows, same order, in batches of one row group each. A table in chunks of a row group or
    longer is cut without a copy; one in shorter chunks (validation's clean cards come in one chunk per
    file, ~20,000 rows at 1M) is read one row group at a time, each slice's chunks joined as it is read,
    so that no more than one row group is copied at once."""
    if all(c.num_chunks <= 1 or min(len(k) for k in c.chunks) >= ROW_GROUP_ROWS for c in arrow.columns):
        return pa.Table.from_batches(arrow.to_batches(max_chunksize=ROW_GROUP_ROWS), schema=arrow.schema)

    def batches():
        for start in range(0, arrow.num_rows, ROW_GROUP_ROWS):
            yield from arrow.slice(start, ROW_GROUP_ROWS).combine_chunks().to_batches()
    return pa.RecordBatchReader.from_batches(arrow.schema, batches())


def insert(con: duckdb.DuckDBPyConnection, table: str, df: pl.DataFrame) -> None:
    """Append `df` to `table` in ONE statement. Polars' frame goes to DuckDB as Arrow with string and
    binary views (no copy of every value, and read about twice as fast as large strings); DuckDB reads
    it a chunk at a time and writes full row groups to the file as it goes (bounded memory). One
    statement, not slices: with several INSERTs of one table in a transaction the next checkpoint
    re-compresses and merges every row group they wrote (1,000,000 cards inserted alone: raw_records +
    cards 16.9 s of CPU in slices of 250,000 rows, 7.4 s in one statement; in the whole core the time is
    about the same, the warehouse file 632 MB instead of 751: benchmarks/ANALYSIS.md, branch i15j)."""
    arrow = df.to_arrow(compat_level=pl.CompatLevel.newest())
    if arrow.num_rows > ROW_GROUP_ROWS:
        # long chunks cut (no copy) into batches of at most one row group: DuckDB inserts a 980,000-row chunk
        # at twice the CPU of the same rows in row-group batches (cards at 1,000,000: 6.8 -> 3.5 s; batches
        # of 32,768 rows are as slow as one chunk: benchmarks/ANALYSIS.md, branch i15n). Same rows, same order.
        arrow = row_group_batches(arrow)
    con.register("_incoming", arrow)
    try:
        con.execute(sqlfiles.for_table("warehouse/insert_incoming", table))
    finally:
        con.unregister("_incoming")


def replace_partitions(con: duckdb.DuckDBPyConnection, period: str | None, frames: dict[str, pl.DataFrame | None],
                       release: bool = False, temp_copies: bool = False,
                       inbox_level: tuple[str, pl.DataFrame] | None = None) -> dict[str, int]:
    """Replace one period's rows (period None: all rows) in several tables in ONE transaction.
    On a DuckLake the transaction is one snapshot, labelled with the tables and the period, and is
    tried again when a concurrent writer's commit conflicts with it.
    release: the frames are handed over: `frames` is emptied and each frame let go as soon as DuckDB
    holds its rows, so that a large period's raw layer is not held twice (not on a DuckLake, whose
    retry needs them); the caller keeps no other reference to them.
    The first write of a period's `figures` records its moment (figure_bases: which periods an --as-of
    edition shows); temp_copies: the tables are an --as-of connection's TEMP copies, nothing is recorded.
    inbox_level: (level, quarantine rows) - the quarantine rows of what lies in the inbox outside every
    period (quarantine period `level`), replaced whole in the same transaction: one record per item, of
    the inbox as this write's scan saw it (never one per period, never stale)."""
    lake = is_lake(con)
    given = frames
    # raw_records' headers go to raw_headers, in the same transaction (a copy: `given` may be cleared)
    frames = dict(raw.split_headers(frames))
    release = release and not lake
    if release:
        given.clear()
    store, superseded = None, set()
    raw_counts = {t: (0 if frames[t] is None else frames[t].height) for t in rawstore.INSIDE if t in frames}
    staged = {t: frames[s] for t, s in rawstore.STORED.items() if s in frames and t not in frames}
    # the raw layer put into the store by ingest already (assets/ingest/streamed.py): its manifest rows
    if "raw_files" in staged:
        raw_counts["raw_files"] = 0 if staged["raw_files"] is None else staged["raw_files"].height
    if "raw_records" in staged:
        raw_counts["raw_records"] = 0 if staged["raw_records"] is None else int(staged["raw_records"]["records"].sum())
    if staged and (lake or rawstore.location(con) is None):
        raise ValueError("the raw layer was put into a raw store, but this warehouse keeps it inside")
    if not lake and (rawstore.INSIDE.keys() & frames.keys() or staged):
        # the raw layer: files and records into the store (written and fsynced BEFORE the transaction;
        # assets/core/rawstore.py), the transaction then writes their manifest rows with the clean tables
        store = rawstore.location(con)
        superseded = rawstore.referenced(con, period)
        if store is not None:
            frames = rawstore.stage(store, frames, release=release)
        else:
            frames = rawstore.inside(frames)
            store = rawstore.views_store(con)  # None unless periods written before are in a store

    def once() -> dict[str, int]:
        counts: dict[str, int] = {}
        with transaction(con):
            if period is not None and revisions.TABLES & frames.keys():
                # the revisions only `cards` holds that this write changes, before it is replaced
                revisions.snapshot(con, period, {t: frames[t] for t in revisions.TABLES if t in frames})
            for table, df in frames.items():
                if period is None:
                    con.execute(sqlfiles.for_table("warehouse/delete_all", table))
                else:
                    con.execute(sqlfiles.for_table("warehouse/delete_partition", table), {"period": period})
                counts[table] = 0
                if df is not None and df.height:
                    if table == "raw_file_rows":
                        # one file at a time (a file's bytes are up to file.max_bytes: all of a period's at
                        # once took ~330 MB more at 1,000,000 cards; a period's files are less than a row group)
                        for part in df.iter_slices(1):
                            insert(con, table, part)
                        part = None
                    else:
                        insert(con, table, df)
                    counts[table] = df.height
                if release:
                    frames[table] = df = None
            if inbox_level is not None:
                level, q = inbox_level
                con.execute(sqlfiles.for_table("warehouse/delete_partition", "quarantine"), {"period": level})
                if q.height:
                    insert(con, "quarantine", q)
            if store is not None:
                rawstore.define_views(con, store)  # the views list the store's files the manifest now references
            if period is not None and revisions.TABLES & frames.keys():
                revisions.record(con, period)  # card revisions, in the same transaction (issue 18)
            if period is not None and "figures" in frames and not temp_copies:
                revisions.record_figures(con, period)
            if lake:
                ducklake.set_commit_message(con, ", ".join(frames) + (f" of period {period}" if period else ""))
        return counts

    if not lake:
        counts = once()
        rawstore.collect(store, con, superseded)  # the period's files no committed row references any more
        for internal in ("raw_file_rows", "raw_file_index", "raw_record_rows", "raw_record_parts"):
            counts.pop(internal, None)
        return {**counts, **raw_counts}
    return retry_conflicts(once, f"replacing {', '.join(frames)}" + (f" of {period}" if period else ""))
