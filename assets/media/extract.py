"""Extraction of assembly events from Russian (and, more roughly, Kazakh) news text.

Each extracted field keeps the sentence it came from (`evidence`). Rules, not a trained model:
they are written to be read and corrected (docs/media.md lists them and their measured accuracy).

An article usually reports one event; a digest reporting several ("3 мая ... 18 мая ...") is cut
into one segment per dated event sentence.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import asdict, dataclass, field

from assets.media import dates as dates_mod
from assets.media import places, triage
from assets.media.parse import detect_lang
from assets.media.text import TOKEN_RE, Sentence, lemma, lemmas, normalise, parses, sentences, tokens, yo

# -- numbers ----------------------------------------------------------------------------------
NUM_WORDS = {
    "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
    "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300,
    "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8, "девятеро": 9,
    "десятеро": 10, "полсотни": 50, "полусотни": 50, "полусотня": 50, "полтысячи": 500,
}
# vague quantities: (low, best, high)
VAGUE = [
    (re.compile(r"екі\s+жүзге\s+жуық", re.I), (180, 200, 220)),
    (re.compile(r"жүзге\s+жуық|жүз\s+шақты", re.I), (90, 100, 110)),
    (re.compile(r"(?<!\w)ондаған", re.I), (20, 40, 90)),
    (re.compile(r"(?<!\w)жүздеген", re.I), (200, 400, 900)),
    (re.compile(r"(?<!\w)мыңдаған", re.I), (2000, 4000, 9000)),
    (re.compile(r"(?<!\w)бірнеше", re.I), (3, 5, 9)),
    (re.compile(r"несколько\s+тысяч", re.I), (2000, 3000, 9000)),
    (re.compile(r"несколько\s+сотен", re.I), (200, 300, 900)),
    (re.compile(r"несколько\s+десятков", re.I), (20, 30, 90)),
    (re.compile(r"более\s+(?:чем\s+)?(?:сотни|ста)\b", re.I), (101, 120, 150)),
    (re.compile(r"(?:около|порядка|примерно)\s+(?:сотни|ста)\b", re.I), (90, 100, 110)),
    (re.compile(r"(?:около|порядка|примерно)?\s*десятка\b|\bдесяток\b", re.I), (8, 10, 12)),
    (re.compile(r"\bдесятки\b", re.I), (20, 40, 90)),
    (re.compile(r"\bсотни\b", re.I), (200, 400, 900)),
    (re.compile(r"\bтысячи\b", re.I), (2000, 4000, 9000)),
    (re.compile(r"нескольк(?:о|их|им|ими)\b", re.I), (3, 5, 9)),
    (re.compile(r"\bгруппа\b|\bгруппы\b", re.I), (3, 5, 15)),
]
QUALIFIERS = [
    (re.compile(r"(?:не\s+менее|не\s+меньше|как\s+минимум|минимум|по\s+меньшей\s+мере)\s*$", re.I), "at_least"),
    (re.compile(r"(?:более|свыше|больше|более\s+чем|чуть\s+более|чуть\s+больше)\s*$", re.I), "more"),
    (re.compile(r"(?:около|примерно|порядка|приблизительно|ориентировочно|где-то|почти|шамамен)\s*$", re.I), "about"),
    (re.compile(r"(?:менее|меньше|не\s+более|не\s+больше|до)\s*$", re.I), "up_to"),
]
KK_ABOUT_RE = re.compile(r"^\s*-?\s*(?:ға|ге|қа|ке)\s+жуық", re.I)
KK_MORE_RE = re.compile(r"^\s*-?\s*(?:дан|ден|тан|тен|нан|нен)\s+(?:астам|артық|көп)", re.I)

PEOPLE_LEMMAS = {
    "человек", "участник", "участница", "житель", "жительница", "рабочий", "пикетчик", "протестующий", "активист",
    "активистка", "женщина", "мужчина", "пенсионер", "пенсионерка", "студент", "митингующий", "демонстрант",
    "родитель", "мать", "мама", "дольщик", "вкладчик", "ипотечник", "заемщик", "шахтер", "горняк", "нефтяник",
    "фермер", "аграрий", "предприниматель", "торговец", "водитель", "гражданин", "люди", "учитель", "врач",
    "инвалид", "ветеран", "сторонник", "молодой", "член", "сотрудник", "работник", "мать-одиночка", "жилец",
    "собственник", "голодающий", "девушка", "юноша", "школьник", "волонтер", "зритель", "делегат", "акционер",
}
KK_PEOPLE_RE = re.compile(r"^\s*(?:-?\s*(?:ға|ге|қа|ке)\s+жуық|-?\s*(?:дан|ден|тан|тен|нан|нен)\s+(?:астам|артық))?\s*"
                          r"(?:\w+\s+)?(адам|тұрғын|үлескер|қатысушы|жұмысшы|әйел|ана|зейнеткер|белсенді|шаруа|кісі)", re.I)
PRONOUN_COUNT_RE = re.compile(r"\b(?:их|нас)\s+(?:было\s+)?(?:около|примерно|порядка|более|свыше|не\s+менее|почти)?\s*$", re.I)
POLICE_LEMMAS = {"полицейский", "полиция", "спецназовец", "правоохранитель", "силовик", "военнослужащий", "омоновец"}
DETAIN_RE = re.compile(r"задерж(?!ан\w*\s+(?:зарплат|выплат))|"
                       r"(?:закончил\w*|оказал\w*|очутил\w*)\s+(?:[\w-]+\s+){0,4}?(?:в\s+участке|в\s+автозак\w*|"
                       r"в\s+отделени\w+|в\s+изолятор\w*)|"
                       r"(?:доставл|доставил|увез|увоз|отвез|отвоз|забрал|увел|увод|повез|посадил)\w*\s+(?:[\w-]+\s+){0,6}?"
                       r"(?:в|к)\s+(?:[\w-]+\s+){0,2}?(?:отдел|овд|рувд|управлени|участ|пункт\w*\s+полиц|департамент\w*\s+полиц|"
                       r"полици|автозак|автобус|изолятор|ивс|спецприемник)|"
                       r"(?:в\s+сторону|к\s+зданию)\s+(?:\w+\s+)?(?:департамента|управления|отдела)\s+полиции|"
                       r"\bарестован\w*|ұстал|ұстап\s+әкет|қамауға\s+алын|полицияға\s+(?:апар|алып\s+кет)", re.I)
NO_DETAIN_RE = re.compile(
    r"задержаний\s+не\s+было|без\s+задержаний|никто\s+(?:не\s+был\s+задержан|задержан\s+не\s+был|не\s+задержан|"
    r"не\s+задерживал\w*)|никого\s+не\s+задерживал\w*|никого\s+не\s+задержал\w*|задерживать\s+(?:\w+\s+){0,2}не\s+стал\w*|"
    r"не\s+задерживал\w*|не\s+стал[аи]?\s+(?:\w+\s+)?задерживать|никто\s+не\s+задерживал\w*|никого\s+не\s+задержива\w+|ешкім(?:ді)?\s+(?:ұстаған\s+жоқ|ұсталмады)|обошлось\s+без\s+задержан", re.I)
PREVENTIVE_RE = re.compile(r"до\s+начала\s+(?:акци|митинг|пикет|шестви)|превентивн|у\s+(?:своих\s+)?домов|на\s+подходе\s+к", re.I)
ALL_DETAINED_RE = re.compile(
    r"(?:задержал|доставил|увез|отвез|забрал)\w*\s+(?:\w+\s+){0,2}?всех|всех\s+(?:\w+\s+){0,3}?(?:задержал|доставил|увез|отвез|забрал)|"
    r"все\s+(?:\w+\s+){0,2}?(?:были\s+)?(?:задержан|доставлен)|"
    r"^\s*(?:объявивших|протестующих|участников|митингующих|голодающих|пикетчиков|собравшихся|их)\s+(?:\w+\s+){0,2}?"
    r"(?:доставили|задержали|увезли|отвезли|забрали)", re.I)
SINGULAR_DETAIN_RE = re.compile(
    r"\b(?:был[аи]?\s+)?задержан[аы]?\b|\bзадержали\s+(?:его|ее|её|пикетчик\w*|активист\w*|мужчин\w*|женщин\w*|пенсионер\w*)\b|"
    r"\bего\s+(?:задержали|доставили)|\bеё\s+(?:задержали|доставили)|\bее\s+(?:задержали|доставили)", re.I)


@dataclass
class Quantity:
    low: int
    best: int
    high: int
    start: int
    end: int
    text: str


def _word_number(tok: str) -> int | None:
    t = tok.lower().replace("\u200b", "")
    if t.isdigit():
        return int(t)
    if t in NUM_WORDS:
        return NUM_WORDS[t]
    lem = lemma(t)
    return NUM_WORDS.get(lem)


def _bounds(n: int, how: str | None) -> tuple[int, int, int]:
    # integer arithmetic: math.ceil(50 * 1.1) is 56 in floating point
    def up(k: int) -> int:  # ceil(n * k / 10)
        return -(-n * k // 10)

    if how == "about":
        return n * 9 // 10, n, up(11)
    if how == "more":
        return n + 1, up(11), up(13)
    if how == "at_least":
        return n, n, up(12)
    if how == "up_to":
        return up(5), n * 8 // 10, n
    return n, n, n


THOUSANDS_SEP_RE = re.compile(r"(?<![\d.,])(\d{1,3})(?:[ \u00a0\u202f\u2009](\d{3}))+(?![\d.,]?\d)")
# "от 1,5 до 2 тыс. человек", "1,5 тысячи": decimal thousands
RANGE_THOUSANDS_RE = re.compile(r"\bот\s+(\d+(?:[.,]\d+)?)\s+(?:тыс\w*\.?\s+)?до\s+(\d+(?:[.,]\d+)?)\s*(тыс\.|тысяч\w*)", re.I)
DECIMAL_THOUSANDS_RE = re.compile(r"(?<![\d.,])(\d+[.,]\d+)\s*(тыс\.|тысяч\w*)", re.I)
# what a number is when it is not a head count: an age, a duration, a height, money, an article of a law
NOT_COUNT_AFTER_RE = re.compile(
    r"^\s*-?\s*(?:летн|лет\b|года?\b|годам|жас|жыл|месяц|недел|дн[ея]|дней|сут|час|минут|секунд|метр|км\b|килом|"
    r"тенге|тг\b|\$|доллар|рубл|евро|мрп|%|процент|суток|этаж|раз\b|раза\b|балл|градус|тонн|литр|квадрат|гектар|"
    r"млн|млрд|миллион|миллиард|ребен|дет(?:ей|ьми|ям)|сын|доч|внук|мест\b|посадочн)", re.I)
NOT_COUNT_BEFORE_RE = re.compile(r"(?:\bстать[яиеюй]\w*|\bст\.|\bп\.|\bпункт\w*|\bчаст[ьи]|№|\bномер\w*|\bпо|"
                                 r"\bв\s+возрасте)\s*$", re.I)
FAMILY_LEMMAS = {"ребенок", "сын", "дочь", "внук", "внучка", "брат", "сестра", "муж", "жена", "родственник",
                 "сноха"}


def _prepare_numbers(text: str) -> str:
    """'3 000' -> '3000' (same length, so offsets stay valid: padded with zero-width joins removed)."""
    return THOUSANDS_SEP_RE.sub(lambda m: re.sub(r"[ \u00a0\u202f\u2009]", "\u200b", m.group(0)), text)


def quantities(text: str) -> list[tuple[Quantity, str]]:
    """Number expressions followed by what they count: [(Quantity, following words)]."""
    out: list[tuple[Quantity, str]] = []
    used: list[tuple[int, int]] = []
    text = _prepare_numbers(text)
    low_text = text
    for m in RANGE_THOUSANDS_RE.finditer(text):
        a = round(float(m.group(1).replace(",", ".")) * 1000)
        b = round(float(m.group(2).replace(",", ".")) * 1000)
        if b > a:
            used.append((m.start(), m.end()))
            out.append((Quantity(a, round((a + b) / 2), b, m.start(), m.end(), m.group(0)), text[m.end():m.end() + 60]))
    for m in DECIMAL_THOUSANDS_RE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in used):
            continue
        n = round(float(m.group(1).replace(",", ".")) * 1000)
        before = text[max(0, m.start() - 30):m.start()]
        how = next((name for rx, name in QUALIFIERS if rx.search(before)), None)
        lo, best, hi = _bounds(n, how)
        used.append((m.start(), m.end()))
        out.append((Quantity(lo, best, hi, m.start(), m.end(), m.group(0)), text[m.end():m.end() + 60]))
    for rx, (lo, best, hi) in VAGUE:
        for m in rx.finditer(low_text):
            if any(a < m.end() and m.start() < b for a, b in used):
                continue
            after = low_text[m.end():m.end() + 60]
            # "несколько" followed by a number word is not vague ("несколько сотен" is handled above)
            if rx.pattern.startswith("нескольк") and re.match(r"\s+(?:десят|сот|тысяч)", after):
                continue
            used.append((m.start(), m.end()))
            out.append((Quantity(lo, best, hi, m.start(), m.end(), m.group(0)), after))
    for h in dates_mod.find_dates(text, None):
        used.append((h.start, h.end))  # "3 мая", "03.05.2017" are dates, not counts
    for m in re.finditer(r"\b\d{1,2}[:.]\d{2}\b|\b(?:19|20)\d{2}\s*(?:год|г\.)|\d+\s*(?:%|процент)", text):
        used.append((m.start(), m.end()))
    toks = list(re.finditer(r"\d+(?:\u200b\d{3})*|[^\W\d_]+(?:-[^\W\d_]+)*", text))
    i = 0
    while i < len(toks):
        m = toks[i]
        n = _word_number(m.group(0))
        if n is None or any(a < m.end() and m.start() < b for a, b in used):
            i += 1
            continue
        start, end = m.start(), m.end()
        # compound: "двадцать пять", "сто двадцать"
        j = i + 1
        while j < len(toks) and not m.group(0).replace("\u200b", "").isdigit():
            nxt = _word_number(toks[j].group(0))
            if nxt is None or toks[j].group(0).isdigit() or nxt >= n or text[end:toks[j].start()].strip():
                break
            n += nxt
            end = toks[j].end()
            j += 1
        after = text[end:end + 60]
        # "20 тысяч" -> 20000, "трех десятков" -> 30, "двух сотен" -> 200
        mult = re.match(r"\s+(тысяч\w*|тыс\.|десятк\w*|десяток|сотн\w*|сотен)", after)
        if mult:
            w = mult.group(1).lower()
            n *= 1000 if w.startswith("тыс") else 10 if w.startswith("десят") else 100
            end += mult.end()
            after = text[end:end + 60]
        # "от 30 до 40", "30-40"
        before = text[max(0, start - 30):start]
        rng = re.match(r"\s*(?:-|–|—|до)\s*(\d+)(?!\s*-?\s*(?:летн|лет\b|год|жас))", after)
        if rng and m.group(0).replace("\u200b", "").isdigit():
            hi = int(rng.group(1))
            if hi > n:
                end += rng.end()
                after = text[end:end + 60]
                out.append((Quantity(n, round((n + hi) / 2), hi, start, end, text[start:end]), after))
                used.append((start, end))
                i = j + 1
                continue
        how = None
        for rx, name in QUALIFIERS:
            if rx.search(before):
                how = name
                break
        kk = KK_ABOUT_RE.match(after) or KK_MORE_RE.match(after)
        if kk:
            how = "about" if KK_ABOUT_RE.match(after) else "more"
        lo, best, hi = _bounds(n, how)
        out.append((Quantity(lo, best, hi, start, end, text[start:end]), after))
        used.append((start, end))
        i = j
    out.sort(key=lambda q: q[0].start)
    return out


def _counted_noun(after: str) -> tuple[str, str] | None:
    """What a number counts: ('people'|'police', lemma) when the next noun is a person, else None."""
    if NOT_COUNT_AFTER_RE.match(after):
        return None  # "55-летняя", "15 суток", "250 тысяч тенге", "троих детей"
    if KK_PEOPLE_RE.match(after):
        return "people", KK_PEOPLE_RE.match(after).group(1)
    words = re.findall(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+(?:-[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+)*", after)[:4]
    if not words:
        return None
    if re.match(r"\s*(?:из|\()", after):
        return None
    for k, w in enumerate(words):
        if re.search("[әғқңөұүһі]", w.lower()):
            return None  # a Kazakh word that KK_PEOPLE_RE did not take
        if re.fullmatch(r"тысяч\w*|сот\w*|десят\w*", w.lower()):
            continue
        ps = parses(w.lower())
        lem = yo(ps[0].normal_form) if ps else w.lower()
        if lem in POLICE_LEMMAS:
            return "police", lem
        if lem == "сотрудник" and k + 1 < len(words) and re.match(r"полиц|правоохран|овд|рувд|дп", words[k + 1].lower()):
            return "police", "сотрудник полиции"
        if lem in FAMILY_LEMMAS:
            return None
        common = [p for p in ps[:3] if not ({"Name", "Surn", "Patr", "Geox", "Orgn"} & p.tag.grammemes)]
        if lem in PEOPLE_LEMMAS or any(p.tag.POS == "NOUN" and "anim" in p.tag for p in common[:2]):
            return "people", lem
        if any(p.tag.POS in ("ADJF", "PRTF", "ADVB") for p in ps[:2]) and k < 2:
            continue  # "40 рабочих строительной", "30 валютных ипотечников"
        return None
    return None


# -- event fields ------------------------------------------------------------------------------
FORM_RULES = [
    ("single_picket", re.compile(r"одиночн\w+\s+(?:пикет|акци|протест)|одиночк\w+ пикет|жеке\s+пикет|бір\s+адамдық", re.I)),
    ("hunger_strike", re.compile(r"голодовк|голодающ|голодал|голодают|аштық", re.I)),
    ("chaining", re.compile(r"прикова|приковыва|цепь\w*\s+к\b", re.I)),
    ("crane_climb", triage.CRANE_RE),
    ("road_block", triage.ROADBLOCK_RE),
    ("march", re.compile(r"\bшестви|\bмаршем|\bмарш\s+(?:протеста|против|несогласн|мира)|прошли\s+колонной|\bшеру", re.I)),
    ("flashmob", re.compile(r"флеш-?моб|флэш-?моб", re.I)),
    ("happening", re.compile(r"х[эе]п+енинг|перформанс", re.I)),
    ("rally", re.compile(r"(?<!не\s)(?<!«)митинг|митингующ|митингова", re.I)),
    ("picket", re.compile(r"(?<!не\s)(?<!«)пикет|пикетчи|пикетирова", re.I)),
]
TOPIC_RULES = [
    re.compile(r"\b(?:требуя|требуют|требовали|требовал[аи]?|потребовали|требует|выдвинули\s+требование)[\s,]+(.{4,160}?)(?=[.;!?]|,\s+(?:так как|поскольку|а также|после|однако|но)\b|$)", re.I),
    re.compile(r"\bс\s+требовани\w+\s+(.{8,160}?)(?=[.;!?]|$)", re.I),
    re.compile(r"\b((?:в\s+знак\s+протеста\s+)?против(?:,\s+как\s+[^,]+,)?\s+.{6,160}?)(?=[.;!?]|,\s+(?:который|которые|так как|требуя|а\s+также|по\s+делу)\b|$)", re.I),
    re.compile(r"\b(?:выражали|выразили|выражая)\s+недовольство\s+(.{6,160}?)(?=[.;!?]|$)", re.I),
    re.compile(r"\bв\s+знак\s+протеста\s+((?!против).{6,160}?)(?=[.;!?]|$)", re.I),
    re.compile(r"\b(в\s+поддержку\s+.{6,160}?)(?=[.;!?]|,|$)", re.I),
    re.compile(r"\b(?:по\s+поводу|из-за)\s+(.{6,120}?)(?=[.;!?]|,|$)", re.I),
    re.compile(r"\bпосвящ[её]нн\w*\s+(.{6,120}?)(?=[.;!?]|,|$)", re.I),
    re.compile(r"\b(?:талап\s+етті|талап\s+етуде)", re.I),
]
ECONOMIC = {"зарплата", "заработный", "задолженность", "долг", "ипотека", "ипотечный", "ипотечник", "кредит", "банк",
            "тариф", "цена", "рынок", "торговец", "сокращение", "увольнение", "штат", "жилье", "квартира", "дольщик",
            "компенсация", "субсидировать", "субсидия", "налог", "премия", "выплатить", "выплата", "деньги",
            "коммунальный", "тепло", "вода", "зерно", "закупочный", "пенсия", "пенсионный", "снос", "рефинансировать",
            "работа", "место", "жилой", "достроить", "ремонт", "отопление", "газ", "свет"}
POLITICAL = {"выборы", "выбор", "политический", "репрессия", "оппозиция", "оппозиционный", "свобода", "цензура",
             "сми", "президент", "конституция", "земельный", "кодекс", "поправка", "референдум", "политзаключенный",
             "правозащитник", "консульство", "синьцзян", "лагерь", "китай", "демократия", "парламент", "правительство",
             "коррупция", "послание", "власть", "суд", "арест"}
NGO_RE = re.compile(r"(?:партия|партии|движени\w+|объединени\w+|организаци\w+|инициатив\w+|профсоюз\w*|крыл\w+|фонд\w*|"
                    r"союз\w*|ассоциаци\w+|ОСДП|«[^»]{2,40}»)", re.I)
ORGANISER_RE = re.compile(r"организатор\w*|организова\w+|по\s+заявке|инициатор\w*|провел[аи]?\s+(?:партия|движение|объединение)", re.I)
NAMED_ORG_RE = re.compile(r"(?:партия|партии|движени\w+|объединени\w+|организаци\w+|инициатив\w+|крыл\w+|фонд\w*|"
                          r"союз\w*|ассоциаци\w+|профсоюз\w*)\s+«([^»]{2,60})»", re.I)
PLACE_RE = re.compile(
    r"\b((?:у|возле|около|перед|напротив|на|в|к|рядом\s+с|близ)\s+"
    r"(?:здани\w+|вход\w*|офис\w*|филиал\w*|памятник\w*|площад\w+|сквер\w*|акимат\w*|консульств\w+|посольств\w+|"
    r"забор\w*|ворот\w*|стен\w*|набережн\w+|парк\w*|двор\w+|министерств\w+|суд\w*|прокуратур\w+|банк\w*|"
    r"проспект\w*|улиц\w+|монумент\w*|торгов\w+\s+центр\w*|шахт\w*|трасс\w+|строительн\w+\s+площадк\w+|"
    r"помещени\w+|мажилис\w*|парламент\w*|генеральн\w+\s+консульств\w+|специально\s+отведенн\w+\s+мест\w*)"
    r"(?:[^.;!?()]{0,90}?))(?=[,.;!?()]|\s+(?:и\s+)?(?:требуя|протестуя|чтобы|с\s+требованием|в\s+знак|где|когда|"
    r"однако|после|выступа|собрал|провел|вышл|вышел|держал|скандир)|$)", re.I)
ATTRIBUTES = [("placards", re.compile(r"плакат", re.I)), ("banners", re.compile(r"транспарант|баннер|растяжк", re.I)),
              ("leaflets", re.compile(r"листовк", re.I)), ("flags", re.compile(r"\bфлаг", re.I)),
              ("symbols", re.compile(r"символик", re.I))]
DURATION_RES = [
    re.compile(r"(\d+)-минутн", re.I),
    re.compile(r"(?:продолжал\w*|продлил\w*|длил\w*|длящ\w*|в\s+течение|парализован\w*|около|спустя|через)\s+"
               r"(?:около\s+|примерно\s+|всего\s+|порядка\s+)?([\w-]+\s+)?(минут\w*|час\w*|полчаса|полтора\s+часа)", re.I),
]
TIME_RE = re.compile(r"\bв\s+(\d{1,2})[:.](\d{2})\b|\bв\s+(\d{1,2})\s+час\w*\s*(утра|дня|вечера)?|\bв\s+полдень\b", re.I)

POLICE_RE = re.compile(r"полиц|полицейск|правоохранител|сотрудник\w*\s+(?:овд|рувд|дп)|спецназ|участков\w+ инспектор|"
                       r"полиция\s+қызметкер|полиция", re.I)
POLICE_ABSENT_RE = re.compile(r"(?:полиц\w*|полицейск\w*)\s+(?:\w+\s+){0,4}?(?:не\s+присутствовал\w*|не\s+приезжал\w*|"
                              r"не\s+было|отсутствовал\w*|не\s+прибыл\w*|не\s+появил\w*)|без\s+(?:присутствия\s+)?полиции", re.I)
WARN_RE = re.compile(r"предупреди\w*|предупрежд\w*|предостерег\w*|ескерт", re.I)
PROSECUTOR_RE = re.compile(r"\bпрокурор\w*|(?:представител|сотрудник|работник)\w*\s+(?:\w+\s+)?прокуратур\w*|"
                           r"прокуратур\w+\s+(?:предупредил|вынесл|выдал|объявил)", re.I)
AKIMAT_RE = re.compile(r"(?:представител|сотрудник|работник)\w*\s+(?:\w+\s+)?акимат\w*|заместител\w+\s+акима|"
                       r"\bаким\w?\b(?!ат)(?:\s+(?:города|области|района|сельского|поселка))?(?:\s+\w+)?\s+(?:вышел|приехал|"
                       r"встретил|пообещал|принял|пригласил|подъехал|прибыл)|руководител\w+\s+(?:отдела|управления)|"
                       r"аким\s+сельского\s+округа|әкімдік\s+өкілі|акимат\w*\s+(?:предупредил|вынес)", re.I)
OBSTRUCTION_RE = re.compile(r"(?<!не\s)оттесн\w*|(?<!не\s)помешал\w*|(?<!не\s)препятствовал\w*|не\s+дали|вырвал\w*|"
                            r"отобрал\w*\s+(?:\w+\s+)?(?:плакат|транспарант|флаг)|не\s+пустил\w*|(?<!не\s)оцепил\w*", re.I)
DISPERSAL_RE = re.compile(r"разогнал\w*|разгон\w*|разогнан\w*|силой\s+вытеснил\w*", re.I)
RESPONSE_RE = re.compile(r"пообещал\w*|обещал\w*|заверил\w*|согласил\w*|принял\w*|встретил\w*|рассматрива\w+|"
                         r"пригласил\w*|уәде|кездесіп", re.I)
PERMISSION_RESPONSE_RE = re.compile(r"отказал\w*|разрешил\w*|согласовал\w*", re.I)
GRANTED_RE = re.compile(r"(?<!не\s)согласовал\w*|(?<!не\s)разрешил\w*|разрешени\w+\s+(?:на\s+[\w\s]+?\s+)?(?:\w+\s+){0,3}выдал|"
                        r"\bсогласованн\w+|\bсанкционированн\w+|получил\w*\s+разрешени\w+|(?<!не\s)разрешен\w*", re.I)
REFUSED_RE = re.compile(r"отказал\w*\s+(?:\w+\s+){0,3}в\s+(?:проведении|согласовании)|не\s+разрешил\w*|не\s+согласовал\w*|"
                        r"отказ\w*\s+в\s+(?:проведении|согласовании)", re.I)
OTHER_PLACE_RE = re.compile(r"предложил\w*\s+(?:\w+\s+)?(?:другое|иное|отдаленное)\s+место", re.I)
NOT_APPLIED_RE = re.compile(r"(?:заявк\w+|разрешени\w+)\s+(?:\w+\s+){0,6}?не\s+(?:подавал\w*|запрашивал\w*|получал\w*)|"
                            r"не\s+(?:подавал\w*|запрашивал\w*)\s+(?:\w+\s+){0,4}(?:заявк|разрешени)|без\s+разрешения|"
                            r"не\s+обращал\w*\s+в\s+акимат", re.I)
REASONS = [("expected_refusal", re.compile(r"все\s+равно\s+(?:не\s+разрешат|откажут)|уверены,?\s+что\s+(?:им\s+)?откаж", re.I)),
           ("spontaneous", re.compile(r"спонтанн|стихийн", re.I)),
           ("principled", re.compile(r"принципиальн|не\s+признаю\w*\s+закон|недемократичн\w+\s+закон", re.I)),
           ("unaware", re.compile(r"не\s+знал\w*,?\s+что\s+(?:нужн|необходим|требуется)", re.I))]
STATE_RE = re.compile(r"в\s+поддержку\s+(?:\w+\s+){0,2}(?:президент|послани|решени\w+\s+(?:власт|маслихат|акимат)|"
                      r"правительств|елбас)", re.I)
NON_PERSON_SUBJECTS = {"полиция", "полицейский", "акимат", "аким", "суд", "компания", "власть"}


@dataclass
class Event:
    url: str = ""
    title: str = ""
    published: dt.date | None = None
    event_key: str = ""
    date: dt.date | None = None
    time_start: str | None = None
    city: str | None = None
    settlement: str | None = None
    place: str | None = None
    form: str | None = None
    topic: str | None = None
    character: str | None = None
    organizer_type: str | None = None
    organizer_name: str | None = None
    participants_low: int | None = None
    participants: int | None = None
    participants_high: int | None = None
    duration_min: int | None = None
    attributes: str | None = None
    permission_requested: bool | None = None
    permission_answer: str | None = None
    reason_not_applied: str | None = None
    police_present: bool | None = None
    police_count: int | None = None
    police_warned: bool | None = None
    prosecutor_present: bool | None = None
    prosecutor_warned: bool | None = None
    akimat_present: bool | None = None
    akimat_warned: bool | None = None
    obstruction: bool | None = None
    dispersal: bool | None = None
    preventive_detentions: int | None = None
    detained: int | None = None
    state_organised: bool | None = None
    authorities_response: str | None = None
    lang: str = "ru"
    evidence: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = asdict(self)
        for k in ("date", "published"):
            if d[k] is not None:
                d[k] = d[k].isoformat()
        return d


def _clean_phrase(s: str, limit: int = 160) -> str:
    s = " ".join(s.split()).strip(" ,;:–—-")
    if len(s) > limit:
        s = s[:limit].rsplit(" ", 1)[0] + "…"
    return s


_STOP_POS = {"VERB", "GRND", "PRED", "CONJ", "PRCL"}


def _trim_topic(phrase: str) -> str:
    """Cut a topic phrase at its first finite verb; drop a lead-in before an infinitive
    ("властей предоставить жилье" -> "предоставить жилье") and "тем, что"."""
    phrase = re.split(r",\s+котор\w+|,\s+по\s+(?:его|ее|её|их)\s+(?:словам|мнению)", phrase.strip())[0]
    clause = re.match(r"^(?:(?:тем|того),?\s+)?(?:что|чтобы)\s+", phrase, flags=re.I)
    if clause:  # a whole subordinate clause is the demand: keep its verbs
        return _clean_phrase(phrase[clause.end():])
    phrase = re.sub(r"^против,\s+как\s+[^,]+,\s+", "против ", phrase, flags=re.I)
    toks = list(re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+", phrase))
    for k, m in enumerate(toks[:4]):
        ps = parses(m.group(0).lower())
        if k and ps and ps[0].tag.POS == "INFN":
            phrase = phrase[m.start():]
            toks = list(re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+", phrase))
            break
    for k, m in enumerate(toks):
        if k == 0:
            continue
        ps = parses(m.group(0).lower())
        if ps and ps[0].tag.POS in ("VERB", "GRND") and not re.search("[әғқңөұүһі]", m.group(0).lower()):
            phrase = phrase[:m.start()]
            break
    return _clean_phrase(phrase)


def _trim_place(phrase: str) -> str:
    """Keep the place phrase: stop at a verb, a conjunction, a date, a weekday, "не"; at most 9 words."""
    toks = list(re.finditer(r"«[^»]*»|[^\W\d_]+(?:-[^\W\d_]+)*|\d+", phrase))
    end = len(phrase)
    for k, m in enumerate(toks):
        w = m.group(0)
        if k >= 9:
            end = m.start()
            break
        if k < 2 or w.startswith("«"):
            continue
        lw = w.lower()
        if w.isdigit() or lw in ("не", "и", "а", "но", "во", "где", "когда", "чтобы") or lw in dates_mod.RU_WEEKDAYS:
            end = m.start()
            break
        ps = parses(lw)
        if ps and ps[0].tag.POS in _STOP_POS | {"INFN", "PRTS"} and not w[:1].isupper():
            end = m.start()
            break
        if ps and ps[0].tag.POS == "NOUN" and "accs" in ps[0].tag and "gent" not in str(ps[0].tag) and k >= 3 \
                and not w[:1].isupper() and not any("gent" in p.tag or "loct" in p.tag or "ablt" in p.tag for p in ps[:3]):
            end = m.start()
            break
    return _clean_phrase(phrase[:end], 120)


class _Doc:
    def __init__(self, title: str, text: str, published: dt.date | None):
        self.title = normalise(title or "")
        body = normalise(text or "")
        self.full = f"{self.title}\n{body}" if self.title else body
        self.sents = sentences(self.full)
        self.published = published
        self.has_title = bool(self.title)


def _dateline(doc: _Doc) -> tuple[str | None, dt.date | None, str | None]:
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


def _segments(doc: _Doc, tri: triage.TriageResult) -> list[list[Sentence]]:
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


def extract(title: str, text: str, *, published: dt.date | None = None, url: str = "",
            lang: str | None = None, triage_result: triage.TriageResult | None = None, force: bool = False) -> list[Event]:
    """Events reported by an article (empty when triage says it reports none, unless `force`)."""
    doc = _Doc(title, text, published)
    tri = triage_result or triage.classify(title, text)
    if not tri.is_assembly and not force:
        return []
    if not tri.event_sentences:
        tri = triage.TriageResult(tri.passed_quick, tri.is_assembly, tri.score, tri.reasons,
                                  [1 if doc.has_title and len(doc.sents) > 1 else 0])
    dl_city, dl_date, dl_sentence = _dateline(doc)
    segs = _segments(doc, tri)
    events = []
    for n, seg in enumerate(segs):
        ev = _extract_segment(doc, seg, tri, dl_city if n == 0 else None, dl_date if n == 0 else None, dl_sentence,
                              single=len(segs) == 1)
        ev.url, ev.title, ev.published = url, doc.title, published
        ev.lang = lang or detect_lang(doc.full)
        ev.event_key = hashlib.sha1(f"{url or doc.full[:500]}#{n}".encode()).hexdigest()[:16]
        events.append(ev)
    return events


def _extract_segment(doc: _Doc, seg: list[Sentence], tri: triage.TriageResult, dl_city, dl_date, dl_sentence,
                     single: bool) -> Event:
    ev = Event()
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
    anchor = anchors[0] if anchors else (body[0] if body else ordered[0])
    # sentences in the order they are searched: the event sentence first, then the rest of the segment
    # (background about earlier events left out)
    background = triage.background_indices(doc.sents)
    search = [anchor] + [s for s in body if s is not anchor and not triage.BACKGROUND_RE.search(s.text)
                         and s.index not in background]

    # date: from the event's own sentence, then the nearest earlier and later sentences that tell of
    # the event (never a plan, a permission, a threat or background; never after publication), then
    # the dateline, the title; else the publication date
    def usable(s: Sentence) -> bool:
        return s.index not in background and not triage.BACKGROUND_RE.search(s.text) and not triage.sentence_mode(s.text)

    def eventish(s: Sentence) -> bool:
        return s.index in tri.event_sentences or bool(triage.judge_sentence(s).reasons) \
            or bool(re.search(r"задерж|доставил|акци|протест|собравш|митинг|пикет|голод", s.text, re.I))

    def fresh(hits: list) -> list:
        # a date months before publication, outside the event's own sentence and without a year, is
        # a date of something else (a page header, an earlier step)
        if not doc.published:
            return hits
        return [h for h in hits if (doc.published - h.date).days <= 45 or re.search(r"\d{4}", h.text)]

    def event_dates(s: Sentence) -> list:
        return [h for h in dates_mod.find_dates(s.text, doc.published)
                if not (doc.published and h.date > doc.published)]

    found = None
    order = [anchor] + ([title_s] if title_s is not None else []) + \
        sorted([s for s in body if s.index < anchor.index], key=lambda s: -s.index) + \
        [s for s in body if s.index > anchor.index]
    for s in order:
        if not usable(s) or (s is not anchor and s is not title_s and not eventish(s)):
            continue
        hits = event_dates(s) if s is anchor else fresh(event_dates(s))
        if hits:
            found = (hits[0].date, s.text)
            break
    if found is None and dl_date:
        found = (dl_date, dl_sentence)
    if found is None and title_s is not None and usable(title_s):
        hits = fresh(event_dates(title_s))
        if hits:
            found = (hits[0].date, title_s.text)
    if found:
        ev.date, ev.evidence["date"] = found
    elif doc.published:
        ev.date, ev.evidence["date"] = doc.published, "(no date in the text: the publication date)"

    # city: where people gathered. The event sentence, the dateline, the title, people named by
    # their city ("уральцы"), then the most mentioned; never a city only named as whose residents
    # they are or whom they support ("поддержать жителей Жанаозена"), nor a region ("Алматы облысы")
    def place_hits(text: str, role: str = "place") -> list:
        return [h for h in places.find_cities(text) if places.hit_role(text, h) == role]

    title_keys = [h.key for h in place_hits(title_s.text)] if title_s is not None else []
    city = None
    hs = place_hits(anchor.text)
    if not hs and places.capital_mentioned(anchor.text) and not re.search(
            r"(?:близ|под|возле|недалеко\s+от|пригород\w*|окрестност\w+)\s+столиц", anchor.text, re.I):
        hs = [places.CityHit("astana", 0, 0, "столица")]
    if hs:
        keys = [h.key for h in hs]
        pick = next((k for k in keys if k in title_keys), keys[0]) if len(set(keys)) > 1 else keys[0]
        city = (pick, anchor.text)
    if city is None and dl_city:
        city = (dl_city, dl_sentence)
    if city is None and title_keys:
        city = (title_keys[0], title_s.text)
    if city is None:
        for s in [anchor] + ([title_s] if title_s is not None else []):
            dem = places.find_demonyms(s.text)
            if dem:
                city = (dem[0].key, s.text)
                break
    for role in ("place", "demonym", "resident"):
        if city is not None:
            break
        counts: dict[str, tuple[int, str]] = {}
        for s in search:
            found_hits = places.find_demonyms(s.text) if role == "demonym" else place_hits(s.text, role)
            for h in found_hits:
                c, first = counts.get(h.key, (0, s.text))
                counts[h.key] = (c + 1, first)
        if counts:
            k = max(counts, key=lambda k: counts[k][0])
            city = (k, counts[k][1])
        if role == "demonym" and city is None:
            for s in [anchor] + search + ([title_s] if title_s else []):
                if places.capital_mentioned(s.text) and not re.search(
                        r"(?:близ|под|возле|недалеко\s+от|пригород\w*|окрестност\w+)\s+столиц", s.text, re.I):
                    city = ("astana", s.text)
                    break
    if city:
        ev.city, ev.evidence["city"] = city
    for s in search:
        st = places.find_settlement(s.text)
        if st:
            ev.settlement, ev.evidence["settlement"] = st[0], s.text
            break

    # place
    for s in search:
        m = PLACE_RE.search(s.text)
        if m:
            ev.place, ev.evidence["place"] = _trim_place(m.group(1)), s.text
            break

    # form: the event sentence first, then the title, then the segment; specific forms win
    form_sources = [anchor] + ([title_s] if title_s is not None else []) + search
    for s in form_sources:
        low = s.text.lower()
        for code, rx in FORM_RULES:
            if rx.search(low):
                if code == "road_block" and triage.POLICE_SUBJECT_RE.search(low):
                    continue
                ev.form, ev.evidence["form"] = code, s.text
                break
        if ev.form:
            break
    if ev.form is None:
        ev.form, ev.evidence["form"] = "other", anchor.text

    # participants
    _participants(ev, search, anchor)
    if ev.form == "picket" and ev.participants_high == 1:
        ev.form = "single_picket"  # a picket held by one person is a single picket

    # topic and character
    for s in [anchor] + search + ([title_s] if title_s else []):
        for rx in TOPIC_RULES:
            m = rx.search(s.text)
            if m and m.groups():
                topic = _trim_topic(m.group(1))
                if len(topic) < 4:
                    continue
                ev.topic, ev.evidence["topic"] = topic, s.text
                break
            if m:  # Kazakh "талап етті": the clause before it
                clause = re.split(r"[.!?]", s.text[:m.start()])[-1]
                clause = re.sub(r"^\s*(?:Олар|Қатысушылар)\s+", "", clause)
                ev.topic, ev.evidence["topic"] = _clean_phrase(clause), s.text
                break
        if ev.topic:
            break
    if not ev.topic and title_s is not None:
        ev.topic, ev.evidence["topic"] = _clean_phrase(title_s.text), title_s.text
    topic_lem = set(lemmas((ev.topic or "") + " " + anchor.text))
    if topic_lem & POLITICAL and not (set(lemmas(ev.topic or "")) & ECONOMIC):
        ev.character = "political"
    elif topic_lem & ECONOMIC:
        ev.character = "economic"
    elif topic_lem & POLITICAL:
        ev.character = "political"
    else:
        ev.character = "social"
    ev.evidence["character"] = ev.evidence.get("topic", anchor.text)

    # organiser
    for s in search + ([title_s] if title_s else []):
        if ORGANISER_RE.search(s.text) and NGO_RE.search(s.text):
            ev.organizer_type, ev.evidence["organizer_type"] = "ngo", s.text
            m = NAMED_ORG_RE.search(s.text)
            if m:
                ev.organizer_name = m.group(1).strip()
                ev.evidence["organizer_name"] = s.text
            break
    if ev.organizer_type is None:
        if ev.form == "single_picket" or ev.participants == 1:
            ev.organizer_type = "individual"
        else:
            ev.organizer_type = "spontaneous"
        ev.evidence["organizer_type"] = "(no organisation named: " + ("one person)" if ev.organizer_type == "individual" else "a group of citizens)")

    # attributes, duration, time
    attrs = []
    for code, rx in ATTRIBUTES:
        for s in search:
            if rx.search(s.text):
                attrs.append(code)
                ev.evidence.setdefault("attributes", s.text)
                break
    ev.attributes = ";".join(attrs) or None
    _duration(ev, search)
    for s in search:
        m = TIME_RE.search(s.text)
        if m:
            if m.group(1):
                ev.time_start = f"{int(m.group(1)):02d}:{m.group(2)}"
            elif m.group(3):
                h = int(m.group(3)) + (12 if (m.group(4) or "").lower() in ("дня", "вечера") and int(m.group(3)) < 12 else 0)
                ev.time_start = f"{h:02d}:00"
            else:
                ev.time_start = "12:00"
            ev.evidence["time_start"] = s.text
            break

    # authorities
    _authorities(ev, search)
    _detentions(ev, search)
    for s in search:
        if STATE_RE.search(s.text):
            ev.state_organised, ev.evidence["state_organised"] = True, s.text
            break
    return ev


COLLECTIVE = {"двое", "трое", "четверо", "пятеро", "шестеро", "семеро", "восьмеро", "девятеро", "десятеро",
              "двоих", "троих", "четверых", "пятерых", "шестерых", "семерых"}


def _counted(q: Quantity, after: str, before: str = "") -> tuple[str, str] | None:
    if before and NOT_COUNT_BEFORE_RE.search(before):
        return None  # "ст. 488", "п.1", "по несколько человек", "в возрасте 60"
    if NOT_COUNT_AFTER_RE.match(after):
        return None  # "троих детей", "двое суток"
    kind = _counted_noun(after)
    if kind is None and q.text.lower() in COLLECTIVE:
        return "people", q.text.lower()  # "еще двое были задержаны": collective numerals count people
    if kind is None and before and PRONOUN_COUNT_RE.search(before) and re.match(r"\s*[.,;!?]|\s*$", after):
        return "people", "их"  # "Их около сорока."
    return kind


def _participants(ev: Event, search: list[Sentence], anchor: Sentence) -> None:
    for s in search:
        for q, after in quantities(s.text):
            kind = _counted(q, after, s.text[max(0, q.start - 40):q.start])
            if kind and kind[0] == "police" and ev.police_count is None:
                ev.police_count, ev.evidence["police_count"] = q.best, s.text
                ev.police_present = True
                ev.evidence.setdefault("police_present", s.text)
    weak = None  # "группа": only when nothing better is stated
    for s in search:
        if triage.BACKGROUND_RE.search(s.text) or triage.sentence_mode(s.text):
            continue  # background, plans, threats, refusals: not this event's crowd
        for q, after in quantities(s.text):
            kind = _counted(q, after, s.text[max(0, q.start - 40):q.start])
            if kind is None or kind[0] == "police":
                continue
            clause = _clause(s.text, q.start, q.end)
            if DETAIN_RE.search(clause):
                continue
            # "4 из 16 участников": the whole is 16
            m = re.match(r"\s*из\s+(\d+)", after)
            if m:
                continue
            if re.search(r"бақыла|наблюдал|снимал\w*\s+на\s+(?:камер|телефон)|следил", clause, re.I):
                continue  # people watching or filming the event are not its participants
            if re.search(r"(?:деленц|инициативн\w+\s+групп|представител|зал\w*,?\s+рассчитан)", clause, re.I) \
                    and not re.search(r"собрал|вышл|пришл|участ", clause, re.I):
                continue  # "инициативную группу из 6 человек": a delegation, not the crowd
            lo, best, hi = q.low, q.best, q.high
            # "Шесть женщин, пришедших с Усетаевой": and the one they came with
            if re.match(r"[^.;]{0,40}?,?\s+(?:пришедш|вышедш|приехавш)\w+\s+с\s+[А-ЯЁ]", after):
                lo, best, hi = lo + 1, best + 1, hi + 1
            if q.text.lower() in ("группа", "группы") or (s is not anchor and not re.search(r"\d", q.text)
                                                          and any(rx.fullmatch(q.text) for rx, _ in VAGUE)):
                # "группа", or "десятки людей" outside the event sentence: a stated number elsewhere wins
                # (and "десятки" wins over "группа")
                is_group = q.text.lower() in ("группа", "группы")
                if weak is None or (weak[2] and not is_group):
                    weak = ((lo, best, hi), s.text, is_group)
                continue
            if ev.participants is None:
                ev.participants_low, ev.participants, ev.participants_high = lo, best, hi
                ev.evidence["participants"] = s.text
        if ev.participants is not None:
            break
    if ev.participants is None and weak:
        (ev.participants_low, ev.participants, ev.participants_high), ev.evidence["participants"], _ = weak
    if ev.participants is None:
        for s in search:
            m = re.search(r"\b\d+\s+из\s+(\d+)\s+(?:участник|человек|пикетчик|жител)", s.text)
            if m:
                n = int(m.group(1))
                ev.participants_low = ev.participants = ev.participants_high = n
                ev.evidence["participants"] = s.text
                return
        for s in search:  # "задержаны шесть участников пикета": at least that many took part
            if not DETAIN_RE.search(s.text):
                continue
            for q, after in quantities(s.text):
                kind = _counted(q, after, s.text[max(0, q.start - 40):q.start])
                if kind and re.match(r"\s*(?:участник|пикетчик|митингующ|протестующ|голодающ)", after, re.I):
                    ev.participants_low = ev.participants = ev.participants_high = q.best
                    ev.evidence["participants"] = s.text
                    return
        named = max(_named_people(s.text) for s in [anchor] + search[:3])
        if named >= 2:
            ev.participants_low = ev.participants = ev.participants_high = named
            ev.evidence["participants"] = anchor.text
            return
        if ev.form in ("single_picket",) or _singular_subject(anchor.text):
            ev.participants_low = ev.participants = ev.participants_high = 1
            ev.evidence["participants"] = anchor.text
    if ev.participants is not None and ev.participants_low is None:
        ev.participants_low = ev.participants_high = ev.participants


def _clause(text: str, start: int, end: int) -> str:
    left = max(text.rfind(",", 0, start), text.rfind(";", 0, start), text.rfind("(", 0, start))
    right_c = [i for i in (text.find(",", end), text.find(";", end), text.find(")", end)) if i != -1]
    right = min(right_c) if right_c else len(text)
    return text[left + 1:right]


def _named_people(text: str) -> int:
    """How many people a sentence names as its subject: "Алима Абдирова и Ольга Климонова вышли" -> 2
    (first names joined by "и" or commas before the first verb)."""
    if re.search("[әғқңөұүһі]", text.lower()):
        return 0
    head = []
    for m in TOKEN_RE.finditer(text):
        ps = parses(m.group(0).lower())
        if ps and ps[0].tag.POS in ("VERB", "GRND"):
            break
        head.append(m.end())
    if not head:
        return 0
    count = 0
    for chunk in re.split(r",|\s+и\s+", text[:head[-1]]):
        words = re.findall(r"[А-ЯЁ][а-яё]+", chunk)
        if len(words) >= 2 and chunk.strip().endswith(words[-1]):
            w1, w2 = words[-2].lower(), words[-1].lower()
            p1, p2 = parses(w1), parses(w2)
            if any({"Name"} & p.tag.grammemes for p in p1[:3]) and any({"Surn", "Name"} & p.tag.grammemes for p in p2[:3]):
                count += 1
    return count


def _singular_subject(text: str) -> bool:
    """The sentence is led by one person ("Житель Шымкента взобрался ...", "Пенсионерка вышла ...")."""
    if re.search("[әғқңөұүһі]", text.lower()):
        return False  # Kazakh: no Russian morphology
    for w in tokens(text)[:6]:
        if w.isdigit():
            return False
        ps = parses(w.lower())
        if not ps:
            continue
        p = ps[0]
        if p.tag.POS == "NOUN" and "anim" in p.tag and "nomn" in p.tag:
            return "sing" in p.tag and yo(p.normal_form) not in NON_PERSON_SUBJECTS
        if p.tag.POS == "NOUN" and "nomn" in p.tag:
            return False
    return False


def _duration(ev: Event, search: list[Sentence]) -> None:
    for s in search:
        m = DURATION_RES[0].search(s.text)
        if m:
            ev.duration_min, ev.evidence["duration_min"] = int(m.group(1)), s.text
            return
        for m in DURATION_RES[1].finditer(s.text):
            num, unit = (m.group(1) or "").strip().lower(), m.group(2).lower()
            if unit == "полчаса":
                minutes = 30
            elif unit.startswith("полтора"):
                minutes = 90
            else:
                n = _word_number(num) if num else 1
                if num and n is None:
                    if num in ("час", "часа"):
                        n = 1
                    else:
                        continue
                minutes = (n or 1) * (60 if unit.startswith("час") else 1)
            if re.search(r"акци|митинг|пикет|шестви|флешмоб|продолжал|длил|продлил|разошл|парализован|спустил|голодовк", s.text, re.I):
                ev.duration_min, ev.evidence["duration_min"] = minutes, s.text
                return


def _authorities(ev: Event, search: list[Sentence]) -> None:
    for s in search:
        t = s.text
        low = t.lower()
        if POLICE_RE.search(low):
            if POLICE_ABSENT_RE.search(low):
                if ev.police_present is None:
                    ev.police_present, ev.evidence["police_present"] = False, t
                    ev.police_count = 0 if ev.police_count is None else ev.police_count
            elif not ev.police_present:
                ev.police_present, ev.evidence["police_present"] = True, t
            if WARN_RE.search(low) and re.search(r"полиц|полицейск", low) and not re.search(r"прокурор", low):
                ev.police_warned, ev.evidence["police_warned"] = True, t
        if PROSECUTOR_RE.search(t):
            ev.prosecutor_present = True
            ev.evidence.setdefault("prosecutor_present", t)
            if WARN_RE.search(low):
                ev.prosecutor_warned, ev.evidence["prosecutor_warned"] = True, t
        if AKIMAT_RE.search(t):
            ev.akimat_present = True
            ev.evidence.setdefault("akimat_present", t)
            if WARN_RE.search(low) and re.search(r"аким", low):
                ev.akimat_warned, ev.evidence["akimat_warned"] = True, t
        if OBSTRUCTION_RE.search(low) and ev.obstruction is None:
            ev.obstruction, ev.evidence["obstruction"] = True, t
        if DISPERSAL_RE.search(low) and ev.dispersal is None:
            ev.dispersal, ev.evidence["dispersal"] = True, t
        if RESPONSE_RE.search(low) and ev.authorities_response is None and re.search(
                r"аким|власт|прокур|руководител|представител|администрац|министр|полиц|әкім", low):
            ev.authorities_response, ev.evidence["authorities_response"] = _clean_phrase(t, 300), t
        # permission
        if REFUSED_RE.search(low) and ev.permission_answer is None:
            ev.permission_requested, ev.permission_answer = True, "refused"
            ev.evidence["permission_requested"] = t
        elif OTHER_PLACE_RE.search(low) and ev.permission_answer is None:
            ev.permission_requested, ev.permission_answer = True, "other_place"
            ev.evidence["permission_requested"] = t
        elif NOT_APPLIED_RE.search(low) and ev.permission_requested is None:
            ev.permission_requested = False
            ev.evidence["permission_requested"] = t
        elif GRANTED_RE.search(low) and ev.permission_answer is None and not re.search(r"несанкционир|не\s+был\w*\s+согласован", low):
            ev.permission_requested, ev.permission_answer = True, "granted"
            ev.evidence["permission_requested"] = t
    if ev.authorities_response is None:
        for s in search:
            if PERMISSION_RESPONSE_RE.search(s.text) and re.search(r"аким|власт|прокур", s.text, re.I):
                ev.authorities_response = ev.evidence["authorities_response"] = _clean_phrase(s.text, 300)
                break
    if ev.permission_requested is False:
        for s in search:
            for code, rx in REASONS:
                if rx.search(s.text):
                    ev.reason_not_applied, ev.evidence["reason_not_applied"] = code, s.text
                    return
        ev.reason_not_applied = "unknown"


def _detentions(ev: Event, search: list[Sentence]) -> None:
    total: int | None = None
    preventive = 0
    negative = None
    for s in search:
        t = s.text
        low = t.lower()
        if triage.BACKGROUND_RE.search(t):
            continue  # "Напомним, в прошлом году были задержаны 8 человек"
        if NO_DETAIN_RE.search(low):
            negative = negative or t
            continue
        if not DETAIN_RE.search(low):
            continue
        if re.search(r"задержанн\w+\s+(?:отпустил|освободил|доставил|увез)", low) and not re.search(r"\d", low):
            continue  # "задержанных отпустили": about those already counted
        if re.search(r"(?:пыта\w+|хотел\w*|попыта\w+|намерева\w+|собирал\w*)\s+(?:\w+\s+){0,2}"
                     r"(?:увести|отвезти|задержать|забрать|доставить|увезти)", low) \
                and not re.search(r"задержал[иа]?\b|задержан[аы]?\b|доставил[иа]?\b|увезл[иа]\b", low):
            continue  # "пытаясь увести её", "хотели отвезти её в отдел": an attempt is not a detention
        n = None
        if ALL_DETAINED_RE.search(low) and ev.participants is not None:
            n = ev.participants
        else:
            people = []
            for q, after in quantities(t):
                kind = _counted(q, after, t[max(0, q.start - 40):q.start])
                clause = _clause(t, q.start, q.end)
                if kind and kind[0] == "people":
                    if not re.search(r"\d", q.text) and any(rx.fullmatch(q.text) for rx, _ in VAGUE):
                        continue  # "нескольких участников": reported without a number, the monitor counts
                    people.append(q)
                    if DETAIN_RE.search(clause):
                        n = q.best
                        break
            if n is None and len(people) == 1 and not re.search(r"собрал|вышл|пришл|участвова|митингова|протестова", low):
                n = people[0].best  # "четырех организаторов акции А, Б, В и Г отвезли в отделение полиции"
            if n is None and (SINGULAR_DETAIN_RE.search(low) or ev.participants_high == 1 or ev.form == "single_picket"
                              or re.search(r"\b(?:его|ее|её|него|нее|неё|нему|ней)\b", low)):
                plural = re.search(r"задержал[и]?\s+(?:\w+\s+){0,2}(?:участник|активист|людей|человек)\w*|задержан[ыо]\b", low)
                if not plural:
                    n = 1
        if n is None:
            ev.evidence.setdefault("detained", t)
            continue
        more = re.search(r"\bещ[её]\b|\bтакже\b|кроме\s+того", low)
        if PREVENTIVE_RE.search(low):
            preventive += n
        if total is None:
            total = n
        elif more:
            total += n
        else:
            total = max(total, n)
        ev.evidence["detained"] = (ev.evidence.get("detained", "") + " " + t).strip() if "detained" in ev.evidence else t
    if total is None:
        if "detained" in ev.evidence:
            ev.detained = None  # detentions reported without a number: the monitor counts them
        else:
            ev.detained = 0
            ev.evidence["detained"] = negative or "(no detention reported)"
        ev.preventive_detentions = 0 if ev.detained == 0 else None
    else:
        ev.detained = total
        ev.preventive_detentions = preventive
