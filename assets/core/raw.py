"""The raw layer's shape, shared by ingest (which writes raw_files and raw_records) and validate
(which reads them): the columns of the two frames and the `format` values of inbox entries that
were never opened."""
from __future__ import annotations

import polars as pl

RAW_FILES_SCHEMA = {
    "period": pl.Utf8, "source_file": pl.Utf8, "sha256": pl.Utf8, "size_bytes": pl.Int64, "content": pl.Binary,
    "format": pl.Utf8, "encoding": pl.Utf8, "records": pl.Int32, "problem": pl.Utf8, "warnings": pl.Utf8,
    "loaded_at": pl.Datetime("us"),
}
RAW_RECORDS_SCHEMA = {
    "period": pl.Utf8, "record_id": pl.Utf8, "source_file": pl.Utf8, "sheet": pl.Utf8, "row_no": pl.Int32,
    "kind": pl.Utf8, "data": pl.Utf8, "loaded_at": pl.Datetime("us"),
}

# `format` of raw_files rows for entries that were never opened (validate names their rule so)
NOT_READ = {"link", "hidden", "folder", "special", "hardlink", "stray", "skipped"}
