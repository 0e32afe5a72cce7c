"""The raw store (assets/core/rawstore.py): the files as received and the raw records live beside the
DuckDB file (content-addressed, immutable), the warehouse holds their manifest and the views raw_files /
raw_records over them. A write that fails between the store and the commit leaves nothing visible and
only unreferenced files, which `monitor gc` deletes; a re-run replaces, never appends; a warehouse of
the layout before the store is read as it is and moves to the store at its next write."""
from __future__ import annotations

import datetime as dt
import hashlib

import duckdb
import polars as pl
import pytest

from assets.core import raw, rawstore, warehouse, writes

T0 = dt.datetime(2026, 11, 30, 12, 0)


def _frames(period: str, version: str) -> dict:
    """A period's raw layer: two read files (one shared by both versions, so its bytes are stored once),
    one never read (a link), and the records of the read ones."""
    files = {f"cards/{period}/a.csv": f"card_id,city\n{period}-1,Алматы {version}\n".encode(),
             f"cards/{period}/same.csv": b"card_id,city\nsame,Astana\n"}
    rows = [{"period": period, "source_file": f, "sha256": hashlib.sha256(b).hexdigest(), "size_bytes": len(b),
             "content": b, "format": "csv", "encoding": "utf-8", "records": 1, "problem": None, "warnings": None,
             "loaded_at": T0} for f, b in files.items()]
    rows.append({"period": period, "source_file": f"cards/{period}/link.csv", "sha256": "", "size_bytes": 0, "content": None,
                 "format": "link", "encoding": None, "records": 0, "problem": "a link", "warnings": None, "loaded_at": T0})
    header = raw.header_json(["card_id", "city"])
    recs = [{"period": period, "record_id": f"{f}#:2", "source_file": f, "sheet": "", "row_no": 2, "kind": "card",
             "header_id": raw.header_id(header), "cells": raw.cells_json(b.decode().splitlines()[1].split(",")),
             "loaded_at": T0, "header": header} for f, b in files.items()]
    return {"raw_files": pl.DataFrame(rows, schema=raw.RAW_FILES_SCHEMA),
            "raw_records": pl.DataFrame(recs, schema={**raw.RAW_RECORDS_SCHEMA, "header": pl.Utf8}).with_columns(
                pl.col("header").cast(pl.Categorical))}


def _visible(con) -> dict:
    return {"files": con.execute("SELECT period, source_file, sha256, content FROM raw_files ORDER BY ALL").fetchall(),
            "records": con.execute("SELECT period, record_id, cells FROM raw_records ORDER BY ALL").fetchall()}


def _store_files(store) -> set[str]:
    return {f"{d.name}/{p.name}" for d in (store / "files", store / "records") if d.is_dir() for p in d.iterdir()}


def test_the_raw_layer_is_in_the_store_and_read_through_the_views(tmp_path):
    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as con:
        counts = writes.replace_partitions(con, "2017", _frames("2017", "v1"))
        writes.replace_partitions(con, "2016", _frames("2016", "v1"))
        store = rawstore.location(con)
        seen = _visible(con)
        con.execute("CHECKPOINT")
    assert store == tmp_path / "w.duckdb.raw"
    assert counts["raw_files"] == 3 and counts["raw_records"] == 2
    want = _frames("2017", "v1")["raw_files"]
    got17 = [r for r in seen["files"] if r[0] == "2017"]
    assert sorted((r["source_file"], r["content"]) for r in want.iter_rows(named=True)) == [(r[1], r[3]) for r in got17]
    # the bytes are files named by their sha256, the records Parquet files named by theirs
    for r in got17:
        if r[3] is not None:
            assert (store / "files" / r[2]).read_bytes() == r[3] and hashlib.sha256(r[3]).hexdigest() == r[2]
    parts = list((store / "records").iterdir())
    assert len(parts) == 2 and all(hashlib.sha256(p.read_bytes()).hexdigest() + ".parquet" == p.name for p in parts)
    assert len(list((store / "files").iterdir())) == 3  # a.csv of each period, same.csv once
    assert ("2017", "cards/2017/a.csv#:2", '["2017-1","Алматы v1"]') in seen["records"]
    assert "Алматы v1".encode() not in path.read_bytes()  # neither the bytes nor the cells are in the DuckDB file
    # a read-only connection (another process's view of the file) reads the same
    with duckdb.connect(str(path), read_only=True) as ro:
        assert _visible(ro) == seen


