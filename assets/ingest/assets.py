"""Dagster asset of stage 1: the period's inbox files land unchanged in raw_files / raw_records."""
import dagster as dg

from assets.ingest.inbox import ingest_period
from assets.core import settings
from assets.core import warehouse as wh
from pipelines.partitions import periods_partitions
from pipelines.resources import DUCKDB_WRITE_POOL, WarehouseResource


@dg.asset(
    partitions_def=periods_partitions,
    group_name="ingest",
    pool=DUCKDB_WRITE_POOL,
    kinds={"duckdb"},
    description="Card files of the period's inbox folder (inbox/cards/<period>/), byte for byte, and their records as received.",
)
def raw_cards(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    period = context.partition_key
    files, records = ingest_period(period)
    with warehouse.get_connection() as con:
        wh.replace_partitions(con, period, {"raw_files": files, "raw_records": records})
    rejected = files.filter(files["problem"].is_not_null())
    context.log.info(f"read {files.height} files ({rejected.height} unreadable), {records.height} records from {settings.cards_inbox(period)}")
    return dg.MaterializeResult(metadata={
        "files": files.height,
        "records": records.height,
        "unreadable_files": rejected.height,
        "dagster/row_count": records.height,
    })
