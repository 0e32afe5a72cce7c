"""Hostile or careless review spreadsheets (issue 7, issue 16 item 4): what a red-team probe of
`monitor media review import` found. Every workbook is built here by hand, with the values a
monitor might type; the expected messages and values are typed by hand too. Each problem is told
(file, sheet, row, field) and counts for the exit status; the other rows are imported."""
from __future__ import annotations

import io
import itertools
import os
import time
import zipfile

import yaml
from openpyxl import Workbook

from assets.core import warehouse
from assets.media import cli, pipeline, review, review_sheets

HEADER = ["Номер кандидата / Candidate id", "Решение / Decision", "Дата проведения / Date", "Город / City",
          "Форма / Form", "Тема / Topic", "Характер / Character", "Тип организатора / Organiser type",
          "Участники (оценка) / Participants (best estimate)", "Подавалась заявка / Permission requested",
          "Ответ акимата / Authorities' answer", "Все ссылки / All links", "Объединить с (номер) / Merge into (id)"]
KEYS = ["cid", "decision", "date", "city", "form", "topic", "character", "organizer_type", "participants",
        "permission", "answer", "links", "merge_into"]
TOPIC_COL = "F"


def row(cid, decision="accept", **over):
    base = {"cid": cid, "decision": decision, "date": "2017-06-10", "city": "Алматы", "form": "Пикет / Picket",
            "topic": "тест", "character": "Политический / Political",
            "organizer_type": "Общественные организации и партии / NGOs and parties", "participants": 10,
            "permission": "да / yes", "answer": "Разрешено / Granted", "links": "https://example.kz/a",
            "merge_into": None}
    base.update(over)
    return [base[k] for k in KEYS]


def workbook(path, rows, *, title="queue", above=(), first_sheet=None):
    wb = Workbook()
    ws = wb.active
    if first_sheet:
        ws.title = first_sheet
        ws.append(["Инструкция для волонтёров"])
        ws = wb.create_sheet(title)
    else:
        ws.title = title
    for line in above:
        ws.append(line)
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def reviews(home):
    return home / "inbox" / "reviews"


def exported(*cids):
    """The candidates the sheets were written with: the import refuses a row of another id (a mistyped one)."""
    from assets.media import archive

    with warehouse.connect() as con:
        archive.ensure_tables(con)
        con.executemany("INSERT INTO media_candidates (candidate_id, status) VALUES (?, 'queued')", [[c] for c in cids])


def run(home):
    files = review.review_files(home / "inbox")
    return {d.candidate_id: d for d in review.import_reviews(files, inbox=home / "inbox")}


def cards(home):
    return sorted((home / "inbox" / "cards" / "2017").glob("*.yaml")) if (home / "inbox" / "cards" / "2017").exists() else []


# 1. one bad cell never stops the import -------------------------------------------------------
def test_nan_and_inf_are_row_errors_naming_file_sheet_row_and_field_and_the_rest_is_imported(home):
    workbook(reviews(home) / "r02.xlsx", [row("cand-nan", participants="nan"), row("cand-inf", participants="inf"),
                                          row("cand-ok")])
    by = run(home)
    assert by["cand-ok"].status == "done" and by["cand-ok"].card_path
    for cid, n in (("cand-nan", 2), ("cand-inf", 3)):
        d = by[cid]
        assert d.status == "error" and d.review_file == "r02.xlsx" and d.review_sheet == "queue" and d.review_row == n
        assert d.message.startswith("participants: ") and "is not a number" in d.message
    assert len(cards(home)) == 1


def test_an_unforeseen_failure_in_one_row_is_that_row_s_error(home, monkeypatch):
    real = review.build_card

    def explode(cid, data):
        if cid == "cand-boom":
            raise RuntimeError("boom")
        return real(cid, data)

    monkeypatch.setattr(review, "build_card", explode)
    workbook(reviews(home) / "r.xlsx", [row("cand-boom"), row("cand-ok")])
    by = run(home)
    assert by["cand-boom"].status == "error" and "boom" in by["cand-boom"].message and by["cand-boom"].review_row == 2
    assert by["cand-ok"].status == "done"


# 2. numbers: never guessed -------------------------------------------------------------------
def test_thousands_with_comma_or_point_and_scientific_notation_are_refused_whole_numbers_read():
    for typed in ("1,000", "2.000", "1,500", "1.000.000"):
        value, err = review._int(typed)
        assert value is None and "ambiguous" in err and "1000" in err, typed
    value, err = review._int("1e3")
    assert value is None and "scientific notation" in err
    for typed in ("nan", "inf", "-inf", float("nan"), float("inf")):
        value, err = review._int(typed)
        assert value is None and "is not a number" in err, typed
    assert review._int(1000.0) == (1000, None)
    assert review._int(1000) == (1000, None)
    assert review._int("1000") == (1000, None)
    assert review._int(" 1 500 ") == (1500, None)
    assert review._int("1,0") == (1, None)
    assert review._int("1,5")[0] is None and review._int(True)[0] is None
    assert review._int("-3")[0] is None


