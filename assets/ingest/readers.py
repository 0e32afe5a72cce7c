"""Reading card files: CSV (UTF-8, UTF-16 with BOM or windows-1251, `,` `;` or tab), XLSX (sheets
`cards` and `persons`), and one JSON or YAML file per card (persons nested under `persons`).

A reader never interprets values: each record is kept as received (strings from CSV, the cell or
JSON values otherwise) with its file, sheet and row, so the raw layer holds exactly what came in.
A file that cannot be read at all yields a FileProblem that names the file and says why; so does a
file beyond a limit of config/limits.yaml (size, lines, columns, records, nesting, YAML aliases,
workbook size), a CSV whose quotes lie about its shape (an unclosed quote swallowing rows) and a
file with two columns (or keys) for one field. Anything unforeseen while reading becomes a
FileProblem too: one file never fails a period.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import yaml

from assets.ingest import fastcsv, odk, xlsxfile
from assets.ingest.csvfile import (  # noqa: F401 - the readers' shared primitives, also reached as readers.<name>
    PERSON_SHEETS, FileProblem, RawRecord, _check_text, _csv_error, _kind_for, _looks_cp1251, _mixed,
    _read_csv, _swallowed, _too_many_records, decode_text, open_archive)
from assets.core.limits import Limits, limits, mb
from assets.core.raw import Note
from schemas.card import header_aliases, nearest_fields, normalise_header

SUPPORTED = {".csv", ".xlsx", ".json", ".yaml", ".yml", ".zip"}  # .zip: ODK Central's export (odk.py)
ACCEPTED_ENCODINGS = {"utf_8", "cp1251", "utf_16"}
CARD_SHEETS = {"cards", "карты", "card"}


class FileRead:
    """What reading one file gave: its records, or `problem` when the file as a whole cannot be
    read. A plain CSV is read into `tables` (fastcsv.Table, a frame per sheet) and its records are
    made from them only when asked for; set `records` to replace both."""

    def __init__(self, path: Path, format: str, encoding: str | None = None, records: list[RawRecord] | None = None,
                 problem: str | None = None, warnings: list[Note] | None = None, tables: list[fastcsv.Table] | None = None):
        self.path, self.format, self.encoding, self.problem = path, format, encoding, problem
        self.warnings: list[Note] = warnings if warnings is not None else []  # each with its rule (raw.Note)
        self.tables: list[fastcsv.Table] = tables or []
        self._records = records if records is not None else (None if self.tables else [])

    @property
    def records(self) -> list[RawRecord]:
        if self._records is None:
            self._records = [r for t in self.tables for r in t.records()]
        return self._records

    @records.setter
    def records(self, value: list[RawRecord]) -> None:
        self._records, self.tables = value, []

    def __repr__(self) -> str:
        n = sum(t.frame.height for t in self.tables) if self._records is None else len(self._records)
        return f"FileRead({self.path!s}, {self.format}, {self.encoding}, {n} records, problem={self.problem!r})"


def read_file(path: Path, raw: bytes | None = None, fast: bool = True) -> FileRead:
    """Read one card file (its bytes may be given, as the inbox reads them without following links).
    fast=False: a CSV is always read by the strict reader and an XLSX by openpyxl (the references the
    fast ones, fastcsv.py and xlsxfile.py, are held to)."""
    fmt = path.suffix.lower()
    out = FileRead(path=path, format=fmt.lstrip("."))
    lim = limits()
    try:
        if raw is None:
            if path.stat().st_size > lim.max_bytes:
                raise FileProblem(f"the file is {mb(path.stat().st_size)}, over the limit of {mb(lim.max_bytes)} "
                                  "per file (config/limits.yaml file.max_bytes); it is not read: split it into smaller files")
            raw = path.read_bytes()
        if not raw.strip():
            raise FileProblem("the file is empty")
        disguised = _disguised(raw, fmt)
        if disguised:
            raise FileProblem(disguised)
        if fmt not in SUPPORTED:
            hint = UNSUPPORTED_HINTS.get(fmt) or (TYPE_THE_CARD if fmt in (".docx", ".doc", ".pdf", ".jpg", ".jpeg", ".png", ".heic") else "")
            raise FileProblem(
                f"unsupported file type '{fmt or path.name}': cards are read from .csv, .xlsx, .json, .yaml"
                + (f"; {hint}" if hint else "")
            )
        if fmt == ".csv":
            _csv_title(raw)
            _csv_cut(raw)
        framed = _fast_csv(raw, path, lim) if fmt == ".csv" and fast else None
        if framed is not None:  # a plain CSV, straight into a frame (the same records; see fastcsv.py)
            table, out.encoding = framed
            out.tables, out._records = [table], None
        elif fmt == ".csv":
            text, out.encoding = decode_text(raw)
            _check_text(text, lim)
            out.records = _read_csv(text, path, lim)
        elif fmt == ".xlsx":
            out.records = _read_xlsx(raw, lim, fast, out.warnings)
        elif fmt == ".zip":
            out.records = odk.read_zip(raw, lim)
        else:
            text, out.encoding = decode_text(raw)
            _check_text(text, lim)
            out.records = _read_structured(text, fmt, lim)
        if out.tables:
            return _with_header_warnings(out)  # fastcsv.read proved every check below (records, limits, no export)
        # ODK Central / KoboToolbox exports of the field form
        if not out.records and not odk.is_empty_repeat(raw):
            raise FileProblem("the file has no card rows (only a header, or nothing but blank rows)")
        if len(out.records) > lim.max_records:
            raise FileProblem(_too_many_records(len(out.records), lim))
        for r in out.records:
            try:
                jsonable(r.data).encode("utf-8")
            except UnicodeEncodeError as exc:
                raise FileProblem(f"{r.sheet} row {r.row_no}: a value holds an invalid character ({ascii(exc.object[exc.start:exc.end])}, "
                                  "half of a character pair); retype the value") from exc
        odk.adapt(out, path)
    except FileProblem as exc:
        out.problem = str(exc)
    except RecursionError:
        out.problem = (f"the file is nested too deeply to be read (lists or objects inside each other "
                       f"far beyond the {lim.max_nesting} levels a card can have; config/limits.yaml file.max_nesting)")
    except MemoryError:
        out.problem = "the file needs more memory to read than this machine has; it is not read"
    except Exception as exc:  # noqa: BLE001 - anything unforeseen: this file is quarantined, the period goes on
        out.problem = f"the file could not be read ({type(exc).__name__}: {str(exc)[:300]})"
    if out.problem:
        out.records = []
    else:
        _check_headers(out)
    return out



def _separator(line: str) -> str:
    """The separator a CSV line most likely uses (of , ; and tab: the most frequent)."""
    return max(",;\t", key=line.count)


def _csv_cut(raw: bytes) -> None:
    """A CSV that ends without a line end in a row of fewer cells than its header (no quote in either line) was cut
    while it was copied or saved (a card file picked up half-written): refused whole, saying so, rather than read
    with the last card's missing cells taken as empty. Only a file without a final line end is looked at."""
    if raw.rstrip(b"\x00").endswith((b"\n", b"\r")):
        return
    text, _enc = decode_text(raw)
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2 or '"' in lines[0] or '"' in lines[-1]:
        return
    sep = _separator(lines[0])
    have, want = lines[-1].count(sep) + 1, lines[0].count(sep) + 1
    if have < want:
        raise FileProblem(f"the file ends in the middle of a row: its last line (line {len(text.splitlines())}) has "
                          f"{have} cells but the header has {want}, and no line end follows it — the file was cut while "
                          "it was copied or saved; copy or save it again whole")


