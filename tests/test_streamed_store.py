"""The streamed ingest with a raw store (assets/ingest/streamed.py, `store`): each file's bytes and its
raw records go into the store as they are read, and the write is handed only their references (no
bytes, no cells); what the warehouse then shows is what the in-memory path shows. A run that fails after
the ingest, before the period's commit, leaves nothing visible, only unreferenced files that `monitor gc`
deletes; the re-run replaces."""
import polars as pl
import pytest

from assets.core import periods, rawstore, warehouse, writes
from assets.ingest import streamed
from assets.ingest.streamed import Stored, ingest_validated, ingest_validated_in_warehouse, write_frames
from tests.test_streamed import _inbox

TABLES = ("raw_files", "raw_records", "raw_headers", "cards", "persons", "quarantine")


def _seen(con) -> dict:
    return {t: con.execute(f"SELECT COLUMNS(c -> c != 'loaded_at') FROM {t} ORDER BY ALL").fetchall() for t in TABLES}


def _store_files(store) -> set[str]:
    return {f"{d.name}/{p.name}" for d in (store / "files", store / "records") if d.is_dir() for p in d.iterdir()}


def test_the_ingest_stores_as_it_reads_and_hands_the_write_only_references(tmp_path, monkeypatch):
    root = _inbox(tmp_path / "in")
    p = periods.get("2017")
    got, res = ingest_validated(p, root)  # in memory (what the inside / encrypted / DuckLake paths keep)
    with warehouse.connect(tmp_path / "mem.duckdb") as con:
        writes.replace_partitions(con, "2017", {"raw_files": got.files, "raw_records": got.records, "cards": res.cards,
                                                   "persons": res.persons, "quarantine": res.quarantine})
        want = _seen(con)
    monkeypatch.setattr(streamed, "RECORDS_PER_PART", 50)  # several Parquet parts for the period
    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as con:
        store = rawstore.location(con)
        sgot, sres = ingest_validated_in_warehouse(con, p, root)
        assert isinstance(sgot, Stored)
        frames = {**write_frames(sgot), "cards": sres.cards, "persons": sres.persons, "quarantine": sres.quarantine}
        # no file's bytes and no record's cells are held for the write: only the references
        for name, df in frames.items():
            assert "content" not in df.columns and "cells" not in df.columns, name
            assert pl.Binary not in df.dtypes, name
        assert "cells" not in sgot.records.columns and sgot.records.height == got.records.height > 0
        assert frames["raw_record_parts"].height >= 3
        assert frames["raw_record_parts"]["records"].sum() == got.records.height
        # already in the store before the write: the files read and the parts
        read = got.files.filter(pl.col("content").is_not_null())
        assert {f"files/{s}" for s in read["sha256"]} <= _store_files(store)
        assert sres.cards.equals(res.cards) and sres.quarantine.equals(res.quarantine)
        counts = writes.replace_partitions(con, "2017", frames, release=True)
        assert counts["raw_files"] == got.files.height and counts["raw_records"] == got.records.height
        assert _seen(con) == want
        assert not con.execute("SELECT count(*) FROM raw_file_rows").fetchone()[0]
        assert rawstore.gc(con)["files"] == 0  # everything the ingest stored is referenced


def test_a_crash_after_the_ingest_before_the_commit_leaves_nothing_visible(tmp_path, monkeypatch):
    from pipelines import cli

    root = _inbox(tmp_path / "in")
    p = periods.get("2017")
    path = tmp_path / "w.duckdb"
    monkeypatch.setenv("MONITOR_WAREHOUSE", str(path))
    with warehouse.connect(path) as con:
        store = rawstore.location(con)
        empty = _seen(con)
        got, res = ingest_validated_in_warehouse(con, p, root)
        assert _store_files(store)  # the ingest stored the files and records ...
        frames = {**write_frames(got), "cards": res.cards, "persons": res.persons, "quarantine": res.quarantine}

        def crash(*a, **k):
            raise RuntimeError("killed after the ingest, before the commit")

        monkeypatch.setattr(rawstore, "define_views", crash)
        with pytest.raises(RuntimeError, match="killed"):
            writes.replace_partitions(con, "2017", frames)
        monkeypatch.undo()
        monkeypatch.setenv("MONITOR_WAREHOUSE", str(path))
        assert _seen(con) == empty  # ... but nothing is visible
        assert not rawstore.referenced(con)
    assert cli.main(["gc"]) == 0
    assert _store_files(store) == set()
    with warehouse.connect(path) as con:  # the re-run stores again, and replaces (twice: never appends)
        for _ in range(2):
            got, res = ingest_validated_in_warehouse(con, p, root)
            writes.replace_partitions(con, "2017", {**write_frames(got), "cards": res.cards, "persons": res.persons,
                                                       "quarantine": res.quarantine})
        seen = _seen(con)
        assert len(seen["raw_records"]) == got.records.height and len(seen["raw_files"]) == got.files.height
        left = {n.replace(".parquet", "") for n in _store_files(store)}
        assert left == rawstore.referenced(con)  # the first run's parts, superseded, are gone


def test_kept_inside_the_ingest_keeps_the_old_in_memory_path(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_RAW_STORE", "inside")
    root = _inbox(tmp_path / "in")
    p = periods.get("2017")
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        got, res = ingest_validated_in_warehouse(con, p, root)
        assert not isinstance(got, Stored) and "content" in got.files.columns and "cells" in got.records.columns
        with pytest.raises(ValueError, match="keeps it inside"):
            writes.replace_partitions(con, "2017", {"raw_file_index": got.files.drop("content"),
                                                       "raw_record_parts": None})
        writes.replace_partitions(con, "2017", {**write_frames(got), "cards": res.cards})
        inside = _seen(con)
        assert con.execute("SELECT count(*) FROM raw_record_rows").fetchone()[0] == got.records.height > 0
    # the same period written again through the store: its rows kept inside are deleted (one place)
    monkeypatch.delenv("MONITOR_RAW_STORE")
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        sgot, res = ingest_validated_in_warehouse(con, p, root)
        assert isinstance(sgot, Stored)
        writes.replace_partitions(con, "2017", {**write_frames(sgot), "cards": res.cards})
        assert _seen(con) == inside
        assert con.execute("SELECT count(*) FROM raw_record_rows").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM raw_file_rows").fetchone()[0] == 0
