"""The date of the event: from the event's own sentence, then the nearest sentences that tell of the
event (never a plan, a permission, a threat or background; never after publication), then the
dateline, the headline; else the publication date."""
from __future__ import annotations

import re

from assets.media import dates as dates_mod
from assets.media import triage, triage_modes, triage_sentence
from assets.media.document import Doc
from assets.media.event import Event
from assets.media.text import Sentence


# a photo caption's place and full date of its own ("Астана, 3 июля 2018 года.", "Нұр-Сұлтан. 3 мамыр, 2019 жыл."):
# the day the pictures of the event were taken
CAPTION_RE = re.compile(r"\s*[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+(?:\s+[\w-]+)?[.,]\s+\d{1,2}\s+[^\W\d_]+,?\s+\d{4}\s*"
                        r"(?:года|г\.|жыл\w*)?\.?\s*$")

# (session 37) a photo caption's date split from its caption by the sentence splitter ("Активист ... на центральной
# площади Уральска. 10 февраля 2020 года."; "... в день освобождения. 4 февраля 2021 года."): a sentence that is a full
# date and nothing else is the day the pictures of the event were taken
DATE_ALONE_RE = re.compile(r"\s*\d{1,2}\s+[^\W\d_]+,?\s+\d{4}\s*(?:года|г\.|жыл\w*)?\.?\s*$")


# (session 54) a sentence that tells when the event took place, the event named by a pronoun ("Жители провели митинг.
# Он состоялся вчера у здания акимата.", "Она прошла в субботу"; Kazakh "Ол кеше өтті"): the event's, for its date
# (not "Она прошла курсы 3 мая": a person's doing)
TOOK_PLACE_RE = re.compile(r"^\W*(?:он|она|оно|ол)\s+(?:\S+\s+){0,4}?(?:(?:состоял|начал)(?:ся|ась|ось)|өтті|басталды|"
                           # "прошла", "проходил" only with a time or a place after, never an object ("Она прошла курсы")
                           r"(?:прош(?:[её]л|л[ао])|проходил[ао]?)(?=\s+(?:в|во|на|у|около|возле|перед|вчера|сегодня|"
                           r"накануне|позавчера|утром|вечером|дн[её]м|\d)(?!\w)))(?!\w)", re.I)


def _yearless(h) -> bool:
    """A date written without its year ("7 января")."""
    return h.kind == "explicit" and not re.search(r"\d{4}", h.text)


def _in_year(hits: list, year: int | None) -> list:
    """Dates written without a year, put in the page's year (publication unknown). With no year known at all (no
    publication date, none in the URL or the text), such a date names no day: it is dropped, never put in today's year
    (an article of 2021 read in 2026 is not about January 2026)."""
    if year is None:
        return [h for h in hits if not _yearless(h)]
    out = []
    for h in hits:
        if _yearless(h):
            try:
                h = type(h)(h.date.replace(year=year), h.start, h.end, h.text, h.kind)
            except ValueError:
                pass
        out.append(h)
    return out


# a relative day followed by the explicit date it names ("Сегодня 3 июня", "Вчера, 9 января,"): the explicit date
# (session 32: or with the time of day between them, "сегодня вечером, 23 октября", "вчера около 11 утра, 9 января")
APPOSITION_RE = re.compile(r"^[\s,]*(?:(?:рано\s+)?(?:утром|дн[её]м|вечером|ночью|в\s+обед)[\s,]*|(?:около|в)\s+\d{1,2}(?:[:.]\d{2})?"
                           r"(?:\s+(?:час\w*|утра|дня|вечера))?[\s,]*)?$")


# (session 27) a participle that ends a clause describing the people, between two days named in one sentence ("Кеше
# видео үндеу жариялап, акцияға шақырған белсенділер бүгін партия филиалына барды", "Вчера объявившие голодовку рабочие
# сегодня вышли на площадь"): the first day is the clause's, the second the sentence's own
PARTICIPLE_CLAUSE_RE = re.compile(r"[^\W\d]{2,}(?:ған|ген|қан|кен)\s+[^\W\d]|\b[а-яё]+вши(?:е|х|й|м|ми)\b", re.I)
# ... unless the clause is the gathering itself ("Кеше әкімдік алдына жиналған тұрғындар бүгін сотқа шақырылды")
GATHERED_CLAUSE_RE = re.compile(r"жинал|жиыл|шыққан|шығып|өткіз|собравш|вышедш|пришедш|митинговавш|протестовавш|бастовавш|"
                                r"пикетировавш|голодавш|перекрывш", re.I)


# (session 46) a clause set off by commas that describes the people ("Жители, которые еще 1 марта обращались в акимат,
# 13 марта собрались", "Рабочие, объявлявшие 1 марта голодовку, ..."): its date is the clause's, not the sentence's
RELATIVE_OPEN_RE = re.compile(r",\s*(?:котор\w+|кто)\b|,\s*[а-яё]+вш(?:ий|ая|ее|ие|их|ими|иеся|ихся|ийся|аяся)\b", re.I)


def _in_relative_clause(text: str, hit) -> bool:
    """Whether `hit` stands inside a relative or participial clause opened by a comma before it and closed by one
    after it (the sentence goes on)."""
    opened = None
    for opened in RELATIVE_OPEN_RE.finditer(text, 0, hit.start):
        pass
    if opened is None or re.search(r"[,;—–]", text[opened.end():hit.start]):
        return False
    return bool(re.match(r"[^,;—–.!?]*[,—–]\s*\S", text[hit.end:]))


