"""The `codes` table's rows: every code list of schemas/card.yaml and the cities of config/gazetteer.yaml,
with their labels (DDL: sql/tables/095_codes.sql).

The warehouse fills them when it brings its tables up to date (assets/core/layout.ensure_tables):
on a DuckLake inside the one serialized transaction of the DDL, so that two processes deriving at once
on a new warehouse cannot both find the table empty and both fill it (that counted every assembly
twice in the per-code tables); on the DuckDB file (one writer at a time) whenever they differ."""
from __future__ import annotations

import hashlib

import duckdb
import polars as pl

from assets.core import sqlfiles
from schemas import gazetteer
from schemas.card import spec

COLUMNS = ("field", "code", "ru", "en", "court")


def codes_frame() -> pl.DataFrame:
    """Every code list of the card plus the cities, with Russian and English labels, and whether a code
    is a court's outcome (`court: true` in schemas/card.yaml)."""
    rows = []
    for kind in ("card", "person"):
        for name, f in spec().fields(kind).items():
            for code, lab in f.codes.items():
                rows.append({"field": name, "code": code, "ru": lab["ru"], "en": lab["en"], "court": bool(lab.get("court", False))})
    for key, c in gazetteer.cities().items():
        rows.append({"field": "city", "code": key, "ru": c["ru"], "en": c["en"], "court": False})
    return pl.DataFrame(rows)


def _rows(df: pl.DataFrame) -> list[tuple]:
    return sorted(df.select(COLUMNS).rows(), key=repr)


def digest(df: pl.DataFrame) -> str:
    """A fingerprint of the rows (any order)."""
    return hashlib.sha256(repr(_rows(df)).encode()).hexdigest()


def current(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return pl.from_arrow(con.execute(sqlfiles.sql("warehouse/codes_rows")).fetch_arrow_table())


def differs(con: duckdb.DuckDBPyConnection, df: pl.DataFrame) -> bool:
    """Do the rows of `codes` differ from `df` (as a multiset: a code twice differs)?"""
    return _rows(current(con)) != _rows(df)
