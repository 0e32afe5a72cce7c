"""A crowd that grew while it stood (session 54, found by the grids of phrasings): "Сначала пришли 50 человек, к вечеру —
уже около 300", "Утром у акимата стояли около 50 человек, а к вечеру собрались уже около 300", "Число участников за
день выросло с 50 до 300", Kazakh "Алғашында 50 адам болса, кешке қарай олардың саны 300-ге жетті". The main reading
(participants.py) takes the first figure; the card's count spans both — low the first, best and high the later one —
so that a reader who writes either finds it inside."""
from __future__ import annotations

import re

from assets.media.event import Event
from assets.media.numbers import quantities
from assets.media.text import Sentence

# the first figure told as the start, the later one as what came after it
START_RE = re.compile(r"(?:\bсначала|\bпоначалу|\bвначале|\bизначально|\bсперва|\bутром|\bв\s+начале|(?<!\w)алғашында|"
                      r"(?<!\w)басында|(?<!\w)таңертең)\b", re.I)
LATER_RE = re.compile(r"(?:\bпозже|\bпозднее|\bзатем|\bпотом|\bк\s+(?:вечеру|обеду|полудню|ночи|концу)|\bвечером|"
                      r"\bпостепенно|(?<!\w)кешке|(?<!\w)кейін)", re.I)
# the number of them grew from one figure to the other ("выросло с 50 до 300"; Kazakh "300-ге жетті", "өсті")
GREW_RE = re.compile(r"(?:выросл|возросл|увеличил|дошл|достигл|(?<!\w)жетті|(?<!\w)өсті|(?<!\w)артты)", re.I)
LATER_CROWD_RE = re.compile(r"\bуже\b|собрал|собирал|пришл|подошл|подтянул|\bстал[оиа]?\b|\bбыло\b|\bбыли\b|вышл|"
                            r"стоял|присоедин|(?<!\w)жинал|(?<!\w)келд|(?<!\w)болд|"
                            r"^\s*[—–-]\s*(?:(?:уже|около|более|свыше|почти|порядка|примерно)\s+)*$", re.I)
# the later figure counts people (or stands bare: "к вечеру — уже около 300.")
PEOPLE_AFTER_RE = re.compile(r"\s*(?:человек|люд|участник|жител|протестующ|митингующ|собравш|адам|тұрғын|"
                             r"-?\s*(?:ге|ға|ке|қа)\s+(?:жетті|өсті|артты)|[.,;!?)]|$)", re.I)
GROWING_SUBJECT_RE = re.compile(r"\bих\b|числ|количеств|(?<!\w)саны|\bлюдей\b|участник|протестующ|митингующ|"
                                r"(?<!\w)олардың|(?<!\w)адам", re.I)
# who grew, when the body gives no figure otherwise ("Число участников выросло с 50 до 300")
GROWING_CROWD_RE = re.compile(r"(?:числ|количеств|саны)\w*\s+(?:[\w-]+\s+){0,2}?(?:участник|протестующ|митингующ|"
                              r"собравш|люд|человек|пикетчик|адам|қатысушы|наразы)", re.I)


def _grown(text: str, first_best: int | None):
    """(low, best, high) of a crowd that grew in `text` from its first figure (`first_best`: the one the main reading
    took, None: any), or None."""
    qs = quantities(text)
    for i, (q1, _after1) in enumerate(qs):
        if first_best is None and q1.low < q1.high and GREW_RE.search(text[max(0, q1.start - 40):q1.start]) \
                and re.search(r"\bс\s*$", text[max(0, q1.start - 4):q1.start]):
            return q1.low, q1.high, q1.high  # "выросло с 50 до 300", read as one span
        if first_best is not None and q1.best != first_best:
            continue
        for q2, after2 in qs[i + 1:]:
            between = text[q1.end:q2.start]
            later = LATER_RE.search(between)
            # the later clause gathers people, or leaves its verb out ("к вечеру — уже около 300"); not "позже их
            # поддержали 300 человек в соцсетях"
            started = START_RE.search(text[:q1.start]) and later and LATER_CROWD_RE.search(between[later.end():])
            # the number of them grew (not "тарифы выросли до 300")
            grew = (GREW_RE.search(between) or GREW_RE.search(after2[:20])) and GROWING_SUBJECT_RE.search(between)
            if (started or grew) and q2.best > q1.best and PEOPLE_AFTER_RE.match(after2):
                return min(q1.low, q2.low), q2.best, q2.high
    return None


def widen_grown(ev: Event, search: list[Sentence]) -> None:
    """Span the event's count over a crowd that grew, in the sentence it was read from (or, with no count read, in a
    sentence telling the number of them grew)."""
    for s in search:  # (the segment's sentences: background ones are left out of it already)
        if ev.participants is not None and ev.evidence.get("participants") == s.text:
            span = _grown(s.text, ev.participants)
        elif ev.participants is None and GROWING_CROWD_RE.search(s.text):
            span = _grown(s.text, None)
        else:
            continue
        if span:
            ev.participants_low, ev.participants, ev.participants_high = span
            ev.evidence["participants"] = s.text
            return
