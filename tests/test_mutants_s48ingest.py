"""Session 48c: the survivors of the mutation run over the ingest readers (assets/ingest/: csvfile, fastcsv, inbox,
jail, odk, readers, streamed, xlsxfile; scripts/mutate.py's area "ingest"). Each test asserts what a monitor's file
gives: the value read, the row quarantined, the message naming the file, row and field (docs/testing.md,
"Session 48 — the ingest readers in the mutation run")."""
from __future__ import annotations

from pathlib import Path

from assets.ingest.readers import read_file
from tests.zipfiles import zip_of

# a card file's header and two cards in Russian: capitals at the words' starts
RUSSIAN_CSV = ("card_id;Город;Организатор\n2017-ATY-01;Алматы;Инициативная группа жителей района\n"
               "2017-ATY-02;Шымкент;Общественное объединение Защита прав\n")


def _read(tmp_path: Path, name: str, raw: bytes):
    return read_file(tmp_path / name, raw)


def test_a_mac_cyrillic_file_with_capitals_is_refused_naming_mac_cyrillic(tmp_path):
    # csvfile.py:68: the guesser is asked about Mac Cyrillic; without it this file was said to look like KOI8-R
    fr = _read(tmp_path, "mac.csv", RUSSIAN_CSV.encode("mac_cyrillic"))
    assert fr.problem is not None and "it looks like Mac Cyrillic" in fr.problem, fr.problem
    assert "KOI8" not in fr.problem and fr.records == []


def test_a_file_windows_1251_cannot_decode_is_no_mac_cyrillic_file(tmp_path):
    # csvfile.py:104: byte 0x98 is no character in windows-1251, so the file does not "look like windows-1251" (and
    # is no windows-1251 file read better as Mac Cyrillic); the guesser names nothing: an unknown encoding
    fr = _read(tmp_path, "odd.csv", b"card_id;city\n2017-ATY-01;\x98\xff\x00\x81\x98\x83\n")
    assert fr.problem is not None and "it looks like an unknown encoding" in fr.problem, fr.problem
    assert "Mac Cyrillic" not in fr.problem and fr.records == []


def test_koi8_r_read_as_windows_1251_has_capitals_inside_words_and_is_refused_as_koi8_r(tmp_path):
    # csvfile.py:130: KOI8-R's capitals are windows-1251's small letters and the other way round: read as
    # windows-1251, "Мы", "На", "Он" become a small letter before a capital ("нЩ", "оБ", "пО"), one in every card: no
    # Russian text, and the file is refused naming KOI8-R (with the rule's pairs two letters apart it read as Russian
    # and was then taken for Mac Cyrillic)
    text = ("card_id;topic\n2017-KOI-1;Мы ЗА ЧЕСТНЫЕ ВЫБОРЫ\n2017-KOI-2;На МИТИНГ У АКИМАТА\n"
            "2017-KOI-3;Он ПРОТИВ ЦЕН\n")
    fr = _read(tmp_path, "koi.csv", text.encode("koi8_r"))
    assert fr.problem is not None and "it looks like KOI8-R" in fr.problem, fr.problem
    assert fr.records == []


def test_an_unclosed_quote_is_named_on_the_line_it_opens(tmp_path):
    # csvfile.py:222: the quote opens on line 3 (the second card) and swallows line 4 to the end
    raw = 'card_id;topic\n2017-Q-1;пикет\n2017-Q-2;"митинг\n2017-Q-3;шествие\n'.encode()
    fr = _read(tmp_path, "quote.csv", raw)
    assert fr.problem is not None and fr.problem.startswith("line 3: a quote (\") opens a cell that is never closed"), fr.problem
    assert "(to line 4)" in fr.problem and fr.records == []


