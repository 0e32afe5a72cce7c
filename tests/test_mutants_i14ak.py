"""Tests for the survivors of issue 14's run of the second family of operators (`--family 2`, mutmut's and
cosmic-ray's: string literals changed to "XX…", values to None, continue → break, …) over the mutants of
text_figures.py and period_view.py that no earlier draw reached (`--not-drawn`, branch i14ak; docs/testing.md,
"Measured score"), each on a tiny hand-made fixture with its expected values worked out by hand (the words typed from
config/labels.yaml).

1. A sentence that uses two figures, each printed otherwise: two footnotes, one after the other.
2. A figure with several rows of the reconciliation: the note of the first mismatch in the order table before text,
   primary before not (the rows' own order does not count), and only that one; a matching row before it is passed by.
3. A published figure with no printed text: noted at its recorded decimals.
4. A cell with no figure: "—", of a published period or not.
5. Under a table, the text's printing is passed by, not the end of the search.
"""
from __future__ import annotations

from tests.test_mutants_i14z import T, _recon, _view

MISMATCH_EN = "The observation cards, as recorded, give a different figure."


# 1. two figures printed otherwise: two footnotes -------------------------------------------------------------------------------

def test_a_sentence_of_two_figures_printed_otherwise_gets_two_footnotes_side_by_side():
    # Table 1: Almaty 4 (printed 5), Astana 6 (printed 7): two notes, Almaty's first (the figures' keys sorted),
    # nothing between them
    v = _view({"2017": {("1", "almaty", "count"): 4.0, ("1", "astana", "count"): 6.0}}, lang="en")
    v.data.reconciliation = _recon(("1", "almaty", "count", "mismatch", 5.0, "5", 0, "table", True),
                                   ("1", "astana", "count", "mismatch", 7.0, "7", 0, "table", True))
    v.used = {("1", "astana", "count"), ("1", "almaty", "count")}
    assert v.text_notes("S.") == (f"S.^[The published report gives 5 (Table 1, number). {MISMATCH_EN}]"
                                  f"^[The published report gives 7 (Table 1, number). {MISMATCH_EN}]")


# 2. several rows of one figure: the first mismatch in the order table, primary; only that one ---------------------------------

def test_of_several_printings_the_primary_table_printing_gives_the_footnote_alone():
    # Table 1's Almaty: the cards give 4; the reconciliation lists a second printing of the table (not primary) "32",
    # the text's "30", the table's primary "31", all three mismatches: the note gives 31 (table before text, primary
    # before not), and only 31
    v = _view({"2017": {("1", "almaty", "count"): 4.0}}, lang="en")
    v.data.reconciliation = _recon(("1", "almaty", "count", "mismatch", 32.0, "32", 0, "table", False),
                                   ("1", "almaty", "count", "mismatch", 30.0, "30", 0, "text", True),
                                   ("1", "almaty", "count", "mismatch", 31.0, "31", 0, "table", True))
    v.used = {("1", "almaty", "count")}
    assert v.text_notes("S.") == f"S.^[The published report gives 31 (Table 1, number). {MISMATCH_EN}]"


def test_a_matching_table_printing_does_not_hide_the_texts_other_figure():
    # Table 1's Almaty: the cards give 4; the table printed 4 (match, sorted first), the text 5 (mismatch): the text's 5
    # is footnoted
    v = _view({"2017": {("1", "almaty", "count"): 4.0}}, lang="en")
    v.data.reconciliation = _recon(("1", "almaty", "count", "match", 4.0, "4", 0, "table", True),
                                   ("1", "almaty", "count", "mismatch", 5.0, "5", 0, "text", True))
    v.used = {("1", "almaty", "count")}
    assert v.text_notes("S.") == f"S.^[The published report gives 5 (Table 1, number). {MISMATCH_EN}]"


# 3. a published figure with no printed text: at its recorded decimals ----------------------------------------------------------

def test_a_published_figure_without_printed_text_is_noted_at_its_recorded_decimals():
    # Table 9's share: the cards give 66.7 % ("66,7%" at the column's 1 decimal); the published 70.04 has no printed text,
    # 1 decimal recorded: the note gives "70,0%" (its decimals), not "70%" (the column's default of 0 decimals)
    v = _view({"2017": {("9", T, "share_pct"): 66.7}})
    v.data.col_decimals[("9", "share_pct")] = 1
    v.data.reconciliation = _recon(("9", T, "share_pct", "mismatch", 70.04, None, 1, "table", True))
    assert v.cell("9", T, "share_pct") == "66,7%¹"
    assert v.table_notes() == ("\n::: {.divergence-notes}\n¹ В опубликованном отчёте — 70,0%. "
                               "Карты наблюдения в том виде, в каком они записаны, дают другое число.\n:::\n")


# 4. a cell with no figure: a dash, published or not -------------------------------------------------------

def test_a_published_periods_cell_without_printing_or_figure_is_a_dash():
    # Table 2 of 2016 published (no cards), no printed text recorded: its total 9 shows as "9", Almaty (no figure) "—"
    v = _view({"2016": {("2", T, "count"): 9.0}, "2017": {("2", T, "count"): 4.0}})
    v.data.published.add(("2016", "2"))
    assert (v.cell("2", T, "count", "2016"), v.cell("2", "almaty", "count", "2016")) == ("9", "—")
    # and 2017's (from the cards) Almaty, which no card gives: "—" too
    assert v.cell("2", "almaty", "count") == "—"


# 5. under a table, a printing of the text before one of no recorded place: passed by, not the end of the search ------------

def test_under_a_table_a_texts_printing_does_not_end_the_search_for_one_of_no_recorded_place():
    # Table 9's share: the cards give 33,3 %; the text printed 30 (primary, sorted first), a printing of no recorded place
    # (location None, not primary) 31: under the table the text's 30 is passed by and the 31 marked (¹, its note)
    v = _view({"2017": {("9", T, "share_pct"): 33.3}})
    v.data.col_decimals[("9", "share_pct")] = 1
    v.data.reconciliation = _recon(("9", T, "share_pct", "mismatch", 31.0, "31", 0, None, False),
                                   ("9", T, "share_pct", "mismatch", 30.0, "30", 0, "text", True))
    assert v.cell("9", T, "share_pct") == "33,3%¹"
    assert v.table_notes() == ("\n::: {.divergence-notes}\n¹ В опубликованном отчёте — 31%. "
                               "Карты наблюдения в том виде, в каком они записаны, дают другое число.\n:::\n")
