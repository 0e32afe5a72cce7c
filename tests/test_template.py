"""The card template (`monitor template`, schemas/codebook.write_template) as a monitor meets it in Excel:
drop-downs of card.yaml's Russian labels, да/нет and the gazetteer's cities; formats that keep Excel from
making dates of ids and numbers of times; and a filled template read back through the inbox and both
validations to the values typed by hand here. The workbook's checks are a help: validation is the gate."""
from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import polars as pl
from openpyxl import Workbook, load_workbook

from assets.core import periods
from assets.core.limits import limits
from assets.ingest import inbox, readers
from assets.validate import validate as V
from schemas import gazetteer
from schemas.card import spec
from schemas.codebook import LIST_SHEET, write_template

SHEETS = {"card": "cards", "person": "persons"}


def validations(wb, sheet: str) -> dict[str, object]:
    """Each column's data validation (one per column, over rows 2..5000), by the field it heads."""
    ws = wb[sheet]
    by_letter = {}
    for dv in ws.data_validations.dataValidation:
        (rng,) = str(dv.sqref).split()
        start, end = rng.split(":")
        letter = start.rstrip("0123456789")
        assert (start, end) == (f"{letter}2", f"{letter}5000"), rng
        assert letter not in by_letter, letter
        by_letter[letter] = dv
    kind = next(k for k, s in SHEETS.items() if s == sheet)
    ru_to_name = {f.ru: f.name for f in spec().fields(kind).values()}
    return {ru_to_name[c.value]: by_letter.get(c.column_letter) for c in ws[1]}


def choices(wb, dv) -> list[str]:
    """A list validation's values: written inline ("a,b") or a range of the hidden list sheet."""
    f1 = dv.formula1
    if f1.startswith('"'):
        return f1.strip('"').split(",")
    sheet, rng = f1.rsplit("!", 1)
    assert sheet.strip("'") == LIST_SHEET, f1
    return [c.value for (c,) in wb[LIST_SHEET][rng.replace("$", "")]]


def test_drop_downs_are_exactly_the_code_yes_no_and_city_fields_with_card_yaml_labels(tmp_path):
    wb = load_workbook(write_template(tmp_path / "t.xlsx"))
    assert wb[LIST_SHEET].sheet_state == "hidden"
    cities = {gazetteer.label(k) for k in gazetteer.cities()}
    for kind, sheet in SHEETS.items():
        ws, dvs = wb[sheet], validations(wb, sheet)
        assert ws.freeze_panes in ("A2", "B2") and all(c.font.b for c in ws[1])
        lists = {name for name, dv in dvs.items() if dv is not None and dv.type == "list"}
        assert lists == {f.name for f in spec().fields(kind).values() if f.type in ("code", "bool", "city")}
        for f in spec().fields(kind).values():
            dv, fmt = dvs[f.name], ws.column_dimensions[ws.cell(1, list(dvs).index(f.name) + 1).column_letter]
            assert dv is not None and dv.showInputMessage and dv.prompt and len(dv.prompt) <= 255, f.name
            assert len(dv.promptTitle or "") <= 32 and len(dv.error or "") <= 225, f.name  # Excel's limits
            assert fmt.width and fmt.width >= min(len(f.ru), 40), f.name
            if f.type == "code":
                assert choices(wb, dv) == [v["ru"] for v in f.codes.values()], f.name
            elif f.type == "bool":
                assert choices(wb, dv) == ["да", "нет"], f.name
            elif f.type == "city":
                assert set(choices(wb, dv)) == cities
            elif f.type == "codes":
                assert all(v["ru"] in dv.prompt for v in f.codes.values()) and "«;»" in dv.prompt, f.name
            elif f.type == "int":
                assert dv.type == "whole" and dv.formula1 == "0" and dv.error and dv.errorStyle == "stop", f.name
                assert fmt.number_format == "General"
            elif f.type == "date":
                assert dv.type == "date" and fmt.number_format == "mm-dd-yy", f.name  # built-in 14: the locale's date
            elif f.type == "time":
                assert fmt.number_format == "@" and "15:00" in dv.prompt, f.name
            else:
                assert fmt.number_format == "@", f.name
    bound = limits().counts["participants"]
    assert validations(wb, "cards")["participants"].formula2 == str(bound)


def as_excel_stores(v, number_format: str):
    """What Excel keeps of `v` typed into a cell of its column's format: text in a text ('@') column as typed;
    elsewhere 9.30 becomes the number 9.3, 12 the number 12 and 2017-05-03 a date."""
    if not isinstance(v, str) or number_format == "@":
        return v
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return dt.datetime.strptime(v, "%Y-%m-%d")
    if re.fullmatch(r"\d+", v):
        return int(v)
    if re.fullmatch(r"\d+\.\d+", v):
        return float(v)
    return v


