"""Dagster assets of stage 3: published history, the period's figures, the audit of the published
report and the reconciliation of derived with published figures."""
import dagster as dg
import pandera.errors

from assets.core import periods
from assets.core import warehouse as wh
from assets.derive.audit import audit_cells, audit_published
from assets.derive.figures import figures_for_period, reconcile, refresh_codes
from assets.derive.published import load_choices, load_published
from pipelines.partitions import periods_partitions
from pipelines.resources import DUCKDB_WRITE_POOL, WarehouseResource
from schemas.derived import AuditSchema, ReconciliationSchema
from schemas.figures import FiguresSchema


@dg.asset(
    group_name="published",
    pool=DUCKDB_WRITE_POOL,
    kinds={"duckdb", "csv"},
    description="Every figure the published reports print (data/published/*.csv, validated by pandera), provenance 'published'.",
)
def published_figures(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    import polars as pl

    df = load_published().with_columns(pl.lit("published").alias("provenance"))
    choices = load_choices(published=df)
    with warehouse.get_connection() as con:
        n = wh.replace_table(con, "published_figures", df)
        wh.replace_table(con, "published_choices", choices)
    by_period = df.group_by("period").len().sort("period")
    context.log.info(f"loaded {n} published figures and {choices.height} recorded choices from data/published/")
    status = df.group_by("value_status").len().sort("value_status")
    return dg.MaterializeResult(metadata={
        "dagster/row_count": n,
        "choices": choices.height,
        "by_value_status": dg.MetadataValue.md(status.to_pandas().to_markdown(index=False)),
        "by_period": dg.MetadataValue.md(by_period.to_pandas().to_markdown(index=False)),
    })


@dg.asset(
    group_name="published",
    deps=[published_figures],
    pool=DUCKDB_WRITE_POOL,
    kinds={"duckdb"},
    description="Where a published report contradicts itself, found by rule (sums, shares, averages, repeats, impossible values).",
)
def audit(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    with warehouse.get_connection() as con:
        # in a fixed order: root ids are numbered in the order of the findings
        pub = wh.query(con, 'SELECT * FROM published_figures ORDER BY source, period, table_no, row_key, col_key, '
                            'location, line, "primary"')
        findings = audit_published(pub)
        AuditSchema.validate(findings, lazy=True)
        n = wh.replace_table(con, "audit", findings)
        wh.replace_table(con, "audit_cells", audit_cells(findings))
    roots = findings.filter(findings["level"] == "contradiction")["root_id"].n_unique() if n else 0
    context.log.info(f"the audit found {n} findings ({roots} contradictions by root cause) in the published figures")
    rules = findings.group_by("rule").len().sort("rule") if n else None
    return dg.MaterializeResult(metadata={
        "dagster/row_count": n,
        "by_rule": dg.MetadataValue.md(rules.to_pandas().to_markdown(index=False) if rules is not None else "none"),
    })


@dg.asset(
    partitions_def=periods_partitions,
    group_name="derive",
    deps=["cards", published_figures],
    pool=DUCKDB_WRITE_POOL,
    kinds={"duckdb", "sql"},
    description="Every cell of every table and index of the report for the period: derived from its cards (sql/figures/*.sql), or, for a period without cards, the published figures.",
)
def figures(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    period = periods.get(context.partition_key)
    with warehouse.get_connection() as con:
        refresh_codes(con)
        df = figures_for_period(con, period)
        FiguresSchema.validate(df, lazy=True)  # a malformed model fails here, before anything is written
        wh.replace_partition(con, "figures", period.id, df)
    provenance = df["provenance"][0] if df.height else "none"
    tables = sorted(set(df["table_no"].to_list())) if df.height else []
    context.log.info(f"wrote {df.height} {provenance} figures of {len(tables)} tables for {period.id}")
    return dg.MaterializeResult(metadata={
        "figures": df.height, "provenance": provenance, "tables": ", ".join(tables), "dagster/row_count": df.height})


@dg.asset(
    partitions_def=periods_partitions,
    group_name="derive",
    deps=[figures, audit],
    pool=DUCKDB_WRITE_POOL,
    kinds={"duckdb", "sql"},
    description="Derived and published figures of the period side by side, compared at the printed precision (sql/reconciliation.sql).",
)
def reconciliation(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    period = periods.get(context.partition_key)
    with warehouse.get_connection() as con:
        df = reconcile(con, period)
        ReconciliationSchema.validate(df, lazy=True)
        wh.replace_partition(con, "reconciliation", period.id, df)
    counts = {s: df.filter(df["status"] == s).height for s in ("match", "match_truncated", "match_approximate", "mismatch",
                                                              "not_derived", "not_published")}
    contradicted = df.filter((df["status"] == "mismatch") & df["contradicted_in_report"]).height
    context.log.info(f"reconciliation {period.id}: {counts}, {contradicted} mismatches on cells the report contradicts itself")
    return dg.MaterializeResult(metadata={"cells": df.height, **counts, "mismatch_contradicted_in_report": contradicted,
                                          "dagster/row_count": df.height})


@dg.asset_check(asset=figures, blocking=True, pool=DUCKDB_WRITE_POOL, description="pandera: keys well-formed, one value per cell, percentages 0–100, nothing negative.")
def figures_schema(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    with warehouse.get_connection(read_only=True) as con:
        df = wh.query(con, "SELECT * FROM figures")
    try:
        FiguresSchema.validate(df, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        fc = exc.failure_cases
        return dg.AssetCheckResult(passed=False, metadata={"failures": fc.height, "first": str(fc.head(10))})
    return dg.AssetCheckResult(passed=True, metadata={"figures": df.height})
