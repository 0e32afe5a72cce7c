"""Tests written to kill the hand mutants of session 23 (the mixed batches re-run with the fork-safe runner) that the
suite let live: each expected value is worked out by hand from the rows typed in the test, never taken from the code
under test. No pipeline run: the in-memory warehouse of tests/test_reconciliation_values.py."""
from __future__ import annotations

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
