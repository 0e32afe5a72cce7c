"""Reading an XLSX workbook with python-calamine (Rust), giving the records the openpyxl reader gives.

readers._read_xlsx walks a workbook with openpyxl cell by cell in Python; calamine reads every sheet
into Python values in native code. `read` returns the same records (file, sheet, row as the sheet
shows it, the values as `readers._cell` turns them into text-like values) or None when calamine
cannot tell what openpyxl would say, and openpyxl reads the workbook as before. That is the case for
a workbook whose sheets hold
- a formula (openpyxl keeps a formula without a saved value as its text; calamine only gives values),
- an error cell (`t="e"`: openpyxl keeps "#DIV/0!", calamine gives nothing),
- an integer of 16 digits or more (openpyxl reads it exactly, calamine as a float),
- a number format of its own that shows a date, a time or a duration (the two libraries' rules for
  "is this number a date" agree on Excel's built-in formats only), or a built-in duration format,
- more columns than config/limits.yaml allows, by its declared size or its cells (openpyxl's words
  then refuse it),
- a header cell that is a number (openpyxl's 12 and calamine's 12.0 would name the column differently),
or a chart sheet. Empty cells: openpyxl's None, calamine's "" — both become "" in a record, and a row
of them is skipped in both. tests/test_xlsx_calamine.py holds both readers equal on hard workbooks.
"""
from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import zipfile

from assets.ingest.csvfile import CARD_SHEETS, PERSON_SHEETS, FileProblem, RawRecord, _headers, _too_many_records
from assets.core.limits import Limits
from assets.core.raw import Note
from schemas.card import header_aliases, normalise_header
from schemas.codebook import LIST_SHEET

# a formula cell in a sheet's XML (readers._read_xlsx also looks for one: its formulas without a saved value)
FORMULA_RE = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ERROR = re.compile(rb"""\st=["']e["']""")
_LONG_INT = re.compile(rb"<(?:\w+:)?v>\s*[-+]?\d{16,}\s*<")
_DIMENSION = re.compile(rb"""<(?:\w+:)?dimension\s+ref=["']([A-Z]*)\d*(?::([A-Z]+)\d*)?["']""")
_NUMFMT = re.compile(rb"""<(?:\w+:)?numFmt\s[^>]*?numFmtId=["'](\d+)["'][^>]*?formatCode=["']([^"']*)["']""")
_CELL_XFS = re.compile(rb"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", re.S)
_XF_FORMAT = re.compile(rb"""<(?:\w+:)?xf\s[^>]*?numFmtId=["'](\d+)["']""")
_BUILTIN_DURATION = {45, 46, 47}  # mm:ss, [h]:mm:ss, mmss.0


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_REF = re.compile(rb"""\br=["']([A-Z]+)\d+["']""")
_VALUE = re.compile(rb"<(?:\w+:)?(?:v|f|is)\b[^>]*>\s*[^<\s]|<(?:\w+:)?t\b[^>]*>\s*[^<\s]")


def values_beyond(xml: bytes, max_columns: int) -> bool:
    """Whether a sheet's XML holds a cell with a value (or a formula) beyond column `max_columns`: a sheet
    whose declared size reaches further only because a far cell was formatted (a fill, a border, no value)
    is read up to its last column of values. A cell without its reference cannot be placed: True."""
    for m in _CELL.finditer(xml):
        ref = _REF.search(m.group(1))
        if ref is None:
            return True
        if _column_number(ref.group(1)) > max_columns and m.group(2) and _VALUE.search(m.group(2)):
            return True
    return False


_MERGE = re.compile(rb"""<(?:\w+:)?mergeCell\b[^>]*\bref=["']([A-Z]+)(\d+):([A-Z]+)(\d+)["']""")
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b[^>]*>")
_ROW_NO = re.compile(rb"""\br=["'](\d+)["']""")
_HIDDEN = re.compile(rb"""\bhidden=["'](?:1|true)["']""")


