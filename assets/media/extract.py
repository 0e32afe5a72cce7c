"""Extraction of assembly events from Russian (and, more roughly, Kazakh) news text.

Each extracted field keeps the sentence it came from (`evidence`). Rules, not a trained model:
they are written to be read and corrected (docs/media.md lists them; README.md and docs/media-accuracy.md give
their measured accuracy).

An article usually reports one event; a digest reporting several ("3 мая ... 18 мая ...") is cut
into one segment per dated event sentence.

The fields are read by one module each: document.py (sentences, dateline, segments), event_date.py,
event_city.py, venue.py, forms.py, numbers.py and counts.py (quantities and what they count),
participants.py, topics.py (topic, character, organiser), circumstances.py (attributes, duration,
time), authorities.py, detentions.py; event.py holds the Event.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re

from assets.media import crowd, places, triage, triage_modes, url_place
from assets.media.authorities import fill_authorities, fill_state_organised
from assets.media.circumstances import fill_circumstances
from assets.media.detentions import fill_detentions
from assets.media.document import Doc, dateline, segments
from assets.media.event import Event
from assets.media.event_city import fill_city
from assets.media.event_date import fill_date
from assets.media.forms import fill_form
from assets.media.numbers import Quantity, quantities
from assets.media.parse import detect_lang
from assets.media.recaps import fill_from_recap
from assets.media.crowd_growth import widen_grown
from assets.media.participants import fill_participants
from assets.media.text import Sentence
from assets.media.topics import fill_organiser, fill_topic
from assets.media.venue import fill_place

__all__ = ["Event", "Quantity", "extract", "quantities"]


# (session 37) the count of those who stood in single pickets ("пятеро активистов по очереди провели одиночные пикеты",
# "серия одиночных пикетов ... 12 человек") or those who took part or joined ("задержали всех троих участников"): a
# sentence about pickets, a series, turns or participants
SINGLE_PICKETS_COUNTED_RE = re.compile(r"пикет|одиночн|по\s+очереди|поочер[её]дно|жеке|жалғыз|кезекпен|акци|участник|присоедин|"
                                       r"қатысушы|қосыл", re.I)


def extract(title: str, text: str, *, published: dt.date | None = None, url: str = "",
            lang: str | None = None, triage_result: triage.TriageResult | None = None, force: bool = False) -> list[Event]:
    """Events reported by an article (empty when triage says it reports none, unless `force`)."""
    doc = Doc(title, text, published, url)
    tri = triage_result or triage.classify(title, text, published)
    if not tri.is_assembly and not force:
        return []
    if not tri.event_sentences:
        tri = triage.TriageResult(tri.passed_quick, tri.is_assembly, tri.score, tri.reasons,
                                  [1 if doc.has_title and len(doc.sents) > 1 else 0])
    dl_city, dl_date, dl_sentence = dateline(doc)
    segs = segments(doc, tri)
    events = []
    for n, seg in enumerate(segs):
        ev = _extract_segment(doc, seg, tri, dl_city if n == 0 else None, dl_date if n == 0 else None, dl_sentence,
                              single=len(segs) == 1)
        ev.url, ev.title, ev.published = url, doc.title, published
        ev.lang = lang or detect_lang(doc.full)
        ev.event_key = hashlib.sha1(f"{url or doc.full[:500]}#{n}".encode()).hexdigest()[:16]
        events.append(ev)
    return events


def _other_event_cities(doc: Doc, tri: triage.TriageResult, anchor: Sentence, city: str | None) -> frozenset[str]:
    """Cities where another event sentence of the article places an assembly (a report of two rallies)."""
    out = set()
    for i in tri.event_sentences:
        s = doc.sents[i]
        if s is not anchor and not (doc.has_title and i == 0):
            out |= {h.key for h in places.find_cities(s.text) if places.hit_role(s.text, h) == "place"}
    return frozenset(out - {city})


def _extract_segment(doc: Doc, seg: list[Sentence], tri: triage.TriageResult, dl_city, dl_date, dl_sentence,
                     single: bool) -> Event:
    ev = Event(published=doc.published)  # (the fields' rules may compare with it: round 17, detentions)
    idx = {s.index for s in seg}
    ordered = list(seg)
    if single and doc.has_title and doc.sents and doc.sents[0] not in ordered:
        ordered.insert(0, doc.sents[0])
    body = [s for s in ordered if not (doc.has_title and s.index == 0)]
    anchors = [doc.sents[i] for i in tri.event_sentences if i in idx and not (doc.has_title and i == 0)]
    title_s = doc.sents[0] if doc.has_title and doc.sents else None
    if title_s is not None and 0 in tri.event_sentences and len(anchors) > 1:
        # the headline names the event the article is about: its sentences first ("В Нур-Султане
        # задержали участников шествия ... Тем временем, в Алматы ... митинг")
        t_keys = {h.key for h in places.find_cities(title_s.text) if places.hit_role(title_s.text, h) == "place"}
        if t_keys:
            def _same_place(s: Sentence) -> int:
                keys = {h.key for h in places.find_cities(s.text) if places.hit_role(s.text, h) == "place"}
                return 0 if not keys or keys & t_keys else 1
            anchors.sort(key=_same_place)
    # (session 25) the headline alone tells the event: it is the anchor, not the lead's first sentence about another
    # thing ("Бессменный лидер страны ... хвалил девальвацию" gave one participant)
    headline_only = not anchors and title_s is not None and 0 in tri.event_sentences
    anchor = anchors[0] if anchors else (title_s if headline_only else body[0] if body else ordered[0])
    # sentences in the order they are searched: the event sentence first, then the rest of the segment
    # (background about earlier events left out)
    background = triage_modes.background_indices(doc.sents)
    search = [anchor] + [s for s in body if s is not anchor and not triage_modes.told_before(s.text)
                         and s.index not in background]

    fill_date(ev, doc, tri, anchor, title_s, body, background, dl_date, dl_sentence)
    fill_city(ev, anchor, title_s, search, dl_city, dl_sentence, body[0] if body else None)
    if ev.city is None and (key := url_place.url_city(doc.url)):
        ev.city, ev.evidence["city"] = key, f"(the page's address) {doc.url}"  # (session 29) no city in the text
    fill_place(ev, search)
    fill_form(ev, anchor, title_s, search, [s for s in body if s is not anchor and s not in search])
    fill_participants(ev, search, anchor, title=title_s if title_s not in search else None)
    widen_grown(ev, search)  # (session 54) a crowd that grew while it stood: both figures
    if ev.participants is None:
        # a follow-up article recaps its own event ("Полиция задержала всех протестовавших ... Напомним, 10
        # апреля у здания министерства собрались около 60-70 рабочих"): the recap's count is this event's
        fill_from_recap(ev, doc, body, background, title_s, anchor)
    if ev.form == "single_picket" and (ev.participants_low or 0) > 1 and not SINGLE_PICKETS_COUNTED_RE.search(
            ev.evidence.get("participants", "")) and not any(crowd.SERIES_RE.search(x.text) for x in [anchor, *search]
                                                            + ([title_s] if title_s is not None else [])):
        # (session 37) a single picket is one person: a count read in a sentence that is not about the pickets ("сотни
        # тысяч мусульман ... в лагерях", "освободить ... ещё 11 сотрудников") is of someone else (not in an article of
        # single pickets, plural: "серия одиночных акций ... Около десятка людей вышли с плакатами")
        ev.participants_low = ev.participants = ev.participants_high = 1
        ev.evidence["participants"] = ev.evidence.get("form", "")
    if ev.form in ("picket", "rally") and ev.participants_high == 1:
        ev.form = "single_picket"  # a picket or "rally" held by one person is a single picket
    elif ev.form == "other" and ev.participants_high == 1 and any(
            re.search(r"плакат|транспарант|лозунг|плакатпен", s.text, re.I) for s in [anchor] + search[:3]):
        ev.form = "single_picket"  # one person standing with a placard is a single picket
    elif ev.form == "other" and ev.participants_high == 1 and re.search(r"\bакци|наразылық\s+акция|\bпикет",
                                                                        ev.evidence.get("form", ""), re.I):
        ev.form = "single_picket"  # (session 37) one person's protest action ("наразылық акциясын өткізді") is a single picket
    fill_topic(ev, anchor, title_s, search)
    fill_organiser(ev, title_s, search)
    fill_circumstances(ev, search)
    fill_authorities(ev, search)
    fill_detentions(ev, search, _other_event_cities(doc, tri, anchor, ev.city), None if title_s in search else title_s)
    fill_state_organised(ev, search)
    return ev