def fill(path: Path, cards: list[dict[str, object]], persons: list[dict[str, object]]) -> bytes:
    """The template at `path` filled as a monitor would in Excel (openpyxl standing in for it: a cell takes its
    column's format, and what is typed is kept as as_excel_stores says), by field key."""
    wb = load_workbook(path)
    for kind, rows in (("card", cards), ("person", persons)):
        ws = wb[SHEETS[kind]]
        col = {f.name: i for i, f in enumerate(spec().fields(kind).values(), start=1)}
        for r, values in enumerate(rows, start=2):
            for name, v in values.items():
                fmt = ws.column_dimensions[ws.cell(1, col[name]).column_letter].number_format
                cell = ws.cell(row=r, column=col[name], value=as_excel_stores(v, fmt))
                cell.number_format = fmt if fmt != "General" or not isinstance(v, dt.date) else "mm-dd-yy"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def run(tmp_path: Path, files: dict[str, bytes]):
    """Both validations of a 2017 inbox holding `files` (tests/test_inbox_hostile.py's run, with the files read)."""
    box = tmp_path / "inbox" / "cards" / "2017"
    box.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (box / name).write_bytes(content)
    got = inbox.ingest("2017", tmp_path / "inbox")
    p = periods.get("2017")
    out = [V.validate_period(p, got.records, got.files, tables=got.tables),
           V.validate_period_by_record(p, got.records, got.files)]
    assert sorted(out[0].cards["card_id"].to_list()) == sorted(out[1].cards["card_id"].to_list())
    cols = ["source_file", "row_no", "field", "value", "reason"]
    assert sorted(out[0].quarantine.select(cols).rows(), key=str) == sorted(out[1].quarantine.select(cols).rows(), key=str)
    return got, out[0]


# two cards between them choose a value from every drop-down (a requested permission has an answer, one not
# requested a reason); the labels are the workbook's own, the codes they stand for typed here by hand
HELD = {"card_id": "2017-TPL-01", "date": dt.date(2017, 6, 2), "time_start": "9.30", "city": "Алматы",
        "designated_place": "нет", "form": "Одиночный пикет", "topic": "Тема", "character": "Социальный",
        "organizer_type": "Стихийные объединения граждан", "participants_low": 5, "participants": 8,
        "participants_high": 10, "duration_min": 90, "attributes": "Плакаты; Флаги", "permission_requested": "да",
        "permission_answer": "Предложено другое место", "prosecutor_present": "нет", "prosecutor_warned": "нет",
        "akimat_present": "да",
        "akimat_warned": "да", "police_present": "да", "police_warned": "нет", "police_count": 12,
        "obstruction": "да", "dispersal": "нет", "preventive_detentions": 1, "detained": 2, "state_organised": "нет",
        "event_status": "Состоялось", "source_type": "Монитор присутствовал"}
REFUSED = {"card_id": "2017-05-03", "date": dt.date(2017, 5, 3), "time_start": "15:00", "city": "Шымкент",
           "form": "Митинг", "topic": "Тема 2", "character": "Политический", "organizer_type": "Одиночки",
           "permission_requested": "нет", "reason_not_applied": "Не знали, что нужно разрешение",
           "event_status": "Не допущено", "source_type": "СМИ", "notification": "Социальные сети"}
PERSON = {"person_id": "P1", "card_id": "2017-TPL-01", "role": "Задержанный", "public": "нет", "detained": "да",
          "preventive": "да", "court_outcome": "Штраф", "fine_mrp": 50, "court_date": dt.date(2017, 6, 5)}


