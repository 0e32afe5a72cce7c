"""Issue 15: the vectorised paths give exactly what the record-by-record reference gives.

- fast CSV ingest (assets/ingest/fastcsv.py) vs the strict reader, on generated CSVs that mix plain
  rows with every way a CSV can lie (quotes, line breaks in cells, extra cells, control characters,
  CR line ends, blank rows, BOM, windows-1251, three separators): same records, raw JSON, problem,
  encoding and warnings;
- column-by-column validation (validate_period, assets/validate/columns.py) vs
  validate_period_by_record, on generated mixes of good and bad cards and persons, read from the raw
  JSON and from the CSV frames: the same clean cards, persons, events and quarantine rows.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings, strategies as st
from polars.testing import assert_frame_equal

from assets.core import periods, raw as rawfmt
from assets.ingest import inbox as inbox_mod
from assets.ingest.readers import jsonable, read_file
from assets.validate.validate import validate_period, validate_period_by_record
from schemas.card import spec
from tests.conftest import examples

PLAIN = ["x", "Алматы", "", " ", "2017-05-03", "12", "да", '"a,b"', '"он сказал ""нет"""', '""', "a\\b", "a\tb", "Плакаты; Флаги"]
LYING = ['ab"c', '"abc"def', '"open', '"line\nbreak"', "\x1b[31m", "a\rb", "\x1c", ' "q" ']
HEADERS = ["card_id", "date", "city", "Форма", "topic", "participants", "notes", "unknown column", "Participants (low)"]


@st.composite
def csv_files(draw):
    sep = draw(st.sampled_from([",", ";", "\t"]))
    headers = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=5, unique=True))
    cells = st.sampled_from(PLAIN + (LYING if draw(st.booleans()) else []))
    rows = draw(st.lists(st.lists(cells, min_size=0, max_size=len(headers) + 1), min_size=0, max_size=6))
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    text = eol.join(sep.join(r) for r in [headers, *rows]) + draw(st.sampled_from(["", eol, eol + eol]))
    enc = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1251"]))
    try:
        return text.encode(enc), draw(st.sampled_from(["cards.csv", "x_persons.csv"]))
    except UnicodeEncodeError:
        return text.encode("utf-8"), "cards.csv"


def _records(fr) -> list[tuple]:
    return [(r.kind, r.sheet, r.row_no, list(r.data.items()), jsonable(r.data)) for r in fr.records]


