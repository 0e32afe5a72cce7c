"""The card inbox against a red-team probe (issues 7 and 9): small hand-built files, the values they
must give typed by hand. Each file goes through the inbox's reading (inbox.ingest) and BOTH
validations (validate_period, column by column, and validate_period_by_record, the reference):
they must agree, and say what is wrong naming file, row and field."""
from __future__ import annotations

import io
import json
from pathlib import Path

import polars as pl
import pytest
from openpyxl import Workbook

from assets.core import periods
from assets.ingest import inbox
from assets.validate import validate as V

HEADER = ["card_id", "date", "city", "form", "topic", "character", "organizer_type", "participants",
          "permission_requested", "reason_not_applied", "source_type", "police_present", "police_count"]


def row(card_id: str, participants: str = "5", police_count: str = "2") -> list[str]:
    return [card_id, "2017-06-02", "Алматы", "picket", "Тема", "social", "spontaneous", participants, "нет",
            "unknown", "monitor", "да", police_count]


def csv_text(rows: list[list[str]], header=HEADER) -> str:
    return "\n".join(",".join(f'"{c}"' if ("," in c or "\n" in c) else c for c in r) for r in [header, *rows]) + "\n"


def yaml_text(card_id: str, **over: str) -> str:
    lines = dict(zip(HEADER, row(card_id)))
    lines.update(over)
    return "".join(f"{k}: {v}\n" for k, v in lines.items())


