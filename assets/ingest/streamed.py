"""Ingest and validation of a period in one pass, file by file: what `inbox.ingest` followed by
`validate.validate_period` give, with a bounded memory.

`ingest` keeps every plain CSV's records as a frame of text cells until validation types them; at
1,000,000 cards those frames take ~1 GB (Polars holds each cell as a 16-byte view, and most cells
are short), beside the files' bytes and the raw records that the warehouse write needs. Here each
file is typed as soon as it is read (validate.table_frames + columns.coerce_columns, the distinct
values' answers kept across files) and its frames are let go before the next file is read; only
the typed frames, the raw layer and the problems found are kept. The checks over the whole period
(pandera, duplicate ids, ids of other periods, persons without a card) then run on the typed frames
as validate_period runs them (validate.finish).

The result is validate_period's on the records sorted by (source_file, sheet, row_no), as the
`raw_cards` asset sorts them: files are read in the order of their names, and each file's records
in the order of (sheet, row_no); raw_files keep the inbox's scan order. tests/test_streamed.py
holds the two equal.

With a raw store (`store`, assets/core/rawstore.py: the plain DuckDB file's), each file's bytes are
put into the store (files/<sha256>) as soon as the file is read, and its raw records into a Parquet
part (records/<sha256>.parquet, a part per few files: RECORDS_PER_PART) as they come, written to tmp/,
fsynced and renamed exactly as the write's `rawstore.stage` does. The result then holds only the
references: `Stored` (raw_file_index rows, raw_record_parts rows, raw_headers rows) and each record's
place (no cells, no bytes), which `write_frames` hands to the write; nothing is visible before the
period's commit (the manifest and the views change in its transaction), and a run that fails before it
leaves only files no manifest row references (`monitor gc`).
"""
from __future__ import annotations

import gc
import hashlib
import time
from collections import deque
from contextlib import contextmanager
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from assets.core import rawstore

from assets.core.periods import Period
from assets.core.raw import RAW_FILES_SCHEMA, RAW_HEADERS_SCHEMA, RAW_RECORDS_FRAME, headers_of
from assets.ingest.inbox import Ingested, files_frame, ingest_files, table_cells, table_lines
from assets.validate import columns, pseudonym
from assets.validate.validate import (Result, _meta, finish, full_frame, known_ids, rest_frames, table_frames,
                                      type_frames)


RECORDS_PER_PART = 200_000  # raw records per Parquet part of the store (a part holds whole files)
_PLACE_COLUMNS = ("period", "record_id", "source_file", "sheet", "row_no", "kind")


@dataclass
class Stored(Ingested):
    """The raw layer of a period already put into the raw store: `files` are raw_file_index rows (no
    `content`; `stored`: whether the bytes are in the store), `records` each record's place only
    (_PLACE_COLUMNS: no cells), `parts` the raw_record_parts rows, `headers` the raw_headers rows."""
    parts: pl.DataFrame | None = None
    headers: pl.DataFrame | None = None


def write_frames(got: Ingested) -> dict:
    """The raw layer's frames for writes.replace_partitions: the references when it is stored already,
    else the frames themselves (raw_files with the bytes, raw_records with the cells)."""
    if isinstance(got, Stored):
        return {"raw_file_index": got.files, "raw_record_parts": got.parts, "raw_headers": got.headers}
    return {"raw_files": got.files, "raw_records": got.records}


