"""Triage: is a sentence's event of another time than the article's - a year two or more before publication ("в
2011 году", not the year of what is remembered), a month alone two or more months before it, or a recent day or
year that brings the article to the present."""
from __future__ import annotations

import datetime as dt
import re

from assets.media.triage_cues import RELATIVE_CLAUSE_RE


# the year the sentence's own event took place ("в 2011 году", "16 декабря 2011 года", "2011 жылы"); not
# a year naming something else ("события 2011 года", "2011 жылғы оқиғалар")
YEAR_RE = re.compile(r"\b(?:в|с)\s+((?:19|20)\d\d)\s*(?:году|г\.)|"
                     # the year as the form's attribute: "забастовка шахтеров 1989 года", "митинг 2011 года"
                     r"\b(?:забастовк|митинг|пикет|шестви|голодовк|протест|акци)\w*\s+(?:[а-яё]+\s+){0,2}?((?:19|20)\d\d)\s+года|"
                     r"\b\d{1,2}\s+(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*\s+"
                     r"((?:19|20)\d\d)\s*(?:года|г\.)|\b((?:19|20)\d\d)\s+жылы\b", re.I)


# the year of what is remembered, not of the holding ("почтить память погибших в Жанаозене в 2011 году",
# "в годовщину событий декабря 1986 года")
REMEMBERED_YEAR_RE = re.compile(r"(?:памят\w*|погибш\w*|жертв\w*|годовщин\w*|событи\w*|трагеди\w*|расстрел\w*)"
                                r"[^.;,]{0,60}?(?:19|20)\d\d\s*(?:год\w*|г\.)|"
                                # (session 39) Kazakh: the year of the events or the victims remembered ("1986 жылғы
                                # Желтоқсан және 2011 жылғы Жаңаөзен оқиғаларының құрбандарын еске алды")
                                r"(?:19|20)\d\d\s+жылғы\s+(?:[\w-]+\s+){0,6}?(?:оқиға|құрбан|трагеди|қасірет)\w*", re.I)


# (session 24) the year of a thing, not of the holding: a house built, a flat bought, a contract signed, a wait begun
# ("В 2019 году построенный дом дал трещину", "1990 жылы салынған үйдің тұрғындары", "с 2010 года ждут квартиры")
_Y = r"(?:19|20)\d\d\s*(?:год\w*|г\.)"
THING_YEAR_RE = re.compile(r"(?:построен|возвед[её]н|сдан|куплен|приобрет[её]н|получен|заключ[её]н|основан)\w*\s+(?:[\w-]+\s+)?в\s+" + _Y
                           + r"|\bв\s+" + _Y + r"\s+(?:построен|возвед[её]н|сдан|куплен|приобрет[её]н|основан)\w*"
                           r"|(?:19|20)\d\d\s+жылы\s+(?:салынған|салынды|берілген|алынған|ашылған|құрылған|пайдалануға)"
                           r"|\bс\s+" + _Y + r"\s+(?:[\w-]+\s+){0,3}?(?:жд|ожида|сто[яи]т|не\s+получа|добива)", re.I)


def old_year(text: str, published: dt.date | None) -> bool:
    if published is None:
        return False
    main = RELATIVE_CLAUSE_RE.sub(" ", text)  # "..., где в 2011 году ...": about the place, not the event
    main = REMEMBERED_YEAR_RE.sub(" ", main)  # "почтить память погибших в 2011 году": the year of the remembered
    main = THING_YEAR_RE.sub(" ", main)  # (session 24) "В 2019 году построенный дом": the year of the house
    years = [int(next(g for g in m.groups() if g)) for m in YEAR_RE.finditer(main)]
    return bool(years) and max(years) <= published.year - 2


# the present of the article: a day it names as recent, or a year of publication or the one before
RECENT_RE = re.compile(r"\b(?:сегодня|вчера|накануне|сейчас|в\s+настоящее\s+время|на\s+этой\s+неделе|в\s+эти\s+выходные|"
                        r"в\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|бүгін|кеше|қазір)\b", re.I)
_ANY_YEAR_RE = re.compile(r"\b((?:19|20)\d\d)\b")


_RU_MONTHS_LOC = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре",
                  "декабре")
