"""Tests for the survivors of issue 14's second draw of the report's code with the second family of operators
(`--family 2`, mutmut's and cosmic-ray's: string literals changed to "XX…", values to None, continue → break, …),
seed 97 (branch i14ac; docs/testing.md, "Measured score"), each on a tiny hand-made fixture with its expected values
worked out by hand (the words typed from config/labels.yaml).

1. A cell printed twice, first matching (in a table), then not (in the text): the text's footnote still names the
   published figure that differs (a match is skipped, the rows after it are still read).
"""
from __future__ import annotations

from tests.test_mutants_i14z import T, _recon, _view


# 1. a match, then a mismatch, of one cell ---------------------------------------------------------------------------------------

def test_a_match_in_a_table_then_a_mismatch_in_the_text_is_footnoted():
    # Table 2's total: the cards give 4; the published Table 2 printed 4 (a match), its text printed 5 (a mismatch).
    # The table's row is read first (rows in a table before those in the text): it is skipped, the text's is noted.
    v = _view({"2017": {("2", T, "count"): 4.0}})
    v.data.reconciliation = _recon(("2", T, "count", "match", 4.0, "4", 0, "table", True),
                                   ("2", T, "count", "mismatch", 5.0, "5", 0, "text", False))
    assert v.divergence_mark("2", T, "count", "4", in_text=True) == (
        "^[В опубликованном отчёте — 5. Карты наблюдения в том виде, в каком они записаны, дают другое число.]")
    # under the table: the table printed what the cards give, no mark
    assert v.divergence_mark("2", T, "count", "4") == ""


# 2. the appendix whole ------------------------------------------------------------------------------------------------------------

def test_the_appendix_whole_of_one_matching_figure_and_no_audit():
    # one figure compared (Table 2's total: cards 4, printed 4: "matches"), no finding of the audit; the words of
    # config/labels.yaml (sections.appendix, words.recon_*, tables.audit, words.audit_*), English
    import polars as pl

    from assets.report import appendix

    v = _view({"2017": {("2", T, "count"): 4.0}}, lang="en")
    v.data.reconciliation = pl.DataFrame({"table_no": ["2"], "row_key": [T], "col_key": ["count"], "derived": [4.0],
                                          "published": [4.0], "printed": ["4"], "decimals": [0], "location": ["table"],
                                          "status": ["match"]})
    assert appendix.appendix(v) == (
        "::: {#appendix .appendix}\n\n"
        "## Appendix. Reconciliation with the published figures\n\n"
        "The figures of the period derived from the observation cards are set beside those published in the report, "
        "compared at the precision they were printed with.\n\n"
        "::: {.table-wrap}\n| Result | Number |\n| :--- | ---: |\n| matches | 1 |\n\n: Summary of the reconciliation\n:::\n\n"
        "Every compared figure matches.\n\n"
        "### Contradictions in the published report\n\n"
        "Places where the published report contradicts itself (columns that do not add up to their total, percentages "
        "that do not follow from the counts, one figure given differently in two places).\n\n"
        "No contradictions found.\n\n"
        ":::\n")
