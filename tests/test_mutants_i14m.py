"""Tests for the survivors of issue 14's sample of the report's sentences, text figures and numbers with seed 53
(branch i14m; docs/testing.md, "Measured score"), each on a tiny hand-made fixture with its expected values worked out
by hand.

1. A text figure the published text gives (the activity index) stays the text's, even where Table 3 says another.
2. Every text figure any period has is a variable of every period: "—" where this period has none.
3. A text figure that differs from the published report's gets its footnote (the row "summary" of the reconciliation).
4. A period with the number of assemblies but not of cities has no phrase of either: "—" (and no error).
5. The numbers of fmt are Russian unless asked otherwise: a mean too (a decimal comma).
6. The character of assemblies compared with the previous period is the one of the largest known share: a share not
   known counts as none.
7. The city of the tightest police control is the one of the highest index (not the last by name).
8. A change below half a percent prints as 0 %: it reads "the same", not "0 % more" (exactly 0,5 % rounds half up to 1 %).
"""
from __future__ import annotations

from assets.report import fmt, text_figures
from assets.report.period_view import PeriodView
from tests.test_mutants_i14z import _recon
from tests.test_report_sentences_values import T, _data, sentences_of


def _text(figs: dict, lang: str, period: str = "2017") -> dict:
    return text_figures.text_variables(PeriodView(_data(figs, sorted(figs)), period, lang))


# 1. the text's activity index, not Table 3's --------------------------------------------------------------------------

def test_the_activity_index_of_the_text_stays_when_table_3_differs():
    # the published text says 1.5 assemblies a month, Table 3 says 1.6: the text figure is the text's, at one decimal
    figs = {"2017": {("summary", T, "activity_index"): 1.5, ("3", T, "activity_index"): 1.6}}
    assert (_text(figs, "ru")["activity_index"], _text(figs, "en")["activity_index"]) == ("1,5", "1.5")
    # without Table 3 the text's figure is still there
    figs = {"2017": {("summary", T, "activity_index"): 1.5, ("2", T, "count"): 18.0}}
    assert _text(figs, "ru")["activity_index"] == "1,5"


# 2. a text figure of another period only ----------------------------------------------------------------------------------

def test_a_text_figure_of_another_period_is_a_dash_in_this_one():
    # 2016's text gives 5 unsanctioned assemblies (a figure the narrative does not name by itself); 2017's text does not
    figs = {"2016": {("summary", T, "assemblies"): 8.0, ("summary", T, "unsanctioned"): 5.0},
            "2017": {("summary", T, "assemblies"): 12.0}}
    ru, en = _text(figs, "ru"), _text(figs, "en")
    assert (ru["unsanctioned"], en["unsanctioned"], ru["assemblies"]) == ("—", "—", "12")
    assert _text(figs, "ru", "2016")["unsanctioned"] == "5"


# 3. the footnote of a text figure ----------------------------------------------------------------------------------------------

def test_a_text_figure_that_differs_from_the_published_one_is_footnoted():
    # the cards give 9 unsanctioned assemblies; the published text printed 10 (a mismatch): config/labels.yaml's
    # div_published with the value, "report text" (table_names.summary) and the column's label lowered, then div_mismatch
    d = _data({"2017": {("summary", T, "assemblies"): 12.0, ("summary", T, "unsanctioned"): 9.0}}, ["2017"])
    d.reconciliation = _recon(("summary", T, "unsanctioned", "mismatch", 10.0, "10", 0, "text", True))
    ru = text_figures.text_variables(PeriodView(d, "2017", "ru"))
    en = text_figures.text_variables(PeriodView(d, "2017", "en"))
    assert ru["unsanctioned"] == ("9^[В опубликованном отчёте — 10 (текст отчёта, несанкционированные собрания). "
                                  "Карты наблюдения в том виде, в каком они записаны, дают другое число.]")
    assert en["unsanctioned"] == ("9^[The published report gives 10 (report text, unsanctioned). "
                                  "The observation cards, as recorded, give a different figure.]")
    assert (ru["assemblies"], en["assemblies"]) == ("12", "12")  # no row of its own: no footnote


