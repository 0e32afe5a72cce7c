"""Tests for the survivors of issue 14's samples with seed 53 (branch i14n; docs/testing.md, "Measured score"):
the report's tables and views (period_view, period_tables, notable_events, appendix, media_sources, changes,
chart_fragments) at 8 % and the checks at 25 %, each on a tiny hand-made fixture with its expected values worked out
by hand.

1. A table's title says the calendar years its periods span ("за 2012–2013 годы"; one year "за 2013 год"), not
   their number as years (it said "за 13 лет" of 13 periods, whatever years they covered).
2. Table 4 (character by period) is captioned as Table 4, in both editions.
3. Table 8 puts first the forms of this period (most first), then a form of the previous period only: a form
   missing now counts as none, not as one.
4. The notable events: a card whose number of detained is not known is no detention; a card's settlement follows
   its city; the lists of political events and of unusual forms have their own titles.
5. sql/checks/figure_sums.sql: a table whose rows add up to the number of assemblies compares them with Table 1's
   total count, not with its total share (100 %).
6. nothing_lost reads the warehouse and never creates it: no warehouse is a failure that says so (the check leaves
   no file behind); a warehouse without raw records passes, its periods "none".
7. figures_expectations over a period without figures passes and says why, under the key "note".
8. The two expectation suites are named as docs/quality.md names them (and their Data Docs pages show them):
   `figures` (keys, provenance, ranges) and `figures_sums` (rows that add up to their total).
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import polars as pl

from tests.test_mutants_i14z import T, _view


# 1. "13 лет": every teen takes the genitive plural ------------------------------------------------------------------

def test_a_title_of_two_periods_in_one_year_says_one_year():
    # 2012-2013 and 2013 (hand-made ids) both end in 2013: the span is 2012–2013; 2013 alone is "за 2013 год"
    v = _view({"2017": {("2", T, "count"): 5.0}})
    assert v.title_subs(["2012-2013", "2013"])["over_years"] == "за 2012–2013 годы"
    assert v.title_subs(["2013", "2013"])["over_years"] == "за 2013 год"


# 2. Table 4's caption ---------------------------------------------------------------------------------------------------

def test_table_4_is_captioned_as_table_4():
    from assets.report import period_tables

    # Table 4 of 2017: political 1 (25 %), economic 1 (25 %), social 2 (50 %)
    figs = {"2017": {("4", "political", "count"): 1.0, ("4", "political", "share_pct"): 25.0,
                     ("4", "economic", "count"): 1.0, ("4", "economic", "share_pct"): 25.0,
                     ("4", "social", "count"): 2.0, ("4", "social", "share_pct"): 50.0, ("2", T, "count"): 4.0}}
    ru = period_tables.fragments(_view(figs))["t04"]
    en = period_tables.fragments(_view(figs, lang="en"))["t04"]
    assert [x for x in ru.splitlines() if x.startswith(": ")] == [": Таблица №4. Характер мирных собраний по годам"]
    assert [x for x in en.splitlines() if x.startswith(": ")] == [": Table 4. Character of peaceful assemblies by year"]


# 3. Table 8: a form missing this period comes after this period's forms -------------------------------------------------

def test_table_8_puts_a_form_missing_this_period_after_this_periods_forms():
    from assets.report import period_tables

    # Table 8: 2016 picket 5, rally 1; 2017 rally 1 (no picket). This period's count first: rally (1) before picket
    # (none in 2017), although picket had more in 2016
    f = period_tables.fragments(_view({
        "2016": {("8", "picket", "count"): 5.0, ("8", "rally", "count"): 1.0},
        "2017": {("8", "rally", "count"): 1.0, ("2", T, "count"): 1.0}}))
    assert [x.replace(" ", "") for x in f["t08"].splitlines() if x.startswith("| ")] == [
        "|Форма|2016|2017|", "|:---|---:|---:|", "|Митинг|1|1|", "|Пикет|5|—|"]


# 4. the notable events -------------------------------------------------------------------------------------------------

def _events(cards: list[dict], which: str, lang: str = "ru") -> str:
    from assets.report import notable_events

    v = _view({"2017": {("2", T, "count"): float(len(cards))}}, lang=lang)
    v.data = dataclasses.replace(v.data, cards=pl.DataFrame(cards))
    return notable_events.events(v, which)


def _card(**kw) -> dict:
    card = dict(date=dt.date(2017, 3, 8), city="taraz", settlement=None, form="rally", character="social",
                detained=0, obstruction=False, participants=10, notes="Прошло спокойно.")
    card.update(kw)
    return card


def test_a_card_whose_detained_are_not_known_is_no_detention():
    # two rallies of Тараз: one with 2 detained, one whose number of detained is not known (NULL) and not obstructed
    cards = [_card(detained=None, notes="Без происшествий."),
             _card(date=dt.date(2017, 3, 9), detained=2, notes="Двое задержаны.")]
    assert _events(cards, "detentions") == (
        "::: {.card-notes}\n**Собрания, которым препятствовала полиция или на которых задерживали участников**\n\n"
        "- **9 марта, Тараз** (митинг). Двое задержаны.\n\n"
        "*Описания событий взяты из заметок карт наблюдения.*\n:::\n")
    assert _events(cards[:1], "detentions") == ""


def test_political_events_are_listed_under_their_title():
    cards = [_card(character="political", notes="Требовали отставки акима.")]
    assert _events(cards, "political") == (
        "::: {.card-notes}\n**Собрания политического характера**\n\n"
        "- **8 марта, Тараз** (митинг). Требовали отставки акима.\n\n"
        "*Описания событий взяты из заметок карт наблюдения.*\n:::\n")


def test_an_unusual_form_is_listed_under_its_title_with_its_settlement():
    # a hunger strike (not a common form) in the settlement Кордай of Тараз's region
    cards = [_card(form="hunger_strike", settlement="Кордай", notes="Голодали пять дней.")]
    assert _events(cards, "forms") == (
        "::: {.card-notes}\n**Новые и необычные формы протеста**\n\n"
        "- **8 марта, Тараз, Кордай** (голодовка). Голодали пять дней.\n\n"
        "*Описания событий взяты из заметок карт наблюдения.*\n:::\n")


# 5. figure_sums: "Table 1 total count" is the count -------------------------------------------------------------------

def test_rows_that_add_up_to_the_assemblies_are_compared_with_table_1s_total_count():
    from assets.quality import gx_suite
    from tests.test_check_values import _frame

    # 2017: Table 1 almaty 4 assemblies (100 %), total 4 (100 %; its share row first); Table 4 political 1, social 3:
    # 1 + 3 = 4 against Table 1's total count 4 (not its share, 100)
    sums = gx_suite.figure_sums(_frame([("2017", "1", "total", "share_pct", 100.0, "derived"),
                                        ("2017", "1", "total", "count", 4.0, "derived"),
                                        ("2017", "1", "almaty", "count", 4.0, "derived"),
                                        ("2017", "1", "almaty", "share_pct", 100.0, "derived"),
                                        ("2017", "4", "political", "count", 1.0, "derived"),
                                        ("2017", "4", "social", "count", 3.0, "derived")]), "2017")
    assert [(r["table_no"], r["col_key"], r["rows"], r["n_rows"], r["sum_of_rows"], r["against"], r["total"], r["difference"])
            for r in sums.iter_rows(named=True)] == [
        ("1", "count", "category rows", 1, 4.0, "the total row", 4.0, 0.0),
        ("1", "share_pct", "total row", 1, 100.0, "100", 100.0, 0.0),
        ("1", "share_pct", "category rows", 1, 100.0, "the total row", 100.0, 0.0),
        ("4", "count", "category rows", 2, 4.0, "Table 1 total count", 4.0, 0.0)]


# 6. nothing_lost: a missing warehouse, an empty one -------------------------------------------------------------------

def _nothing_lost_on(path, partition="2017"):
    from types import SimpleNamespace

    from assets.resources import WarehouseResource
    from assets.validate.assets import _nothing_lost

    return _nothing_lost(SimpleNamespace(has_partition_key=True, partition_key=partition), WarehouseResource(database=str(path)))


def test_nothing_lost_does_not_create_a_missing_warehouse(tmp_path):
    import dagster as dg
    import pytest

    path = tmp_path / "none" / "w.duckdb"
    with pytest.raises(dg.Failure, match="no warehouse at .*none/w.duckdb"):
        _nothing_lost_on(path)
    assert not (tmp_path / "none").exists()


def test_nothing_lost_of_a_warehouse_without_records_names_no_period(tmp_path):
    from assets.core import warehouse as wh

    path = tmp_path / "w.duckdb"
    with wh.connect(path):  # the tables, empty
        pass
    r = _nothing_lost_on(path)
    assert (r.passed, r.metadata["periods"].value, r.metadata["unbalanced"].value, r.metadata["redacted_records"].value) == (
        True, "none", "none", 0)


# 7. figures_expectations without figures: its note ------------------------------------------------------------------------

def test_the_quality_check_of_a_period_without_figures_says_why_it_passes(tmp_path):
    from types import SimpleNamespace

    from assets.core import warehouse as wh
    from assets.quality.checks import _figures_expectations
    from assets.resources import WarehouseResource

    path = tmp_path / "w.duckdb"
    with wh.connect(path):  # the tables, no figures
        pass
    logs = SimpleNamespace(info=lambda *_: None, error=lambda *_: None)
    r = _figures_expectations(SimpleNamespace(has_partition_key=True, partition_key="2017", log=logs),
                              WarehouseResource(database=str(path)))
    assert r.passed is True
    assert {k: v.value for k, v in r.metadata.items()} == {
        "periods": "2017", "figures": 0, "note": "no figures to check (the period has no clean cards)"}


# 8. the suites' names -------------------------------------------------------------------------------------------------------

def test_the_suites_are_named_figures_and_figures_sums():
    from assets.quality import gx_suite
    from tests.test_check_values import _frame

    # 2017, Table 14 participants: almaty 10, semey 4, total 14 (every expectation met)
    o = gx_suite.validate_figures(_frame([("2017", "14", "almaty", "participants", 10.0, "derived"),
                                          ("2017", "14", "semey", "participants", 4.0, "derived"),
                                          ("2017", "14", "total", "participants", 14.0, "derived")]), "2017", data_docs=False)
    by_suite: dict[str, set[str]] = {}
    for x in o.outcomes:
        by_suite.setdefault(x.suite, set()).add(x.check)
    assert by_suite == {
        "figures": {"period_not_null", "table_no_not_null", "row_key_not_null", "col_key_not_null", "provenance_not_null",
                    "one_value_per_cell", "provenance", "table_no", "share_0_100", "count_not_negative",
                    "index_not_negative"},
        "figures_sums": {"total_exists", "rows_sum_to_total"}}
    assert o.success
