"""Tests for the survivors of the validate area's sample of issue 14's automatic mutator (branch i14l:
`scripts/mutate.py --area validate --sample 0.1 --seed 31` on validate.py, coerce.py, columns.py, and `--seed 37` on
redaction.py), each on a tiny hand-made fixture with its expected values worked out by hand (docs/testing.md,
"Measured score", 2026-12-01, branch i14l).
"""
from __future__ import annotations

import json

import polars as pl
import pytest

from assets.validate import validate as V
from tests.test_validation_values import card, rows, validate  # noqa: F401 (validate: the fixture of both paths)


# validate.py: a record whose values cannot be stored -------------------------------------------------------------

def test_a_record_that_cannot_be_stored_is_quarantined_with_the_first_200_characters_of_why(monkeypatch):
    # nothing foreseen makes a typed record unstorable, so the frame builder is made to refuse the record "bad" with a
    # message of 300 characters: the reason keeps its first 200, the record keeps its place as a row of nulls
    frame = V._frame

    def refusing(kind, rows):
        if any(r.get("card_id") == "bad" for r in rows):
            raise ValueError("x" * 300)
        return frame(kind, rows)

    monkeypatch.setattr(V, "_frame", refusing)
    problems: dict = {}
    good = {"card_id": "good", "_i": 0}
    out = V._safe_frame("card", [good, {"card_id": "bad", "_i": 1}], problems)
    assert out.select("card_id", "_i").rows() == [("good", 0), (None, 1)]
    assert list(problems) == [1] and len(problems[1]) == 1
    p = problems[1][0]
    assert (p.field, p.value, p.rule) == ("", "", "unstorable_record")
    assert p.reason == "the record's values cannot be stored (ValueError: " + "x" * 200 + ")"


# validate.py: a count left empty is 0, a count given but unreadable stays unknown -- on both paths -------------------

def test_a_count_given_but_unreadable_is_not_taken_as_zero(validate):
    # detained 'abc' cannot be read: it stays unknown (not 0), and is named once, as typed
    res = validate(card(preventive_detentions="2", detained="abc"))
    assert [r[3:] for r in rows(res)] == [
        ("detained", "abc", "type:int", "'Задержано человек' (detained): 'abc' is not a whole number")]


def test_a_count_the_card_says_is_filled_though_another_field_cannot_be_read():
    # time_start cannot be read; police_present is no and police_count empty: 0 (none seen); detained 0 and
    # preventive_detentions empty: 0 (counted among the detained); duration is no count: stays empty -- on both paths
    from assets.validate import columns

    data = {**card(time_start="25:00", police_present="нет", police_count="", detained="0")[1]}
    values, probs = V._by_record("card", json.loads(json.dumps(data)))
    assert [p.field for p in probs] == ["time_start"]
    raw = pl.DataFrame({**{k: [v] for k, v in data.items()}, "_i": [0]})
    typed, problems = columns.coerce_columns("card", raw)
    assert [p.field for _, _, p in problems] == ["time_start"]
    for got in (values, typed.row(0, named=True)):
        assert (got["police_count"], got["detained"], got["preventive_detentions"], got["duration_min"]) == (0, 0, 0, None)


# validate.py: the quarantine rows of a file name the period ----------------------------------------------------------

def test_a_file_row_of_quarantine_names_its_period(validate):
    files = pl.DataFrame({"source_file": ["cards/2017/a.csv", "cards/2017/c.csv"], "format": ["csv", "csv"],
                          "problem": ["cannot be read: not UTF-8", None], "warnings": [None, json.dumps(["unknown column 'x'"])]})
    q = validate(card(), files=files).quarantine
    assert q.select("period", "record_id", "kind", "card_id", "reason", "rule").rows() == [
        ("2017", "cards/2017/a.csv", "file", None, "cannot be read: not UTF-8", "file_unreadable"),
        ("2017", "cards/2017/c.csv", "file", None, "unknown column 'x'", "unknown_column")]


# validate.py: records whose values are not all text (JSON numbers, yes/no, a list) or cannot be read ------------------

def test_a_record_of_numbers_a_yes_and_a_list_is_typed_as_its_text_would_be(validate):
    # a JSON/YAML record: a number, a boolean and a list of links, typed one by one on the by-column path too
    res = validate(card(participants=15, police_count=2, police_present=True, permission_requested=False,
                        source_links=["https://a.kz/1", " http://b.kz/2 ", ""]))
    assert rows(res) == []
    c = res.cards.row(0, named=True)
    assert (c["participants"], c["participants_high"], c["police_count"], c["police_present"], c["permission_requested"],
            c["source_links"]) == (15, 15, 2, True, False, "https://a.kz/1;http://b.kz/2")


