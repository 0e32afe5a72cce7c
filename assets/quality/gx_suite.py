"""A Great Expectations suite over the figures of one period, and its Data Docs.

    outcome = validate_figures(figures_frame, "2017")      # -> SuiteOutcome (success, per expectation)
    outcome = validate_period(con, "2017")                 # the same, read from the warehouse
    assert_figures_ok(con, "2017")                         # raises FiguresNotValid listing every failure

Two suites run on every validation (GX 1.x fluent API: a pandas data source, one dataframe asset
per frame, a whole-dataframe batch definition, ValidationDefinition, Checkpoint; the Data Docs of
both suites' results built once after both, as UpdateDataDocsAction would per suite):

- `figures` over the period's rows of `figures` (plus a helper column `unit`: `pct` where the
  col_key ends in `_pct`, `index` where it ends in `_index`, else `number`, so the row conditions
  read "unit == pct"): keys not null; (period, table_no, row_key, col_key) unique; provenance
  derived|published; table_no one of the report's; shares 0–100; counts, amounts and indices ≥ 0.
- `figures_sums` over sql/checks/figure_sums.sql (derived figures only): for every table whose
  category rows add up to a total, that total exists and |sum of rows − total| ≤ 1e-6.

The GX project lives in <build>/gx/ (file context; analytics and progress bars off), the Data Docs
in <build>/data_docs/ (index.html), made readable without a CDN.

This module runs the suites; the parts: gx_expectations.py (building the suites), gx_context.py
(the GX project, its checkpoints and Data Docs site), gx_outcomes.py (the results in words),
gx_docs.py (Data Docs without a CDN), gx_setup.py (importing GX quietly).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from assets.core import periods
from core import plural
from assets.core.warehouse import query, read_sql
from assets.quality import gx_context
from assets.quality.gx_docs import make_offline_readable
from assets.quality.gx_expectations import SUITE, SUMS_SUITE
from assets.quality.gx_outcomes import ExpectationOutcome, FiguresNotValid, SuiteOutcome, read_outcomes

__all__ = ["SUITE", "SUMS_SUITE", "ExpectationOutcome", "FiguresNotValid", "SuiteOutcome", "assert_figures_ok",
           "figure_frame", "figure_sums", "load_figures", "validate_figures", "validate_period"]


# ---------------------------------------------------------------------------------------- frames

def _as_polars(df: Any) -> pl.DataFrame:
    if isinstance(df, pl.DataFrame):
        return df
    return pl.from_pandas(df)


def load_figures(con: duckdb.DuckDBPyConnection, period: str) -> pl.DataFrame:
    return query(con, read_sql("checks/figures_of_period"), {"period": period})


def figure_frame(figures: Any) -> pl.DataFrame:
    """The figures with the helper column `unit` (pct | index | number | trend) the row conditions use."""
    df = _as_polars(figures)
    ck = pl.col("col_key")
    return df.with_columns(
        pl.when(ck == "trend").then(pl.lit("trend"))  # a trend word's direction: -1, 0, +1
        .when(ck.str.ends_with("_pct")).then(pl.lit("pct"))
        .when(ck.str.ends_with("_index")).then(pl.lit("index"))
        .otherwise(pl.lit("number")).alias("unit"))


def figure_sums(figures: Any, period: str) -> pl.DataFrame:
    """sql/checks/figure_sums.sql over a figures frame (run in an in-memory DuckDB)."""
    df = _as_polars(figures).select("period", "table_no", "row_key", "col_key",
                                    pl.col("value").cast(pl.Float64), "provenance")
    con = duckdb.connect()
    try:
        con.register("figures", df.to_arrow())
        return query(con, read_sql("checks/figure_sums"), {"period": period})
    finally:
        con.close()


# ------------------------------------------------------------------------------------ validating

def validate_figures(figures: Any, period: str, *, data_docs: bool = True) -> SuiteOutcome:
    """Run both suites over a figures frame (polars or pandas) of one period."""
    from great_expectations.core.run_identifier import RunIdentifier

    proj = gx_context.project()
    frames = {
        SUITE: figure_frame(figures).to_pandas(),
        SUMS_SUITE: figure_sums(figures, period).to_pandas(),
    }
    run_id = RunIdentifier(run_name=period, run_time=dt.datetime.now(dt.timezone.utc))
    outcomes: list[ExpectationOutcome] = []
    pages: list[Path] = []
    results: dict = {}
    for name, df in frames.items():
        if data_docs:
            cp_result = proj.checkpoints[name].run(batch_parameters={"dataframe": df}, run_id=run_id)
            for vr_id, vr in cp_result.run_results.items():
                outcomes += read_outcomes(name, vr)
                results[vr_id] = vr
        else:
            index_cols = gx_context.FIGURE_INDEX if name == SUITE else gx_context.SUMS_INDEX
            vr = proj.validations[name].run(batch_parameters={"dataframe": df}, run_id=run_id, result_format={
                "result_format": "COMPLETE", "unexpected_index_column_names": index_cols})
            outcomes += read_outcomes(name, vr)
    index = None
    if data_docs:
        gx_context.update_docs(proj, results)  # both suites' pages and the index, built once
        pages = [p for vr_id in results for p in gx_context.page_paths(proj, vr_id)]
        make_offline_readable(gx_context.data_docs_dir())
        index = gx_context.data_docs_dir() / "index.html"
    return SuiteOutcome(period=period, outcomes=outcomes, data_docs=index, pages=pages)


def validate_period(con: duckdb.DuckDBPyConnection, period: str, *, data_docs: bool = True) -> SuiteOutcome:
    """Both suites over the period's figures as they stand in the warehouse."""
    return validate_figures(load_figures(con, period), period, data_docs=data_docs)


