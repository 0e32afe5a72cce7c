"""Dagster asset of stage 4: the report of the period, in every language and format."""
import dagster as dg

from assets.core import settings
from pipelines.partitions import periods_partitions
from pipelines.resources import DUCKDB_WRITE_POOL, WarehouseResource


@dg.asset(
    partitions_def=periods_partitions,
    group_name="report",
    deps=["figures"],
    pool=DUCKDB_WRITE_POOL,
    kinds={"quarto", "pandoc"},
    description="The annual report of the period (report/ rendered to build/report/<period>/: HTML, PDF, DOCX; Russian and English).",
)
def report(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    period = context.partition_key
    outputs, seconds, engine = {}, 0.0, ""
    from assets.report.refresh import refresh

    with warehouse.get_connection(read_only=True) as con:
        results = refresh(con, period)
    for lang, r in results:
        engine, seconds = r.engine, max(seconds, r.seconds)
        for fmt_, path in r.files.items():
            outputs[f"{lang}.{fmt_}"] = str(path.relative_to(settings.build_dir()))
            context.log.info(f"wrote {path}")
    return dg.MaterializeResult(metadata={
        "engine": engine, "render_seconds": round(seconds, 2), **{k: dg.MetadataValue.path(v) for k, v in outputs.items()}})


@dg.asset(
    partitions_def=periods_partitions,
    group_name="report",
    deps=["figures", "reconciliation"],
    pool=DUCKDB_WRITE_POOL,
    kinds={"csv", "excel"},
    description="The period's tables for reporters as CSV and XLSX (build/exports/<period>/): figures, a sheet per table, reconciliation, audit, cards without personal data.",
)
def exports(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    from assets.report.datapackage import write_datapackage
    from assets.report.exports import export_period

    with warehouse.get_connection(read_only=True) as con:
        files = export_period(con, context.partition_key)
        files |= write_datapackage(con, context.partition_key, settings.build_dir() / "exports" / context.partition_key)
    for path in files.values():
        context.log.info(f"wrote {path}")
    return dg.MaterializeResult(metadata={name: dg.MetadataValue.path(str(p)) for name, p in files.items()})