def _csv_title(raw: bytes) -> None:
    """A CSV whose line 1 is no header while one of its next lines is (a title above the table, as a
    sheet saved as CSV keeps it) is refused saying so, rather than read with the title as the header
    (every row then wrong) or refused for its number of cells. Only the first lines are looked at."""
    head = raw[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="replace")
    else:
        head = head.rsplit(b"\n", 1)[0] if len(raw) > len(head) else head
        try:
            text = head.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = head.decode("cp1251", errors="replace")
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()][:xlsxfile.HEADER_SCAN]

    def cells(line: str) -> list[str]:
        try:
            return next(csv.reader([line], delimiter=_separator(line)))
        except (csv.Error, StopIteration):
            return []

    if not lines or xlsxfile.is_header(cells(lines[0][1])):
        return
    hint = re.fullmatch(r"\s*sep=(.)\s*", lines[0][1], re.I)
    if hint and lines[0][0] == 1:
        raise FileProblem(f"line 1 '{lines[0][1].strip()}' is the separator hint some programs write for Excel, not the "
                          "header: delete that line and save the file again (the separator is found without it)")
    for n, line in lines[1:]:
        found = cells(line)
        if xlsxfile.is_header(found):
            shown_cells = ", ".join(c.strip() for c in found[:3] if c.strip())
            above = "line 1 above it looks" if n == 2 else f"lines 1–{n - 1} above it look"
            title = "the title line" if n == 2 else "the title lines"
            raise FileProblem(f"the header is not on line 1: line {n} holds the columns ({shown_cells}, …), and {above} "
                              f"like a title: delete {title} and save the file again")


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of Excel 97-2003 (.xls) and of every encrypted workbook
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
TYPE_THE_CARD = "type the card into the spreadsheet template (monitor template) or a card file and put that in the inbox"
# what a file's first bytes say it is when no card file can be: a document or an image renamed, or saved as a web page
SIGNATURES = ((b"%PDF", "a PDF document", (".pdf",)), (b"\x89PNG", "an image (PNG)", (".png",)),
              (b"\xff\xd8\xff", "an image (JPEG)", (".jpg", ".jpeg")), (b"GIF8", "an image (GIF)", (".gif",)),
              (b"{\\rtf", "a Word document (RTF)", (".rtf", ".doc")))