def test_a_write_that_fails_before_its_commit_leaves_nothing_visible_and_gc_cleans(tmp_path, monkeypatch):
    from pipelines import cli

    path = tmp_path / "w.duckdb"
    monkeypatch.setenv("MONITOR_WAREHOUSE", str(path))
    with warehouse.connect(path) as con:
        writes.replace_partitions(con, "2017", _frames("2017", "v1"))
        before, store = _visible(con), rawstore.location(con)
    files_v1 = _store_files(store)

    def crash(*a, **k):  # the store's files are written; the transaction fails before its commit
        raise RuntimeError("killed between the store and the commit")

    with warehouse.connect(path) as con:
        monkeypatch.setattr(rawstore, "define_views", crash)
        with pytest.raises(RuntimeError, match="killed"):
            writes.replace_partitions(con, "2017", _frames("2017", "v2"))
        monkeypatch.undo()
        monkeypatch.setenv("MONITOR_WAREHOUSE", str(path))
        assert _visible(con) == before  # nothing of v2 is visible
    left = _store_files(store) - files_v1
    assert len(left) == 2, left  # v2's a.csv and its records part, referenced by nothing
    assert cli.main(["gc"]) == 0
    assert _store_files(store) == files_v1
    with warehouse.connect(path, read_only=True) as con:
        assert _visible(con) == before  # gc deleted nothing a reader sees

    # the re-run replaces v1 (never appends), and v1's files nothing references any more are gone
    with warehouse.connect(path) as con:
        writes.replace_partitions(con, "2017", _frames("2017", "v2"))
        writes.replace_partitions(con, "2017", _frames("2017", "v2"))
        after = _visible(con)
    assert len(after["records"]) == 2 and len(after["files"]) == 3
    assert ("2017", "cards/2017/a.csv#:2", '["2017-1","Алматы v2"]') in after["records"]
    assert len(_store_files(store)) == 3 and not (_store_files(store) & (files_v1 - {
        "files/" + hashlib.sha256(b"card_id,city\nsame,Astana\n").hexdigest()}))


def test_gc_keeps_young_files_with_a_grace_and_a_tmp_leftover_goes(tmp_path):
    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as con:
        writes.replace_partitions(con, "2017", _frames("2017", "v1"))
        store = rawstore.location(con)
        (store / "files" / ("0" * 64)).write_bytes(b"orphan")
        (store / "tmp" / "records.1.x.parquet").write_bytes(b"half written")
        assert rawstore.gc(con, grace_s=3600)["files"] == 0
        out = rawstore.gc(con)
        assert (out["files"], out["bytes"]) == (2, len(b"orphan") + len(b"half written"))
        assert len(_visible(con)["files"]) == 3


def test_a_warehouse_of_the_layout_before_the_store_is_read_then_moved(tmp_path):
    """The tables raw_files (bytes inside) and raw_records of before: renamed, read by the views as they
    are; the period's next write moves it to the store."""
    path = tmp_path / "old.duckdb"
    frames = _frames("2017", "v1")
    with duckdb.connect(str(path)) as con:
        for name in ("010_raw_files", "020_raw_records", "021_raw_headers"):
            con.execute(warehouse.sqlfiles.sql(f"tables/{name}.ducklake") if name != "021_raw_headers"
                        else warehouse.sqlfiles.sql(f"tables/{name}"))
        con.register("f", frames["raw_files"].to_arrow())
        con.execute("INSERT INTO raw_files SELECT * FROM f")
        con.register("r", frames["raw_records"].drop("header").to_arrow())
        con.execute("INSERT INTO raw_records SELECT * FROM r")
        old = _visible(con)
    with warehouse.connect(path) as con:
        assert _visible(con) == old
        kinds = dict(con.execute("SELECT table_name, table_type FROM information_schema.tables "
                                 "WHERE table_name IN ('raw_files', 'raw_records', 'raw_file_rows')").fetchall())
        assert kinds == {"raw_files": "VIEW", "raw_records": "VIEW", "raw_file_rows": "BASE TABLE"}
        writes.replace_partitions(con, "2017", _frames("2017", "v1"))
        assert _visible(con) == old
        assert con.execute("SELECT count(*) FROM raw_file_rows").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM raw_record_parts").fetchone()[0] == 1


def test_inside_on_request_and_an_encrypted_copy_takes_the_store_in(tmp_path, monkeypatch):
    from assets.core import encryption

    monkeypatch.setenv("MONITOR_RAW_STORE", "inside")
    with warehouse.connect(tmp_path / "in.duckdb") as con:
        writes.replace_partitions(con, "2017", _frames("2017", "v1"))
        inside = _visible(con)
        assert con.execute("SELECT count(*) FROM raw_file_rows").fetchone()[0] == 3
    assert not (tmp_path / "in.duckdb.raw").exists()
    monkeypatch.delenv("MONITOR_RAW_STORE")
    with warehouse.connect(tmp_path / "plain.duckdb") as con:
        writes.replace_partitions(con, "2017", _frames("2017", "v1"))
        assert _visible(con) == inside
    encryption.encrypt_copy(tmp_path / "plain.duckdb", tmp_path / "enc.duckdb", "k" * 20)
    monkeypatch.setenv("MONITOR_WAREHOUSE_KEY", "k" * 20)
    with warehouse.connect(tmp_path / "enc.duckdb", read_only=True) as con:
        assert _visible(con) == inside
        assert con.execute("SELECT count(*) FROM raw_file_rows").fetchone()[0] == 3
        assert con.execute("SELECT count(*) FROM raw_record_parts").fetchone()[0] == 0
        views = " ".join(t for _, t in con.execute(warehouse.sqlfiles.sql("raw/view_sql")).fetchall())
        assert "plain.duckdb.raw" not in views  # the encrypted file reads nothing from the plain store
    with warehouse.connect(tmp_path / "enc2.duckdb") as con:  # an encrypted warehouse's writes stay inside it
        writes.replace_partitions(con, "2017", _frames("2017", "v1"))
        assert _visible(con) == inside
    assert not (tmp_path / "enc2.duckdb.raw").exists()
