"""Tests for the survivors of issue 14's samples with seed 53 (branch i14n; docs/testing.md, "Measured score"):
the report's tables and views (period_view, period_tables, notable_events, appendix, media_sources, changes,
chart_fragments) at 8 % and the checks at 25 %, each on a tiny hand-made fixture with its expected values worked out
by hand.

1. A table's title says "за 13 лет" (13, 113: the teens take "лет", as 11–14 do), and "за 3 года", "за 23 года".
"""
from __future__ import annotations

from tests.test_mutants_i14z import T, _view


# 1. "13 лет": every teen takes the genitive plural ------------------------------------------------------------------

def test_thirteen_years_are_said_in_the_genitive_plural():
    v = _view({"2017": {("2", T, "count"): 5.0}})
    said = [v.title_subs(["p"] * n)["n_years"] for n in (13, 113, 3, 23)]
    assert said == ["13 лет", "113 лет", "3 года", "23 года"]
