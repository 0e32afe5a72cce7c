"""Reading card files: every supported format lands as raw records; unreadable files say why."""
import io
import json

from openpyxl import Workbook

from assets.ingest.readers import read_file
from tests.conftest import write

HEADER = "card_id,date,city,form,topic,character,organizer_type,participants,permission_requested,reason_not_applied,source_type"
ROW = "2017-T-1,2017-03-01,Алматы,picket,Тема,social,spontaneous,12,нет,unknown,monitor"


def test_csv_utf8(tmp_path):
    fr = read_file(write(tmp_path / "a.csv", HEADER + "\n" + ROW + "\n"))
    assert fr.problem is None and fr.encoding == "utf_8"
    assert len(fr.records) == 1
    r = fr.records[0]
    assert (r.kind, r.row_no, r.data["city"], r.data["participants"]) == ("card", 2, "Алматы", "12")


def test_csv_windows_1251_with_semicolons_and_russian_headers(tmp_path):
    text = "Номер карты;Дата проведения;Город;Форма;Тема;Характер;Тип организатора;Участники (оценка)\n2017-T-2;03.05.2017;Уральск;Пикет;Тема;social;spontaneous;15\n"
    fr = read_file(write(tmp_path / "excel.csv", text.encode("cp1251")))
    assert fr.problem is None and fr.encoding == "cp1251"
    assert fr.records[0].data["Город"] == "Уральск"
    assert fr.records[0].data["Дата проведения"] == "03.05.2017"


def test_csv_in_koi8r_is_refused_with_its_name(tmp_path):
    text = HEADER + "\n" + ROW.replace("Алматы", "Алматы город митинг пикет шествие") + "\n"
    fr = read_file(write(tmp_path / "koi.csv", text.encode("koi8_r")))
    assert fr.problem is not None
    assert "not in UTF-8 or windows-1251" in fr.problem


def test_empty_and_header_only_files(tmp_path):
    assert read_file(write(tmp_path / "empty.csv", "")).problem == "the file is empty"
    assert "no card rows" in read_file(write(tmp_path / "h.csv", HEADER + "\n")).problem


def test_unsupported_and_broken_files(tmp_path):
    assert "unsupported file type" in read_file(write(tmp_path / "a.docx", b"PK\x03\x04 not really")).problem
    assert "not valid JSON" in read_file(write(tmp_path / "a.json", "{oops")).problem
    assert "not a readable Excel workbook" in read_file(write(tmp_path / "a.xlsx", b"not a zip")).problem


def test_json_card_with_nested_persons(tmp_path):
    card = {"card_id": "2017-T-3", "date": "2017-04-01", "persons": [{"person_id": "P1", "role": "detainee"}]}
    fr = read_file(write(tmp_path / "c.json", json.dumps(card, ensure_ascii=False)))
    kinds = [(r.kind, r.sheet, r.row_no) for r in fr.records]
    assert kinds == [("card", "card", 1), ("person", "persons", 1)]
    assert fr.records[1].data["card_id"] == "2017-T-3"  # persons inherit the card's id


def test_xlsx_with_cards_and_persons_sheets(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "cards"
    ws.append(HEADER.split(","))
    ws.append(ROW.split(","))
    ws.append([None] * 3)  # blank rows are not records
    p = wb.create_sheet("persons")
    p.append(["person_id", "card_id", "role", "court_outcome"])
    p.append(["P1", "2017-T-1", "defendant", "warning"])
    buf = io.BytesIO()
    wb.save(buf)
    fr = read_file(write(tmp_path / "book.xlsx", buf.getvalue()))
    assert fr.problem is None
    assert [(r.kind, r.sheet, r.row_no) for r in fr.records] == [("card", "cards", 2), ("person", "persons", 2)]


def test_unknown_column_is_reported_not_dropped(tmp_path):
    fr = read_file(write(tmp_path / "x.csv", HEADER + ",комментарий\n" + ROW + ",что-то\n"))
    assert fr.problem is None
    assert fr.records[0].data["комментарий"] == "что-то"  # kept in raw
    assert any("комментарий" in w for w in fr.warnings)
