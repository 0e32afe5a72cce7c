"""A corpus of hostile and broken card files, written into a temporary inbox (never the checkout).

`build(inbox, outside)` writes every case under <inbox>/cards/2017/ (and a few next to it) and
returns what each must become: ACCEPT (its card ids reach `cards`) or a quarantine reason
fragment (the file is quarantined, or the named record is). `outside` is a folder outside the
inbox holding secrets that must never be read. Used by tests/test_hostile_input.py and by
benchmarks/hostile.py (time and memory per pathological file).
"""
from __future__ import annotations

import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

SECRET = "OUTSIDE-SECRET-7f3a"          # content of files outside the inbox: never in the warehouse
PRIVATE = ["Зарема Тайнова", "Алибек Скрытов", "Олжас Невидимов", "Дана Тихая"]  # never in public outputs
SWALLOWED = "2017-SWALLOWED-1"          # a card swallowed by an unclosed quote: never a card, never in a note

CSV_HEADER = ["card_id", "date", "city", "form", "topic", "character", "organizer_type", "participants",
              "permission_requested", "reason_not_applied", "source_type", "notes"]


def card(card_id: str, **over) -> dict:
    c = {"card_id": card_id, "date": "2017-06-01", "city": "Алматы", "form": "picket", "topic": "Тема",
         "character": "social", "organizer_type": "spontaneous", "participants": 5, "permission_requested": False,
         "reason_not_applied": "unknown", "source_type": "monitor"}
    c.update(over)
    return c


def yaml_card(card_id: str, **over) -> str:
    return json.dumps(card(card_id, **over), ensure_ascii=False)  # JSON is YAML


def csv_text(rows: list[list[str]], header=CSV_HEADER, sep=",") -> str:
    return "\n".join(sep.join(r) for r in [header, *rows]) + "\n"


def csv_row(card_id: str, notes: str = "") -> list[str]:
    return [card_id, "2017-06-02", "Алматы", "picket", "Тема", "social", "spontaneous", "4", "нет", "unknown", "monitor", notes]


def xlsx(rows: list[list], sheet="cards", formulas: dict[str, str] | None = None, far_cell=False, text_cells=(),
         far_at: tuple[int, int] | None = None) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for r in rows:
        ws.append(r)
    for ref, f in (formulas or {}).items():
        ws[ref] = f
    for ref, text in text_cells:
        ws[ref] = text
        ws[ref].data_type = "s"  # a string that begins with '=' stays a string
    if far_cell:
        ws.cell(row=1048576, column=16384, value="far")
    if far_at:
        ws.cell(row=far_at[0], column=far_at[1], value="far")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


