"""Dagster assets of stage 3: published history, the period's figures, the audit of the published
report and the reconciliation of derived with published figures."""
import dagster as dg
import pandera.errors

from assets.core import periods
from core import plural
from assets.core import warehouse as wh, writes
from assets.derive.audit import audit_cells, audit_published, contradiction_roots
from assets.derive.figures import (choose_figures, coverage_row, derive_figures_with_models, impossible_cases,
                                   label_coverage, published_as_figures, reconcile, refresh_codes)
from assets.derive.published import load_choices, load_published
from assets.partitions import periods_partitions
from assets.resources import DUCKDB_WRITE_POOL, WarehouseResource
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
        n = writes.replace_table(con, "published_figures", df)
        writes.replace_table(con, "published_choices", choices)
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
        pub = wh.query(con, wh.read_sql("derive/published_figures_ordered"))
        findings = audit_published(pub)
        AuditSchema.validate(findings, lazy=True)
        n = writes.replace_table(con, "audit", findings)
        writes.replace_table(con, "audit_cells", audit_cells(findings))
    roots = contradiction_roots(findings)
    context.log.info(f"the audit found {n} findings ({roots} contradictions by root cause) in the published figures")
    rules = findings.group_by("rule").len().sort("rule") if n else None
    return dg.MaterializeResult(metadata={
        "dagster/row_count": n,
        "contradictions_by_root_cause": roots,
        "by_rule": dg.MetadataValue.md(rules.to_pandas().to_markdown(index=False) if rules is not None else "none"),
    })


@dg.asset(
    partitions_def=periods_partitions,
    group_name="derive",
    deps=["cards", published_figures],
    pool=DUCKDB_WRITE_POOL,
    kinds={"duckdb", "sql"},
    description="Every cell of every table and index of the report for the period: derived from its cards (sql/figures/*.sql) "
                "when the period's coverage is declared complete (config/periods.yaml), else the published figures. The derived "
                "figures of any period with cards go to derived_figures; its coverage to the coverage table.",
)
def figures(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    import hashlib

    from assets.failures import Explained, guard, to_dagster

    period = periods.get(context.partition_key)
    with warehouse.get_connection() as con:
        refresh_codes(con)
        derived, origin = derive_figures_with_models(con, period)
        df = choose_figures(period, derived, published_as_figures(con, period))
        for frame in (derived, df):  # a malformed model fails here, before anything is written
            try:
                FiguresSchema.validate(frame, lazy=True)
            except pandera.errors.SchemaErrors as exc:
                cases, models = impossible_cases(frame, exc.failure_cases, origin)
                raise to_dagster(exc, Explained(
                    f"figures of {period.id}: {plural.en_count(exc.failure_cases.height, 'impossible value')} - " + "; ".join(cases[:2]),
                    f"fix {', '.join(models) or 'the figure models (sql/figures/)'}; nothing of {period.id} was written; "
                    f"run again: monitor run --period {period.id}", models, cases)) from exc
        provenance = df["provenance"][0] if df.height else "none"
        with guard():
            cov = coverage_row(con, period, provenance)
        writes.replace_partitions(con, period.id, {"figures": df, "derived_figures": derived, "coverage": cov})
    tables = sorted(set(df["table_no"].to_list())) if df.height else []
    digest = hashlib.sha256(df.sort(["table_no", "row_key", "col_key"]).write_csv().encode()).hexdigest()[:16] if df.height else "empty"
    c = cov.row(0, named=True)
    share = f", {c['digitised_share']:.0%} of the {c['published_assemblies']:g} published assemblies digitised" if c["digitised_share"] is not None else ""
    context.log.info(f"wrote {df.height} {provenance} figures of {len(tables)} tables for {period.id} "
                     f"(coverage {c['coverage']}: {c['cards']} cards{share}; {derived.height} derived figures in derived_figures)")
    return dg.MaterializeResult(metadata={
        "figures": df.height, "provenance": provenance, "tables": ", ".join(tables), "dagster/row_count": df.height,
        "derived_figures": derived.height, "coverage": c["coverage"], "declared_coverage": period.coverage,
        "basis": period.basis, "cards": c["cards"], "digitised_share": float(c["digitised_share"]) if c["digitised_share"] is not None else -1.0,
        "figures_digest": digest})


@dg.asset(
    partitions_def=periods_partitions,
    group_name="derive",
    deps=[figures, audit],
    pool=DUCKDB_WRITE_POOL,
    kinds={"duckdb", "sql"},
    description="The period's derived figures (derived_figures) beside the published ones, compared at the printed precision "
                "(sql/reconciliation.sql), labelled with the period's card coverage and the share of published assemblies digitised.",
)
def reconciliation(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    period = periods.get(context.partition_key)
    with warehouse.get_connection() as con:
        df = reconcile(con, period)
        ReconciliationSchema.validate(df, lazy=True)
        df, label, share = label_coverage(con, period, df)
        writes.replace_partition(con, "reconciliation", period.id, df)
    counts = {s: df.filter(df["status"] == s).height for s in ("match", "match_truncated", "match_approximate", "mismatch",
                                                              "not_derived", "not_published")}
    contradicted = df.filter((df["status"] == "mismatch") & df["contradicted_in_report"]).height
    shown = f", {share:.0%} of the published assemblies digitised" if share is not None else ""
    context.log.info(f"reconciliation {period.id} ({label}{shown}): {counts}, {contradicted} mismatches on cells the report contradicts itself")
    return dg.MaterializeResult(metadata={"cells": df.height, **counts, "mismatch_contradicted_in_report": contradicted,
                                          "coverage": label, "digitised_share": float(share) if share is not None else -1.0,
                                          "dagster/row_count": df.height})


@dg.asset_check(asset=figures, blocking=True, pool=DUCKDB_WRITE_POOL, description="pandera: keys well-formed, one value per cell, percentages 0–100, nothing negative.")
def figures_schema(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    with warehouse.get_connection(read_only=True) as con:
        df = wh.query(con, wh.read_sql("checks/all_figures"))
    try:
        FiguresSchema.validate(df, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        fc = exc.failure_cases
        return dg.AssetCheckResult(passed=False, metadata={"failures": fc.height, "first": str(fc.head(10))})
    return dg.AssetCheckResult(passed=True, metadata={"figures": df.height})
