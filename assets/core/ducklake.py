"""The DuckLake warehouse: the catalog in Postgres, the data as Parquet files in a folder or on S3.

DuckDB's extensions come from PyPI wheels (`duckdb-extension-ducklake`, `duckdb-extension-postgres`,
`duckdb-extension-httpfs` for S3), built for DuckDB 1.5.5 only, and are loaded from their files:
nothing is downloaded at run time. The postgres extension's file must be loaded under the name
`postgres_scanner` (DuckDB takes the entry point from the file name), so a link of that name to the
wheel's file is kept in a private folder of the temp directory.

A connection is a cursor of an in-memory DuckDB (one per process and lake) with the lake attached as
`warehouse` (and read-only as `warehouse_ro`) and in use, so the same SQL (unqualified table names)
runs on both backends. `as_of` attaches the lake as it was at a snapshot (a number) or a time:
read-only, every table as of then (DuckLake time travel).

Writers in several processes at once: DuckLake commits optimistically; two transactions that delete
from and insert into the same table conflict at commit even for different periods, and the loser
gets a TransactionException "Transaction conflict". `is_conflict` recognises it; the warehouse
retries the whole partition replacement (assets/core/warehouse.py).
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
import threading
from pathlib import Path

import duckdb

from assets.core import sqlfiles
from core.warehouse_config import WarehouseConfig

ALIAS = "warehouse"
ALIAS_RO = "warehouse_ro"  # the same lake attached read-only, for read-only connections
_NO_AUTO = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def _q(s: str) -> str:
    """A SQL string literal (quotes doubled): LOAD, ATTACH and CREATE SECRET take no parameters."""
    return "'" + str(s).replace("'", "''") + "'"


def _wheel_file(module: str, name: str) -> Path:
    import importlib

    mod = importlib.import_module(module)
    root = Path(mod.__file__).parent / "extensions"
    exact = root / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if exact.exists():
        return exact
    found = sorted(p.parent.name for p in root.glob(f"*/{name}.duckdb_extension"))
    raise RuntimeError(f"the {name} extension for DuckDB {duckdb.__version__} is not installed (found: "
                       f"{', '.join(found) or 'none'}); the DuckLake backend needs duckdb==1.5.5 with "
                       f"{module.replace('_', '-')}==1.5.5 (make install)")


def ducklake_extension() -> Path:
    return _wheel_file("duckdb_extension_ducklake", "ducklake")


def postgres_extension() -> Path:
    """A path ending in postgres_scanner.duckdb_extension that is the postgres wheel's file."""
    src = _wheel_file("duckdb_extension_postgres", "postgres")
    folder = Path(tempfile.gettempdir()) / f"assembly-monitor-ext-{os.getuid()}" / f"v{duckdb.__version__}"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if folder.parent.stat().st_uid != os.getuid():
        raise RuntimeError(f"{folder.parent} belongs to another user: remove it")
    link = folder / "postgres_scanner.duckdb_extension"
    if not (link.is_symlink() and Path(os.readlink(link)) == src):
        tmp = folder / f".link-{os.getpid()}"
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(src)
        os.replace(tmp, link)  # atomic: a concurrent process sees the old link or the new one
    return link


def _s3_secret(con: duckdb.DuckDBPyConnection, cfg: WarehouseConfig) -> None:
    from assets.core.encryption import httpfs_extension

    con.execute("LOAD " + _q(str(httpfs_extension())))
    opts = {"KEY_ID": os.environ.get("AWS_ACCESS_KEY_ID", ""), "SECRET": os.environ.get("AWS_SECRET_ACCESS_KEY", "")}
    for key in ("endpoint", "region", "url_style"):
        if cfg.s3.get(key):
            opts[key.upper()] = str(cfg.s3[key])
    parts = [k + " " + _q(v) for k, v in opts.items() if v]
    if "use_ssl" in cfg.s3:
        parts.append("USE_SSL " + ("true" if str(cfg.s3["use_ssl"]).lower() in ("1", "true", "yes") else "false"))
    con.execute("CREATE OR REPLACE SECRET monitor_lake (TYPE s3, " + ", ".join(parts) + ")")


def as_of_option(as_of) -> str:
    """The ATTACH option for a snapshot number or a time (date, datetime or ISO text; naive = UTC)."""
    if isinstance(as_of, bool):
        raise TypeError("as_of: a snapshot number, a date or a time")
    if isinstance(as_of, int):
        return "SNAPSHOT_VERSION " + str(int(as_of))
    if isinstance(as_of, dt.date) and not isinstance(as_of, dt.datetime):
        as_of = dt.datetime.combine(as_of, dt.time.max)  # a date: as it was at the end of that day
    if isinstance(as_of, str):
        text = as_of.strip()
        if text.isdigit():
            return "SNAPSHOT_VERSION " + text
        try:
            as_of = dt.datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"as_of {as_of!r}: a snapshot number, a date (2018-03-01) or a time (2018-03-01T12:00:00+06:00)") from None
        if len(text) == 10:  # a date alone
            as_of = dt.datetime.combine(as_of.date(), dt.time.max)
    if not isinstance(as_of, dt.datetime):
        raise TypeError(f"as_of: a snapshot number, a date or a time, not {type(as_of).__name__}")
    if as_of.tzinfo is None:
        as_of = as_of.replace(tzinfo=dt.timezone.utc)
    return "SNAPSHOT_TIME " + _q(as_of.astimezone(dt.timezone.utc).isoformat(sep=" "))


