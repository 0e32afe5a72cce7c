"""Running the figure models of sql/figures/ for one period."""
from __future__ import annotations

import duckdb
import polars as pl

from assets.core.periods import Period
from assets.core.warehouse import query
from assets.failures import ModelError  # re-exported: figures.ModelError
from assets.validate import redaction
from core import settings
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
    from assets.core import warehouse

    def once() -> None:  # on a DuckLake, tried again when a concurrent period's run replaced it first
        con.register("_codes", codes_frame().to_arrow())
        try:
            con.execute("CREATE OR REPLACE TABLE codes AS SELECT * FROM _codes")
        finally:
            con.unregister("_codes")

    warehouse.retry_conflicts(once, "refreshing the code lists (codes)")


def model_files() -> list:
    return sorted((settings.sql_dir() / "figures").glob("*.sql"))


def derive_figures_with_models(con: duckdb.DuckDBPyConnection, period: Period) -> tuple[pl.DataFrame, dict[str, str]]:
    """All figures of `period` from its clean cards (empty when it has none), and which model
    (sql/figures/<file>) produced each table. A cell a model cannot compute (NULL or NaN: a share
    of nothing) is left out, never stored as NULL: nothing downstream does arithmetic on NULL."""
    n = con.execute("SELECT count(*) FROM cards WHERE period = ?", [period.id]).fetchone()[0]
    if n == 0:
        return pl.DataFrame(schema=FIGURES_SCHEMA), {}
    frames, origin = [], {}
    for f in model_files():
        sql = f.read_text(encoding="utf-8")
        params = {k: v for k, v in {"period": period.id, "months": period.months}.items() if f"${k}" in sql}
        rel = f"sql/figures/{f.name}"
        try:
            df = query(con, sql, params)
            df = df.select(
                pl.col("table_no").cast(pl.Utf8), pl.col("row_key").cast(pl.Utf8),
                pl.col("col_key").cast(pl.Utf8), pl.col("value").cast(pl.Float64))
        except (duckdb.Error, pl.exceptions.PolarsError) as exc:
            raise ModelError(rel, str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from exc
        for t in df["table_no"].unique().to_list():
            origin.setdefault(str(t), rel)
        frames.append(df)
    out = pl.concat(frames).with_columns(
        pl.when(pl.col("value").is_nan()).then(None).otherwise(pl.col("value")).alias("value"))
    out = out.with_columns(
        pl.lit(period.id).alias("period"), pl.lit("derived").alias("provenance"),
        # a model that yields NULL (e.g. a mean over no assemblies) has no figure for the cell: blank, never 0
        pl.when(pl.col("value").is_null()).then(pl.lit("blank")).otherwise(pl.lit("value")).alias("value_status"))
    # row keys that carry card text (topics) never name a private person
    out = redaction.redact_row_keys(out.select(list(FIGURES_SCHEMA)), redaction.private_names(con, period.id))
    return out, origin


def derive_figures(con: duckdb.DuckDBPyConnection, period: Period) -> pl.DataFrame:
    """All figures of `period` from its clean cards (empty when it has none)."""
    return derive_figures_with_models(con, period)[0]


def published_as_figures(con: duckdb.DuckDBPyConnection, period: Period) -> pl.DataFrame:
    """The published figures of `period` (one per cell: the primary printing), as figures rows. A cell the
    report prints as "-", leaves blank or that cannot be read keeps value NULL and says so in value_status."""
    df = query(con, """SELECT table_no, row_key, col_key,
                              CASE WHEN value_status = 'value' THEN value END AS value, value_status
                       FROM published_figures WHERE period = ? AND "primary" """, [period.id])
    return df.with_columns(pl.lit(period.id).alias("period"), pl.lit("published").alias("provenance")).select(list(FIGURES_SCHEMA))


def choose_figures(period: Period, derived: pl.DataFrame, published: pl.DataFrame) -> pl.DataFrame:
    """What `figures` holds for the period: its derived figures only when it is declared complete
    and has cards; otherwise what was published for it (maybe nothing)."""
    return derived if period.derived and derived.height else published


def figures_for_period(con: duckdb.DuckDBPyConnection, period: Period) -> pl.DataFrame:
    """The period's `figures` (see choose_figures)."""
    return choose_figures(period, derive_figures(con, period), published_as_figures(con, period))


def coverage_row(con: duckdb.DuckDBPyConnection, period: Period, provenance: str) -> pl.DataFrame:
    """The period's row of the `coverage` table (sql/coverage.sql)."""
    sql = (settings.sql_dir() / "coverage.sql").read_text(encoding="utf-8")
    try:
        return query(con, sql, {"period": period.id, "declared": period.coverage, "basis": period.basis, "provenance": provenance})
    except duckdb.Error as exc:
        raise ModelError("sql/coverage.sql", str(exc).splitlines()[0]) from exc


def impossible_cases(df: pl.DataFrame, failure_cases: pl.DataFrame, origin: dict[str, str], limit: int = 5) -> tuple[list[str], list[str]]:
    """The first failing cells of a pandera failure (its `index` column points into `df`), said as
    "table 7, row total, share_pct = 1000 (in_range(0, 100))", and the models that produced them."""
    cases, models = [], []
    if "index" not in failure_cases.columns:
        return [f"{r.get('check')}: {r.get('failure_case')}" for r in failure_cases.head(limit).to_dicts()], []
    for r in failure_cases.to_dicts():
        i = r.get("index")
        if i is None or not (0 <= int(i) < df.height):
            if len(cases) < limit:
                cases.append(f"{r.get('column') or 'frame'}: {r.get('check')} ({r.get('failure_case')})")
            continue
        row = df.row(int(i), named=True)
        m = origin.get(str(row["table_no"]))
        if m and m not in models:
            models.append(m)
        if len(cases) < limit:
            v = row["value"]
            shown = f"{v:g}" if isinstance(v, float) else str(v)
            cases.append(f"table {row['table_no']}, row {row['row_key']}, {row['col_key']} = {shown} ({r.get('check')})")
    return cases, models


def reconcile(con: duckdb.DuckDBPyConnection, period: Period) -> pl.DataFrame:
    """sql/reconciliation.sql for the period: its derived_figures beside its published figures."""
    try:
        return query(con, (settings.sql_dir() / "reconciliation.sql").read_text(encoding="utf-8"), {"period": period.id})
    except duckdb.Error as exc:
        raise ModelError("sql/reconciliation.sql", str(exc).splitlines()[0]) from exc