def _own_dates(hits: list, text: str) -> list:
    """The dates of the day told: not of what came before ("После митинга 9 июня ... людей собралось немного"), not
    the start of what goes on ("со вчерашнего дня требуют")."""
    out = []
    for h in hits:
        before = text[max(0, h.start - 40):h.start]
        if h.kind == "explicit" and re.search(r"(?:\bпосле|\bспустя)\s+(?:[\w-]+\s+){0,2}?$", before, re.I):
            continue  # "после митинга 9 июня": the date of what came before
        if h.kind == "relative" and re.search(r"\bс[о]?\s+$", before, re.I):
            continue  # "со вчерашнего дня": the start of what goes on
        out.append(h)
    if len(out) > 1 and out[0].kind == "relative" and out[0].date != out[1].date \
            and PARTICIPLE_CLAUSE_RE.search(text[out[0].end:out[1].start]) \
            and not GATHERED_CLAUSE_RE.search(text[out[0].end:out[1].start]):
        out = out[1:]  # (session 27) "Кеше ... шақырған белсенділер бүгін ... барды": yesterday was the clause's
    if len(out) > 1 and (outside := [h for h in out if not _in_relative_clause(text, h)]):
        out = outside  # (session 46) "…, которые еще 1 марта обращались в акимат, 13 марта собрались"
    if len(out) > 1 and out[0].kind in ("relative", "weekday") and out[1].kind == "explicit" \
            and APPOSITION_RE.match(text[out[0].end:out[1].start]):
        out = out[1:]  # "Сегодня 3 июня": the explicit date the relative day names
    return out


# (session 31) a date with the page's time next to it ("... Абу-Даби Плаза\" 09:08 24.04.2018", "13.11.2025, 14:22",
# "19 ноября 2009 | 07:06"): when the page was published, not when the event took place
_TIME_BEFORE_RE = re.compile(r"\d{1,2}:\d{2}\s*[|,]?\s*$")
_TIME_AFTER_RE = re.compile(r"\s*[|,]?\s*\d{1,2}:\d{2}\b")


# (session 37) a date with a clock time to the second ("Гость 25 Февраля 2010 в 11:34:40", "12.03.2021 14:05:33"): a stamp
# the page or its comment system wrote, in any sentence; nobody dates an assembly to the second
_SECONDS_AFTER_RE = re.compile(r"\s*(?:[|,]|в)?\s*\d{1,2}:\d{2}:\d{2}\b")


def _clock_stamp(text: str, hit) -> bool:
    return bool(_SECONDS_AFTER_RE.match(text[hit.end:hit.end + 14]))


def _page_stamp(text: str, hit) -> bool:
    return bool(_TIME_BEFORE_RE.search(text[max(0, hit.start - 12):hit.start]) or _TIME_AFTER_RE.match(text[hit.end:hit.end + 10]))


def fill_date(ev: Event, doc: Doc, tri: triage.TriageResult, anchor: Sentence, title_s: Sentence | None,
              body: list[Sentence], background: set[int], dl_date, dl_sentence) -> None:
    def usable(s: Sentence) -> bool:
        return s.index not in background and not triage_modes.told_before(s.text) and not triage_modes.sentence_mode(s.text)

    def eventish(s: Sentence) -> bool:
        return s.index in tri.event_sentences or bool(triage_sentence.judge_sentence(s).reasons) or bool(CAPTION_RE.match(s.text)) \
            or bool(DATE_ALONE_RE.match(s.text)) \
            or bool(re.search(r"задерж|доставил|акци|протест|собравш|митинг|пикет|голод", s.text, re.I)) \
            or bool(TOOK_PLACE_RE.search(s.text))

    def fresh(hits: list) -> list:
        # a date months before publication, outside the event's own sentence and without a year, is
        # a date of something else (a page header, an earlier step)
        if not doc.published:
            return hits
        return [h for h in hits if (doc.published - h.date).days <= 45 or re.search(r"\d{4}", h.text)]

    def event_dates(s: Sentence) -> list:
        hits = dates_mod.find_dates(s.text, doc.published)
        if doc.published is None:
            hits = _in_year(hits, getattr(doc, "year_hint", None))
        return _own_dates([h for h in hits if not (doc.published and h.date > doc.published) and not _clock_stamp(s.text, h)],
                          s.text)

    # the lead (the article's first sentence after the headline) sums up the news: its date is the
    # event's even when it names no action ("В четверг, 29 июня, в Уральске ..." before the sentence
    # that tells what people did)
    lead_index = 1 if doc.has_title else 0

    found = None
    order = [anchor] + ([title_s] if title_s is not None else []) + \
        sorted([s for s in body if s.index < anchor.index], key=lambda s: -s.index) + \
        [s for s in body if s.index > anchor.index]
    for s in order:
        if not usable(s) or (s is not anchor and s is not title_s and s.index != lead_index
                                               and not eventish(s)):
            continue
        hits = event_dates(s) if s is anchor else fresh(event_dates(s))
        if s is title_s and s is not anchor and hits and all(_page_stamp(s.text, h) for h in hits):
            continue  # (session 31) the headline's "09:08 24.04.2018" is the page's stamp: the body's date first
        if hits:
            found = (hits[0].date, s.text)
            break
    if found is None and dl_date and (doc.published or getattr(doc, "year_hint", None)):
        # the dateline's "12 октября" has no year: the publication's, else the page's; with neither, no day
        try:
            found = (dl_date if doc.published else dl_date.replace(year=doc.year_hint), dl_sentence)
        except ValueError:  # 29 February in a page's year that has none
            found = None
    if found is None and title_s is not None and usable(title_s):
        hits = fresh(event_dates(title_s))
        if hits:
            found = (hits[0].date, title_s.text)
    if found:
        ev.date, ev.evidence["date"] = found
    elif doc.published:
        ev.date, ev.evidence["date"] = doc.published, "(no date in the text: the publication date)"
