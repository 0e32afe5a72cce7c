"""Tests for the survivors of issue 14's draw of the second family of operators (`--family 2`, mutmut's and
cosmic-ray's: string literals changed to "XX…", values to None, continue → break, …) on the report's other text code
(fmt.py, text_figures.py, period_view.py, notable_events.py, changes.py), 25 %, seed 109 (branch i14ag;
docs/testing.md, "Measured score"), each on a tiny hand-made fixture with its expected values worked out by hand (the
words typed from config/labels.yaml and config/gazetteer.yaml).

1. A figure printed twice, once as the cell reads (or not at all) and once otherwise: the other printing is marked
   and noted, in a table and in the text (the first printing does not end the search).
2. A row without a key is no city: left out of the cities a table or a chart lists.
3. The English list of notable events beyond its limit says how many of how many described assemblies it shows.
"""
from __future__ import annotations

from tests.test_mutants_i14z import T, _recon, _view

MISMATCH_RU = "Карты наблюдения в том виде, в каком они записаны, дают другое число."


# 1. a figure printed twice: the printing that reads otherwise is marked, whatever the first one says ------------------------

def test_a_figure_the_tables_do_not_print_is_footnoted_where_the_text_gives_it_otherwise():
    # Table 9's share: the cards give 33,3 %; the published tables do not print it (not_published, sorted first: a
    # table's row), the published text gives 30 (mismatch): the text's figure gets the footnote of the text's 30 %
    v = _view({"2017": {("9", T, "share_pct"): 33.3}})
    v.data.reconciliation = _recon(("9", T, "share_pct", "not_published", None, None, None, "table", True),
                                   ("9", T, "share_pct", "mismatch", 30.0, "30", 0, "text", True))
    assert v.divergence_mark("9", T, "share_pct", "33,3%", in_text=True) == f"^[В опубликованном отчёте — 30%. {MISMATCH_RU}]"
    assert v.divergence_mark("9", T, "share_pct", "33,3%") == ""  # under the table: the text's printing is not the table's


def test_a_cell_printed_twice_in_the_tables_is_marked_for_the_printing_that_differs():
    # Table 4's economic share: the cards give 16.64 % -> "16,6%" at the column's 1 decimal; the primary printing
    # "16,6" (truncated) reads the same, a second printing in the tables gives "17" (mismatch): mark ¹, its note 17 %
    v = _view({"2017": {("4", "economic", "share_pct"): 16.64}})
    v.data.col_decimals[("4", "share_pct")] = 1
    v.data.reconciliation = _recon(("4", "economic", "share_pct", "match_truncated", 16.6, "16,6", 1, "table", True),
                                   ("4", "economic", "share_pct", "mismatch", 17.0, "17", 0, "table", False))
    assert v.cell("4", "economic", "share_pct") == "16,6%¹"
    assert v.table_notes() == f"\n::: {{.divergence-notes}}\n¹ В опубликованном отчёте — 17%. {MISMATCH_RU}\n:::\n"


# 2. a row without a key is no city ---------------------------------------------------------------------------------------------

def test_a_row_without_a_key_is_not_among_the_cities():
    # Table 2 of 2017: Almaty 3, a row with an empty key 5, the total 8: the cities are Almaty alone, this period and
    # over the periods (the empty row, though the largest, is no city)
    v = _view({"2017": {("2", "almaty", "count"): 3.0, ("2", "", "count"): 5.0, ("2", T, "count"): 8.0}})
    assert v.cities_over("2", "count", ["2017"]) == ["almaty"]
    assert v.cities_over("2", "count", ["2017"], by_sum=True) == ["almaty"]


# 3. notable events beyond the limit, in English: "of 14 described assemblies" -------------------------------------------------

def test_the_english_notable_events_beyond_the_limit_name_the_described_assemblies():
    # 14 political rallies with notes (limit 12): 12 shown, "of 14 described assemblies", 2 more in the open data
    import dataclasses
    import datetime as dt

    import polars as pl

    from assets.report import notable_events

    v = _view({"2017": {("2", T, "count"): 14.0}}, lang="en")
    cards = pl.DataFrame([dict(date=dt.date(2017, 6, 1 + i), city="almaty", settlement=None, form="rally", character="political",
                               detained=0, obstruction=False, participants=10 + i, notes=f"Event {i}.") for i in range(14)])
    v.data = dataclasses.replace(v.data, cards=cards)
    text = notable_events.events(v, "political")
    assert [x for x in text.splitlines() if x.startswith("Shown")] == [
        "Shown: the 12 most notable of 14 described assemblies (most detained, then most participants); 2 more are in the "
        "period's open data (the cards table cards_public of the exports)."]


def test_one_more_event_in_the_open_data_is_singular_in_english():
    # 13 political rallies with notes (limit 12): 12 shown, 1 more in the open data — "1 more is", not "1 more are"
    import dataclasses
    import datetime as dt

    import polars as pl

    from assets.report import notable_events

    for lang, line in (("en", "Shown: the 12 most notable of 13 described assemblies (most detained, then most participants); "
                              "1 more is in the period's open data (the cards table cards_public of the exports)."),
                       ("ru", "Здесь — 12 самых заметных из 13 описанных собраний (больше всего задержанных, затем участников); "
                              "ещё 1 — в открытых данных периода (таблица карт cards_public в выгрузках).")):
        v = _view({"2017": {("2", T, "count"): 13.0}}, lang=lang)
        cards = pl.DataFrame([dict(date=dt.date(2017, 6, 1 + i), city="almaty", settlement=None, form="rally", character="political",
                                   detained=0, obstruction=False, participants=10 + i, notes=f"Event {i}.") for i in range(13)])
        v.data = dataclasses.replace(v.data, cards=cards)
        text = notable_events.events(v, "political")
        assert [x for x in text.splitlines() if x.startswith(("Shown", "Здесь"))] == [line]
