"""XLSX through python-calamine (assets/ingest/xlsxfile.py) gives the records openpyxl gives
(readers._read_xlsx with fast=False, the reference), and leaves to openpyxl the workbooks where it
cannot tell (formulas, error cells, long integers, number formats of their own)."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from assets.ingest import readers, xlsxfile

DATE, TIME, STAMP, HMS = "mm-dd-yy", "h:mm", "m/d/yy h:mm", "h:mm:ss"  # Excel's built-in formats 14, 20, 22, 21


def _save(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _both(raw: bytes, name: str = "book.xlsx"):
    fast = readers.read_file(Path(name), raw)
    ref = readers.read_file(Path(name), raw, fast=False)
    return fast, ref


def _records(fr):
    return [(r.kind, r.sheet, r.row_no, list(r.data.items())) for r in fr.records]


def _calamine_used(raw: bytes) -> bool:
    from assets.ingest.csvfile import open_archive
    from assets.core.limits import limits

    lim = limits()
    z, infos = open_archive(raw, lim, "w", "p", "u")
    return xlsxfile.read(raw, lim, z, infos, readers._cell) is not None


def hard_workbook() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "cards"
    ws.append([])  # an empty first row: the header is row 2
    ws.append(["card_id", "date", "start_time", "city", "participants", "notes", "sanctioned", "end", "Свой столбец"])
    rows = [
        ["007", dt.date(2017, 3, 1), dt.time(15, 30), "Алматы", 12, "  с пробелами  ", True, dt.datetime(2017, 3, 1, 18, 45), "0012"],
        ["K-2", dt.datetime(2017, 12, 31), dt.time(0, 0, 1), "Astana", 1.5, "Ёлка\nвторая строка", False, dt.datetime(2017, 1, 1), ""],
        [None, None, None, None, None, None, None, None, None],  # an empty row in the middle
        ["0001", dt.date(1900, 3, 1), dt.time(23, 59, 59), "Шымкент", 1e6, "001", None, dt.datetime(2017, 6, 1, 0, 0, 30), "-5"],
        ["x", "2017-02-30", "25:00", "Тараз", "12", "not = a formula, text", "да", "n/a", 3.25],
    ]
    fmts = [None, DATE, TIME, None, None, None, None, STAMP, None]
    for r in rows:
        ws.append(r)
        for j, f in enumerate(fmts, start=1):
            c = ws.cell(ws.max_row, j)
            if f and not isinstance(c.value, str) and c.value is not None:
                c.number_format = f
    ws.merge_cells("D9:E9")
    ws["A9"], ws["D9"] = "merged", "Караганда"
    ws.append([])
    ws.append(["last", None, dt.time(12, 0), None, 0, None, None, None, None])
    ws.cell(ws.max_row, 3).number_format = HMS
    ps = wb.create_sheet("лица")
    ps.append(["person_id", "card_id", "name", "role"])
    ps.append(["p1", "007", "Секретова Дана", "organizer"])
    ps.append(["p2", "007", None, "detained"])
    wb.create_sheet("пустой")  # an empty sheet
    return _save(wb)


def test_hard_workbook_same_records_through_calamine():
    raw = hard_workbook()
    assert _calamine_used(raw)
    fast, ref = _both(raw)
    assert ref.problem is None and fast.problem is None
    assert _records(fast) == _records(ref)
    assert len(ref.records) == 8 and ref.records[0].row_no == 3  # 6 cards (rows 3, 4, 6, 7, 9, 11), 2 persons
    assert fast.warnings == ref.warnings  # the unknown column, named alike


def test_validation_of_both_readings_is_the_same(tmp_path):
    """Through ingest and validation: the same raw records, cards and quarantine (file, row, field)."""
    import polars as pl

    from assets.core import periods
    from assets.ingest import inbox
    from assets.validate.validate import validate_period

    d = tmp_path / "inbox" / "cards" / "2017"
    d.mkdir(parents=True)
    (d / "book.xlsx").write_bytes(hard_workbook())
    got = {}
    for fast in (True, False):
        orig = readers.read_file
        inbox_read = inbox.read_file
        inbox.read_file = lambda p, raw=None, fast=fast: orig(p, raw, fast=fast)
        try:
            ing = inbox.ingest("2017", inbox=tmp_path / "inbox")
        finally:
            inbox.read_file = inbox_read
        res = validate_period(periods.get("2017"), ing.records, ing.files, tables=ing.tables)
        got[fast] = (ing.records.drop("loaded_at"), res.cards.drop(*[c for c in res.cards.columns if c == "loaded_at"]),
                     res.quarantine)
    for a, b in zip(got[True], got[False]):
        assert a.equals(b)
    q = got[True][2].filter(pl.col("severity") == "error")
    assert q.height and q["source_file"].is_not_null().all() and q["row_no"].is_not_null().all()
    assert "date" in set(q["field"].drop_nulls())  # 2017-02-30, row 7


def _formula_book(saved: bool) -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet("cards")
    ws.write_row(0, 0, ["card_id", "participants", "police_count"])
    ws.write_row(1, 0, ["c1", 10])
    if saved:
        ws.write_formula(1, 2, "=B2*2", None, 20)
    else:
        ws.write_formula(1, 2, "=B2*2")
    wb.close()
    return buf.getvalue()


def _error_book() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "cards"
    ws.append(["card_id", "participants"])
    ws.append(["c1", "#DIV/0!"])
    ws["B2"].data_type = "e"
    return _save(wb)


def _long_int_book() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["card_id", "participants"])
    ws.append(["c1", 1.0])
    return _rewrite(_save(wb), "xl/worksheets/sheet1.xml", b"<v>1</v>", b"<v>12345678901234567890</v>")  # as Excel never writes, others may


def _rewrite(raw: bytes, part: str, old: bytes, new: bytes) -> bytes:
    import zipfile

    src, buf = zipfile.ZipFile(io.BytesIO(raw)), io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for i in src.infolist():
            data = src.read(i.filename)
            if i.filename == part:
                assert old in data
                data = data.replace(old, new)
            out.writestr(i.filename, data)
    return buf.getvalue()


def _custom_date_book() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["card_id", "date"])
    ws.append(["c1", dt.date(2017, 3, 1)])
    ws["B2"].number_format = "dd.mm.yyyy"
    return _save(wb)


def _numeric_header_book() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["card_id", 2017.0])
    ws.append(["c1", "x"])
    return _save(wb)


@pytest.mark.parametrize("make", [lambda: _formula_book(True), lambda: _formula_book(False), _error_book,
                                  _long_int_book, _custom_date_book, _numeric_header_book],
                         ids=["formula-saved", "formula-unsaved", "error-cell", "long-int", "custom-date", "numeric-header"])
def test_openpyxl_reads_what_calamine_cannot_tell(make):
    raw = make()
    assert not _calamine_used(raw)
    fast, ref = _both(raw)
    assert _records(fast) == _records(ref) and fast.problem == ref.problem


def test_values_beyond_the_header_refused_alike():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "cards"
    ws.append(["card_id", "city"])
    ws.append(["c1", "Алматы", None, "stray"])
    raw = _save(wb)
    fast, ref = _both(raw)
    assert ref.problem and fast.problem == ref.problem and "row 2" in ref.problem


_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
_cell = st.one_of(
    st.none(), _text, st.sampled_from(["0012", "007", " ", "Ёж", "да", "1e5", "-0"]),
    st.integers(-10**12, 10**12), st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.tuples(st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)), st.just(DATE)),
    st.tuples(st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2100, 1, 1)).map(lambda d: d.replace(microsecond=0)), st.just(STAMP)),
    st.tuples(st.times().map(lambda t: t.replace(microsecond=0)), st.sampled_from([TIME, HMS])),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_cell, min_size=4, max_size=4), min_size=1, max_size=8))
def test_generated_workbooks_read_alike(rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "cards"
    ws.append(["card_id", "date", "notes", "participants"])
    for i, row in enumerate(rows, start=2):
        for j, v in enumerate(row, start=1):
            if isinstance(v, tuple):
                v, fmt = v
                ws.cell(i, j).value = v
                ws.cell(i, j).number_format = fmt
            elif v is not None:
                if isinstance(v, str) and v.startswith("="):
                    v = " " + v
                ws.cell(i, j).value = v
    raw = _save(wb)
    fast, ref = _both(raw)
    assert fast.problem == ref.problem
    assert _records(fast) == _records(ref)
