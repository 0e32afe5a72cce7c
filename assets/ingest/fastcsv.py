"""The fast way to read a CSV: straight into a Polars frame, for a file that is provably plain.

The strict reader (csvfile._read_csv) walks the file row by row in Python to explain every way a
CSV can lie (a quote left open swallowing rows, text after a closing quote, more cells than the
header, ...). Most files do none of that, and for them this module gives the SAME records, read by
Polars' CSV reader in native code. `read` first proves the file plain, cheaply, on its bytes:

- it decodes as decode_text does (UTF-8 with or without BOM, UTF-16 with BOM, windows-1251), and
  holds no NUL and no control character other than tab (no \\r except in \\r\\n line ends);
- no line is longer than file.max_line_chars;
- every line that holds a quote is a row of well-formed cells on its own (a quoted cell is closed
  on its line, with inner quotes doubled, and followed by the separator or the line's end);
- the header is not an ODK export (odk.py adapts those record by record) and names every column;
- Polars yields exactly one row per line, each with no more cells than the header.

Under these conditions Python's csv module (strict, the sniffed separator) and Polars split every
line into the same cells, so the records are identical: the row number is the line number, blank
rows are skipped, a short row's missing cells are "". Any file that fails a condition returns None
and is read by the strict reader, which also words the reason when the file is refused.
tests/test_vectorised.py checks on generated mixes of plain and lying files that both readers agree.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

from assets.ingest import odk
from assets.ingest.csvfile import FileProblem, RawRecord, _headers, _too_many_records, decode_text
from assets.ingest.limits import Limits

_LINE_RX: dict[str, re.Pattern] = {}
_C1 = re.compile(rb"\xc2[\x80-\x9f]")
_ESCAPED = {"\\": "\\\\", '"': '\\"', "\t": "\\t"}


@dataclass
class Table:
    """The records of one sheet of a file as a frame: one column per header (c0, c1, ... in the
    order of `headers`; never null, "" for an empty cell) and row_no (the row as a spreadsheet shows
    it, the header being row 1). Exactly the records the per-record reader gives."""
    kind: str
    sheet: str
    headers: list[str]
    frame: pl.DataFrame
    escapes: tuple[str, ...] = ("\\", '"', "\t")  # characters the cells may hold that JSON escapes
    controls: bool = True  # whether a cell may hold a control character (coerce.CONTROL: DEL, C1; `read` refuses C0)

    @property
    def columns(self) -> list[str]:
        return [f"c{j}" for j in range(len(self.headers))]

    def records(self) -> list[RawRecord]:
        rows = self.frame.select(*self.columns, "row_no").iter_rows()
        return [RawRecord(kind=self.kind, sheet=self.sheet, row_no=r[-1], data=dict(zip(self.headers, r[:-1]))) for r in rows]

    def cells_json(self) -> pl.Expr:
        """Each record's values as raw.cells_json writes them (a JSON array, json.dumps with
        ensure_ascii=False): the cells hold no control character but tab (see `read`), so escaping
        \\ " and tab is all JSON needs."""
        parts: list[pl.Expr] = []
        for j in range(len(self.headers)):
            parts.append(pl.lit('["' if j == 0 else '","'))
            cell = pl.col(f"c{j}")
            for ch in self.escapes:
                cell = cell.str.replace_all(ch, _ESCAPED[ch], literal=True)
            parts.append(cell)
        parts.append(pl.lit('"]' if self.headers else "[]"))
        return pl.concat_str(parts)


def _utf8(raw: bytes) -> bool:
    """Whether the bytes are UTF-8 (as bytes.decode("utf-8") would accept them), checked in native code
    without building a Python string of the file (the decode was 12% of ingest's CPU at 1,000,000 cards)."""
    try:
        pl.Series([raw], dtype=pl.Binary).cast(pl.String)
    except Exception:  # noqa: BLE001 - polars: invalid utf8
        return False
    return True


def _line_rx(delim: str) -> re.Pattern:
    """A line of well-formed cells: unquoted (no quote, no separator) or quoted and closed on the line."""
    if delim not in _LINE_RX:
        d = re.escape(delim.encode())
        cell = rb'(?:[^"' + d + rb'\r\n]*|"(?:[^"\r\n]|"")*")'
        _LINE_RX[delim] = re.compile(cell + rb"(?:" + d + cell + rb")*\r?")
    return _LINE_RX[delim]


def _line_pattern(delim: str) -> str:
    """_line_rx for Polars (Rust regex, on the line as text): the same lines match (tests/test_vectorised.py)."""
    d = {"\t": r"\t"}.get(delim, re.escape(delim))
    cell = r'(?:[^"' + d + r'\r\n]*|"(?:[^"\r\n]|"")*")'
    return "^" + cell + "(?:" + d + cell + r")*\r?$"


