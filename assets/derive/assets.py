"""Dagster assets of stage 3: the period's figures (every table and index) from its clean cards."""
import dagster as dg
import pandera.errors

from assets.core import periods
from assets.core import warehouse as wh
from assets.derive.figures import derive_figures, refresh_codes
from pipelines.partitions import periods_partitions
from pipelines.resources import DUCKDB_WRITE_POOL, WarehouseResource
from schemas.figures import FiguresSchema


@dg.asset(
    partitions_def=periods_partitions,
    group_name="derive",
    deps=["cards"],
    pool=DUCKDB_WRITE_POOL,
    kinds={"duckdb", "sql"},
    description="Every cell of every table and index of the report for the period (sql/figures/*.sql), provenance 'derived'.",
)
def figures(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    period = periods.get(context.partition_key)
    with warehouse.get_connection() as con:
        refresh_codes(con)
        df = derive_figures(con, period)
        FiguresSchema.validate(df, lazy=True)  # a malformed model fails here, before anything is written
        wh.replace_partition(con, "figures", period.id, df)
    tables = sorted(set(df["table_no"].to_list())) if df.height else []
    context.log.info(f"wrote {df.height} figures of {len(tables)} tables for {period.id}")
    return dg.MaterializeResult(metadata={"figures": df.height, "tables": ", ".join(tables), "dagster/row_count": df.height})


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