_HTML = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|table)\b", re.I)
# the types monitors' programs save that hold no card file as such, and what to do instead
UNSUPPORTED_HINTS = {
    ".txt": "if it is Excel's 'Text (Tab delimited)' or 'Unicode text', rename it .csv",
    ".tsv": "tab-separated values are read as a CSV: rename it .csv",
    ".xls": "open it in Excel and save it as .xlsx (Excel Workbook)",
    ".xlsm": "open it in Excel and save it as .xlsx (Excel Workbook, no macros)",
    ".xlsb": "open it in Excel and save it as .xlsx (Excel Workbook)",
    ".ods": "save it as .xlsx (Excel 2007-365) and put that in the inbox",
    ".numbers": "export it as .xlsx (Excel) and put that in the inbox",
}


def _disguised(raw: bytes, fmt: str) -> str | None:
    """What a file is when its first bytes say it is not what its name says: an old .xls or an encrypted
    workbook (OLE2), an Excel workbook or an OpenDocument spreadsheet (ZIP) under a text file's name."""
    name = fmt or "this"
    for signature, what, suffixes in SIGNATURES:
        if raw.startswith(signature) and fmt not in suffixes:
            return f"this is {what}, not a {name} file: cards cannot be read from it; {TYPE_THE_CARD}"
    if fmt in SUPPORTED and fmt not in (".xlsx", ".zip") and _HTML.match(raw[:1024]):
        return (f"this is a web page (HTML, as Excel saves a 'Web Page' or some sites export a table), not a {name} "
                "file: open it in Excel and save it as .xlsx")
    if raw.startswith(OLE2):
        return (f"this is an old Excel 97-2003 workbook (.xls) or a password-protected (encrypted) workbook, not a "
                f"{name} file: open it in Excel and save it as .xlsx (Excel Workbook) without a password")
    if not raw.startswith(b"PK\x03\x04") or fmt == ".zip":
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            names = z.namelist()
            mime = z.read("mimetype") if "mimetype" in names and z.getinfo("mimetype").file_size < 200 else b""
    except Exception:  # noqa: BLE001 - a broken archive: the reader of its format words it
        return None
    if mime.startswith(ODS_MIMETYPE):
        return (f"this is an OpenDocument spreadsheet (.ods, LibreOffice / OpenOffice), not a {name} file: "
                "save it as .xlsx (Excel 2007-365) and put that in the inbox")
    if fmt == ".xlsx":
        return None
    if any(n.startswith("xl/") for n in names):
        return f"this is an Excel workbook (a ZIP archive), saved with a {name} name: rename it .xlsx"
    if any(n.startswith("word/") for n in names):
        return None if fmt == ".docx" else f"this is a Word document (.docx), not a {name} file: {TYPE_THE_CARD}"
    return f"this is a ZIP archive, not a {name} file: unpack it and put the card files it holds in the inbox"


