"""Tests for the survivors of issue 14's short sample of the report's numbers and text figures (assets/report/fmt.py and
assets/report/text_figures.py, `--sample 0.1 --seed 71`; branch i14u; docs/testing.md, "Measured score"), each with
its expected values worked out by hand.
"""
from __future__ import annotations

from assets.report import fmt


# fmt.py:118 — 13 and 113 end in 13: "раз", not "раза" ---------------------------------------------------------------------

def test_thirteen_times_is_raz():
    assert fmt.times(13) == "в 13 раз"
    assert fmt.times(113) == "в 113 раз"
    assert fmt.times(23) == "в 23 раза"


# fmt.py:135 — a change of exactly 0,5% prints as 0 (half to even): the same level, not "на 0% больше" ----------------------

def test_a_change_of_exactly_half_a_percent_is_the_same_level():
    assert fmt.change(1.005, 1 / 1.005, 0.5) == "на том же уровне"
    assert fmt.change(1.005, 1 / 1.005, 0.5, "en") == "the same"
    assert fmt.change(1.006, 1 / 1.006, 0.6) == "на 1% больше"


# fmt.py:163 — every fourth and every third assembly in English -----------------------------------------------------------

def test_every_fourth_and_third_assembly_in_english():
    assert fmt.fraction_phrase(25, "en") == "every fourth assembly"
    assert fmt.fraction_phrase(33.3, "en") == "every third assembly"