def no_figures_reason(con: duckdb.DuckDBPyConnection, period: str) -> str:
    """Why a period has no figure to report, in the words of what the warehouse holds of it: no assembly held
    (no card, or only refused applications and prevented assemblies) has none to derive, and running the
    period again would not change that; only cards not yet derived are a matter of running it."""
    held, refused, prevented = con.execute(read_sql("checks/records_of_period"), {"period": period}).fetchone()
    not_held = refused + prevented
    if not held and not_held:
        return (f"the warehouse holds no figures of period {period}: it has no assembly held, only "
                f"{plural.en_count(not_held, 'record')} of events not held (refused applications, prevented assemblies), and a report counts assemblies held, "
                "so it has no report")
    if not held:
        return (f"the warehouse holds no figures of period {period}: it holds no valid card of it, so it has no report; "
                f"put its cards in the inbox (inbox/cards/{period}/) (`monitor quarantine --period {period}` lists the "
                "records held back)")
    if not periods.get(period).derived:
        return (f"the warehouse holds no figures of period {period}: its {plural.en_count(held, 'card')} make its figures only once its "
                "card coverage is declared complete (config/periods.yaml, coverage), and none was published for it")
    return (f"the warehouse holds no figures of period {period}, though it holds {plural.en_count(held, 'card')} of it: materialize `figures` for "
            f"{period} (e.g. `monitor run --period {period}`) before rendering its report")


def assert_figures_ok(con: duckdb.DuckDBPyConnection, period: str, *, allow_empty: bool = False) -> None:
    """Raise FiguresNotValid, listing every failing expectation, unless the period's figures pass.
    A period without any figure is an error too (unless allow_empty): there is nothing to report."""
    figures = load_figures(con, period)
    if figures.height == 0:
        if allow_empty:
            return
        raise FiguresNotValid(no_figures_reason(con, period))
    outcome = validate_figures(figures, period, data_docs=gx_context.data_docs_on())
    if not outcome.success:
        raise FiguresNotValid("refusing to use wrong numbers: " + outcome.summary(), outcome)
