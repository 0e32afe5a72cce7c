"""The raw layer's store (issue 15): the files as received and the raw records, kept OUTSIDE DuckDB's
compressed columns, with DuckDB holding a manifest of them and the views `raw_files` / `raw_records`
over both.

Where the bytes live (`location(con)`):
- the plain DuckDB file (the default): a folder beside it, `<warehouse file>.raw/` (e.g.
  `build/warehouse.duckdb.raw/`), or the folder MONITOR_RAW_STORE names. In it `files/<sha256>` is
  each received file's bytes, named by their SHA-256, and `records/<sha256>.parquet` a period's raw
  records as Parquet files written by Polars (one per write, or one per few inbox files when the
  streamed ingest stores them as it reads: assets/ingest/streamed.py), named by the SHA-256 of the file; `tmp/` holds a
  file while it is written. A file is written once (same content, same name) and never changed.
- an encrypted warehouse (MONITOR_WAREHOUSE_KEY), or MONITOR_RAW_STORE=inside: inside the DuckDB file,
  in the tables `raw_file_rows` (the bytes in `content`) and `raw_record_rows` — the layout of before
  (a store beside an encrypted file would hold every name in clear).
- a DuckLake: the lake's own tables `raw_files` / `raw_records`, i.e. Parquet files in the lake's
  DATA_PATH written at commit (sql/tables/*.ducklake.sql); nothing here is used. (A manifest whose view
  lists its files would have to be rewritten by every write, and concurrent writers of a lake would
  then all conflict on it.)

The manifest (tables of the DuckDB file): `raw_file_index` (every raw_files column but the bytes, and
`stored`: whether the bytes are in the store) and `raw_record_parts` (period, sha256 of a Parquet file,
its rows). The views `raw_files` and `raw_records` have the columns the tables of those names had; they
are rewritten, listing the store's files that the manifest references, in the transaction that changes
the manifest (`define_views`).

Atomicity: `stage` writes the store's files BEFORE the transaction (fsynced, renamed into place), and
the transaction then replaces the period's manifest rows and the views together with its clean tables
(writes.replace_partitions). A failed or rolled-back write leaves only files no manifest row
references: nothing a reader can see; `gc` (the command `monitor gc`) deletes them. A write's
superseded files (a re-run's older records, an erased file's old bytes) are deleted right after its
commit when nothing references them any more (`collect`).
"""
from __future__ import annotations

import hashlib
import os
import secrets
import time
from pathlib import Path

import duckdb
import polars as pl

from assets.core import raw
from assets.core.sqlfiles import sql

RAW_RECORD_COLUMNS = tuple(raw.RAW_RECORDS_SCHEMA)
RAW_FILE_COLUMNS = tuple(raw.RAW_FILES_SCHEMA)
LINE_COLUMNS = ("line", "sep")  # a part's records kept as their CSV lines: cells built from them when read
INSIDE = {"raw_files": "raw_file_rows", "raw_records": "raw_record_rows"}
STORED = {"raw_files": "raw_file_index", "raw_records": "raw_record_parts"}
_COMPRESSION = "lz4"  # Polars' Parquet: lz4 writes 1.2M records' cells ~2x faster than zstd, file ~1.5x larger


