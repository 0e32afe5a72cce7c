"""Reading card files: CSV (UTF-8 or windows-1251, `,` `;` or tab), XLSX (sheets `cards` and
`persons`), and one JSON or YAML file per card (persons nested under `persons`).

A reader never interprets values: each record is kept as received (strings from CSV, the cell or
JSON values otherwise) with its file, sheet and row, so the raw layer holds exactly what came in.
A file that cannot be read at all yields a FileProblem that names the file and says why.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from charset_normalizer import from_bytes

from schemas.card import header_aliases, normalise_header

SUPPORTED = {".csv", ".xlsx", ".json", ".yaml", ".yml", ".zip"}  # .zip: ODK Central's export (odk.py)
ACCEPTED_ENCODINGS = {"utf_8", "cp1251"}
PERSON_SHEETS = {"persons", "лица", "persons.csv"}
CARD_SHEETS = {"cards", "карты", "card"}


@dataclass
class RawRecord:
    kind: str  # "card" | "person"
    sheet: str
    row_no: int  # 1-based row in the file/sheet as a person sees it (header = row 1 in CSV/XLSX)
    data: dict


@dataclass
class FileRead:
    path: Path
    format: str
    encoding: str | None = None
    records: list[RawRecord] = field(default_factory=list)
    problem: str | None = None  # set when the file as a whole cannot be read
    warnings: list[str] = field(default_factory=list)


class FileProblem(Exception):
    pass


def read_file(path: Path) -> FileRead:
    fmt = path.suffix.lower()
    out = FileRead(path=path, format=fmt.lstrip("."))
    try:
        raw = path.read_bytes()
        if not raw.strip():
            raise FileProblem("the file is empty")
        if fmt not in SUPPORTED:
            raise FileProblem(
                f"unsupported file type '{fmt or path.name}': cards are read from .csv, .xlsx, .json, .yaml"
            )
        if fmt == ".csv":
            text, out.encoding = decode_text(raw)
            out.records = _read_csv(text, path)
        elif fmt == ".xlsx":
            out.records = _read_xlsx(raw)
        elif fmt == ".zip":
            from assets.ingest.odk import read_zip

            out.records = read_zip(raw)
        else:
            text, out.encoding = decode_text(raw)
            out.records = _read_structured(text, fmt)
        from assets.ingest.odk import adapt, is_empty_repeat  # ODK Central / KoboToolbox exports of the field form

        if not out.records and not is_empty_repeat(raw):
            raise FileProblem("the file has no card rows (only a header, or nothing but blank rows)")
        adapt(out, path)
    except FileProblem as exc:
        out.problem = str(exc)
    _check_headers(out)
    return out


def decode_text(raw: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM) or windows-1251; anything else is refused with its likely name."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf_8"
    try:
        return raw.decode("utf-8"), "utf_8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw, cp_isolation=["cp1251", "koi8_r", "cp866", "mac_cyrillic", "utf_16", "latin_1", "iso8859_5"]).best()
    guess = best.encoding if best else None
    if guess == "cp1251" or (guess is None and _looks_cp1251(raw)):
        return raw.decode("cp1251"), "cp1251"
    name = {"koi8_r": "KOI8-R", "cp866": "DOS cp866", "mac_cyrillic": "Mac Cyrillic", "utf_16": "UTF-16",
            "latin_1": "Latin-1", "iso8859_5": "ISO-8859-5"}.get(guess or "", guess or "an unknown encoding")
    raise FileProblem(
        f"the file is not in UTF-8 or windows-1251 (it looks like {name}); "
        "save it again as 'CSV UTF-8' or 'CSV (windows-1251)' and put it back in the inbox"
    )


def _looks_cp1251(raw: bytes) -> bool:
    try:
        text = raw.decode("cp1251")
    except UnicodeDecodeError:
        return False
    letters = [c for c in text if c.isalpha()]
    cyr = sum("а" <= c.lower() <= "я" or c in "ёЁіІңҢғҒүҮұҰқҚөӨһҺәӘ" for c in letters)
    return bool(letters) and cyr / len(letters) > 0.5


def _kind_for(headers: list[str], sheet: str) -> str:
    """A sheet/file of persons is named so (persons, лица) or has a person-id column."""
    norm = {normalise_header(h) for h in headers}
    if sheet.lower() in PERSON_SHEETS or norm & {"person id", "номер лица"}:
        return "person"
    return "card"


def _read_csv(text: str, path: Path) -> list[RawRecord]:
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delim = dialect.delimiter
    except csv.Error:
        delim = ","
    reader = csv.reader(io.StringIO(text), delimiter=delim)
    rows = list(reader)
    if not rows:
        return []
    headers = [h.strip() for h in rows[0]]
    kind = _kind_for(headers, "persons" if path.stem.lower().endswith("persons") else "")
    sheet = "persons" if kind == "person" else "cards"
    records = []
    for i, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(headers):
            extra = [c for c in row[len(headers):] if c.strip()]
            if extra:
                raise FileProblem(
                    f"row {i} has {len(row)} cells but the header has {len(headers)}: "
                    "check the separator and quotes"
                )
        data = {h: (row[j] if j < len(row) else "") for j, h in enumerate(headers) if h}
        records.append(RawRecord(kind=kind, sheet=sheet, row_no=i, data=data))
    return records


def _cell(v):
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time(0) else v.isoformat(sep=" ")
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _read_xlsx(raw: bytes) -> list[RawRecord]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise FileProblem(f"the file is not a readable Excel workbook ({type(exc).__name__}: {exc})") from exc
    records: list[RawRecord] = []
    for ws in wb.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        if not rows:
            continue
        headers = [str(h).strip() if h is not None else "" for h in rows[0]]
        if not any(headers):
            continue
        kind = _kind_for(headers, ws.title)
        for i, row in enumerate(rows[1:], start=2):
            if not any(v is not None and str(v).strip() for v in row):
                continue
            data = {h: _cell(row[j]) if j < len(row) and row[j] is not None else "" for j, h in enumerate(headers) if h}
            records.append(RawRecord(kind=kind, sheet=ws.title, row_no=i, data=data))
    wb.close()
    return records


def _read_structured(text: str, fmt: str) -> list[RawRecord]:
    try:
        obj = json.loads(text) if fmt == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise FileProblem(f"the file is not valid {fmt.lstrip('.').upper()}: {exc}") from exc
    items = obj if isinstance(obj, list) else [obj]
    records: list[RawRecord] = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise FileProblem(f"card {n} in the file is not a set of fields (got {type(item).__name__})")
        item = dict(item)
        persons = item.pop("persons", None) or []
        card = {k: _cell(v) for k, v in item.items()}
        records.append(RawRecord(kind="card", sheet="card" if len(items) == 1 else f"card {n}", row_no=n, data=card))
        if not isinstance(persons, list):
            raise FileProblem(f"card {n}: 'persons' must be a list")
        for j, p in enumerate(persons, start=1):
            if not isinstance(p, dict):
                raise FileProblem(f"card {n}: person {j} is not a set of fields")
            pdata = {k: _cell(v) for k, v in p.items()}
            pdata.setdefault("card_id", card.get("card_id", ""))
            records.append(RawRecord(kind="person", sheet="persons", row_no=j, data=pdata))
    return records


def _check_headers(out: FileRead) -> None:
    """Columns that are no field of the card are reported (their values stay in the raw layer)."""
    seen: set[tuple[str, str]] = set()
    for r in out.records:
        aliases = header_aliases(r.kind)
        for h in r.data:
            if normalise_header(h) not in aliases and (r.kind, h) not in seen:
                seen.add((r.kind, h))
                out.warnings.append(f"column '{h}' is not a field of the {r.kind} (see schemas/codebook.md); its values are kept in raw but not used")


def jsonable(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, default=str, sort_keys=False)
