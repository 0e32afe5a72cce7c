"""Reading a filled review workbook: the queue found by its header on any sheet (the header on any of the first
rows), each row's values by field key with the problems of its cells (a formula without a saved value, two
columns of one field that disagree), the `not_events` sheet's answers, and the number and yes / no cells read
strictly (an ambiguous "1,000", "nan", "1e3" named, never guessed). The decisions are review.py's."""
from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assets.media.review_columns import COLUMNS, NOT_EVENT_COLUMNS, _choice, header_key, label
from core.typed import ambiguous_thousands, yes_no

READABLE = (".xlsx", ".xlsm", ".ods")  # any case: "r1.XLSX" is read too; .ods is LibreOffice's own
HEADER_SCAN_ROWS = 10  # the header may sit below a title line, within the first rows
OWN_SHEETS = {"codes", "not_events", "help"}  # written by export_queue, never a queue
NEEDED = ("candidate_id", "decision")


@dataclass
class SheetRow:
    """One filled row of a queue sheet: where it is, its values by field key, and the problems of
    its cells (a formula with no saved value, two columns of one field that disagree)."""
    sheet: str
    n: int
    data: dict
    problems: dict[str, str] = field(default_factory=dict)  # field key -> problem


@dataclass(frozen=True)
class Layout:
    """A sheet's columns: its field keys, the header text of each (either half of 'Русский / English'
    is understood), and the keys without which a row of the header is not the header."""
    keys: tuple[str, ...]
    needed: tuple[str, ...]
    key_of: object  # header text -> key ("" when unknown)
    label_of: object  # key -> header text


NOT_EVENT_KEYS = ("url", "title", "published", "reason", "is_event")


@lru_cache(maxsize=1)
def _not_event_index() -> dict[str, str]:
    idx: dict[str, str] = {}
    for key, (ru, en) in zip(NOT_EVENT_KEYS, NOT_EVENT_COLUMNS):
        for h in (f"{ru} / {en}", ru, en, key):
            idx[h.lower()] = key
    return idx


def _not_event_label(key: str) -> str:
    ru, en = dict(zip(NOT_EVENT_KEYS, NOT_EVENT_COLUMNS))[key]
    return f"{ru} / {en}"


QUEUE = Layout(tuple(COLUMNS), NEEDED, lambda h: header_key(h), lambda k: label(k))
NOT_EVENTS = Layout(NOT_EVENT_KEYS, ("url", "is_event"),
                    lambda h: _not_event_index().get(" ".join(str(h).split()).lower(), ""), _not_event_label)


def _header_of(values, layout: Layout) -> tuple[list[str], set[str]]:
    keys = [layout.key_of(v) if v not in (None, "") else "" for v in values]
    return keys, set(keys) & set(layout.keys)


