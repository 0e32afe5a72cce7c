"""Issue 15: the raw layer keeps each record's values once (a JSON array, `cells`) and each header once
per period (raw_headers); what a monitor typed is still recoverable exactly, and a warehouse written
in the old format (a JSON object per record in raw_records.data) is converted without losing a byte."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import polars as pl
from polars.testing import assert_frame_equal

from assets.core import periods, raw, raw_migration
from assets.core import warehouse as wh, writes
from assets.ingest.inbox import card_files, ingest
from assets.ingest.readers import jsonable, read_file
from assets.validate.validate import validate_period

# raw_records as sql/tables/020_raw_records.sql created it before issue 15's format
OLD_DDL = """CREATE TABLE raw_records (period VARCHAR NOT NULL, record_id VARCHAR NOT NULL, source_file VARCHAR NOT NULL,
    sheet VARCHAR NOT NULL, row_no INTEGER NOT NULL, kind VARCHAR NOT NULL, data VARCHAR NOT NULL, loaded_at TIMESTAMP NOT NULL)"""


def _inbox(root: Path) -> Path:
    box = root / "cards" / "2017"
    box.mkdir(parents=True)
    (box / "a.csv").write_text('card_id,date,city,notes,лишняя колонка\n2017-A-1,2017-05-03,Алматы,"он сказал ""нет""",x\n'
                               "2017-A-2,03.05.2017,almaty,a\\b\tc,\n", encoding="utf-8")
    (box / "b.csv").write_bytes("card_id;Город;Дата\n2017-B-1;Уральск;2017-06-01\n".encode("cp1251"))
    (box / "c.json").write_text(json.dumps([
        {"card_id": "2017-C-1", "date": "2017-07-01", "participants": 12, "links": ["http://a.kz/1", "http://b.kz"],
         "notes": None, "sanctioned": True, "share": 0.1, "persons": [{"person_id": "p1", "name": "Иван \"И\" Петров"}]},
        {"card_id": "2017-C-2", "city": "Астана", "extra": {"nested": [1, 2.5, "три"]}, "big": 123456789012345678901234567890},
    ], ensure_ascii=False), encoding="utf-8")
    (box / "d.yaml").write_text("card_id: 2017-D-1\ndate: 2017-08-01\nparticipants: 5\ncity: ~\n", encoding="utf-8")
    return root


def _old_rows(root: Path) -> list[dict]:
    """The old raw_records rows, as the old code wrote them: readers.jsonable of each record."""
    out = []
    for p in card_files("2017", root):
        rel = p.relative_to(root).as_posix()
        for r in read_file(p, fast=False).records:
            out.append({"period": "2017", "record_id": f"{rel}#{r.sheet}:{r.row_no}", "source_file": rel, "sheet": r.sheet,
                        "row_no": r.row_no, "kind": r.kind, "data": jsonable(r.data), "loaded_at": dt.datetime(2026, 1, 1)})
    return out


def test_records_come_back_exactly(tmp_path):
    root = _inbox(tmp_path / "inbox")
    got = ingest("2017", root)
    old = {r["record_id"]: r["data"] for r in _old_rows(root)}
    recs = got.records
    assert "cards/2017/a.csv" in got.tables  # a plain CSV: its cells built per column (fastcsv.Table.cells_json)
    assert recs.height == len(old) == 7 and "data" not in recs.columns
    for rid, header, cells in recs.select("record_id", "header", "cells").iter_rows():
        assert raw.data_json(header, cells) == old[rid]           # the old JSON object, to the byte
        assert json.loads(cells) == list(json.loads(old[rid]).values())
    # each header once in the warehouse; every record finds its header
    with wh.connect(tmp_path / "w.duckdb") as con:
        writes.replace_partitions(con, "2017", {"raw_files": got.files, "raw_records": recs})
        heads = con.execute("SELECT count(*), count(DISTINCT header_id) FROM raw_headers").fetchone()
        orphans = con.execute("SELECT count(*) FROM raw_records r ANTI JOIN raw_headers h USING (period, header_id)").fetchone()[0]
    assert heads[0] == heads[1] == recs["header_id"].n_unique() and orphans == 0


