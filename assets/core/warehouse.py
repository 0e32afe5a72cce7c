"""The warehouse: connecting, creating tables, replacing one period's rows atomically.

Two backends, chosen by configuration (core/warehouse_config.py): the local DuckDB file (default)
and a DuckLake (catalog in Postgres, Parquet files in a folder or on S3: assets/core/ducklake.py).
Both are reached through `connect()` and run the same SQL.

Every write to a partition goes through `replace_partition`: DELETE the period's rows and INSERT
the new ones in one transaction, so a re-run never duplicates and a killed run leaves the table as
it was. DuckDB allows one writing process per file; a second one gets a clear WarehouseBusy error
(inside Dagster all writers share the `duckdb_write` pool of limit 1). A DuckLake takes writers in
several processes at once (the pool's limit follows the backend: `write_pool_limit()`); a commit
that loses to a concurrent one is tried again (`retry_conflicts`).
"""
from __future__ import annotations

import functools
import hashlib
import logging
import os
import random
import re
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb
import polars as pl
import pyarrow as pa

from assets.core import codes, ducklake, encryption, raw, raw_migration, rawstore, revisions, sqlfiles
from assets.core.transactions import transaction
from core import plural, settings, warehouse_config
from schemas import gazetteer
from schemas.card import spec


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


def is_lake(con: duckdb.DuckDBPyConnection) -> bool:
    """Is `con` on a DuckLake warehouse (not a DuckDB file)?"""
    return bool(con.execute(sqlfiles.sql("warehouse/is_lake")).fetchone()[0])


ROW_GROUP_ROWS = 122_880  # DuckDB's rows per row group (its default row_group_size)
_PRIMARY_KEY = re.compile(r"\s+PRIMARY\s+KEY\b", re.IGNORECASE)
_COMPRESSION = re.compile(r"\s+USING\s+COMPRESSION\s+\w+", re.IGNORECASE)


def without_primary_keys(text: str) -> str:
    """DDL text with its column PRIMARY KEY constraints removed (DuckLake supports none)."""
    return _PRIMARY_KEY.sub("", text)


def without_compression(text: str) -> str:
    """DDL text with its columns' `USING COMPRESSION` hints removed (DuckLake takes none; on the DuckDB file
    they only choose how a column is stored: sql/tables/030_cards.sql)."""
    return _COMPRESSION.sub("", text)


_HINTS_UP_TO = (1, 2)  # the DuckDB file's storage versions that take a column's compression method (v1.0.0+, v1.2.0+)


