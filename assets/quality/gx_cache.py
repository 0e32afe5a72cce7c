"""The last passing result of the Great Expectations suite, per period, so that it runs once per job.

The blocking check `figures_expectations` records, when a period's figures pass, a digest of exactly
those figures (and of the suite's code: assets/quality/*.py, sql/checks/*.sql); the report's gate
(assets/report/refresh.py) asks `passed(con, period)` before running the suite again and skips it
when the figures in the warehouse are still those that passed. A changed figure, a changed
expectation or a failure means no record matches: the suite runs. Plain functions, no GX import
(the report imports this module, never the other way round). The record is a file in
<build>/gx_cache/, so it holds across the processes of a launched run."""
from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import polars as pl

from assets.core.warehouse import query, read_sql
from core import settings

_KEYS = ["period", "table_no", "row_key", "col_key", "provenance", "value"]


def _record_file(period: str) -> Path:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in str(period))
    return settings.build_dir() / "gx_cache" / f"figures-{safe}.sha256"


def _code_digest(h) -> None:
    paths = sorted(Path(__file__).resolve().parent.glob("*.py")) + sorted((settings.sql_dir() / "checks").glob("*.sql"))
    for p in paths:
        h.update(p.name.encode())
        h.update(p.read_bytes())


def figures_digest(figures: pl.DataFrame) -> str:
    """A digest of one period's figures (in any row order) and of the suite's code."""
    h = hashlib.sha256()
    h.update(repr(sorted(figures.schema.items(), key=lambda kv: kv[0])).encode())
    cols = [c for c in _KEYS if c in figures.columns] + [c for c in figures.columns if c not in _KEYS]
    df = figures.select(cols)
    h.update(df.sort(cols, nulls_last=True).write_csv().encode())
    _code_digest(h)
    return h.hexdigest()


def record_pass(period: str, figures: pl.DataFrame) -> None:
    """Called by the check when `figures` (the period's, as it validated them) passed the suite."""
    if figures.height == 0:
        return
    f = _record_file(period)
    f.parent.mkdir(parents=True, exist_ok=True)
    tmp = f.with_suffix(f".{id(figures)}.tmp")
    tmp.write_text(figures_digest(figures))
    tmp.replace(f)


def forget(period: str) -> None:
    _record_file(period).unlink(missing_ok=True)


def passed(con: duckdb.DuckDBPyConnection, period: str) -> bool:
    """True when the period's figures in the warehouse are those that last passed the suite."""
    f = _record_file(period)
    if not f.exists():
        return False
    figures = query(con, read_sql("checks/figures_of_period"), {"period": period})
    return figures.height > 0 and f.read_text() == figures_digest(figures)