def read(raw: bytes, path: Path, lim: Limits) -> tuple[Table, str] | None:
    """(the table, the encoding) of a plain CSV; None when the strict reader must read it. Raises
    the strict reader's FileProblem where the answer is already certain (the header names one field
    twice, more records than file.max_records)."""
    if not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) and _utf8(raw):
        data, encoding, text = raw, "utf_8", None  # what decode_text says of it, without building the text
    else:
        text, encoding = decode_text(raw)  # refuses what the strict reader refuses, with its words
        if encoding == "utf_8":
            data = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
        else:
            data = text.encode("utf-8")
    # every C0 control character in one pass: only \t, \n and \r in \r\n may be there (no NUL, no lone \r)
    byte = np.frombuffer(data, np.uint8)
    ctrl = np.flatnonzero(byte < 0x20)
    which = byte[ctrl]
    ends, crs = ctrl[which == 10], ctrl[which == 13]
    tabs = int(np.count_nonzero(which == 9))
    if len(ends) + len(crs) + tabs != len(ctrl):  # a C0 control other than \t \n \r
        return None
    if len(crs) and (int(crs[-1]) + 1 >= len(byte) or not bool((byte[crs + 1] == 10).all())):  # a \r not in \r\n
        return None
    starts = np.concatenate(([0], ends + 1))
    stops = np.concatenate((ends, [len(data)]))
    if int((stops - starts).max()) > lim.max_line_chars:  # bytes >= characters: only then can a line be too long
        return None
    n_lines = len(ends) + (0 if data.endswith(b"\n") else 1)
    if text is None:  # the first 4,096 characters (at most 4 bytes each) and the first line
        text = data[:4 * 4096 + 4].decode("utf-8", "ignore")[:4096]
        line = data[:data.find(b"\n") + 1 if b"\n" in data else len(data)].decode("utf-8")
    else:
        line = text
    try:
        delim = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        delim = ","
    # the lines that hold a quote, checked at once by the Rust regex engine (the same pattern as _line_rx)
    doubled = False  # a "" on a line (a doubled quote, or an empty quoted cell): only a line with a quote has one
    quoted = np.unique(np.searchsorted(ends, np.flatnonzero(byte == 34)))  # the line of each quote
    if len(quoted):
        lines = pl.Series([data[a:b] for a, b in zip(starts[quoted].tolist(), stops[quoted].tolist())], dtype=pl.Binary
                          ).cast(pl.String)  # whole lines of UTF-8 text
        if not lines.str.contains(_line_pattern(delim)).all():
            return None
        doubled = bool(lines.str.contains('""', literal=True).any())
    try:
        # the first record is the first line: a line with a quote is a whole record (checked above)
        first = next(csv.reader(io.StringIO(line, newline=""), delimiter=delim, strict=True))
    except (csv.Error, StopIteration):
        return None
    del text, line
    if not any(c.strip() for c in first):
        return None
    headers, kind = _headers(first, "persons" if path.stem.lower().endswith("persons") else "", lim)
    if len(headers) != len(first) or odk.is_export(headers):
        return None
    cols = [f"c{j}" for j in range(len(headers))]
    try:
        # empty and missing cells as "" (not null): what the strict reader gives, without a fill_null of every column
        df = pl.read_csv(data, has_header=False, separator=delim, quote_char='"', infer_schema=False,
                         new_columns=cols, raise_if_empty=False, empty_string_is_null=False)
    except Exception:  # noqa: BLE001 - whatever Polars objects to, the strict reader explains
        return None
    if df.height != n_lines or df.width != len(cols):
        return None
    # one chunk per column (the reader gives one per thread's block): every later pass over the
    # columns (blank rows, the cells' JSON, validation's typing) is several times faster on one
    df = df.slice(1).rechunk().with_columns(pl.int_range(2, n_lines + 1, dtype=pl.Int32).alias("row_no"))
    if any(df[c].null_count() for c in cols):  # not seen: a reader that gives null for a missing cell
        df = df.with_columns(*[pl.col(c).fill_null("") for c in cols])
    # blank rows are skipped; a row whose first cell has text is not blank (nearly every row)
    maybe_blank = df.filter(pl.col(cols[0]).str.strip_chars() == "")
    if maybe_blank.height:
        blank = maybe_blank.filter(pl.all_horizontal(pl.col(c).str.strip_chars() == "" for c in cols))["row_no"]
        if blank.len():
            df = df.filter(~pl.col("row_no").is_in(blank.implode()))
    if df.height > lim.max_records:
        raise FileProblem(_too_many_records(df.height, lim))
    if df.height == 0:
        return None
    # a cell holds a quote only if the file has "" (a doubled quote, or an empty quoted cell)
    escapes = tuple(ch for ch, there in (("\\", b"\\" in data), ('"', doubled), ("\t", tabs > 0)) if there)
    # the control characters validation looks for in every text cell (coerce.CONTROL): C0 but tab cannot be
    # in a cell of a file read here, so only DEL and C1 (U+0080-U+009F, \xc2\x80-\xc2\x9f in UTF-8) can
    controls = b"\x7f" in data or (b"\xc2" in data and _C1.search(data) is not None)
    return Table(kind=kind, sheet="persons" if kind == "person" else "cards", headers=headers, frame=df, escapes=escapes,
                 controls=controls), encoding
