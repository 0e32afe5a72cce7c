"""The warehouse: connecting to it (`connect`), and reading it (`query`, `read_sql`).

Two backends, chosen by configuration (core/warehouse_config.py): the local DuckDB file (default)
and a DuckLake (catalog in Postgres, Parquet files in a folder or on S3: assets/core/ducklake.py).
Both are reached through `connect()` and run the same SQL.

Beside it: `layout.py` makes and checks its tables (`connect` calls `layout.ensure_tables` on every writable
connection), `writes.py` writes them. Every write to a partition goes through `writes.replace_partition(s)`:
DELETE the period's rows and INSERT the new ones in one transaction, so a re-run never duplicates and a killed run leaves the table as
it was. DuckDB allows one writing process per file; a second one gets a clear WarehouseBusy error
(inside Dagster all writers share the `duckdb_write` pool of limit 1). A DuckLake takes writers in
several processes at once (the pool's limit follows the backend: `write_pool_limit()`); a commit
that loses to a concurrent one is tried again (`retry_conflicts`).
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

from assets.core import ducklake, encryption, sqlfiles
from assets.core.layout import check_layout, ensure_tables, layout_current
from core import warehouse_config


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
                bad = unreadable(path, exc)
                if bad is not None:
                    raise bad from None
                raise  # not a lock, not a file that is no warehouse: a disk error... said as it is
            holder = lockinfo.holder(path, str(exc))
            if time.monotonic() >= deadline:
                raise WarehouseBusy(_busy_message(path, holder, wait_s), holder, path, time.monotonic() - t0) from None
            if holder.pid not in told:  # say once per holder whom we wait for, and how long at most
                told.add(holder.pid)
                log.warning(f"waiting up to {wait_s:g} s for the warehouse {path}: it is held by {holder.describe()}")
            time.sleep(delay)  # back off while the other process finishes (not a test sleep)
            delay = min(delay * 2, 1.0)


_LAKE_TABLES_CHECKED: set[tuple] = set()


class WarehouseUnreadable(ValueError):
    """MONITOR_WAREHOUSE names something that is no DuckDB database: a folder, an empty or a text file, a truncated
    copy. What the user gave (exit 2, never retried): said with the path, what it is, and what to do."""


_NOT_A_DATABASE = ("not a valid duckdb database", "could not read enough bytes", "is a directory",
                   "the file is not a valid", "is not a duckdb")


def unreadable(path: Path, exc: BaseException) -> WarehouseUnreadable | None:
    """The error to raise when opening `path` failed with `exc` because it is no DuckDB database, else None."""
    if not any(m in str(exc).lower() for m in _NOT_A_DATABASE):
        return None
    try:
        what = ("a folder" if path.is_dir() else "an empty file" if path.stat().st_size == 0
                else "not a DuckDB database" if "read enough" not in str(exc).lower()
                else f"a DuckDB file cut short ({path.stat().st_size:,} bytes: a truncated copy or a full disk)")
    except OSError:
        what = "not a DuckDB database"
    duckdb_said = (str(exc).strip().splitlines() or [""])[0].replace(f' "{path}"', "")  # its words, the path once
    return WarehouseUnreadable(
        f"the warehouse {path} (MONITOR_WAREHOUSE) is {what} (DuckDB: {duckdb_said}): point MONITOR_WAREHOUSE at the "
        "warehouse's file, or restore the file from a backup (nothing was written to it)")


def missing_message(path: Path) -> str:
    """What a command that needs the warehouse says when its file is not there (a first run, or a wrong path)."""
    return (f"no warehouse at {path}: run `make run` (or `monitor run`) first, or point MONITOR_WAREHOUSE at the "
            "warehouse's file")


def write_pool_limit() -> int:
    """How many steps may write the warehouse at once (the Dagster pool `duckdb_write`): 1 for the
    DuckDB file, MONITOR_WRITE_POOL_LIMIT (default 4) for a DuckLake."""
    return warehouse_config.load().write_pool


def describe() -> str:
    """Where the warehouse is (a file, or the DuckLake's catalog and data), without a password."""
    return warehouse_config.load().describe()


@contextmanager
def connect(path: Path | str | None = None, *, read_only: bool = False, wait_s: float | None = None,
            as_of=None, create: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse (creating its folder and tables when writable; create=False: a DuckDB file that does not
    exist is refused, as for a reader - what the commands that only maintain a warehouse use, so that a wrong
    MONITOR_WAREHOUSE never leaves an empty warehouse behind them). While another process
    writes it, wait up to `wait_s` seconds (default MONITOR_LOCK_WAIT_S, else 120) for it to finish.

    `path` given: that DuckDB file, whatever the configured backend. Otherwise the configured backend.
    `as_of` (DuckLake only): a snapshot number, a date or a time (naive = UTC): the warehouse exactly
    as it was then, read-only (DuckLake time travel); a date means the end of that day (UTC)."""
    if wait_s is None:
        wait_s = float(os.environ.get("MONITOR_LOCK_WAIT_S", "120"))
    cfg = warehouse_config.load() if path is None else None
    if cfg is not None and cfg.is_lake:
        con = ducklake.connect(cfg, read_only=read_only, as_of=as_of)
        try:
            key = (os.getpid(), cfg.catalog, cfg.schema)
            if not read_only and as_of is None and key not in _LAKE_TABLES_CHECKED:
                ensure_tables(con, wait_s)
                _LAKE_TABLES_CHECKED.add(key)  # once per process and lake: the DDL files do not change under it
            yield con
        finally:
            con.close()
        return
    if as_of is not None:
        raise ValueError("time travel (as_of) needs the DuckLake warehouse (MONITOR_WAREHOUSE_BACKEND=ducklake); "
                         "the DuckDB file keeps only its present state")
    p = Path(path) if path else cfg.path
    if (read_only or not create) and not p.exists():
        raise FileNotFoundError(missing_message(p))
    p.parent.mkdir(parents=True, exist_ok=True)
    con = _connect(p, read_only, wait_s)
    try:
        if not read_only:
            ensure_tables(con)
        elif not layout_current(con):  # not marked at this layout: its tables may be another version's
            check_layout(con, p, tables=False)
        yield con
    finally:
        con.close()


def read_sql(name: str) -> str:
    """The text of sql/<name>.sql (read once: assets.core.sqlfiles)."""
    return sqlfiles.sql(name)


def query(con: duckdb.DuckDBPyConnection, sql: str, params: dict | list | None = None) -> pl.DataFrame:
    rel = con.execute(sql, params) if params is not None else con.execute(sql)
    return pl.from_arrow(rel.fetch_arrow_table())