def test_a_note_over_two_lines_with_two_separators_is_read_whole(tmp_path):
    # csvfile.py:266: a line inside a quoted cell is taken for a swallowed row only with at least max(columns - 1, 3)
    # separators; a three-column file's note "цены; тарифы; зарплаты" (two) is a note, read whole with its line end
    raw = 'card_id;city;topic\n2017-N-1;Алматы;"Требования:\nцены; тарифы; зарплаты"\n2017-N-2;Астана;пикет\n'.encode()
    fr = _read(tmp_path, "note.csv", raw)
    assert fr.problem is None, fr.problem
    assert [(r.row_no, r.data["topic"]) for r in fr.records] == [(2, "Требования:\nцены; тарифы; зарплаты"), (3, "пикет")]


def test_a_file_named_as_persons_at_its_end_holds_persons_on_the_fast_path_too(tmp_path):
    # fastcsv.py:265: "2017-almaty-persons.csv" is a file of persons (the strict reader looks at the name's end too);
    # taken for cards, its role column was "not a field of the card" and its rows cards
    raw = "card_id;role;detained\n2017-ATY-01;participant;yes\n".encode()
    for fast in (True, False):
        fr = read_file(tmp_path / "2017-almaty-persons.csv", raw, fast=fast)
        assert fr.problem is None and fr.warnings == [], (fast, fr.problem, fr.warnings)
        assert [(r.kind, r.sheet, r.row_no, r.data) for r in fr.records] == [
            ("person", "persons", 2, {"card_id": "2017-ATY-01", "role": "participant", "detained": "yes"})], fast


def test_the_lines_kept_for_the_raw_store_are_the_files_lines_and_compare_as_text(tmp_path):
    # fastcsv.py:144, 148: each record's line is an Arrow view into the file's bytes; a line of 12 bytes is held in
    # its view ("2017-AB;Аб"), a longer one points into the bytes with its first four bytes copied beside it (the
    # prefix Polars compares first: "Г2" is 0xD0 0x93 0x32, a byte >= 0x80 in the prefix)
    import datetime as dt

    import polars as pl

    from assets.core import raw
    from assets.ingest import inbox

    content = "card_id;city\n2017-AB;Аб\nГ2017-A-22;Алматы-Сити\n2017-A-3;Алматы город\n".encode()
    fr = read_file(tmp_path / "cards.csv", content)
    assert fr.problem is None and fr.tables, fr.problem
    t = fr.tables[0]
    header = (raw.header_id(raw.header_json(t.headers)), raw.header_json(t.headers))
    recs = inbox._table_records("2017", "cards/2017/cards.csv", t, dt.datetime(2017, 1, 1), header, cells=False)
    kept = inbox.table_lines(recs, t, content)
    want = ["2017-AB;Аб", "Г2017-A-22;Алматы-Сити", "2017-A-3;Алматы город"]
    assert len(want[0].encode()) == 12
    assert kept["line"].to_list() == want
    assert [kept.filter(pl.col("line") == w).height for w in want] == [1, 1, 1]
    assert kept.filter(pl.col("line").is_in(want)).height == 3


def test_a_pipe_in_the_inbox_is_named_and_not_read(tmp_path):
    # inbox.py:120: the entry's message, as quarantine shows it
    import os

    from assets.ingest import inbox

    folder = tmp_path / "cards" / "2017"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "pipe.csv")
    (entry,) = inbox.scan("2017", tmp_path)
    assert entry.rel == "cards/2017/pipe.csv" and entry.kind == "special" and entry.path is None
    assert entry.problem == "cards/2017/pipe.csv is not a regular file (a device, pipe or socket) and is not read"


def test_a_file_name_that_is_no_utf8_is_named_with_its_byte_shown(tmp_path):
    # inbox.py:151: the name's byte 0xff is shown as \xff (the entry is listed, not a traceback)
    import os

    from assets.ingest import inbox

    folder = tmp_path / "cards" / "2017"
    folder.mkdir(parents=True)
    name = os.fsdecode(b"\xffcard.csv")
    (folder / name).write_text("card_id;city\n2017-ATY-01;Алматы\n", encoding="utf-8")
    (entry,) = inbox.scan("2017", tmp_path)
    assert entry.rel == "cards/2017/\\xffcard.csv" and entry.problem is None


