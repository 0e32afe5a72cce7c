"""A head count read from a sentence that recaps the article's own assembly, when the event's sentences state none:
a "Напомним, ..." paragraph dated on the event's day or the two before it (`recap_sentences`), else a sentence that
recalls the assembly without a date ("Ранее сообщалось, что ...": crowd_reports.recalled_sentence), its lead-in cut off
so that it reads as a report. Split from extract.py (one job a file)."""
from __future__ import annotations

import datetime as dt
import re

from assets.media import dates as dates_mod
from assets.media import triage_modes
from assets.media.crowd_reports import recalled_sentence
from assets.media.document import Doc
from assets.media.event import Event
from assets.media.participants import fill_participants
from assets.media.text import Sentence

_RECAP_LEAD_RE = re.compile(r"^\s*(?:напомним|как\s+сообщалось(?:\s+ранее)?|ранее\s+сообщалось)\s*,?\s*", re.I)


def recap_sentences(doc: Doc, body: list[Sentence], background: set[int], event_date: dt.date | None) -> list[Sentence]:
    """Background sentences that recap this article's own event: a "Напомним, ..." paragraph whose
    date is the event's date or the day or two before it (not last year's rally). Their lead-in
    ("Напомним,") is cut off so that they read as reports."""
    if event_date is None:
        return []
    out: list[Sentence] = []
    para = None
    for s in body:
        if s.index not in background and not triage_modes.told_before(s.text):
            para = None
            continue
        hits = dates_mod.find_dates(s.text, doc.published)
        same = bool(hits) and all(0 <= (event_date - h.date).days <= 2 for h in hits)
        if same and not triage_modes.OLD_YEAR_RE.search(s.text) and not re.search(r"прошл\w+\s+(?:год|месяц|недел)", s.text, re.I):
            para = s.paragraph
        elif hits or s.paragraph != para:
            para = None
        if para is not None and s.paragraph == para:
            text = _RECAP_LEAD_RE.sub("", s.text)
            if not triage_modes.told_before(text):
                out.append(Sentence(s.index, text, s.start, s.paragraph))
    return out


def fill_from_recap(ev: Event, doc: Doc, body: list[Sentence], background: set[int], title: Sentence | None,
                    anchor: Sentence) -> None:
    """The event's head count from a dated "Напомним" recap of its day; else (round 20) from a sentence recalling the
    article's own assembly ("Ранее сообщалось, что в минувшее воскресенье на площади Атырау собралось более тысячи
    человек" under "По факту митинга в Атырау началось расследование"), only a stated count there (never one
    inferred from a single subject)."""
    recap = recap_sentences(doc, body, background, ev.date)
    if recap:
        fill_participants(ev, recap, recap[0])
        return
    for s in body:
        r = recalled_sentence(s, title.text if title is not None else None, "" if s is anchor else anchor.text)
        if ev.participants is None and r is not None:
            fill_participants(ev, [r], r, stated_only=True)
