"""(round 19) The scope of a detention sentence: is it the detained of THIS assembly? Not a detention told
for an earlier day than the event's ("на днях", "накануне", "вчера ночью" when the event is today; Kazakh
"екі күн бұрын", "кеше"), not one abroad ("Тем временем в Москве задержаны 15 человек", "Мәскеуде 30 адам
ұсталды"), not a delay ("выплата зарплаты задержана"), not the people a gathering demands to free in Kazakh
("... қамалған белсендіні бостандыққа шығаруды талап етті"). Used by detentions.py; plain regular expressions,
nothing heavy per article."""
from __future__ import annotations

import datetime as dt
import re

from assets.media import triage_abroad
from assets.media.triage_abroad import FOREIGN_DIVISION_RE
from assets.media.triage_modes import without_thing_ago

# a day before the event's ("на днях", "накануне" not followed by the assembly, "позавчера", "днём ранее",
# "N дней назад", "неделей ранее"; Kazakh "бірнеше күн бұрын", "екі күн бұрын", "алдыңғы күні")
EARLIER_DAY_RE = re.compile(
    r"\bна\s+днях\b|"
    r"\bпозавчера\b|\bдн[её]м\s+ранее\b|\b(?:неделей|месяцем|днями)\s+ранее\b|"
    r"\b(?:\d+|дв[ау]|тр[иое]|четыр\w+|пят\w*|несколько|пару)\s+(?:дн[ейя]|недел[иью]|месяц\w*)\s+(?:назад|тому\s+назад|ранее)\b|"
    r"\bнедел[юи]\s+назад\b|\bна\s+прошлой\s+неделе\b|"
    r"(?<!\w)(?:\d+|бір|екі|үш|төрт|бес|алты|жеті|бірнеше)\s+(?:күн|апта|ай)\s+бұрын\b|\bалдыңғы\s+күні\b|"
    r"\bөткен\s+аптада\b", re.I)
# yesterday or last night: earlier only when the event is told as today ("Сегодня ... вышли на пикет", present
# tense "выражают", "бүгін") or the night is named ("вчера ночью", "прошлой ночью", "кеше түнде")
# (session 28) what a note, a letter or an appeal says ("В записке говорилось о лидерах ОСДП ..., задержанных полицией
# ещё до начала митинга"): its content, not a detention the article reports
DOCUMENT_CONTENT_RE = re.compile(r"^\W*(?:в|во)\s+(?:(?:сво\w+|ее|её|его|их)\s+)?(?:записк|письм|обращени|листовк|заявлени|петици|видеообращени)\w*\s+"
                                 r"(?:[\w-]+\s+){0,2}?(?:говорил\w*|говорится|шла\s+речь|речь\s+шла|упоминал\w*|сказано)\b", re.I)
# (session 54) a Kazakh action named as like the event ("Оралда полиция осындай акцияның 7 қатысушысын ұстады"): another
# event, in the other city the sentence names (a Russian "аналогичной акции" is an event sentence of its own, whose city
# is another event's already)
SIMILAR_ACTION_RE = re.compile(r"(?<!\w)(?:дәл\s+|тура\s+)?(?:осындай|сондай)\s+(?:[\w-]+\s+)?(?:акци|митинг|пикет|шеру|жиын|"
                               r"наразылық)", re.I)
YESTERDAY_RE = re.compile(r"\bвчера\b|(?<!\w)кеше\b", re.I)
# "накануне" is also a reporter's "yesterday": earlier only when the sentence names no participant of the assembly
# ("Накануне полиция задержала 12 человек за драку"; not "Накануне полиция задержала 20 участников митинга")
EVE_RE = re.compile(r"\bнакануне\b(?!\s+(?:[\w-]+\s+)?(?:акци|митинг|пикет|шестви|марш|голодовк|собрани|протест|выступлени))",
                    re.I)
