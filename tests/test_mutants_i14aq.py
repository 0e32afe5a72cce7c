"""Tests for the survivors of issue 14's first-family run over the report's number formatting (assets/report/fmt.py,
`--not-drawn` the seven draws: the 178 mutants no earlier first-family draw reached; branch i14aq; docs/testing.md,
"Measured score"), each expected value worked out by hand.

1. The Russian dictionary (pymorphy3's analyzer, ~0.5 s to load) is loaded once, however many words are agreed.
"""
from __future__ import annotations

import pymorphy3

from assets.report import fmt
from core import morph


# 1. one dictionary for every agreed word ---------------------------------------------------------------------------------------

def test_the_russian_dictionary_is_loaded_once_for_every_agreed_word(monkeypatch):
    # six words agreed in four calls ("2 мирных собрания", "5 городах", "3 человека", "21 несанкционированного
    # собрания"): one analyzer made, not six
    made = []
    real = pymorphy3.MorphAnalyzer

    def counting(*a, **k):
        made.append(1)
        return real(*a, **k)

    monkeypatch.setattr(pymorphy3, "MorphAnalyzer", counting)
    morph.analyzer.cache_clear()
    try:
        assert fmt.agree(2, "мирное собрание") == "2 мирных собрания"
        assert fmt.agree_case(5, "город", "loct") == "5 городах"
        assert fmt.agree(3, "человек") == "3 человека"
        assert fmt.agree_case(21, "несанкционированное собрание", "gent") == "21 несанкционированного собрания"
        assert len(made) == 1
    finally:
        morph.analyzer.cache_clear()  # the next test's analyzer is made by the real class again