class _Storer:
    """The raw layer put into the store in a thread of its own while the next files are read and typed
    (the two cores of the benchmark's machine: hashing, writing and fsyncing the bytes, building the
    cells' JSON and encoding the Parquet parts all run in native code that releases the GIL). One
    thread, fed in the files' order: the parts hold the same records in the same order as when stored
    in line. At most IN_FLIGHT files wait for it (their bytes and text frames held meanwhile)."""
    IN_FLIGHT = 2

    def __init__(self, store: Path):
        self.store = store
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rawstore")
        self.futures: deque = deque()
        self.pending: list[pl.DataFrame] = []  # records not yet in a Parquet part of the store
        self.part_rows: list[dict] = []
        self.header_parts: list[pl.DataFrame] = []
        self._last = None  # the future of the last part's flush (`last_part`)

    def submit(self, content: bytes | None, row: dict, records: pl.DataFrame | None, table=None) -> None:
        """Store a file's bytes (their sha256 put into its raw_files `row` here: `wait_files` waits for it) and
        its records (`table`: the plain table whose cells they lack, added here)."""
        while len(self.futures) >= self.IN_FLIGHT:
            self.futures.popleft().result()  # an error of the thread is raised here
        self.futures.append(self.pool.submit(self._one, content, row, records, table))

    def _one(self, content, row, records, table) -> None:
        if content is not None:
            # hashed here, not by the reading thread (4 ms per 7 MB file; hashlib lets the GIL go)
            row["sha256"] = hashlib.sha256(content).hexdigest()
            rawstore.put_bytes(self.store, content, row["sha256"])
        if records is not None:
            # a plain table's records kept as their lines where they can be (no JSON built: inbox.table_lines)
            self.pending.append(records if table is None else table_cells(records, table) if table.lines is None
                                else table_lines(records, table, content))
            if sum(r.height for r in self.pending) >= RECORDS_PER_PART:
                self._flush()

    def _flush(self) -> None:
        if not self.pending:
            return
        df = (pl.concat(self.pending, how="diagonal", rechunk=False) if len(self.pending) > 1  # some with lines
              else self.pending[0])
        self.pending.clear()
        self.part_rows.append(rawstore.store_part(self.store, df))
        self.header_parts.append(headers_of(df))

    def last_part(self) -> None:
        """The last records' part handed to the thread (not waited for: `finish` waits)."""
        self._last = self.pool.submit(self._flush)
        self.futures.append(self._last)

    def wait_files(self) -> None:
        """Every file submitted stored (its row's sha256 set), the last part (`last_part`) perhaps not yet."""
        while self.futures and self.futures[0] is not self._last:
            self.futures.popleft().result()

    def finish(self) -> None:
        """The last records' part written (`last_part`, if not asked for already), every file placed, the
        folders fsynced."""
        if self._last is None:
            self.last_part()
        try:
            while self.futures:
                self.futures.popleft().result()
        finally:
            self.close()
        rawstore.sync(self.store)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def ingest_validated(period: Period, inbox: Path | None = None, card_ids_elsewhere: dict[str, str] | None = None,
                     incumbents: dict[str, str] | None = None, times: dict | None = None,
                     store: Path | None = None) -> tuple[Ingested, Result]:
    """(the raw layer as `ingest` gives it, its records sorted as the raw_cards asset sorts them, with
    no tables; the validation of those records, as validate_period gives it). `times`, if given,
    gets the seconds spent reading (ingest_s: the files, their frames and raw records) and
    validating (validate_s: the rest), for the benchmark. `store`: the raw store to put the bytes and
    records into as they are read (the raw layer is then a `Stored`; the storing runs in a thread
    beside the reading, `_Storer`)."""
    storer = None
    if store is not None:
        rawstore._dirs(store)
        storer = _Storer(store)
    try:
        with _no_cycle_collection():
            return _ingest_validated(period, inbox, card_ids_elsewhere, incumbents, times, store, storer)
    finally:
        if storer is not None:
            storer.close()


