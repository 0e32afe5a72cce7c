"""An article as the extractor reads it: headline and body in sentences, its dateline ("УРАЛЬСК.
12 октября. –"), and its cut into one segment per dated event when it reports several."""
from __future__ import annotations

import datetime as dt
import re

from assets.media import dates as dates_mod
from assets.media import kazlatin, places, triage, triage_time
from assets.media.text import Sentence, normalise, sentences

# the year an archived page gives when its publication date is unknown: its URL's path ("/2019/05/"), else the latest
# year its text names (never today's: "1 мая" in a page of 2019 is 1 May 2019)
URL_YEAR_RE = re.compile(r"/((?:19|20)\d\d)/(?:\d{1,2}/)?")
TEXT_YEAR_RE = re.compile(r"(?<![\d.,/-])((?:19|20)\d\d)(?![\d.,/-]?\d)")
# (session 30) not a year that dates a thing or a span rather than the page: since when ("живет ... с 1967 года",
# "2010 жылдан бері"), a thing of that year ("Қазақстанның 1993 жылғы Конституциясы"), a thing built or bought then
# (session 38: and a year of birth, "молодого человека 2005 года рождения", "1985 г.р.", "1990 жылы туған", never the page's)
# (session 46) nor a count or a sum that looks like a year ("около 2000 человек", "2000-ға жуық адам", "2000 тенге"):
# "12 марта около 2000 человек собрались" put the rally in March 2000
COUNT_NOT_YEAR_RE = (r"(?:около|более|свыше|порядка|почти|не\s+менее|примерно|больше|меньше)\s+(?:19|20)\d\d"
                     r"(?!\d|\s*(?:год|г\.|г\b|жыл))|"
                     r"(?:19|20)\d\d(?=\s*(?:-?(?:ге|ға|ке|қа)\s+(?:жуық|тарта)\s+)?(?:" + dates_mod.PEOPLE_NOUNS + "|"
                     r"митингующ|протестующ|тенге|теңге|тг\b|руб|доллар|евро|подпис|семей|детей))")
THING_YEARS_RE = re.compile(r"\bс\s+(?:19|20)\d\d\s*(?:год\w*|г\.)|(?:19|20)\d\d\s+(?:жылғы|жылдан\s+бері)|"
                            r"(?:19|20)\d\d\s*(?:года\s+рождения|г\.\s*р\.|г\.\s*рождения|жылы\s+туған)|"
                            + COUNT_NOT_YEAR_RE + "|" + triage_time.THING_YEAR_RE.pattern, re.I)


def year_hint(url: str, text: str) -> int | None:
    m = URL_YEAR_RE.search(url or "")
    if m and int(m.group(1)) <= dt.date.today().year:
        return int(m.group(1))
    years = [int(y) for y in TEXT_YEAR_RE.findall(THING_YEARS_RE.sub(" ", text)) if int(y) <= dt.date.today().year]
    return max(years) if years else None


class Doc:
    def __init__(self, title: str, text: str, published: dt.date | None, url: str = ""):
        title, text = kazlatin.convert(title or "", text or "")  # Kazakh in Latin letters, as triage reads it
        self.title = normalise(title or "")
        body = normalise(text or "")
        self.full = f"{self.title}\n{body}" if self.title else body
        self.sents = sentences(self.full)
        self.published = published
        self.url = url
        self.has_title = bool(self.title)
        # publication unknown: a date without a year takes the page's year (its URL's, its text's latest), not today's
        self.year_hint = None if published else year_hint(url, self.full)


def dateline(doc: Doc) -> tuple[str | None, dt.date | None, str | None]:
    """'УРАЛЬСК. 12 октября. – ...' at the start of the body: (city key, date, sentence)."""
    body_start = len(doc.title) + 1 if doc.has_title else 0
    head = doc.full[body_start:body_start + 200]
    m = re.match(r"\s*([А-ЯЁӘҒҚҢӨҰҮҺІ][А-ЯЁӘҒҚҢӨҰҮҺІ\- ]{2,30})[.,]\s*(\d{1,2}\s+[а-яё]+)?", head)
    if not m:
        return None, None, None
    city = places.lookup(m.group(1).strip())
    d = None
    if m.group(2):
        hits = dates_mod.find_dates(m.group(2), doc.published)
        d = hits[0].date if hits else None
    return city, d, head.split("\n")[0]


def segments(doc: Doc, tri: triage.TriageResult) -> list[list[Sentence]]:
    """One segment per dated event sentence when an article reports several events."""
    anchors = []
    for i in tri.event_sentences:
        s = doc.sents[i]
        if doc.has_title and i == 0:
            continue
        if dates_mod.find_dates(s.text, doc.published) and [h for h in dates_mod.find_dates(s.text, doc.published)
                                                          if h.kind in ("explicit", "numeric")]:
            anchors.append(i)
    keys = set()
    for i in anchors:
        s = doc.sents[i].text
        d = [h.date for h in dates_mod.find_dates(s, doc.published)][0]
        keys.add(d)
    if len(anchors) < 2 or len(keys) < 2:
        return [doc.sents]
    segs = []
    first_body = 1 if doc.has_title else 0
    for n, a in enumerate(anchors):
        end = anchors[n + 1] if n + 1 < len(anchors) else len(doc.sents)
        start = a if n else first_body
        seg = doc.sents[start:end]
        # the dated sentence first: context before the first anchor stays with the first event
        segs.append(seg)
    return segs
