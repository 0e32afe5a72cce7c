"""The first event extracted from a hand-written article (force=True: whatever triage says), as the media tests read
it: the event, its participants' (low, best, high), its detained. `published` defaults to PUB; a test file whose
sentences need another publication date passes its own."""
from __future__ import annotations

import datetime as dt

from assets.media import extract

PUB = dt.date(2023, 6, 1)


def event(title: str, text: str, published: dt.date | None = PUB, url: str = "https://t.example/first"):
    events = extract.extract(title, text, published=published, url=url, force=True)
    assert events, f"no event extracted from {title!r}"
    return events[0]


def count(title: str, text: str, published: dt.date | None = PUB):
    ev = event(title, text, published)
    return ev.participants_low, ev.participants, ev.participants_high


def detained(title: str, text: str, published: dt.date | None = PUB):
    return event(title, text, published).detained
