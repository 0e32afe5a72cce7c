"""Dagster resources. The warehouse path is resolved when a run opens it, not at import."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import dagster as dg
import duckdb

from assets.core import warehouse

# Every asset that writes to DuckDB declares this pool; dagster_home/dagster.yaml limits it to 1.
DUCKDB_WRITE_POOL = "duckdb_write"


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse. `database` empty = MONITOR_WAREHOUSE or build/warehouse.duckdb."""

    database: str = ""

    @contextmanager
    def get_connection(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        from assets.failures import guard

        with guard():  # a locked warehouse is retried with backoff; SQL and data errors fail at once, explained
            with warehouse.connect(self.database or None, read_only=read_only) as con:
                yield con