def _letters(n: int) -> str:
    """A column's letters (1 -> A, 27 -> AA)."""
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def sheet_layout(xml: bytes) -> tuple[list[tuple[int, int, int, int]], set[int]]:
    """(the merged ranges as (first column, first row, last column, last row), the numbers of the hidden rows) of a
    worksheet's XML: what neither reader's values show."""
    merges = [(_column_number(c1), int(r1), _column_number(c2), int(r2)) for c1, r1, c2, r2 in _MERGE.findall(xml)]
    hidden = set()
    if b"hidden" in xml:
        for tag in _ROW_TAG.findall(xml):
            if _HIDDEN.search(tag):
                n = _ROW_NO.search(tag)
                if n:
                    hidden.add(int(n.group(1)))
    return merges, hidden


def with_layout(rows, sheet: str, merges, hidden: set[int], notes: list[str] | None):
    """`rows` (row number, values) with a merged range's value read into each row it spans (its first column: a
    monitor who merges a city over three cards means that city for each; a note names the range), and a note naming
    the hidden rows that hold values (read like the others)."""
    down = [m for m in merges if m[3] > m[1]]
    held: dict[tuple[int, int], object] = {}
    hidden_read: list[int] = []
    filled: set[tuple[int, int, int, int]] = set()
    for i, values in rows:
        values = list(values)
        for m in down:
            c1, r1, _, r2 = m
            if i == r1 and c1 <= len(values):
                held[m] = values[c1 - 1]
            elif r1 < i <= r2 and c1 <= len(values) and values[c1 - 1] is None and held.get(m) is not None:
                values[c1 - 1] = held[m]
                filled.add(m)
        if i in hidden and any(v is not None and str(v).strip() for v in values):
            hidden_read.append(i)
        yield i, tuple(values)
    if notes is None:
        return
    for c1, r1, c2, r2 in sorted(filled, key=lambda m: (m[1], m[0])):
        ref = f"{_letters(c1)}{r1}:{_letters(c2)}{r2}"
        notes.append(Note(f"sheet '{sheet}': the cells {ref} are merged; the value of {_letters(c1)}{r1} was read "
                          f"for each of rows {r1}-{r2} (unmerge the cells and fill each row to be sure)", "merged_cells"))
    if hidden_read:
        rows_said = ", ".join(map(str, hidden_read[:10])) + (f" and {len(hidden_read) - 10} more" if len(hidden_read) > 10 else "")
        notes.append(Note(f"sheet '{sheet}': {'row' if len(hidden_read) == 1 else 'rows'} {rows_said} "
                          f"{'is' if len(hidden_read) == 1 else 'are'} hidden in the workbook and read like the others "
                          "(unhide to check; delete a row that is no card)", "hidden_rows"))


_VALUE_CELL = re.compile(rb"""<(?:\w+:)?c\b[^>]*?\br=["'][A-Z]{1,3}(\d+)["'][^>]*>\s*<(?:\w+:)?(?:v|is|f)\b""")
_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_NAME_ATTR = re.compile(rb"""\bname=["']([^"']*)["']""")
_RID_ATTR = re.compile(rb"""\b(?:\w+:)?id=["']([^"']*)["']""")
_REL_TAG = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_TARGET_ATTR = re.compile(rb"""\bTarget=["']([^"']*)["']""")
_ID_ATTR = re.compile(rb"""\bId=["']([^"']*)["']""")
_HIDDEN_STATE = re.compile(rb"""\bstate=["'](?:hidden|veryHidden)["']""")


def last_value_row(xml: bytes) -> int:
    """The last row of a worksheet's XML with a cell holding a value (or a formula); 0 for none. Rows come in
    order, so the end of the part is searched first and the whole only when its end holds no value."""
    for part in (xml[-65536:], xml):
        rows = [int(n) for n in _VALUE_CELL.findall(part)]
        if rows:
            return max(rows)
    return 0


