"""Ingest and validation file by file (assets/ingest/streamed.py) give what `ingest` followed by
`validate_period` give on the records sorted as the raw_cards asset sorts them: the same raw files
(scan order), raw records, cards, persons, events and quarantine rows, on an inbox whose scan
order is not the order of its names, with plain CSVs, a lying CSV (strict reader), windows-1251, a
file read record by record (JSON with numbers), YAML, a refused file, a hidden one, bad rows and
ids shared across files."""
import json
from pathlib import Path

import polars as pl
from polars.testing import assert_frame_equal

from assets.core import periods
from assets.ingest import inbox as inbox_mod
from assets.ingest.streamed import ingest_validated
from assets.validate.validate import validate_period
from benchmarks.generate import generate_inbox


def _inbox(tmp: Path) -> Path:
    generate_inbox(tmp, 400, ("2017",), seed=3, bad_share=0.1, cp1251_share=0.3)
    box = tmp / "cards" / "2017"
    made = sorted(box.glob("*.csv"))
    cards = next(p for p in made if "persons" not in p.name and p.read_bytes().isascii() is False)
    lines = cards.read_bytes().splitlines(keepends=True)
    head, body = lines[0], lines[1:]
    # "b.csv" is scanned before "a/x.csv" (a folder's files come before its subfolders), sorted after it;
    # "a.csv" sorts before "a/x.csv" ('.' < '/')
    (box / "a").mkdir()
    (box / "a" / "x.csv").write_bytes(head + b"".join(body[:60]) + body[0])  # ends with a duplicate of its first card
    (box / "b.csv").write_bytes(head + b"".join(body[60:120]))
    (box / "a.csv").write_bytes(head + b"".join(body[120:180]))
    (box / "lying.csv").write_bytes(head + body[180] + b'"an open quote,' + b"".join(body[181:190]))  # the strict reader
    cards.write_bytes(head + b"".join(body[190:]))
    (box / "numbers.json").write_text(json.dumps([
        {"card_id": "2017-J-1", "date": "2017-05-03", "city": "Алматы", "form": "picket", "topic": "Тема",
         "character": "social", "organizer_type": "spontaneous", "participants": 15, "permission_requested": False,
         "reason_not_applied": "unknown", "source_type": "monitor", "police_count": 2, "police_present": True},
        {"card_id": "2017-J-2", "date": "2017-13-03", "city": "Нигде", "participants": -4},
    ], ensure_ascii=False), encoding="utf-8")
    (box / "one.yaml").write_text("card_id: 2017-Y-1\ndate: 2017-06-01\ncity: Астана\nform: picket\nparticipants: '3'\n",
                                  encoding="utf-8")
    # a plain CSV (the fast reader's) whose cells hold DEL and C1 control characters: the only ones a plain
    # file can hold, so the only file whose text cells and links are searched for them (fastcsv.Table.controls)
    header = ("card_id,date,city,form,topic,character,organizer_type,participants,permission_requested,reason_not_applied,"
              "source_type,source_links\n")
    (box / "del.csv").write_text(header + "2017-C-1,2017-05-03,Алматы,picket,Тема\x7f,social,spontaneous,5,нет,unknown,monitor,\n",
                                 encoding="utf-8")
    (box / "c1.csv").write_text(
        header +
        "2017-C-2,2017-05-03,Алматы,picket,Тема \u0090,social,spontaneous,5,нет,unknown,monitor,https://a.kz/1\n"
        "2017-C-3,2017-05-03,Алматы,picket,Тема,social,spontaneous,5,нет,unknown,monitor,https://a.kz/\u0091\n"
        "2017-C-4,2017-05-03,Алматы,picket,Тема,social,spontaneous,5,нет,unknown,monitor,https://a.kz/2\n", encoding="utf-8")
    # a bidi isolate in a cell, beside the marks U+200F and the dash, quotes and ellipsis (\xe2\x80\x..) that pass
    (box / "bidi.csv").write_text(
        header + "2017-C-5,2017-05-03,Алматы,picket,Тема \u2067abc\u2069,social,spontaneous,5,нет,unknown,monitor,\n"
        "2017-C-6,2017-05-03,Алматы,picket,Тема \u200f— «“…”»,social,spontaneous,5,нет,unknown,monitor,\n", encoding="utf-8")
    (box / "broken.xlsx").write_bytes(b"not a workbook")
    (box / ".hidden.csv").write_bytes(head)
    return tmp


