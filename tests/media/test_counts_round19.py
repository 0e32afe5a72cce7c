"""Head-count classes of round 19 (issue 16, item 2), written on the misses of the fresh part (tests/media/real/fresh/,
opened to rule writers in round 19) and tested here on sentences written by hand (tests/media/counts_round19_cases.py:
Russian and Kazakh paraphrases and traps, none copied from an article). See docs/media.md, "Round 19 — participants".
"""
from __future__ import annotations

import pytest

from assets.media.counts import counted
from assets.media.numbers import quantities
from tests.media.counts_round19_cases import CASES
from tests.media.first_event import count, event


def _ok(expected, low, best, high) -> bool:
    if expected is None:
        return best is None
    if isinstance(expected, tuple):
        a, b = expected
        return None not in (low, best, high) and low <= b and high >= a and a / 1.5 <= best <= b * 1.5
    return low is not None and low <= expected <= high


def test_the_case_set_is_as_the_protocol_asks():
    assert len(CASES) >= 60
    assert sum(1 for c in CASES if c[1] == "kk") >= 20
    traps = [c for c in CASES if c[4] is None or "trap" in c[0]]
    assert len(traps) >= 20


@pytest.mark.parametrize("cls,lang,title,text,expected", CASES,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_head_count(cls, lang, title, text, expected):
    got = count(title, text)
    assert _ok(expected, *got), f"{cls}/{lang}: {text!r} -> {got}, expected {expected}"


def _first(text):
    (q, after), = [x for x in quantities(text) if x[0].best > 1][:1]
    return q, after, text[max(0, q.start - 40):q.start]


@pytest.mark.parametrize("text", [
    "Цена выросла до 23 сомов за литр.", "Это около 40 рублей.", "Рынок в Ташкенте — 2 млн сумов.",
])
def test_money_in_other_currencies_counts_nobody(text):
    q, after, before = _first(text)
    assert counted(q, after, before) is None


def test_a_figure_not_reached_is_below_it():
    (q, _), = quantities("Общее количество протестующих не достигло и десяти.")
    assert q.high == 9 and q.low >= 3
    (q, _), = quantities("Число участников не превысило 30.")
    assert q.high == 30 and q.low >= 10


def test_a_scale_word_after_a_number_is_its_scale():
    assert [q.best for q, _ in quantities("Организаторы говорят о 2 тысячах участников.")] == [2000]


def test_both_claims_keep_their_sentences():
    ev = event("Митинг в Алматы", "На митинг в Алматы вышли около 500 человек, по данным полиции. "
                                  "Организаторы говорят о 2 тысячах участников.")
    assert (ev.participants_low, ev.participants_high) == (450, 2000)
    assert "полиции" in ev.evidence["participants"] and "Организаторы" in ev.evidence["participants"]
