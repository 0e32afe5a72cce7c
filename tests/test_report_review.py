"""The report's numbers, sentences, tables and appendix at the points the hand mutants of a third reviewer
(scripts/mutate_by_hand_i14q.py) found open, on variants of the hand-made warehouse of
tests/test_report_sentences_values.py (its FIGURES table) and on a few figures typed here. Every expected
text is worked out by hand; the arithmetic is beside it. No pipeline run."""
from __future__ import annotations

import dataclasses

import polars as pl
import pytest

from assets.report import fmt, sentences, text_figures
from assets.report.period_view import PeriodView
from tests.test_report_sentences_values import FIGURES, T, _data


def _variant(changes: dict, drop=()) -> dict:
    """FIGURES with cells of (period, table, row, col) changed or dropped."""
    figs = {p: dict(cells) for p, cells in FIGURES.items()}
    for (p, *key), v in changes.items():
        figs[p][tuple(key)] = v
    for p, *key in drop:
        figs[p].pop(tuple(key))
    return figs


def _both(d, period="2017"):
    return sentences.build(PeriodView(d, period, "ru")), sentences.build(PeriodView(d, period, "en"))


# ---------------------------------------------------------------- fmt

@pytest.mark.parametrize("share,want", [(22.2, "каждое пятое собрание"), (22.6, "каждое четвёртое собрание"),
                                        (22.4, "каждое пятое собрание")])
def test_fraction_phrase_takes_the_nearest_fraction(share, want):
    # 22,2 % is 2,2 points from 1/5 and 2,8 from 1/4; 22,6 % is 2,4 from 1/4 and 2,6 from 1/5; 22,4: 2,4 / 2,6
    assert fmt.fraction_phrase(share, "ru") == want


def test_a_median_is_shown_as_a_mean_is():
    # a median of two assemblies (1 and 2 participants) is 1,5, not rounded to a count
    assert fmt.for_column("participants_median", 1.5, "ru") == "1,5"
    assert fmt.for_column("participants_median", 1.5, "en") == "1.5"


# ---------------------------------------------------------------- sentences

def test_a_first_period_of_two_years_is_written_with_an_en_dash():
    # 2011-2012: 10 assemblies, 2017: 12 (the peak is this period: no peak clause; 2016, the period before, has none)
    d = _data({"2011-2012": {("2", T, "count"): 10.0}, "2017": {("2", T, "count"): 12.0}}, ["2011-2012", "2017"])
    ru, en = _both(d)
    assert ru["general_dynamics"] == ("Данные хранилища позволяют отследить общую динамику ситуации с мирными собраниями за "
                                      "2 периода мониторинга (2011–2012 — 2017; см. табл. №2).")
    assert en["general_dynamics"] == "The warehouse holds 2 monitoring periods (2011–2012 to 2017; see Table 2)."


def test_the_mean_of_table_9_counts_the_periods_of_table_9():
    # 2015 has Table 2 but no Table 9: the mean is over 2016 and 2017, (80 + 75) / 2 = 77,5 -> 78 %, of 2 periods (not 3)
    ru, en = _both(_data(_variant({}, drop=[("2015", "9", T, "share_pct")])))
    assert "В среднем за 2 периода мониторинга без разрешения проводились 78% собраний (см. табл. №9)." in ru["law"]
    assert "Over 2 monitoring periods, 78% of assemblies on average were unsanctioned (Table 9)." in en["law"]


def test_an_index_at_the_same_level_as_the_previous_period():
    # Table 15: 2016 2.5, 2017 2.5 -> a change of 0 %: the same level
    ru, en = _both(_data(_variant({("2016", "15", T, "police_control_index"): 2.5})))
    assert "Это на том же уровне, что и в 2016 году (см. табл. №15)." in ru["police"]
    assert "That is the same as in 2016 (Table 15)." in en["police"]


# ---------------------------------------------------------------- text figures

def test_a_period_of_tables_only_counts_the_cities_of_table_2():
    # no summary: 9 assemblies in 2 cities of Table 2 (almaty 6, astana 3; a city of 0 is no city)
    d = _data({"2017": {("2", T, "count"): 9.0, ("2", "almaty", "count"): 6.0, ("2", "astana", "count"): 3.0,
                        ("2", "taraz", "count"): 0.0}}, ["2017"])
    s = text_figures.text_variables(PeriodView(d, "2017", "ru"))
    assert (s["assemblies"], s["cities"], s["assemblies_phrase"], s["cities_phrase"]) == ("9", "2", "9 мирных собраний", "в 2 городах")
    e = text_figures.text_variables(PeriodView(d, "2017", "en"))
    assert (e["assemblies_phrase"], e["cities_phrase"]) == ("9 peaceful assemblies", "in 2 cities")


def _mismatch(table, row, col, published, printed, reason="Так решили.") -> pl.DataFrame:
    return pl.DataFrame({"table_no": [table], "row_key": [row], "col_key": [col], "derived": [None], "published": [published],
                         "printed": [printed], "decimals": [0], "status": ["mismatch"], "location": ["table"], "primary": [True],
                         "choice_reason_ru": [reason], "choice_reason_en": [reason]})


def test_the_participants_text_figure_carries_table_18s_footnote():
    # 240 participants in the text; Table 18 printed 250: the text figure gets that footnote
    d = dataclasses.replace(_data(FIGURES), reconciliation=_mismatch("18", T, "participants", 250.0, "250"))
    s = text_figures.text_variables(PeriodView(d, "2017", "ru"))
    assert s["participants"] == "240^[В опубликованном отчёте — 250 (Таблица №18, количество участников). Так решили.]"


# ---------------------------------------------------------------- tables

def _caption(fragment: str) -> str:
    return next(x for x in fragment.splitlines() if x.startswith(": "))


def test_table_8s_title_names_the_previous_period_only_when_it_shows_it():
    from assets.report import period_tables
    from tests.test_report_tables_values import FIGS

    # FIGURES' 2016 has no Table 7 or 8: Table 8 shows 2017 alone, and its title names no other period (no "()")
    figs = {p: dict(c) for p, c in FIGURES.items()}
    figs["2017"].update({("8", "picket", "count"): 5.0, ("8", "picket", "share_pct"): 41.7})
    for lang, want in (("ru", ": Таблица №8. Сравнительная таблица форм собраний"), ("en", ": Table 8. Forms of assemblies compared")):
        assert _caption(period_tables.fragments(PeriodView(_data(figs), "2017", lang))["t08"]) == want
    # FIGS' 2016 has Table 8 (picket 2): compared with 2016
    for lang, want in (("ru", ": Таблица №8. Сравнительная таблица форм собраний (с 2016 годом)"),
                       ("en", ": Table 8. Forms of assemblies compared (with 2016)")):
        assert _caption(period_tables.fragments(PeriodView(_data(FIGS), "2017", lang))["t08"]) == want
