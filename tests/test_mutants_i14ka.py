"""Tests for the survivors of issue 14's report sample with seed 31 (branch i14ka; docs/testing.md, "Measured score"),
each on a tiny hand-made fixture with its expected values worked out by hand.

1. The cities' sentence takes what is left after the two largest cities from sql/report/remainders.sql (the model's
   remainder and the number of rows it covers), and only without it works them out from the figures.
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
    rem = {("2017", "1", "count"): {"first_row": "almaty", "second_row": "astana", "remainder": 5.0, "remainder_rows": 3}}
    d = dataclasses.replace(d, remainders=rem)
    ru, en = sentences.build(PeriodView(d, "2017", "ru")), sentences.build(PeriodView(d, "2017", "en"))
    assert ru["cities"].endswith("На втором месте — Астана: 3 (25%). В остальных 3 городах — 5 собраний.")
    assert en["cities"].endswith("Next comes Astana: 3 (25%). The other 3 cities had 5.")
