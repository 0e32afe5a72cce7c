"""Tests for the survivors of issue 14's third draw of the report's code with the second family of operators
(`--family 2`, mutmut's and cosmic-ray's: string literals changed to "XX…", values to None, continue → break, …),
seed 101 (branch i14ad; docs/testing.md, "Measured score"), each on a tiny hand-made fixture with its expected values
worked out by hand (the words typed from config/labels.yaml).

1. The character sentence of a period without political assemblies still names the economic and the social ones
   (a character missing is skipped, the characters after it are still read).
"""
from __future__ import annotations

from tests.test_mutants_i14z import T, _sentences


# 1. a character missing, the ones after it still said ----------------------------------------------------------------------------

def test_the_character_sentence_skips_a_missing_character_and_reads_on():
    # Table 4 of 2017 (one period, nothing to compare): no political assembly; economic 4 (40 %), social 6 (60 %)
    ru, en = _sentences({"2017": {("4", "economic", "count"): 4.0, ("4", "economic", "share_pct"): 40.0,
                                  ("4", "social", "count"): 6.0, ("4", "social", "share_pct"): 60.0}}, ["2017"])
    assert ru["character"] == "В 2017 году экономическим темам было посвящено 4 собрания (40%), социальным — 6 (60%)."
    assert en["character"] == "In 2017, 4 (40%) were economic, 6 (60%) were social."
