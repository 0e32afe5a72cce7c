"""Tests for the survivors of the report's tables, appendix and chart fragments (period_tables.py, appendix.py,
chart_fragments.py) under the first family of operators (comparisons, constants, keys "…_x", `if True`, …): the
mutants no earlier first-family draw ran (seeds 15, 23, 31, 17, 53, 59, 71; branch i14at; docs/testing.md,
"Measured score"), each on a tiny hand-made fixture with its expected values worked out by hand (the words typed
from config/labels.yaml and schemas/card.yaml).

1. Table 18: the cities in the order of their participants in all, not of their mean.
2. The tables of topics: topics of one count in alphabetical order, under the character's label in lower case.
3. The appendix: the audit's figures at their column's precision (a share as a percent) in right-aligned columns; a
   printed text in the reconciliation clipped at 60 characters.
4. The chart of forms: Table 7's forms counted but without shares are still drawn.
"""
from __future__ import annotations

from assets.report import period_tables
from tests.test_mutants_i14z import _body, _view


# 1. Table 18: cities by their participants in all ----------------------------------------------------------------------------

def test_table_18_orders_the_cities_by_their_participants_in_all_not_by_the_mean():
    # 2017: Алматы 100 participants in all (a mean of 10), Астана 60 (a mean of 30): by the sum Алматы first, by the mean
    # Астана would be; no total row in the figures, so none in the table
    figs = {"2017": {("18", "almaty", "participants"): 100.0, ("18", "almaty", "participants_avg"): 10.0,
                     ("18", "astana", "participants"): 60.0, ("18", "astana", "participants_avg"): 30.0}}
    assert _body(period_tables.fragments(_view(figs))["t18"]) == [
        ["Город", "Всего, 2017", "Среднее, 2017"], [":---", "---:", "---:"],
        ["Алматы", "100", "10"], ["Астана", "60", "30"]]


# 2. the tables of topics: a tie in alphabetical order; the caption ------------------------------------------------------------

def test_topics_of_one_count_in_alphabetical_order_under_the_characters_label():
    # economic topics Ясли 2 and Аренда 2 (Ясли first in the figures): a tie, shown in alphabetical order; the total 4;
    # the caption names the character agreed with "темы" ("Экономический" -> "экономические")
    v = _view({"2017": {("topics", "economic/Ясли", "count"): 2.0, ("topics", "economic/Аренда", "count"): 2.0}})
    assert period_tables.topics(v) == (
        "::: {.table-wrap}\n"
        "| Тема | Количество |\n"
        "| :--- | ---: |\n"
        "| Аренда | 2 |\n"
        "| Ясли | 2 |\n"
        "| **ВСЕГО** | 4 |\n"
        "\n"
        ": Темы собраний: экономические\n"
        ":::\n")


# 3. the appendix: the audit's figures at their column's precision -------------------------------------------------------------

def _audit(**cols):
    import polars as pl

    return pl.DataFrame({k: [v] for k, v in cols.items()},
                        schema_overrides={"table_no": pl.Utf8, "row_key": pl.Utf8, "col_key": pl.Utf8,
                                          "published": pl.Float64, "expected": pl.Float64})


def test_the_audit_prints_a_share_found_and_expected_as_percents_in_right_aligned_columns():
    # the audit alone (no reconciliation): Table 1's share of Алматы published 30 % where the counts give 25 % (rule
    # share_from_counts). Both figures are shares: "30%" and "25%" (not counts "30", "25"), the two figure columns
    # right-aligned, the four others left
    from assets.report import appendix

    v = _view({"2017": {("1", "almaty", "count"): 1.0}})
    v.data.audit = _audit(rule="share_from_counts", table_no="1", row_key="almaty", col_key="share_pct",
                          published=30.0, expected=25.0)
    assert _body(appendix.appendix(v)) == [
        ["Таблица", "Строка", "Столбец", "Правило", "Опубликовано", "Следует из данных"],
        [":---", ":---", ":---", ":---", "---:", "---:"],
        ["1", "Алматы", "Доля", "Доля не следует из чисел", "30%", "25%"]]


def test_the_reconciliation_shows_a_printed_text_of_60_characters_whole_and_clips_a_longer_one():
    # two differences whose printing is text (the Russian edition shows it as printed): Table 2's total printed as a
    # 60-character word run, shown whole; Table 3's printed as the same and one character more, 61: clipped to its
    # first 60 characters and " …"
    import polars as pl

    from assets.report import appendix

    sixty = "Пятнадцать" * 6
    v = _view({"2017": {("2", "total", "count"): 12.0, ("3", "total", "activity_index"): 1.0}})
    v.data.reconciliation = pl.DataFrame({
        "table_no": ["2", "3"], "row_key": ["total", "total"], "col_key": ["count", "activity_index"],
        "derived": [12.0, 1.0], "published": [15.0, 1.25], "printed": [sixty, sixty + "!"], "decimals": [0, 2],
        "location": ["text", "text"], "status": ["mismatch", "mismatch"]})
    assert [r[5] for r in _body(appendix.appendix(v))[-2:]] == [sixty, sixty + " …"]


# 4. the chart of forms: the forms that have a count -----------------------------------------------------------------------

def test_the_forms_chart_draws_the_forms_counted_even_without_their_shares(monkeypatch):
    # Table 7 of 2017 with counts but no shares (a printing that gave the numbers alone): rally 3, picket 1. The forms
    # chart still gets both, the larger first, their shares unknown (charts.ranked replaced by a recorder)
    from types import SimpleNamespace

    from assets.report import chart_fragments

    got = []
    monkeypatch.setattr(chart_fragments.charts, "ranked", lambda *a, **k: got.append(a[:3]) or {"svg": b""})
    ctx = SimpleNamespace(files={}, fragments={})
    chart_fragments.add_charts(_view({"2017": {("7", "picket", "count"): 1.0, ("7", "rally", "count"): 3.0}}), ctx)
    assert got == [(["Митинг", "Пикет"], [3.0, 1.0], [None, None])]
    assert ctx.fragments["chart_forms"] == (
        "![Формы мирных собраний в 2017 году](_generated/forms.svg){#fig-forms width=100%}\n")