BOMB = ('card_id: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(f"{b}: &{b} [" + ",".join([f"*{a}"] * 9) + "]\n" for a, b in zip("abcdefgh", "bcdefghi")))


@dataclass
class Case:
    name: str              # path under cards/2017/ (or under cards/ when it starts with '../')
    expect: str            # "ACCEPT" or a fragment of the quarantine reason
    ids: tuple = ()        # card ids that must (ACCEPT) or must not (quarantined) reach `cards`
    record: bool = False   # the quarantine row is a record's (row/field), not the file's
    field: str | None = None


def _zip_bomb(path: Path, unpacked: int, member: str = "xl/worksheets/sheet1.xml") -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open(member, "w", force_zip64=True) as fh:
            chunk = b"\0" * 1_000_000
            for _ in range(unpacked // len(chunk)):
                fh.write(chunk)


def build(inbox: Path, outside: Path) -> list[Case]:
    box = inbox / "cards" / "2017"
    box.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "passwd").write_text(f"root:x:0:0:{SECRET}:/root:/bin/bash\n")
    (outside / "secret.yaml").write_text(yaml_card("2017-OUTSIDE-1", notes=SECRET))
    (outside / "dir").mkdir(exist_ok=True)
    (outside / "dir" / "card.yaml").write_text(yaml_card("2017-OUTSIDE-2", notes=SECRET))
    cases: list[Case] = []

    def put(name: str, content: str | bytes, expect: str, *ids, record=False, field=None, encoding="utf-8"):
        p = box / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        cases.append(Case(name, expect, ids, record, field))

    # --- YAML
    put("alias_bomb.yaml", BOMB, "expands to more than")
    put("alias_many.yaml", "x: &x 1\n" + "".join(f"k{i}: *x\n" for i in range(150)), "aliases (*) more than")
    put("alias_self.yaml", "card_id: &a [*a]\n", "refers to itself")
    put("yaml_deep_flow.yaml", "card_id: " + "[" * 5000 + "]" * 5000 + "\n", "not valid YAML")
    put("yaml_deep_block.yaml", "- " * 30 + "x\n", "nested more than")
    put("yaml_dup_key.yaml", yaml_card("2017-DUPKEY-1").replace('"city": "Алматы"', '"city": "Алматы", "city": "Астана"'), "given twice", "2017-DUPKEY-1")
    put("yaml_bad_date.yaml", "card_id: 2017-BADDATE-1\ndate: 2017-02-30\ncity: Алматы\nform: picket\ntopic: Тема\n"
        "character: social\norganizer_type: spontaneous\nparticipants: 5\npermission_requested: false\n"
        "reason_not_applied: unknown\nsource_type: monitor\n", "no such day in the calendar", "2017-BADDATE-1", record=True, field="date")
    put("yaml_int63.yaml", yaml_card("2017-INT63-1", participants=2**63 - 1), "not a plausible count", "2017-INT63-1", record=True, field="participants")
    put("yaml_multi_doc.yaml", yaml_card("2017-MULTI-1") + "\n---\n" + yaml_card("2017-MULTI-2"), "not valid YAML", "2017-MULTI-1")
    put("yaml_python_tag.yaml", "!!python/object/apply:os.system ['echo pwned']\n", "not valid YAML")
    put("yaml_binary.yaml", "card_id: !!binary aGVsbG8=\n", "binary data")
    put("yaml_negative.yaml", yaml_card("2017-NEG-1", participants=-5), "is negative", "2017-NEG-1", record=True, field="participants")
    put("yaml_police_huge.yaml", yaml_card("2017-POL-1", police_present=True, police_count=10**12), "not a plausible count", "2017-POL-1", record=True, field="police_count")
    put("yaml_long_note.yaml", yaml_card("2017-LONG-1", notes="слово " * 30000), "over the limit of", "2017-LONG-1", record=True, field="notes")
    put("yaml_nested_value.yaml", yaml_card("2017-NEST-1", place={"street": "Абая", "no": [1, 2]}), "nested list or set of fields", "2017-NEST-1", record=True, field="place")
    # --- JSON
    put("json_deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply")
    put("json_deep_small.json", json.dumps({"card_id": [[[[[[[[["x"]]]]]]]]]}), "nested more than")
    put("json_1e23.json", json.dumps(card("2017-E23-1")).replace('"participants": 5', '"participants": 1e23'), "not a plausible count", "2017-E23-1", record=True, field="participants")
    put("json_2pow70.json", json.dumps(card("2017-P70-1", detained=2**70)), "not a plausible count", "2017-P70-1", record=True, field="detained")
    put("json_5000_digits.json", json.dumps(card("2017-DIG-1")).replace('"participants": 5', '"participants": ' + "9" * 5000), "cannot be read", "2017-DIG-1")
    put("json_nan.json", json.dumps(card("2017-NAN-1")).replace('"participants": 5', '"participants": NaN'), "NaN", "2017-NAN-1")
    put("json_dup_key.json", '{"card_id": "2017-JDUP-1", "card_id": "2017-JDUP-2"}', "given twice", "2017-JDUP-1", "2017-JDUP-2")
    put("json_not_objects.json", "[1, 2, 3]", "not a set of fields")
    put("json_long_line.json", json.dumps(card("2017-LINE-1", notes="x" * 2_100_000)), "characters long, over the limit", "2017-LINE-1")
    put("json_whitespace.json", "   \n\t  ", "the file is empty")
    # --- CSV
    put("csv_unclosed_quote.csv", csv_text([csv_row("2017-QUOTE-1", '"начало заметки'), csv_row(SWALLOWED), csv_row("2017-QUOTE-3")]),
        "never closed", "2017-QUOTE-1", SWALLOWED, "2017-QUOTE-3")
    put("csv_swallow_closed.csv", csv_text([csv_row("2017-QUOTE-4", '"заметка'), csv_row(SWALLOWED, 'конец"')]),
        "quote", "2017-QUOTE-4", SWALLOWED)
    put("csv_swallow_clean_close.csv", "\n".join([",".join(CSV_HEADER), ",".join(csv_row("2017-QUOTE-5", '"заметка')),
                                                   ",".join(csv_row(SWALLOWED, "конец")) + '"']) + "\n",
        "looks like a row of its own", "2017-QUOTE-5", SWALLOWED)
    put("csv_dup_header.csv", csv_text([csv_row("2017-DH-1") + ["x"]], header=CSV_HEADER + ["city"]), "appears twice", "2017-DH-1")
    put("csv_dup_alias.csv", csv_text([csv_row("2017-DH-2") + ["Астана"]], header=CSV_HEADER + ["Город"]), "both the field city", "2017-DH-2")
    put("csv_field_over_limit.csv", csv_text([csv_row("2017-BIG-1", "ж" * 200_000), csv_row("2017-BIG-2")]),
        "over the limit of", "2017-BIG-1", record=True, field="notes")
    cases.append(Case("csv_field_over_limit.csv", "ACCEPT", ("2017-BIG-2",)))
    put("csv_nul.csv", csv_text([csv_row("2017-NUL-1", "a\x00b")]), "NUL", "2017-NUL-1")
    put("csv_bom.csv", "\ufeff" + csv_text([csv_row("2017-BOM-1")]), "ACCEPT", "2017-BOM-1")
    put("csv_utf16.csv", csv_text([csv_row("2017-U16-1")], sep="\t", header=CSV_HEADER), "ACCEPT", "2017-U16-1", encoding="utf-16")
    put("csv_utf16_nobom.csv", csv_text([csv_row("2017-U16-2")]).encode("utf-16-le"), "not in UTF-8 or windows-1251", "2017-U16-2")
    put("csv_cp1251.csv", csv_text([csv_row("2017-1251-1")], sep=";"), "ACCEPT", "2017-1251-1", encoding="cp1251")
    put("csv_mixed_encoding.csv", csv_text([csv_row("2017-MIX-1")]).encode("utf-8") + ",".join(csv_row("2017-MIX-2")).encode("cp1251") + b"\n",
        "mixes encodings", "2017-MIX-1", "2017-MIX-2")
    put("csv_extra_cells.csv", csv_text([csv_row("2017-EXTRA-1") + ["лишнее", "ещё"]]), "cells but the header has", "2017-EXTRA-1")
    put("csv_control_chars.csv", csv_text([csv_row("2017-ANSI-1", "\x1b[2J\x1b[31mстёрто\x07")]), "control character", "2017-ANSI-1", record=True, field="notes")
    put("csv_too_many_records.csv", csv_text([csv_row(f"2017-MANY-{i}") for i in range(20_001)]), "records", "2017-MANY-1")
    put("csv_formulas.csv", ",".join(CSV_HEADER) + "\n" + '2017-FORM-1,2017-06-03,Алматы,picket,"=HYPERLINK(""http://evil"",""x"")",'
        'social,spontaneous,3,нет,unknown,monitor,"=1+2"\n', "ACCEPT", "2017-FORM-1")
    put("csv_long_line.csv", csv_text([csv_row("2017-CL-1", "я" * 2_100_000)]), "characters long, over the limit", "2017-CL-1")
    # --- XLSX
    good = xlsx([CSV_HEADER, csv_row("2017-TRUNC-1")])
    put("xlsx_truncated.xlsx", good[: len(good) // 2], "not a readable Excel workbook", "2017-TRUNC-1")
    put("xlsx_not_zip.xlsx", b"\x89PNG\r\n\x1a\n" + os.urandom(500), "this is an image (PNG), not a .xlsx file")
    put("xlsx_huge_dimensions.xlsx", xlsx([CSV_HEADER, csv_row("2017-DIM-1")], far_cell=True), "row 1,048,576", "2017-DIM-1")
    # a stray value far down (a 5 KB file the readers walked a million empty rows for) or far right
    put("xlsx_far_row.xlsx", xlsx([CSV_HEADER, csv_row("2017-DIM-2")], far_at=(1048576, 3)), "xlsx.max_rows", "2017-DIM-2")
    put("xlsx_far_column.xlsx", xlsx([CSV_HEADER, csv_row("2017-DIM-3")], far_at=(3, 16384)), "columns", "2017-DIM-3")
    put("xlsx_empty_sheets.xlsx", xlsx([]), "no card rows")
    put("xlsx_formula_no_value.xlsx", xlsx([CSV_HEADER, csv_row("2017-XF-1")], formulas={"H2": "=1+1"}), "'=1+1' is not a whole number",
        "2017-XF-1", record=True, field="participants")
    put("xlsx_formula_text.xlsx", xlsx([CSV_HEADER, csv_row("2017-XF-2")], text_cells=[("E2", "=HYPERLINK(\"http://evil\",\"x\")"), ("L2", "@SUM(1+1)")]),
        "ACCEPT", "2017-XF-2")
    _zip_bomb(box / "xlsx_zip_bomb.xlsx", 201_000_000)
    cases.append(Case("xlsx_zip_bomb.xlsx", "unpacks to"))
    # ODK Central's zipped export: the same limits and the same strict CSV reading as any file
    _zip_bomb(box / "odk_zip_bomb.zip", 201_000_000, member="assembly_card.csv")
    cases.append(Case("odk_zip_bomb.zip", "unpacks to"))
    with zipfile.ZipFile(box / "odk_unclosed_quote.zip", "w") as z:
        z.writestr("assembly_card.csv", 'KEY,event-card_id,source-notes\nuuid:1,2017-ZQ-1,"open\nuuid:2,2017-ZQ-2,x\n')
    cases.append(Case("odk_unclosed_quote.zip", "never closed", ("2017-ZQ-1", "2017-ZQ-2")))
    # --- hostile values that are valid: accepted, and made safe in public outputs
    put("value_formulas.yaml", yaml_card("2017-INJ-1", topic="+cmd|' /C calc'!A0", place="@SUM(1+1)", settlement="\tпос. Табов",
                                          organizer_type="ngo", organizer_name="-2+3+cmd|' /C calc'!A0", source_links="http://x.example/a"), "ACCEPT", "2017-INJ-1")
    put("value_script.yaml", yaml_card("2017-XSS-1", character="political", topic="<img src=x onerror=alert(1)>",
                                        notes="<script>alert('xss')</script> **жирный** [ссылка](javascript:alert(1))"), "ACCEPT", "2017-XSS-1")
    put("private_quarantined_person.yaml", yaml_card("2017-PRIV-1", character="political", topic="Пикет в поддержку Тайновой",
                                                      notes="Зарему Тайнову задержали у акимата.", detained=1)[:-1]
        + ', "persons": [{"person_id": "P1", "role": "detainee", "name": "Зарема Тайнова", "court_outcome": "шоколад"}]}',
        "is not one of the codes", record=True, field="court_outcome")
    cases.append(Case("private_quarantined_person.yaml", "ACCEPT", ("2017-PRIV-1",)))
    put("private_organiser.yaml", yaml_card("2017-PRIV-2", organizer_type="individual", organizer_name="Алибек Скрытов", character="political",
                                             place="у дома Скрытова", notes="Алибек Скрытов вышел с плакатом."), "ACCEPT", "2017-PRIV-2")
    put("private_ansi_name.yaml", yaml_card("2017-PRIV-3", character="political", notes="Олжаса Невидимова оштрафовали.", detained=1)[:-1]
        + ', "persons": [{"person_id": "P1", "role": "detainee", "name": "Олжас \\u001b[8mНевидимов", "detained": true}]}',
        "control character", record=True, field="name")
    cases.append(Case("private_ansi_name.yaml", "ACCEPT", ("2017-PRIV-3",)))
    put("private_in_refused_file.yaml", "card_id: 2017-PRIV-4\ncity: Алматы\ncity: Астана\npersons:\n  - person_id: P1\n"
        "    name: Дана Тихая\n", "given twice", "2017-PRIV-4")
    put("private_named_elsewhere.yaml", yaml_card("2017-PRIV-5", character="political", topic="Свободу Даны Тихой",
                                                   notes="Пикет в поддержку Даны Тихой, задержанной накануне."), "ACCEPT", "2017-PRIV-5")
    # --- the inbox jail
    os.symlink(outside / "passwd", box / "link_passwd.csv")
    cases.append(Case("link_passwd.csv", "symbolic link to a file outside the inbox"))
    os.symlink(outside / "dir", box / "link_dir")
    cases.append(Case("link_dir", "symbolic link to a folder outside the inbox", ("2017-OUTSIDE-2",)))
    os.symlink(box / "csv_bom.csv", box / "link_inside.csv")
    cases.append(Case("link_inside.csv", "symbolic link to a file inside the inbox"))
    os.link(outside / "secret.yaml", box / "hardlink.yaml")
    cases.append(Case("hardlink.yaml", "hard links", ("2017-OUTSIDE-1",)))
    os.link(box / "csv_bom.csv", box / "hardlink_inside.csv")  # every link inside the inbox: read (a duplicate card)
    cases.append(Case("hardlink_inside.csv", "is already used by", (), record=True, field="card_id"))
    os.mkfifo(box / "pipe.csv")
    cases.append(Case("pipe.csv", "not a regular file"))
    put(".hidden.yaml", yaml_card("2017-HIDDEN-1"), "hidden file", "2017-HIDDEN-1")
    put(".hiddendir/card.yaml", yaml_card("2017-HIDDEN-2"), "hidden folder", "2017-HIDDEN-2")
    cases[-1].name = ".hiddendir"
    put("~$book.xlsx", b"lock", "skipped")
    put(".~lock.book.xlsx#", b"lock", "skipped")
    put("sub/deeper/nested_ok.yaml", yaml_card("2017-SUB-1"), "ACCEPT", "2017-SUB-1")
    put("notes.docx", b"PK\x03\x04whatever", "unsupported file type")
    with open(box / "too_large.csv", "wb") as fh:  # sparse: 60 MB that take no disk
        fh.truncate(60_000_000)
    cases.append(Case("too_large.csv", "over the limit of 50.0 MB"))
    put("../2099/future.yaml", yaml_card("2099-FUT-1", date="2099-01-01"), "names no period", "2099-FUT-1")
    cases[-1].name = "../2099"
    put("../loose.yaml", yaml_card("2017-LOOSE-1"), "lies directly in cards/", "2017-LOOSE-1")
    os.symlink(outside / "dir", inbox / "cards" / "linked_period")
    cases.append(Case("../linked_period", "symbolic link"))
    return cases


def source_file(case: Case) -> str:
    """The inbox-relative path quarantine names for a case."""
    if case.name.startswith("../"):
        return "cards/" + case.name[3:]
    return "cards/2017/" + case.name
