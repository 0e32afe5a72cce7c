"""Issue 15 (branch i15n): the streamed ingest puts a period's bytes and raw records into the raw store in
a thread of its own (assets/ingest/streamed.py, `_Storer`), building the plain CSVs' cells there; the
warehouse write inserts long frames in row-group batches (assets/core/writes.py, `insert`). Neither
may change a byte of what is stored: the same records, in the same order, in the same parts; the same
rows in every table; an error of the thread fails the ingest."""
import datetime as dt
import threading

import polars as pl
import pyarrow as pa
import pytest
from polars.testing import assert_frame_equal

from assets.core import periods, rawstore, warehouse, writes
from assets.ingest import streamed
from assets.ingest.streamed import ingest_validated
from tests.test_streamed import _inbox

def _box(tmp_path, monkeypatch):
    root = _inbox(tmp_path / "in")
    # a plain CSV whose records validation types from their cells after all (table_frames: None, as for
    # records not all in the table): the ingest then builds its cells itself, not the storing thread
    (root / "cards" / "2017" / "cells.csv").write_text(
        "card_id,date,city,form,topic,participants\n2017-T-1,2017-05-03,Алматы,picket,\"Тема, \"\"в кавычках\"\"\",5\n",
        encoding="utf-8")
    real = streamed.table_frames
    monkeypatch.setattr(streamed, "table_frames", lambda ts, where: None if ts[0].headers[-1] == "participants"
                        else real(ts, where))
    return root


def _parts(store, parts: pl.DataFrame) -> pl.DataFrame:
    # the records as the view shows them (a plain CSV's records are kept as their lines: cells built when read)
    return pl.concat([rawstore.read_part(rawstore.part_path(store, sha)) for sha in parts["sha256"]])


def test_the_parts_hold_the_records_of_the_in_memory_path_in_its_order(tmp_path, monkeypatch):
    root = _box(tmp_path, monkeypatch)
    p = periods.get("2017")
    got, res = ingest_validated(p, root)  # in memory: every record's cells built in line, by ingest
    assert got.records.filter(pl.col("source_file").str.ends_with("cells.csv"))["cells"].to_list() == [
        '["2017-T-1","2017-05-03","Алматы","picket","Тема, \\"в кавычках\\"","5"]']
    monkeypatch.setattr(streamed, "RECORDS_PER_PART", 50)  # several parts, each closed by the thread
    store = tmp_path / "store"
    sgot, sres = ingest_validated(p, root, store=store)
    stored = _parts(store, sgot.parts)
    assert sgot.parts.height >= 3 and sgot.parts["records"].to_list() == [
        pl.read_parquet(rawstore.part_path(store, s)).height for s in sgot.parts["sha256"]]
    # the same records, cells to the byte, in the same order (the parts are written in the files' order)
    assert_frame_equal(stored.drop("loaded_at"), got.records.select(list(rawstore.RAW_RECORD_COLUMNS)).drop("loaded_at"))
    assert_frame_equal(sgot.records.drop("loaded_at", strict=False),
                       got.records.select(streamed._PLACE_COLUMNS).drop("loaded_at", strict=False))
    assert_frame_equal(sgot.headers.drop("period"), got.records.select("header_id", pl.col("header").cast(pl.Utf8))
                       .unique("header_id").sort("header_id"))
    assert sres.cards.equals(res.cards) and sres.persons.equals(res.persons) and sres.quarantine.equals(res.quarantine)
    # every file read is in the store under its sha256 (hashed once, by the storing thread), and the stored
    # path's raw_files name the same digests as the in-memory path's (hashed by ingest)
    read = got.files.filter(pl.col("content").is_not_null())
    for sha, content in zip(read["sha256"], read["content"]):
        assert rawstore.blob_path(store, sha).read_bytes() == content
    assert read.height >= 3 and sgot.files.select("source_file", "sha256").equals(got.files.select("source_file", "sha256"))
    assert not [t for t in threading.enumerate() if t.name.startswith("rawstore")]  # the thread is gone


def test_an_error_of_the_storing_thread_fails_the_ingest(tmp_path, monkeypatch):
    root = _box(tmp_path, monkeypatch)

    def full_disk(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rawstore, "put_records", full_disk)
    monkeypatch.setattr(streamed, "RECORDS_PER_PART", 50)
    with pytest.raises(OSError, match="No space left"):
        ingest_validated(periods.get("2017"), root, store=tmp_path / "store")
    assert not [t for t in threading.enumerate() if t.name.startswith("rawstore")]


def test_a_long_frame_is_inserted_whole_in_row_group_batches(tmp_path, monkeypatch):
    monkeypatch.setattr(writes, "ROW_GROUP_ROWS", 1000)
    seen = []

    class Spy:  # the connection, noting the chunks of what is registered
        def __init__(self, con):
            self.con = con

        def register(self, name, arrow):
            seen.append([len(c) for c in arrow.column(0).chunks])
            return self.con.register(name, arrow)

        def __getattr__(self, name):
            return getattr(self.con, name)

    n = 2_750
    df = pl.DataFrame({
        "period": ["2017"] * n, "card_id": [f"2017-B-{i:05d}" for i in range(n)],
        "date": [dt.date(2017, 1, 1) + dt.timedelta(days=i % 365) for i in range(n)],
        "note": [None if i % 7 == 0 else "запись " * (i % 5) + str(i) for i in range(n)],
        "count": [None if i % 11 == 0 else i * 3 for i in range(n)],
    })
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        con.execute("CREATE TABLE t (period VARCHAR, card_id VARCHAR, date DATE, note VARCHAR, count BIGINT)")
        monkeypatch.setattr(warehouse.sqlfiles, "for_table", lambda name, table, **k: f'INSERT INTO "{table}" BY NAME '
                            "SELECT * FROM _incoming")
        writes.insert(Spy(con), "t", df)
        back = pl.from_arrow(con.execute("SELECT * FROM t ORDER BY rowid").fetch_arrow_table())
    assert seen == [[1000, 1000, 750]]
    assert_frame_equal(back, df)


def test_a_frame_of_short_chunks_goes_in_one_row_group_at_a_time(tmp_path, monkeypatch):
    """Validation's clean cards come in one chunk per file: they are joined one row group at a time
    (never the whole frame at once) and read back whole, in order."""
    monkeypatch.setattr(writes, "ROW_GROUP_ROWS", 1000)
    n = 2_750
    whole = pl.DataFrame({"card_id": [f"2017-C-{i:05d}" for i in range(n)],
                          "note": [None if i % 7 == 0 else "запись " * (i % 5) + str(i) for i in range(n)],
                          "count": [None if i % 11 == 0 else i * 3 for i in range(n)]})
    df = pl.concat([whole.slice(o, 300) for o in range(0, n, 300)], rechunk=False)
    assert df.n_chunks() == 10
    batches = writes.row_group_batches(df.to_arrow())
    assert isinstance(batches, pa.RecordBatchReader)  # read lazily, not joined up front
    assert [b.num_rows for b in batches] == [1000, 1000, 750]
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        con.execute("CREATE TABLE t (card_id VARCHAR, note VARCHAR, count BIGINT)")
        monkeypatch.setattr(warehouse.sqlfiles, "for_table", lambda name, table, **k: f'INSERT INTO "{table}" BY NAME '
                            "SELECT * FROM _incoming")
        writes.insert(con, "t", df)
        back = pl.from_arrow(con.execute("SELECT * FROM t ORDER BY rowid").fetch_arrow_table())
    assert_frame_equal(back, whole)
