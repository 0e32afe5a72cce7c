"""The quality gate's bounds, tolerance and total rows at their edges (hand mutants of a second reviewer,
scripts/mutate_by_hand_i14m.py): a share just above 100 %, rows that miss their total by a hundredth,
and the `total_excl_*` rows of Tables 14 and 18, which are totals too and never add to the category rows.
Every expected value is worked out by hand from the rows below.

    2017, derived: Table 14 participants almaty 10 + astana 5 = total 15; total_excl_sanctioned 9 (a total, not a row)
                   Table 18 participants the same; Table 12 law-abidance 100 (the edge, allowed)
"""
from __future__ import annotations

import pytest

from assets.quality import gx_suite
from tests.test_check_values import _build, _frame  # noqa: F401  (_build: the GX project under a temporary folder)

GOOD = [
    ("2017", t, r, "participants", v, "derived") for t in ("14", "18")
    for r, v in (("almaty", 10.0), ("astana", 5.0), ("total", 15.0), ("total_excl_sanctioned", 9.0))
] + [("2017", "12", "total", "law_abidance_pct", 100.0, "derived")]


def test_total_excl_rows_are_totals_not_category_rows():
    sums = gx_suite.figure_sums(_frame(GOOD), "2017")
    assert [(r["table_no"], r["n_rows"], r["sum_of_rows"], r["total"], r["difference"]) for r in sums.iter_rows(named=True)] == [
        ("14", 2, 15.0, 15.0, 0.0), ("18", 2, 15.0, 15.0, 0.0)]
    o = gx_suite.validate_figures(_frame(GOOD), "2017", data_docs=False)
    assert (o.success, o.failures) == (True, [])


@pytest.mark.parametrize("bad, check, words", [
    (("2017", "12", "total", "law_abidance_pct", 100.5, "derived"), "share_0_100", "the share 100.5 % lies outside 0–100"),
    (("2017", "14", "total", "participants", 15.01, "derived"), "rows_sum_to_total",
     "table 14, column participants: the category rows sum to 15 but the total row is 15.01"),
])
def test_a_hair_over_the_edge_fails(bad, check, words):
    rows = [bad if r[1:4] == bad[1:4] else r for r in GOOD]
    o = gx_suite.validate_figures(_frame(rows), "2017", data_docs=False)
    failing = {x.check: x.explanations for x in o.failures}
    assert list(failing) == [check]
    assert len(failing[check]) == 1 and words in failing[check][0], failing


def test_explanations_stop_at_fifty_and_say_how_many_more():
    from assets.quality.gx_outcomes import _explanations

    rows = [{"period": "2017", "table_no": "1", "row_key": f"c{i}", "col_key": "count"} for i in range(53)]
    out = _explanations("one_value_per_cell", {"unexpected_index_list": rows + rows})  # 53 cells, each twice
    assert len(out) == 51 and out[-1] == "… and 3 more"
    assert out[0] == "table 1, row c0, column count (period 2017): 2 values for one cell"
