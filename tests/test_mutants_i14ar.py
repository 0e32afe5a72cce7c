"""Tests for the survivors of issue 14's first family of operators (comparisons, constants, `if True`, keys "…_x", …) on
the mutants of assets/report/notable_events.py and assets/report/changes.py that no earlier first-family draw reached
(`--not-drawn 0.1:15 0.05:23 0.05:31 0.03:17 0.1:53 0.1:59 0.1:71`, branch i14ar; docs/testing.md, "Measured score").
Each on a tiny hand-made fixture, its expected text typed by hand (the words from config/labels.yaml, gazetteer.yaml).

1. Beyond the limit of 12 notable events, a card whose number of detained (or of participants) is not known ranks as
   none detained (no participants).
2. Beyond the limit, events equally notable are kept in date order: the earliest are shown.
"""
from __future__ import annotations

import datetime as dt

from tests.test_mutants_i14n import _card, _events


def _shown(text: str) -> list[str]:
    return [x for x in text.splitlines() if x.startswith("- ")]


# 1. detained not known ranks as 0 --------------------------------------------------------------------------------------------

def test_beyond_the_limit_an_unknown_number_of_detained_ranks_as_none_detained():
    # 13 political rallies of Тараз, 1–13 March, none detained; the first's detained is not known (NULL) and it had 5
    # participants, the others 10: ranked as 0 detained it is the least notable, so 2–13 March are shown (not 1–12 March)
    cards = [_card(date=dt.date(2017, 3, 1), character="political", detained=None, participants=5, notes="Карта 1.")]
    cards += [_card(date=dt.date(2017, 3, d), character="political", detained=0, participants=10, notes=f"Карта {d}.")
              for d in range(2, 14)]
    assert _shown(_events(cards, "political")) == [f"- **{d} марта, Тараз** (митинг). Карта {d}." for d in range(2, 14)]


def test_beyond_the_limit_an_unknown_number_of_participants_ranks_as_none():
    # 13 political rallies of Тараз, 1–13 March, none detained and 0 participants but the last's, not known (NULL): all
    # equally notable, so the first 12 (1–12 March) are shown; ranked above the others, 13 March would push out 12 March
    cards = [_card(date=dt.date(2017, 3, d), character="political", detained=0, participants=None if d == 13 else 0,
                   notes=f"Карта {d}.") for d in range(1, 14)]
    assert _shown(_events(cards, "political")) == [f"- **{d} марта, Тараз** (митинг). Карта {d}." for d in range(1, 13)]


# 2. equally notable events: the earliest kept --------------------------------------------------------------------------------

def test_beyond_the_limit_equally_notable_events_are_kept_in_date_order():
    # 13 political rallies of Тараз, 1–13 March, each 0 detained and 10 participants: the first 12 (1–12 March) are shown
    cards = [_card(date=dt.date(2017, 3, d), character="political", detained=0, participants=10, notes=f"Карта {d}.")
             for d in range(1, 14)]
    text = _events(cards, "political")
    assert _shown(text) == [f"- **{d} марта, Тараз** (митинг). Карта {d}." for d in range(1, 13)]
    assert "Здесь — 12 самых заметных из 13 описанных собраний" in text
