"""Reading a date from a card's cell, a spreadsheet or a review row: the one place where the accepted
formats are written. (Dates in running Russian text - "3 мая", "в прошлую субботу" - are the media
extractor's business: assets/media/dates.py find_dates.)

Accepted: a date or datetime object; `2017-05-03`, `03.05.2017`, `03.05.17`, `03/05/2017`, the year first with
slashes or points (`2017/05/03`, `2017.05.03`: some spreadsheets' and programs' own), and each of the
four-digit-year forms with a time after it, which is dropped (a spreadsheet's date-and-time cell saved as text:
`2017-05-03 15:00:00`, `2017-05-03T15:00:00`, `2017-05-03 15:00`, `03.05.2017 15:00`, `03.05.2017 15:00:00`,
`03/05/2017 15:00`); the time of the assembly is the card's own field. A Russian month's name with a four-digit
year (`3 мая 2017`, `3 мая 2017 г.`, `3 мая 2017 года`), and a year mark after a numeric date (`03.05.2017г.`).
"""
from __future__ import annotations

import datetime as dt
import re

FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%Y/%m/%d", "%Y.%m.%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S",
           "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S")


# a day, a Russian month's name in the genitive and a four-digit year, as a monitor types them ("3 мая 2017",
# "03 мая 2017 г.", "3 мая 2017 года"); a year mark after a numeric date ("03.05.2017г.", "03.05.2017 г.")
MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
          "декабря")
_WORDS = re.compile(r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})(?:\s*(?:г\.?|года))?", re.IGNORECASE)
_YEAR_MARK = re.compile(r"(?<=\d{4})\s*(?:г\.?|года)$", re.IGNORECASE)


def parse_date(value) -> dt.date:
    """The date `value` stands for; ValueError when it is none of the accepted formats (or empty)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = "" if value is None else str(value).strip()
    words = _WORDS.fullmatch(s)
    if words:
        day, month, year = words.groups()
        try:
            return dt.date(int(year), MONTHS.index(month.lower()) + 1, int(day))
        except ValueError:
            raise ValueError(f"not a date: {s!r}") from None
    bare = _YEAR_MARK.sub("", s)
    for fmt in FORMATS:
        try:
            return dt.datetime.strptime(bare, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"not a date: {s!r}")


def date_or_none(value) -> dt.date | None:
    """parse_date, or None for an empty or unreadable value."""
    if value is None or value == "":
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None
