"""Tests for the survivors of issue 14's samples with seed 53 (branch i14n; docs/testing.md, "Measured score"):
the report's tables and views (period_view, period_tables, notable_events, appendix, media_sources, changes,
chart_fragments) at 8 % and the checks at 25 %, each on a tiny hand-made fixture with its expected values worked out
by hand.

1. A table's title says "за 13 лет" (13, 113: the teens take "лет", as 11–14 do), and "за 3 года", "за 23 года".
2. Table 4 (character by period) is captioned as Table 4, in both editions.
"""
from __future__ import annotations

from tests.test_mutants_i14z import T, _view


# 1. "13 лет": every teen takes the genitive plural ------------------------------------------------------------------

def test_thirteen_years_are_said_in_the_genitive_plural():
    v = _view({"2017": {("2", T, "count"): 5.0}})
    said = [v.title_subs(["p"] * n)["n_years"] for n in (13, 113, 3, 23)]
    assert said == ["13 лет", "113 лет", "3 года", "23 года"]


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
