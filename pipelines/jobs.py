"""Jobs, schedules and sensors."""
import dagster as dg

from pipelines.partitions import periods_partitions

# ingest -> validate -> derive -> report for one period (a partition).
period_job = dg.define_asset_job(
    "period_job",
    selection=dg.AssetSelection.groups("ingest", "validate", "derive", "report"),
    partitions_def=periods_partitions,
    description="Everything for one monitoring period: cards in, figures and report out.",
)

# Only the report: the reporter's refresh after editing the narrative.
report_job = dg.define_asset_job(
    "report_job",
    selection=dg.AssetSelection.assets("report"),
    partitions_def=periods_partitions,
    description="Re-render the report of one period from the warehouse as it is (no recomputation).",
)

ALL_JOBS = [period_job, report_job]
ALL_SCHEDULES: list = []
ALL_SENSORS: list = []
