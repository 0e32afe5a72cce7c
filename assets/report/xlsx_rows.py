"""A worksheet's rows written as XML by Polars expressions, byte for byte what xlsxwriter (constant-memory
mode) writes cell by cell, for the long tables of the exports (issue 15: the cards sheet of 20,000 cards
took seconds at ~5 µs a cell in xlsxwriter's Python; this takes a fraction of a second).

Only frames whose every cell it can write exactly are taken (`can_write`): text, integers below 10^15,
booleans, dates from 1900-03-01 on; text without the control characters the exports escape before
(exports._escape_illegal), none longer than xlsxwriter's cut. Anything else is left to xlsxwriter.
tests/test_job_speed.py compares the sheets' XML with xlsxwriter's own on hostile text.

The rows go where xlsxwriter puts its own in constant-memory mode (the worksheet's row file, assembled
into <sheetData> when the workbook closes); the worksheet's dimensions are set as its writes would.
"""
from __future__ import annotations

import datetime as dt

import polars as pl

_INTS = (pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32, pl.UInt64)
_MAX_INT = 10**15  # xlsxwriter writes numbers with "%.16G": below this an integer prints as itself
_FIRST_DAY = dt.date(1900, 3, 1)  # from here on a date's Excel serial is days since 1899-12-30
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_MAX_CHARS = 16_383  # below half of 32,767 UTF-16 units xlsxwriter never cuts a string
_UNESCAPED_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"  # what xlsxwriter would write as _xHHHH_ (only \r is left)
_CHUNK = 20_000  # rows turned into one string at a time (memory)


def column_letters(j: int) -> str:
    out = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        out = chr(65 + r) + out
    return out


def can_write(df: pl.DataFrame) -> bool:
    """Whether every cell of `df` is one that rows_xml writes exactly as xlsxwriter would."""
    for c, t in df.schema.items():
        s = df[c]
        if s.null_count() == s.len():
            continue
        if t == pl.Utf8:
            if s.str.len_chars().max() > _MAX_CHARS or s.str.contains(_UNESCAPED_CONTROL).any():
                return False
        elif t in _INTS:
            if s.abs().max() >= _MAX_INT:
                return False
        elif t == pl.Date:
            if s.min() < _FIRST_DAY:
                return False
        elif t != pl.Boolean:
            return False
    return True


def _cell(c: str, t: pl.DataType, ref, date_xf: int | None) -> pl.Expr:
    """The <c> element of each row of column `c` ("" for a null: xlsxwriter writes no cell)."""
    col = pl.col(c)
    head = pl.concat_str([pl.lit('<c r="'), ref])
    if t == pl.Utf8:
        # as xlsxwriter: control characters escaped (_xHHHH_, the escape itself escaped), then the
        # whitespace test, then XML escaping; a "<r>...</r>" string is a rich string, written as it is
        s = (col.str.replace_all(r"(_x[0-9a-fA-F]{4}_)", "_x005F${1}")
             .str.replace_all("\r", "_x000D_", literal=True)
             .str.replace_all("\ufffe", "_xFFFE_", literal=True).str.replace_all("\uffff", "_xFFFF_", literal=True))
        rich = s.str.starts_with("<r>") & s.str.ends_with("</r>")
        preserve = s.str.contains(r"^\s") | s.str.contains(r"\s$")
        text = s.str.replace_all("&", "&amp;", literal=True).str.replace_all("<", "&lt;", literal=True) \
            .str.replace_all(">", "&gt;", literal=True)
        body = (pl.when(rich).then(pl.concat_str([pl.lit('" t="inlineStr"><is>'), s, pl.lit("</is></c>")]))
                .when(preserve).then(pl.concat_str([pl.lit('" t="inlineStr"><is><t xml:space="preserve">'), text,
                                                    pl.lit("</t></is></c>")]))
                .otherwise(pl.concat_str([pl.lit('" t="inlineStr"><is><t>'), text, pl.lit("</t></is></c>")])))
    elif t == pl.Boolean:
        body = pl.when(col).then(pl.lit('" t="b"><v>1</v></c>')).otherwise(pl.lit('" t="b"><v>0</v></c>'))
    elif t == pl.Date:
        serial = (col - pl.lit(_EXCEL_EPOCH)).dt.total_days().cast(pl.Utf8)
        body = pl.concat_str([pl.lit(f'" s="{date_xf}"><v>'), serial, pl.lit("</v></c>")])
    else:  # integers
        body = pl.concat_str([pl.lit('"><v>'), col.cast(pl.Utf8), pl.lit("</v></c>")])
    return pl.when(col.is_null()).then(pl.lit("")).otherwise(pl.concat_str([head, body]))


def write_rows(ws, df: pl.DataFrame, first_row: int) -> None:
    """Write `df` (can_write) as rows first_row, first_row + 1, ... of xlsxwriter worksheet `ws` (constant
    memory; the rows above already written with write_*): what ws.write_* per cell would have written."""
    if df.is_empty():
        return
    has = pl.any_horizontal([pl.col(c).is_not_null() for c in df.columns])
    rows = df.with_row_index("_i").filter(has)
    if rows.is_empty():
        return
    date_xf = None
    if any(t == pl.Date and df[c].null_count() < df.height for c, t in df.schema.items()):
        date_xf = ws.default_date_format._get_xf_index()  # as the first date cell would (formats are numbered as used)
    last = int(rows["_i"][-1]) + first_row
    if ws._check_dimensions(last, 0) or ws._check_dimensions(last, df.width - 1):
        raise ValueError(f"row {last} is outside the worksheet")
    ws._write_single_row(last + 1)  # the rows before are written out; nothing of ours is pending
    for start in range(0, rows.height, _CHUNK):
        part = rows.slice(start, _CHUNK)
        num = (pl.col("_i") + (first_row + 1)).cast(pl.Utf8)
        cells = [_cell(c, t, pl.concat_str([pl.lit(column_letters(j)), num]), date_xf)
                 for j, (c, t) in enumerate(df.schema.items())]
        xml = part.select(pl.concat_str([pl.lit('<row r="'), num, pl.lit('">'), *cells, pl.lit("</row>")]).alias("x"))
        ws.fh.write("".join(xml["x"].to_list()))
