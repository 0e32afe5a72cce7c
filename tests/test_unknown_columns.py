"""A column that is no field of the card is kept in raw and said; when its name is near a field's label (the label's
first words, the label with more words after it, a letter or two off), the note names the field it may mean, so the
monitor can rename the column. Never read as that field."""
from __future__ import annotations

import pytest
from openpyxl import Workbook

from assets.ingest import readers


def _csv(tmp_path, header: str, row: str):
    f = tmp_path / "cards.csv"
    f.write_text(header + "\n" + row + "\n", encoding="utf-8")
    return readers.read_file(f)


@pytest.mark.parametrize("column,meant", [
    ("Дата", "did you mean 'Дата проведения' (date)?"),
    ("Город проведения", "did you mean 'Город' (city)?"),
    ("Форма акции", "did you mean 'Форма' (form)?"),
    ("Примечание", "did you mean 'Примечания' (notes)?"),
    ("Задержано", "did you mean 'Задержано человек' (detained)?"),
    ("Участники", "did you mean 'Участники (мин.)' (participants_low), 'Участники (оценка)' (participants) or "
                  "'Участники (макс.)' (participants_high)?"),
])
def test_a_column_near_a_field_names_the_field(tmp_path, column, meant):
    out = _csv(tmp_path, f"card_id,{column}", "2017-A-1,x")
    [note] = [w for w in out.warnings if w.rule == "unknown_column"]
    assert note == (f"column '{column}' is not a field of the card (see schemas/codebook.md): {meant} Its values are "
                    "kept in raw but not used until the column is named as the field")
    [record] = out.records
    assert record.data[column] == "x"  # kept in raw under its own name: not read as the field it may mean


@pytest.mark.parametrize("column", ["Комментарий", "xyz", "ФИО", "Ко"])
def test_a_column_near_no_field_says_only_that_it_is_none(tmp_path, column):
    out = _csv(tmp_path, f"card_id,{column}", "2017-A-1,x")
    [note] = [w for w in out.warnings if w.rule == "unknown_column"]
    assert note == f"column '{column}' is not a field of the card (see schemas/codebook.md); its values are kept in raw but not used"


def test_a_workbook_s_column_is_named_the_same_way(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "cards"
    ws.append(["card_id", "Тема акции"])
    ws.append(["2017-A-1", "Тема"])
    wb.save(tmp_path / "c.xlsx")
    out = readers.read_file(tmp_path / "c.xlsx")
    assert any("column 'Тема акции' is not a field of the card (see schemas/codebook.md): did you mean 'Тема' (topic)?" in w
               for w in out.warnings), out.warnings
