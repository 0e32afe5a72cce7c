"""Dates in Russian and Kazakh news text, resolved against the publication date.

Written by hand on purpose: general-purpose parsers read "3 мая около 15 пикетчиков" as 3 May 2015.
Recognised: "3 мая", "3-го мая 2017 года", "03.05.2017", "3 мамырда" (Kazakh), "сегодня",
"вчера", "позавчера", "накануне", "бүгін", "кеше", "в субботу", "в прошлую субботу",
"в минувшее воскресенье", "сенбіде" (Kazakh). A date without a year takes the publication
year, or the year before when that would put it more than a week after publication. A weekday
names the latest such day on or before publication, or the next one when the sentence speaks of
the future ("в субботу пройдет митинг").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from core import dates as core_dates

RU_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
KK_MONTHS = {
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6, "шілде": 7, "тамыз": 8,
    "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
}
RU_MONTH_RE = (r"(январ[ьяе]|феврал[ьяе]|март[аео]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[аео]?|"
               r"сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])")
# (session 46) a year after a comma too ("12 марта, 2022", a page's stamp); four digits before a people noun are a
# count, not a year ("12 наурыз 2000 адам")
# (document.year_hint reads the same people nouns: a count there is never the page's year)
PEOPLE_NOUNS = r"адам|кісі|тұрғын|жұмысшы|человек|жител|участник|рабоч"
_NOT_PEOPLE = rf"(?!\d|\s*(?:-?(?:ге|ға|ке|қа)\s+(?:(?:жуық|тарта)\s+)?)?(?:{PEOPLE_NOUNS}))"
RU_DATE_RE = re.compile(
    rf"(?<![\d.])(\d{{1,2}})(?:-?(?:го|е|ого))?\s+{RU_MONTH_RE}\b(?:,?\s+(\d{{4}}){_NOT_PEOPLE}\s*(?:г\.|года|год|г\b)?)?",
    re.I)
# "Маусымның 30-ы", "қаңтардың 5-і": month first
KK_DATE2_RE = re.compile(
    r"(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\w*\s+(?:айының\s+)?(\d{1,2})\s*-?\s*"
    r"(?:ы|і|сы|сі|ші|шы)?(?!\d)", re.I)
# (session 37) a range of days in one month ("3–4 мая", "с 3 по 5 мая", "3-4 мамыр"): the first day, when it began
DAY_RANGE_RE = re.compile(r"(?<![\d.])(\d{1,2})(?:-?(?:го|е|ого))?\s*(?:[–—-]|\bпо\b|\bдо\b)\s*$", re.I)
# (session 54: a full stop after the year ends the sentence, "прошел в Актобе 08.05.2023.", not a fourth number)
NUM_DATE_RE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d|\.\d)")
KK_DATE_RE = re.compile(
    r"(?<![\d.])(?:(\d{4})\s*(?:жылы|жылғы|жылдың|ж\.)?\s+)?(\d{1,2})\s*-?\s*(?:(?:ші|шы|сі|сы|і|ы)\s+)?(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|"
    r"қыркүйек|қазан|қараша|желтоқсан)\w*"
    # (session 46) the year after the month, as a page's stamp writes it ("12 Наурыз, 2022", "12 наурыз 2022 ж.")
    r"(?:,?\s+(\d{4})" + _NOT_PEOPLE + r"(?:\s*(?:ж\.|жыл\w*))?)?", re.I)
RU_WEEKDAYS = {"понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3, "пятницу": 4, "пятница": 4,
               "субботу": 5, "суббота": 5, "воскресенье": 6}
KK_WEEKDAYS = {"дүйсенбі": 0, "сейсенбі": 1, "сәрсенбі": 2, "бейсенбі": 3, "жұма": 4, "сенбі": 5, "жексенбі": 6}
WEEKDAY_RE = re.compile(
    r"\bв(?:о)?\s+(?:(?:эт[иуот]|прошл\w+|минувш\w+|прошедш\w+|нынешн\w+|ближайш\w+|следующ\w+)\s+)?"
    r"(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b", re.I)
# a night from one day to the next ("в ночь со среды на четверг", "со среды на четверг"): the first day
RU_WEEKDAYS_GEN = {"понедельника": 0, "вторника": 1, "среды": 2, "четверга": 3, "пятницы": 4, "субботы": 5,
                   "воскресенья": 6}
_WEEKDAYS_GEN = "|".join(RU_WEEKDAYS_GEN)
NIGHT_SPAN_RE = re.compile(rf"\bс[о]?\s+({_WEEKDAYS_GEN})\s+на\s+"
                           r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b", re.I)
# (session 38) an action going on since a weekday ("С понедельника шахтеры держат голодовку"): that day, the latest on
# or before publication (not a night's span, "со среды на четверг", read above)
SINCE_WEEKDAY_RE = re.compile(rf"(?<!\w)[сС][о]?\s+({_WEEKDAYS_GEN})\b(?!\s+на\s)")
# (session 38) a day of the month told alone ("13-го числа жители собрались"): in the publication's month, or the month
# before when that day is still to come (not a recurring day, "25 числа каждого месяца")
DAY_OF_MONTH_RE = re.compile(r"(?<![\d.])(\d{1,2})(?:-?(?:го|е|ого))?\s+числа\b(?!\s+(?:каждого|ежемесячно))", re.I)
KK_WEEKDAY_RE = re.compile(r"(?<!\w)(дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі)\s*(?:күні|де|да|ні)", re.I)
RELATIVE = [
    (re.compile(r"\bпозавчера\b", re.I), -2),
    (re.compile(r"\bвчера\b|\bвчерашн\w+", re.I), -1),
    (re.compile(r"\bнакануне\b(?!\s+(?:акци|митинг|пикет|выбор|праздник|\w+ня|дня))", re.I), -1),
    (re.compile(r"\bсегодня\b|\bсегодняшн\w+", re.I), 0),
    (re.compile(r"(?<!\w)бүгін", re.I), 0),
    (re.compile(r"(?<!\w)кеше(?!\w)", re.I), -1),
    # (session 38) Kazakh "the day before yesterday" ("Алдыңғы күні ... жиналды"; not the eve of something named in the
    # genitive, "митингтің алдыңғы күні"; "кешегі" is left: "кешегі аптадан бері" is "since last week")
    (re.compile(r"(?<![\w-])(?<!ның )(?<!нің )(?<!дың )(?<!дің )(?<!тың )(?<!тің )алдыңғы\s+күні(?!\w)", re.I), -2),
]
# a day told as an ordinal word ("третьего июня", "двадцать пятого мая", "тридцать первого декабря")
_ORD_UNITS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9}
_ORD_TEENS = {"десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15,
              "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30}
ORD_DATE_RE = re.compile(r"(?<![\w-])(?:(двадцать|тридцать)\s+)?(перв|втор|трет|четверт|пят|шест|седьм|восьм|девят|десят|"
                         r"одиннадцат|двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|"
                         r"девятнадцат|двадцат|тридцат)(?:ьего|ого|его|ье|ое|ий|ый)\s+" + RU_MONTH_RE + r"\b"
                         r"(?:\s+(\d{4})\s*(?:г\.|года|год|г\b)?)?", re.I)
# the weekend ("в эти выходные", "в минувшие выходные", "на выходных"): its Saturday, the latest on or before publication
WEEKEND_RE = re.compile(r"\b(?:в|на)\s+(?:эти|этих|минувшие|минувших|прошлые|прошлых|прошедшие|прошедших)?\s*выходн(?:ые|ых)\b", re.I)
# (session 54) the Kazakh weekend ("өткен демалыс күндері", "демалыс күндері", "өткен демалыста"): its Saturday too
KK_WEEKEND_RE = re.compile(r"(?<!\w)(?:өткен\s+демалыс(?:\s+күндері|та)|демалыс\s+күндері)(?!\w)", re.I)
FUTURE_RE = re.compile(r"пройд[её]т|состоится|планиру|намерен|собира(ю|е)тся|проведут|выйдут|объяв(ят|ит)|будет|будут|"
                       r"өтеді|өткізбек|жоспарла", re.I)


@dataclass(frozen=True)
class DateHit:
    date: dt.date
    start: int
    end: int
    text: str
    kind: str  # explicit | numeric | relative | weekday


def _month(word: str) -> int | None:
    w = word.lower()
    for stem, m in RU_MONTHS.items():
        if stem == "ма":
            if re.fullmatch(r"ма[йяе]", w):
                return 5
            continue
        if w.startswith(stem):
            return m
    return None


def _with_year(day: int, month: int, year: int | None, published: dt.date | None) -> dt.date | None:
    try:
        if year:
            return dt.date(year, month, day)
        ref = published or dt.date.today()
        d = dt.date(ref.year, month, day)
        if d > ref + dt.timedelta(days=7):
            d = dt.date(ref.year - 1, month, day)
        return d
    except ValueError:
        return None


def find_dates(text: str, published: dt.date | None) -> list[DateHit]:
    """Every date expression of `text`, in order of appearance."""
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []

    def add(d: dt.date | None, m: re.Match, kind: str) -> None:
        if d is None:
            return
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        hits.append(DateHit(d, m.start(), m.end(), m.group(0), kind))

    def first_day(m: re.Match, day: int) -> int:
        r = DAY_RANGE_RE.search(text[max(0, m.start() - 12):m.start()])
        return int(r.group(1)) if r and int(r.group(1)) < day else day

    for m in RU_DATE_RE.finditer(text):
        month = _month(m.group(2))
        if month:
            add(_with_year(first_day(m, int(m.group(1))), month, int(m.group(3)) if m.group(3) else None, published),
                m, "explicit")
    for m in KK_DATE_RE.finditer(text):
        year = m.group(1) or m.group(4)
        add(_with_year(first_day(m, int(m.group(2))) if not m.group(1) else int(m.group(2)), KK_MONTHS[m.group(3).lower()],
                       int(year) if year else None, published), m, "explicit")
    for m in KK_DATE2_RE.finditer(text):
        add(_with_year(int(m.group(2)), KK_MONTHS[m.group(1).lower()], None, published), m, "explicit")
    for m in ORD_DATE_RE.finditer(text):
        stem = m.group(2).lower()
        day = _ORD_UNITS.get(stem) or _ORD_TEENS.get(stem)
        if m.group(1):
            day = (20 if m.group(1).lower() == "двадцать" else 30) + (_ORD_UNITS.get(stem) or 100)
        month = _month(m.group(3))
        if month and day and day <= 31:
            add(_with_year(day, month, int(m.group(4)) if m.group(4) else None, published), m, "explicit")
    for m in NUM_DATE_RE.finditer(text):
        year = int(m.group(3))
        year = year + 2000 if year < 100 else year
        try:
            add(dt.date(year, int(m.group(2)), int(m.group(1))), m, "numeric")
        except ValueError:
            pass
    if published is not None:
        future = bool(FUTURE_RE.search(text))
        for rx, delta in RELATIVE:
            for m in rx.finditer(text):
                add(published + dt.timedelta(days=delta), m, "relative")
        for m in (*WEEKEND_RE.finditer(text), *KK_WEEKEND_RE.finditer(text)):
            add(_weekday(published, 5, future, m.group(0)), m, "weekday")  # (a past one, "минувшие", "өткен": _weekday)
        for m in NIGHT_SPAN_RE.finditer(text):
            add(_weekday(published, RU_WEEKDAYS_GEN[m.group(1).lower()], False, m.group(0)), m, "weekday")
        for m in SINCE_WEEKDAY_RE.finditer(text):
            add(_weekday(published, RU_WEEKDAYS_GEN[m.group(1).lower()], False, m.group(0)), m, "weekday")
        for m in WEEKDAY_RE.finditer(text):
            add(_weekday(published, RU_WEEKDAYS[m.group(1).lower()], future, m.group(0)), m, "weekday")
        for m in DAY_OF_MONTH_RE.finditer(text):
            add(_day_of_month(published, int(m.group(1))), m, "explicit")
        for m in KK_WEEKDAY_RE.finditer(text):
            add(_weekday(published, KK_WEEKDAYS[m.group(1).lower()], future, m.group(0)), m, "weekday")
    hits.sort(key=lambda h: h.start)
    return hits


def _day_of_month(published: dt.date, day: int) -> dt.date | None:
    """The latest date with that day of the month on or before publication's month end (a day still to come this month
    is last month's)."""
    year, month = published.year, published.month
    if day > published.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weekday(published: dt.date, weekday: int, future: bool, phrase: str) -> dt.date:
    p = phrase.lower()
    if re.search(r"следующ|ближайш", p):
        future = True
    if re.search(r"прошл|минувш|прошедш|өткен", p):  # (session 54: "в прошедшее воскресенье", "өткен демалыста")
        future = False
    if future:
        delta = (weekday - published.weekday()) % 7
        return published + dt.timedelta(days=delta or 7)
    delta = (published.weekday() - weekday) % 7
    return published - dt.timedelta(days=delta)


def parse_date(value) -> dt.date | None:
    """A date from a spreadsheet cell or a card (core/dates.py: the formats), or None."""
    return core_dates.date_or_none(value)