def _q(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def quoted(path: Path) -> str:
    """A store file's path as a SQL string literal (quotes doubled): the table functions that read the
    store take no parameter for their file list."""
    return _q(str(path))


def database_path(con: duckdb.DuckDBPyConnection) -> str | None:
    """The file of the database in use (None: in memory, or not a DuckDB file)."""
    row = con.execute(sql("warehouse/database_path")).fetchone()
    return row[0] if row and row[0] else None


def _encrypted(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(sql("warehouse/database_path")).fetchone()
    return bool(row and row[1])


def location(con: duckdb.DuckDBPyConnection) -> Path | None:
    """The store's folder for this warehouse; None when the raw layer is kept inside the database
    (encrypted warehouse, MONITOR_RAW_STORE=inside, in-memory database, DuckLake)."""
    env = os.environ.get("MONITOR_RAW_STORE", "").strip()
    if env == "inside" or _encrypted(con):
        return None
    path = database_path(con)
    if path is None or path == ":memory:" or con.execute(sql("warehouse/is_lake")).fetchone()[0]:
        return None
    return Path(env).resolve() if env else Path(path + ".raw")


def views_store(con: duckdb.DuckDBPyConnection) -> Path | None:
    """The store the views read: this warehouse's store; with the raw layer kept inside, still the folder
    beside the file while the manifest references files there (periods written before the switch)."""
    store = location(con)
    if store is None and con.execute(sql("warehouse/is_lake")).fetchone()[0]:
        return None  # a DuckLake's raw layer is its own tables
    if store is None and referenced(con):
        env, path = os.environ.get("MONITOR_RAW_STORE", "").strip(), database_path(con)
        store = Path(env).resolve() if env not in ("", "inside") else Path(path + ".raw") if path else None
    return store


def blob_path(store: Path, sha: str) -> Path:
    return store / "files" / sha


def part_path(store: Path, sha: str) -> Path:
    return store / "records" / f"{sha}.parquet"


def _dirs(store: Path) -> None:
    for d in ("files", "records", "tmp"):
        (store / d).mkdir(parents=True, exist_ok=True)


def _fsync_dir(d: Path) -> None:
    fd = os.open(d, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _place(tmp: Path, dest: Path) -> None:
    """Put a written, fsynced temporary file at its content-addressed name (already there: the same
    bytes, kept, its time refreshed so that a concurrent `gc` with a grace period leaves it)."""
    if dest.exists():
        tmp.unlink()
        os.utime(dest)
    else:
        os.replace(tmp, dest)


def put_bytes(store: Path, content: bytes, sha: str | None = None) -> str:
    """Store one file's bytes; their sha256 (the name). `sha`: their sha256 when the caller has just
    computed it from these very bytes (ingest: raw_files.sha256), not hashed a second time."""
    sha = sha or hashlib.sha256(content).hexdigest()
    dest = blob_path(store, sha)
    if dest.exists():
        os.utime(dest)
        return sha
    tmp = store / "tmp" / f"{sha}.{os.getpid()}.{secrets.token_hex(4)}"
    with open(tmp, "wb") as fh:
        fh.write(content)
        fh.flush()
        os.fsync(fh.fileno())
    _place(tmp, dest)
    return sha


PART_SCHEMA = {"period": pl.Utf8, "sha256": pl.Utf8, "records": pl.Int64, "size_bytes": pl.Int64,
               "loaded_at": pl.Datetime("us")}


def store_part(store: Path, records: pl.DataFrame) -> dict:
    """Store raw_records rows of one period as one Parquet part; its raw_record_parts row (PART_SCHEMA)."""
    sha, size = put_records(store, records)
    return {"period": records["period"][0], "sha256": sha, "records": records.height, "size_bytes": size,
            "loaded_at": records["loaded_at"].max()}


def sync(store: Path) -> None:
    """fsync the store's folders, so that the names of the files just placed survive a crash (before the
    transaction that references them)."""
    _fsync_dir(store / "files")
    _fsync_dir(store / "records")


def put_records(store: Path, records: pl.DataFrame) -> tuple[str, int]:
    """Store raw_records rows (the warehouse's columns) as one Parquet file; (its sha256, its size)."""
    tmp = store / "tmp" / f"records.{os.getpid()}.{secrets.token_hex(4)}.parquet"
    # streamed (sink_parquet): row groups encoded and written as they go, not the whole file in memory first
    # records kept as their CSV lines (`line`, `sep`: assets/ingest/inbox.py table_lines) keep those columns
    columns = [*RAW_RECORD_COLUMNS, *[c for c in LINE_COLUMNS if c in records.columns]]
    records.lazy().select(columns).sink_parquet(tmp, compression=_COMPRESSION, statistics=True)
    h = hashlib.sha256()
    with open(tmp, "rb+") as fh:
        for chunk in iter(lambda: fh.read(1 << 22), b""):
            h.update(chunk)
        os.fsync(fh.fileno())
    sha = h.hexdigest()
    size = tmp.stat().st_size
    _place(tmp, part_path(store, sha))
    return sha, size


def read_part(path: Path) -> pl.DataFrame:
    """The raw records of one Parquet part of the store as the view raw_records shows them (the warehouse's
    columns; a record kept as its CSV line with its cells built: raw.cells_of_lines)."""
    return raw.cells_of_lines(pl.read_parquet(path)).select(list(RAW_RECORD_COLUMNS))


def stage(store: Path, frames: dict, release: bool = False) -> dict:
    """The frames of a warehouse write with the raw layer's put in the store: `raw_files` becomes
    `raw_file_index` rows (the bytes written to files/), `raw_records` a `raw_record_parts` row (the
    records written to records/ as one Parquet); the inside tables get None (their rows of the period
    are deleted: a period's raw layer is in one place). Written and fsynced before the transaction.
    release: the raw frames are let go as soon as they are stored."""
    out = dict(frames)
    # frames staged already (assets/ingest/streamed.py put the bytes and records into the store as it read
    # them): their manifest rows as given, and the period's rows kept inside deleted
    for table, stored in STORED.items():
        if stored in frames and table not in frames:
            out.setdefault(INSIDE[table], None)
    if "raw_files" not in frames and "raw_records" not in frames:
        return out
    _dirs(store)
    if "raw_files" in frames:
        df = out.pop("raw_files")
        out["raw_file_rows"] = None
        if df is None:
            out["raw_file_index"] = None
        else:
            shas, stored = [], []
            col = df.get_column("content")
            for i in range(col.len()):  # one file's bytes at a time (iterating the Series copies them all)
                content = col[i]
                if content is None:
                    shas.append(None)
                    stored.append(False)
                else:
                    shas.append(put_bytes(store, content))
                    stored.append(True)
            # the name is the bytes' own digest (the same value as ingest's sha256 column where it has one)
            out["raw_file_index"] = df.drop("content").with_columns(
                pl.Series("_stored_sha", shas, dtype=pl.Utf8), pl.Series("stored", stored, dtype=pl.Boolean)).with_columns(
                sha256=pl.coalesce("_stored_sha", "sha256")).drop("_stored_sha")
        if release:
            frames["raw_files"] = df = None
    if "raw_records" in frames:
        df = out.pop("raw_records")
        out["raw_record_rows"] = None
        if df is None or df.height == 0:
            out["raw_record_parts"] = None
        else:
            out["raw_record_parts"] = pl.DataFrame([store_part(store, df)], schema=PART_SCHEMA)
        if release:
            frames["raw_records"] = df = None
    sync(store)
    return out


def inside(frames: dict) -> dict:
    """The frames of a write that keeps the raw layer inside the database: raw_files / raw_records go to
    raw_file_rows / raw_record_rows, and the period's manifest rows are deleted."""
    out = {}
    for table, df in frames.items():
        if table in INSIDE:
            out[INSIDE[table]] = df
            out[STORED[table]] = None
        else:
            out[table] = df
    return out


def referenced(con: duckdb.DuckDBPyConnection, period: str | None = None) -> set[str]:
    """The store's file names the manifest references (of one period, or all)."""
    rows = con.execute(sql("raw/referenced"), {"period": period}).fetchall()
    return {f"{kind}/{sha}" for kind, sha in rows}


def _file(store: Path, name: str) -> Path:
    kind, sha = name.split("/", 1)
    return blob_path(store, sha) if kind == "files" else part_path(store, sha)


def view_texts(con: duckdb.DuckDBPyConnection, store: Path | None) -> dict[str, str]:
    """The SQL of the views raw_files and raw_records: the inside tables, and the store's files the
    manifest references (listed by name, so that a file no committed write references is never read)."""
    names = sorted(referenced(con)) if store is not None else []
    blobs = [_q(str(_file(store, n))) for n in names if n.startswith("files/")]
    parts = [_q(str(_file(store, n))) for n in names if n.startswith("records/")]
    blob_src = "read_blob([" + ", ".join(blobs) + "])" if blobs else sql("raw/no_blobs").split("\n", 1)[1].strip()
    prefix = _q(str(store / "files") + "/") if store is not None else "''"
    return {"raw_files": sql("raw/view_raw_files").replace("__blobs__", blob_src).replace("__prefix__", prefix),
            "raw_records": sql("raw/view_raw_records").replace(
                "__part_records__", part_records_sql().replace("__parts__", parts_source(parts)))}


def _uncommented(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("--")).strip()


def part_records_sql() -> str:
    """sql/raw/part_records.sql (the records of the Parquet parts put in for `__parts__`: parts_source, each
    with its cells; a record kept as its CSV line gets them built there), without its comments."""
    return _uncommented(sql("raw/part_records"))


def parts_source(parts: list[str]) -> str:
    """The relation of the Parquet parts `parts` (quoted paths), their columns joined by name (a part of lines
    beside a part of cells); none: an empty relation."""
    return ("read_parquet([" + ", ".join(parts) + "], union_by_name = true)" if parts
            else _uncommented(sql("raw/no_parts")))


def define_views(con: duckdb.DuckDBPyConnection, store: Path | None, only_if_needed: bool = False) -> None:
    """(Re)write the views raw_files and raw_records (inside the caller's transaction, when it has one).
    only_if_needed: only when a view is missing or does not read this store (a warehouse moved with its
    store, or opened with another MONITOR_RAW_STORE): what a connection checks when it opens."""
    if only_if_needed:
        have = dict(con.execute(sql("raw/view_sql")).fetchall())
        if len(have) == 2 and (store is None or not referenced(con) or str(store) in have["raw_files"]):
            return
    for text in view_texts(con, store).values():
        con.execute(text)


def migrate_layout(con: duckdb.DuckDBPyConnection) -> bool:
    """A warehouse written before the store: its tables raw_files and raw_records (values as JSON arrays)
    become raw_file_rows and raw_record_rows, read by the views as they are (no row is copied; each
    period moves to the store at its next write). A raw_records of before issue 15's format (a JSON
    object per record, `data`) is left to assets/core/raw_migration.py. Before the DDL (which makes the
    new tables), on the DuckDB file only. True when it renamed something."""
    from assets.core.transactions import transaction

    kinds = dict(con.execute(sql("raw/old_tables")).fetchall())
    todo = [s for t, s in (("raw_files", "raw/rename_old_files"), ("raw_records", "raw/rename_old_records"))
            if kinds.get(t) == "BASE TABLE"]
    if "raw/rename_old_records" in todo and "data" in {c for (c,) in con.execute(sql("migrations/raw_records_old_columns")).fetchall()}:
        todo.remove("raw/rename_old_records")  # the format of before issue 15: raw_migration converts it
    if not todo:
        return False
    with transaction(con):
        for step in todo:
            con.execute(sql(step))
    return True


def bring_inside(con: duckdb.DuckDBPyConnection) -> None:
    """Copy the raw layer kept in the store into the database's own tables and forget the store (the
    encrypted copy of a plain warehouse: encryption.encrypt_copy), in one transaction."""
    from assets.core.transactions import transaction

    with transaction(con):
        con.execute(sql("raw/inside_files"))
        con.execute(sql("raw/inside_records"))
        con.execute(sql("raw/forget_store"))
        define_views(con, None)


def read_bytes(con: duckdb.DuckDBPyConnection, sha: str) -> bytes:
    """One stored file's bytes, by its sha256."""
    store = location(con)
    if store is None:
        raise FileNotFoundError(f"no raw store for this warehouse (file {sha})")
    return blob_path(store, sha).read_bytes()


def collect(store: Path | None, con: duckdb.DuckDBPyConnection, names: set[str]) -> int:
    """After a commit: delete those of `names` (files a write superseded) that nothing references now."""
    if store is None or not names:
        return 0
    gone = 0
    for n in names - referenced(con):
        try:
            _file(store, n).unlink()
            gone += 1
        except FileNotFoundError:
            pass
    return gone


def gc(con: duckdb.DuckDBPyConnection, grace_s: float = 0.0) -> dict:
    """Delete every file of the store that no committed manifest row references and that is older than
    `grace_s` seconds (left by a write that failed or was rolled back, or by a killed process's tmp/).
    Call with a writable connection: on the DuckDB file that holds the single-writer lock, and a writer
    writes the store only while it holds that lock, so no write in flight can lose its files. Returns
    {"files": n, "bytes": b, "store": path}."""
    store = location(con)
    out = {"files": 0, "bytes": 0, "store": str(store) if store else None}
    if store is None or not store.exists():
        return out
    keep = referenced(con)
    now = time.time()
    for kind in ("files", "records", "tmp"):
        d = store / kind
        if not d.is_dir():
            continue
        for p in d.iterdir():
            name = f"{kind}/{p.name[:-len('.parquet')] if kind == 'records' and p.name.endswith('.parquet') else p.name}"
            if kind != "tmp" and name in keep:
                continue
            try:
                st = p.stat()
                if now - st.st_mtime < grace_s:
                    continue
                p.unlink()
            except FileNotFoundError:
                continue
            out["files"] += 1
            out["bytes"] += st.st_size
    return out
