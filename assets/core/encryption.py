"""The warehouse encrypted at rest, on request (DuckDB's AES-GCM database encryption).

Set MONITOR_WAREHOUSE_KEY (the key itself) or MONITOR_WAREHOUSE_KEY_FILE (a file holding it, kept
outside the repository, mode 0600) and every connection of assets/core/warehouse.py opens the
warehouse as an encrypted database; without either it is a plain DuckDB file as before. A file
written encrypted does not open without its key, and its bytes hold no value in clear.

DuckDB writes encrypted files only with OpenSSL, which comes with its `httpfs` extension: the PyPI
wheel `duckdb-extension-httpfs` (built for DuckDB 1.5.5, hence the pin) is loaded from its path,
so no network is needed. `monitor warehouse-encrypt` copies a plain warehouse into an encrypted one.
"""
from __future__ import annotations

import os
from pathlib import Path

import duckdb

from assets.core import sqlfiles

ALIAS = "warehouse"


def key() -> str | None:
    """The warehouse key, or None when the warehouse is not to be encrypted."""
    k = os.environ.get("MONITOR_WAREHOUSE_KEY")
    if k:
        return k
    f = os.environ.get("MONITOR_WAREHOUSE_KEY_FILE")
    if f:
        p = Path(f).expanduser()
        if not p.exists():
            raise FileNotFoundError(f"MONITOR_WAREHOUSE_KEY_FILE points to {p}, which does not exist")
        k = p.read_text(encoding="utf-8").strip()
        if not k:
            raise ValueError(f"the warehouse key file {p} is empty")
        return k
    return None


def httpfs_extension() -> Path:
    """The httpfs extension file of the installed wheel, for this DuckDB's version."""
    import duckdb_extension_httpfs

    root = Path(duckdb_extension_httpfs.__file__).parent / "extensions"
    exact = root / f"v{duckdb.__version__}" / "httpfs.duckdb_extension"
    if exact.exists():
        return exact
    found = sorted(root.glob("*/httpfs.duckdb_extension"))
    raise RuntimeError(
        f"the httpfs extension for DuckDB {duckdb.__version__} is not installed (found: "
        f"{', '.join(p.parent.name for p in found) or 'none'}); encrypted warehouses need "
        "duckdb==1.5.5 with duckdb-extension-httpfs==1.5.5 (make install)")


def _q(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def connect_encrypted(path: Path, read_only: bool, secret: str) -> duckdb.DuckDBPyConnection:
    """An in-memory connection with the encrypted warehouse attached and in use."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"LOAD {_q(str(httpfs_extension()))}")
        opts = f"ENCRYPTION_KEY {_q(secret)}" + (", READ_ONLY" if read_only else "")
        con.execute(f"ATTACH {_q(str(path))} AS {ALIAS} ({opts})")
        con.execute(f"USE {ALIAS}")
    except BaseException:
        con.close()
        raise
    return con


class WarehouseKeyError(RuntimeError):
    pass


def explain(path: Path, exc: Exception) -> None:
    """Raise a clearer error when the key is missing or wrong (the DuckDB message kept)."""
    text = str(exc).lower()
    if "encrypt" in text or "key" in text:
        raise WarehouseKeyError(
            f"the warehouse {path} cannot be opened: it is encrypted and the key is missing or wrong, or the key "
            f"is given for a plain file (set MONITOR_WAREHOUSE_KEY or MONITOR_WAREHOUSE_KEY_FILE; "
            f"`monitor warehouse-encrypt` encrypts a plain one) ({exc})") from exc


def _copy_schema(con: duckdb.DuckDBPyConnection) -> None:
    """plain's tables and views made in enc (in use), as DuckDB prints them. Not `COPY FROM DATABASE`'s own
    schema copy: it keeps the columns' compression hints (sql/tables/030_cards.sql), which the encrypted file's
    storage version refuses. A view is made once what it reads exists (the raw store's views are replaced
    after the DDL's views that may read them)."""
    for (text,) in con.execute(sqlfiles.sql("warehouse/plain_tables")).fetchall():
        con.execute(text)
    pending = [text for (text,) in con.execute(sqlfiles.sql("warehouse/plain_views")).fetchall()]
    while pending:
        failed = []
        for text in pending:
            try:
                con.execute(text)
            except duckdb.CatalogException:
                failed.append(text)
        if len(failed) == len(pending):
            con.execute(failed[0])  # raises what stops it
        pending = failed


def encrypt_copy(src: Path, dst: Path, secret: str) -> None:
    """Copy the plain warehouse `src` into a new encrypted one at `dst`."""
    if dst.exists():
        raise FileExistsError(f"{dst} exists: choose a new file")
    con = duckdb.connect(":memory:")
    done = False
    try:
        con.execute(f"LOAD {_q(str(httpfs_extension()))}")
        con.execute(f"ATTACH {_q(str(src))} AS plain (READ_ONLY)")
        con.execute(f"ATTACH {_q(str(dst))} AS enc (ENCRYPTION_KEY {_q(secret)})")
        con.execute(sqlfiles.sql("warehouse/use_enc"))
        _copy_schema(con)
        con.execute(sqlfiles.sql("warehouse/encrypt_copy"))
        from assets.core import rawstore

        rawstore.bring_inside(con)  # the raw store's files and records into the encrypted file (not left in clear)
        con.execute(sqlfiles.sql("warehouse/checkpoint_enc"))
        done = True
    finally:
        con.close()
        if not done:  # a copy that failed half-way (a damaged source, a full disk, Ctrl-C) is no copy: never left
            for part in (dst, dst.with_name(dst.name + ".wal")):  # behind to be taken for the encrypted warehouse
                part.unlink(missing_ok=True)
