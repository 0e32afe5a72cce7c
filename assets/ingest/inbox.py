"""The inbox: card files for a period live in <inbox>/cards/<period>/ (any depth).

`ingest_period` reads them all and returns two frames for the raw layer: the files (bytes and
hash kept) and their records (values as received)."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import polars as pl

from assets.core import settings
from assets.ingest.readers import jsonable, read_file

RAW_FILES_SCHEMA = {
    "period": pl.Utf8, "source_file": pl.Utf8, "sha256": pl.Utf8, "size_bytes": pl.Int64, "content": pl.Binary,
    "format": pl.Utf8, "encoding": pl.Utf8, "records": pl.Int32, "problem": pl.Utf8, "warnings": pl.Utf8,
    "loaded_at": pl.Datetime("us"),
}
RAW_RECORDS_SCHEMA = {
    "period": pl.Utf8, "record_id": pl.Utf8, "source_file": pl.Utf8, "sheet": pl.Utf8, "row_no": pl.Int32,
    "kind": pl.Utf8, "data": pl.Utf8, "loaded_at": pl.Datetime("us"),
}


def card_files(period: str, inbox: Path | None = None) -> list[Path]:
    root = (inbox or settings.inbox_dir()) / "cards" / period
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith((".", "~$")))


def ingest_period(period: str, inbox: Path | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    inbox = inbox or settings.inbox_dir()
    now = dt.datetime.now().replace(microsecond=0)
    files, records = [], []
    for path in card_files(period, inbox):
        rel = path.relative_to(inbox).as_posix()
        content = path.read_bytes()
        fr = read_file(path)
        files.append({
            "period": period, "source_file": rel, "sha256": hashlib.sha256(content).hexdigest(),
            "size_bytes": len(content), "content": content, "format": fr.format, "encoding": fr.encoding,
            "records": 0 if fr.problem else len(fr.records), "problem": fr.problem,
            "warnings": json.dumps(fr.warnings, ensure_ascii=False), "loaded_at": now,
        })
        if fr.problem:
            continue
        for r in fr.records:
            records.append({
                "period": period, "record_id": f"{rel}#{r.sheet}:{r.row_no}", "source_file": rel,
                "sheet": r.sheet, "row_no": r.row_no, "kind": r.kind, "data": jsonable(r.data), "loaded_at": now,
            })
    return (pl.DataFrame(files, schema=RAW_FILES_SCHEMA), pl.DataFrame(records, schema=RAW_RECORDS_SCHEMA))
