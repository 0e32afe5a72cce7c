"""The extracted event: the card's fields as read from an article, each with its evidence sentence."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

@dataclass
class Event:
    url: str = ""
    title: str = ""
    published: dt.date | None = None
    event_key: str = ""
    date: dt.date | None = None
    time_start: str | None = None
    city: str | None = None
    settlement: str | None = None
    place: str | None = None
    form: str | None = None
    topic: str | None = None
    character: str | None = None
    organizer_type: str | None = None
    organizer_name: str | None = None
    participants_low: int | None = None
    participants: int | None = None
    participants_high: int | None = None
    duration_min: int | None = None
    attributes: str | None = None
    permission_requested: bool | None = None
    permission_answer: str | None = None
    reason_not_applied: str | None = None
    police_present: bool | None = None
    police_count: int | None = None
    police_warned: bool | None = None
    prosecutor_present: bool | None = None
    prosecutor_warned: bool | None = None
    akimat_present: bool | None = None
    akimat_warned: bool | None = None
    obstruction: bool | None = None
    dispersal: bool | None = None
    preventive_detentions: int | None = None
    detained: int | None = None
    state_organised: bool | None = None
    authorities_response: str | None = None
    lang: str = "ru"
    evidence: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = asdict(self)
        for k in ("date", "published"):
            if d[k] is not None:
                d[k] = d[k].isoformat()
        return d


def clean_phrase(s: str, limit: int = 160) -> str:
    s = " ".join(s.split()).strip(" ,;:–—-")
    if len(s) > limit:
        s = s[:limit].rsplit(" ", 1)[0] + "…"
    return s
