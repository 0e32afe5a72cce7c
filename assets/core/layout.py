"""The warehouse's tables as this version makes them: the DDL of sql/tables/ (for the DuckDB file, with its
storage's compression hints; for a DuckLake, without primary keys or hints), a mark in `warehouse_schema` so that
a file already at the current layout is not made again on every connection (`ensure_tables`' fast path), a check
that refuses a warehouse another version made (`LayoutDiffers`), and `codes` filled from the code lists of
card.yaml. `warehouse.connect` calls `ensure_tables` on every writable connection."""
from __future__ import annotations

import functools
import hashlib
import logging
import re
from pathlib import Path

import duckdb
import polars as pl

from assets.core import codes, ducklake, raw_migration, rawstore, revisions, sqlfiles
from assets.core.ducklake import is_lake
from assets.core.transactions import transaction
from assets.core.writes import insert, replace_table, retry_conflicts
from core import settings
from schemas import gazetteer
from schemas.card import spec


log = logging.getLogger("monitor.wait")


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


def ensure_tables(con: duckdb.DuckDBPyConnection, wait_s: float | None = None) -> None:
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
                insert(con, "codes", layout.frame)
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


def fill_codes(con: duckdb.DuckDBPyConnection, wait_s: float | None = None, frame: pl.DataFrame | None = None) -> None:
    """`codes` as the code lists of card.yaml say (`frame`: codes.codes_frame(), when the caller has it).
    On the DuckDB file (one writer): replaced when its rows differ. On a DuckLake: with the DDL, in its one
    serialized transaction (ensure_tables), tried for `wait_s` s (default MONITOR_LOCK_WAIT_S, else 120)."""
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
            insert(con, "codes", frame)
            con.execute(sqlfiles.sql("warehouse/schema_unmark"))  # two appliers delete the same row: one commits
            con.execute(sqlfiles.sql("warehouse/schema_mark"), {"sha": sha})
            ducklake.set_commit_message(con, "warehouse tables (sql/tables/)")  # and codes

    retry_conflicts(apply, "creating the warehouse tables", wait_s)
