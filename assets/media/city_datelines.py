"""(session 39, session 50) An agency's dateline inside a sentence ("АСТАНА, 13 тамыз – Sputnik.", "Астана, 21 Мая 2016,
13:59 — ИА ...") or a line naming a city alone ("Астана."): the bureau's city, not where people gathered (event_city.py)."""
from __future__ import annotations

import re

from assets.media.triage_abroad import DATELINE_CORE

# (session 39) a line that is a city's name alone ("Астана.", "Актау."): an outlet's or an agency's dateline
BARE_CITY_LINE_RE = re.compile(r"^\s*[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+(?:\s+[\w-]+)?\.?\s*$")
# an agency's dateline anywhere in a sentence (triage_abroad's, not only at a line's start: "АСТАНА, 13 тамыз – Sputnik.";
# the sentence splitter may join it to the line before)
AGENCY_DATELINE_RE = re.compile(r"(?<![\w-])" + DATELINE_CORE)
# (session 50) an agency's dateline in mixed case, with a year or a time ("Астана, 21 Мая 2016, 13:59 — ИА ..."): the
# bureau's city
_MONTHS = (r"(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр|қаңтар|ақпан|наурыз|сәуір|мамыр|"
           r"маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\w*")
MIXED_DATELINE_RE = re.compile(r"(?<![\w-])[А-ЯЁӘҒҚҢӨҰҮҺІ][\w]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІ][\w]+)?,\s+\d{1,2}\s+(?i:" + _MONTHS + r")"
                               r"(?:\s+\d{4}(?:\s*(?:г\.|года))?)?,?\s*(?:\d{1,2}[:.]\d{2}\s*)?[–—-]")


def in_dateline(text: str, start: int, mixed: bool = False) -> bool:
    """(session 39) The city at `start` is an agency's dateline ("АСТАНА, 13 тамыз – Sputnik.") or a line naming the city
    alone ("Астана."): the bureau's city, not a mention of where people gathered (document.dateline reads a dateline
    that opens the body in capitals; these stand inside the lead, or are not in capitals). `mixed` (session 50): also a
    dateline in mixed case with a year or a time (MIXED_DATELINE_RE)."""
    rxs = (AGENCY_DATELINE_RE, MIXED_DATELINE_RE) if mixed else (AGENCY_DATELINE_RE,)
    return bool(BARE_CITY_LINE_RE.match(text)) or any(m.start() <= start < m.end() for rx in rxs for m in rx.finditer(text))
