"""Reading a date from a card's cell, a spreadsheet or a review row: the one place where the accepted
formats are written. (Dates in running Russian text - "3 мая", "в прошлую субботу" - are the media
extractor's business: assets/media/dates.py find_dates.)

Accepted: a date or datetime object; `2017-05-03`, `03.05.2017`, `03.05.17`, `03/05/2017`, the year first with
slashes or points (`2017/05/03`, `2017.05.03`: some spreadsheets' and programs' own), and each of the
four-digit-year forms with a time after it, which is dropped (a spreadsheet's date-and-time cell saved as text:
`2017-05-03 15:00:00`, `2017-05-03T15:00:00`, `2017-05-03 15:00`, `03.05.2017 15:00`, `03.05.2017 15:00:00`,
`03/05/2017 15:00`); the time of the assembly is the card's own field. A Russian month's name with a four-digit
year (`3 мая 2017`, `3 мая 2017 г.`, `3 мая 2017 года`), and a year mark after a numeric date (`03.05.2017г.`).
Also (3 December): the day first with hyphens (`03-05-2017`, as the points and slashes); a Kazakh month's name, the
day first or the year first as Kazakh writes it (`3 мамыр 2017`, `2017 жылғы 3 мамыр`, `2017 ж. 3 мамыр`); an English
month's name (`3 May 2017`, `May 3, 2017`, `3 Sep 2017`); one full stop after a whole date, as a sentence ends
(`03.05.2017.`, `2017-05-03.`).
"""
from __future__ import annotations

import datetime as dt
import re

# the monitoring's time zone: the nightly schedule's (pipelines/jobs.py) and the day a post's unix time falls on
# (assets/media/social_exports.py, parse.parse_telegram_export)
TIMEZONE = "Asia/Almaty"

FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d", "%Y.%m.%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S",
           "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S")


# a day, a Russian month's name in the genitive and a four-digit year, as a monitor types them ("3 мая 2017",
# "03 мая 2017 г.", "3 мая 2017 года"); a year mark after a numeric date ("03.05.2017г.", "03.05.2017 г.")
MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
          "декабря")
_WORDS = re.compile(r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})(?:\s*(?:г\.?|года))?", re.IGNORECASE)
_YEAR_MARK = re.compile(r"(?<=\d{4})\s*(?:г\.?|года)$", re.IGNORECASE)
# Kazakh months (the nominative: "3 мамыр 2017"; the year first: "2017 жылғы 3 мамыр", "2017 ж. 3 мамыр")
KK_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша",
             "желтоқсан")
_KK_DAY_FIRST = re.compile(r"(\d{1,2})\s+(" + "|".join(KK_MONTHS) + r")\s+(\d{4})(?:\s*(?:ж\.?|жыл))?", re.IGNORECASE)
_KK_YEAR_FIRST = re.compile(r"(\d{4})\s*(?:жылғы|жылы|ж\.)\s*(\d{1,2})\s*(?:-?ші|-?шы)?\s+(" + "|".join(KK_MONTHS) + r")",
                            re.IGNORECASE)
# English months, whole or their three letters ("3 May 2017", "May 3, 2017", "3 Sep 2017")
EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december")
_EN_MONTH = r"([a-z]{3,9})\.?"  # the word checked by _en_month: a month's name or its first letters, three or more
_EN_DAY_FIRST = re.compile(r"(\d{1,2})\s+" + _EN_MONTH + r",?\s+(\d{4})", re.IGNORECASE)
_EN_MONTH_FIRST = re.compile(_EN_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.IGNORECASE)


def _en_month(name: str) -> int:
    """1-12 of an English month's name or its first letters; ValueError for a word that is no month's."""
    low = name.lower().rstrip(".")
    for i, month in enumerate(EN_MONTHS):
        if month.startswith(low) and len(low) >= 3:
            return i + 1
    raise ValueError(name)


def _month_of(names: tuple[str, ...]):
    return lambda name: names.index(name.lower()) + 1


# each way of writing a date with a month's name: its pattern, the groups of its year, month and day, the month's reader
_NAMED = ((_WORDS, 3, 2, 1, _month_of(MONTHS)), (_KK_DAY_FIRST, 3, 2, 1, _month_of(KK_MONTHS)),
          (_KK_YEAR_FIRST, 1, 3, 2, _month_of(KK_MONTHS)), (_EN_DAY_FIRST, 3, 2, 1, _en_month),
          (_EN_MONTH_FIRST, 3, 1, 2, _en_month))


def _named_month(s: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written with a month's name (Russian, Kazakh, English), else None."""
    for rx, year, month, day, month_of in _NAMED:
        m = rx.fullmatch(s)
        if m:
            return int(m[year]), month_of(m[month]), int(m[day])
    return None


def parse_date(value) -> dt.date:
    """The date `value` stands for; ValueError when it is none of the accepted formats (or empty)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = "" if value is None else str(value).strip()
    if re.search(r"\d\.$", s) and not re.fullmatch(r"\d{1,2}\.\d{1,2}\.", s):
        s = s[:-1]  # a sentence's full stop after a whole date ("03.05.2017.", "2017-05-03.")
    try:
        named = _named_month(s)
    except ValueError:
        named = None
    if named:
        try:
            return dt.date(*named)
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


_TIME_SHAPE = re.compile(r"\d{1,2}(?::\d{2}(?::\d{2})?|\.\d{2})")


def parse_time(v) -> dt.time:
    """A time of day as a monitor types it: `15:30`, `9:05`, `15:30:00`, `15.30` (a point, as Russian writes it), or a
    time object; ValueError for anything else. Read alike by validation (assets/validate/coerce.py) and the media
    review import."""
    if isinstance(v, dt.time):
        return v
    s = str(v).strip()
    if not _TIME_SHAPE.fullmatch(s):  # minutes in two digits: "9.3" is no 09:03, a number 15 no 00:15
        raise ValueError
    for fmt in ("%H:%M", "%H:%M:%S", "%H.%M"):
        try:
            return dt.datetime.strptime(s, fmt).time()
        except ValueError:
            continue
    raise ValueError
