"""The one Definitions of the code location: every asset, check, job, schedule, sensor and resource.

Global policies live here: one DuckDB write pool (limit 1, see dagster_home/dagster.yaml), the
in-process executor (DuckDB allows one writing process), the warehouse resource resolved at run time.
"""
import dagster as dg

from pipelines import jobs
from pipelines.assets_index import ALL_ASSETS, ALL_CHECKS
from assets.resources import WarehouseResource

defs = dg.Definitions(
    assets=ALL_ASSETS,
    asset_checks=ALL_CHECKS,
    jobs=jobs.ALL_JOBS,
    schedules=jobs.ALL_SCHEDULES,
    sensors=jobs.ALL_SENSORS,
    resources={"warehouse": WarehouseResource()},
    executor=dg.in_process_executor,
)