def test_a_record_that_is_no_json_object_is_unreadable_beside_a_good_card():
    # the record's text stops after '{"card_id": ' (12 characters): unreadable, then its required fields as empty
    from assets.core import periods
    from tests.test_validation_values import FILE, GOOD, NO_FILES, VALIDATORS

    records = pl.DataFrame([
        {"record_id": f"{FILE}#cards:2", "source_file": FILE, "sheet": "cards", "row_no": 2, "kind": "card",
         "data": json.dumps(GOOD, ensure_ascii=False)},
        {"record_id": f"{FILE}#cards:3", "source_file": FILE, "sheet": "cards", "row_no": 3, "kind": "card",
         "data": '{"card_id": '}])
    required = ["card_id", "date", "city", "form", "topic", "character", "organizer_type",
                "permission_requested", "source_type"]
    for fn in VALIDATORS.values():
        res = fn(periods.get("2017"), records, NO_FILES)
        assert res.cards["card_id"].to_list() == ["2017-V-1"]
        q = res.quarantine
        assert set(q.select("record_id", "row_no", "kind", "card_id").rows()) == {(f"{FILE}#cards:3", 3, "card", None)}
        # participants: required of an assembly held (an empty event_status is held), by its own rule
        assert q.select("field", "rule").rows() == [(None, "unreadable_record")] + [(n, "not_nullable") for n in required] \
            + [("participants", "participants_required_when_held")]
        assert q["reason"][0] == "the record could not be read (JSONDecodeError: Expecting value: line 1 column 13 (char 12))"


# validate.py: a plain CSV typed from its tables (the pipeline's way), from its records' cells, and record by record --

def test_a_plain_csv_gives_the_same_rows_from_its_tables_its_cells_and_record_by_record(tmp_path):
    from assets.core import periods
    from assets.ingest import inbox
    from tests.test_validation_values import GOOD

    box = tmp_path / "cards" / "2017"
    box.mkdir(parents=True)
    bad = {**GOOD, "card_id": "2017-V-2", "police_count": "-1"}
    (box / "t.csv").write_text("\n".join([",".join(GOOD), ",".join(GOOD.values()), ",".join(bad.values())]) + "\n",
                               encoding="utf-8")
    got = inbox.ingest("2017", tmp_path)
    assert list(got.tables) == ["cards/2017/t.csv"]  # the plain reader's frames
    p = periods.get("2017")
    for res in (V.validate_period(p, got.records, got.files, tables=got.tables),  # the typed frames of the tables
                V.validate_period(p, got.records, got.files),                     # the records' cells, by header
                V.validate_period_by_record(p, got.records, got.files)):
        assert res.cards.select("card_id", "record_id", "participants", "police_count").rows() == [
            ("2017-V-1", "cards/2017/t.csv#cards:2", 15, 2)]
        assert res.quarantine.select("record_id", "row_no", "card_id", "field", "value", "rule", "reason").rows() == [
            ("cards/2017/t.csv#cards:3", 3, "2017-V-2", "police_count", "-1", "greater_than_or_equal_to(0)",
             "'Количество полицейских' (police_count): '-1' is negative; it cannot be below zero")]


# coerce.py: numbers as JSON/YAML give them --------------------------------------------------------------------------

def test_a_json_number_with_a_fraction_is_no_whole_number_and_one_without_is(validate):
    res = validate(card(card_id="2017-V-2", participants=15.0), card(participants=15.5))
    assert res.cards.select("card_id", "participants").rows() == [("2017-V-2", 15)]
    assert rows(res) == [(3, "card", "2017-V-1", "participants", "15.5", "type:int",
                          "'Участники (оценка)' (participants): '15.5' is not a whole number")]


def test_a_number_is_no_time_of_day(validate):
    # 930 is not 15:30 (YAML 1.1's base-60 reading of `15:30` never reaches validation: the reader keeps the text)
    res = validate(card(time_start=930), card(card_id="2017-V-2", time_start=15), card(card_id="2017-V-3", time_start="9.3"))
    assert [(r[0], r[3], r[4], r[5]) for r in rows(res)] == [
        (2, "time_start", "930", "type:time"), (3, "time_start", "15", "type:time"), (4, "time_start", "9.3", "type:time")]


