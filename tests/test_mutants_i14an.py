"""Tests for the survivors of the report's other files (period_tables.py, appendix.py, chart_fragments.py,
media_sources.py) under the second family of operators (`--family 2`, mutmut's and cosmic-ray's: string literals
changed to "XX…", values to None, comparisons turned round, …): the mutants no earlier draw ran (seeds 89, 97, 101,
113; branch i14an; docs/testing.md, "Measured score"), each on a tiny hand-made fixture with its expected values
worked out by hand (the words typed from config/labels.yaml and schemas/card.yaml).

1. Table 13: the authorities (prosecutor's office, akimat, police) × their presence and their warnings, whole, in
   both editions.
2. Table 9: the unsanctioned share over the periods, then its mean in a paragraph of its own after a blank line.
3. Table 4: the characters by period, its columns headed by the characters' labels (not their keys).
4. The appendix: a difference whose figure the cards cannot give shows a dash, not a figure; a finding of the audit
   tied to no table leaves the table's cell empty.
5. The police chart draws as published the bars of the periods whose Table 15 is published (not Table 2).
"""
from __future__ import annotations

from assets.report import period_tables
from tests.test_mutants_i14z import _view


# 1. Table 13: presence and warnings of the authorities ----------------------------------------------------------------------------

def test_table_13_gives_the_presence_and_the_warnings_of_each_authority():
    # Table 13 of 2017: prosecutor's office present at 3, warned at 1; akimat present at 2 (no warnings recorded: a
    # dash); police present at 5, warned at 4. Rows in the fixed order prosecutor, akimat, police; no total row
    figs = {"2017": {("13", "prosecutor", "present"): 3.0, ("13", "prosecutor", "warned"): 1.0,
                     ("13", "akimat", "present"): 2.0,
                     ("13", "police", "present"): 5.0, ("13", "police", "warned"): 4.0}}
    assert period_tables.fragments(_view(figs))["t13"] == (
        "::: {.table-wrap}\n"
        "| Орган | Присутствие | Предупреждение |\n"
        "| :--- | ---: | ---: |\n"
        "| Прокуратура | 3 | 1 |\n"
        "| Акимат | 2 | — |\n"
        "| Полиция | 5 | 4 |\n"
        "\n"
        ": Таблица №13. Присутствие органов власти и вынесение предупреждений в 2017 г.\n"
        ":::\n")
    assert period_tables.fragments(_view(figs, lang="en"))["t13"] == (
        "::: {.table-wrap}\n"
        "| Authority | Present | Warnings |\n"
        "| :--- | ---: | ---: |\n"
        "| Prosecutor's office | 3 | 1 |\n"
        "| Akimat | 2 | — |\n"
        "| Police | 5 | 4 |\n"
        "\n"
        ": Table 13. Presence of the authorities and warnings, 2017\n"
        ":::\n")


# 2. Table 9: one row over the periods, then the mean in a paragraph of its own --------------------------------------------------------

def test_table_9_then_its_mean_over_the_periods_in_a_paragraph_of_its_own():
    # Table 9's unsanctioned share: 2016 60 %, 2017 80 %; the mean over the two periods (60 + 80) / 2 = 70 %, said
    # after a blank line under the table
    figs = {"2016": {("9", "total", "share_pct"): 60.0}, "2017": {("9", "total", "share_pct"): 80.0}}
    assert period_tables.fragments(_view(figs))["t09"] == (
        "::: {.table-wrap}\n"
        "| Период | 2016 | 2017 |\n"
        "| :--- | ---: | ---: |\n"
        "| Доля несанкционированных | 60% | 80% |\n"
        "\n"
        ": Таблица №9. Количество несанкционированных акций по годам\n"
        ":::\n"
        "\n"
        "В среднем за все периоды: 70%.\n")
    assert period_tables.fragments(_view(figs, lang="en"))["t09"] == (
        "::: {.table-wrap}\n"
        "| Period | 2016 | 2017 |\n"
        "| :--- | ---: | ---: |\n"
        "| Unsanctioned share | 60% | 80% |\n"
        "\n"
        ": Table 9. Unsanctioned assemblies by year\n"
        ":::\n"
        "\n"
        "Mean over all periods: 70%.\n")


# 3. Table 4: the characters by period, headed by their labels ---------------------------------------------------------------------