def test_a_missing_inbox_with_one_file_held_says_one_card_file(tmp_path):
    # inbox.py:179: "1 card file", "2 card files"
    from assets.ingest import inbox

    one = inbox.inbox_problem("2017", 1, tmp_path / "gone")
    two = inbox.inbox_problem("2017", 2, tmp_path / "gone")
    assert f"the inbox {tmp_path / 'gone'} (MONITOR_INBOX) does not exist" in one
    assert "the warehouse holds 1 card file of 2017 loaded from an inbox" in one
    assert "the warehouse holds 2 card files of 2017 loaded from an inbox" in two


def test_a_hidden_file_beside_the_periods_is_named_with_what_to_do(tmp_path):
    # inbox.py:225: rename it OR move it out (either will do), as quarantine's inbox-level row says
    from assets.ingest import inbox

    (tmp_path / "cards").mkdir()
    (tmp_path / "cards" / ".old.csv").write_text("card_id\n2017-ATY-01\n", encoding="utf-8")
    rows = inbox.stray_rows(tmp_path)
    assert [(r["source_file"], r["format"]) for r in rows] == [("cards/.old.csv", "hidden")]
    assert rows[0]["problem"] == ("cards/.old.csv is hidden (its name starts with '.') and is read by no period; "
                                  "rename it or move it out of the inbox")


def test_odk_centrals_status_and_device_columns_are_no_fields_and_no_warnings(tmp_path):
    # odk.py:31: Status and DeviceID are columns ODK Central adds to every export (CENTRAL_META), left out of the card
    raw = ("SubmissionDate,card_id,Status,DeviceID,KEY\n"
           "2018-01-05T10:00:00.000Z,2017-ATY-01,approved,collect:abc123,uuid:1\n").encode()
    fr = _read(tmp_path, "assembly_card.csv", raw)
    assert fr.problem is None and fr.warnings == [], (fr.problem, fr.warnings)
    assert [(r.kind, r.row_no, r.data) for r in fr.records] == [("card", 2, {"card_id": "2017-ATY-01"})]


def test_a_repeat_row_without_its_own_key_gets_the_person_id_of_its_row(tmp_path):
    # odk.py:234: no person_id, no KEY or _index: the person is p1 for the first person row (row 2 of the file)
    raw = "card_id,role,_parent_index\n2017-ATY-01,participant,1\n2017-ATY-01,organiser,1\n".encode()
    fr = _read(tmp_path, "persons.csv", raw)
    assert fr.problem is None, fr.problem
    assert [(r.kind, r.row_no, r.data["card_id"], r.data["person_id"]) for r in fr.records] == [
        ("person", 2, "2017-ATY-01", "p1"), ("person", 3, "2017-ATY-01", "p2")]


def test_a_file_read_made_of_tables_gives_their_records(tmp_path):
    # readers.py:46: FileRead(tables=...) keeps the tables and makes their records when asked
    from assets.ingest.readers import FileRead

    fr = _read(tmp_path, "cards.csv", "card_id;city\n2017-ATY-01;Алматы\n2017-ATY-02;Астана\n".encode())
    again = FileRead(tmp_path / "cards.csv", "csv", "utf_8", tables=fr.tables)
    assert again.tables == fr.tables and len(again.tables) == 1
    assert [(r.row_no, r.data) for r in again.records] == [(2, {"card_id": "2017-ATY-01", "city": "Алматы"}),
                                                           (3, {"card_id": "2017-ATY-02", "city": "Астана"})]


def test_a_title_above_a_russian_header_is_found_in_a_file_over_64_kb(tmp_path):
    # readers.py:169: the title check reads the first 65,536 bytes less the line they cut; here byte 65,536 falls
    # inside a Cyrillic letter, and read whole the 64 KB were no UTF-8 (taken for windows-1251: no header found, and
    # the file refused for its rows' cells instead)
    text = ("Карточки мониторинга, Алматы\nНомер карты;Город;Тема\n"
            + "".join(f"2017-ATY-{i:04d};Алматы;Митинг жителей против повышения тарифов\n" for i in range(1, 1200)))
    raw = text.encode()
    assert len(raw) > 65536 and raw[65535] >= 0xC0  # a letter's first byte ends the first 64 KB
    fr = _read(tmp_path, "cards.csv", raw)
    assert fr.problem == ("the header is not on line 1: line 2 holds the columns (Номер карты, Город, Тема, …), and line 1 "
                          "above it looks like a title: delete the title line and save the file again")