LAST_NIGHT_RE = re.compile(r"\bвчера\s+(?:поздно\s+)?(?:ночью|вечером)\b|\b(?:прошлой|минувшей)\s+ночью\b|(?<!\w)кеше\s+(?:түнде|кешке)\b",
                           re.I)
TODAY_RE = re.compile(r"\bсегодня\b|(?<!\w)бүгін\b|\bв\s+эти\s+минуты\b|\bпрямо\s+сейчас\b", re.I)

# a period's statistics ("за последний год задержали 300", "с начала года", "в течение месяца", "жыл басынан бері")
STATS_PERIOD_RE = re.compile(r"\bза\s+(?:(?:последн|прошедш|минувш|текущ|этот|эти)\w*\s+)?(?:\d+\s+)?(?:год|месяц|недел|полгода|"
                             r"квартал|лет)\w*\b|\bс\s+начала\s+(?:года|месяца|\d{4})|\bв\s+течение\s+(?:года|месяца|\d+\s+лет)|"
                             r"\bжыл\s+басынан|\bбиылғы\s+жылы\s+(?:[\w-]+\s+){0,3}?барлығы|\bсоңғы\s+(?:[\w-]+\s+)?жыл", re.I)
# a delay, not a detention: the wage, a flight, a train "задержан(а)" ("Выплата зарплаты задержана на три месяца")
DELAY_RE = re.compile(r"(?:выплат|зарплат|заработн\w*\s+плат|пенси|пособи|стипенди|рейс|поезд|вылет|отправлени|поставк|"
                      r"строительств|сдач)\w*\s+(?:[\w-]+\s+){0,2}?(?:был[аио]?\s+|были\s+)?(?:задержан|задерживал|задерживаю)\w*",
                      re.I)

# Kazakh: a demand to free someone ("белсендіні бостандыққа шығаруды талап етті", "босатуды сұрады"): its clause
# describes the supported, detained before, not the gathering's detained
KK_DEMAND_FREE_RE = re.compile(r"(?:бостандыққа\s+шығар|босат)\w*\s+(?:[\w-]+\s+){0,2}?(?:талап|сұра|өтін)", re.I)

# a foreign place in Kazakh, in the locative ("Мәскеуде", "Ресейде", "Бішкекте", "Қырғызстанда")
KK_ABROAD_LOC_RE = re.compile(r"(?<!\w)(?:Мәскеу|Ресей|Бішкек|Қырғызстан|Өзбекстан|Ташкент|Минск|Беларусь|Украина|Киев|"
                              r"Түркия|Қытай|Грузия|Mäskeu|Resei)\w*(?:де|да|те|та|нде|нда)\b")


# (session 53) assemblies named by a month ("январские акции", "мартовский митинг"): another month's than the event's
MONTH_ASSEMBLY_RE = re.compile(r"\b(январ|феврал|мартов|апрел|май|июн|июл|августов|сентябр|октябр|ноябр|декабр)ь?ск\w*\s+"
                               r"(?:[\w-]+\s+)?(?:акци|митинг|протест|пикет|шестви|забастовк|выступлени|собрани)", re.I)
_MONTHS = ("январ", "феврал", "мартов", "апрел", "май", "июн", "июл", "августов", "сентябр", "октябр", "ноябр", "декабр")
_THEN_RE = re.compile(r"^\W*(?:тогда|в\s+тот\s+раз)\b", re.I)


def other_month_indices(search: list, day: dt.date | None, anchor=None) -> set[int]:
    """(session 53) Sentences telling of assemblies another month named ("Отметим, что январские акции прошли
    иначе") in a report of `day`'s month, and a sentence right after one that opens with "Тогда" ("Тогда задержали 20
    человек"): that month's detentions, not the event's. Never the event's own sentence (`anchor`)."""
    out: set[int] = set()
    if day is None:
        return out
    for s in search:
        m = MONTH_ASSEMBLY_RE.search(s.text)
        if m and _MONTHS.index(m.group(1).lower()) + 1 != day.month:
            out.add(s.index)
        elif s.index - 1 in out and _THEN_RE.match(s.text):
            out.add(s.index)
    return out - {anchor.index if anchor is not None else -1}


