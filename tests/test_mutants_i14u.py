"""Tests for the mutants of issue 14's short sample of the report's numbers and text figures (assets/report/fmt.py and
assets/report/text_figures.py, `--sample 0.1 --seed 71`; branch i14u; docs/testing.md, "Measured score"), each with
its expected values worked out by hand. The sample had one survivor, an equivalent one (fmt.py:122); these tests were
written while it ran, for the mutants most likely to survive, and each fails on its mutant (checked by hand).
"""
from __future__ import annotations

from assets.report import fmt


# fmt.py:118 — 13 and 113 end in 13: "раз", not "раза" ---------------------------------------------------------------------

def test_thirteen_times_is_raz():
    assert fmt.times(13) == "в 13 раз"
    assert fmt.times(113) == "в 113 раз"
    assert fmt.times(23) == "в 23 раза"


# fmt.py — a change below 0,5% prints as 0: the same level, not "на 0% больше"; exactly 0,5% rounds half up to 1% ---------

def test_a_change_of_exactly_half_a_percent_rounds_up_and_below_it_is_the_same_level():
    assert fmt.change(1.005, 1 / 1.005, 0.5) == "на 1% больше"
    assert fmt.change(1.0045, 1 / 1.0045, 0.45, "en") == "the same"
    assert fmt.change(1.006, 1 / 1.006, 0.6) == "на 1% больше"


# fmt.py:163 — every fourth and every third assembly in English -----------------------------------------------------------

def test_every_fourth_and_third_assembly_in_english():
    assert fmt.fraction_phrase(25, "en") == "every fourth assembly"
    assert fmt.fraction_phrase(33.3, "en") == "every third assembly"


# text_figures.py ------------------------------------------------------------------------------------------------------

from assets.report import text_figures  # noqa: E402
from assets.report.period_view import PeriodView  # noqa: E402
from tests.test_mutants_i14z import _recon  # noqa: E402
from tests.test_report_sentences_values import T, _data  # noqa: E402


def _view(figs: dict, lang: str, recon=None, period: str = "2017") -> PeriodView:
    d = _data(figs, sorted(figs))
    d.reconciliation = recon
    return PeriodView(d, period, lang)


def test_the_assemblies_and_cities_come_from_table_2_without_a_city_of_none():
    # no summary: Table 2 gives 3 assemblies (its total) in 1 city (Тверь has 0: no city of the period)
    figs = {"2017": {("2", "Москва", "count"): 3.0, ("2", "Тверь", "count"): 0.0, ("2", T, "count"): 3.0}}
    s = text_figures.text_variables(_view(figs, "ru"))
    assert (s["assemblies"], s["cities"], s["assemblies_phrase"], s["cities_phrase"]) == (
        "3", "1", "3 мирных собрания", "в 1 городе")


def test_the_summary_cities_win_over_table_2():
    # the summary says 5 cities; Table 2 holds 2: the text says 5
    figs = {"2017": {("summary", T, "assemblies"): 4.0, ("summary", T, "cities"): 5.0,
                     ("2", "Москва", "count"): 3.0, ("2", "Тверь", "count"): 1.0, ("2", T, "count"): 4.0}}
    s = text_figures.text_variables(_view(figs, "ru"))
    assert (s["cities"], s["cities_phrase"]) == ("5", "в 5 городах")


def test_the_summary_activity_index_wins_over_table_3():
    # the summary's index 1,23 is the text's (one decimal), not Table 3's total 2
    figs = {"2017": {("summary", T, "activity_index"): 1.23, ("3", T, "activity_index"): 2.0}}
    assert text_figures.text_variables(_view(figs, "ru"))["activity_index"] == "1,2"


def test_the_unsanctioned_phrases_in_both_languages():
    figs = {"2017": {("summary", T, "assemblies"): 12.0, ("summary", T, "cities"): 2.0,
                     ("summary", T, "unsanctioned"): 3.0, ("summary", T, "obstructed_unsanctioned"): 1.0}}
    ru = text_figures.text_variables(_view(figs, "ru"))
    assert (ru["unsanctioned_gen"], ru["obstructed_gen"]) == ("3 несанкционированных собраний",
                                                              "1 несанкционированной акции")
    en = text_figures.text_variables(_view(figs, "en"))
    assert (en["unsanctioned_gen"], en["obstructed_gen"]) == ("3 unsanctioned assemblies", "1 unsanctioned assembly")
    # no unsanctioned figure: no phrase
    del figs["2017"][("summary", T, "unsanctioned")]
    en = text_figures.text_variables(_view(figs, "en"))
    assert (en["unsanctioned_gen"], en["obstructed_gen"]) == ("—", "—")


def test_the_assemblies_are_footnoted_where_table_2_was_printed_otherwise():
    # the cards give 12 assemblies (text and Table 2's total alike); the published Table 2 printed 13
    figs = {"2017": {("summary", T, "assemblies"): 12.0, ("2", T, "count"): 12.0}}
    recon = _recon(("2", T, "count", "mismatch", 13.0, "13", 0, "table", True))
    en = text_figures.text_variables(_view(figs, "en", recon))
    assert en["assemblies"].startswith("12^[The published report gives 13 (Table 2")
