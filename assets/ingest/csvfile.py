"""What every reader of card files shares: the file's text (UTF-8, UTF-16 with BOM or
windows-1251; a file that mixes encodings refused), its limits (NUL characters, line length), the
strict CSV reader (quotes that lie about the shape, duplicate columns, extra cells), the header
check and ZIP containers held to config/limits.yaml. readers.py (every format) and odk.py (ODK
Central's zipped CSVs) both read with these, so neither needs the other's module.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from core import cyrillic

from assets.core.limits import Limits, mb
from schemas.card import header_aliases, normalise_header

PERSON_SHEETS = {"persons", "лица", "persons.csv"}
CARD_SHEETS = {"cards", "карты", "card"}


@dataclass
class RawRecord:
    kind: str  # "card" | "person"
    sheet: str
    row_no: int  # 1-based row in the file/sheet as a person sees it (header = row 1 in CSV/XLSX)
    data: dict



class FileProblem(Exception):
    pass


def _too_many_records(n: int, lim: Limits) -> str:
    return (f"the file holds more than {lim.max_records} records "
            f"(card and person rows), over the limit per file (config/limits.yaml file.max_records): split it into smaller files")


def decode_text(raw: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with BOM or windows-1251; anything else (and a file that
    mixes encodings) is refused with its likely name."""
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "utf_8"
        except UnicodeDecodeError as exc:
            raise FileProblem(_mixed(raw[3:]) or f"the file starts as UTF-8 but byte {exc.start + 3} is not UTF-8; "
                              "save it again as 'CSV UTF-8'") from exc
    if raw.startswith(cyrillic.UTF16_BOMS):
        try:
            return raw.decode("utf-16"), "utf_16"
        except UnicodeDecodeError as exc:
            raise FileProblem("the file starts as UTF-16 but is damaged further on (an odd number of bytes, "
                              "or broken characters); save it again as 'CSV UTF-8'") from exc
    if raw.count(b"\x00") * 4 > len(raw) or cyrillic.utf16_without_mark(raw):
        raise FileProblem("the file is not in UTF-8 or windows-1251 (it looks like UTF-16 without its byte-order mark); "
                          "save it again as 'CSV UTF-8' and put it back in the inbox")
    try:
        return raw.decode("utf-8"), "utf_8"
    except UnicodeDecodeError:
        pass
    mixed = _mixed(raw)
    if mixed:
        raise FileProblem(mixed)
    best = from_bytes(raw[:200_000], cp_isolation=["cp1251", "koi8_r", "cp866", "mac_cyrillic", "utf_16", "latin_1", "iso8859_5"]).best()
    guess = best.encoding if best else None
    if guess == "cp1251" or (guess is None and _looks_cp1251(raw)) or _reads_as_russian(raw):
        if _mac_reads_better(raw):
            guess = "mac_cyrillic"
        else:
            return raw.decode("cp1251"), "cp1251"
    name = {"koi8_r": "KOI8-R", "cp866": "DOS cp866", "mac_cyrillic": "Mac Cyrillic", "utf_16": "UTF-16",
            "latin_1": "Latin-1", "iso8859_5": "ISO-8859-5"}.get(guess or "", guess or "an unknown encoding")
    raise FileProblem(
        f"the file is not in UTF-8 or windows-1251 (it looks like {name}); "
        "save it again as 'CSV UTF-8' or 'CSV (windows-1251)' and put it back in the inbox"
    )


def _mixed(raw: bytes) -> str | None:
    """Lines in UTF-8 and lines in another encoding in one file: say which."""
    utf8_line = other_line = None
    for n, line in enumerate(raw.split(b"\n"), start=1):
        if line.isascii():  # no byte >= 0x80 (checked in C, not byte by byte in Python)
            continue
        try:
            line.decode("utf-8")
            utf8_line = utf8_line or n
        except UnicodeDecodeError:
            other_line = other_line or n
        if utf8_line and other_line:
            return (f"the file mixes encodings: line {utf8_line} is UTF-8 but line {other_line} is not "
                    "(windows-1251?); save the whole file again as 'CSV UTF-8'")
    return None