def _cell(v):
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time(0) else v.isoformat(sep=" ")
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    if isinstance(v, dt.timedelta):
        return str(v)
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, (bytes, bytearray)):
        raise FileProblem("a value is binary data (YAML !!binary), not text")
    if isinstance(v, (set, frozenset)):
        return sorted(map(str, v))
    return v


def _read_xlsx(raw: bytes, lim: Limits, fast: bool = True, notes: list[str] | None = None) -> list[RawRecord]:
    """The workbook's records; `notes` gets the sheets not read and the title rows skipped (xlsxfile.sheet_records).
    When no sheet holds cards, the file is refused with those notes as its reason."""
    notes = [] if notes is None else notes
    said: list[str] = []
    records = _read_sheets(raw, lim, fast, said)
    if not records and said:
        raise FileProblem("no sheet of the workbook holds cards: " + "; ".join(said))
    notes.extend(said)
    return records


def _read_sheets(raw: bytes, lim: Limits, fast: bool, notes: list[str]) -> list[RawRecord]:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    z, infos = open_archive(raw, lim, "the workbook", "parts",
                            "the file is not a readable Excel workbook (it is not a complete .xlsx")
    xlsxfile.check_rows(z, infos, lim)  # no reader walks a million empty rows to a stray value
    if fast:  # python-calamine, where it gives what openpyxl gives (xlsxfile.py says when it cannot tell)
        records = xlsxfile.read(raw, lim, z, infos, _cell, notes)
        if records is not None:
            return records
    try:
        has_formulas = any(xlsxfile.FORMULA_RE.search(z.read(i.filename)) for i in infos
                           if i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml"))
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise FileProblem(f"the file is not a readable Excel workbook ({type(exc).__name__}: {str(exc)[:200]})") from exc
    formulas = _formulas(raw, lim) if has_formulas else {}
    records: list[RawRecord] = []
    try:
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":  # hidden, veryHidden
                if not xlsxfile.template_lists(ws.title, lambda ws=ws: ws.iter_rows(max_row=xlsxfile.HEADER_SCAN, values_only=True)):
                    notes.append(xlsxfile.hidden_note(ws.title))
                continue
            where = f"sheet '{ws.title}': "
            declared = ws.max_column or 0
            if declared > lim.max_columns and _values_beyond(z, ws, lim):
                raise FileProblem(f"{where}the sheet spans {declared} columns (to column {get_column_letter(declared)}), over "
                                  f"the limit of {lim.max_columns} (config/limits.yaml file.max_columns)")
            sheet_formulas = formulas.get(ws.title, {})
            part = str(getattr(ws, "_worksheet_path", "") or "").lstrip("/")
            merges, hidden = xlsxfile.sheet_layout(z.read(part)) if part in z.namelist() else ([], set())

            def rows(ws=ws, where=where, sheet_formulas=sheet_formulas):
                for i, row in enumerate(ws.iter_rows(values_only=True, max_col=lim.max_columns + 1), start=1):
                    if len(row) > lim.max_columns and row[lim.max_columns] not in (None, ""):
                        raise FileProblem(f"{where}row {i} has values beyond column {lim.max_columns}, the limit "
                                          "(config/limits.yaml file.max_columns)")
                    yield i, tuple(sheet_formulas.get((i, j), v) if v is None else v for j, v in enumerate(row, start=1))

            down = hidden or any(r2 > r1 for _, r1, _, r2 in merges)  # a merge within one row needs nothing
            laid = xlsxfile.with_layout(rows(), ws.title, merges, hidden, notes) if down else rows()
            xlsxfile.sheet_records(laid, ws.title, lim, _cell, records, notes=notes)
    finally:
        wb.close()
    return records


def _values_beyond(z, ws, lim: Limits) -> bool:
    """A sheet declared wider than file.max_columns holds a value out there (not only a formatted empty cell)."""
    part = str(getattr(ws, "_worksheet_path", "") or "").lstrip("/")
    try:
        xml = z.read(part)
    except KeyError:
        return True  # cannot tell: refused by its declared size, as before
    return xlsxfile.values_beyond(xml, lim.max_columns)


def _formulas(raw: bytes, lim: Limits) -> dict[str, dict[tuple[int, int], str]]:
    """Formula cells with no saved value (the workbook was written by a program, never opened in
    Excel): their formula text is kept as the value, so validation says it is no number/date/...
    instead of the cell silently counting as empty."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    out: dict[str, dict[tuple[int, int], str]] = {}
    try:
        for ws in wb.worksheets:  # up to one column past the limit (a sheet wider in values is refused)
            for i, row in enumerate(ws.iter_rows(max_col=lim.max_columns + 1), start=1):
                for j, c in enumerate(row, start=1):
                    if getattr(c, "data_type", None) == "f" and c.value is not None:
                        out.setdefault(ws.title, {})[(i, j)] = str(c.value)
    finally:
        wb.close()
    return out


# ------------------------------------------------------------------------------- JSON and YAML
class _YamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (libyaml where available) with: dates that are no day of the calendar kept as
    text (validation then says so), and a key given twice in one mapping refused."""

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value != "<<":
                key = (key_node.tag, key_node.value)
                if key in seen:
                    raise FileProblem(f"line {key_node.start_mark.line + 1}: the field '{key_node.value}' is given twice "
                                      f"(first on line {seen[key]}); keep one")
                seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


def _timestamp(loader, node):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)  # 2017-02-30: text, which validation reports as no date


_YamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

# Numbers as a monitor means them, not as YAML 1.1 reads them: `010` stays the text '010', which validation
# reads as ten, as in a CSV (YAML: octal 8); `0x10` and `0b10` stay text (no whole number, as in a CSV), and `1.000` stays text,
# since a point followed by three digits may separate thousands (validation refuses it as ambiguous)
# rather than the float 1.0 that would count one participant; `15:30` stays the text '15:30', not YAML 1.1's base-60
# 930, which a time field read back as minutes and any other number took as it stood.
LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")
THREE_DECIMALS = re.compile(r"[-+]?[0-9][0-9_]*\.[0-9]{3}")


def _int(loader, node):
    text = loader.construct_scalar(node)
    if LEADING_ZERO.fullmatch(text) or re.match(r"[-+]?0[xXbBoO]", text):
        return text  # as typed: validation reads 010 as 10, a text field keeps 010
    if ":" in text:  # YAML 1.1's base 60: `15:30` is 930, `participants: 1:30` 90; as typed, a time reads as one
        return text
    return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)


def _float(loader, node):
    text = loader.construct_scalar(node)
    if THREE_DECIMALS.fullmatch(text) or ":" in text:  # `15:30:00.5`: base 60 too
        return text
    return yaml.constructor.SafeConstructor.construct_yaml_float(loader, node)


def _json_float(text: str):
    return text if THREE_DECIMALS.fullmatch(text) else float(text)


