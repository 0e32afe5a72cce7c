"""Tests for the survivors of issue 14's sample of the report's generated sentences (assets/report/sentences.py,
`--sample 0.1 --seed 71`; branch i14t; docs/testing.md, "Measured score"), each on a tiny hand-made fixture with its
expected values worked out by hand.

1. "The other N cities had M" without sql/report/remainders.sql takes M from Table 1's total, not Table 2's.
"""
from __future__ import annotations

import dataclasses

from assets.report import sentences
from assets.report.period_view import PeriodView
from tests.test_report_sentences_values import T, _data


def test_the_other_cities_without_sql_remainders_take_table_1s_total():
    # Table 1: almaty 5, astana 3, shymkent 1, taraz 1, total 10; Table 2 holds another total (14: say, assemblies
    # without a city). Without the SQL remainders: 10 − 5 − 3 = 2 in the other 2 cities (14 − 5 − 3 = 6 would be wrong)
    figs = {"2017": {("1", "almaty", "count"): 5.0, ("1", "astana", "count"): 3.0, ("1", "shymkent", "count"): 1.0,
                     ("1", "taraz", "count"): 1.0, ("1", T, "count"): 10.0,
                     ("1", "almaty", "share_pct"): 50.0, ("1", "astana", "share_pct"): 30.0, ("2", T, "count"): 14.0}}
    d = dataclasses.replace(_data(figs, ["2017"]), remainders={})
    ru, en = sentences.build(PeriodView(d, "2017", "ru")), sentences.build(PeriodView(d, "2017", "en"))
    assert ru["cities"].endswith("На втором месте — Астана: 3 (30%). В остальных 2 городах — 2 собрания.")
    assert en["cities"].endswith("Next comes Astana: 3 (30%). The other 2 cities had 2.")
