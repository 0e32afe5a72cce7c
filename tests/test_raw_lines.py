"""Issue 15 (branch i15r): the raw store keeps a plain CSV's record as the text of its line (`line`, `sep`:
assets/ingest/inbox.py table_lines, views into the file's bytes) instead of its cells' JSON, where the line
has no quote and every cell of its header; the view raw_records (sql/raw/part_records.sql), erasure's copy of
a part and private_names (raw.cells_of_lines) build the cells from it. What a reader sees must not change by
a byte: the same records with the same cells as the strict reader's, in parts of lines, of cells, or both;
names in such records are found by private_names and erased from every part."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import polars as pl
from hypothesis import HealthCheck, example, given, settings, strategies as st
from polars.testing import assert_frame_equal

from assets.core import periods, raw, rawstore, warehouse, writes
from assets.ingest import inbox as inbox_mod, streamed
from assets.ingest.readers import read_file
from assets.ingest.streamed import ingest_validated, ingest_validated_in_warehouse, write_frames
from assets.validate import erasure, redaction
from benchmarks.generate import generate_inbox
from tests.conftest import examples
from tests.test_vectorised import csv_files

T0 = inbox_mod.dt.datetime(2017, 1, 1)


def _part_cells(path: Path) -> list[str]:
    """The cells of a stored part as DuckDB's view builds them (sql/raw/part_records.sql), in the part's order."""
    text = rawstore.part_records_sql().replace("__parts__", rawstore.parts_source([rawstore.quoted(path)]))
    return duckdb.connect().execute(text).pl()["cells"].to_list()


@settings(max_examples=examples(60, 600), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                                  HealthCheck.function_scoped_fixture])
@given(csv_files())
@example(('card_id,notes\n1,""\n2,"a"\n3,a\\tb\n4,\n'.encode(), "cards.csv"))
@example(("card_id,notes,topic\n1,2,3\n,,\nx\n".encode(), "cards.csv"))  # a blank row's separators make up a short row's
def test_a_plain_files_lines_give_the_strict_readers_cells(tmp_path, case):
    raw_bytes, name = case
    path = Path("/nonexistent") / name
    fast, strict = read_file(path, raw_bytes), read_file(path, raw_bytes, fast=False)
    if not fast.tables:
        return
    t = fast.tables[0]
    want = [raw.cells_json(r.data.values()) for r in strict.records]
    header = (raw.header_id(raw.header_json(t.headers)), raw.header_json(t.headers))
    recs = inbox_mod._table_records("2017", "cards/2017/" + name, t, T0, header, cells=False)
    kept = inbox_mod.table_lines(recs, t, raw_bytes)
    text = raw_bytes.decode(fast.encoding)
    lines = text.splitlines()
    for line, cells, r in zip(kept["line"], kept["cells"], strict.records):
        assert (line is None) != (cells is None)  # one form or the other
        if line is not None:  # the line as the file holds it (its end left out), with no quote
            assert line == lines[r.row_no - 1].lstrip("\ufeff") and '"' not in line
            assert raw.cells_of_line(line, t.lines.sep) == raw.cells_json(r.data.values())
    assert raw.cells_of_lines(kept)["cells"].to_list() == want  # Polars, as private_names reads a part
    store = tmp_path / "store"
    rawstore._dirs(store)
    sha, _ = rawstore.put_records(store, kept)
    assert _part_cells(rawstore.part_path(store, sha)) == want  # DuckDB, as the view raw_records reads it
    assert rawstore.read_part(rawstore.part_path(store, sha))["cells"].to_list() == want


_PIECES = ["a", "Ж", "", " ", ",", ";", "\t", "\\", "\\\\", "\x7f", "\u0085", "\u2028", "ё\\t", "'", "[", "]", "{"]


@settings(max_examples=examples(40, 400), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from([",", ";", "\t"]), st.lists(st.sampled_from(_PIECES), max_size=8)),
                min_size=1, max_size=12))
def test_the_cells_of_any_line_as_json_dumps_writes_them(tmp_path, rows):
    lines = [(sep, "".join(pieces)) for sep, pieces in rows]
    frame = pl.DataFrame({"cells": [None] * len(lines), "line": [ln for _, ln in lines], "sep": [s for s, _ in lines]},
                         schema={"cells": pl.Utf8, "line": pl.Utf8, "sep": pl.Utf8})
    want = [json.dumps(ln.split(sep), ensure_ascii=False, separators=(",", ":")) for sep, ln in lines]
    assert raw.cells_of_lines(frame)["cells"].to_list() == want
    path = tmp_path / "p.parquet"
    frame.write_parquet(path)
    con = duckdb.connect()
    got = con.execute(rawstore.part_records_sql().replace(
        "__parts__", f"(SELECT NULL AS period, NULL AS record_id, NULL AS source_file, NULL AS sheet, NULL AS row_no, "
                     f"NULL AS kind, NULL AS header_id, NULL AS loaded_at, * FROM read_parquet({rawstore.quoted(path)}))"
    )).fetchall()
    assert [r[7] for r in got] == want  # period, record_id, source_file, sheet, row_no, kind, header_id, cells


def _hostile_inbox(tmp: Path) -> Path:
    """Generated cards (windows-1251, bad rows) and plain CSVs of every shape a line can take: \\r\\n ends, a BOM,
    tabs and semicolons as separators, tabs and backslashes inside cells, short rows, blank rows, quoted cells,
    a line without its end; a YAML card (no line) and a person without a card whose name is in a plain line."""
    generate_inbox(tmp, 300, ("2017",), seed=5, bad_share=0.1, cp1251_share=0.3)
    box = tmp / "cards" / "2017"
    head = "card_id,date,city,form,topic,character,organizer_type,participants,permission_requested,reason_not_applied,source_type"
    row = "{},2017-05-03,Алматы,picket,{},social,spontaneous,5,нет,unknown,monitor"
    (box / "crlf.csv").write_bytes(("\r\n".join([head, row.format("2017-L-1", "Тема\\с\\обратной"),
                                                row.format("2017-L-2", "Тема\tс табом"),
                                                "2017-L-3,2017-05-03,Алматы",  # a short row: its cells as JSON
                                                row.format("2017-L-4", '"в кавычках, с запятой"'),
                                                row.format("2017-L-9", '"в кавычках"')]) + "\r\n").encode())
    (box / "bom.csv").write_bytes(("\n".join([head, row.format("2017-L-5", "Тема"), "", ",,,", row.format("2017-L-6", "x")])
                                   ).encode("utf-8-sig"))  # blank rows, no end on the last line
    (box / "tabs.csv").write_bytes(("\n".join([head.replace(",", "\t"), row.format("2017-L-7", "a;b").replace(",", "\t")])
                                    + "\n").encode("cp1251"))
    (box / "semi.csv").write_bytes(("\n".join([head.replace(",", ";"), row.format("2017-L-8", "a,b").replace(",", ";")])
                                    + "\n").encode())
    (box / "one.yaml").write_text("card_id: 2017-Y-1\ndate: 2017-06-01\ncity: Астана\nform: picket\nparticipants: '3'\n",
                                  encoding="utf-8")
    (box / "z_persons.csv").write_text("person_id,card_id,role,name,detained,public\n"
                                       "P1,2017-NONE-1,detainee,Сиротин Безкарточный,да,нет\n", encoding="utf-8")
    return tmp


def test_the_store_and_its_view_hold_the_in_memory_records(tmp_path, monkeypatch):
    monkeypatch.delenv("MONITOR_RAW_STORE", raising=False)
    root = _hostile_inbox(tmp_path / "in")
    p = periods.get("2017")
    got, res = ingest_validated(p, root)  # in memory: every record's cells as JSON
    monkeypatch.setattr(streamed, "RECORDS_PER_PART", 120)  # several parts, the YAML card's perhaps alone
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        sgot, sres = ingest_validated_in_warehouse(con, p, root)
        store = rawstore.location(con)
        parts = [pl.read_parquet(rawstore.part_path(store, s)) for s in sgot.parts["sha256"]]
        kept = pl.concat(parts, how="diagonal")
        # most records are kept as their lines; the quoted, short and non-CSV ones as their cells
        assert kept["line"].is_not_null().sum() > kept.height / 2
        assert kept.filter(pl.col("line").is_null())["cells"].is_not_null().all()
        assert not kept["line"].str.contains('"', literal=True).any()  # a quoted cell is never split from its line
        assert {"2017-L-3", "2017-L-4", "2017-L-9", "2017-Y-1"} <= {r["card_id"] for r in (json.loads(c) for c in kept["cells"].drop_nulls())
                                                        if isinstance(r, dict)} | {json.loads(c)[0] for c in kept["cells"].drop_nulls()
                                                                                   if c.startswith("[")}
        frames = {**write_frames(sgot), "cards": sres.cards, "persons": sres.persons, "quarantine": sres.quarantine}
        writes.replace_partitions(con, "2017", frames)
        cols = list(rawstore.RAW_RECORD_COLUMNS)
        seen = con.execute("SELECT * EXCLUDE (loaded_at) FROM raw_records ORDER BY record_id").pl()
        want = got.records.select(cols).drop("loaded_at").sort("record_id")
        assert_frame_equal(seen, want, check_dtypes=False)  # cells to the byte, through the view
        # private_names reads the unclean records' cells from the parts: the orphan person's name, kept in a line
        assert kept.filter(pl.col("line").str.contains("Сиротин", literal=True))["line"].len() == 1
        assert "Сиротин Безкарточный" in redaction.private_names(con, "2017")
        # erasure: every part holding the name rewritten with the name redacted, in every column of every part
        e = erasure.erase(con, name="Сиротин Безкарточный", by="test")
        assert e.records >= 1
        after = con.execute("SELECT cells FROM raw_records WHERE cells LIKE '%REDACTED%'").fetchall()
        assert after and not con.execute("SELECT count(*) FROM raw_records WHERE cells LIKE '%Сиротин%'").fetchone()[0]
        for part in (store / "records").iterdir():
            df = pl.read_parquet(part)
            for col, dtype in df.schema.items():
                if dtype == pl.Utf8:
                    assert not df[col].str.contains("Сиротин", literal=True).any(), (part, col)
        # the records are the same but for the name (a part of lines beside a part of cells, read by name)
        again = con.execute("SELECT record_id, cells FROM raw_records ORDER BY record_id").fetchall()
        assert len(again) == want.height
        assert [c for _, c in again] == [c.replace("Сиротин Безкарточный", e.marker) for c in want["cells"]]


def test_a_part_of_cells_and_a_part_of_lines_are_read_together(tmp_path, monkeypatch):
    """A period written before records were kept as lines (its part has no `line`, `sep`) beside one written now:
    the view reads both by name, each record with its cells."""
    monkeypatch.delenv("MONITOR_RAW_STORE", raising=False)
    root = _hostile_inbox(tmp_path / "in")
    got, _ = ingest_validated(periods.get("2017"), root)  # in memory: every record's cells as JSON
    old = got.records.with_columns(pl.lit("2016").alias("period"))
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        writes.replace_partitions(con, "2016", {"raw_records": old})  # staged as before: a part of cells only
        sgot, _ = ingest_validated_in_warehouse(con, periods.get("2017"), root)
        writes.replace_partitions(con, "2017", write_frames(sgot))
        store = rawstore.location(con)
        schemas = {s: set(pl.read_parquet_schema(rawstore.part_path(store, s))) for (s,) in
                   con.execute("SELECT sha256 FROM raw_record_parts").fetchall()}
        assert any("line" in c for c in schemas.values()) and any("line" not in c for c in schemas.values())
        seen = con.execute("SELECT period, record_id, cells FROM raw_records ORDER BY period, record_id").fetchall()
    want = sorted(got.records.select("record_id", "cells").iter_rows())
    assert [(r, c) for p, r, c in seen if p == "2016"] == want
    assert [(r, c) for p, r, c in seen if p == "2017"] == want
