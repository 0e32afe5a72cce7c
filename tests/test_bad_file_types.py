"""Files that are no card file under a card file's name, or saved by a monitor's program in a type the inbox does not
read (red-team probe b3, 2026-12-02): each is refused saying what it is and what to do, never with the words of
another format's reader ("it looks like Mac Cyrillic" for a PDF, "unpack the ZIP archive" for a Word document)."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assets.ingest.readers import read_file


def _zip(*names: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n in names:
            z.writestr(n, "<x/>")
    return buf.getvalue()


@pytest.mark.parametrize("name, raw, said", [
    ("scan.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "this is a PDF document, not a .csv file"),
    ("photo.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(100), "this is an image (PNG), not a .xlsx file"),
    ("photo.yaml", b"\xff\xd8\xff\xe0\x00\x10JFIF", "this is an image (JPEG), not a .yaml file"),
    ("card.json", b"{\\rtf1\\ansi card}", "this is a Word document (RTF), not a .json file"),
    ("card.csv", _zip("[Content_Types].xml", "word/document.xml"), "this is a Word document (.docx), not a .csv file"),
    ("table.csv", b"<html><body><table><tr><td>card_id</td></tr></table></body></html>", "this is a web page (HTML"),
])
def test_a_file_renamed_is_named_for_what_it_is(name, raw, said):
    problem = read_file(Path(name), raw).problem
    assert problem is not None and said in problem, problem
    assert "Mac Cyrillic" not in problem and "unpack" not in problem


@pytest.mark.parametrize("name, hint", [
    ("cards.txt", "if it is Excel's 'Text (Tab delimited)' or 'Unicode text', rename it .csv"),
    ("cards.tsv", "rename it .csv"),
    ("cards.xls", "save it as .xlsx"),
    ("cards.xlsm", "save it as .xlsx"),
    ("cards.ods", "save it as .xlsx"),
    ("card.docx", "type the card into the spreadsheet template"),
    ("card.jpg", "type the card into the spreadsheet template"),
])
def test_an_unsupported_type_says_what_to_do(name, hint):
    problem = read_file(Path(name), b"card_id\tdate\n2017-X-1\t2017-06-01\n").problem
    assert problem.startswith(f"unsupported file type '{Path(name).suffix}'")
    assert hint in problem


def test_a_word_document_under_its_own_name_is_an_unsupported_type():
    problem = read_file(Path("notes.docx"), _zip("[Content_Types].xml", "word/document.xml")).problem
    assert problem.startswith("unsupported file type '.docx'") and "ZIP archive" not in problem


def test_excels_separator_hint_above_the_header_is_named_as_such():
    text = ("sep=;\ncard_id;date;city;form;topic;character;organizer_type;participants;permission_requested;"
            "reason_not_applied;source_type\n2017-SEP-1;2017-06-02;Алматы;picket;Тема;social;spontaneous;4;нет;unknown;monitor\n")
    problem = read_file(Path("sep.csv"), text.encode()).problem
    assert problem.startswith("line 1 'sep=;' is the separator hint some programs write for Excel, not the header")
    assert "title" not in problem


def test_a_file_in_place_of_a_periods_folder_is_named_as_such(tmp_path):
    from assets.ingest import inbox

    (tmp_path / "cards").mkdir()
    (tmp_path / "cards" / "2017").write_text("card_id,date\n2017-X-1,2017-06-01\n")
    (entry,) = inbox.strays(tmp_path)
    assert entry.problem == ("cards/2017 is a file, not the folder of period 2017, so that period reads no cards: rename "
                             "the file, make a folder cards/2017/ and put the card files into it")


_UTF16_TEXT = "абвгдежзийклмнопрстуфхцчшщыьэюяАБВЖЯәғқңөұүһіӘҒҚҢӨҰҮҺІabcXYZ0123456789 ,;.-\n"


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [
    "card_id,date,city\n2017-X-1,2017-05-05,Уральск\n",  # mostly Latin: many NUL bytes
    "карточка;дата;город\nУральск;Алматы;Астана\n",  # mostly Cyrillic: few NUL bytes (session 48)
    "карта;күні\nОрал;Алматы;Ақтөбе\n",  # Kazakh letters (U+04xx)
])
def test_utf16_without_its_mark_is_named_as_such(text, enc):
    """(session 48, found by the ingest mutation run) a Russian or Kazakh CSV in UTF-16 without its byte-order mark
    holds few NUL bytes and was refused as "the file contains NUL characters … a binary file renamed"."""
    problem = read_file(Path("cards.csv"), text.encode(enc)).problem
    assert problem is not None and "it looks like UTF-16 without its byte-order mark" in problem, problem



@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(_UTF16_TEXT)), min_size=8, max_size=300).filter(
    lambda t: any("\u0400" <= c <= "\u04ff" for c in t)), st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_any_cyrillic_text_in_utf16_without_its_mark_is_named_and_never_read_as_utf8_or_1251(text, enc):
    problem = read_file(Path("cards.csv"), text.encode(enc)).problem
    assert problem is not None and "UTF-16 without its byte-order mark" in problem, problem
