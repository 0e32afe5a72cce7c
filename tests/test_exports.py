"""Exports for reporters: every table as CSV/XLSX, and no personal data in them."""
import csv

from openpyxl import load_workbook

from tests.conftest import run_period, write

PRIVATE = """card_id: X-PRIV
date: 2017-06-01
city: Алматы
form: picket
topic: "=HYPERLINK(\\"http://x\\")"
character: social
organizer_type: spontaneous
participants: 3
permission_requested: false
reason_not_applied: unknown
source_type: monitor
notes: Пикет провела Гульнара Секретова.
persons:
  - person_id: P1
    role: detainee
    name: Гульнара Секретова
    detained: true
    court_outcome: released
"""


def test_exports_are_written_and_public(example_inbox):
    write(example_inbox / "inbox" / "cards" / "2017" / "priv.yaml", PRIVATE)
    assert run_period("2017", selection=("raw_cards", "cards", "figures", "reconciliation", "exports")).success
    out = example_inbox / "build" / "exports" / "2017"
    names = {p.name for p in out.iterdir()}
    assert {"figures.csv", "cards_public.csv", "reconciliation.csv", "tables-2017.xlsx"} <= names
    with open(out / "figures.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert any(r["table_no"] == "1" and r["row_key"] == "total" and r["col_key"] == "count" and float(r["value"]) == 37 for r in rows)
    for f in out.iterdir():
        text = f.read_bytes()
        assert "Секретова".encode() not in text, f  # neither the persons' names nor the notes leave the warehouse
    wb = load_workbook(out / "tables-2017.xlsx")
    assert "table 1" in wb.sheetnames and "table 14-1" in wb.sheetnames and "cards_public" in wb.sheetnames
    cell = next(c for c in wb["cards_public"]["G"] if isinstance(c.value, str) and "HYPERLINK" in c.value)
    assert cell.value.startswith("'=HYPERLINK") and cell.data_type == "s"  # text from outside is never a formula


def test_the_streamed_workbook_keeps_text_as_text_and_continues_long_tables(tmp_path, monkeypatch):
    """xlsxwriter (issue 15): every formula-like text neutralised (also full-width and line starts),
    links and array-formula look-alikes stay text, control characters shown, NaN an empty cell, and
    a table longer than a sheet continues on '<name> (2)' with its header again."""
    import math

    import polars as pl

    from assets.report import exports

    monkeypatch.setattr(exports, "MAX_SHEET_ROWS", 4)  # a header and 3 rows per sheet
    texts = ["=1+1", "+1", "-x", "@SUM(A1)", "\tx", "\rx", "\nx", "＝1", "＋1", "－1", "＠x", "{=SUM(A1)}",
             "http://example.org", "a\x1bb", "plain"]
    df = pl.DataFrame({"text": texts, "number": [float("nan"), math.inf, *range(len(texts) - 2)]})
    exports._write_xlsx(tmp_path / "t.xlsx", [("cards_public", df)])
    wb = load_workbook(tmp_path / "t.xlsx")
    assert wb.sheetnames == ["cards_public"] + [f"cards_public ({i})" for i in range(2, 6)]
    cells = [(row[0], row[1]) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)]
    assert cells.count(("text", "number")) == 5
    # a carriage return is stored as Excel's escape _x000D_ (Excel shows CR; openpyxl does not decode it)
    body = [(t.replace("_x000D_", "\r"), x) for t, x in cells if (t, x) != ("text", "number")]
    assert [t for t, _ in body] == ["'" + t if t[0] in exports.FORMULA_START else t.replace("\x1b", "\\x1b") for t in texts]
    assert body[0][1] is None and body[1][1] is None and body[2][1] == 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            assert all(c.data_type != "f" for c in row)
