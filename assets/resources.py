"""Dagster resources. The warehouse path is resolved when a run opens it, not at import."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import dagster as dg
import duckdb

from assets.core import warehouse

# Every asset that writes to DuckDB declares this pool; dagster_home/dagster.yaml limits it to 1, and
# sync_write_pool sets the limit the configured backend allows (1 for the file, more for a DuckLake).
DUCKDB_WRITE_POOL = "duckdb_write"


def sync_write_pool(instance) -> int | None:
    """Set the instance's limit of the pool `duckdb_write` to what the warehouse backend allows
    (warehouse.write_pool_limit(): 1 for the DuckDB file, MONITOR_WRITE_POOL_LIMIT or 4 for a DuckLake).
    Called by every `monitor` command and by the daemon's `dead_runs` sensor. Returns the limit set
    (None: the instance has no pools)."""
    storage = instance.event_log_storage
    if not storage.supports_global_concurrency_limits:
        return None
    limit = warehouse.write_pool_limit()
    for attempt in range(3):
        if storage.get_concurrency_info(DUCKDB_WRITE_POOL).slot_count == limit:
            break
        try:
            storage.set_concurrency_slots(DUCKDB_WRITE_POOL, limit)
        except Exception:  # noqa: BLE001 - several commands starting at once set it together: look again
            if attempt == 2:
                raise
    return limit


class WarehouseResource(dg.ConfigurableResource):
    """The warehouse. `database` empty = the configured backend (core/warehouse_config.py: the DuckDB file
    MONITOR_WAREHOUSE or build/warehouse.duckdb, or a DuckLake); a path = that DuckDB file."""

    database: str = ""

    @contextmanager
    def get_connection(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        from assets.failures import guard

        with guard():  # a locked warehouse is retried with backoff; SQL and data errors fail at once, explained
            with warehouse.connect(self.database or None, read_only=read_only) as con:
                yield con