def _sheet_rows(name: str, cells, formulas, layout: Layout = QUEUE, notes: list[str] | None = None
                ) -> tuple[list[SheetRow] | None, str | None]:
    """The rows of one sheet: (rows, None), or (None, why it holds no queue) when no row of the
    first HEADER_SCAN_ROWS is the review header, or (None, None) for an empty sheet. A column the review does not
    know (one the monitor added: «Комментарий») is read by no field: when any of its cells is filled, `notes` gets a
    line naming it, so what was typed there is not lost unseen."""
    header: list[str] | None = None
    header_text: list = []
    read_cols: set[int] = set()  # the header's columns some field reads
    unread: dict[int, int] = {}  # column (from 0) of no field -> its filled cells below the header
    fields_at: list[tuple[int, str]] = []  # (column, field key) of the header's known columns
    out: list[SheetRow] = []
    partial = None
    seen_content = False
    for n, (vals, frm) in enumerate(zip(cells, formulas), start=1):
        if header is None:
            if any(v not in (None, "") for v in vals):
                seen_content = True
            if n > HEADER_SCAN_ROWS:
                break
            keys, known = _header_of(vals, layout)
            if all(k in known for k in layout.needed):
                header = keys
                header_text = list(vals)
                fields_at = [(col, key) for col, key in enumerate(keys) if key in layout.keys]
                read_cols = {col for col, _ in fields_at}
            elif len(known) >= 2 and partial is None:
                missing = " and ".join(f"'{layout.label_of(k)}'" for k in layout.needed if k not in known)
                partial = f"its header (row {n}) lacks the column {missing}"
            continue
        if vals.count(None) == len(vals) and not any(frm):
            continue  # an empty row (a stray format far below the table makes a million of them)
        data: dict = {}
        problems: dict[str, str] = {}
        for col, v in enumerate(vals):
            if col not in read_cols and v not in (None, "") and str(v).strip():
                unread[col] = unread.get(col, 0) + 1
        for col, key in fields_at:
            v = vals[col] if col < len(vals) else None
            f = frm[col] if col < len(frm) else None
            if f is not None and v in (None, ""):
                problems[key] = (f"the cell holds a formula ({str(f)[:80]}) with no saved value; type the value "
                                 "itself (or open the file in Excel and save it again)")
            if isinstance(v, str) and v.strip() == "":
                v = None
            if v is None:
                data.setdefault(key, None)
            elif data.get(key) not in (None, v):
                problems[key] = f"two columns of this field hold different values ('{data[key]}' and '{v}')"
            else:
                data[key] = v
        if any(v not in (None, "") for v in data.values()) or problems:
            out.append(SheetRow(name, n, data, problems))
    if header is not None:
        if notes is not None:
            notes.extend(_unread_note(name, col, header_text[col] if col < len(header_text) else None, n)
                         for col, n in sorted(unread.items()))
        return out, None
    if not seen_content:
        return None, None
    return None, partial or (f"none of its first {HEADER_SCAN_ROWS} rows is the header (columns "
                             + " and ".join(f"'{layout.label_of(k)}'" for k in layout.needed) + ")")


def _column_letter(col: int) -> str:
    """0 -> 'A', 26 -> 'AA'."""
    s, col = "", col + 1
    while col:
        col, r = divmod(col - 1, 26)
        s = chr(65 + r) + s
    return s


def _unread_note(sheet: str, col: int, head, n: int) -> str:
    what = (f"the column '{' '.join(str(head).split())}' ({_column_letter(col)})" if head not in (None, "") and str(head).strip()
            else f"column {_column_letter(col)}, which has no header,")
    return (f"sheet '{sheet}': {what} is not a column of the review, so its {n} filled "
            f"{'cell was' if n == 1 else 'cells were'} not imported (the review reads its own columns only)")


def read_workbook(path: Path, *, queue: bool = True
                  ) -> tuple[list[SheetRow], list[tuple[str, str]], list[SheetRow], bool, list[str]]:
    """Every filled row of every sheet holding the review's header (the header found on any of the
    first rows, the sheet found by its header whatever its name), and the sheets not read, each
    with the reason: (sheet, reason), then the rows of the `not_events` sheet (found by its header
    too: a column added before "Это событие?" moves nothing). Cells are read by their saved value;
    a formula without one is a problem of its cell, never an empty value. queue=False: only
    `not_events`. Then whether any sheet held the queue's or `not_events`' header (a blank workbook holds none), and
    last the notes of columns no field reads (`_sheet_rows`)."""
    def wanted(title: str) -> bool:  # the export's own sheets (codes, help) hold no queue: not read at all
        return not (title in OWN_SHEETS and title != "not_events" or (not queue and title != "not_events"))

    sheets = (_ods_sheets if path.suffix.lower() == ".ods" else _xlsx_sheets)(path, wanted)
    rows: list[SheetRow] = []
    skipped: list[tuple[str, str]] = []
    answers: list[SheetRow] = []
    found = False
    notes: list[str] = []
    for title, cells, formulas in sheets:
        ne = title == "not_events"
        got, why = _sheet_rows(title, cells, formulas, NOT_EVENTS if ne else QUEUE, notes)
        if got is not None:
            found = True
            (answers if ne else rows).extend(got)
        elif why:
            skipped.append((title, why))
    return rows, skipped, answers, found, notes