def test_table_4_heads_its_columns_with_the_characters_labels():
    # Table 4 of 2016: shares only (political 50 %, economic 20 %, social 30 %); of 2017: counts and shares (political
    # 1 = 10 %, economic 3 = 30 %, social 6 = 60 %). Columns in the code list's order, headed by schemas/card.yaml's labels
    figs = {"2016": {("4", "political", "share_pct"): 50.0, ("4", "economic", "share_pct"): 20.0,
                     ("4", "social", "share_pct"): 30.0},
            "2017": {("4", "political", "count"): 1.0, ("4", "political", "share_pct"): 10.0,
                     ("4", "economic", "count"): 3.0, ("4", "economic", "share_pct"): 30.0,
                     ("4", "social", "count"): 6.0, ("4", "social", "share_pct"): 60.0}}
    assert period_tables.fragments(_view(figs))["t04"] == (
        "::: {.table-wrap}\n"
        "| Период | Политический | Экономический | Социальный |\n"
        "| :--- | ---: | ---: | ---: |\n"
        "| 2016 | 50% | 20% | 30% |\n"
        "| 2017 | 1 (10%) | 3 (30%) | 6 (60%) |\n"
        "\n"
        ": Таблица №4. Характер мирных собраний по годам\n"
        ":::\n")
    assert period_tables.fragments(_view(figs, lang="en"))["t04"].splitlines()[1:3] == [
        "| Period | Political | Economic | Social |", "| :--- | ---: | ---: | ---: |"]


# 4. the appendix: a figure the cards cannot give; a finding of the audit tied to no table -----------------------------------------

def test_the_appendix_leaves_a_dash_for_no_derived_figure_and_an_empty_cell_for_no_table():
    # the reconciliation: Table 5's NGO share, published 30 % (printed "30%"), not derived from the cards (derived None:
    # a dash); the audit: a finding of the trend rule tied to no table, row or column, with no figures (table_no None:
    # its cell empty, like the row's and the column's; the figures' cells dashes)
    import polars as pl

    from assets.report import appendix

    rec = pl.DataFrame({"table_no": ["5"], "row_key": ["ngo"], "col_key": ["share_pct"], "derived": [None],
                        "published": [30.0], "printed": ["30%"], "decimals": [0], "location": ["table"],
                        "status": ["not_derived"]}, schema_overrides={"derived": pl.Float64})
    aud = pl.DataFrame({"rule": ["trend"], "table_no": [None], "row_key": [None], "col_key": [None],
                        "published": [None], "expected": [None]},
                       schema_overrides={"table_no": pl.Utf8, "row_key": pl.Utf8, "col_key": pl.Utf8,
                                         "published": pl.Float64, "expected": pl.Float64})
    figs = {"2017": {("5", "ngo", "share_pct"): 30.0}}
    ru, en = _view(figs), _view(figs, lang="en")
    ru.data.reconciliation = en.data.reconciliation = rec
    ru.data.audit = en.data.audit = aud
    rows = [x for x in appendix.appendix(ru).splitlines() if x.startswith("| ")]
    assert (rows[5], rows[8]) == (
        "| 5 | Общественные организации | Доля | таблица | — | 30% | по картам не рассчитывается |",
        "|  |  |  | Слова о тенденции противоречат числам | — | — |")
    rows = [x for x in appendix.appendix(en).splitlines() if x.startswith("| ")]
    assert (rows[5], rows[8]) == (
        "| 5 | NGOs and parties | Share | table | — | 30% | not derived from cards |",
        "|  |  |  | Trend words contradict the numbers | — | — |")


# 5. the police chart: its bars published where Table 15 is ----------------------------------------------------------------------

def test_the_police_chart_marks_the_periods_whose_table_15_is_published(monkeypatch):
    # Table 15's index: 2016 1.5 (its Table 15 published), 2017 2.25 (its Table 2 published, not 15); Table 2's total:
    # 2016 5, 2017 4. The dynamics chart's published bar is 2017's, the police chart's 2016's
    from types import SimpleNamespace

    from assets.report import chart_fragments, charts

    calls = []
    monkeypatch.setattr(charts, "by_period_bars", lambda *a, **k: calls.append((a, k["decimals"], k.get("line"))) or {"svg": b""})
    v = _view({"2016": {("2", "total", "count"): 5.0, ("15", "total", "police_control_index"): 1.5},
               "2017": {("2", "total", "count"): 4.0, ("15", "total", "police_control_index"): 2.25}})
    v.data.published.update({("2016", "15"), ("2017", "2")})
    chart_fragments.add_charts(v, SimpleNamespace(files={}, fragments={}))
    assert calls == [((["2016", "2017"], [5.0, 4.0], [False, True]), 0, None),
                     ((["2016", "2017"], [1.5, 2.25], [True, False]), 2, True)]