def run(tmp_path: Path, files: dict[str, str | bytes]):
    """Both validations of a 2017 inbox holding `files`: (clean card ids, quarantine rows) of each."""
    box = tmp_path / "inbox" / "cards" / "2017"
    box.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (box / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    got = inbox.ingest("2017", tmp_path / "inbox")
    p = periods.get("2017")
    out = []
    for res in (V.validate_period(p, got.records, got.files, tables=got.tables),
                V.validate_period_by_record(p, got.records, got.files)):
        out.append((sorted(res.cards["card_id"].to_list()), res.cards, res.quarantine))
    (ids_a, cards_a, q_a), (ids_b, cards_b, q_b) = out
    assert ids_a == ids_b
    cols = ["source_file", "row_no", "field", "value", "reason"]
    assert sorted(q_a.select(cols).rows(), key=str) == sorted(q_b.select(cols).rows(), key=str)
    return ids_a, cards_a, q_a


def reasons(q: pl.DataFrame, field: str) -> dict[int | None, str]:
    return {r["row_no"]: r["reason"] for r in q.filter(pl.col("field") == field).iter_rows(named=True)}


# ------------------------------------------------------------------ 1. 1,000 is not 1: thousands or decimals?

def test_a_separator_before_three_digits_is_refused_as_ambiguous(tmp_path):
    rows = [row("2017-N-1", "1,000"), row("2017-N-2", "2.000"), row("2017-N-3", "10,000"), row("2017-N-4", "1.000.000"),
            row("2017-N-5", "5,0"), row("2017-N-6", "5.00"), row("2017-N-7", "1 000"), row("2017-N-8", "1,500")]
    ids, cards, q = run(tmp_path, {"n.csv": csv_text(rows)})
    assert ids == ["2017-N-5", "2017-N-6", "2017-N-7"]
    by_id = dict(zip(cards["card_id"], cards["participants"]))
    assert by_id == {"2017-N-5": 5, "2017-N-6": 5, "2017-N-7": 1000}
    got = reasons(q, "participants")
    assert set(got) == {2, 3, 4, 5, 9}  # rows of the file (the header is row 1)
    for r in got.values():
        assert "ambiguous" in r and "thousands" in r, r
    assert got[2].endswith("'1,000' is ambiguous: a comma or point followed by three digits separates thousands in one locale "
                           "and decimals in another, so it is not read as a number; write the whole number without separators: 1000 or 1")
    assert got[3].endswith("without separators: 2000 or 2") and got[5].endswith("without separators: 1000000")


def test_yaml_thousands_are_refused_as_ambiguous_not_read_as_one(tmp_path):
    files = {"a.yaml": yaml_text("2017-Y-1", participants="1,000"),
             "b.yaml": yaml_text("2017-Y-2", participants="1.000"),   # YAML would read the float 1.0
             "c.json": json.dumps(dict(zip(HEADER, row("2017-Y-3")))).replace('"participants": "5"', '"participants": 2.000')}
    ids, _, q = run(tmp_path, files)
    assert ids == []
    got = {r["source_file"]: r["reason"] for r in q.filter(pl.col("field") == "participants").iter_rows(named=True)}
    assert set(got) == {"cards/2017/a.yaml", "cards/2017/b.yaml", "cards/2017/c.json"}
    assert all("ambiguous" in r for r in got.values()), got


# ------------------------------------------------------------------ 2. YAML's octal: 010 is ten, never 8

def test_yaml_leading_zero_is_decimal(tmp_path):
    files = {"a.yaml": yaml_text("2017-O-1", police_count="010"), "b.yaml": yaml_text("2017-O-2", participants="0x10"),
             "c.yaml": yaml_text("2017-O-3", topic="0777")}
    ids, cards, q = run(tmp_path, files)
    assert ids == ["2017-O-1", "2017-O-3"]
    got = {r["card_id"]: r for r in cards.iter_rows(named=True)}
    assert got["2017-O-1"]["police_count"] == 10
    assert got["2017-O-3"]["topic"] == "0777"  # text as typed (YAML 1.1: the octal 511)
    assert "'0x10' is not a whole number" in reasons(q, "participants")[1]


# ------------------------------------------------------------------ 4. card ids that differ only invisibly

def test_card_ids_compared_without_case_and_of_the_documented_form(tmp_path):
    rows = [row("2017-PBJ-01"), row("2017-pbj-01"), row("2017-\u0420\u0412J-01"), row("2017-PBJ-01\u200b"),
            row("../../x"), row("=1+1"), row("2017-PBJ-07\n2"), row("2017-PBJ-02")]
    ids, _, q = run(tmp_path, {"ids.csv": csv_text(rows)})
    assert ids == ["2017-PBJ-01", "2017-PBJ-02"]
    got = reasons(q, "card_id")
    assert set(got) == {3, 4, 5, 6, 7, 8}  # every row but the first and the last (row 8 spans two lines)
    assert "already used by cards/2017/ids.csv row 2" in got[3] and "ignoring case" in got[3]
    assert "mixes Latin and Cyrillic letters" in got[4] and "Р" in got[4]
    assert "invisible character (U+200B)" in got[5]
    for r in (6, 7):
        assert "is not a card id" in got[r] and "2017-ALA-001" in got[r]
    assert "line break" in got[8]
    assert q.filter(pl.col("field") == "card_id")["rule"].to_list().count("card_id_format") == 5


def test_a_card_id_of_another_period_differing_in_case_is_the_same_id(tmp_path):
    box = tmp_path / "inbox" / "cards" / "2017"
    box.mkdir(parents=True)
    (box / "a.csv").write_text(csv_text([row("2017-abc-1")]))
    got = inbox.ingest("2017", tmp_path / "inbox")
    p = periods.get("2017")
    for fn in (V.validate_period, V.validate_period_by_record):
        res = fn(p, got.records, got.files, {"2017-ABC-1": "2018"})
        assert res.cards.height == 0
        assert "already used by a card of period 2018" in res.quarantine["reason"][0]


# ------------------------------------------------------------------ 3. which sheets of a workbook hold cards

def workbook(sheets: list[tuple[str, list[list], str]]) -> bytes:
    """(title, rows, state) per sheet, in order; state 'visible' or 'hidden'."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows, state in sheets:
        ws = wb.create_sheet(title)
        ws.sheet_state = state
        for r in rows:
            ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_hidden_sheets_and_sheets_without_a_card_header_are_not_read_and_said(tmp_path):
    book = workbook([
        ("cards", [HEADER, row("2017-W-1")], "visible"),
        ("архив", [HEADER, row("2017-W-9")], "hidden"),
        ("Сводная", [["Город", "Число акций"], ["Алматы", 12], ["Итого", 12]], "visible"),
        ("Инструкция", [["Как заполнять"], ["Пишите дату как ГГГГ-ММ-ДД"]], "visible"),
        ("Лист1", [HEADER, row("2017-W-2")], "visible"),  # a sheet of any name with the card's header is read
    ])
    from assets.ingest.readers import read_file
    fast, ref = read_file(Path("b.xlsx"), book), read_file(Path("b.xlsx"), book, fast=False)
    assert [(r.sheet, r.row_no) for r in fast.records] == [(r.sheet, r.row_no) for r in ref.records] == [("cards", 2), ("Лист1", 2)]
    assert fast.warnings == ref.warnings
    ids, _, q = run(tmp_path, {"b.xlsx": book})
    assert ids == ["2017-W-1", "2017-W-2"]
    notes = {r["rule"]: [] for r in q.iter_rows(named=True)}
    for r in q.iter_rows(named=True):
        notes[r["rule"]].append(r["reason"])
    assert set(notes) == {"sheet_not_read"} and len(notes["sheet_not_read"]) == 3
    said = " | ".join(notes["sheet_not_read"])
    assert "sheet 'архив' is hidden, so it was not read" in said
    assert "sheet 'Сводная' was not read" in said and "sheet 'Инструкция' was not read" in said
    assert (q["severity"] == "warning").all()


def test_a_workbook_with_no_sheet_of_cards_is_refused_saying_why(tmp_path):
    book = workbook([("Сводная", [["Город", "Число акций"], ["Алматы", 12]], "visible"),
                     ("old", [HEADER, row("2017-W-3")], "hidden")])
    ids, _, q = run(tmp_path, {"b.xlsx": book})
    assert ids == []
    (reason,) = q.filter(pl.col("severity") == "error")["reason"].to_list()
    assert reason.startswith("no sheet of the workbook holds cards") and "'old' is hidden" in reason


def test_monitor_quarantine_names_the_sheet(project, capsys):
    from pipelines.commands.cards import cmd_quarantine
    from tests.conftest import run_period

    box = project / "inbox" / "cards" / "2017"
    box.mkdir(parents=True)
    bad = row("2017-S-1")
    bad[2] = "Москва"
    (box / "book.xlsx").write_bytes(workbook([("cards", [HEADER, row("2017-S-2")], "visible"),
                                              ("Лист2", [HEADER, bad], "visible")]))
    (box / "c.csv").write_text(csv_text([row("2017-S-3", participants="много")]))
    run_period("2017", selection=("raw_cards",), checks=False)

    class Args:
        period = "2017"

    assert cmd_quarantine(Args()) == 0
    out = capsys.readouterr().out
    assert "cards/2017/book.xlsx, sheet Лист2, row 2, field city = 'Москва'" in out
    assert "cards/2017/c.csv, row 2, field participants" in out  # a CSV has no sheet to name


# ------------------------------------------------------------------ 6. whole-file refusals that point the right way

def test_a_title_above_the_header_of_a_sheet_is_found_and_said(tmp_path):
    book = workbook([("cards", [["Карточки наблюдения 2017, Алматы"], [], HEADER, row("2017-T-1")], "visible")])
    ids, cards, q = run(tmp_path, {"t.xlsx": book})
    assert ids == ["2017-T-1"] and cards["participants"].to_list() == [5]
    (note,) = q.filter(pl.col("rule") == "title_above_header")["reason"].to_list()
    assert note == "sheet 'cards': the header is on row 3, not row 1: row 1 above it is taken for a title and not read"


def test_a_title_line_above_a_csv_header_is_named(tmp_path):
    text = "Карточки наблюдения 2017\n" + csv_text([row("2017-T-2")])
    ids, _, q = run(tmp_path, {"t.csv": text})
    assert ids == []
    (reason,) = q["reason"].to_list()
    assert reason.startswith("the header is not on line 1: line 2 holds the columns (card_id, date, city, …)")
    assert "like a title" in reason


def test_a_file_whose_bytes_say_another_format_is_named_for_what_it_is(tmp_path):
    book = workbook([("cards", [HEADER, row("2017-T-3")], "visible")])
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600  # Excel 97-2003 / an encrypted workbook
    ids, _, q = run(tmp_path, {"book.csv": book, "old.xlsx": ole})
    assert ids == []
    got = dict(zip(q["source_file"], q["reason"]))
    assert got["cards/2017/book.csv"] == "this is an Excel workbook (a ZIP archive), saved with a .csv name: rename it .xlsx"
    assert got["cards/2017/old.xlsx"].startswith("this is an old Excel 97-2003 workbook (.xls) or a password-protected")
    assert "save it as .xlsx (Excel Workbook) without a password" in got["cards/2017/old.xlsx"]


def test_a_formatted_empty_cell_far_right_does_not_refuse_the_workbook(tmp_path):
    from openpyxl.styles import PatternFill

    def book(value) -> bytes:
        wb = Workbook()
        ws = wb.active
        ws.title = "cards"
        ws.append(HEADER)
        ws.append(row("2017-T-4"))
        far = ws.cell(row=2, column=301, value=value)
        far.fill = PatternFill("solid", fgColor="FFFF00")
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()

    ids, _, q = run(tmp_path, {"yellow.xlsx": book(None)})
    assert ids == ["2017-T-4"] and q.height == 0
    ids, _, q = run(tmp_path / "2", {"far.xlsx": book("x")})  # a value out there is still refused
    assert ids == [] and "over the limit of 200" in q["reason"][0]


# ------------------------------------------------------------------ 5. a period with no valid card

def test_a_period_whose_every_card_is_quarantined_skips_its_report_saying_so(project, capsys):
    from pipelines.commands import runs

    cards = project / "inbox" / "cards"
    (cards / "2018").mkdir(parents=True)
    bad = dict(zip(HEADER, row("2018-Q-1")))
    bad.update(date="2018-03-01", city="Москва")
    (cards / "2018" / "bad.yaml").write_text(json.dumps(bad, ensure_ascii=False))
    (cards / "2019").mkdir()
    (cards / "2019" / ".gitkeep").write_text("")
    (cards / "2019" / "Thumbs.db").write_bytes(b"\0")
    assert "2019" not in runs.periods_in_inbox() and "2018" in runs.periods_in_inbox()
    assert runs.run_periods(["2018"], with_report={"2018"}) is True
    out = capsys.readouterr().out
    assert "2018: no valid card (1 quarantined): no report" in out
    assert "FAILED" not in out and "FiguresNotValid" not in out


def _earlier_outputs(project, period: str) -> list:
    """The report and exports an earlier run rendered from the period's cards (written here by hand: a render takes
    seconds, and what is tested is that they go, whatever they hold)."""
    folders = [project / "build" / "report" / period, project / "build" / "exports" / period,
               project / "build" / "report_src" / f"{period}-en"]
    for f, name in zip(folders, (f"report-{period}-ru.html", "cards_public.csv", "index.qmd")):
        f.mkdir(parents=True)
        (f / name).write_text("2018-W-1,Алматы\n", encoding="utf-8")
    return folders


def test_a_period_whose_cards_are_all_gone_withdraws_its_earlier_report_and_exports(project, capsys):
    # 2018 was reported from its cards; now its only file is broken: no report, and the old one is withdrawn
    from pipelines.commands import runs

    folders = _earlier_outputs(project, "2018")
    (project / "build" / "report" / "2017").mkdir(parents=True)  # another period's report is not touched
    (project / "inbox" / "cards" / "2018").mkdir(parents=True)
    (project / "inbox" / "cards" / "2018" / "broken.yaml").write_text("card_id: [unclosed\n", encoding="utf-8")
    assert runs.run_periods(["2018"], with_report={"2018"}) is True
    out = capsys.readouterr().out
    assert "2018: no valid card (1 quarantined): no report" in out
    for f in folders:
        assert not f.exists() and f"2018: withdrew {f} (rendered from cards the period no longer has)" in out
    assert (project / "build" / "report" / "2017").is_dir()
    assert [p.name for p in (project / "build").iterdir() if p.name.startswith(".")] == []  # nothing left beside


def test_a_period_of_events_not_held_only_has_no_report_and_says_why(project, capsys):
    # 2018: one refused application (participants left empty: no assembly to count) and one assembly prevented
    # (its organiser detained before it began, nobody took part): both valid, no assembly held, so no report --
    # said in a sentence that does not send the user to the command just run -- and no earlier report stays
    from pipelines.commands import runs

    folders = _earlier_outputs(project, "2018")
    d = project / "inbox" / "cards" / "2018"
    d.mkdir(parents=True)
    (d / "refused.yaml").write_text(yaml_text("2018-R-1", date="2018-03-01", participants="", permission_requested="да",
                                              reason_not_applied="", event_status="refused", permission_answer="refused"),
                                    encoding="utf-8")
    (d / "prevented.yaml").write_text(yaml_text("2018-P-1", date="2018-04-01", participants="0", event_status="prevented",
                                                detained="1"), encoding="utf-8")
    assert runs.run_periods(["2018"], with_report={"2018"}) is True
    out = capsys.readouterr().out
    assert ("2018: no assembly held, only 1 refused application record and 1 prevented assembly record, kept in "
            "the warehouse (events_not_held): a report counts assemblies held, so none is rendered") in out
    assert "FAILED" not in out and "FiguresNotValid" not in out and "monitor run --period 2018" not in out
    assert not any(f.exists() for f in folders)
    from assets.core import warehouse
    with warehouse.connect(read_only=True) as con:
        assert sorted(con.execute("SELECT card_id, participants, detained, preventive_detentions FROM events_not_held "
                                  "WHERE period = '2018'").fetchall()) == [("2018-P-1", 0, 1, 1), ("2018-R-1", None, None, None)]


def test_the_report_of_a_period_without_figures_says_why_without_sending_the_user_to_run_it_again():
    # `monitor report --period P` where the warehouse holds no figure of P: the reason is what the warehouse holds
    from assets.quality.gx_suite import FiguresNotValid, assert_figures_ok, no_figures_reason
    from tests import test_sql_models as base

    con = base.warehouse()
    base.insert_cards(con, [("2018", "r1", "2018-03-01", "almaty", "rally", "prices", "economic", "ngo", None, None, None,
                             None, True, "refused", None, False, None, None, None, None, None, None, None, None, None,
                             None, None, None, "refused", None)], table="events_not_held")
    with pytest.raises(FiguresNotValid) as err:
        assert_figures_ok(con, "2018")
    assert str(err.value) == ("the warehouse holds no figures of period 2018: it has no assembly held, only 1 record of "
                              "events not held (refused applications, prevented assemblies), and a report counts assemblies "
                              "held, so it has no report")
    assert no_figures_reason(con, "2019") == (
        "the warehouse holds no figures of period 2019: it holds no valid card of it, so it has no report; put its cards in "
        "the inbox (inbox/cards/2019/) (`monitor quarantine --period 2019` lists the records held back)")
    # 2017 holds cards (the base fixture's) whose figures were not derived: then running it is the advice
    assert "(e.g. `monitor run --period 2017`)" in no_figures_reason(con, "2017")


def test_items_outside_every_period_are_quarantined_once_and_never_stale(project, capsys):
    """Folders that name no period and a loose card file in cards/ belong to no period: one quarantine row
    each (period 'inbox'), whatever number of periods run, replaced by every run (before: one row per item
    per period run, 41 rows for 5 items, and the periods not re-run kept theirs after the items were moved)."""
    from pipelines.commands.cards import cmd_quarantine
    from tests.conftest import card, run_period, write

    box = project / "inbox" / "cards"
    write(box / "2016" / "a.yaml", card("2016-A", "2016-03-01"))
    write(box / "2017" / "b.yaml", card("2017-B", "2017-03-01"))
    odd = ["2017-extra", "1999", "2100", "2019x"]
    for name in odd:
        write(box / name / "x.yaml", card(f"X-{name}", "2017-03-01"))
    write(box / "2017-ALA-04.yaml", card("2017-ALA-04", "2017-05-01"))
    for p in ("2016", "2017"):
        run_period(p, selection=("raw_cards",), checks=False)

    class Args:
        period = None

    assert cmd_quarantine(Args()) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[-1] == "5 quarantine rows (5 errors refusing 5 records)"
    assert sorted(x.split(":")[0] for x in lines[:-1]) == sorted(
        [f"[inbox] cards/{n}" for n in odd] + ["[inbox] cards/2017-ALA-04.yaml"])
    assert "(e.g. cards/2017/)" in out and "move them into the folder of their period" in out
    for n in [*odd, "2017-ALA-04.yaml"]:
        (box / n).rename(project / n) if (box / n).exists() else None
    run_period("2017", selection=("raw_cards",), checks=False)
    assert cmd_quarantine(Args()) == 0
    assert capsys.readouterr().out.splitlines() == ["0 quarantine rows"]