@settings(max_examples=examples(100, 1000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_files())
def test_fast_csv_reads_what_the_strict_reader_reads(case):
    raw, name = case
    path = Path("/nonexistent") / name
    fast, strict = read_file(path, raw), read_file(path, raw, fast=False)
    assert (fast.problem, fast.encoding, fast.warnings) == (strict.problem, strict.encoding, strict.warnings)
    assert _records(fast) == _records(strict)
    if fast.tables:  # the raw_records rows built per column: the same ids, values and header
        t = fast.tables[0]
        header = (rawfmt.header_id(rawfmt.header_json(t.headers)), rawfmt.header_json(t.headers))
        frame = inbox_mod._table_records("2017", "cards/2017/" + name, t, inbox_mod.dt.datetime(2017, 1, 1), header)
        assert frame["cells"].to_list() == [rawfmt.cells_json(r.data.values()) for r in strict.records]
        assert set(frame["header"].cast(pl.Utf8)) == {rawfmt.header_json(r.data) for r in strict.records}
        # the record as the strict reader gave it, and its JSON object as the raw layer held it before, to the byte
        assert [rawfmt.record_data(h, c) for h, c in zip(frame["header"], frame["cells"])] == [r.data for r in strict.records]
        assert [rawfmt.data_json(h, c) for h, c in zip(frame["header"], frame["cells"])] == [jsonable(r.data) for r in strict.records]
        assert frame["record_id"].to_list() == [f"cards/2017/{name}#{r.sheet}:{r.row_no}" for r in strict.records]


def test_plain_files_take_the_fast_path_and_lying_ones_do_not():
    path = Path("/nonexistent/cards.csv")
    plain = "card_id,notes\n2017-1,\"a, b\"\n\n2017-2,\"он сказал \"\"нет\"\"\"\n".encode()
    assert read_file(path, plain).tables and len(read_file(path, plain).records) == 2
    for lying in ('card_id,notes\n2017-1,"open\n2017-2,x\n', 'card_id,notes\n2017-1,"a"b\n', "card_id,notes\n2017-1,a\rb\n"):
        assert not read_file(path, lying.encode()).tables


# --------------------------------------------------------------------------------- validation

def _values(f) -> list[str]:
    good = {
        "text": ["Тема", " с пробелами ", "x"],
        "int": ["5", " 12 ", "1 000", "10,0", "0"],
        "bool": ["да", "нет", "1", "true", "Нет "],
        "date": ["2017-05-03", "03.05.2017", "2017-12-31"],
        "time": ["15:00", "9:05", "15.30", "15:00:00"],
        "city": ["Алматы", "almaty", " Астана "],
        "links": ["http://a.kz/1", "http://a.kz/1; https://b.kz/2", " https://x.kz/a "],
        "codes": [";".join(list(f.codes)[:2]), ", ".join(v["ru"] for v in list(f.codes.values())[:2])],
    }.get(f.type) or [*list(f.codes)[:3], *(v["ru"] for v in list(f.codes.values())[:2]), " " + list(f.codes)[0].upper()]
    bad = {
        "text": ["a\x1bb", "\x1c", "abc\x1c", "x" * 100_001],
        "int": ["-3", "около 50", "99999999999999999999", "2000000", "+7", "٣"],
        "bool": ["maybe", "2"],
        "date": ["2017-02-30", "2016-12-31", "3.5.2017", "0000-01-01", "17.05.17"],
        "time": ["25:00", "abc"],
        "city": ["Москва"],
        "links": ["ftp://x", "https://x.kz/a\x07"],
        "codes": ["placards;;", "bad;flags"],
    }.get(f.type, ["нечто", "RALLY!"])
    return good * 6 + bad + ["", " "]


def _record(kind: str, draw, ids) -> dict:
    out = {}
    for name, f in spec().fields(kind).items():
        if name in ("card_id", "person_id"):
            out[name] = draw(st.sampled_from(ids))
        elif draw(st.integers(0, 3)) or f.required:
            out[draw(st.sampled_from([name, f.ru]))] = draw(st.sampled_from(_values(f)))
    return out


@st.composite
def periods_of_cards(draw):
    ids = ["2017-A-1", "2017-A-2", "2017-A-3", "2017-A-1", ""]
    cards = [_record("card", draw, ids) for _ in range(draw(st.integers(1, 6)))]
    persons = [_record("person", draw, ids) | {"card_id": draw(st.sampled_from(ids[:3] + ["2017-Z-9"]))}
               for _ in range(draw(st.integers(0, 4)))]
    elsewhere = draw(st.sampled_from([{}, {"2017-A-2": "2016"}, {"2017-A-3": "2017"}]))
    incumbents = draw(st.sampled_from([{}, {"2017-A-1": "cards/2017/c.json#card 4:4"}]))
    return cards, persons, elsewhere, incumbents


def _raw(cards: list[dict], persons: list[dict], old: bool = False) -> pl.DataFrame:
    """The records as ingest gives them (header and cells), or (old) as the raw layer held them before
    issue 15's format: a JSON object per record in `data`."""
    rows = [("card", f"card {n}", n, c) for n, c in enumerate(cards, 1)] + [("person", "persons", n, p) for n, p in enumerate(persons, 1)]
    common = [{"period": "2017", "record_id": f"cards/2017/c.json#{s}:{n}", "source_file": "cards/2017/c.json", "sheet": s,
               "row_no": n, "kind": k, "loaded_at": None} for k, s, n, _ in rows]
    if old:
        schema = {k: v for k, v in rawfmt.RAW_RECORDS_SCHEMA.items() if k not in ("header_id", "cells")} | {"data": pl.Utf8}
        return pl.DataFrame([c | {"data": jsonable(d)} for c, (_, _, _, d) in zip(common, rows)], schema=schema)
    return pl.DataFrame([c | {"header_id": rawfmt.header_id(rawfmt.header_json(d)), "cells": rawfmt.cells_json(d.values()),
                              "header": rawfmt.header_json(d)} for c, (_, _, _, d) in zip(common, rows)],
                        schema=rawfmt.RAW_RECORDS_FRAME)


def _same(a, b) -> None:
    for name in ("cards", "persons", "quarantine", "events"):
        assert_frame_equal(getattr(a, name), getattr(b, name))


NO_FILES = pl.DataFrame(schema={"source_file": pl.Utf8, "format": pl.Utf8, "problem": pl.Utf8, "warnings": pl.Utf8})


@settings(max_examples=examples(10, 150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(periods_of_cards())
def test_validation_by_column_equals_the_reference_from_json(case):
    cards, persons, elsewhere, incumbents = case
    recs, old, p = _raw(cards, persons), _raw(cards, persons, old=True), periods.get("2017")
    ref = validate_period_by_record(p, recs, NO_FILES, elsewhere, incumbents)
    _same(validate_period(p, recs, NO_FILES, elsewhere, incumbents), ref)
    _same(validate_period(p, old, NO_FILES, elsewhere, incumbents), ref)  # the old JSON objects read alike


@settings(max_examples=examples(8, 75), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(periods_of_cards())
def test_validation_of_csv_frames_equals_the_reference(case):
    cards, persons, elsewhere, incumbents = case
    with tempfile.TemporaryDirectory() as tmp:
        box = Path(tmp) / "cards" / "2017"
        box.mkdir(parents=True)
        for name, recs in (("c.csv", cards), ("c_persons.csv", persons)):
            if recs:
                cols = list(dict.fromkeys(k for r in recs for k in r))
                pl.DataFrame([{c: r.get(c, "") for c in cols} for r in recs], schema={c: pl.Utf8 for c in cols}).write_csv(box / name)
        got = inbox_mod.ingest("2017", Path(tmp))
    p = periods.get("2017")
    records = got.records.sort(["source_file", "sheet", "row_no"])  # as the raw_cards asset hands them over
    fast = validate_period(p, records, got.files, elsewhere, incumbents, got.tables)
    _same(fast, validate_period_by_record(p, records, got.files, elsewhere, incumbents))


@settings(max_examples=examples(300, 5000), deadline=None)
@given(st.sampled_from([",", ";", "\t"]), st.lists(st.sampled_from(['"', '""', ",", ";", "\t", "a", "Ж", " ", "\r", "\\"]), max_size=12))
def test_the_quoted_lines_check_matches_the_python_pattern(sep, pieces):
    """fastcsv checks the lines that hold a quote with Polars (Rust regex): the lines _line_rx (Python) accepts."""
    from assets.ingest import fastcsv
    line = "".join(pieces)
    got = pl.Series([line]).str.contains(fastcsv._line_pattern(sep)).item()
    assert got == bool(fastcsv._line_rx(sep).fullmatch(line.encode()))