def test_a_file_too_big_for_memory_is_refused_saying_it_is_not_read(tmp_path, monkeypatch):
    # readers.py:127: a MemoryError while reading is the file's problem, worded so
    from assets.ingest import readers

    def out_of_memory(*_a, **_k):
        raise MemoryError

    monkeypatch.setattr(readers, "_read_structured", out_of_memory)
    fr = readers.read_file(tmp_path / "card.yaml", "card_id: 2017-ATY-01\n".encode())
    assert fr.problem == "the file needs more memory to read than this machine has; it is not read"
    assert fr.records == []


def test_the_hints_for_an_ods_file_and_an_old_excel_workbook(tmp_path):
    # readers.py:213, 230: what to do, as quarantine shows it
    fr = _read(tmp_path, "cards.ods", b"card_id;city\n2017-ATY-01;x\n")
    assert fr.problem == ("unsupported file type '.ods': cards are read from .csv, .xlsx, .json, .yaml; "
                          "save it as .xlsx (Excel 2007-365) and put that in the inbox")
    from assets.ingest.readers import OLE2

    fr = _read(tmp_path, "cards.xlsx", OLE2 + b"\x00" * 600)
    assert fr.problem == ("this is an old Excel 97-2003 workbook (.xls) or a password-protected (encrypted) workbook, not a "
                          ".xlsx file: open it in Excel and save it as .xlsx (Excel Workbook) without a password")


