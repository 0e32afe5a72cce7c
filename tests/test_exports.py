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
