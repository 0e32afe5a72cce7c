"""The DuckDB warehouse: connecting, creating tables, replacing one period's rows atomically.

Every write to a partition goes through `replace_partition`: DELETE the period's rows and INSERT
the new ones in one transaction, so a re-run never duplicates and a killed run leaves the table as
it was. DuckDB allows one writing process per file; a second one gets a clear WarehouseBusy error
(inside Dagster all writers share the `duckdb_write` pool of limit 1).
"""
from __future__ import annotations

import logging
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb
import polars as pl

from assets.core import encryption, revisions, sqlfiles
from core import settings


class WarehouseBusy(RuntimeError):
    """Another process held the DuckDB file for longer than the wait; `holder` says who."""

    def __init__(self, message: str, holder=None, path: Path | None = None, waited_s: float = 0.0):
        super().__init__(message)
        self.holder, self.path, self.waited_s = holder, path, waited_s


log = logging.getLogger("monitor.wait")


def _busy_message(path: Path, holder, wait_s: float) -> str:
    from assets.core.lockinfo import Holder

    h = holder or Holder(None, "process", "")
    doing = {"writer": "is being written by another process", "reader": "is held open by another process that only reads it"
             }.get(h.role, "is locked by another process")
    who = f" ({h.describe()})" if h.pid else ""
    return (f"the warehouse {path} {doing}{who} for more than {wait_s:g} s "
            f"(MONITOR_LOCK_WAIT_S); wait for that process to finish"
            + (f" or stop it (kill {h.pid})" if h.pid else "") + ", then try again")


def _connect(path: Path, read_only: bool, wait_s: float) -> duckdb.DuckDBPyConnection:
    from assets.core import lockinfo

    t0 = time.monotonic()
    deadline = t0 + wait_s
    delay = 0.05
    secret = encryption.key()  # MONITOR_WAREHOUSE_KEY(_FILE): the warehouse is encrypted at rest
    told: set = set()
    while True:
        try:
            con = encryption.connect_encrypted(path, read_only, secret) if secret else \
                duckdb.connect(str(path), read_only=read_only)
            if told:
                log.warning(f"got the warehouse after waiting {time.monotonic() - t0:.1f} s")
            return con
        except (duckdb.CatalogException, duckdb.InvalidInputException) as exc:
            encryption.explain(path, exc)  # a missing or wrong key is said so
            raise
        except duckdb.IOException as exc:  # another process holds the file
            if "lock" not in str(exc).lower():
                raise  # not a lock: a broken file, a missing folder... said as it is
            holder = lockinfo.holder(path, str(exc))
            if time.monotonic() >= deadline:
                raise WarehouseBusy(_busy_message(path, holder, wait_s), holder, path, time.monotonic() - t0) from None
            if holder.pid not in told:  # say once per holder whom we wait for, and how long at most
                told.add(holder.pid)
                log.warning(f"waiting up to {wait_s:g} s for the warehouse {path}: it is held by {holder.describe()}")
            time.sleep(delay)  # back off while the other process finishes (not a test sleep)
            delay = min(delay * 2, 1.0)


@contextmanager
def connect(path: Path | str | None = None, *, read_only: bool = False, wait_s: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse (creating its folder and tables when writable). While another process
    writes it, wait up to `wait_s` seconds (default MONITOR_LOCK_WAIT_S, else 120) for it to finish."""
    if wait_s is None:
        wait_s = float(os.environ.get("MONITOR_LOCK_WAIT_S", "120"))
    p = Path(path) if path else settings.warehouse_path()
    if read_only and not p.exists():
        raise FileNotFoundError(f"no warehouse at {p}: run `make run` (or `monitor run`) first")
    p.parent.mkdir(parents=True, exist_ok=True)
    con = _connect(p, read_only, wait_s)
    try:
        if not read_only:
            ensure_tables(con)
        yield con
    finally:
        con.close()


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create every warehouse table that does not exist yet (sql/tables/*.sql, in name order)."""
    for f in sorted((settings.sql_dir() / "tables").glob("*.sql")):
        con.execute(f.read_text(encoding="utf-8"))


def replace_partition(con: duckdb.DuckDBPyConnection, table: str, period: str, df: pl.DataFrame | None) -> int:
    """Atomically replace `table`'s rows of `period` by `df` (columns matched by name)."""
    return replace_partitions(con, period, {table: df})[table]


def replace_table(con: duckdb.DuckDBPyConnection, table: str, df: pl.DataFrame | None) -> int:
    """Atomically replace every row of an unpartitioned table by `df`."""
    return replace_partitions(con, None, {table: df})[table]


def replace_partitions(con: duckdb.DuckDBPyConnection, period: str | None, frames: dict[str, pl.DataFrame | None]) -> dict[str, int]:
    """Replace one period's rows (period None: all rows) in several tables in ONE transaction."""
    counts: dict[str, int] = {}
    con.begin()
    try:
        for table, df in frames.items():
            if period is None:
                con.execute(sqlfiles.for_table("warehouse/delete_all", table))
            else:
                con.execute(sqlfiles.for_table("warehouse/delete_partition", table), {"period": period})
            counts[table] = 0
            if df is not None and df.height:
                con.register("_incoming", df.to_arrow())
                con.execute(sqlfiles.for_table("warehouse/insert_incoming", table))
                con.unregister("_incoming")
                counts[table] = df.height
        if period is not None and revisions.TABLES & frames.keys():
            revisions.record(con, period)  # card revisions, in the same transaction (issue 18)
        con.commit()
        return counts
    except BaseException:
        con.rollback()
        raise


def read_sql(name: str) -> str:
    """The text of sql/<name>.sql (read once: assets.core.sqlfiles)."""
    return sqlfiles.sql(name)


def query(con: duckdb.DuckDBPyConnection, sql: str, params: dict | list | None = None) -> pl.DataFrame:
    rel = con.execute(sql, params) if params is not None else con.execute(sql)
    return pl.from_arrow(rel.fetch_arrow_table())