def _xlsx_sheets(path: Path, wanted):
    """(title, rows of saved values, rows of formulas) of each sheet of an Excel workbook (openpyxl), merged cells
    read in every row they cover."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    # the formulas themselves only where there are some (a second reading: 2.4x the CPU time)
    wbf = load_workbook(path, read_only=True, data_only=False) if _has_formulas(path) else None
    try:
        for ws in wb.worksheets:
            if not wanted(ws.title):
                continue
            cells = ws.iter_rows(values_only=True)
            merged = _merged_down(path, getattr(ws, "_worksheet_path", ""))
            if merged:
                cells = _fill_merged(cells, merged)
            formulas = itertools.repeat(())
            if wbf is not None:
                formulas = (tuple(c.value if getattr(c, "data_type", None) == "f" else None for c in r)
                            for r in wbf[ws.title].iter_rows())
            yield ws.title, cells, formulas
    finally:
        wb.close()
        if wbf is not None:
            wbf.close()


def _ods_sheets(path: Path, wanted):
    """The same of an OpenDocument spreadsheet (.ods: LibreOffice's own format), read by python-calamine: each cell
    by its saved value (a formula's result; calamine gives no formula text), an empty cell as None, a whole number
    as an int (calamine reads every number as a float: 10.0 would read as a typed "10.0")."""
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    try:
        for title in filter(wanted, wb.sheet_names):
            rows = wb.get_sheet_by_name(title).to_python(skip_empty_area=False)
            yield title, (tuple(_ods_value(v) for v in r) for r in rows), itertools.repeat(())
    finally:
        wb.close()


def _ods_value(v):
    if v == "":
        return None
    if isinstance(v, float) and v.is_integer() and abs(v) < 2 ** 53:
        return int(v)
    return v


MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


def _merged_down(path: Path, sheet_xml: str) -> dict[int, list[tuple[int, tuple[int, int]]]]:
    """By row, the cells of a sheet a range merged down several rows covers, each with the range's top-left cell
    (row, column from 0): the sheet shows the top-left value in every row of the range, so each row is read with it."""
    import zipfile

    from openpyxl.utils.cell import range_boundaries

    if not sheet_xml:
        return {}
    refs: set[bytes] = set()
    with zipfile.ZipFile(path) as z:
        try:
            fh = z.open(sheet_xml.lstrip("/"))
        except KeyError:
            return {}
        with fh:
            tail = b""
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                text = tail + chunk
                refs.update(m.group(1) for m in MERGE_REF.finditer(text))
                tail = text[-200:]  # an element cut between two chunks is found whole in the next
    out: dict[int, list[tuple[int, tuple[int, int]]]] = {}
    for ref in refs:
        c1, r1, c2, r2 = range_boundaries(ref.decode())
        if r2 > r1:
            for r in range(r1, r2 + 1):
                out.setdefault(r, []).extend((c - 1, (r1, c1 - 1)) for c in range(c1, c2 + 1) if (r, c) != (r1, c1))
    return out


def _fill_merged(cells, merged: dict[int, list[tuple[int, tuple[int, int]]]]):
    """The rows of `cells` with each cell a merged range covers holding the range's top-left value."""
    tops = {top for covered in merged.values() for _, top in covered}
    top_rows = {r for r, _ in tops}
    seen: dict[tuple[int, int], object] = {}
    for n, vals in enumerate(cells, start=1):
        covered = merged.get(n)
        if covered is None and n not in top_rows:
            yield vals
            continue
        vals = list(vals)
        for c in range(len(vals)):
            if (n, c) in tops:
                seen[(n, c)] = vals[c]
        for c, top in covered or ():
            if c >= len(vals):
                vals += [None] * (c + 1 - len(vals))
            if vals[c] is None:
                vals[c] = seen.get(top)
        yield tuple(vals)


def _has_formulas(path: Path) -> bool:
    """Whether a sheet of the workbook holds a formula cell (<f> in its XML)."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with z.open(name) as fh:
                    tail = b""
                    for chunk in iter(lambda: fh.read(1 << 20), b""):
                        if FORMULA_TAG.search(tail + chunk):
                            return True
                        tail = chunk[-16:]
    return False


FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _answer(r: SheetRow) -> tuple[str, bool | None, str | None]:
    """(URL, is an event, problem) of one row of `not_events`; (url, None, None) when not answered."""
    url = str(r.data.get("url") or "").strip()
    for k in ("is_event", "url"):
        if k in r.problems:
            return url, None, f"{k}: {r.problems[k]}"
    val, err = _bool(r.data.get("is_event"))
    if err:
        return url, None, f"is_event: {err} (да / yes, нет / no)"
    if val is not None and not url:
        return url, None, "url: empty: the answer cannot be matched to an article; copy its link from the sheet the program wrote"
    return url, val, None


def read_not_events(files: list[Path]) -> dict[str, tuple[bool, str]]:
    """The monitor's answers on the "not_events" sheets: URL -> (is an event, file). Later files win.
    An answer that is no yes/no, or has no link, is named by import_reviews."""
    out: dict[str, tuple[bool, str]] = {}
    for path in sorted(files, key=lambda p: (p.stat().st_mtime, p.name)):
        if path.suffix.lower() not in READABLE:
            continue  # named by import_reviews
        try:
            answers = read_workbook(path, queue=False)[2]
        except Exception:  # noqa: BLE001 - reported by import_reviews
            continue
        for r in answers:
            url, val, problem = _answer(r)
            if val is not None and not problem:
                out[url] = (val, path.name)
    return out


def _bool(v) -> tuple[bool | None, str | None]:
    if v is None or v == "":
        return None, None
    if isinstance(v, bool):
        return v, None
    answer = yes_no(_choice(v))
    return (answer, None) if answer is not None else (None, f"'{v}' is not yes/no")




def _int(v) -> tuple[int | None, str | None]:
    """A whole number of 0 or more, never guessed: '1,000' and '2.000' (a comma or point followed
    by three digits: thousands in one locale, decimals in another) and '1e3' are refused, as are
    'nan' and 'inf'; 1000.0 from Excel, '1 500' and '5,0' are read (as the card files' coercion does)."""
    if v is None or v == "":
        return None, None
    if isinstance(v, bool):
        return None, f"'{v}' is not a number"
    if isinstance(v, float):
        if not math.isfinite(v):
            return None, f"'{v}' is not a number"
        if not v.is_integer() or v < 0:
            return None, f"'{v}' is not a whole number of 0 or more"
        return int(v), None
    if isinstance(v, int):
        return (v, None) if v >= 0 else (None, f"'{v}' is not a whole number of 0 or more")
    s = " ".join(str(v).split())
    compact = re.sub(r"[\s\u00a0\u202f\u2009]", "", s)
    if re.fullmatch(r"\+?\d+", compact):
        return int(compact), None
    if ambiguous_thousands(compact.lstrip("+-")):
        return None, (f"'{s}' is ambiguous: a comma or point followed by three digits separates thousands in one "
                      "locale and decimals in another; write the whole number without separators, e.g. 1000")
    if re.fullmatch(r"\+?\d+[.,]0+", compact):
        return int(re.split(r"[.,]", compact.lstrip("+"))[0]), None
    if re.fullmatch(r"[-+]?(\d+([.,]\d*)?|[.,]\d+)[eE][-+]?\d+", compact):
        return None, f"'{s}' is in scientific notation; write the whole number, e.g. 1000"
    if re.fullmatch(r"\+?\d+[-\u2012-\u2015]\d+", compact):  # 100-150, 100 – 150: never guessed as one of them
        return None, (f"'{s}' is a range, not one number: write one whole number here; a range of participants goes "
                      f"under '{label('participants_low')}' (its lowest) and '{label('participants_high')}' (its "
                      f"highest), the best estimate under '{label('participants')}'")
    if re.fullmatch(r"-\d+([.,]\d+)?", compact) or re.fullmatch(r"\+?\d+[.,]\d+", compact):
        return None, f"'{s}' is not a whole number of 0 or more"
    return None, f"'{s}' is not a number"
