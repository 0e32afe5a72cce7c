"""`monitor run` names, under a period's line, the pairs of cards the check possible_duplicate_events finds (a plain
function of the pairs: the check's own SQL is tested in tests/test_possible_duplicate_events.py)."""
from __future__ import annotations

import datetime as dt

from pipelines.commands.runs import duplicates_warning


def test_no_pair_no_line():
    assert duplicates_warning([]) == ""


def test_each_pair_with_its_files():
    pairs = [("A1", "A2", "cards/2017/a.yaml", "cards/2017/b.csv", dt.date(2017, 5, 3), "almaty", "picket")]
    assert duplicates_warning(pairs) == (
        "\n    warning: 1 pair of cards of one day, city and form at one place may record one assembly twice (both "
        "counted; remove one card if so):\n      A1 (cards/2017/a.yaml) and A2 (cards/2017/b.csv): 2017-05-03 almaty picket")


def test_twenty_pairs_then_how_many_more_and_control_characters_escaped():
    pairs = [(f"A{i}", f"B{i}", "a\x1b[31m.yaml", "b.yaml", dt.date(2017, 5, 3), "almaty", "picket") for i in range(23)]
    out = duplicates_warning(pairs)
    assert out.count("\n      A") == 20 and out.endswith("\n      ... and 3 more (the check possible_duplicate_events)")
    assert "23 pairs of cards" in out and "\x1b" not in out