def _looks_cp1251(raw: bytes) -> bool:
    try:
        text = raw.decode("cp1251")
    except UnicodeDecodeError:
        return False
    letters = [c for c in text[:200_000] if c.isalpha()]
    cyr = sum("а" <= c.lower() <= "я" or c in "ёЁіІңҢғҒүҮұҰқҚөӨһҺәӘ" for c in letters)
    return bool(letters) and cyr / len(letters) > 0.5


_RUSSIAN = frozenset("абвгдежзийклмнопрстуфхцчшщъыьэюяё")
_NON_ASCII_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*")


def _reads_as_russian(raw: bytes) -> bool:
    """Whether `raw` in windows-1251 reads as Russian text: its words with letters beyond ASCII are at least 95 %
    Russian letters, mostly small ones, and at most a fifth of them have a capital after a small letter. The
    encoding guesser alone took a short windows-1251 file for Mac Cyrillic or Latin-1 (about half of one-card files
    separated by tabs, Excel's "Text (Tab delimited)"), which decode the same bytes as other letters or symbols;
    KOI8-R and DOS cp866 read as windows-1251 give capitals inside words (юКЛЮРШ) or symbols, so they stay refused."""
    try:
        text = raw[:200_000].decode("cp1251")
    except UnicodeDecodeError:
        return False
    words = _NON_ASCII_WORD.findall(text)
    letters = [c for w in words for c in w if not c.isascii()]
    if not letters:
        return False
    russian = sum(c.lower() in _RUSSIAN for c in letters)
    small = sum(c.islower() for c in letters)
    mixed = sum(any(a.islower() and b.isupper() for a, b in zip(w, w[1:])) for w in words)
    return russian >= 0.95 * len(letters) and small >= 0.5 * len(letters) and mixed <= 0.2 * len(words)


def _mac_reads_better(raw: bytes) -> bool:
    """Whether `raw`, taken for windows-1251, reads better as Mac Cyrillic. The two share the small letters but
    я, and Mac Cyrillic's capitals are windows-1251's Ђ Ѓ ‚ ѓ „ … Љ Њ: read as windows-1251, a Mac file is Russian
    with its capitals changed ("Ђлматы", "площадь ЋбаЯ"), which the guesser and the letter counts take for
    windows-1251, and its texts would be stored garbled. The reading that scores better as Russian (core/cyrillic.py,
    which the article reader shares) wins; a tie stays windows-1251."""
    return cyrillic.code_page(raw, ("cp1251", "mac_cyrillic")) == "mac_cyrillic"


def _check_text(text: str, lim: Limits) -> None:
    """No NUL characters (binary or damaged files) and no line beyond the limit."""
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise FileProblem(f"line {line}: the file contains NUL characters, so it is not plain text (a binary "
                          "file renamed, or a damaged one); save it again as 'CSV UTF-8'")
    start, n = 0, 1
    while True:
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        if stop - start > lim.max_line_chars:
            raise FileProblem(f"line {n} is {stop - start} characters long, over the limit of {lim.max_line_chars} "
                              "(config/limits.yaml file.max_line_chars)")
        if end < 0:
            return
        start, n = end + 1, n + 1


def _kind_for(headers: list[str], sheet: str) -> str:
    """A sheet/file of persons is named so (persons, лица) or has a person-id column."""
    norm = {normalise_header(h) for h in headers}
    if sheet.lower() in PERSON_SHEETS or norm & {"person id", "номер лица"}:
        return "person"
    return "card"


def _headers(cells: list, kind_hint: str, lim: Limits, where: str = "") -> tuple[list[str], str]:
    """Column names (a nameless column becomes '(column N)', so its values are kept and reported),
    the kind of the rows, and a FileProblem for two columns that are one field."""
    headers = [str(h).strip() if h is not None else "" for h in cells]
    while headers and not headers[-1]:
        headers.pop()
    if len(headers) > lim.max_columns:
        raise FileProblem(f"{where}the header has {len(headers)} columns, over the limit of {lim.max_columns} "
                          "(config/limits.yaml file.max_columns)")
    headers = [h or f"(column {j})" for j, h in enumerate(headers, start=1)]
    kind = _kind_for(headers, kind_hint)
    aliases = header_aliases(kind)
    first: dict[str, int] = {}
    for j, h in enumerate(headers, start=1):
        key = aliases.get(normalise_header(h), normalise_header(h))
        if key in first:
            i = first[key]
            same = normalise_header(headers[i - 1]) == normalise_header(h)
            what = f"the column name '{h}' appears twice" if same else f"'{headers[i - 1]}' and '{h}' are both the field {key}"
            raise FileProblem(f"{where}columns {i} and {j}: {what}; keep one column per field (which value would count is unclear)")
        first[key] = j
    return headers, kind