_KK_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша",
              "желтоқсан")
MONTH_ONLY_RE = re.compile(r"(?<![\d-])(?<!\d\s)(?:\bв\s+(" + "|".join(_RU_MONTHS_LOC) + r")\b(?!\s+\d)|\b("
                           + "|".join(_KK_MONTHS) + r")(?:да|та|\s+айында)\b)", re.I)


def months_ago(text: str, published: dt.date) -> bool:
    """Every month the sentence names (without a day or a year) is two or more months before publication."""
    if re.search(r"\b(?:19|20)\d\d\b|\b\d{1,2}\s*(?:-?\w*\s+)?(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|"
                 r"октябр|ноябр|декабр|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)",
                 text, re.I):
        return False
    months = []
    for m in MONTH_ONLY_RE.finditer(text):
        word = (m.group(1) or m.group(2)).lower()
        months.append((_RU_MONTHS_LOC.index(word) if m.group(1) else _KK_MONTHS.index(word)) + 1)
    return bool(months) and all((published.month - k) % 12 >= 2 for k in months)


def recent_year(text: str, published: dt.date) -> bool:
    return any(int(y) >= published.year - 1 for y in _ANY_YEAR_RE.findall(text))


_RU_MONTHS_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
                  "декабря")
# (session 29) an agency's dateline at the body's start, a city and a day with its month ("Актау. 5 ноября. KAZAKHSTAN
# TODAY - ...", "НҰР-СҰЛТАН, 28 шілде – Sputnik"): the month of publication when the page gives no date
DATELINE_MONTH_RE = re.compile(r"^\s*[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+(?:\s[\w-]+)?[.,]\s+(\d{1,2})\s+(" + "|".join(_RU_MONTHS_GEN + _KK_MONTHS)
                               + r")\b", re.I)


def _month_of(word: str) -> int:
    """The month (1–12) a Russian genitive or a Kazakh month's name (lower case) names."""
    return (_RU_MONTHS_GEN.index(word) if word in _RU_MONTHS_GEN else _KK_MONTHS.index(word)) + 1


def dateline_month(body: str) -> dt.date | None:
    """A date in the dateline's month (its year unknown: 2000), for `months_ago` only; else None."""
    m = DATELINE_MONTH_RE.match(body)
    if not m:
        return None
    return dt.date(2000, _month_of(m.group(2).lower()), 1)



# (session 50) a holding dated by a part of a year or a month, not a day ("В начале года жители вышли на митинги", "в
# середине июня ... перекрыли трассу", Kazakh "жыл басында", "маусымның ортасында"): a news report of its own holding
# names the day; this is the story's history - unless the month is that of publication or the one before, or the
# sentence brings it to the present or names a day
_PART = r"(?:самом\s+)?(?:начале|середине|конце)"
_PERIOD_RE = re.compile(r"\bв\s+" + _PART + r"\s+(?:(?:этого|текущего|нынешнего|прошлого|минувшего|позапрошлого)\s+)?года\b|"
                        r"\bв\s+" + _PART + r"\s+(?:прошлого|минувшего)\s+месяца\b|"
                        r"\bв\s+" + _PART + r"\s+(" + "|".join(_RU_MONTHS_GEN) + r")\b(?!\s+(?:19|20)\d\d)|"
                        r"\bжыл(?:дың)?\s+(?:басында|ортасында|соңында|аяғында)\b|"
                        r"\b(" + "|".join(_KK_MONTHS) + r")\w*\s+(?:айының\s+)?(?:басында|ортасында|соңында|аяғында)\b", re.I)
_DAY_RE = re.compile(r"\b\d{1,2}\s*(?:-?\w*\s+)?(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
                     r"қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)", re.I)


def vague_period(text: str, published: dt.date | None) -> bool:
    """The sentence dates its holding by a part of a year or a month only (see `_PERIOD_RE`), another time."""
    m = _PERIOD_RE.search(text)
    if not m or _DAY_RE.search(text) or RECENT_RE.search(text):
        return False
    word = (m.group(1) or m.group(2) or "").lower()
    if word and published is not None:
        return (published.month - _month_of(word)) % 12 >= 2
    return True
