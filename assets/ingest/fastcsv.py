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
import pyarrow as pa

from assets.ingest import odk
from assets.ingest.csvfile import FileProblem, RawRecord, _headers, _too_many_records, decode_text
from assets.core.limits import Limits

_LINE_RX: dict[str, re.Pattern] = {}
_C1 = re.compile(rb"\xc2[\x80-\x9f]")
_BIDI = re.compile(rb"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")  # core.typed.BIDI in UTF-8
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
    controls: bool = True  # whether a cell may hold a control character (core.typed.CONTROL: DEL, C1; `read` refuses C0)
    lines: "Lines | None" = None  # where each record's line is in the file (`read`): the raw store keeps lines, not JSON

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


@dataclass
class Lines:
    """Where a plain CSV's lines are, so that a record can be kept as the text of its line (the raw store's
    Parquet parts: `line`, `sep`) instead of its cells' JSON, which the raw layer builds from it when read
    (sql/raw/part_records.sql, assets/core/raw.py `cells_of_lines`): for a line with no quote and all its
    cells, the cells are line.split(sep) exactly, as Python's csv module and Polars split it.

    `source`: the file's text as UTF-8 bytes when they are not the file's own bytes (another encoding; None:
    the file's bytes, `skip` of them, a BOM, left out); `ends`: the position of every \\n in it; `crs`: the lines
    end in \\r\\n; `quoted`: the lines that hold a quote (their records keep the JSON); `size`: the text's bytes."""
    sep: str
    ends: np.ndarray
    crs: bool
    quoted: np.ndarray
    size: int
    skip: int = 0
    source: bytes | None = None

    def of(self, frame: pl.DataFrame, n_cells: int, content: bytes | None = None) -> pl.Series:
        """Each record's line (the frame's rows: row_no is the line's number), without its end; null where the
        record keeps its cells' JSON (a quoted line, a line with fewer cells than the header). The values are
        views into the file's bytes (`content`: the file's bytes, when `source` is None), not copies."""
        data = self.source if self.source is not None else content
        base = 0 if self.source is not None else self.skip  # where the text begins in `data`
        if data is None or len(data) - base != self.size:
            raise ValueError("the lines of a file are read from its own bytes")
        byte = np.frombuffer(data, np.uint8, offset=base)
        ends = self.ends
        line_starts = np.concatenate(([0], ends + 1))
        line_stops = np.concatenate((ends, [len(byte)]))
        li = frame["row_no"].to_numpy().astype(np.int64) - 1  # the line's index (the header is line 0)
        starts, stops = line_starts[li], line_stops[li]
        if self.crs:
            stops = stops - ((stops > starts) & (byte[np.maximum(stops - 1, 0)] == 13))
        whole = ~np.isin(li, self.quoted) if len(self.quoted) else np.ones(len(li), bool)
        # a line with fewer cells than the header keeps its cells' JSON (one with more is no plain file's): when
        # every line but the header is a record (no blank row skipped) and the separators outside the header and
        # the quoted lines number (cells - 1) per unquoted record, no record's line is short
        sep = self.sep.encode()
        n_lines = len(ends) + (0 if data.endswith(b"\n") else 1)
        apart = np.union1d([0], self.quoted)  # the header and the quoted lines
        seps = int(np.count_nonzero(byte == ord(self.sep))) - sum(
            data.count(sep, base + a, base + b) for a, b in zip(line_starts[apart].tolist(), line_stops[apart].tolist()))
        if len(li) != n_lines - 1 or seps != (n_cells - 1) * int(whole.sum()):  # count line by line
            counts = np.array([data.count(sep, base + a, base + b) for a, b in
                               zip(starts[whole].tolist(), stops[whole].tolist())], np.int64)
            short = np.zeros(len(li), bool)
            short[np.flatnonzero(whole)] = counts != n_cells - 1
            whole &= ~short
        return pl.Series("line", _views(data, base, starts, stops - starts, whole))


