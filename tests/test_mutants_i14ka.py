"""Tests for the survivors of issue 14's report sample with seed 31 (branch i14ka; docs/testing.md, "Measured score"),
each on a tiny hand-made fixture with its expected values worked out by hand.

1. The cities' sentence takes what is left after the two largest cities from sql/report/remainders.sql (the model's
   remainder and the number of rows it covers), and only without it works them out from the figures.
2. A list of notable events shorter than its limit says nothing of "more in the open data".
3. The appendix's summary of the reconciliation heads its columns "Результат" and "Количество" (config/labels.yaml).
4. A period without the figures of a chart still gets every chart's fragment, empty (chart_police too).
5. The report's Table 11 shows Table 11's figures (not Table 10's).
6. The report's Table 8 (forms by period) lists the forms of Table 8 only: not its total row, nor other tables' rows.
"""
from __future__ import annotations

import dataclasses

from assets.report import sentences
from assets.report.period_view import PeriodView
from tests.test_report_sentences_values import FIGURES, _data


# 1. the other cities come from sql/report/remainders.sql --------------------------------------------------------

def test_the_other_cities_are_those_of_the_remainders_model():
    # FIGURES' Table 1 of 2017 gives 12 - 6 - 3 = 3 in 2 cities; the model's row here says 5 in 3 cities (as it would
    # for a warehouse that holds a city the view's figures do not): the sentence says what the model says
    d = _data(FIGURES)
    rem = {("2017", "1", "count"): {"first_row": "almaty", "second_row": "astana", "remainder": 5.0, "remainder_rows": 3,
                                    "named_rows": 2, "named_remainder": 5.0, "named_remainder_rows": 3}}
    d = dataclasses.replace(d, remainders=rem)
    ru, en = sentences.build(PeriodView(d, "2017", "ru")), sentences.build(PeriodView(d, "2017", "en"))
    assert ru["cities"].endswith("На втором месте — Астана: 3 (25%). В остальных 3 городах — 5 собраний.")
    assert en["cities"].endswith("Next comes Astana: 3 (25%). The other 3 cities had 5.")


# 2. a list of notable events within its limit: no word of more ------------------------------------------------------

def test_a_short_list_of_notable_events_has_no_word_of_more():
    import datetime as dt

    import polars as pl

    from assets.report import notable_events
    from tests.test_mutants_i14z import T, _view

    v = _view({"2017": {("2", T, "count"): 1.0}})
    cards = pl.DataFrame([dict(date=dt.date(2017, 5, 4), city="taraz", settlement=None, form="single_picket",
                               character="social", detained=1, obstruction=False, participants=1, notes="Один задержан.")])
    v.data = dataclasses.replace(v.data, cards=cards)
    assert notable_events.events(v, "detentions") == (
        "::: {.card-notes}\n**Собрания, которым препятствовала полиция или на которых задерживали участников**\n\n"
        "- **4 мая, Тараз** (одиночный пикет). Один задержан.\n\n"
        "*Описания событий взяты из заметок карт наблюдения.*\n:::\n")


# 3. the appendix's summary table: its column headers ------------------------------------------------------------------

def test_the_reconciliation_summary_heads_its_columns():
    import polars as pl

    from assets.report import appendix
    from tests.test_mutants_i14z import T, _view

    v = _view({"2017": {("9", T, "share_pct"): 75.0}})
    v.data = dataclasses.replace(v.data, audit=None, reconciliation=pl.DataFrame({
        "period": ["2017", "2017"], "table_no": ["9", "2"], "row_key": [T, T], "col_key": ["share_pct", "count"],
        "derived": [75.0, 12.0], "published": [75.0, 12.0], "printed": ["75%", "12"], "decimals": [0, 0],
        "status": ["match", "match"]}))
    lines = appendix.appendix(v).splitlines()
    head = [x for x in lines if x.startswith("| Результат")]
    assert [x.replace(" ", "") for x in head] == ["|Результат|Количество|"]


# 4. every chart's fragment, empty where its figures are missing --------------------------------------------------------

def test_a_period_without_figures_gets_every_charts_fragment_empty():
    from types import SimpleNamespace

    from assets.report import chart_fragments
    from tests.test_mutants_i14z import T, _view

    ctx = SimpleNamespace(lang="ru", files={}, fragments={})
    chart_fragments.add_charts(_view({"2017": {("9", T, "share_pct"): 75.0}}), ctx)
    assert (ctx.files, ctx.fragments) == ({}, {"chart_dynamics": "", "chart_cities": "", "chart_character": "",
                                               "chart_forms": "", "chart_police": ""})


# 5. the report's Table 11 -------------------------------------------------------------------------------------------------

def test_table_11_shows_table_11s_figures():
    from assets.report import period_tables
    from tests.test_mutants_i14z import T, _view

    # Table 11 of 2017: almaty 4 assemblies, 3 unsanctioned, 1 sanctioned, law-abidance 25 %; Table 10 has other rows
    f = period_tables.fragments(_view({"2017": {
        ("11", "almaty", "count"): 4.0, ("11", "almaty", "unsanctioned"): 3.0, ("11", "almaty", "sanctioned"): 1.0,
        ("11", "almaty", "law_abidance_pct"): 25.0, ("10", "principled", "share_pct"): 60.0}}))
    assert [x.replace(" ", "") for x in f["t11"].splitlines() if x.startswith("| Алматы")] == ["|Алматы|4|3|1|25%|"]


# 6. Table 8: the forms, not its total nor another table's rows ---------------------------------------------------------

def test_table_8_lists_its_forms_only():
    from assets.report import period_tables
    from tests.test_mutants_i14z import T, _view

    # Table 8: 2016 picket 3, rally 1 (total 4); 2017 picket 2, rally 2 (total 4); Table 1 of 2017: almaty 4
    f = period_tables.fragments(_view({
        "2016": {("8", "picket", "count"): 3.0, ("8", "rally", "count"): 1.0, ("8", T, "count"): 4.0, ("2", T, "count"): 4.0},
        "2017": {("8", "picket", "count"): 2.0, ("8", "rally", "count"): 2.0, ("8", T, "count"): 4.0,
                 ("1", "almaty", "count"): 4.0, ("2", T, "count"): 4.0}}))
    # both forms have 2 in 2017: picket first (3 in 2016 against 1)
    assert [x.replace(" ", "") for x in f["t08"].splitlines() if x.startswith("| ")] == [
        "|Форма|2016|2017|", "|:---|---:|---:|", "|Пикет|3|2|", "|Митинг|1|2|"]