def _open(cfg: WarehouseConfig, as_of=None) -> duckdb.DuckDBPyConnection:
    """A new in-memory DuckDB with the extensions loaded and the lake attached: as `warehouse` and,
    read-only, as `warehouse_ro`; or only as it was at `as_of` (as `warehouse`, read-only)."""
    con = duckdb.connect(":memory:", config=dict(_NO_AUTO))
    try:
        con.execute("LOAD " + _q(str(ducklake_extension())))
        con.execute("LOAD " + _q(str(postgres_extension())))
        if "://" in cfg.data_path and not cfg.data_path.startswith("file://"):
            _s3_secret(con, cfg)
        else:  # a folder, or file:///folder (the folder itself made, not a "file:" one where the command runs)
            Path(cfg.data_path.removeprefix("file://")).mkdir(parents=True, exist_ok=True)
        opts = ["DATA_PATH " + _q(cfg.data_path)]
        if cfg.schema:
            opts.append("METADATA_SCHEMA " + _q(cfg.schema))
        target = _q("ducklake:postgres:" + cfg.catalog)
        if as_of is not None:
            con.execute("ATTACH " + target + " AS " + ALIAS + " (" + ", ".join([*opts, as_of_option(as_of)]) + ")")
        else:
            con.execute("ATTACH " + target + " AS " + ALIAS + " (" + ", ".join(opts) + ")")
            con.execute("ATTACH " + target + " AS " + ALIAS_RO + " (" + ", ".join([*opts, "READ_ONLY"]) + ")")
    except BaseException:
        con.close()
        raise
    return con


_OPEN: dict[tuple, duckdb.DuckDBPyConnection] = {}
_OPEN_LOCK = threading.Lock()


def connect(cfg: WarehouseConfig, read_only: bool = False, as_of=None) -> duckdb.DuckDBPyConnection:
    """A connection with the lake in use (unqualified names are its tables); close it after use.

    Loading the extensions and attaching the catalog costs ~0.3 s of CPU, so each process keeps one
    DuckDB instance per lake and hands out its cursors (a cursor is a connection of its own, with its
    own transactions; each transaction reads the lake's latest snapshot, other processes' commits
    included). `as_of` gets an instance of its own, closed with the connection."""
    if as_of is not None:
        con = _open(cfg, as_of)
        con.execute("USE " + ALIAS)
        return con
    key = (os.getpid(), cfg.catalog, cfg.schema, cfg.data_path, tuple(sorted((k, str(v)) for k, v in cfg.s3.items())))
    with _OPEN_LOCK:
        base = _OPEN.get(key)
        if base is None:
            base = _OPEN[key] = _open(cfg)
    con = base.cursor()
    try:
        con.execute("USE " + (ALIAS_RO if read_only else ALIAS))
    except BaseException:
        con.close()
        raise
    return con


def forget() -> None:
    """Close this process's DuckLake instances (the next connect opens them anew)."""
    with _OPEN_LOCK:
        for con in _OPEN.values():
            con.close()
        _OPEN.clear()


def is_conflict(exc: BaseException) -> bool:
    """A DuckLake commit that lost to a concurrent one: trying the transaction again can succeed."""
    return isinstance(exc, duckdb.TransactionException) and "conflict" in str(exc).lower()


def snapshots(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every snapshot of the attached lake: id, time (UTC), what changed, author and message."""
    from assets.core.sqlfiles import sql

    rows = con.execute(sql("warehouse/snapshots")).fetchall()
    cols = [d[0] for d in con.description]
    return [dict(zip(cols, r)) for r in rows]


def set_commit_message(con: duckdb.DuckDBPyConnection, message: str) -> None:
    """Label the snapshot the open transaction will commit (who: this process; what: `message`)."""
    con.execute("CALL " + ALIAS + ".set_commit_message(?, ?)", [f"monitor pid {os.getpid()}", message])


PURGE_STEPS = ("purge_1_flush", "purge_2_rewrite", "purge_3_merge", "purge_4_expire", "purge_5_cleanup")


def purge_history(con: duckdb.DuckDBPyConnection) -> int:
    """Make the lake keep its present state only (after an erasure: the erased values must not stay
    readable in an earlier snapshot): inlined rows flushed, files with deleted rows rewritten, every
    earlier snapshot expired, and the files no snapshot references deleted. Returns the files deleted.
    The Postgres catalog's own dead rows go at its next VACUUM (autovacuum, or run it)."""
    from assets.core.sqlfiles import sql

    deleted = 0
    for step in PURGE_STEPS:
        rows = con.execute(sql("warehouse/" + step)).fetchall()
        if step == "purge_5_cleanup":
            deleted = len(rows)
    return deleted


def is_lake(con: duckdb.DuckDBPyConnection) -> bool:
    """Is `con` on a DuckLake warehouse (not a DuckDB file)?"""
    return bool(con.execute(sqlfiles.sql("warehouse/is_lake")).fetchone()[0])
