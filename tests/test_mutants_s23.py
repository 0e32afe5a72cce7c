"""Tests written to kill the hand mutants of session 23 (the mixed batches re-run with the fork-safe runner) that the
suite let live: each expected value is worked out by hand from the rows typed in the test, never taken from the code
under test. No pipeline run: the in-memory warehouse of tests/test_reconciliation_values.py, and the audit's own helpers.
The last test is of a fault the re-run found in the audit's message (not a mutant): docs/testing.md."""
from __future__ import annotations

import pytest

from tests.test_reconciliation_values import reconcile, warehouse


def test_a_contradiction_recorded_twice_is_noted_once_in_the_reconciliation():
    # the fixture's audit holds one contradiction of Table 1's Almaty count ("almaty printed twice differently");
    # the same finding recorded a second time (another root) is still one contradiction: the cell's note names it
    # once, not "almaty printed twice differently | almaty printed twice differently"
    con = warehouse()
    con.execute("INSERT INTO audit (source, rule, period, table_no, row_key, col_key, message, level, root_id) "
                "VALUES ('p', 'cell_vs_text', '2017', '1', 'almaty', 'count', 'almaty printed twice differently', "
                "'contradiction', 'r2')")
    row = next(r for r in reconcile(con, "2017") if (r["table_no"], r["row_key"], r["col_key"]) == ("1", "almaty", "count"))
    assert (row["contradicted_in_report"], row["audit_note"]) == (True, "almaty printed twice differently")


def test_a_truncation_found_at_the_second_printed_number_of_assemblies_quotes_that_number():
    # Table 2 prints 5 assemblies, the text 3 (a contradiction of its own); Table 9's "66,6%" is 2 / 3 = 66.67 % cut to
    # one decimal — a truncation at 3, which the finding must quote (before session 23 it quoted "3 / 5 x 100 = 60")
    from tests.test_audit import audit, fig

    rows = [fig("2", "total", "count", "5"), fig("2", "total", "count", "3", location="text", line=5, primary=False),
            fig("9", "total", "share_pct", "66,6%")]
    tr = audit(*rows, include_truncated=True)
    trunc = tr.filter(tr["rule"] == "truncated")
    assert trunc.height == 1 and trunc["expected"][0] == pytest.approx(200 / 3)
    assert "for 2 / 3 x 100 = 66.67, truncated" in trunc["message"][0]