NO_SUCH_DAY = "'Дата проведения' (date): '{}' is not a date: there is no such day in the calendar"
NO_DATE = "'Дата проведения' (date): '{}' is not a date (write 2017-05-03 or 03.05.2017)"


@pytest.mark.parametrize("value,reason", [
    # shaped like a day (year-month-day or day.month.year, a month and a day of one or two digits), no such day
    ("30.02.2017", NO_SUCH_DAY), ("30.2.2017", NO_SUCH_DAY), ("5.13.2017", NO_SUCH_DAY),
    ("2017-2-30", NO_SUCH_DAY), ("2017-13-5", NO_SUCH_DAY), ("2017/02/30", NO_SUCH_DAY), ("2017.02.30", NO_SUCH_DAY),
    ("30/02/2017", NO_SUCH_DAY), ("30-02-2017", NO_SUCH_DAY), ("2017/02.30", NO_DATE), ("30-02.2017", NO_DATE),
    # not shaped like a date at all: three digits, or none, where a month or a day should be
    ("1.123.2017", NO_DATE), ("123.02.2017", NO_DATE), (".02.2017", NO_DATE), ("30..2017", NO_DATE),
    ("2017-123-1", NO_DATE), ("2017-02-123", NO_DATE), ("2017--5", NO_DATE), ("2017-5-", NO_DATE),
])
def test_a_date_shaped_like_a_day_that_is_not_and_one_not_shaped_like_a_date(validate, value, reason):
    assert rows(validate(card(date=value))) == [(2, "card", "2017-V-1", "date", value, "type:date", reason.format(value))]


# redaction.py: names in refused files, on a DuckLake; the redacted columns are text --------------------------------

def redaction_names(con) -> list[str]:
    from assets.validate.redaction import private_names

    return private_names(con, "2017")


def test_a_refused_cp1251_file_whose_first_letter_not_utf8_is_its_2000th_character():
    # 1993 characters of a comment line, then "name: К...": the К (cp1251 byte 0xCA, no UTF-8) is character 2000
    # (index 1999), the last that decides whether the file is read as cp1251
    from tests.test_redaction_values import _refused

    content = ("#" + "x" * 1991 + "\n").encode() + "name: Кодов Ян\n".encode("cp1251")
    assert len(("#" + "x" * 1991 + "\n" + "name: ")) == 1999
    assert redaction_names(_refused(("k.yaml", content))) == ["Кодов Ян"]


def test_a_refused_csv_whose_row_has_no_cell_under_the_name_column():
    from tests.test_redaction_values import _refused

    con = _refused(("s.csv", "card_id,ФИО\nc1\nc2,Короткова Ия\n".encode()))
    assert redaction_names(con) == ["Короткова Ия"]


def test_the_names_of_a_refused_file_on_a_ducklake():
    # a DuckLake keeps raw_files and raw_records as tables (sql/tables/*.ducklake.sql): no manifest raw_file_index
    import duckdb
    from tests.test_redaction_values import SQL

    con = duckdb.connect(":memory:")
    for t in ("010_raw_files.ducklake", "020_raw_records.ducklake", "021_raw_headers"):
        con.execute((SQL / "tables" / f"{t}.sql").read_text(encoding="utf-8"))
    con.executemany("INSERT INTO raw_files (period, source_file, sha256, size_bytes, content, records, problem, loaded_at) "
                    "VALUES (?, ?, 'x', 10, ?, 0, ?, now())",
                    [("2017", "a.yaml", "name: Озёрный Лев\n".encode(), "duplicate key"),
                     ("2017", "b.yaml", "name: Принятый Файл\n".encode(), None),
                     ("2016", "c.yaml", "name: Прошлый Год\n".encode(), "duplicate key")])
    assert redaction_names(con) == ["Озёрный Лев"]


def test_a_column_of_numbers_none_known_is_text_once_redacted():
    # every column named is text after (a number as its text), whether or not any of its cells holds a value
    from assets.validate.redaction import redact_frame_columns

    df = pl.DataFrame({"n": [None, None], "m": [1, None]}, schema={"n": pl.Int64, "m": pl.Int64})
    out = redact_frame_columns(df, ["n", "m"], ["Секретова Дана"])
    assert out.schema == {"n": pl.Utf8, "m": pl.Utf8} and out.rows() == [(None, "1"), (None, None)]
