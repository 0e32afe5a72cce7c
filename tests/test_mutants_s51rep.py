"""Session 51: the survivors of the mutation run over the report's outputs outside the `report` area (scripts/mutate.py's
area "rep": render.py, exports.py, datapackage.py, charts.py, labels.py, asof.py, freshness.py, withdraw.py,
xlsx_rows.py, tables.py, published.py, refresh.py, cardtext.py, stats.py, prepare.py, report_data.py). Each test
asserts what a user relies on: the exported file's contents, the label in Russian and English, the renderer's command,
the folder withdrawn, the message naming the file and line (docs/testing.md, "Session 51 — the report's outputs in the
mutation run")."""
from __future__ import annotations

from assets.report import exports


def test_a_cell_that_begins_like_a_formula_is_exported_as_text():
    # written by hand: a spreadsheet reads "=…" as a formula; "a=b" is text
    assert exports.neutralise("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert exports.neutralise("a=b") == "a=b"
    assert exports.neutralise(7) == 7