def test_an_opendocument_spreadsheet_named_xlsx_is_named_with_what_to_do(tmp_path):
    # readers.py:240, 241
    raw = zip_of({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<office:document/>"})
    fr = _read(tmp_path, "cards.xlsx", raw)
    assert fr.problem == ("this is an OpenDocument spreadsheet (.ods, LibreOffice / OpenOffice), not a .xlsx file: "
                          "save it as .xlsx (Excel 2007-365) and put that in the inbox")


def test_an_excel_workbook_saved_with_a_csv_name_is_told_to_be_renamed(tmp_path):
    # readers.py:244: a workbook's parts are under xl/ (no folder entries in the archive, as Excel and openpyxl write it)
    import io

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["card_id", "city"])
    wb.active.append(["2017-ATY-01", "Алматы"])
    buf = io.BytesIO()
    wb.save(buf)
    fr = _read(tmp_path, "cards.csv", buf.getvalue())
    assert fr.problem == "this is an Excel workbook (a ZIP archive), saved with a .csv name: rename it .xlsx"
    assert fr.records == []


def test_a_yaml_card_may_use_aliases_up_to_the_limit_and_no_more(tmp_path):
    # readers.py:421, 437: config/limits.yaml yaml.max_aliases is 100 uses of anchors in one file
    from assets.core.limits import limits

    n = limits().yaml_max_aliases
    assert n == 100

    def card(uses: int) -> bytes:
        return ("card_id: 2017-ATY-01\ncity: &c Алматы\nnotes: [" + ", ".join(["*c"] * uses) + "]\n").encode()

    fr = _read(tmp_path, "card.yaml", card(n))
    assert fr.problem is None and fr.records[0].data["notes"] == ["Алматы"] * n, fr.problem
    fr = _read(tmp_path, "card.yaml", card(n + 1))
    assert fr.problem == ("the YAML uses aliases (*) more than 100 times (config/limits.yaml yaml.max_aliases); "
                          "write the card without anchors")


def test_a_yaml_of_exactly_the_node_limit_is_read_and_one_more_is_refused(tmp_path):
    # readers.py:431: yaml.max_nodes (1,000,000) values once every alias is expanded is allowed, more is not. The count:
    # A (&a) is a list of 399 zeros: 400 values; B (&b) is A and 49 *a: 1 + 50 * 400 = 20,001; notes is B, 48 *b and
    # `extra` zeros: 1 + 49 * 20,001 + extra; the card's mapping adds itself, card_id's key and value and notes' key: 4
    def card(extra: int) -> bytes:
        lines = ["card_id: 2017-ATY-01", "notes:", "  - &b", "    - &a", *["      - 0"] * 399, *["    - *a"] * 49,
                 *["  - *b"] * 48, *["  - 0"] * extra]
        return ("\n".join(lines) + "\n").encode()

    extra = 1_000_000 - 4 - 1 - 49 * 20_001
    assert extra == 19_946
    fr = _read(tmp_path, "card.yaml", card(extra))
    assert fr.problem is None and len(fr.records[0].data["notes"]) == 49 + extra, fr.problem
    fr = _read(tmp_path, "card.yaml", card(extra + 1))
    assert fr.problem is not None and fr.problem.startswith("the YAML expands to more than 1000000 values"), fr.problem


def test_at_most_two_files_wait_for_the_storing_thread(tmp_path, monkeypatch):
    # streamed.py:91: the reading thread holds at most IN_FLIGHT (2) files' bytes and frames for the storing thread;
    # a third file's submit waits until the first is stored (each file here is stored only when the test lets it)
    import threading

    from assets.ingest import streamed

    release = {n: threading.Event() for n in range(3)}
    stored = []

    def held(self, content, row, records, table):
        release[row["n"]].wait(10)
        stored.append(row["n"])

    monkeypatch.setattr(streamed._Storer, "_one", held)
    storer = streamed._Storer(tmp_path)
    third = threading.Thread(target=storer.submit, args=(None, {"n": 2}, None))
    try:
        storer.submit(None, {"n": 0}, None)
        storer.submit(None, {"n": 1}, None)  # two waiting: both submits return at once
        third.start()
        third.join(0.5)
        assert third.is_alive() and stored == []  # the third waits: the first file is not stored yet
        release[0].set()
        third.join(10)
        assert not third.is_alive() and stored[:1] == [0]
    finally:
        for e in release.values():
            e.set()
        third.join(10)
        storer.pool.shutdown(wait=True)
    assert stored == [0, 1, 2]


def test_a_hidden_row_is_noted_only_when_it_holds_a_value(tmp_path):
    # xlsxfile.py:115: a hidden empty (or blank) row between cards is nothing to check; a hidden card is noted
    import io

    from openpyxl import Workbook

    def workbook(third) -> bytes:
        wb = Workbook()
        ws = wb.active
        ws.title = "cards"
        for row in (["card_id", "city"], ["2017-ATY-01", "Алматы"], third, ["2017-ATY-02", "Астана"]):
            ws.append(row)
        ws.row_dimensions[3].hidden = True
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()

    for third in ([None, None], ["  ", None]):
        fr = _read(tmp_path, "cards.xlsx", workbook(third))
        assert fr.problem is None and fr.warnings == [], (third, fr.warnings)
        assert [r.data["card_id"] for r in fr.records] == ["2017-ATY-01", "2017-ATY-02"]
    fr = _read(tmp_path, "cards.xlsx", workbook(["2017-ATY-03", "Шымкент"]))
    assert [str(w) for w in fr.warnings] == ["sheet 'cards': row 3 is hidden in the workbook and read like the others "
                                             "(unhide to check; delete a row that is no card)"]
    assert [r.data["card_id"] for r in fr.records] == ["2017-ATY-01", "2017-ATY-03", "2017-ATY-02"]


def test_one_cell_naming_a_field_is_a_title_not_a_header(tmp_path):
    # xlsxfile.py:264: a row is the header with two cells naming fields (or the card's id); a title "Тема" above the
    # table names one field and is no header
    raw = "Тема\ncard_id;city;topic\n2017-ATY-01;Алматы;пикет\n".encode()
    fr = _read(tmp_path, "cards.csv", raw)
    assert fr.problem == ("the header is not on line 1: line 2 holds the columns (card_id, city, topic, …), and line 1 above "
                          "it looks like a title: delete the title line and save the file again")


def _workbook(rows: list) -> bytes:
    """One visible sheet, "cards", of these rows (test_inbox_hostile's workbook)."""
    from tests.test_inbox_hostile import workbook

    return workbook([("cards", rows, "visible")])


def test_a_title_row_above_a_sheets_header_is_noted_as_not_read(tmp_path):
    # xlsxfile.py:335: the title row is not read (no card made of it), and the note says so
    fr = _read(tmp_path, "cards.xlsx", _workbook([["Карточки мониторинга, Алматы"], ["card_id", "city"],
                                                  ["2017-ATY-01", "Алматы"]]))
    assert fr.problem is None and [(r.row_no, r.data) for r in fr.records] == [(3, {"card_id": "2017-ATY-01", "city": "Алматы"})]
    assert [str(w) for w in fr.warnings] == ["sheet 'cards': the header is on row 2, not row 1: row 1 above it is taken "
                                             "for a title and not read"]


def test_ten_card_ids_typed_as_numbers_are_listed_without_more(tmp_path):
    # xlsxfile.py:369: up to ten rows are listed; " and N more" only past ten
    fr = _read(tmp_path, "cards.xlsx", _workbook([["card_id", "city"], *[[n, "Алматы"] for n in range(1, 11)]]))
    assert fr.problem is None and len(fr.records) == 10
    (note,) = [str(w) for w in fr.warnings]
    assert "the card id is a number, not text, on rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11: Excel" in note, note
    fr = _read(tmp_path, "cards.xlsx", _workbook([["card_id", "city"], *[[n, "Алматы"] for n in range(1, 12)]]))
    (note,) = [str(w) for w in fr.warnings]
    assert "on rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 1 more: Excel" in note, note


def test_a_text_value_beyond_the_column_limit_refuses_the_sheet_not_dropped(tmp_path):
    # xlsxfile.py:53: a cell's text written inline (<is><t>far</t></is>, as openpyxl writes text) at column 300 is a
    # value beyond file.max_columns (200): the sheet is refused; missed, the file was read without it (2 cards, the
    # value dropped silently)
    import io

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "cards"
    ws.append(["card_id", "city"])
    ws.append(["2017-ATY-01", "Алматы"])
    ws.cell(row=3, column=1, value="2017-ATY-02")
    ws.cell(row=3, column=300, value="far")
    buf = io.BytesIO()
    wb.save(buf)
    for fast in (True, False):
        fr = read_file(tmp_path / "cards.xlsx", buf.getvalue(), fast=fast)
        assert fr.problem == ("sheet 'cards': the sheet spans 300 columns (to column KN), over the limit of 200 "
                              "(config/limits.yaml file.max_columns)"), (fast, fr.problem)
        assert fr.records == []


def test_the_lines_are_cut_only_from_the_files_own_bytes(tmp_path):
    # fastcsv.py:104: bytes of another size than the file's text are refused (no line cut from them)
    import datetime as dt

    import pytest

    from assets.core import raw
    from assets.ingest import inbox

    content = "card_id;city\n2017-ATY-01;Алматы\n".encode()
    fr = _read(tmp_path, "cards.csv", content)
    t = fr.tables[0]
    header = (raw.header_id(raw.header_json(t.headers)), raw.header_json(t.headers))
    recs = inbox._table_records("2017", "cards/2017/cards.csv", t, dt.datetime(2017, 1, 1), header, cells=False)
    assert inbox.table_lines(recs, t, content)["line"].to_list() == ["2017-ATY-01;Алматы"]
    with pytest.raises(ValueError, match="the lines of a file are read from its own bytes"):
        inbox.table_lines(recs, t, content + b"2017-ATY-02;Astana\n")