def _same(a: pl.DataFrame, b: pl.DataFrame) -> None:
    assert_frame_equal(a.drop("loaded_at", strict=False), b.drop("loaded_at", strict=False))


def test_file_by_file_equals_ingest_then_validate(tmp_path):
    root = _inbox(tmp_path)
    p = periods.get("2017")
    got = inbox_mod.ingest("2017", root)
    scan = [e.rel for e in inbox_mod.scan("2017", root)]
    assert scan != sorted(scan)  # the case that matters: scan order and name order differ
    assert any(len(ts) for ts in got.tables.values()) and got.records.filter(~pl.col("source_file").is_in(list(got.tables))).height
    records = got.records.sort(["source_file", "sheet", "row_no"])  # as the raw_cards asset hands them over
    elsewhere = {"2017-J-1": "2016"}
    first = records.filter(pl.col("kind") == "card").row(3, named=True)
    incumbents = {json.loads(first["cells"])[0]: first["record_id"]}
    ref = validate_period(p, records, got.files, elsewhere, incumbents, got.tables)
    streamed, res = ingest_validated(p, root, elsewhere, incumbents)
    _same(streamed.files, got.files)
    _same(streamed.records, records)
    assert not streamed.tables
    for name in ("cards", "persons", "quarantine", "events"):
        _same(getattr(res, name), getattr(ref, name))
    rules = set(res.quarantine["rule"].to_list())  # the mix holds what it should
    assert {"file_unreadable", "inbox_refused", "card_id_unique_across_periods"} <= rules, rules
    assert res.quarantine.filter(pl.col("source_file") == "cards/2017/numbers.json").height
    assert res.cards.height > 300
    odd = ("cards/2017/c1.csv", "cards/2017/del.csv", "cards/2017/bidi.csv")
    assert all(got.tables[rel][0].controls for rel in odd)
    assert not any(t.controls for rel, ts in got.tables.items() if rel not in odd for t in ts)
    controls = res.quarantine.filter(pl.col("rule") == "type:control_character")
    assert sorted(zip(controls["card_id"], controls["field"])) == [
        ("2017-C-1", "topic"), ("2017-C-2", "topic"), ("2017-C-3", "source_links"), ("2017-C-5", "topic")]
    assert {"2017-C-4", "2017-C-6"} <= set(res.cards["card_id"].to_list())


def test_an_empty_inbox(tmp_path):
    (tmp_path / "cards" / "2017").mkdir(parents=True)
    got, res = ingest_validated(periods.get("2017"), tmp_path)
    assert got.files.height == got.records.height == res.cards.height == res.quarantine.height == 0


def test_a_write_that_is_handed_the_frames_stores_the_same_rows(tmp_path):
    """replace_partitions(release=True) empties the caller's dict (each frame let go once DuckDB holds
    it) and stores what the same write without it stores."""
    from assets.core import warehouse, writes

    root = _inbox(tmp_path / "in")
    got, res = ingest_validated(periods.get("2017"), root)
    tables = ("raw_files", "raw_records", "raw_headers", "cards", "persons", "quarantine")
    stored = []
    for release in (False, True):
        frames = {"raw_files": got.files, "raw_records": got.records, "cards": res.cards, "persons": res.persons,
                  "quarantine": res.quarantine}
        with warehouse.connect(tmp_path / f"w{release}.duckdb") as con:
            writes.replace_partitions(con, "2017", frames, release=release)
            stored.append({t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables})
        assert bool(frames) is not release
    assert stored[0] == stored[1] and len(stored[0]["raw_records"]) == got.records.height > 0