def earlier_day(text: str, anchor: str) -> bool:
    """The sentence tells of a detention on an earlier day than the event the anchor sentence tells (session 29: not a
    thing's time ago, "требовавших отменить приказ, подписанный три месяца назад")."""
    if EARLIER_DAY_RE.search(without_thing_ago(text)) and not EARLIER_DAY_RE.search(without_thing_ago(anchor)):
        return True
    if EVE_RE.search(text) and not EVE_RE.search(anchor) and not PARTICIPANT_RE.search(text):
        return True
    if LAST_NIGHT_RE.search(text) and not LAST_NIGHT_RE.search(anchor):
        return True
    return bool(YESTERDAY_RE.search(text) and not YESTERDAY_RE.search(anchor) and TODAY_RE.search(anchor))


def abroad(text: str) -> bool:
    """The detention is told in a foreign place ("в Москве", "в России", "Мәскеуде")."""
    # (session 31: or in a foreign country's county or autonomous region, "задержан в поселке Карагаш в уезде Кульджа
    # Или-Казахского автономного округа")
    return bool(triage_abroad.FOREIGN_AT_RE.search(text) or KK_ABROAD_LOC_RE.search(text)
                or FOREIGN_DIVISION_RE.search(text))


def without_delays(text: str) -> str:
    """The sentence with its delays ("выплата зарплаты задержана") taken out."""
    return DELAY_RE.sub(" ", text)


def without_kk_demand(text: str) -> str:
    """A Kazakh sentence without the clause that demands someone's release (its detention is the supported's)."""
    m = KK_DEMAND_FREE_RE.search(text)
    if not m:
        return text
    start = max(text.rfind(",", 0, m.start()), text.rfind(";", 0, m.start()))
    return text[:start + 1] if start >= 0 else ""


# the detained are the assembly's attackers, not its participants ("Трое молодых людей, напавших на участников
# акции, задержаны", "за нападение на членов партии", "пытались совершить противоправные действия в отношении
# участников", "провокаторов задержали"; Kazakh "шабуылдаған", "шабуыл жасаған")
ATTACKERS_RE = re.compile(r"напавш\w+|нападавш\w+|(?:нападени\w+|напа(?:сть|ли|л|дать))\s+на\s+(?:[\w-]+\s+)?(?:участник|активист|"
                          r"член|пикетчик|митингующ|протестующ|журналист|оператор|собравш|женщин|девушек)|"
                          r"противоправн\w+\s+действи\w+\s+в\s+отношении\s+(?:[\w-]+\s+)?(?:участник|активист|митингующ)|"
                          r"провокатор\w*|шабуыл(?:даған|\s+жасаған)", re.I)
# what tells, for the whole article, that the detained were attackers (not "провокатор", a label the authorities also
# give protesters: "Полиция назвала митингующих провокаторами")
ATTACKERS_TOLD_RE = re.compile(ATTACKERS_RE.pattern.replace(r"провокатор\w*|", ""), re.I)
# who took part: a detention sentence that names them is the assembly's even where attackers are told
PARTICIPANT_RE = re.compile(r"участник|участвова|митингующ|протестующ|пикетчик|активист|демонстрант|собравш|вышедш|"
                            r"қатысушы|наразы|жиналған", re.I)
# a place named by its kind and a name the gazetteer does not know ("в городе Шикменте", "в селе Береке", "в г. Кентау"):
# a detention placed there is not the event's city's
NAMED_PLACE_RE = re.compile(r"\b[Вв]\s+(?:городе|г\.|селе|с\.|посёлке|поселке|п\.|ауле|райцентре|станице)\s*[А-ЯЁ][\w-]+")


def attackers(text: str, told: bool) -> bool:
    """The sentence's detained are the attackers: it says so, or the article told of attackers (`told`) and the
    sentence names no participant."""
    return bool(ATTACKERS_RE.search(text) or (told and not PARTICIPANT_RE.search(text)))
