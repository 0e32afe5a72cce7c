"""A file's note (a warning row: an unknown column, a sheet not read, a title above the header, an inbox entry
passed over) is recorded under the rule given where the note is made (assets/core/raw.py Note), never one read
back from its wording: validate's _warning_rule used to infer it from the text, so re-wording a note changed
its rule (a re-worded hidden-sheet note became 'title_above_header', a re-worded title note 'unknown_column')."""
from __future__ import annotations

import io
import json
from types import SimpleNamespace

import openpyxl
import polars as pl
import pytest

from assets.core import raw
from assets.core.limits import limits
from assets.ingest import readers, xlsxfile
from assets.validate import validate


def _rows(files: list[dict]) -> list[tuple]:
    df = pl.DataFrame(files, schema={"source_file": pl.Utf8, "format": pl.Utf8, "problem": pl.Utf8, "warnings": pl.Utf8})
    return [(r["reason"], r["rule"]) for r in validate._file_rows(SimpleNamespace(id="2017"), df)]


def _workbook() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "cards"
    ws.append(["Отчёт мониторинга"])
    ws.append(["card_id", "date", "city", "colour"])
    ws.append(["2017-N-1", "2017-03-01", "almaty", "red"])
    wb.create_sheet("notes").append(["just", "some", "words"])
    hidden = wb.create_sheet("old")
    hidden.sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("fast", [True, False])
def test_each_note_names_its_rule_where_it_is_made(fast, tmp_path):
    # both readers of a workbook (calamine, openpyxl): every note with its rule, stored with it, read back so
    path = tmp_path / "a.xlsx"
    path.write_bytes(_workbook())
    fr = readers.read_file(path, path.read_bytes(), fast=fast)
    assert sorted(n.rule for n in fr.warnings) == ["sheet_not_read", "sheet_not_read", "title_above_header",
                                                   "unknown_column"]
    assert all(isinstance(n, raw.Note) for n in fr.warnings)
    stored = raw.notes_json(fr.warnings)
    rules = sorted(rule for _, rule in _rows([{"source_file": "a.xlsx", "format": "xlsx", "problem": None,
                                                 "warnings": stored}]))
    assert rules == sorted(n.rule for n in fr.warnings)


def test_a_reworded_note_keeps_its_rule():
    # the same rules whatever the words: a hidden sheet's note that no longer says "not read", a title note that
    # does not begin "sheet '", an unknown column's note that begins with "sheet '"
    notes = [raw.Note("sheet 'old' is hidden and was passed over", "sheet_not_read"),
             raw.Note("a title stands above the header of 'cards'", "title_above_header"),
             raw.Note("sheet 'cards': column 'colour' is no field of the card", "unknown_column")]
    got = _rows([{"source_file": "a.xlsx", "format": "xlsx", "problem": None, "warnings": raw.notes_json(notes)}])
    assert got == [(str(n), n.rule) for n in notes]


def test_producers_give_their_rules():
    assert readers._unknown_column("colour", "card").rule == "unknown_column"
    assert xlsxfile.hidden_note("old").rule == "sheet_not_read"
    notes: list = []
    rows = [(1, ("Отчёт",)), (2, ("card_id", "date", "city")), (3, ("2017-N-1", "2017-03-01", "almaty"))]
    xlsxfile.sheet_records(iter(rows), "cards", limits(), lambda v: v, [], notes=notes)
    assert [n.rule for n in notes] == ["title_above_header"]
    notes = []
    xlsxfile.sheet_records(iter([(1, ("just", "words"))]), "summary", limits(), lambda v: v, [], notes=notes)
    assert [n.rule for n in notes] == ["sheet_not_read"]


def test_an_inbox_entry_passed_over_is_inbox_skipped(tmp_path):
    from assets.ingest import inbox

    cards = tmp_path / "cards"
    (cards / "2017").mkdir(parents=True)
    (cards / "Thumbs.db").write_bytes(b"x")
    rows = inbox.stray_rows(tmp_path)
    notes = [raw.notes_of(r["warnings"]) for r in rows]
    assert any(rule == "inbox_skipped" for ns in notes for rule, _ in ns), rows


def test_notes_need_a_known_rule_and_bare_text_of_an_older_warehouse_is_still_read():
    with pytest.raises(ValueError, match="unknown note rule"):
        raw.Note("x", "no_such_rule")
    with pytest.raises(TypeError, match="needs its rule"):
        raw.notes_json(["column 'x' is not a field"])
    # raw_files.warnings written before notes carried rules: a JSON list of bare texts
    old = json.dumps(["column 'x' is not a field of the card", "sheet 'old' is hidden, so it was not read"])
    assert _rows([{"source_file": "a.xlsx", "format": "xlsx", "problem": None, "warnings": old}]) == [
        ("column 'x' is not a field of the card", "unknown_column"),
        ("sheet 'old' is hidden, so it was not read", "sheet_not_read")]