def _views(data: bytes, base: int, starts: np.ndarray, lengths: np.ndarray, valid: np.ndarray,
           kind: pa.DataType | None = None) -> pa.Array:
    """The byte ranges (starts, lengths) of `data` (from `base` on) as an Arrow array of string views (`kind`:
    pa.string_view(), for text proved UTF-8; or pa.binary_view()), null where not `valid`: views pointing into
    `data` itself (a value of up to 12 bytes is held in its view, as Arrow requires), read by Polars without a
    copy."""
    n = len(starts)
    views = np.zeros((n, 4), np.int32)
    lengths = np.where(valid, lengths, 0).astype(np.int32)
    at = (starts + base).astype(np.int64)
    views[:, 0] = lengths
    byte = np.frombuffer(data, np.uint8)
    long = lengths > 12
    if long.any():
        a = at[long]
        pre = byte[np.minimum(a[:, None] + np.arange(4), len(byte) - 1)].astype(np.uint32)
        views[long, 1] = (pre[:, 0] | pre[:, 1] << 8 | pre[:, 2] << 16 | pre[:, 3] << 24).view(np.int32)
        views[long, 3] = a.astype(np.int32)  # buffer 0, at this offset
    short = np.flatnonzero(~long & (lengths > 0))
    if len(short):
        k = np.arange(12)
        idx = at[short][:, None] + k
        got = byte[np.minimum(idx, len(byte) - 1)]
        got[k[None, :] >= lengths[short][:, None]] = 0
        views.view(np.uint8).reshape(n, 16)[short, 4:16] = got
    validity = None
    if not valid.all():
        validity = pa.py_buffer(np.packbits(valid, bitorder="little").tobytes())
    return pa.Array.from_buffers(kind or pa.string_view(), n, [validity, pa.py_buffer(views), pa.py_buffer(data)],
                                 null_count=int(n - valid.sum()))


def _utf8(raw: bytes) -> bool:
    """Whether the bytes are UTF-8 (as bytes.decode("utf-8") would accept them), checked in native code
    without building a Python string of the file (the decode was 12% of ingest's CPU at 1,000,000 cards),
    nor a copy of its bytes (one binary view of them all, cast to text: 7 MB of fresh pages a file less)."""
    try:
        if 12 < len(raw) < 2 ** 31:
            pl.Series(_views(raw, 0, np.zeros(1, np.int64), np.array([len(raw)]), np.ones(1, bool), pa.binary_view())
                      ).cast(pl.String)
        else:
            pl.Series([raw], dtype=pl.Binary).cast(pl.String)
    except Exception:  # noqa: BLE001 - polars: invalid utf8
        return False
    return True


def _c1(data: bytes) -> bool:
    """Whether UTF-8 `data` holds a C1 control character (U+0080-U+009F: \\xc2\\x80-\\xc2\\x9f): the \\xc2 bytes
    (few in Cyrillic text: « » and no-break spaces) looked at one by one (bytes.find, C), the regex past 2,048."""
    at = data.find(b"\xc2")
    for _ in range(2048):
        if at < 0:
            return False
        if at + 1 < len(data) and 0x80 <= data[at + 1] <= 0x9F:
            return True
        at = data.find(b"\xc2", at + 1)
    return at >= 0 and _C1.search(data, at) is not None


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
    source, skip = None, 0  # the bytes the lines are in (Lines): the file's own (but `skip` of them), or its text re-encoded
    if not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) and _utf8(raw):
        data, encoding, text = raw, "utf_8", None  # what decode_text says of it, without building the text
    else:
        text, encoding = decode_text(raw)  # refuses what the strict reader refuses, with its words
        if encoding == "utf_8":
            data = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
            skip = len(raw) - len(data)
        else:
            data = source = text.encode("utf-8")
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
    if n_lines > 2 * lim.max_records + 1:  # more lines than cards and a blank between each: mostly blank lines, which
        return None  # the strict reader skips one by one (3M of them: +112 MB) rather than a frame of every empty cell (+1.2 GB)
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
    # the characters validation refuses in every text cell (core.typed.not_text): C0 but tab cannot be in a cell
    # of a file read here, so only DEL, C1 (U+0080-U+009F, \xc2\x80-\xc2\x9f in UTF-8) and the bidi controls can
    controls = b"\x7f" in data or _c1(data) or _BIDI.search(data) is not None
    # where the records' lines are (Lines: what the raw store keeps of them is made later, by its own thread)
    lines = Lines(sep=delim, ends=ends, crs=len(crs) > 0, quoted=quoted, size=len(data), skip=skip, source=source)
    return Table(kind=kind, sheet="persons" if kind == "person" else "cards", headers=headers, frame=df, escapes=escapes,
                 controls=controls, lines=lines), encoding