def test_old_warehouse_is_converted_to_the_byte(tmp_path):
    root = _inbox(tmp_path / "inbox")
    rows = _old_rows(root)
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(OLD_DDL)
    con.executemany("INSERT INTO raw_records VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [list(r.values()) for r in rows])
    con.execute("INSERT INTO raw_records VALUES ('2016', 'x#s:2', 'x', 's', 2, 'card', 'not json', TIMESTAMP '2026-01-01')")
    con.close()
    with wh.connect(path) as con:  # converts
        cols = {c for (c,) in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'raw_records'").fetchall()}
        back = con.execute("SELECT r.record_id, r.source_file, r.sheet, r.row_no, r.kind, r.loaded_at, h.header, r.cells "
                           "FROM raw_records r JOIN raw_headers h USING (period, header_id) ORDER BY r.period DESC").fetchall()
        stored = wh.query(con, wh.read_sql("validate/raw_records_of_period"), {"period": "2017"})
        headers = wh.query(con, wh.read_sql("validate/raw_headers_of_period"), {"period": "2017"})
    assert "data" not in cols and {"header_id", "cells"} <= cols
    assert len(back) == len(rows) + 1
    for r, (rid, src, sheet, row_no, kind, loaded, header, cells) in zip(rows, back):
        assert (rid, src, sheet, row_no, kind, loaded) == (r["record_id"], r["source_file"], r["sheet"], r["row_no"], r["kind"], r["loaded_at"])
        assert raw.data_json(header, cells) == r["data"]
    assert raw.record_data(back[-1][6], back[-1][7]) == {"data": "not json"}  # kept whole, not dropped
    # validation from the converted warehouse = validation of the files read now
    p = periods.get("2017")
    got = ingest("2017", root)
    fresh = validate_period(p, got.records.sort(["source_file", "sheet", "row_no"]), got.files)
    again = validate_period(p, raw.with_header(stored, headers), got.files)
    for name in ("cards", "persons", "quarantine"):
        assert_frame_equal(getattr(again, name), getattr(fresh, name))
    with wh.connect(path) as con:  # a second connection finds nothing to do
        assert not raw_migration.needed(con)
        assert con.execute("SELECT count(*) FROM raw_records").fetchone()[0] == len(rows) + 1


def test_records_read_back_by_header_equal_the_reference(monkeypatch):
    """The `cards` asset validates records read back from the warehouse (header + cells): all-text
    ones are decoded per header as columns; the rest (numbers, a field named twice, cells that do not
    match their header) record by record. Both as validate_period_by_record says."""
    from assets.validate import validate as v

    recs = [
        ("card", {"card_id": "2017-R-1", "date": "2017-05-03", "city": "Алматы", "form": "picket", "participants": "12"}),
        ("card", {"card_id": "2017-R-2", "Дата": "03.05.2017", "city": None, "participants": "около 50", "notes": 'a "b" \\ c\t'}),
        ("card", {"card_id": "2017-R-3", "city": "Алматы", "Город": "", "participants": 7}),   # a number; city twice
        ("card", {"card_id": "2017-R-4", "city": "almaty", "Город": "Астана"}),                # city named twice, all text
        ("card", {}),
        ("person", {"card_id": "2017-R-1", "person_id": "p1", "name": "Иван Петров", "role": "detained"}),
    ]
    rows = [{"period": "2017", "record_id": f"f#s:{n}", "source_file": "f", "sheet": "s", "row_no": n, "kind": k,
             "header_id": raw.header_id(raw.header_json(d)), "cells": raw.cells_json(d.values()),
             "loaded_at": None, "header": raw.header_json(d)} for n, (k, d) in enumerate(recs, start=2)]
    rows.append(rows[0] | {"record_id": "f#s:9", "row_no": 9, "cells": '["2017-R-9","2017-05-03"]'})  # cells shorter than the header
    frame = pl.DataFrame(rows, schema=raw.RAW_RECORDS_FRAME)
    files = pl.DataFrame(schema={"source_file": pl.Utf8, "format": pl.Utf8, "problem": pl.Utf8, "warnings": pl.Utf8})
    p = periods.get("2017")
    calls = []
    real = v._text_cells

    def spy(rest, wide):
        out = real(rest, wide)
        calls.append((rest.height, out.height))
        return out

    monkeypatch.setattr(v, "_text_cells", spy)
    got = validate_period(p, frame, files)
    monkeypatch.undo()
    assert calls == [(7, 3)]  # 4 records as columns; the number, the field named twice, the short cells by record
    ref = v.validate_period_by_record(p, frame, files)
    for name in ("cards", "persons", "quarantine", "events"):
        assert_frame_equal(getattr(got, name), getattr(ref, name))
    short = ref.quarantine.filter(pl.col("record_id") == "f#s:9")
    assert "could not be read" in " ".join(short["reason"])
    assert "unreadable_record" in short["rule"].to_list()  # the quarantine rule code (then its empty fields, named)