_YamlLoader.add_constructor("tag:yaml.org,2002:int", _int)
_YamlLoader.add_constructor("tag:yaml.org,2002:float", _float)


def _check_yaml_graph(root, lim: Limits) -> None:
    """Before anything is built: how many values the document has once every alias is expanded (an
    alias bomb of 300 bytes expands to billions), how many alias uses, how deep, and no cycles."""
    size: dict[int, int] = {}
    on_path: set[int] = set()
    aliases = 0
    stack: list[tuple[object, int, bool]] = [(root, 0, False)]
    while stack:
        node, depth, done = stack.pop()
        nid = id(node)
        kids = [] if isinstance(node, yaml.ScalarNode) else (
            [x for kv in node.value for x in kv] if isinstance(node, yaml.MappingNode) else list(node.value))
        if done:
            on_path.discard(nid)
            size[nid] = 1 + sum(size[id(k)] for k in kids)
            if size[nid] > lim.yaml_max_nodes:
                raise FileProblem(f"the YAML expands to more than {lim.yaml_max_nodes} values through its anchors (&) "
                                  "and aliases (*) (an alias bomb?; config/limits.yaml yaml.max_nodes); write the card "
                                  "without anchors")
            continue
        if nid in size:
            aliases += 1
            if aliases > lim.yaml_max_aliases:
                raise FileProblem(f"the YAML uses aliases (*) more than {lim.yaml_max_aliases} times (config/limits.yaml "
                                  "yaml.max_aliases); write the card without anchors")
            continue
        if nid in on_path:
            raise FileProblem(f"line {node.start_mark.line + 1}: the YAML refers to itself through an alias (*) and "
                              "cannot be read as a card")
        if kids and depth + 1 > lim.max_nesting:
            raise FileProblem(f"line {node.start_mark.line + 1}: lists and fields are nested more than "
                              f"{lim.max_nesting} levels deep (config/limits.yaml file.max_nesting); a card needs at most 4")
        on_path.add(nid)
        stack.append((node, depth, True))
        stack.extend((k, depth + (1 if kids else 0), False) for k in reversed(kids))


def _load_yaml(text: str, lim: Limits):
    loader = _YamlLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_yaml_graph(node, lim)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _no_duplicates(pairs):
    out = {}
    for k, v in pairs:
        if k in out:
            raise FileProblem(f"the field '{k}' is given twice in one object; keep one")
        out[k] = v
    return out


def _no_constant(name):
    raise FileProblem(f"the file uses {name}, which is no number in JSON")


def _depth(obj, lim: Limits) -> None:
    stack = [(obj, 1)]
    while stack:
        o, d = stack.pop()
        if isinstance(o, (dict, list)):
            if d > lim.max_nesting:
                raise FileProblem(f"lists and objects are nested more than {lim.max_nesting} levels deep "
                                  "(config/limits.yaml file.max_nesting); a card needs at most 4")
            stack.extend((v, d + 1) for v in (o.values() if isinstance(o, dict) else o))