def test_thousands_in_a_sheet_are_row_errors(home):
    workbook(reviews(home) / "r11.xlsx", [row("cand-t-1", participants="1,000"), row("cand-t-2", participants="2.000"),
                                          row("cand-t-3", participants=1000.0)])
    by = run(home)
    assert by["cand-t-1"].status == "error" and "'1,000' is ambiguous" in by["cand-t-1"].message
    assert by["cand-t-2"].status == "error" and "'2.000' is ambiguous" in by["cand-t-2"].message
    assert by["cand-t-3"].status == "done"
    assert yaml.safe_load(cards(home)[0].read_text(encoding="utf-8"))["participants"] == 1000


# 3. silent drops ----------------------------------------------------------------------------
def test_header_below_a_title_line_is_found(home):
    workbook(reviews(home) / "r03.xlsx", [row("cand-h3")], above=[["Очередь проверки, декабрь"], [None]])
    by = run(home)
    assert by["cand-h3"].status == "done" and by["cand-h3"].review_row == 4
    assert len(cards(home)) == 1


def test_a_sheet_without_the_header_is_named_not_skipped(home):
    wb = Workbook()
    ws = wb.active
    ws.title = "queue"
    for _ in range(12):
        ws.append(["заметки"])
    ws.append(HEADER)  # row 13: too far down to be taken for the header
    ws.append(row("cand-deep"))
    reviews(home).mkdir(parents=True)
    wb.save(reviews(home) / "deep.xlsx")
    by = run(home)
    assert "cand-deep" not in by
    errors = [d for d in by.values() if d.status == "error"]
    assert len(errors) == 1 and errors[0].review_file == "deep.xlsx"
    assert "sheet 'queue'" in errors[0].message and "not read" in errors[0].message
    assert "Candidate id" in errors[0].message


def test_the_queue_on_a_sheet_with_another_name_is_read_and_a_sheet_of_other_content_is_named(home):
    workbook(reviews(home) / "r09.xlsx", [row("cand-fs-1")], title="Лист1", first_sheet="инструкция")
    by = run(home)
    assert by["cand-fs-1"].status == "done" and by["cand-fs-1"].review_sheet == "Лист1"
    skipped = [d for d in by.values() if d.status == "error"]
    assert len(skipped) == 1 and "sheet 'инструкция'" in skipped[0].message and "r09.xlsx" in skipped[0].message


def test_a_decision_without_a_candidate_id_is_a_row_error(home):
    workbook(reviews(home) / "r07.xlsx", [row("cand-d-1"), row(None), row("cand-d-3", decision=None)])
    by = run(home)
    errors = [d for d in by.values() if d.status == "error"]
    assert len(errors) == 1
    e = errors[0]
    assert e.review_file == "r07.xlsx" and e.review_row == 3 and e.review_sheet == "queue"
    assert e.message.startswith("candidate_id: ")
    assert by["cand-d-1"].status == "done" and "cand-d-3" not in by  # no decision yet: stays in the queue


def test_upper_case_suffix_is_read_and_a_csv_is_named_as_not_read(home):
    workbook(reviews(home) / "r12.XLSX", [row("cand-up")])
    (reviews(home) / "r13.csv").write_text("Номер кандидата / Candidate id;Решение / Decision\ncand-csv;accept\n",
                                           encoding="utf-8")
    (reviews(home) / "~$r12.XLSX").write_bytes(b"lock")  # Excel's lock file: not the monitor's
    (reviews(home) / "r14.xlsx.crdownload").write_bytes(b"PK")  # a download under way
    files = review.review_files(home / "inbox")
    assert sorted(p.name for p in files) == ["r12.XLSX", "r13.csv"]
    by = {d.candidate_id: d for d in review.import_reviews(files, inbox=home / "inbox")}
    assert by["cand-up"].status == "done"
    csv = [d for d in by.values() if d.review_file == "r13.csv"]
    assert len(csv) == 1 and csv[0].status == "error" and "save it as .xlsx" in csv[0].message


def test_the_same_candidate_twice_in_one_file_is_a_conflict_unless_the_rows_agree(home):
    workbook(reviews(home) / "r04.xlsx", [row("cand-dup", participants=10), row("cand-dup", decision="reject"),
                                          row("cand-twice"), row("cand-twice")])
    by = run(home)
    d = by["cand-dup"]
    assert d.status == "error" and "rows 2 and 3" in d.message and "neither" in d.message
    assert by["cand-twice"].status == "done"
    assert len(cards(home)) == 1  # only cand-twice's


def test_exit_status_is_1_when_a_row_failed_and_0_when_all_imported(home, capsys):
    exported("cand-a", "cand-b")
    workbook(reviews(home) / "ok.xlsx", [row("cand-a")])
    assert cli.main(["review", "import"]) == 0
    workbook(reviews(home) / "bad.xlsx", [row("cand-b", participants="1,000")])
    os.utime(reviews(home) / "bad.xlsx", (time.time() + 5, time.time() + 5))
    assert cli.main(["review", "import"]) == 1
    err = capsys.readouterr().err
    assert "bad.xlsx, sheet 'queue', row 2 (cand-b): participants: '1,000' is ambiguous" in err