def takes_compression_hints(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database in use stores a column with the method its DDL names. The DuckDB file in its
    default storage version does; a newer one (v1.3.0+: an encrypted warehouse is v1.5.0+) keeps only
    DuckDB's own choice and refuses a named `dictionary` or `fsst` (CREATE TABLE or INSERT fails); an in-memory
    database and a DuckLake take none."""
    row = con.execute(sqlfiles.sql("warehouse/storage_version")).fetchone()
    m = re.fullmatch(r"v(\d+)\.(\d+)\.\d+\+?", (row[0] or "") if row else "")
    return bool(m) and (int(m[1]), int(m[2])) <= _HINTS_UP_TO


def for_storage(con: duckdb.DuckDBPyConnection, text: str, hints: bool | None = None) -> str:
    """DDL text as the database in use takes it: its compression hints kept only where they apply (`hints`:
    `takes_compression_hints(con)` when the caller has asked it already)."""
    return text if (takes_compression_hints(con) if hints is None else hints) else without_compression(text)


def _apply_ddl(con: duckdb.DuckDBPyConnection, texts: list[str]) -> None:
    """The layout's DDL texts in order, the storage asked once for all of them."""
    hints = takes_compression_hints(con)
    for text in texts:
        con.execute(for_storage(con, text, hints))


def ddl(con: duckdb.DuckDBPyConnection, name: str) -> str:
    """The DDL sql/<name>.sql for `con`'s backend: on a DuckLake the same text without its PRIMARY KEY
    constraints (the keys are then not enforced: README, "Warehouse backends"); compression hints only where
    the storage takes them (`for_storage`)."""
    text = sqlfiles.sql(name)
    return without_compression(without_primary_keys(text)) if is_lake(con) else for_storage(con, text)


def ddl_files(backend: str) -> list[Path]:
    """sql/tables/*.sql in name order; where `NAME.<backend>.sql` exists it stands in for NAME.sql
    (a variant only where a backend lacks a feature: see README, "Warehouse backends")."""
    folder = settings.sql_dir() / "tables"
    out = []
    for f in sorted(folder.glob("*.sql")):
        if f.name.count(".") > 1:
            continue  # a backend's variant, taken below in its base file's place
        variant = f.with_name(f.stem + "." + backend + ".sql")
        out.append(variant if variant.exists() else f)
    return out


# Bump when ensure_tables gains a migration (an older warehouse's layout converted on connect): every
# DuckDB file then takes the full path once more, and the new migration runs on it.
LAYOUT_VERSION = 1
_CREATED = re.compile(r"CREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?\"?(\w+)\"?", re.I)


class _Layout:
    """The DDL of one backend as it is now: the files' texts, the names of the tables and views they
    create (not TEMP ones) and a fingerprint of the texts, the code lists and LAYOUT_VERSION. Read again
    only when a file of sql/tables/ or the code lists changed (cached per process)."""

    _cache: dict[str, tuple] = {}

    def __init__(self, backend: str):
        files = ddl_files(backend)
        key = (LAYOUT_VERSION, *((str(f), *_stamp(f)) for f in files))
        spec_cities = (spec(), gazetteer.cities())  # lru-cached objects: where the code lists come from
        hit = self._cache.get(backend)
        if hit and hit[0] == key and all(a is b for a, b in zip(hit[1], spec_cities)):
            self.texts, self.names, self.frame, self.sha = hit[2]
            return
        self.texts = [f.read_text(encoding="utf-8") for f in files]
        # the tables and views of the DDL, and the raw layer's views (written by assets/core/rawstore.py)
        self.names = sorted({m.group(1) for t in self.texts for m in _CREATED.finditer(t)} | set(rawstore.INSIDE))
        self.frame = codes.codes_frame()
        self.sha = hashlib.sha256("\n".join([f"layout {LAYOUT_VERSION} {backend}", *self.texts,
                                              codes.digest(self.frame)]).encode()).hexdigest()
        self._cache[backend] = (key, spec_cities, (self.texts, self.names, self.frame, self.sha))


def _stamp(f: Path) -> tuple[int, int]:
    st = f.stat()
    return st.st_mtime_ns, st.st_size


def _mark(con: duckdb.DuckDBPyConnection, layout: _Layout, digest: str) -> str:
    """The mark of a DuckDB file at `layout`, as applied: the layout's fingerprint, the digest of its
    tables and views (sql/warehouse/layout_catalog.sql) and the raw store its views read (beside the
    file: a file copied or moved elsewhere, or opened with another MONITOR_RAW_STORE, has another)."""
    return hashlib.sha256(f"{layout.sha} {digest} {rawstore.views_store(con)}".encode()).hexdigest()


def _catalog(con: duckdb.DuckDBPyConnection, layout: _Layout) -> tuple[str, int, bool]:
    """The digest of the tables and views `layout` creates as they are now (with the tables' CREATE texts: a column
    dropped, added or renamed since the mark was written is another digest), how many of them there are,
    and whether the file has the table of marks."""
    digest, objects, marked = _catalog_of(con, layout.names, texts=False, table_texts=True)
    return digest, objects, bool(marked)


def _catalog_of(con: duckdb.DuckDBPyConnection, names, *, texts: bool, table_texts: bool = False) -> tuple[str, int, bool]:
    """sql/warehouse/layout_catalog.sql: the digest of the tables and views `names` (with `texts`: of their
    CREATE texts too), how many exist, whether warehouse_schema is one of them."""
    return con.execute(sqlfiles.sql("warehouse/layout_catalog"),
                       {"names": list(names), "texts": texts, "table_texts": table_texts}).fetchone()


@functools.cache
def _ddl_set(files: tuple[str, ...], also: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The fingerprint of the DDL files sql/<files>.sql and the names of the tables and views they create (and
    `also`'s): the same for the whole process, so worked out once."""
    texts = [sqlfiles.sql(name) for name in files]
    names = tuple(sorted({m.group(1) for t in texts for m in _CREATED.finditer(t)} | set(also)))
    return hashlib.sha256("\n".join(texts).encode()).hexdigest(), names


_ONCE: set[tuple[str, str]] = set()  # (a DDL set's fingerprint, the catalog's digest) ensure_once left in this process


def ensure_once(con: duckdb.DuckDBPyConnection, files: tuple[str, ...], apply, also: tuple[str, ...] = ()) -> None:
    """Another set of DDL files than sql/tables/ (the media's: assets/media/archive.ensure_tables), every statement
    of it IF NOT EXISTS or OR REPLACE, on a DuckDB file: `apply()` runs it, once per state. The same fast path as the
    warehouse's own layout (`_ensure_file_tables`: a fingerprint of the files' texts, one catalog query,
    sql/warehouse/layout_catalog.sql), with the CREATE texts in the digest (ADD COLUMN IF NOT EXISTS migrations, views
    that follow a table of `also`) and remembered by this process instead of a mark in the file: a later call that
    finds the same digest (the same definitions: the DDL would change nothing) does nothing more. A table dropped or
    altered, another table of `also`, another file at another layout, a transaction rolled back after the DDL:
    another digest, `apply()` runs again."""
    sha, names = _ddl_set(tuple(files), tuple(also))
    if (sha, _catalog_of(con, names, texts=True)[0]) in _ONCE:
        return
    apply()
    _ONCE.add((sha, _catalog_of(con, names, texts=True)[0]))


def layout_current(con: duckdb.DuckDBPyConnection, layout: _Layout | None = None) -> bool:
    """Is this DuckDB file at the current layout: its mark (warehouse_schema) written by a full
    `ensure_tables` with today's DDL files, code lists and migrations (LAYOUT_VERSION), every table and
    view of them still there as that left them, and the raw store where it was?"""
    layout = layout or _Layout("duckdb")
    digest, objects, marked = _catalog(con, layout)
    return _matches(con, layout, digest, marked)


def _matches(con: duckdb.DuckDBPyConnection, layout: _Layout, digest: str, marked: bool) -> bool:
    if not marked:
        return False
    applied = _applied(con)
    try:
        return applied == _mark(con, layout, digest)
    except duckdb.CatalogException:  # the raw layer's manifest (read for the store's place) was dropped
        return False


class LayoutDiffers(RuntimeError):
    """The warehouse's tables are not those this version's sql/tables/ makes (a column missing or renamed): it
    was made or changed by another version of the pipeline (or by hand). Said before anything is written."""

    def __init__(self, path, differences: list[str]):
        self.path, self.differences = path, differences
        where = f"the warehouse {path}" if path else "the warehouse"
        super().__init__(f"{where} has another table layout than this version of the pipeline makes "
                         f"({'; '.join(differences[:5])}{'; ...' if len(differences) > 5 else ''}): it was made or changed "
                         "by another version (or by hand); nothing was written")
        store = f"{path}.raw"
        self.action = (f"restore a backup of the warehouse made by this version; or rebuild it from the inbox: move "
                       f"{path} and its raw store {store}/ (if there) aside (`mv {path} {path}.other; mv {store} "
                       f"{store}.other`), then run `monitor run` (every period is read again from the inbox)" if path else
                       "restore a backup of the warehouse made by this version, or rebuild it from the inbox into a "
                       "new one (`monitor run`)")


_EXPECTED: dict[str, dict[str, list[str]]] = {}  # layout fingerprint -> {table: columns} as sql/tables/ makes them


def _expected_columns(layout: _Layout) -> dict[str, list[str]]:
    """The base tables and their columns that the layout's DDL makes (applied to an empty in-memory database)."""
    if layout.sha not in _EXPECTED:
        mem = duckdb.connect(":memory:")
        try:
            _apply_ddl(mem, layout.texts)
            _EXPECTED[layout.sha] = _columns(mem, layout.names)
        finally:
            mem.close()
    return _EXPECTED[layout.sha]


def _columns(con: duckdb.DuckDBPyConnection, names) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for table, column in con.execute(sqlfiles.sql("warehouse/table_columns"), {"names": list(names)}).fetchall():
        out.setdefault(table, []).append(column)
    return out


def layout_differences(con: duckdb.DuckDBPyConnection, layout: _Layout | None = None, tables: bool = True) -> list[str]:
    """What of the layout's tables and columns the warehouse lacks ('table figures: no column provenance'),
    named with what it has instead; [] when every table has every column the DDL makes (extra columns of a
    table are let be: an older migration's leftovers). tables=False: only the columns of the tables it has (a
    read-only look at a warehouse that a writable connection has not yet brought to this version)."""
    layout = layout or _Layout("duckdb")
    expected = _expected_columns(layout)
    actual = _columns(con, list(expected))
    out = []
    for table, cols in sorted(expected.items()):
        have = actual.get(table)
        if have is None:
            if tables and table not in _views(con):
                out.append(f"table {table}: missing")
            continue
        missing = [c for c in cols if c not in have]
        if missing:
            extra = [c for c in have if c not in cols]
            out.append(f"table {table}: no column {', '.join(missing)}" + (f" (it has {', '.join(extra)} instead)" if extra else ""))
    return out


def _views(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute(sqlfiles.sql("common/view_names")).fetchall()}


def check_layout(con: duckdb.DuckDBPyConnection, path=None, layout: _Layout | None = None, tables: bool = True) -> None:
    """Raise LayoutDiffers when the warehouse's tables are not this version's (`layout_differences`)."""
    differences = layout_differences(con, layout, tables)
    if differences:
        raise LayoutDiffers(path, differences)


def _applied(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute(sqlfiles.sql("warehouse/schema_applied")).fetchone()
    return row[0] if row else None


def _write_mark(con: duckdb.DuckDBPyConnection, layout: _Layout) -> None:
    """Replace the mark by this file's as it is now (inside the caller's transaction)."""
    con.execute(sqlfiles.sql("warehouse/schema_unmark"))
    con.execute(sqlfiles.sql("warehouse/schema_mark"), {"sha": _mark(con, layout, _catalog(con, layout)[0])})


def ensure_tables(con: duckdb.DuckDBPyConnection, wait_s: float = 120.0) -> None:
    """Create every warehouse table that does not exist yet (sql/tables/*.sql, in name order), and fill
    `codes` with the code lists of card.yaml (assets/core/codes.py).

    On the DuckDB file (`_ensure_file_tables`), nothing more when the file is already at the current
    layout (`layout_current`).

    On a DuckLake each DDL statement that changes something is a snapshot, and DDL of two processes at
    once conflicts: the DDL and `codes` are written in one transaction, only when the files or the code
    lists changed since they were last applied (their fingerprint is kept in `warehouse_schema`), and
    tried again on a conflict; the transaction replaces the fingerprint's row, so of two processes
    applying at once only one commits (the other finds it done), and `codes` is filled once."""
    if not is_lake(con):
        _ensure_file_tables(con)
        return
    retry_conflicts(lambda: revisions.migrate_layout(con), "converting the revisions' tables", wait_s)
    fill_codes(con, wait_s)
    retry_conflicts(lambda: raw_migration.migrate(con, lambda name: ddl(con, name)), "converting the raw layer", wait_s)
    retry_conflicts(lambda: revisions.migrate_hashes(con), "converting the revisions' hashes", wait_s)


def _db_path(con: duckdb.DuckDBPyConnection):
    row = con.execute(sqlfiles.sql("warehouse/database_path")).fetchone()
    return row[0] if row else None


def _ensure_file_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The DuckDB file's tables, three ways:
    - at the current layout (the mark matches: `layout_current`): nothing to do; two queries and the
      raw store's place (~5 ms of CPU instead of ~35);
    - a new file (none of the layout's tables or views yet, so no older layout to convert): the DDL, the
      raw layer's views, `codes` and the mark in ONE transaction;
    - else (an older warehouse, a dropped table, a changed DDL file or code list, a new migration: see
      LAYOUT_VERSION, a file moved away from its raw store): the mark deleted first, then the migrations
      of older layouts, the DDL, the views and `codes` as before, and the mark written after them, so
      that a failure half-way leaves this full path to the next connection."""
    layout = _Layout("duckdb")
    digest, objects, marked = _catalog(con, layout)
    if _matches(con, layout, digest, marked):
        return
    if not objects:
        try:
            with transaction(con):
                _apply_ddl(con, layout.texts)
                rawstore.define_views(con, rawstore.views_store(con))
                con.execute(sqlfiles.for_table("warehouse/delete_all", "codes"))
                _insert(con, "codes", layout.frame)
                _write_mark(con, layout)
            return
        except duckdb.TransactionException as exc:  # another connection of this process made them at once
            log.info(f"creating the warehouse's tables: {exc}; checking them one by one")
    if marked:
        con.execute(sqlfiles.sql("warehouse/schema_unmark"))  # no mark while the full path runs
    revisions.migrate_layout(con)  # an older warehouse's revision tables, before the DDL makes them views
    rawstore.migrate_layout(con)  # and its raw tables, before the views raw_files / raw_records replace them
    _apply_ddl(con, layout.texts)
    raw_migration.migrate(con, lambda name: ddl(con, name))  # an older warehouse's raw layer (issue 15)
    rawstore.define_views(con, rawstore.views_store(con), only_if_needed=True)
    revisions.migrate_hashes(con)  # and its revisions' content hashes
    # every table as this version makes it (CREATE TABLE IF NOT EXISTS leaves a table of another version as it
    # is): else stop here, before any asset writes, and say so (no mark: every connection says it again)
    check_layout(con, _db_path(con), layout)
    fill_codes(con, frame=layout.frame)
    try:
        with transaction(con):
            _write_mark(con, layout)
    except duckdb.TransactionException as exc:  # another connection of this process marked it at once
        log.info(f"the warehouse's layout mark was not written ({exc}); the next connection checks again")


def fill_codes(con: duckdb.DuckDBPyConnection, wait_s: float = 120.0, frame: pl.DataFrame | None = None) -> None:
    """`codes` as the code lists of card.yaml say (`frame`: codes.codes_frame(), when the caller has it).
    On the DuckDB file (one writer): replaced when its rows differ. On a DuckLake: with the DDL, in its one
    serialized transaction (ensure_tables)."""
    frame = codes.codes_frame() if frame is None else frame
    if not is_lake(con):
        if codes.differs(con, frame):
            replace_table(con, "codes", frame)
        return
    texts = [without_compression(f.read_text(encoding="utf-8")) for f in ddl_files("ducklake")]
    sha = hashlib.sha256("\n".join([*texts, codes.digest(frame)]).encode()).hexdigest()

    def apply() -> None:
        if con.execute(sqlfiles.sql("common/table_exists"), {"name": "warehouse_schema"}).fetchone()[0]:
            row = con.execute(sqlfiles.sql("warehouse/schema_applied")).fetchone()
            if row and row[0] == sha:
                return
        with transaction(con):
            for text in texts:  # 000_warehouse_schema.sql first
                con.execute(text)
            con.execute(sqlfiles.for_table("warehouse/delete_all", "codes"))  # inside this transaction
            _insert(con, "codes", frame)
            con.execute(sqlfiles.sql("warehouse/schema_unmark"))  # two appliers delete the same row: one commits
            con.execute(sqlfiles.sql("warehouse/schema_mark"), {"sha": sha})
            ducklake.set_commit_message(con, "warehouse tables (sql/tables/)")  # and codes

    retry_conflicts(apply, "creating the warehouse tables", wait_s)


def retry_conflicts(fn, what: str, wait_s: float | None = None):
    """Run `fn` (one whole transaction); while it loses a DuckLake commit conflict to a concurrent
    writer, back off (jittered, doubling to 2 s) and run it again, for up to `wait_s` seconds."""
    if wait_s is None:
        wait_s = float(os.environ.get("MONITOR_LOCK_WAIT_S", "120"))
    t0 = time.monotonic()
    delay, tries = 0.05, 0
    while True:
        try:
            out = fn()
            if tries:
                log.info(f"{what}: committed after {plural.en_count(tries, 'conflict')} with concurrent writers")
            return out
        except duckdb.TransactionException as exc:
            if not ducklake.is_conflict(exc) or time.monotonic() - t0 >= wait_s:
                raise
            tries += 1
            log.info(f"{what}: commit conflict with a concurrent writer (try {tries}), trying again")
            time.sleep(delay * random.uniform(0.5, 1.5))  # back off while the other commits (not a test sleep)
            delay = min(delay * 2, 2.0)


def replace_partition(con: duckdb.DuckDBPyConnection, table: str, period: str, df: pl.DataFrame | None) -> int:
    """Atomically replace `table`'s rows of `period` by `df` (columns matched by name)."""
    return replace_partitions(con, period, {table: df})[table]


def replace_table(con: duckdb.DuckDBPyConnection, table: str, df: pl.DataFrame | None) -> int:
    """Atomically replace every row of an unpartitioned table by `df`."""
    return replace_partitions(con, None, {table: df})[table]


def _row_group_batches(arrow: pa.Table) -> pa.Table | pa.RecordBatchReader:
    """`arrow`'s rows, same order, in batches of one row group each. A table in chunks of a row group or
    longer is cut without a copy; one in shorter chunks (validation's clean cards come in one chunk per
    file, ~20,000 rows at 1M) is read one row group at a time, each slice's chunks joined as it is read,
    so that no more than one row group is copied at once."""
    if all(c.num_chunks <= 1 or min(len(k) for k in c.chunks) >= ROW_GROUP_ROWS for c in arrow.columns):
        return pa.Table.from_batches(arrow.to_batches(max_chunksize=ROW_GROUP_ROWS), schema=arrow.schema)

    def batches():
        for start in range(0, arrow.num_rows, ROW_GROUP_ROWS):
            yield from arrow.slice(start, ROW_GROUP_ROWS).combine_chunks().to_batches()
    return pa.RecordBatchReader.from_batches(arrow.schema, batches())


def _insert(con: duckdb.DuckDBPyConnection, table: str, df: pl.DataFrame) -> None:
    """Append `df` to `table` in ONE statement. Polars' frame goes to DuckDB as Arrow with string and
    binary views (no copy of every value, and read about twice as fast as large strings); DuckDB reads
    it a chunk at a time and writes full row groups to the file as it goes (bounded memory). One
    statement, not slices: with several INSERTs of one table in a transaction the next checkpoint
    re-compresses and merges every row group they wrote (1,000,000 cards inserted alone: raw_records +
    cards 16.9 s of CPU in slices of 250,000 rows, 7.4 s in one statement; in the whole core the time is
    about the same, the warehouse file 632 MB instead of 751: benchmarks/ANALYSIS.md, branch i15j)."""
    arrow = df.to_arrow(compat_level=pl.CompatLevel.newest())
    if arrow.num_rows > ROW_GROUP_ROWS:
        # long chunks cut (no copy) into batches of at most one row group: DuckDB inserts a 980,000-row chunk
        # at twice the CPU of the same rows in row-group batches (cards at 1,000,000: 6.8 -> 3.5 s; batches
        # of 32,768 rows are as slow as one chunk: benchmarks/ANALYSIS.md, branch i15n). Same rows, same order.
        arrow = _row_group_batches(arrow)
    con.register("_incoming", arrow)
    try:
        con.execute(sqlfiles.for_table("warehouse/insert_incoming", table))
    finally:
        con.unregister("_incoming")


def replace_partitions(con: duckdb.DuckDBPyConnection, period: str | None, frames: dict[str, pl.DataFrame | None],
                       release: bool = False, temp_copies: bool = False,
                       inbox_level: tuple[str, pl.DataFrame] | None = None) -> dict[str, int]:
    """Replace one period's rows (period None: all rows) in several tables in ONE transaction.
    On a DuckLake the transaction is one snapshot, labelled with the tables and the period, and is
    tried again when a concurrent writer's commit conflicts with it.
    release: the frames are handed over: `frames` is emptied and each frame let go as soon as DuckDB
    holds its rows, so that a large period's raw layer is not held twice (not on a DuckLake, whose
    retry needs them); the caller keeps no other reference to them.
    The first write of a period's `figures` records its moment (figure_bases: which periods an --as-of
    edition shows); temp_copies: the tables are an --as-of connection's TEMP copies, nothing is recorded.
    inbox_level: (level, quarantine rows) - the quarantine rows of what lies in the inbox outside every
    period (quarantine period `level`), replaced whole in the same transaction: one record per item, of
    the inbox as this write's scan saw it (never one per period, never stale)."""
    lake = is_lake(con)
    given = frames
    # raw_records' headers go to raw_headers, in the same transaction (a copy: `given` may be cleared)
    frames = dict(raw.split_headers(frames))
    release = release and not lake
    if release:
        given.clear()
    store, superseded = None, set()
    raw_counts = {t: (0 if frames[t] is None else frames[t].height) for t in rawstore.INSIDE if t in frames}
    staged = {t: frames[s] for t, s in rawstore.STORED.items() if s in frames and t not in frames}
    # the raw layer put into the store by ingest already (assets/ingest/streamed.py): its manifest rows
    if "raw_files" in staged:
        raw_counts["raw_files"] = 0 if staged["raw_files"] is None else staged["raw_files"].height
    if "raw_records" in staged:
        raw_counts["raw_records"] = 0 if staged["raw_records"] is None else int(staged["raw_records"]["records"].sum())
    if staged and (lake or rawstore.location(con) is None):
        raise ValueError("the raw layer was put into a raw store, but this warehouse keeps it inside")
    if not lake and (rawstore.INSIDE.keys() & frames.keys() or staged):
        # the raw layer: files and records into the store (written and fsynced BEFORE the transaction;
        # assets/core/rawstore.py), the transaction then writes their manifest rows with the clean tables
        store = rawstore.location(con)
        superseded = rawstore.referenced(con, period)
        if store is not None:
            frames = rawstore.stage(store, frames, release=release)
        else:
            frames = rawstore.inside(frames)
            store = rawstore.views_store(con)  # None unless periods written before are in a store

    def once() -> dict[str, int]:
        counts: dict[str, int] = {}
        with transaction(con):
            if period is not None and revisions.TABLES & frames.keys():
                # the revisions only `cards` holds that this write changes, before it is replaced
                revisions.snapshot(con, period, {t: frames[t] for t in revisions.TABLES if t in frames})
            for table, df in frames.items():
                if period is None:
                    con.execute(sqlfiles.for_table("warehouse/delete_all", table))
                else:
                    con.execute(sqlfiles.for_table("warehouse/delete_partition", table), {"period": period})
                counts[table] = 0
                if df is not None and df.height:
                    if table == "raw_file_rows":
                        # one file at a time (a file's bytes are up to file.max_bytes: all of a period's at
                        # once took ~330 MB more at 1,000,000 cards; a period's files are less than a row group)
                        for part in df.iter_slices(1):
                            _insert(con, table, part)
                        part = None
                    else:
                        _insert(con, table, df)
                    counts[table] = df.height
                if release:
                    frames[table] = df = None
            if inbox_level is not None:
                level, q = inbox_level
                con.execute(sqlfiles.for_table("warehouse/delete_partition", "quarantine"), {"period": level})
                if q.height:
                    _insert(con, "quarantine", q)
            if store is not None:
                rawstore.define_views(con, store)  # the views list the store's files the manifest now references
            if period is not None and revisions.TABLES & frames.keys():
                revisions.record(con, period)  # card revisions, in the same transaction (issue 18)
            if period is not None and "figures" in frames and not temp_copies:
                revisions.record_figures(con, period)
            if lake:
                ducklake.set_commit_message(con, ", ".join(frames) + (f" of period {period}" if period else ""))
        return counts

    if not lake:
        counts = once()
        rawstore.collect(store, con, superseded)  # the period's files no committed row references any more
        for internal in ("raw_file_rows", "raw_file_index", "raw_record_rows", "raw_record_parts"):
            counts.pop(internal, None)
        return {**counts, **raw_counts}
    return retry_conflicts(once, f"replacing {', '.join(frames)}" + (f" of {period}" if period else ""))


def read_sql(name: str) -> str:
    """The text of sql/<name>.sql (read once: assets.core.sqlfiles)."""
    return sqlfiles.sql(name)


def query(con: duckdb.DuckDBPyConnection, sql: str, params: dict | list | None = None) -> pl.DataFrame:
    rel = con.execute(sql, params) if params is not None else con.execute(sql)
    return pl.from_arrow(rel.fetch_arrow_table())