@contextmanager
def _no_cycle_collection():
    """Python's cyclic garbage collector paused while a period is read and validated, then as it was. What the
    ingest makes in Python is values (the answers per distinct value, problems, quarantine rows), freed by their
    reference counts, not cycles; but their number set off full collections, each walking every object of the
    process: at 1,000,000 cards two of them, 0.3-0.8 s (benchmarks/ANALYSIS.md, branch i15r)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _ingest_validated(period, inbox, card_ids_elsewhere, incumbents, times, store, storer):
    clock = {"ingest_s": 0.0, "validate_s": 0.0}
    t0 = time.perf_counter()
    files: list[tuple[int, dict, pl.Series | None]] = []
    record_parts: list[pl.DataFrame] = []
    rest_parts: list[pl.DataFrame] = []  # records typed from their cells (not a plain CSV's frames)
    typed_parts: dict[str, list[pl.DataFrame]] = {"card": [], "person": []}
    found: list = []
    answers: dict = {}  # (kind, field) -> columns._Answers (coerce_value's answers), across files
    offset = 0
    scan_pos: dict[str, int] = {}

    def by_name(entries):
        for k, e in enumerate(entries):
            scan_pos[e.rel] = k
        return sorted(entries, key=lambda e: e.rel)

    # with a store, a plain table's records come without their cells: the storing thread builds them
    # and the bytes as read (no copy into a column and out of it again: 2 x 354 MB at 1,000,000 cards)
    parts = ingest_files(period.id, inbox, order=by_name, cells=store is None, as_bytes=store is not None,
                         digest=store is None)
    while True:
        t1 = time.perf_counter()
        part = next(parts, None)
        clock["ingest_s"] += time.perf_counter() - t1
        if part is None:
            break
        row, content = part.row, part.content
        recs = part.records if part.records is not None and part.records.height else None
        frames = where = None
        if recs is not None:
            if part.tables is None or len(part.tables) > 1:
                recs = recs.sort(["sheet", "row_no"], maintain_order=True)
            where = _meta(recs, offset).select("sheet", "kind", "row_no", "_i")
            frames = table_frames(part.tables, where) if part.tables else None
        # a plain table's records without their cells (store given): the storing thread adds them, unless
        # the records are to be typed from their cells after all
        cells_of = part.tables[0] if recs is not None and "cells" not in recs.columns else None
        if frames is None and cells_of is not None:
            recs, cells_of = table_cells(recs, cells_of), None
        if store is not None:
            row = {**row, "stored": content is not None}
            t1 = time.perf_counter()
            # the bytes hashed by the storing thread (raw_files' sha256 is the name stage gives them)
            storer.submit(content, row, recs, cells_of)
            clock["ingest_s"] += time.perf_counter() - t1
            content = None
        files.append((scan_pos[row["source_file"]], row, content))
        del content
        if recs is None:
            continue
        if frames is None:
            rest_parts.append(recs.select("kind", "header", "cells").with_columns(where["_i"]))
        else:
            for kind, f in frames:
                typed, probs = columns.coerce_columns(kind, full_frame(kind, f), answers,
                                                      controls=any(t.controls for t in part.tables))
                typed_parts[kind].append(typed)
                found += probs
        del frames, part
        record_parts.append(recs if store is None else recs.select(_PLACE_COLUMNS))
        offset += recs.height

    t1 = time.perf_counter()
    if storer is not None:
        # the last part (at most RECORDS_PER_PART records with their cells) written by the storing thread WHILE
        # the rest is typed and the period's checks run (`finish`, single-threaded Python mostly: the other core
        # is busy with it instead of idle); its records (~100 MB at most) are let go when written, below the
        # write's peak. Every file's bytes are hashed first (raw_files' sha256).
        storer.last_part()
        storer.wait_files()
    files.sort(key=lambda t: t[0])
    if store is None:
        raw_files = files_frame([r for _, r, _ in files], [c for _, _, c in files])
        records = pl.concat(record_parts, rechunk=False) if record_parts else pl.DataFrame(schema=RAW_RECORDS_FRAME)
    else:
        schema = {k: v for k, v in RAW_FILES_SCHEMA.items() if k != "content"} | {"stored": pl.Boolean}
        raw_files = pl.DataFrame([r for _, r, _ in files], schema=schema)
        records = (pl.concat(record_parts, rechunk=False) if record_parts
                   else pl.DataFrame(schema={k: RAW_RECORDS_FRAME[k] for k in _PLACE_COLUMNS}))
    del files, record_parts
    clock["ingest_s"] += time.perf_counter() - t1
    rest = pl.concat(rest_parts) if rest_parts else pl.DataFrame(schema={"kind": pl.Utf8, "header": pl.Categorical,
                                                                          "cells": pl.Utf8, "_i": pl.Int64})
    wide, by_record = rest_frames(rest, {"card": [], "person": []})
    del rest, rest_parts
    typed, found = type_frames(wide, by_record, typed_parts, found, answers)
    del wide, by_record, typed_parts
    result = finish(period, typed, found, _meta(records), raw_files, card_ids_elsewhere, incumbents)
    if storer is not None:
        # the storing thread done (every part written, the folders fsynced) before the write; its wait is reading's time
        t1 = time.perf_counter()
        storer.finish()
        clock["ingest_s"] += time.perf_counter() - t1
    clock["validate_s"] = time.perf_counter() - t0 - clock["ingest_s"]
    if times is not None:
        times.update(clock)
    if store is None:
        return Ingested(raw_files, records, {}), result
    headers = (pl.concat(storer.header_parts).unique("header_id", keep="first").sort("header_id")
               if storer.header_parts else pl.DataFrame(schema=RAW_HEADERS_SCHEMA))
    parts_df = pl.DataFrame(storer.part_rows, schema=rawstore.PART_SCHEMA) if storer.part_rows else None
    return Stored(raw_files, records, {}, parts_df, headers), result


def ingest_validated_in_warehouse(con, period: Period, inbox: Path | None = None) -> tuple[Ingested, Result]:
    """ingest_validated with what the warehouse knows of card ids (validate.known_ids), the bytes and
    records put into the warehouse's raw store as they are read when it has one (rawstore.location:
    not an encrypted warehouse, MONITOR_RAW_STORE=inside or a DuckLake, which keep them in memory until
    the write puts them inside). Refused before anything is read when the pseudonym key did not make the
    warehouse's pseudonyms (pseudonym.warehouse_key)."""
    pseudonym.warehouse_key(con)
    return ingest_validated(period, inbox, *known_ids(con, period), store=rawstore.location(con))