# 4. assemblies without cities ----------------------------------------------------------------------------------------------------

def test_assemblies_without_cities_give_no_phrase():
    # the text gives 12 assemblies and no number of cities, and there is no Table 2 to count them: both phrases "—"
    figs = {"2017": {("summary", T, "assemblies"): 12.0, ("summary", T, "unsanctioned"): 9.0}}
    for lang in ("ru", "en"):
        s = _text(figs, lang)
        assert (s["assemblies"], s["cities"], s["assemblies_phrase"], s["cities_phrase"], s["unsanctioned_gen"]) == (
            "12", "—", "—", "—", "—")


# 5. fmt's numbers default to Russian ---------------------------------------------------------------------------------------------

def test_a_mean_is_russian_unless_asked_otherwise():
    # like number, count, pct and index: a decimal comma by default, whole means without decimals
    assert (fmt.mean(45.5), fmt.mean(60.0), fmt.mean(None)) == ("45,5", "60", "—")
    assert (fmt.number(2.5, 1), fmt.pct(2.8), fmt.index(0.5)) == ("2,5", "2,8%", "0,50")
    assert fmt.mean(45.5, "en") == "45.5"


# 6. the main character: the largest known share --------------------------------------------------------------------------------

def test_the_main_character_is_the_one_of_the_largest_known_share():
    # 2017: political 5 assemblies, its share not known (a dash); economic 1, 0,5 %: the largest known share is the
    # economic one (0,5 > nothing), compared with 2016's 0,8 %: fell
    figs = {"2016": {("4", "economic", "share_pct"): 0.8},
            "2017": {("4", "political", "count"): 5.0, ("4", "economic", "count"): 1.0, ("4", "economic", "share_pct"): 0.5}}
    ru, en = sentences_of(figs, ["2016", "2017"])
    assert ru["character"] == ("В 2017 году политическим темам было посвящено 5 собраний (—), экономическим — 1 (0,5%). "
                               "По сравнению с 2016 годом доля экономических собраний снизилась с 0,8% до 0,5%.")
    assert en["character"] == ("In 2017, 5 (—) were political, 1 (0.5%) was economic. "
                               "Compared with 2016, the share of economic assemblies fell from 0.8% to 0.5%.")


# 7. the tightest police control: the highest index ------------------------------------------------------------------------------

def test_the_tightest_control_is_in_the_city_of_the_highest_index():
    # Table 14 of 2017: almaty 4.0, taraz 1.0 (taraz comes last by name); nothing else of the police
    figs = {"2017": {("14", "almaty", "police_control_index"): 4.0, ("14", "taraz", "police_control_index"): 1.0}}
    ru, en = sentences_of(figs, ["2017"])
    assert ru["police"] == "Самый плотный контроль — в городе Алматы (индекс 4,00)."
    assert en["police"] == "Control was tightest in Almaty (index 4.00)."


# 8. exactly half a percent: the same level ---------------------------------------------------------------------------------------

def test_a_change_below_half_a_percent_is_the_same_level():
    # below 0,5 % prints as "0" at no decimals: the same level, never "на 0% больше"; exactly 0,5 % rounds half up
    # to 1 % (fmt.rounded), 0.4 % is the same level, 0.6 % prints as 1 %
    assert fmt.change(1.005, 1 / 1.005, 0.5) == "на 1% больше"
    assert fmt.change(0.995, 1 / 0.995, -0.5, "en", "count") == "1% fewer"
    assert fmt.change(1.0049, 1 / 1.0049, 0.49) == "на том же уровне"
    assert fmt.change(1.004, 1 / 1.004, 0.4, "en") == "the same"
    assert (fmt.change(1.006, 1 / 1.006, 0.6), fmt.change(0.994, 1 / 0.994, -0.6, "en", "count")) == ("на 1% больше", "1% fewer")