def _read_structured(text: str, fmt: str, lim: Limits) -> list[RawRecord]:
    try:
        if fmt == ".json":
            obj = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant, parse_float=_json_float)
        else:
            obj = _load_yaml(text, lim)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        if fmt == ".json" and isinstance(exc, json.JSONDecodeError) and exc.msg == "Extra data" and _json_lines(text):
            raise FileProblem("the file is not valid JSON: it holds one JSON object per line (JSON Lines); put the "
                              "cards in one list, [{...}, {...}], or one card per file") from exc
        raise FileProblem(f"the file is not valid {fmt.lstrip('.').upper()}: {' '.join(str(exc).split())[:300]}") from exc
    except ValueError as exc:  # e.g. a number of thousands of digits
        raise FileProblem(f"the file holds a value that cannot be read ({str(exc)[:200]})") from exc
    _depth(obj, lim)
    listed: list = []  # persons listed beside the cards ({"cards": [...], "persons": [...]}), each with its card_id
    if isinstance(obj, dict) and isinstance(obj.get("cards"), list) and set(map(str, obj)) <= {"cards", "persons"}:
        listed = obj.get("persons") or []
        if not isinstance(listed, list):
            raise FileProblem("'persons' beside 'cards' must be a list of persons, each with its card_id")
        obj = obj["cards"]
    items = obj if isinstance(obj, list) else [obj]
    if len(items) > lim.max_records:
        raise FileProblem(_too_many_records(len(items), lim))
    records: list[RawRecord] = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise FileProblem(f"card {n} in the file is not a set of fields (got {type(item).__name__})")
        if len(item) > lim.max_columns:
            raise FileProblem(f"card {n} has {len(item)} fields, over the limit of {lim.max_columns} (config/limits.yaml file.max_columns)")
        item = {str(k): v for k, v in item.items()}
        persons = item.pop("persons", None) or []
        card = {k: _cell(v) for k, v in item.items()}
        records.append(RawRecord(kind="card", sheet="card" if len(items) == 1 else f"card {n}", row_no=n, data=card))
        if not isinstance(persons, list):
            raise FileProblem(f"card {n}: 'persons' must be a list")
        for j, p in enumerate(persons, start=1):
            if not isinstance(p, dict):
                raise FileProblem(f"card {n}: person {j} is not a set of fields")
            pdata = {str(k): _cell(v) for k, v in p.items()}
            pdata.setdefault("card_id", card.get("card_id", ""))
            records.append(RawRecord(kind="person", sheet="persons" if len(items) == 1 else f"card {n} persons", row_no=j, data=pdata))
    for j, p in enumerate(listed, start=1):
        if not isinstance(p, dict):
            raise FileProblem(f"person {j} of 'persons' is not a set of fields")
        records.append(RawRecord(kind="person", sheet="persons", row_no=j, data={str(k): _cell(v) for k, v in p.items()}))
    return records


def _json_lines(text: str) -> bool:
    """Whether every non-blank line of `text` is a JSON object of its own (JSON Lines)."""
    lines = [line for line in text.splitlines() if line.strip()]
    try:
        return len(lines) > 1 and all(isinstance(json.loads(line), dict) for line in lines)
    except json.JSONDecodeError:
        return False


def _fast_csv(raw: bytes, path: Path, lim: Limits):
    try:
        return fastcsv.read(raw, path, lim)
    except FileProblem:
        raise
    except Exception:  # noqa: BLE001 - the fast reader gives up; the strict one reads (and explains)
        return None


def _with_header_warnings(out: FileRead) -> FileRead:
    for t in out.tables:
        aliases = header_aliases(t.kind)
        out.warnings += [_unknown_column(h, t.kind) for h in t.headers if normalise_header(h) not in aliases]
    return out


def _unknown_column(h: str, kind: str) -> Note:
    near = nearest_fields(h, kind)  # the fields it may have meant ("Дата": 'Дата проведения' (date))
    if not near:
        return Note(f"column '{h}' is not a field of the {kind} (see schemas/codebook.md); its values are kept in raw "
                    "but not used", "unknown_column")
    meant = near[0] if len(near) == 1 else ", ".join(near[:-1]) + " or " + near[-1]
    return Note(f"column '{h}' is not a field of the {kind} (see schemas/codebook.md): did you mean {meant}? Its values "
                "are kept in raw but not used until the column is named as the field", "unknown_column")


def _check_headers(out: FileRead) -> None:
    """Columns that are no field of the card are reported (their values stay in the raw layer)."""
    seen: set[tuple[str, str]] = set()
    for r in out.records:
        aliases = header_aliases(r.kind)
        for h in r.data:
            if normalise_header(h) not in aliases and (r.kind, h) not in seen:
                seen.add((r.kind, h))
                out.warnings.append(_unknown_column(h, r.kind))


def jsonable(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, default=str, sort_keys=False)

