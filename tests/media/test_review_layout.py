"""How the review workbook shows itself to a monitor (session 45): rendered, every queue column had the default
width of 8 characters, so its headers and dates were cut ("Номер ка", "2022-02-1") and the evidence stood one
word a line. Each column now has a width for what it holds, the header wraps whole, a row grows with its longest
wrapped text up to MAX_ROW_LINES lines, the drop-downs' code lists are a hidden sheet, and both lists filter."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook

from assets.media import review_export
from assets.media.review_columns import COLUMNS, MAX_ROW_LINES, WIDTHS, WRAPPED, label, lines_shown, width


def test_lines_shown_by_hand():
    assert lines_shown(None, 10) == 1 and lines_shown("", 10) == 1
    assert lines_shown("a b c", 1) == 3            # one word a line
    assert lines_shown("один два три", 8) == 2     # "один два" (8), "три"
    assert lines_shown("один два три", 7) == 2     # "один", "два три" (7)
    assert lines_shown("один два три", 6) == 3     # "один", "два", "три"
    assert lines_shown("abc\ndefgh", 10) == 2       # a line of its own each
    assert lines_shown("x" * 25, 10) == 3          # a word longer than the cell is cut


def _export(tmp_path, evidence):
    cand = {k: None for k in COLUMNS} | {"candidate_id": "cand-1", "date": "2022-02-14", "time_start": "10:30",
                                         "city": "almaty", "form": "picket", "topic": "тарифы",
                                         "source_1": "https://example.kz/a", "evidence": evidence}
    short = dict(cand, candidate_id="cand-2", evidence={"date": "Вчера у акимата собрались люди."})
    path = tmp_path / "queue.xlsx"
    review_export.export_queue([cand, short], path, not_events=[{"url": "https://example.kz/b", "title": "Концерт",
                                                                  "published": "2022-02-14", "reason": "no mention"}])
    return load_workbook(path)


def test_every_column_is_as_wide_as_it_says_and_no_header_is_cut(tmp_path):
    wb = _export(tmp_path, {"date": "Вчера, 14 февраля, у акимата собрались люди."})
    ws = wb["queue"]
    for col, key in enumerate(COLUMNS, start=1):
        letter = ws.cell(row=1, column=col).column_letter
        assert ws.column_dimensions[letter].width == width(key), key
        assert ws.cell(row=1, column=col).alignment.wrap_text, key
        # the header row is as tall as its longest header wrapped in its column (16 points a bold line) and a
        # line more for the filter's buttons
        assert ws.row_dimensions[1].height >= 16 * (lines_shown(label(key), width(key)) + 1), key
    assert width("date") >= len("2022-02-14") and width("candidate_id") >= len("m2992927878c")
    assert width("evidence") == WIDTHS["evidence"] > width("participants_low")


def test_a_row_grows_with_its_evidence_up_to_the_cap(tmp_path):
    long = {f: "Около 300 жителей собрались у здания акимата и потребовали снизить тарифы на газ и свет. " * 2
            for f in ("date", "city", "place", "participants", "form", "topic")}
    wb = _export(tmp_path, long)
    ws = wb["queue"]
    assert ws.row_dimensions[2].height == 15 * MAX_ROW_LINES  # the long evidence: capped
    assert ws.row_dimensions[3].height == 15                   # one short sentence: one line
    col = COLUMNS.index("evidence") + 1
    assert ws.cell(row=2, column=col).alignment.wrap_text and "evidence" in WRAPPED
    assert not ws.cell(row=2, column=COLUMNS.index("date") + 1).alignment.wrap_text


def test_codes_are_hidden_and_still_feed_the_drop_downs_and_the_lists_filter(tmp_path):
    wb = _export(tmp_path, {})
    assert wb["codes"].sheet_state == "hidden"
    assert all(wb[s].sheet_state == "visible" for s in ("queue", "not_events", "help"))
    ws = wb["queue"]
    refs = [dv.formula1 for dv in ws.data_validations.dataValidation]
    assert refs and all(r.startswith("codes!$") for r in refs)
    last = ws.cell(row=1, column=len(COLUMNS)).column_letter
    assert ws.auto_filter.ref == f"A1:{last}3"
    bold = [c.value for c in wb["help"]["A"] if c.font.b]
    assert bold == ["Как работать с этим файлом (English below)", "How to use this file"]
    ne = wb["not_events"]
    assert ne.auto_filter.ref == "A1:E2"
    widths = [ne.column_dimensions[c].width for c in "ABCDE"]
    assert widths == list(review_export.NOT_EVENT_WIDTHS) and sum(widths) <= 150  # the answer's column on screen
    assert ne.row_dimensions[1].height >= 16 * 3  # "Это событие? / Is an event?" in 14 characters: two lines
    assert ne["D2"].alignment.wrap_text and not ne["A2"].alignment.wrap_text and ne.freeze_panes == "B2"
