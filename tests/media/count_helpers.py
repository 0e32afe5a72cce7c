"""What the count tests read of an extracted event (tests/media/test_counts_round16.py, test_counts_round17.py):
the first event of a hand-written article published on PUB, its participants' (low, best, high) and its detained."""
from __future__ import annotations

import datetime as dt

from assets.media import extract

PUB = dt.date(2023, 6, 1)


def event(title: str, text: str, url: str = "https://t.example/counts"):
    events = extract.extract(title, text, published=PUB, url=url, force=True)
    assert events, f"no event extracted from {title!r}"
    return events[0]


def count(title: str, text: str):
    ev = event(title, text)
    return ev.participants_low, ev.participants, ev.participants_high


def detained(title: str, text: str):
    return event(title, text).detained
