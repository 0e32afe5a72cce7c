"""Running the figure models of sql/figures/ for one period."""
from __future__ import annotations

import duckdb
import polars as pl

from assets.core import redaction, settings
from assets.core.periods import Period
from assets.core.warehouse import query
from schemas import gazetteer
from schemas.card import spec

FIGURES_SCHEMA = {"period": pl.Utf8, "table_no": pl.Utf8, "row_key": pl.Utf8, "col_key": pl.Utf8,
                  "value": pl.Float64, "provenance": pl.Utf8, "value_status": pl.Utf8}


def codes_frame() -> pl.DataFrame:
    """Every code list of the card plus the cities, with Russian and English labels."""
    rows = []
    for kind in ("card", "person"):
        for name, f in spec().fields(kind).items():
            for code, lab in f.codes.items():
                rows.append({"field": name, "code": code, "ru": lab["ru"], "en": lab["en"]})
    for key, c in gazetteer.cities().items():
        rows.append({"field": "city", "code": key, "ru": c["ru"], "en": c["en"]})
    return pl.DataFrame(rows)


def refresh_codes(con: duckdb.DuckDBPyConnection) -> None:
    con.register("_codes", codes_frame().to_arrow())
    con.execute("CREATE OR REPLACE TABLE codes AS SELECT * FROM _codes")
    con.unregister("_codes")


def model_files() -> list:
    return sorted((settings.sql_dir() / "figures").glob("*.sql"))


def derive_figures(con: duckdb.DuckDBPyConnection, period: Period) -> pl.DataFrame:
    """All figures of `period` from its clean cards (empty when it has none)."""
    n = con.execute("SELECT count(*) FROM cards WHERE period = ?", [period.id]).fetchone()[0]
    if n == 0:
        return pl.DataFrame(schema=FIGURES_SCHEMA)
    frames = []
    for f in model_files():
        sql = f.read_text(encoding="utf-8")
        params = {k: v for k, v in {"period": period.id, "months": period.months}.items() if f"${k}" in sql}
        try:
            df = query(con, sql, params)
        except duckdb.Error as exc:
            raise RuntimeError(f"figure model {f.name} failed: {exc}") from exc
        frames.append(df.select(
            pl.col("table_no").cast(pl.Utf8), pl.col("row_key").cast(pl.Utf8),
            pl.col("col_key").cast(pl.Utf8), pl.col("value").cast(pl.Float64)))
    out = pl.concat(frames).with_columns(
        pl.lit(period.id).alias("period"), pl.lit("derived").alias("provenance"),
        # a model that yields NULL (e.g. a mean over no assemblies) has no figure for the cell: blank, never 0
        pl.when(pl.col("value").is_null()).then(pl.lit("blank")).otherwise(pl.lit("value")).alias("value_status"))
    # row keys that carry card text (topics) never name a private person
    return redaction.redact_row_keys(out.select(list(FIGURES_SCHEMA)), redaction.private_names(con, period.id))


def published_as_figures(con: duckdb.DuckDBPyConnection, period: Period) -> pl.DataFrame:
    """The published figures of `period` (one per cell: the primary printing), as figures rows. A cell the
    report prints as "-", leaves blank or that cannot be read keeps value NULL and says so in value_status."""
    df = query(con, """SELECT table_no, row_key, col_key,
                              CASE WHEN value_status = 'value' THEN value END AS value, value_status
                       FROM published_figures WHERE period = ? AND "primary" """, [period.id])
    return df.with_columns(pl.lit(period.id).alias("period"), pl.lit("published").alias("provenance")).select(list(FIGURES_SCHEMA))


def figures_for_period(con: duckdb.DuckDBPyConnection, period: Period) -> pl.DataFrame:
    """Derived figures when the period has cards; else what was published for it (maybe nothing)."""
    derived = derive_figures(con, period)
    return derived if derived.height else published_as_figures(con, period)


def reconcile(con: duckdb.DuckDBPyConnection, period: Period) -> pl.DataFrame:
    return query(con, (settings.sql_dir() / "reconciliation.sql").read_text(encoding="utf-8"), {"period": period.id})
