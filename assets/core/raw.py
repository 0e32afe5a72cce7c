"""The raw layer's shape, shared by ingest (which writes raw_files, raw_headers and raw_records) and
validate (which reads them): the columns of the frames, the `format` values of inbox entries that
were never opened, and how a record's values and its header make the record again.

A raw record is stored as its values only (`cells`: a JSON array, in the order of its header, each
value exactly as received: text from CSV, the cell or JSON value otherwise); its header (the column
names or keys, a JSON array) is stored once per period in raw_headers under `header_id`, a digest of
the header's text. `record_data(header, cells)` gives back the record as the reader gave it (the same
keys in the same order, the same values), and `data_json` its JSON object to the byte as the raw
layer held it before (README, "The raw layer")."""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache

import polars as pl

RAW_FILES_SCHEMA = {
    "period": pl.Utf8, "source_file": pl.Utf8, "sha256": pl.Utf8, "size_bytes": pl.Int64, "content": pl.Binary,
    "format": pl.Utf8, "encoding": pl.Utf8, "records": pl.Int32, "problem": pl.Utf8, "warnings": pl.Utf8,
    "loaded_at": pl.Datetime("us"),
}
RAW_RECORDS_SCHEMA = {
    "period": pl.Utf8, "record_id": pl.Utf8, "source_file": pl.Utf8, "sheet": pl.Utf8, "row_no": pl.Int32,
    "kind": pl.Utf8, "header_id": pl.Utf8, "cells": pl.Utf8, "loaded_at": pl.Datetime("us"),
}
RAW_HEADERS_SCHEMA = {"period": pl.Utf8, "header_id": pl.Utf8, "header": pl.Utf8}
# raw_records as ingest gives them and validate reads them: each record's header beside it, as a
# Categorical (held once per distinct header); the warehouse write puts it into raw_headers.
RAW_RECORDS_FRAME = {**RAW_RECORDS_SCHEMA, "header": pl.Categorical}

# `format` of raw_files rows for entries that were never opened (validate names their rule so)
NOT_READ = {"link", "hidden", "folder", "special", "hardlink", "stray", "skipped"}

# the rules of a file's notes (raw_files.warnings), each named where the note is made
NOTE_RULES = ("unknown_column", "sheet_not_read", "title_above_header", "inbox_skipped", "card_id_not_text",
              "merged_cells", "hidden_rows")


class Note(str):
    """A file's note (a warning: an unknown column, a sheet not read, a title above the header, an inbox entry
    passed over): its text, and `rule`, the quarantine rule it is recorded under, given where the note is made
    (re-wording the text never changes the rule)."""

    def __new__(cls, text: str, rule: str) -> "Note":
        if rule not in NOTE_RULES:
            raise ValueError(f"unknown note rule {rule!r}; one of {NOTE_RULES}")
        self = super().__new__(cls, text)
        self.rule = rule
        return self

    def __reduce__(self):  # pickled with its rule (a file read in a worker process)
        return (Note, (str(self), self.rule))


def notes_json(notes) -> str:
    """raw_files.warnings of a file's notes: a JSON list of {"rule", "reason"} (each a Note)."""
    out = []
    for n in notes:
        if not isinstance(n, Note):
            raise TypeError(f"a file's note needs its rule (raw.Note): {n!r}")
        out.append({"rule": n.rule, "reason": str(n)})
    return json.dumps(out, ensure_ascii=False)


def notes_of(text: str | None) -> list[tuple[str | None, str]]:
    """(rule, reason) of each note in raw_files.warnings (notes_json's); a note stored as bare text (a warehouse
    written before the rules were stored) has rule None."""
    out: list[tuple[str | None, str]] = []
    for n in json.loads(text or "[]"):
        if isinstance(n, dict):
            out.append((n.get("rule"), str(n.get("reason", ""))))
        else:
            out.append((None, str(n)))
    return out


def header_json(headers) -> str:
    """A header (column names or keys, in order) as raw_headers.header holds it."""
    return json.dumps([str(h) for h in headers], ensure_ascii=False, separators=(",", ":"))