def _read_csv(text: str, path: Path, lim: Limits) -> list[RawRecord]:
    if csv.field_size_limit() < lim.max_bytes:
        csv.field_size_limit(lim.max_bytes)  # long values are judged by field length (validate), not lost here
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delim = dialect.delimiter
    except csv.Error:
        delim = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True)
    records: list[RawRecord] = []
    headers: list[str] | None = None
    kind = sheet = ""
    i = 0  # the row as a spreadsheet shows it (a quoted cell may span several lines)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise FileProblem(_csv_error(exc, start, reader.line_num, delim)) from exc
        i += 1
        if headers is None:
            headers, kind = _headers(row, "persons" if path.stem.lower().endswith("persons") else "", lim)
            sheet = "persons" if kind == "person" else "cards"
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(headers):
            extra = [c for c in row[len(headers):] if c.strip()]
            if extra:
                raise FileProblem(
                    f"row {i} has {len(row)} cells but the header has {len(headers)}: "
                    "check the separator and quotes"
                )
        _swallowed(row, headers, delim, start)
        data = {h: (row[j] if j < len(row) else "") for j, h in enumerate(headers)}
        records.append(RawRecord(kind=kind, sheet=sheet, row_no=i, data=data))
        if len(records) > lim.max_records:
            raise FileProblem(_too_many_records(len(records), lim))
    return records


def _csv_error(exc: csv.Error, start: int, now: int, delim: str) -> str:
    msg = str(exc)
    if "unexpected end of data" in msg or "newline inside string" in msg:
        return (f"line {start}: a quote (\") opens a cell that is never closed, so every line after it "
                f"(to line {now}) would be swallowed into that one cell; close the quote or remove it")
    if "expected after" in msg:
        return (f"line {now}: a quoted cell is followed by more text before the next '{delim}' "
                "(like \"abc\"def); a quote inside a cell must be doubled (\"\"), or the quote is unclosed "
                "and swallows text that follows")
    return f"line {now}: the CSV cannot be read ({msg})"


def _swallowed(row: list[str], headers: list[str], delim: str, start: int) -> None:
    """A quoted cell running over several lines, one of which looks like a whole row of the file:
    a quote left open swallowed rows (closed by chance by a later quote)."""
    need = max(len(headers) - 1, 3)
    for j, cell in enumerate(row):
        if "\n" not in cell:
            continue
        for k, line in enumerate(cell.split("\n")[1:], start=1):
            if line.count(delim) >= need:
                col = headers[j] if j < len(headers) else f"column {j + 1}"
                raise FileProblem(
                    f"line {start}, column '{col}': the quoted cell runs over several lines, and its line "
                    f"{k + 1} looks like a row of its own ({line.count(delim)} '{delim}'): a quote is probably "
                    "left unclosed and swallowed the rows after it; close it and put the file back")


def open_archive(raw: bytes, lim: Limits, what: str, parts: str, unreadable: str):
    """A ZIP container (a workbook, an ODK Central export) held to the limits of config/limits.yaml
    before anything in it is unpacked: (ZipFile, its members)."""
    try:
        z = zipfile.ZipFile(io.BytesIO(raw))
        infos = z.infolist()
    except Exception as exc:  # noqa: BLE001 - a damaged archive is a file problem, whatever zipfile raises
        raise FileProblem(f"{unreadable}: {type(exc).__name__}: {exc})") from exc
    if len(infos) > lim.xlsx_max_parts:
        raise FileProblem(f"{what} holds {len(infos)} {parts}, over the limit of {lim.xlsx_max_parts} "
                          "(config/limits.yaml xlsx.max_parts); it is not read")
    unpacked = sum(i.file_size for i in infos)
    if unpacked > lim.xlsx_max_unpacked_bytes:
        raise FileProblem(f"{what} unpacks to {mb(unpacked)}, over the limit of {mb(lim.xlsx_max_unpacked_bytes)} "
                          "(config/limits.yaml xlsx.max_unpacked_bytes): a compressed bomb or far more than cards; it is not read")
    return z, infos


