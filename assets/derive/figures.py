"""Running the figure models of sql/figures/ for one period."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
import polars as pl

from assets.core import sqlfiles
from assets.core.periods import Period
from assets.core.layout import fill_codes
from assets.core.warehouse import query
from assets.failures import ModelError  # re-exported: figures.ModelError
from assets.validate import redaction
from core import settings

FIGURES_SCHEMA = {"period": pl.Utf8, "table_no": pl.Utf8, "row_key": pl.Utf8, "col_key": pl.Utf8,
                  "value": pl.Float64, "provenance": pl.Utf8, "value_status": pl.Utf8}


def refresh_codes(con: duckdb.DuckDBPyConnection) -> None:
    """`codes` (its DDL: sql/tables/095_codes.sql) as the code lists of card.yaml say: filled once, by the
    warehouse's serialized table setup (assets/core/layout.fill_codes); a no-op when they are."""
    fill_codes(con)


# The layers run before the figure models, in this order, each file in name order: staging (the period's
# cards, persons and events, codes resolved) and intermediate (quantities several tables print). Each file
# creates the temporary table named like it, of the connection only; the figure models read them.
LAYERS = ("staging", "intermediate")
_COMMENT = re.compile(r"--[^\n]*")


def model_files(root: Path | None = None) -> list[Path]:
    return sorted(((root or settings.sql_dir()) / "figures").glob("*.sql"))


def layer_files(root: Path | None = None) -> list[Path]:
    """sql/staging/*.sql, then sql/intermediate/*.sql (each in name order)."""
    root = root or settings.sql_dir()
    return [f for layer in LAYERS for f in sorted((root / layer).glob("*.sql"))]


def _run(con: duckdb.DuckDBPyConnection, f: Path, period: Period | str, months: float | None = None) -> duckdb.DuckDBPyConnection:
    """Run the model file `f` with the parameters its code uses ($period, $months); a failure is a ModelError
    naming the file."""
    sql = f.read_text(encoding="utf-8")
    pid = period.id if isinstance(period, Period) else period
    months = period.months if isinstance(period, Period) and months is None else months
    code = _COMMENT.sub("", sql)
    params = {k: v for k, v in {"period": pid, "months": months}.items() if f"${k}" in code}
    try:
        return con.execute(sql, params)
    except duckdb.Error as exc:
        raise ModelError(f"sql/{f.parent.name}/{f.name}", str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from exc


def build_layers(con: duckdb.DuckDBPyConnection, period: Period | str, months: float | None = None,
                 root: Path | None = None) -> None:
    """The staging and intermediate models of `period` as temporary tables of `con` (stg_cards, ...,
    int_assemblies_by_city, ...): replaced on every call, so a connection that derives several periods
    never mixes them, and nothing of them is written into the warehouse file. The staging models are
    temporary views reading the connection's variable `derive_period` (set here), not copies."""
    con.execute(sqlfiles.sql("derive/set_period"), {"period": period.id if isinstance(period, Period) else period})
    for f in layer_files(root):
        _run(con, f, period, months)


def drop_layers(con: duckdb.DuckDBPyConnection, root: Path | None = None) -> None:
    """Drop the temporary tables and views of build_layers (named like their files: an allow-list)."""
    files = layer_files(root)
    names = frozenset(f.stem for f in files)
    views = {f.stem for f in files if "TEMP VIEW" in f.read_text(encoding="utf-8")}
    for name in sorted(names):
        con.execute(sqlfiles.for_table("derive/drop_temp_view" if name in views else "derive/drop_temp", name, allowed=names))


def derive_figures_with_models(con: duckdb.DuckDBPyConnection, period: Period) -> tuple[pl.DataFrame, dict[str, str]]:
    """All figures of `period` from its clean cards (empty when it has none), and which model
    (sql/figures/<file>) produced each table. A cell a model cannot compute (NULL or NaN: a share
    of nothing) is left out, never stored as NULL: nothing downstream does arithmetic on NULL."""
    build_layers(con, period)
    try:
        return _figures(con, period)
    finally:
        drop_layers(con)


def _figures(con: duckdb.DuckDBPyConnection, period: Period) -> tuple[pl.DataFrame, dict[str, str]]:
    n = con.execute(sqlfiles.sql("derive/staged_cards")).fetchone()[0]
    if n == 0:
        return pl.DataFrame(schema=FIGURES_SCHEMA), {}
    frames, origin = [], {}
    for f in model_files():
        rel = f"sql/figures/{f.name}"
        try:
            df = pl.from_arrow(_run(con, f, period).fetch_arrow_table())
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
    df = query(con, sqlfiles.sql("derive/published_as_figures"), {"period": period.id})
    return df.with_columns(pl.lit(period.id).alias("period"), pl.lit("published").alias("provenance")).select(list(FIGURES_SCHEMA))


def choose_figures(period: Period, derived: pl.DataFrame, published: pl.DataFrame) -> pl.DataFrame:
    """What `figures` holds for the period: its derived figures only when it is declared complete
    and has cards; otherwise what was published for it (maybe nothing)."""
    return derived if period.derived and derived.height else published


def coverage_row(con: duckdb.DuckDBPyConnection, period: Period, provenance: str) -> pl.DataFrame:
    """The period's row of the `coverage` table (sql/coverage.sql)."""
    try:
        return query(con, sqlfiles.sql("coverage"), {"period": period.id, "declared": period.coverage, "basis": period.basis, "provenance": provenance})
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
        return query(con, sqlfiles.sql("reconciliation"), {"period": period.id})
    except duckdb.Error as exc:
        raise ModelError("sql/reconciliation.sql", str(exc).splitlines()[0]) from exc


def label_coverage(con: duckdb.DuckDBPyConnection, period: Period, rec: pl.DataFrame) -> tuple[pl.DataFrame, str, float | None]:
    """The reconciliation rows `rec` labelled with the period's coverage and digitised share (from the
    coverage table; "none" when the period has no row there); also the label and share themselves."""
    cov = query(con, sqlfiles.sql("derive/coverage_of_period"), {"period": period.id})
    label, share = (cov["coverage"][0], cov["digitised_share"][0]) if cov.height else ("none", None)
    rec = rec.with_columns(pl.lit(label).alias("coverage"), pl.lit(share, dtype=pl.Float64).alias("digitised_share"))
    return rec, label, share