def header_id(header_text: str) -> str:
    """raw_headers.header_id of a header's text: its digest (the same header, the same id, in every file)."""
    return hashlib.md5(header_text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def cells_json(values) -> str:
    """A record's values, in its header's order, as raw_records.cells holds them."""
    return json.dumps(list(values), ensure_ascii=False, separators=(",", ":"), default=str)


def cells_of_line(line: str, sep: str) -> str:
    """The cells (cells_json) of a record kept as the text of its CSV line (the raw store's parts: `line`,
    `sep`; assets/ingest/fastcsv.py Lines): a line with no quote whose cells are all there, split at `sep`."""
    return cells_json(line.split(sep))


def cells_of_lines(records: pl.DataFrame) -> pl.DataFrame:
    """Raw records read from a raw store part (with `line` and `sep` where a record is kept as its line)
    with every record's `cells` (cells_of_line's, built per column: the text of sql/raw/cells_of_line.sql),
    and without `line` and `sep`."""
    if "line" not in records.columns:
        return records
    cells = pl.col("cells")
    for sep in records.filter(pl.col("line").is_not_null())["sep"].unique().to_list():
        # backslashes escaped first; the separators become '","'; a tab left (not the separator) becomes \t
        text = (pl.col("line").str.replace_all("\\", "\\\\", literal=True).str.replace_all(sep, '","', literal=True)
                .str.replace_all("\t", "\\t", literal=True))
        cells = pl.when(pl.col("line").is_not_null() & (pl.col("sep") == sep)).then(
            pl.concat_str([pl.lit('["'), text, pl.lit('"]')])).otherwise(cells)
    return records.with_columns(cells.alias("cells")).drop("line", "sep")


@lru_cache(maxsize=4096)
def header_list(header_text: str) -> tuple[str, ...]:
    return tuple(json.loads(header_text))


def record_data(header_text: str, cells_text: str) -> dict:
    """The record as the reader gave it: {header: value} in the header's order."""
    return dict(zip(header_list(header_text), json.loads(cells_text), strict=True))


def data_json(header_text: str, cells_text: str) -> str:
    """The record's JSON object as the raw layer held it before values and headers were stored apart
    (raw_records.data; ingest's readers.jsonable): the same text to the byte."""
    return json.dumps(record_data(header_text, cells_text), ensure_ascii=False, default=str, sort_keys=False)


def split_headers(frames: dict) -> dict:
    """The frames of a warehouse write with raw_records' `header` column moved into raw_headers rows
    (each header of the period once): writes.replace_partitions calls it, so that a period's raw
    records and their headers are always replaced together."""
    df = frames.get("raw_records")
    if df is None or "header" not in df.columns:
        return frames
    out = dict(frames)
    out["raw_headers"] = headers_of(df).sort("header_id")
    out["raw_records"] = df.drop("header")
    return out


def headers_of(records: pl.DataFrame) -> pl.DataFrame:
    """raw_headers rows of raw records (period, header_id, header as text), each header once. Distinct
    first, then the header's text: a period's few headers, not one string per record (1.2M copies of a
    ~500-byte header at 1,000,000 cards, ~0.4 GB for a moment)."""
    return (records.select("period", "header_id", "header").unique("header_id", keep="first")
            .with_columns(pl.col("header").cast(pl.Utf8)))


def with_header(records: pl.DataFrame, headers: pl.DataFrame) -> pl.DataFrame:
    """raw_records rows read from the warehouse with their header beside them (as ingest gives them)."""
    h = headers.select("header_id", pl.col("header").cast(pl.Categorical))
    return records.join(h, on="header_id", how="left", maintain_order="left")


def record_texts(records: pl.DataFrame):
    """Each record's values as a dict {header: value}, in the frame's order (an exception instead where
    they cannot be read). Frames with the old `data` column (a JSON object per record) are read too."""
    if "data" in records.columns:
        for text in records["data"]:
            try:
                yield json.loads(text)
            except Exception as exc:  # noqa: BLE001 - the caller says why, record by record
                yield exc
        return
    for header, cells in zip(records["header"], records["cells"]):
        try:
            yield record_data(header, cells)
        except Exception as exc:  # noqa: BLE001
            yield exc
