"""(session 49) Erasure reaches every text member of an archive the inbox keeps, whatever its name: before, only members
named .csv/.tsv/.txt/.json/.yaml/.xml (and workbooks and archives inside) were redacted, so a README, an .md note or a
saved .html page in an ODK export kept the person's name byte for byte, in the archived bytes and in the inbox file
(found by session 49's mutation run of the erasure); and a member in UTF-16 (Excel's "Unicode Text", Notepad's
"Unicode"), even a .csv, was read as Windows-1251 and kept it too. Pictures, sounds and PDFs are kept byte for byte."""
from __future__ import annotations

import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from assets.validate import erasure_names as en
from assets.validate.erasure_files import redact_bytes
from tests.zipfiles import members_of, zip_of

NAME = "Гульнара Секретова"
RX = en.python_rx(en.name_pattern({NAME}))
JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000") + "Гульнара Секретова".encode() + b"\xff\xd9"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 0 >>\nstream\n\x00\x01\nendstream\nendobj\n"


def test_text_members_of_any_name_lose_the_name_and_media_members_are_kept():
    members = {
        "assembly_card.csv": f"card_id,notes\n2017-ALA-01,{NAME} пришла с плакатом\n".encode(),
        "README": f"Экспорт ODK. Ответственный: {NAME}.\n".encode(),
        "notes.md": f"# Заметки\n\n* задержана {NAME}\n".encode("cp1251"),
        "media/page.html": f"<html><body><p>{NAME} задержана</p></body></html>".encode(),
        "media/note.log": f"наблюдатель {NAME}".encode("utf-16"),  # (with its mark, as Windows' Notepad writes it)
        "persons.csv": f"card_id,name\n2017-ALA-01,{NAME}\n".encode("utf-16"),  # Excel's "Unicode Text"
        "media/photo.jpg": JPEG,
        "media/scan.pdf": PDF,
    }
    out = members_of(redact_bytes(zip_of(members, zipfile.ZIP_DEFLATED), "zip", None, RX, "REDACTED-1"))
    assert set(out) == set(members)
    assert out["README"].decode() == "Экспорт ODK. Ответственный: REDACTED-1.\n"
    assert out["notes.md"].decode("cp1251") == "# Заметки\n\n* задержана REDACTED-1\n"
    assert out["media/page.html"].decode() == "<html><body><p>REDACTED-1 задержана</p></body></html>"
    assert "REDACTED-1" in out["media/note.log"].decode("utf-16") and "Секретова" not in out["media/note.log"].decode("utf-16")
    assert "Секретова" not in out["assembly_card.csv"].decode()
    assert out["persons.csv"].decode("utf-16") == "card_id,name\n2017-ALA-01,REDACTED-1\n"
    # a picture's and a PDF's bytes are not text: kept as they were (the name drawn in a photo is not for a regex)
    assert out["media/photo.jpg"] == JPEG and out["media/scan.pdf"] == PDF


SURNAME_FORMS = ["Секретова", "Секретовой", "Секретову"]
FILLER = st.text(alphabet="абвгдежзиклмнопрстуфхцчшщыэюя АБВГДЕЖЗИКЛМН.,;:-\n0123456789", max_size=40)


@settings(max_examples=60, deadline=None)
@given(member=st.text(alphabet="abcdefghijklmnopqrstuvwxyz_-", min_size=1, max_size=12),
       suffix=st.sampled_from(["", ".md", ".html", ".htm", ".log", ".ini", ".rst", ".note", ".TXT", ".Csv"]),
       before=FILLER, after=FILLER, form=st.sampled_from(SURNAME_FORMS), encoding=st.sampled_from(["utf-8", "cp1251", "utf-16"]))
def test_any_text_member_holding_a_form_of_the_name_loses_it(member, suffix, before, after, form, encoding):
    text = f"{before} Гульнара {form} {after}"
    data = zip_of({member + suffix: text.encode(encoding), "photo.jpg": JPEG}, zipfile.ZIP_DEFLATED)
    out = members_of(redact_bytes(data, "zip", None, RX, "R"))
    assert "Секретов" not in out[member + suffix].decode(encoding)
    assert out["photo.jpg"] == JPEG
