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

import time
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from assets.core import rawstore

from assets.core.periods import Period
from assets.core.raw import RAW_FILES_SCHEMA, RAW_HEADERS_SCHEMA, RAW_RECORDS_FRAME, headers_of
from assets.ingest.inbox import Ingested, files_frame, ingest_files
from assets.validate import columns
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
    """The raw layer's frames for warehouse.replace_partitions: the references when it is stored already,
    else the frames themselves (raw_files with the bytes, raw_records with the cells)."""
    if isinstance(got, Stored):
        return {"raw_file_index": got.files, "raw_record_parts": got.parts, "raw_headers": got.headers}
    return {"raw_files": got.files, "raw_records": got.records}


def ingest_validated(period: Period, inbox: Path | None = None, card_ids_elsewhere: dict[str, str] | None = None,
                     incumbents: dict[str, str] | None = None, times: dict | None = None,
                     store: Path | None = None) -> tuple[Ingested, Result]:
    """(the raw layer as `ingest` gives it, its records sorted as the raw_cards asset sorts them, with
    no tables; the validation of those records, as validate_period gives it). `times`, if given,
    gets the seconds spent reading (ingest_s: the files, their frames and raw records) and
    validating (validate_s: the rest), for the benchmark. `store`: the raw store to put the bytes and
    records into as they are read (the raw layer is then a `Stored`)."""
    clock = {"ingest_s": 0.0, "validate_s": 0.0}
    t0 = time.perf_counter()
    files: list[tuple[int, dict, pl.Series | None]] = []
    record_parts: list[pl.DataFrame] = []
    pending: list[pl.DataFrame] = []  # records not yet in a Parquet part of the store
    part_rows: list[dict] = []
    header_parts: list[pl.DataFrame] = []
    if store is not None:
        rawstore._dirs(store)

    def flush() -> None:
        if not pending:
            return
        t1 = time.perf_counter()
        df = pl.concat(pending, rechunk=False) if len(pending) > 1 else pending[0]
        pending.clear()
        part_rows.append(rawstore.store_part(store, df))
        header_parts.append(headers_of(df))
        clock["ingest_s"] += time.perf_counter() - t1  # storing is part of reading

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

    parts = ingest_files(period.id, inbox, order=by_name)
    while True:
        t1 = time.perf_counter()
        part = next(parts, None)
        clock["ingest_s"] += time.perf_counter() - t1
        if part is None:
            break
        row, content = part.row, part.content
        if store is not None:
            row = {**row, "stored": content is not None}
            if content is not None:
                t1 = time.perf_counter()
                row["sha256"] = rawstore.put_bytes(store, content[0])  # the bytes' own digest, as stage names them
                clock["ingest_s"] += time.perf_counter() - t1
            content = None
        files.append((scan_pos[row["source_file"]], row, content))
        del content
        recs = part.records
        if recs is None or not recs.height:
            continue
        if part.tables is None or len(part.tables) > 1:
            recs = recs.sort(["sheet", "row_no"], maintain_order=True)
        where = _meta(recs, offset).select("sheet", "kind", "row_no", "_i")
        frames = table_frames(part.tables, where) if part.tables else None
        if frames is None:
            rest_parts.append(recs.select("kind", "header", "cells").with_columns(where["_i"]))
        else:
            for kind, f in frames:
                typed, probs = columns.coerce_columns(kind, full_frame(kind, f), answers,
                                                      controls=any(t.controls for t in part.tables))
                typed_parts[kind].append(typed)
                found += probs
        del frames, part
        if store is None:
            record_parts.append(recs)
        else:
            pending.append(recs)
            record_parts.append(recs.select(_PLACE_COLUMNS))
            if sum(r.height for r in pending) >= RECORDS_PER_PART:
                flush()
        offset += recs.height

    if store is not None:
        flush()  # the last files' records
    t1 = time.perf_counter()
    files.sort(key=lambda t: t[0])
    if store is None:
        raw_files = files_frame([r for _, r, _ in files], [c for _, _, c in files])
        records = pl.concat(record_parts, rechunk=False) if record_parts else pl.DataFrame(schema=RAW_RECORDS_FRAME)
    else:
        rawstore.sync(store)
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
    clock["validate_s"] = time.perf_counter() - t0 - clock["ingest_s"]
    if times is not None:
        times.update(clock)
    if store is None:
        return Ingested(raw_files, records, {}), result
    headers = (pl.concat(header_parts).unique("header_id", keep="first").sort("header_id") if header_parts
               else pl.DataFrame(schema=RAW_HEADERS_SCHEMA))
    parts_df = pl.DataFrame(part_rows, schema=rawstore.PART_SCHEMA) if part_rows else None
    return Stored(raw_files, records, {}, parts_df, headers), result


def ingest_validated_in_warehouse(con, period: Period, inbox: Path | None = None) -> tuple[Ingested, Result]:
    """ingest_validated with what the warehouse knows of card ids (validate.known_ids), the bytes and
    records put into the warehouse's raw store as they are read when it has one (rawstore.location:
    not an encrypted warehouse, MONITOR_RAW_STORE=inside or a DuckLake, which keep them in memory until
    the write puts them inside)."""
    return ingest_validated(period, inbox, *known_ids(con, period), store=rawstore.location(con))
