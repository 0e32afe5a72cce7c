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


# the gathering a probe detention sentence follows (40 people, no detention of its own), in Russian and in Kazakh
GATHERING = "Около 40 жителей Кокшетау 3 апреля вышли на митинг у здания акимата, требуя снизить тарифы. "
GATHERING_KK = "Көкшетауда 3 сәуірде 40-қа жуық тұрғын әкімдік алдына жиналып, тарифті төмендетуді талап етті. "


def detained_after_gathering(sentence: str, published: dt.date | None = None):
    """The detained read from `sentence` told after the gathering in its language (no publication date)."""
    body = (GATHERING_KK if any(c in sentence for c in "әғқңөұүһі") else GATHERING) + sentence
    return detained("Митинг в Кокшетау", body, published)
