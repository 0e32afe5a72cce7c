"""Tests for the survivors of issue 14's third draw of the report's sentences, text figures and period view with the
second family of operators (`--family 2`, mutmut's and cosmic-ray's: string literals changed to "XX…", values to
None, += → -=, …), seed 103 (branch i14ae; docs/testing.md, "Measured score"), each on a tiny hand-made fixture with
its expected values worked out by hand (the names typed from config/gazetteer.yaml).

1. Cities of one count, this period and over the periods, follow their Russian names (Уральск before Шымкент), not
   their keys ("shymkent" < "uralsk").
2. The text's own count of cities stays (not Table 2's rows); a text figure another period has is "—".
3. Under a table of published periods: the published figures' note each time, the two-year labels' note once.
4. A truncated printing that reads otherwise than the cell: marked, its note saying the report truncates.
5. The sentences of a period of Table 2 only, whole: empty strings, never None.
6. A published figure the cards do not give (not_derived), one not published, an approximate match: no mark.
7. The English phrase of three unsanctioned assemblies is plural.
"""
from __future__ import annotations

from tests.test_mutants_i14z import _view


# 1. a tie of cities: by their Russian names ------------------------------------------------------------------------------------

def test_cities_of_one_count_follow_their_russian_names_not_their_keys():
    # Table 2: Shymkent 2 and Uralsk 2 in 2016 and in 2017 (a tie this period and over both): "Уральск" < "Шымкент"
    # (У before Ш), though the key "shymkent" < "uralsk"
    v = _view({"2016": {("2", "shymkent", "count"): 2.0, ("2", "uralsk", "count"): 2.0},
               "2017": {("2", "shymkent", "count"): 2.0, ("2", "uralsk", "count"): 2.0}})
    assert v.cities_over("2", "count", ["2016", "2017"]) == ["uralsk", "shymkent"]
    assert v.cities_over("2", "count", ["2016", "2017"], by_sum=True) == ["uralsk", "shymkent"]


# 2. the text figures: the text's own count of cities; a figure another period has ----------------------------------------------

def test_the_texts_count_of_cities_is_kept_and_a_figure_of_another_period_is_a_dash():
    # 2017's text gives 5 assemblies in 3 cities; its Table 2 has 2 city rows (Almaty 3, Astana 2): the text's 3 stays
    # ("в 3 городах", not 2). 2016's text gives a figure "zz_other" 2017 has not: "—" in 2017.
    from assets.report import text_figures

    v = _view({"2016": {("summary", "total", "zz_other"): 7.0},
               "2017": {("summary", "total", "assemblies"): 5.0, ("summary", "total", "cities"): 3.0,
                        ("2", "almaty", "count"): 3.0, ("2", "astana", "count"): 2.0, ("2", "total", "count"): 5.0}})
    s = text_figures.text_variables(v)
    assert (s["cities"], s["cities_phrase"], s["assemblies_phrase"]) == ("3", "в 3 городах", "5 мирных собраний")
    assert s["zz_other"] == "—"


# 3. the notes under a table of published periods: the published mark's note each time, the periods' labels once -----------

def test_the_note_on_published_figures_each_time_the_note_on_period_labels_once():
    # Table 2 of 2011-2012 published (no cards), of 2017 from the cards: under each table showing 2011-2012 the note on
    # published figures; the note on the labels of two-year periods under the first only (config/labels.yaml)
    v = _view({"2011-2012": {("2", "total", "count"): 9.0}, "2017": {("2", "total", "count"): 4.0}}, lang="en")
    v.data.published.add(("2011-2012", "2"))
    pub = "\n\\* Figures published in earlier reports (the warehouse holds no observation cards for that period).\n"
    per = "\nPeriods spanning two years are labelled uniformly (\"2011–2012\"); the published tables also print \"2011-12\".\n"
    assert v.note_if_published("2", ["2011-2012", "2017"]) == pub + per
    assert v.note_if_published("2", ["2011-2012", "2017"]) == pub
    assert v.note_if_published("2", ["2017"]) == ""


# 4. a truncated printing that reads otherwise than the cell: marked, its reason said -------------------------------------------