def _sheet_names(z: zipfile.ZipFile) -> dict[str, tuple[str, bool]]:
    """Worksheet part (xl/worksheets/sheet1.xml) -> (the sheet's name, whether it is hidden), from the workbook and
    its relationships (read with patterns: no XML parser expands what these small parts might declare)."""
    try:
        book, rels = z.read("xl/workbook.xml"), z.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    target = {}
    for tag in _REL_TAG.findall(rels):
        i, t = _ID_ATTR.search(tag), _TARGET_ATTR.search(tag)
        if i and t:
            path = t.group(1).decode("utf-8", "replace")
            target[i.group(1)] = path.lstrip("/") if path.startswith("/") else "xl/" + path
    out = {}
    for tag in _SHEET_TAG.findall(book):
        name, rid = _NAME_ATTR.search(tag), _RID_ATTR.search(tag)
        if name and rid and rid.group(1) in target:
            out[target[rid.group(1)]] = (name.group(1).decode("utf-8", "replace"), bool(_HIDDEN_STATE.search(tag)))
    return out


def check_rows(z: zipfile.ZipFile, infos, lim: Limits) -> None:
    """A sheet with a value below row `xlsx.max_rows` is refused before either reader walks its empty rows (a
    stray value at row 1,048,576 of a 5 KB workbook: a million rows read, seconds and hundreds of MB each sheet)."""
    names = None
    for i in infos:
        if not (i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml")):
            continue
        last = last_value_row(z.read(i.filename))
        if last > lim.xlsx_max_rows:
            names = _sheet_names(z) if names is None else names
            sheet, hidden = names.get(i.filename, (i.filename, False))
            if hidden:  # never read (a note says so): its rows cost nothing
                continue
            raise FileProblem(f"sheet '{sheet}': a value stands in row {last:,}, beyond the limit of "
                              f"{lim.xlsx_max_rows:,} rows (config/limits.yaml xlsx.max_rows); delete what stands below "
                              "the cards (in Excel, Ctrl+End goes to the last cell) and save the workbook again")


def _dated(code: str) -> bool:
    """A number format (Excel's code) that may show a date, time or duration."""
    code = re.sub(r'"[^"]*"|\\.|\[(?!h\]|m\]|s\])[^\]]*\]', "", code.lower())  # quoted text, escapes, [Red], [$-409]
    return bool(re.search(r"[dmyhse]", code.replace("general", "")))


def _uncertain(z: zipfile.ZipFile, infos, lim: Limits) -> bool:
    """True when calamine's answer might differ from openpyxl's (see the module doc)."""
    names = {i.filename for i in infos}
    if not {"[Content_Types].xml", "xl/workbook.xml"} <= names:
        return True  # an incomplete package: openpyxl's words
    for i in infos:
        name = i.filename
        if name.startswith("xl/chartsheets/"):
            return True
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            xml = z.read(i.filename)
            if FORMULA_RE.search(xml) or _ERROR.search(xml) or _LONG_INT.search(xml):
                return True
            merges, hidden = sheet_layout(xml)
            if hidden or any(r2 > r1 for _, r1, _, r2 in merges):  # openpyxl's path reads them (with_layout)
                return True
            m = _DIMENSION.search(xml)
            if m and _column_number(m.group(2) or m.group(1)) > lim.max_columns:
                return True
        elif name == "xl/styles.xml":
            xml = z.read(i.filename)
            dated = {int(k) for k, code in _NUMFMT.findall(xml) if _dated(code.decode("utf-8", "replace"))}
            block = _CELL_XFS.search(xml)
            used = {int(k) for k in _XF_FORMAT.findall(block.group(0))} if block else set()
            if used & (dated | _BUILTIN_DURATION):  # a cell style shows a number by a format of its own
                return True
    return False


def read(raw: bytes, lim: Limits, z: zipfile.ZipFile, infos, cell, notes: list[str] | None = None) -> list[RawRecord] | None:
    """The records of the workbook `raw` (its archive `z`, already held to the limits), each value
    through `cell` (readers._cell); None when openpyxl must read it. `notes` gets the sheets not read
    (hidden, or no card header) and the title rows above a header, as sheet_records words them."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:  # pragma: no cover - in the lock; without it openpyxl reads everything
        return None
    if _uncertain(z, infos, lim):
        return None
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except Exception:  # noqa: BLE001 - openpyxl reads it and words what is wrong
        return None
    records: list[RawRecord] = []
    said: list[str] = []
    try:
        for meta in wb.sheets_metadata:
            if "WorkSheet" not in str(meta.typ):
                return None
            if str(meta.visible).rsplit(".", 1)[-1] != "Visible":  # Hidden, VeryHidden
                if not template_lists(meta.name, lambda: wb.get_sheet_by_name(meta.name).to_python(nrows=HEADER_SCAN)):
                    said.append(hidden_note(meta.name))
                continue
            ws = wb.get_sheet_by_name(meta.name)
            if ws.total_width > lim.max_columns:
                return None
            rows = ((i, [None if v == "" else v for v in row])
                    for i, row in enumerate(ws.to_python(skip_empty_area=False), start=1))
            if not sheet_records(rows, meta.name, lim, cell, records, number_header=False, notes=said):
                return None  # a number as a column name: openpyxl's 12, calamine's 12.0
    finally:
        wb.close()
    if notes is not None:
        notes.extend(said)
    return records


HEADER_SCAN = 10  # the first non-blank rows of a sheet searched for its header (a title may stand above it)
KNOWN_FOR_HEADER = 2  # cells naming a field that make a row the header (is_header)


def is_header(row) -> bool:
    """A row that names the columns of cards or persons: two cells or more name a field of the card or of
    a person (key, Russian or English label, ODK/Kobo's `group/field`, an export's own column), or one
    names the id of the card or the person."""
    from assets.ingest import odk

    n = 0
    for v in row:
        if v is None or isinstance(v, (int, float)) or not str(v).strip():
            continue
        h = normalise_header(str(v))
        name = header_aliases("card").get(h) or header_aliases("person").get(h)
        if name in ("card_id", "person_id"):
            return True
        if name or odk.is_export([v]) or odk._field_of(str(v), "card")[0] or odk._field_of(str(v), "person")[0]:
            n += 1
    return n >= KNOWN_FOR_HEADER


def template_lists(sheet: str, first_rows) -> bool:
    """Whether a hidden sheet is the card template's sheet of drop-down lists (schemas/codebook.py LIST_SHEET),
    passed over without a note: it holds no cards and the monitor never made it. `first_rows()` gives the
    sheet's first rows: a sheet of that name whose rows name card or person columns (is_header) is said like
    any other hidden sheet, as it may hold cards."""
    if sheet != LIST_SHEET:
        return False
    return not any(is_header(row) for row in itertools.islice(first_rows(), HEADER_SCAN))


def hidden_note(sheet: str) -> Note:
    return Note(f"sheet '{sheet}' is hidden, so it was not read (a hidden sheet is taken for an archive or a helper); "
                "unhide it if it holds cards of this period", "sheet_not_read")


def sheet_records(rows, sheet: str, lim: Limits, cell, records: list[RawRecord], *, number_header: bool = True,
                  notes: list[str] | None = None) -> bool:
    """The records of one sheet, appended to `records` (the workbook's so far, held to file.max_records):
    `rows` are (row number as the sheet shows it, values with None for an empty cell); blank rows are
    skipped, and the header is the first of the first 10 other rows that names the columns of cards or
    persons (is_header) (rows above it are a title: a note says so). A sheet named for cards or persons
    (cards, карты, persons, лица) with no such row takes its first row as the header, as before; any
    other sheet without one (instructions, a summary) is not read, and a note says so. Every value
    goes through `cell`. Both readers of a workbook (calamine here, openpyxl in readers._read_xlsx) read
    their rows through it. False, and nothing appended past the header, when a header cell is a number
    and `number_header` is False."""
    where = f"sheet '{sheet}': "
    notes = [] if notes is None else notes
    rows = iter(rows)
    head: list[tuple[int, tuple]] = []
    for i, row in rows:
        if not any(v is not None and str(v).strip() for v in row):
            continue
        head.append((i, row))
        if len(head) >= HEADER_SCAN or is_header(row):
            break
    if not head:
        return True
    at = next((k for k, (_, row) in enumerate(head) if is_header(row)), None)
    if at is None:
        if sheet.strip().lower() not in CARD_SHEETS | PERSON_SHEETS:
            notes.append(Note(f"sheet '{sheet}' was not read: none of its first rows holds the columns of a card or a "
                              "person (card_id / Номер карты, date, city, …); if it holds cards, put them on the sheet "
                              "'cards'", "sheet_not_read"))
            return True
        at = 0
    elif at > 0:
        first, header_row = head[0][0], head[at][0]
        above = f"row {first} above it is" if first == head[at - 1][0] else f"rows {first}–{head[at - 1][0]} above it are"
        notes.append(Note(f"{where}the header is on row {header_row}, not row 1: {above} taken for a title and not read",
                          "title_above_header"))
    headers: list[str] | None = None
    kind = ""
    id_at: int | None = None
    not_text_ids: list[tuple[int, str]] = []  # (row, what the cell is): a card id Excel turned into a date or number
    for i, row in itertools.chain(head[at:], rows):
        if not any(v is not None and str(v).strip() for v in row):
            continue
        if headers is None:
            if not number_header and any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in row):
                return False
            headers, kind = _headers(list(row), sheet, lim, where)
            id_at = next((j for j, h in enumerate(headers) if header_aliases(kind).get(normalise_header(h)) == "card_id"), None)
            continue
        if id_at is not None and id_at < len(row) and isinstance(row[id_at], (int, float, dt.date, dt.time)) \
                and not isinstance(row[id_at], bool):
            not_text_ids.append((i, "a date" if isinstance(row[id_at], (dt.date, dt.time)) else "a number"))
        if len(row) > len(headers) and any(v is not None and str(v).strip() for v in row[len(headers):]):
            raise FileProblem(f"{where}row {i} has values in columns that have no header; name the columns")
        data = {h: cell(row[j]) if j < len(row) and row[j] is not None else "" for j, h in enumerate(headers)}
        records.append(RawRecord(kind=kind, sheet=sheet, row_no=i, data=data))
        if len(records) > lim.max_records:
            raise FileProblem(_too_many_records(len(records), lim))
    if not_text_ids:
        notes.append(not_text_id_note(sheet, not_text_ids))
    return True


def not_text_id_note(sheet: str, cells: list[tuple[int, str]]) -> Note:
    """The note on card ids a sheet holds as dates or numbers, not text: Excel makes a date of '2017-03' and a number
    of '007' or '1.10' typed into a cell not formatted as text, so the id read (2017-03-01, 7, 1.1) is not the one
    typed. The cards are read (an id may be a plain number); the note tells the monitor to look."""
    rows = [n for n, _ in cells]
    shown_rows = ", ".join(map(str, rows[:10])) + (f" and {len(rows) - 10} more" if len(rows) > 10 else "")
    kinds = " or ".join(sorted({w for _, w in cells}))
    return Note(f"sheet '{sheet}': the card id is {kinds}, not text, on row{'s' if len(rows) > 1 else ''} {shown_rows}: "
                "Excel turns an id typed as 2017-03 into a date and 007 or 1.10 into a number, so the id read may not be "
                "the one typed; check those ids, and format the column as text before typing ids", "card_id_not_text")
