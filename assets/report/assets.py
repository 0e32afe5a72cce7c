"""Dagster asset of stage 4: the report of the period, in every language and format."""
import dagster as dg

from core import settings
from assets.partitions import periods_partitions
from assets.resources import DUCKDB_WRITE_POOL, WarehouseResource


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

    none = _nothing_held(context, warehouse)
    if none is not None:
        return none

    from assets.core.atomic import atomic_dir
    from assets.failures import guard

    target = settings.build_dir() / "report" / period
    # every format of both languages is written into a folder beside the target (seeded with the
    # current files, so unchanged formats are not rendered again) and swapped in whole: a kill or an
    # error mid-way leaves the previous complete report (assets/core/atomic.py)
    with guard(), warehouse.get_connection(read_only=True) as con, atomic_dir(target, seed=True) as tmp:
        results = refresh(con, period, out_dir=tmp)
    for lang, r in results:
        engine, seconds = r.engine, max(seconds, r.seconds)
        for fmt_, path in r.files.items():
            final = target / path.relative_to(tmp)
            outputs[f"{lang}.{fmt_}"] = str(final.relative_to(settings.build_dir()))
            context.log.info(f"wrote {final}")
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

    from assets.core.atomic import atomic_dir

    none = _nothing_held(context, warehouse)
    if none is not None:
        return none
    target = settings.build_dir() / "exports" / context.partition_key
    # all files or none: written beside the target and swapped in whole (assets/core/atomic.py)
    with warehouse.get_connection(read_only=True) as con, atomic_dir(target) as tmp:
        written = export_period(con, context.partition_key, out=tmp)
        written |= write_datapackage(con, context.partition_key, tmp)
    files = {name: target / p.relative_to(tmp) for name, p in written.items()}
    for path in files.values():
        context.log.info(f"wrote {path}")
    return dg.MaterializeResult(metadata={name: dg.MetadataValue.path(str(p)) for name, p in files.items()})


def _nothing_held(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult | None:
    """A period with no assembly held has no report: its earlier report and exports are withdrawn from the public
    folders (assets/report/withdraw.py), said in the log and the materialization's metadata, as `monitor run` does;
    not a failure (quarantined records never are)."""
    from assets.report.withdraw import withdraw_when_nothing_held

    period = context.partition_key
    with warehouse.get_connection(read_only=True) as con:
        none = withdraw_when_nothing_held(con, period)
    if none is None:
        return None
    why, gone = none
    for folder in gone:
        context.log.warning(f"{period}: withdrew {folder} (rendered from cards the period no longer has)")
    context.log.warning(f"{period}: no report: {why}")
    return dg.MaterializeResult(metadata={"no_report": why,
                                          "withdrawn": dg.MetadataValue.json([str(f) for f in gone])})