def test_a_truncated_printing_unlike_the_cell_is_marked_with_its_reason():
    # Table 4's economic share: the cards give 1/6 = 16.67 %, shown at the printed 1 decimal as 16,7 %; the published
    # table printed 16,6 (truncated, status match_truncated): the cell reads otherwise, so it gets mark ¹ and the note
    # "В опубликованном отчёте — 16,6%." + div_truncated
    from tests.test_mutants_i14z import _recon

    v = _view({"2017": {("4", "economic", "share_pct"): 100 / 6}})
    v.data.col_decimals[("4", "share_pct")] = 1  # the column is printed with 1 decimal
    v.data.reconciliation = _recon(("4", "economic", "share_pct", "match_truncated", 16.6, "16,6", 1, "table", True))
    assert v.cell("4", "economic", "share_pct") == "16,7%¹"
    assert v.table_notes() == ("\n::: {.divergence-notes}\n¹ В опубликованном отчёте — 16,6%. "
                               "Опубликованный отчёт отбрасывает знаки, а не округляет.\n:::\n")


# 5. a period of Table 2 only: every other sentence is an empty string ---------------------------------------------------------

def test_the_sentences_of_a_period_of_table_2_only():
    # one period, Table 2's total 4 and nothing else: no earlier period (the sentence that says so); every other
    # sentence empty ("", which the narrative prints as nothing; never None), the individuals' share a dash
    from tests.test_mutants_i14z import T, _sentences

    ru, en = _sentences({"2017": {("2", T, "count"): 4.0}}, ["2017"])
    empty = {k: "" for k in ("activity", "cities", "character", "organizers", "forms", "law", "police", "detentions",
                             "courts", "statistics")}
    assert ru == {"general_dynamics": "Данных за прошлые периоды в хранилище нет, поэтому динамику по годам проследить нельзя.",
                  "individual_share": "—", **empty}
    assert en == {"general_dynamics": "The warehouse holds no earlier period, so there is no comparison by year.",
                  "individual_share": "—", **empty}


# 6. a figure the cards do not give: no mark ------------------------------------------------------------------------------------------

def test_a_published_figure_the_cards_do_not_give_is_no_divergence():
    # Table 2's Almaty: published 5 (status not_derived: no card gives it), the cell shows "—"; "—" is not "5", yet a
    # figure not derived is no divergence: no mark, no note (under a table or in the text)
    from tests.test_mutants_i14z import T, _recon

    v = _view({"2017": {("2", T, "count"): 4.0}})
    v.data.reconciliation = _recon(("2", "almaty", "count", "not_derived", 5.0, "5", 0, "table", True))
    assert (v.divergence_mark("2", "almaty", "count", "—"), v.divergence_mark("2", "almaty", "count", "—", in_text=True),
            v.table_notes()) == ("", "", "")


def test_a_figure_not_published_or_matching_is_no_divergence():
    # Table 9's share: the cards give 33,3 %; a row not published (no printed figure) and an approximate printing in the
    # text ("30", status match_approximate) that matches: neither is a divergence, under a table or in the text
    from tests.test_mutants_i14z import T, _recon

    v = _view({"2017": {("9", T, "share_pct"): 33.3, ("2", T, "count"): 4.0}})
    v.data.reconciliation = _recon(("9", T, "share_pct", "match_approximate", 30.0, "30", 0, "text", True),
                                   ("2", T, "count", "not_published", None, None, None, "table", True))
    assert v.divergence_mark("9", T, "share_pct", "33,3%", in_text=True) == ""
    assert (v.divergence_mark("2", T, "count", "4"), v.divergence_mark("2", T, "count", "4", in_text=True)) == ("", "")


# 7. the English phrase of several unsanctioned assemblies ----------------------------------------------------------------------

def test_the_english_phrase_of_three_unsanctioned_assemblies_is_plural():
    # the text gives 5 assemblies in 2 cities, 3 of them unsanctioned, 1 obstructed
    from assets.report import text_figures
    from tests.test_mutants_i14z import T

    s = text_figures.text_variables(_view({"2017": {("summary", T, "assemblies"): 5.0, ("summary", T, "cities"): 2.0,
                                                    ("summary", T, "unsanctioned"): 3.0,
                                                    ("summary", T, "obstructed_unsanctioned"): 1.0}}, lang="en"))
    assert (s["assemblies_phrase"], s["cities_phrase"], s["unsanctioned_gen"], s["obstructed_gen"]) == (
        "5 peaceful assemblies", "in 2 cities", "3 unsanctioned assemblies", "1 unsanctioned assembly")