# 4. a reject never deletes a card corrected by hand ------------------------------------------
def _import(home):
    with warehouse.connect() as con:
        return {d.candidate_id: d for d in pipeline.import_decisions(con)}


def test_a_reject_keeps_a_card_corrected_by_hand_and_says_so(home):
    exported("cand-t-1", "cand-t-2")
    workbook(reviews(home) / "r11.xlsx", [row("cand-t-1"), row("cand-t-2")])
    _import(home)
    paths = {yaml.safe_load(p.read_text(encoding="utf-8"))["card_id"]: p for p in cards(home)}
    assert len(paths) == 2
    edited = next(p for c, p in paths.items() if c == review.card_id_for("cand-t-1", "2017"))
    plain = next(p for c, p in paths.items() if c == review.card_id_for("cand-t-2", "2017"))
    edited.write_text(edited.read_text(encoding="utf-8").replace("participants: 10", "participants: 12"),
                      encoding="utf-8")
    (reviews(home) / "r11.xlsx").unlink()
    workbook(reviews(home) / "r14.xlsx", [row("cand-t-1", decision="reject"), row("cand-t-2", decision="reject")])
    by = _import(home)
    assert edited.exists() and "participants: 12" in edited.read_text(encoding="utf-8")
    assert by["cand-t-1"].status == "error" and edited.name in by["cand-t-1"].message
    assert "by hand" in by["cand-t-1"].message
    assert not plain.exists() and by["cand-t-2"].status == "done" and plain.name in by["cand-t-2"].message