def test_a_filled_template_goes_through_the_inbox_and_both_validations_to_the_values_typed(tmp_path):
    template = write_template(tmp_path / "t.xlsx")
    wb = load_workbook(template)
    for sheet, rows in (("cards", (HELD, REFUSED)), ("persons", (PERSON,))):
        dvs = validations(wb, sheet)
        lists = {n for n, dv in dvs.items() if dv is not None and dv.type == "list"}
        for values in rows:  # every label typed is one the workbook's drop-down offers
            for name in lists & set(values):
                assert values[name] in choices(wb, dvs[name]), (name, values[name])
        assert {n for vals in rows for n in vals} >= lists, lists - {n for vals in rows for n in vals}  # each used
        kind = "card" if sheet == "cards" else "person"
        assert lists == {f.name for f in spec().fields(kind).values() if f.type in ("code", "bool", "city")}
    got, res = run(tmp_path, {"filled.xlsx": fill(template, [HELD, REFUSED], [PERSON])})
    assert res.quarantine.height == 0, res.quarantine.select("field", "value", "reason").rows()
    assert [json.loads(w) for w in got.files["warnings"].to_list()] == [[]]
    (held,) = res.cards.iter_rows(named=True)  # the assembly held; the prevented one is an event not held
    (refused,) = res.events.iter_rows(named=True)
    assert (held["card_id"], refused["card_id"]) == ("2017-TPL-01", "2017-05-03")  # the id a text, not a date
    assert {k: held[k] for k in ("date", "time_start", "city", "designated_place", "form", "character", "organizer_type",
                                 "participants_low", "participants", "participants_high", "duration_min", "attributes",
                                 "permission_requested", "permission_answer", "akimat_warned", "police_count",
                                 "preventive_detentions", "detained", "event_status", "source_type")} == {
        "date": dt.date(2017, 6, 2), "time_start": dt.time(9, 30), "city": "almaty", "designated_place": False,
        "form": "single_picket", "character": "social", "organizer_type": "spontaneous", "participants_low": 5,
        "participants": 8, "participants_high": 10, "duration_min": 90, "attributes": "placards;flags",
        "permission_requested": True, "permission_answer": "other_place", "akimat_warned": True, "police_count": 12,
        "preventive_detentions": 1, "detained": 2, "event_status": "held", "source_type": "monitor"}
    assert {k: refused[k] for k in ("date", "time_start", "city", "form", "reason_not_applied", "event_status",
                                    "notification", "permission_requested")} == {
        "date": dt.date(2017, 5, 3), "time_start": dt.time(15, 0), "city": "shymkent", "form": "rally",
        "reason_not_applied": "unaware", "event_status": "prevented", "notification": "social_media",
        "permission_requested": False}
    (person,) = res.persons.iter_rows(named=True)
    assert {k: person[k] for k in ("person_id", "card_id", "role", "detained", "court_outcome", "fine_mrp", "court_date")} == {
        "person_id": "P1", "card_id": "2017-TPL-01", "role": "detainee", "detained": True, "court_outcome": "fine",
        "fine_mrp": 50, "court_date": dt.date(2017, 6, 5)}


def test_a_value_typed_outside_a_drop_down_is_still_quarantined(tmp_path):
    template = write_template(tmp_path / "t.xlsx")
    wrong = {**HELD, "form": "Демонстрация", "designated_place": "может быть"}
    dvs = validations(load_workbook(template), "cards")
    for name in ("form", "designated_place"):  # a drop-down that does not offer what is typed
        assert dvs[name] is not None and dvs[name].type == "list" and wrong[name] not in choices(load_workbook(template), dvs[name])
    _, res = run(tmp_path, {"filled.xlsx": fill(template, [wrong], [])})
    assert res.cards.height == 0
    fields = set(res.quarantine.filter(pl.col("field").is_not_null())["field"].to_list())
    assert {"form", "designated_place"} <= fields, res.quarantine.select("field", "value", "reason").rows()


def test_the_hidden_list_sheet_yields_no_cards_and_no_warnings(tmp_path):
    # the blank template: no record, no note, from either reader
    raw = write_template(tmp_path / "t.xlsx").read_bytes()
    assert LIST_SHEET in load_workbook(io.BytesIO(raw)).sheetnames
    for fast in (True, False):
        notes: list = []
        assert readers._read_xlsx(raw, limits(), fast=fast, notes=notes) == [] and notes == []
    # a plain workbook (calamine reads it) with the list sheet: the cards only, no note; a hidden sheet of another
    # name, or one of that name holding cards, is said
    lists_rows = [["Форма (список)", "Город (список)"], ["Митинг", "Алматы"], ["Пикет", "Астана"]]
    cards_rows = [["card_id", "date"], ["2017-X-9", "2017-06-02"]]
    for hidden, rows, said in ((LIST_SHEET, lists_rows, False), ("archive", lists_rows, True), (LIST_SHEET, cards_rows, True)):
        wb = Workbook()
        wb.active.title = "cards"
        wb.active.append(["card_id", "date", "city"])
        wb.active.append(["2017-A-1", "2017-06-02", "Алматы"])
        lists = wb.create_sheet(hidden)
        for r in rows:
            lists.append(r)
        lists.sheet_state = "hidden"
        buf = io.BytesIO()
        wb.save(buf)
        for fast in (True, False):
            notes = []
            recs = readers._read_xlsx(buf.getvalue(), limits(), fast=fast, notes=notes)
            assert [r.data["card_id"] for r in recs] == ["2017-A-1"]
            assert bool(notes) == said, (hidden, fast, notes)
