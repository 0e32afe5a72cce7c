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
"""
from __future__ import annotations

import time
from pathlib import Path

import polars as pl

from assets.core.periods import Period
from assets.core.raw import RAW_RECORDS_FRAME
from assets.ingest.inbox import Ingested, files_frame, ingest_files
from assets.validate import columns
from assets.validate.validate import (Result, _meta, finish, full_frame, known_ids, rest_frames, table_frames,
                                      type_frames)


def ingest_validated(period: Period, inbox: Path | None = None, card_ids_elsewhere: dict[str, str] | None = None,
                     incumbents: dict[str, str] | None = None, times: dict | None = None) -> tuple[Ingested, Result]:
    """(the raw layer as `ingest` gives it, its records sorted as the raw_cards asset sorts them, with
    no tables; the validation of those records, as validate_period gives it). `times`, if given,
    gets the seconds spent reading (ingest_s: the files, their frames and raw records) and
    validating (validate_s: the rest), for the benchmark."""
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

    parts = ingest_files(period.id, inbox, order=by_name)
    while True:
        t1 = time.perf_counter()
        part = next(parts, None)
        clock["ingest_s"] += time.perf_counter() - t1
        if part is None:
            break
        files.append((scan_pos[part.row["source_file"]], part.row, part.content))
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
        record_parts.append(recs)
        offset += recs.height

    t1 = time.perf_counter()
    files.sort(key=lambda t: t[0])
    raw_files = files_frame([r for _, r, _ in files], [c for _, _, c in files])
    del files
    records = pl.concat(record_parts, rechunk=False) if record_parts else pl.DataFrame(schema=RAW_RECORDS_FRAME)
    del record_parts
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
    return Ingested(raw_files, records, {}), result


def ingest_validated_in_warehouse(con, period: Period, inbox: Path | None = None) -> tuple[Ingested, Result]:
    """ingest_validated with what the warehouse knows of card ids (validate.known_ids)."""
    return ingest_validated(period, inbox, *known_ids(con, period))