# 5. formulas --------------------------------------------------------------------------------
def _with_cached_topic(path, formula, cached):
    """openpyxl writes no cached value; put one in the sheet's XML as Excel would."""
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(buf, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                start = text.index(f'<c r="{TOPIC_COL}2"')
                end = text.index("</c>", start) + 4
                text = text[:start] + (f'<c r="{TOPIC_COL}2" t="str"><f>{formula}</f><v>{cached}</v></c>') + text[end:]
                data = text.encode("utf-8")
            zout.writestr(item, data)
    path.write_bytes(buf.getvalue())


def test_a_formula_is_read_by_its_saved_value_or_named_when_it_has_none(home):
    workbook(reviews(home) / "r05.xlsx", [row("cand-f-1"), row("cand-f-2", topic='=HYPERLINK("http://evil.example")'),
                                          row("cand-f-3", decision='=IF(1,"accept","reject")'),
                                          row("cand-f-4", links='=CONCAT("https://a.example/","1")')])
    _with_cached_topic(reviews(home) / "r05.xlsx", 'HYPERLINK("http://x.example","Против тарифов")', "Против тарифов")
    by = run(home)
    assert by["cand-f-1"].status == "done"
    assert yaml.safe_load(open(by["cand-f-1"].card_path, encoding="utf-8"))["topic"] == "Против тарифов"
    m = by["cand-f-2"].message
    assert by["cand-f-2"].status == "error" and m.startswith("topic: ") and "formula" in m and "HYPERLINK" in m
    assert "required" not in m
    d = by["cand-f-4"]  # the links a card is made of, by a formula never saved: not a card without links
    assert d.status == "error" and d.message.startswith("source_links: the cell holds a formula")
    d = by["cand-f-3"]  # a decision computed by a formula never saved: not taken for "not decided yet"
    assert d.status == "error" and d.message.startswith("decision: the cell holds a formula") and d.review_row == 4


def test_an_impossible_time_is_refused_and_a_short_hour_written_in_full():
    typed = {"date": "2017-06-10", "city": "Алматы", "form": "Пикет / Picket", "topic": "тест",
             "character": "Политический / Political",
             "organizer_type": "Общественные организации и партии / NGOs and parties", "participants": 10,
             "permission_requested": "да / yes", "permission_answer": "Разрешено / Granted"}
    card, problems = review.build_card("cand-time", {**typed, "time_start": "25:99"})
    assert card is None and problems == ["time_start: '25:99' is not a time HH:MM"]
    card, problems = review.build_card("cand-time", {**typed, "time_start": "9:30"})
    assert problems == [] and card["time_start"] == "09:30"


def test_a_file_s_problem_goes_once_the_file_is_fixed(home):
    exported("cand-d-1")
    workbook(reviews(home) / "r07.xlsx", [row("cand-d-1"), row(None)])
    (reviews(home) / "r13.csv").write_text("a;b\n", encoding="utf-8")

    def errors():
        with warehouse.connect() as con:
            return sorted(r[0] for r in con.execute(
                "SELECT candidate_id FROM media_review_decisions WHERE status = 'error'").fetchall())

    _import(home)
    assert errors() == ["file:r13.csv", "row:r07.xlsx:queue:3"]
    workbook(reviews(home) / "r07.xlsx", [row("cand-d-1")])
    _import(home)
    assert errors() == ["file:r13.csv"]
    (reviews(home) / "r13.csv").unlink()
    (reviews(home) / "r07.xlsx").unlink()
    _import(home)
    assert errors() == []


def test_the_inbox_watch_starts_an_import_for_any_review_file(tmp_path):
    from pipelines import automation

    folder = tmp_path / "reviews"
    folder.mkdir()
    for name in ("r12.XLSX", "r13.csv", "~$r12.XLSX", ".hidden.xlsx"):
        (folder / name).write_bytes(b"x")
    assert automation.inbox_files(tmp_path) == ["reviews/r12.XLSX", "reviews/r13.csv"]


def test_not_events_answers_are_found_by_their_header_and_a_bad_one_is_named(home):
    path = workbook(reviews(home) / "ne.xlsx", [row("cand-ne")])
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ne = wb.create_sheet("not_events")
    # the monitor added a column of comments before the answer
    ne.append(["Ссылка / Link", "Заголовок / Headline", "Опубликовано / Published", "Почему не событие / Why not an event",
               "Комментарий", "Это событие? / Is an event?"])
    ne.append(["https://a.example/1", "t1", None, "r", "митинг был", "да / yes"])
    ne.append(["https://a.example/2", "t2", None, "r", None, "дa"])  # the 'a' is Latin
    ne.append(["https://a.example/3", "t3", None, "r", None, '=IF(1,"да","нет")'])
    ne.append([None, None, None, None, None, "да"])
    ne.append(["https://a.example/5", "t5", None, "r", None, "нет"])
    ne.append(["https://a.example/6", "t6", None, "r", "не решил", None])
    wb.save(path)
    assert review_sheets.read_not_events([path]) == {"https://a.example/1": (True, "ne.xlsx"),
                                              "https://a.example/5": (False, "ne.xlsx")}
    by = run(home)
    assert by["cand-ne"].status == "done"
    errors = {d.review_row: d for d in by.values() if d.status == "error"}
    assert sorted(errors) == [3, 4, 5] and all(d.review_sheet == "not_events" for d in errors.values())
    assert errors[3].message == "is_event: 'дa' is not yes/no (да / yes, нет / no)"
    assert errors[4].message.startswith("is_event: the cell holds a formula")
    assert errors[5].message.startswith("url: empty")


def test_an_old_xls_or_a_workbook_with_a_password_is_named_as_such(home):
    reviews(home).mkdir(parents=True)
    (reviews(home) / "old.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    [d] = run(home).values()
    assert d.status == "error" and "old Excel .xls or a workbook with a password" in d.message


def test_a_card_file_broken_by_hand_is_that_row_s_error_and_the_import_goes_on(home):
    exported("cand-x", "cand-y", "cand-z")
    workbook(reviews(home) / "a.xlsx", [row("cand-x"), row("cand-y")])
    first = _import(home)
    x = cards(home)[[p.name for p in cards(home)].index(first["cand-x"].card_id + ".yaml")]
    x.write_bytes(b"\xff\xfe not UTF-8 \x00")  # saved by an editor in another encoding
    workbook(reviews(home) / "a.xlsx", [row("cand-y", topic="другая тема"),
                                        row("cand-z", decision="merge", merge_into="cand-x", links="https://b.example/z")])
    by = _import(home)
    assert by["cand-z"].status == "error" and by["cand-z"].message.startswith("merge: UnicodeDecodeError")
    assert by["cand-y"].status == "done"
    assert "другая тема" in open(by["cand-y"].card_path, encoding="utf-8").read()
    workbook(reviews(home) / "a.xlsx", [row("cand-x", topic="ещё раз")])
    by = _import(home)
    assert by["cand-x"].status == "error" and by["cand-x"].message.startswith("writing the card: UnicodeDecodeError")
    assert x.read_bytes() == b"\xff\xfe not UTF-8 \x00"


def test_a_stray_format_far_below_the_table_is_read_to_the_one_row(home):
    from openpyxl import load_workbook
    from openpyxl.styles import Font

    path = workbook(reviews(home) / "stray.xlsx", [row("cand-s")])
    wb = load_workbook(path)
    wb["queue"].cell(row=1048576, column=300).font = Font(bold=True)  # a million empty rows of 300 cells
    wb.save(path)
    rows = review.read_workbook(path)[0]
    assert [r.data["candidate_id"] for r in rows] == ["cand-s"]


class _CountingRow(tuple):
    """A sheet's row that counts the cells looked at one by one (what made a stray format below the
    table cost seconds: every empty row read cell by cell); counted, not timed."""

    looked = 0

    def __getitem__(self, i):
        _CountingRow.looked += 1
        return tuple.__getitem__(self, i)


def test_an_empty_row_is_skipped_without_looking_at_its_cells():
    from assets.media import review_sheets

    header = tuple(review_sheets.QUEUE.label_of(k) for k in review_sheets.QUEUE.keys)
    filled = tuple(["x"] * len(header))
    empty = _CountingRow([None] * 300)
    cells = [header, filled] + [empty] * 2000
    _CountingRow.looked = 0
    got, why = review_sheets._sheet_rows("queue", iter(cells), itertools.repeat(()))
    assert why is None and [r.n for r in got] == [2]
    assert _CountingRow.looked == 0, _CountingRow.looked


def test_a_control_character_in_a_typed_text_is_refused_at_the_import(home):
    # C1 controls pass XML and openpyxl (C0 ones cannot be saved in a workbook); \x9b is a terminal's escape
    workbook(reviews(home) / "c.xlsx", [row("cand-c", topic="Против\x9b31m тарифов")])
    d = run(home)["cand-c"]
    assert d.status == "error"
    assert d.message.startswith("topic: contains the control character '\\x9b' at position 7")


def test_a_bidi_override_in_a_typed_text_is_refused_at_the_import(home):
    # U+202E shows "тарифов" reversed after it: the reader would see other words than those stored
    workbook(reviews(home) / "c.xlsx", [row("cand-c", topic="Против \u202eтарифов")])
    d = run(home)["cand-c"]
    assert d.status == "error"
    assert d.message.startswith("topic: contains the invisible direction control U+202E at position 8")


# 9. a monitor's walk through two rounds (issue 16 item 4, branch rev6) ------------------------
def _later(path, seconds):
    os.utime(path, (time.time() + seconds, time.time() + seconds))


def test_two_files_deciding_one_candidate_differently_are_a_conflict_not_a_silent_flip(home):
    """Two monitors filled copies of one sheet: one accepts, the other rejects. The later-saved file
    used to win silently (the card written, then deleted, then written again as the files were saved):
    now the conflict is named with both files, and the decision recorded first stands."""
    exported("cand-m-1", "cand-m-2")
    workbook(reviews(home) / "monitor_a.xlsx", [row("cand-m-1")])
    by = _import(home)
    assert by["cand-m-1"].status == "done" and len(cards(home)) == 1
    workbook(reviews(home) / "monitor_b.xlsx", [row("cand-m-1", decision="reject")])
    _later(reviews(home) / "monitor_b.xlsx", 5)
    by = _import(home)
    d = by["cand-m-1"]
    assert d.status == "error" and "monitor_a.xlsx" in d.message and "monitor_b.xlsx" in d.message
    assert len(cards(home)) == 1  # the accept recorded first stands: its card stays
    _later(reviews(home) / "monitor_a.xlsx", 10)  # saved again later: still the same conflict, nothing flips
    by = _import(home)
    assert by["cand-m-1"].status == "error" and len(cards(home)) == 1
    with warehouse.connect() as con:
        assert con.execute("SELECT decision, status FROM media_review_decisions WHERE candidate_id = 'cand-m-1'"
                           ).fetchall() == [("accept", "done")]
    # both files new at once, one accepting and one rejecting: neither applied
    workbook(reviews(home) / "monitor_c.xlsx", [row("cand-m-2")])
    workbook(reviews(home) / "monitor_d.xlsx", [row("cand-m-2", decision="reject")])
    by = _import(home)
    assert by["cand-m-2"].status == "error" and "neither" in by["cand-m-2"].message
    assert len(cards(home)) == 1
    # the same decision in two files (an accept with a corrected value in a later file) is no conflict
    workbook(reviews(home) / "monitor_d.xlsx", [row("cand-m-2", participants=12)])
    _later(reviews(home) / "monitor_d.xlsx", 15)
    by = _import(home)
    assert by["cand-m-2"].status == "done" and len(cards(home)) == 2
    card = next(p for p in cards(home) if p.name == review.card_id_for("cand-m-2", "2017") + ".yaml")
    assert yaml.safe_load(card.read_text(encoding="utf-8"))["participants"] == 12


def test_a_card_file_the_monitor_removed_is_not_written_again_by_an_unchanged_row(home):
    """The monitor deletes (or moves to another period's folder) a card the import wrote; any later import
    (a new file in inbox/reviews/ starts one) used to write it again from the sheet still in the folder."""
    exported("cand-g-1")
    workbook(reviews(home) / "r.xlsx", [row("cand-g-1")])
    _import(home)
    [card] = cards(home)
    card.unlink()
    workbook(reviews(home) / "other.xlsx", [])  # another monitor's file arrives: an import runs
    by = _import(home)
    assert not card.exists()
    assert by["cand-g-1"].status == "done" and "removed" in by["cand-g-1"].message and card.name in by["cand-g-1"].message
    # a changed row is a new decision: its card is written
    workbook(reviews(home) / "r.xlsx", [row("cand-g-1", participants=11)])
    _later(reviews(home) / "r.xlsx", 5)
    _import(home)
    assert card.exists() and yaml.safe_load(card.read_text(encoding="utf-8"))["participants"] == 11


def test_a_saved_file_s_path_is_no_web_link_the_card_would_be_quarantined_for(home):
    """A folder source of saved .txt articles gives file:// links; validation refuses a card whose
    source_links hold one (not an http(s) link), so every card accepted from such a folder was quarantined.
    The path goes to compiler_notes (internal, never published); source_links keeps the web links."""
    from assets.validate.coerce import coerce_record

    exported("cand-l-1", "cand-l-2")
    workbook(reviews(home) / "r.xlsx", [
        row("cand-l-1", links="file:///home/m/saved/a.txt;https://example.kz/a"),
        row("cand-l-2", decision="merge", merge_into="cand-l-1", links="file:///home/m/saved/b.txt")])
    by = _import(home)
    assert by["cand-l-1"].status == "done" and by["cand-l-2"].status == "done"
    [path] = cards(home)
    card = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert card["source_links"] == "https://example.kz/a"
    assert "file:///home/m/saved/a.txt" in card["compiler_notes"] and "file:///home/m/saved/b.txt" in card["compiler_notes"]
    assert [p for p in coerce_record("card", card)[1] if p.field in ("source_links", "compiler_notes")] == []
    assert not review.edited_by_hand(path)


def test_a_code_written_in_another_form_of_its_russian_label_is_read_as_validation_reads_it(home):
    """'Пикеты', 'экономическая', 'Плакаты; флаги': validation reads them as the codes (core/morph.py lemmas); the
    review import refused them ('is not a code of form'), listing only English codes to a Russian-reading monitor."""
    workbook(reviews(home) / "r.xlsx", [row("cand-w-1", form="Пикеты", character="экономическая"),
                                        row("cand-w-2", form="Собрание")])
    by = run(home)
    assert by["cand-w-1"].status == "done", by["cand-w-1"].message
    card = yaml.safe_load(open(by["cand-w-1"].card_path, encoding="utf-8"))
    assert (card["form"], card["character"]) == ("picket", "economic")
    assert by["cand-w-2"].status == "error" and "Пикет / Picket" in by["cand-w-2"].message
    attrs = review.build_card("c", {"date": "2017-06-10", "city": "Алматы", "form": "митинги", "topic": "т",
                                    "character": "Политическая", "organizer_type": "стихийные объединения граждан",
                                    "permission_requested": "да", "permission_answer": "разрешено",
                                    "attributes": "Плакаты; флаги", "participants": 10})
    assert attrs[1] == [] and attrs[0]["attributes"] == "placards;flags" and attrs[0]["form"] == "rally"


def test_a_workbook_holding_no_review_sheet_at_all_is_named(home):
    """A blank workbook saved into inbox/reviews/ (the wrong file, or the queue sheet deleted and only 'help' left)
    was read as deciding nothing: exit status 0, nothing said. A queue with its header and no row decides nothing
    and is no problem."""
    from openpyxl import Workbook

    reviews(home).mkdir(parents=True, exist_ok=True)
    Workbook().save(reviews(home) / "blank.xlsx")
    wb = Workbook()
    wb.active.title = "help"
    wb.active.append(["Как работать с этим файлом"])
    wb.save(reviews(home) / "only_help.xlsx")
    workbook(reviews(home) / "header_only.xlsx", [])
    by = run(home)
    assert set(by) == {"file:blank.xlsx", "file:only_help.xlsx"}
    assert all(d.status == "error" and "no sheet" in d.message and "review queue" in d.message for d in by.values())


def test_a_row_validation_would_quarantine_for_a_cross_field_rule_is_refused_where_the_monitor_sees_it(home):
    """A monitor types 'нет' under 'Подавалась заявка' and no reason, or raises the best estimate above the
    prefilled high one: the import wrote the card, the next run quarantined it (reason_not_applied required,
    participants outside low / high), and the monitor had to find and fix the card file. Now the row is refused
    with validation's own words, and comes back in the next sheet with what was typed."""
    exported("cand-x-1", "cand-x-2", "cand-x-3")
    workbook(reviews(home) / "r.xlsx", [
        row("cand-x-1", permission="нет", answer=None),
        row("cand-x-2", participants=250),
        row("cand-x-3", permission="нет", answer=None)])
    wb_path = reviews(home) / "r.xlsx"
    from openpyxl import load_workbook

    wb = load_workbook(wb_path)
    ws = wb["queue"]
    ws.cell(row=1, column=14, value="Участники (мин.) / Participants (low)")
    ws.cell(row=1, column=15, value="Участники (макс.) / Participants (high)")
    ws.cell(row=1, column=16, value="Причина необращения / Reason for not applying")
    ws.cell(row=3, column=14, value=180)
    ws.cell(row=3, column=15, value=220)
    ws.cell(row=4, column=16, value="Причина неизвестна")
    wb.save(wb_path)
    by = _import(home)
    assert by["cand-x-1"].status == "error"
    assert by["cand-x-1"].message.startswith("reason_not_applied: permission was not requested: give the reason")
    assert by["cand-x-2"].status == "error" and by["cand-x-2"].message.startswith(
        "participants: participants must lie between the low and high estimates: low 180, best 250, high 220")
    assert by["cand-x-3"].status == "done"
    assert [p.name for p in cards(home)] == [review.card_id_for("cand-x-3", "2017") + ".yaml"]


def test_a_range_typed_as_one_number_says_where_its_ends_go():
    """'100-150' under the best estimate was 'not a number': a monitor reads no way out of it."""
    for typed in ("100-150", "100 – 150", "100—150"):
        value, err = review._int(typed)
        assert value is None and "is a range" in err and "Участники (мин.) / Participants (low)" in err, typed
    assert "is a range" not in review._int("-3")[1]


def test_a_date_corrected_into_another_period_moves_the_card_instead_of_leaving_a_second_one(home):
    """An accepted row's date corrected (the same file saved again) into another period: the card of the new period
    was written and the first one left where it was, so the event was counted in both periods."""
    exported("cand-p-1", "cand-p-2")
    workbook(reviews(home) / "r.xlsx", [row("cand-p-1"), row("cand-p-2")])
    _import(home)
    first = {p.name for p in (home / "inbox" / "cards").rglob("*.yaml")}
    assert len(first) == 2
    edited = next(p for p in cards(home) if p.name.startswith(review.card_id_for("cand-p-2", "2017")))
    edited.write_text(edited.read_text(encoding="utf-8").replace("participants: 10", "participants: 12"), encoding="utf-8")
    workbook(reviews(home) / "r.xlsx", [row("cand-p-1", date="2018-03-01"), row("cand-p-2", date="2018-03-01")])
    _later(reviews(home) / "r.xlsx", 5)
    by = _import(home)
    names = sorted(p.relative_to(home / "inbox" / "cards").as_posix() for p in (home / "inbox" / "cards").rglob("*.yaml"))
    moved = review.card_id_for("cand-p-1", "2018") + ".yaml"
    assert f"2018/{moved}" in names and f"2017/{review.card_id_for('cand-p-1', '2017')}.yaml" not in names
    assert by["cand-p-1"].status == "done"
    # a card corrected by hand is never removed: kept, and the row's new card not written beside it
    assert edited.exists() and by["cand-p-2"].status == "error" and edited.name in by["cand-p-2"].message
    assert f"2018/{review.card_id_for('cand-p-2', '2018')}.yaml" not in names


def test_cells_merged_down_several_rows_are_read_in_every_row_they_cover(home):
    """A monitor merges the decision cells of three rows into one 'принять' (and the city cells into one 'Алматы'):
    the sheet shows the value in all three rows, but only the first was read; the others were undecided (silently)
    or had no city."""
    from openpyxl import load_workbook

    path = workbook(reviews(home) / "r.xlsx", [row("cand-mg-1", decision="принять", city="Алматы"),
                                               row("cand-mg-2", decision=None, city=None),
                                               row("cand-mg-3", decision=None, city=None),
                                               row("cand-mg-4", decision=None)])
    wb = load_workbook(path)
    wb["queue"].merge_cells("B2:B4")
    wb["queue"].merge_cells("D2:D4")
    wb.save(path)
    by = run(home)
    assert {c: d.status for c, d in by.items()} == {"cand-mg-1": "done", "cand-mg-2": "done", "cand-mg-3": "done"}
    assert len(cards(home)) == 3
    assert {yaml.safe_load(p.read_text(encoding="utf-8"))["city"] for p in cards(home)} == {"almaty"}


def test_a_start_time_is_read_as_validation_reads_it():
    """'15.30' (a point, as Russian writing has it) is read by validation and was refused by the review import."""
    base = {"date": "2017-06-10", "city": "Алматы", "form": "Пикет", "topic": "т", "character": "Политический",
            "organizer_type": "Стихийные объединения граждан", "permission_requested": "да",
            "permission_answer": "Разрешено", "participants": 10}
    for typed, want in (("15.30", "15:30"), ("9:05", "09:05"), ("15:30:00", "15:30")):
        card, problems = review.build_card("c", {**base, "time_start": typed})
        assert problems == [] and card["time_start"] == want, typed
    for typed in ("25:99", "15.3", "15"):
        assert review.build_card("c", {**base, "time_start": typed})[1][0].startswith("time_start:"), typed


def test_the_import_counts_the_card_files_it_wrote_not_those_it_left_alone(home, capsys):
    """'3 card files written' was printed for cards kept as corrected by hand and for an unchanged second import:
    a monitor read that their corrections were overwritten."""
    exported("cand-n-1", "cand-n-2")
    workbook(reviews(home) / "r.xlsx", [row("cand-n-1"), row("cand-n-2")])
    assert cli.main(["review", "import"]) == 0
    assert "2 card files written" in capsys.readouterr().out
    edited = next(p for p in cards(home) if p.name.startswith(review.card_id_for("cand-n-1", "2017")))
    edited.write_text(edited.read_text(encoding="utf-8").replace("participants: 10", "participants: 12"), encoding="utf-8")
    assert cli.main(["review", "import"]) == 0
    out = capsys.readouterr().out
    assert "0 card files written" in out and "1 card file kept as corrected by hand" in out


def test_a_reject_after_an_accept_that_failed_is_no_conflict(home):
    """Round 1 accepts a row the import refuses (a city it does not know); the row comes back and the monitor rejects
    it in round 2, round 1's file still in the folder: an accept that was never applied is no decision to conflict
    with."""
    exported("cand-r-1")
    workbook(reviews(home) / "round1.xlsx", [row("cand-r-1", city="Готэм")])
    assert _import(home)["cand-r-1"].status == "error"
    workbook(reviews(home) / "round2.xlsx", [row("cand-r-1", decision="отклонить", city="Готэм")])
    _later(reviews(home) / "round2.xlsx", 5)
    d = _import(home)["cand-r-1"]
    assert d.status == "done" and d.decision == "reject", d.message


def test_a_column_the_monitor_added_is_named_and_the_rows_still_imported(home, capsys):
    """A monitor added «Комментарий» beside the queue and typed two remarks there, and one more in a column without a
    header: the import read no field of them and said nothing, so the remarks were lost unseen. Now each such column
    is named (its filled cells counted); the rows are imported all the same (exit status 0), nothing is stored of it."""
    exported("cand-a", "cand-b")
    path = workbook(reviews(home) / "added.xlsx", [row("cand-a") + ["видела сама", None, None],
                                                   row("cand-b") + ["проверить число", None, "звонила"]])
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb["queue"].cell(row=1, column=len(HEADER) + 1, value="Комментарий")
    wb.save(path)
    assert cli.main(["review", "import"]) == 0
    err = capsys.readouterr().err
    assert ("note: added.xlsx: sheet 'queue': the column 'Комментарий' (N) is not a column of the review, so its 2 filled "
            "cells were not imported (the review reads its own columns only)") in err
    assert ("note: added.xlsx: sheet 'queue': column P, which has no header, is not a column of the review, so its 1 "
            "filled cell was not imported") in err
    with warehouse.connect(read_only=True) as con:
        stored = con.execute("SELECT candidate_id, status FROM media_review_decisions ORDER BY 1").fetchall()
    assert stored == [("cand-a", "done"), ("cand-b", "done")]


def test_the_sheet_the_program_wrote_has_no_column_the_import_does_not_read(home):
    """Every column of the exported queue is read by a field (else every import would name the export's own columns)."""
    from assets.media import review_export

    path = reviews(home) / "export.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    cand = {k: None for k in review.COLUMNS} | {"candidate_id": "cand-e", "date": "2017-06-10", "city": "almaty",
                                                "form": "picket", "topic": "тест", "source_1": "https://example.kz/a"}
    review_export.export_queue([cand], path)
    rows, skipped, _, found, unread = review_sheets.read_workbook(path)
    assert found and not skipped and unread == [] and [r.data["candidate_id"] for r in rows] == ["cand-e"]


def _ods(path, sheets):
    """An OpenDocument spreadsheet written by hand (content.xml and a manifest, as LibreOffice saves them, without
    styles): sheets is {title: rows}; a cell is a str, a number, a datetime.date or None."""
    import datetime as dt
    from xml.sax.saxutils import escape

    def cell(v):
        if v is None:
            return "<table:table-cell/>"
        if isinstance(v, dt.date):
            return f'<table:table-cell office:value-type="date" office:date-value="{v.isoformat()}"><text:p>{v.isoformat()}</text:p></table:table-cell>'
        if isinstance(v, (int, float)):
            return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'
    body = "".join(f'<table:table table:name="{escape(t)}">' + "".join(
        "<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>" for r in rows) + "</table:table>"
        for t, rows in sheets.items())
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f'<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path

def test_a_libreoffice_spreadsheet_is_read_as_a_workbook_is(home, capsys):
    """A monitor working in LibreOffice saves the queue as .ods, its own format: the import named it "not read: save it
    as .xlsx". Now an .ods is read as a workbook is: its header found, numbers as numbers (calamine's 10.0 is 10), a
    date cell as a date, an empty cell as none; a bad value is the row's error as in a workbook."""
    import datetime as dt

    exported("cand-a", "cand-b", "cand-c")
    path = reviews(home) / "Очередь.ods"
    path.parent.mkdir(parents=True, exist_ok=True)
    a = row("cand-a", participants=10, date=dt.date(2017, 6, 10), topic=1986)  # a number typed as the topic
    c = row("cand-c", participants="1,000")
    _ods(path, {"Инструкция": [["прочитать"]], "queue": [HEADER, a, [None] * len(HEADER), row("cand-b", "отклонить"), c]})
    assert cli.main(["review", "import"]) == 1  # cand-c's ambiguous number, as in a workbook
    err = capsys.readouterr().err
    assert "Очередь.ods, sheet 'queue', row 5 (cand-c): participants: '1,000' is ambiguous" in err
    assert "Инструкция" in err  # a sheet of other content is named, as in a workbook
    card = yaml.safe_load(cards(home)[0].read_text(encoding="utf-8"))
    assert len(cards(home)) == 1 and (card["participants"], str(card["date"]), card["form"]) == (10, "2017-06-10", "picket")
    assert str(card["topic"]) == "1986"  # as a workbook's 1986 reads, never calamine's "1986.0"
    with warehouse.connect(read_only=True) as con:
        got = dict(con.execute("SELECT candidate_id, decision FROM media_review_decisions WHERE status = 'done'").fetchall())
    assert got == {"cand-a": "accept", "cand-b": "reject"}
