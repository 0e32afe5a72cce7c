"""Number expressions in Russian and Kazakh news text, with their low / best / high reading:
digits ("3 000", "1,5 тыс."), words ("двадцать пять", "трое"), ranges ("от 30 до 40", "30-40",
"от 1,5 до 2 тыс."), approximate and bounding words ("около", "более", "не менее", "до"), vague
quantities ("несколько десятков", "ондаған"). What a number counts is counts.py's job."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assets.media import dates as dates_mod
from assets.media.spans import Spans, prepare_numbers
from assets.media.numbers_kk import KK_ABOUT_RE, KK_MORE_RE, KK_UP_TO_RE, kk_numbers, kk_ranges
from assets.media.numbers_words import (BOUNDED, VAGUE, dash_thousands, hyphen_range,  # noqa: F401 (AT_LEAST, MORE_THAN there)
                                        one_place, word_range)
from assets.media.text import lemma

NUM_WORDS = {
    "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
    "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300,
    "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8, "девятеро": 9,
    "десятеро": 10, "обоих": 2, "обеих": 2, "оба": 2, "обе": 2, "полсотни": 50, "полусотни": 50, "полусотня": 50, "дюжина": 12, "полдюжины": 6, "полтысячи": 500, "полутысячи": 500, "полутысяча": 500,
}
QUALIFIERS = [
    (re.compile(r"(?<!\w)не\s+(?:достига\w*|достиг\w*|набрал\w*|набира\w*|было)\s+и\s+$", re.I), "below"),  # (round 19)
    (re.compile(r"(?<!\w)не\s+(?:достига\w*|достиг\w*|набрал\w*|набира\w*|превы\w*)\s+$", re.I), "up_to"),
    # ("не" a word of its own: "в Астане более 300" is more than 300, not "не более")
    (re.compile(r"(?:(?<!\w)не\s+менее|(?<!\w)не\s+меньше|как\s+минимум|минимум|по\s+меньшей\s+мере)\s*$", re.I), "at_least"),
    # ("не более 20", "не больше 20" are at most 20, not more than it)
    (re.compile(r"(?:(?<!\w)не\s+более|(?<!\w)не\s+больше)\s*$", re.I), "up_to"),
    (re.compile(r"(?:более|свыше|больше|более\s+чем|чуть\s+более|чуть\s+больше|превысил\w*|превышает|превышало|"
                r"перевалил\w*\s+за|перешагнул\w*\s+(?:за\s+)?)\s*$", re.I), "more"),
    (re.compile(r"(?:около|примерно|порядка|приблизительно|ориентировочно|где-то|почти|шамамен)\s*$", re.I), "about"),
    # (round 16) a figure reached: "число задержанных выросло до 21" is 21, not "up to 21"
    (re.compile(r"(?:вырос\w*|возрос\w*|увеличил\w*|дошл[оа]|дошел|дошёл|поднял\w*)\s+до\s*$", re.I), "reached"),
    (re.compile(r"(?:(?<!\w)(?:менее|меньше|не\s+более|не\s+больше|до|от\s+силы))\s*$", re.I), "up_to"),  # ("от силы 50")
]

@dataclass
class Quantity:
    low: int
    best: int
    high: int
    start: int
    end: int
    text: str


def word_number(tok: str) -> int | None:
    t = tok.lower().replace("\u200b", "")
    if t.isdigit():
        return int(t)
    if t in NUM_WORDS:
        return NUM_WORDS[t]
    if t in ("одни", "одних", "одними"):
        return None  # (round 16) the plural of "один" is "only": "на пикеты выходят одни девушки"
    lem = lemma(t)
    return NUM_WORDS.get(lem)


def bounds(n: int, how: str | None) -> tuple[int, int, int]:
    # integer arithmetic: math.ceil(50 * 1.1) is 56 in floating point
    def up(k: int) -> int:  # ceil(n * k / 10)
        return -(-n * k // 10)

    if how == "about":
        return n * 9 // 10, n, up(11)
    if how == "more":  # (session 50) "более 500": the stated figure is the low bound, as monitors write it down
        return n, up(11), up(13)
    if how == "at_least":
        return n, n, up(12)
    if how == "below":  # (round 19) "не достигло и десяти": fewer than n; "не превышало 30" is "up_to": at most
        return up(5), n * 8 // 10, max(n - 1, 1)
    if how == "up_to":
        return up(5), n * 8 // 10, n
    return n, n, n


# "от 1,5 до 2 тыс. человек", "1,5 тысячи": decimal thousands
RANGE_THOUSANDS_RE = re.compile(r"\bот\s+(\d+(?:[.,]\d+)?)\s+(?:тыс\w*\.?\s+)?до\s+(\d+(?:[.,]\d+)?)\s*(тыс(?:\.|\b)|тысяч\w*)", re.I)
DECIMAL_THOUSANDS_RE = re.compile(r"(?<![\d.,])(\d+[.,]\d+)\s*(тыс(?:\.|\b)|тысяч\w*)", re.I)


def quantities(text: str) -> list[tuple[Quantity, str]]:
    """Number expressions followed by what they count: [(Quantity, following words)]."""
    out: list[tuple[Quantity, str]] = []
    text = prepare_numbers(text)
    used = Spans(len(text))
    low_text = text
    for m in RANGE_THOUSANDS_RE.finditer(text):
        a = round(float(m.group(1).replace(",", ".")) * 1000)
        b = round(float(m.group(2).replace(",", ".")) * 1000)
        if b > a:
            used.append((m.start(), m.end()))
            out.append((Quantity(a, round((a + b) / 2), b, m.start(), m.end(), m.group(0)), text[m.end():m.end() + 60]))
    for a, b, start, end in [*dash_thousands(text), *kk_ranges(text)]:  # (round 22) "1,5–2 тысячи"; (session 37) Kazakh
        if not used.overlaps(start, end):
            used.append((start, end))
            out.append((Quantity(a, round((a + b) / 2), b, start, end, text[start:end]), text[end:end + 60]))
    for m in DECIMAL_THOUSANDS_RE.finditer(text):
        if used.overlaps(m.start(), m.end()):
            continue
        n = round(float(m.group(1).replace(",", ".")) * 1000)
        before = text[max(0, m.start() - 30):m.start()]
        how = next((name for rx, name in QUALIFIERS if rx.search(before)), None)
        lo, best, hi = bounds(n, how)
        used.append((m.start(), m.end()))
        out.append((Quantity(lo, best, hi, m.start(), m.end(), m.group(0)), text[m.end():m.end() + 60]))
    for start, end, n, how in kk_numbers(text, used):
        lo, best, hi = bounds(n, how)
        out.append((Quantity(lo, best, hi, start, end, text[start:end]), text[end:end + 60]))
    for rx, reading in BOUNDED + VAGUE:
        for m in rx.finditer(low_text):
            if used.overlaps(m.start(), m.end()):
                continue
            after = low_text[m.end():m.end() + 60]
            prev = re.search(r"([^\W_]+)\s+$", low_text[max(0, m.start() - 20):m.start()])
            if re.match(r"(?:десятк|сот|тысяч)", m.group(0), re.I) and prev and word_number(prev.group(1)) is not None:
                continue  # (round 19) "о 2 тысячах участников", "с тремя сотнями": the scale of a number, read below
            # "несколько" followed by a number word is not vague ("несколько сотен" is handled above)
            if rx.pattern.startswith("нескольк") and re.match(r"\s+(?:десят(?:ок|к)|сотн|сотен|тысяч)", after):
                continue
            used.append((m.start(), m.end()))  # (a reading is fixed, or a function of the match: INVERTED_RE)
            out.append((Quantity(*(reading(m) if callable(reading) else reading), m.start(), m.end(), m.group(0)), after))
    for h in dates_mod.find_dates(text, None):
        used.append((h.start, h.end))  # "3 мая", "03.05.2017" are dates, not counts
    for m in re.finditer(r"\b\d{1,2}[:.]\d{2}\b|\b(?:19|20)\d{2}\s*(?:год|г\.)|\d+\s*(?:%|процент)|(?<=[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]-)\d+\b", text):
        used.append((m.start(), m.end()))
    toks = list(re.finditer(r"\d+(?:\u200b\d{3})*|[^\W\d_]+(?:-[^\W\d_]+)*", text))
    i = 0
    while i < len(toks):
        m = toks[i]
        n = word_number(m.group(0))
        if n is None and m.group(0).lower() in ("тысяча", "тысячу"):
            n = 1000  # "тысяча двести человек": one thousand and the hundreds after it (compound below)
        if n is None and "-" in m.group(0) and not used.overlaps(m.start(), m.end()):
            # (round 16) a range in words: "две-три тысячи", "два-три десятка" (numbers_words.py)
            if (r := hyphen_range(text, m.start(), m.end(), m.group(0), word_number)) is not None:
                out[:] = [o for o in out if not (m.start() <= o[0].start < r[2])]  # (the scale word read above)
                out.append((Quantity(r[0], round((r[0] + r[1]) / 2), r[1], m.start(), r[2], text[m.start():r[2]]),
                            text[r[2]:r[2] + 60]))
                used.append((m.start(), r[2]))
            i += 1
            continue
        if n is None or used.overlaps(m.start(), m.end()) or one_place(m.group(0), text[max(0, m.start() - 5):m.start()]):
            i += 1
            continue
        start, end = m.start(), m.end()
        # compound: "двадцать пять", "сто двадцать"
        j = i + 1
        while j < len(toks) and not m.group(0).replace("\u200b", "").isdigit():
            nxt = word_number(toks[j].group(0))
            if nxt is None or toks[j].group(0).isdigit() or nxt >= n or text[end:toks[j].start()].strip():
                break
            n += nxt
            end = toks[j].end()
            j += 1
        after = text[end:end + 60]
        # "20 тысяч" -> 20000, "трех десятков" -> 30, "двух сотен" -> 200
        mult = re.match(r"(?:-(?:х|ти|ми|и|ух|ех))?\s+(тысяч\w*|тыс(?:\.|\b)|мың\b|десятк\w*|десяток|сотн\w*|сотен)", after)  # ("3-х")
        if mult:
            w = mult.group(1).lower()
            n *= 1000 if w.startswith(("тыс", "мың")) else 10 if w.startswith("десят") else 100  # ("3 мың адам")
            end += mult.end()
            after = text[end:end + 60]
            if w.startswith("тыс"):  # "2 тысячи 500 человек", "две тысячи пятьсот": the hundreds after add
                k, rest = next((k for k in range(j, len(toks)) if toks[k].start() >= end), len(toks)), 0
                while k < len(toks) and not text[end:toks[k].start()].strip() and (v := word_number(toks[k].group(0))) \
                        and v < 1000 and not (rest and (toks[k].group(0).isdigit() or v >= rest)) \
                        and not used.overlaps(toks[k].start(), toks[k].end()) \
                        and not re.match(r"\s*(?:-|–|—|до)\s*\d", text[toks[k].end():]):  # (not a date, not a range)
                    rest, end, k = rest + v, toks[k].end(), k + 1
                if rest:
                    n, after, j = n + rest, text[end:end + 60], k
        # "от 30 до 40", "30-40"
        before = text[max(0, start - 30):start]
        if (r := word_range(text, end, before, n, m.group(0), word_number)) is not None:
            # (round 16) a range in words: "от двухсот до трехсот человек" (numbers_words.py)
            n, hi, end, k2 = r
            out.append((Quantity(n, round((n + hi) / 2), hi, start, end, text[start:end]), text[end:end + 60]))
            used.append((start, end))
            i = j + 1 + k2
            continue
        rng = re.match(r"\s*(?:-|–|—|до|\([^()]{1,50}\)\s*до)\s*(\d+)(?!\s*-?\s*(?:летн|лет\b|год|жас))", after)
        if rng and m.group(0).replace("\u200b", "").isdigit() and ("(" not in rng.group(0) or re.search(r"\bот\s*$", before)):
            # (a source between the ends only after "от": "от 300 (по данным МВД) до 1000")
            hi = int(rng.group(1))
            if hi > n:
                end += rng.end()
                after = text[end:end + 60]
                rmult = re.match(r"\s+(тысяч\w*|тыс(?:\.|\b)|сотн\w*|сотен)", after)  # (never "20-30 сотрудников")
                if rmult and not mult:  # "2-3 тысячи человек": both ends in thousands
                    k = 1000 if rmult.group(1).lower().startswith("тыс") else 100
                    n, hi = n * k, hi * k
                    end += rmult.end()
                    after = text[end:end + 60]
                out.append((Quantity(n, round((n + hi) / 2), hi, start, end, text[start:end]), after))
                used.append((start, end))
                i = j + 1
                continue
        # (session 53) a stated low and a vague high: "от 500 до нескольких тысяч человек" (the high: "несколько тысяч"'s)
        vague_hi = re.match(r"\s*до\s+нескольк\w+\s+(тысяч|сотен|десятк\w*)\b", after)
        if vague_hi and m.group(0).replace("\u200b", "").isdigit() and re.search(r"\bот\s*$", before):
            scale = {"т": 1000, "с": 100}.get(vague_hi.group(1)[0].lower(), 10)
            if 9 * scale > n:
                end += vague_hi.end()
                out.append((Quantity(n, round((n + 3 * scale) / 2), 9 * scale, start, end, text[start:end]), text[end:end + 60]))
                used.append((start, end))
                i = j
                continue
        how = None
        for rx, name in QUALIFIERS:
            if rx.search(before):
                how = name
                break
        if how is None and re.search(r"\bчеловек\s+$", before, re.I) and m.group(0).replace("\u200b", "").isdigit():
            how = "about"  # "собралось человек 15": the noun first is the spoken "about"
        # "двести с лишним человек", "50 с небольшим": more than the number
        extra = re.match(r"\s+с\s+(?:лишним|лишком|небольшим|гаком)\b", after)
        if extra:
            how = "more"
            end += extra.end()
            after = text[end:end + 60]
        kk = KK_ABOUT_RE.match(after) or KK_MORE_RE.match(after)
        if kk:
            how = "about" if KK_ABOUT_RE.match(after) else "more"
        elif KK_UP_TO_RE.match(after) and not re.search(r"\d\s*-?\s*(?:дан|ден|тан|тен|нан|нен)\s+$", before):
            how = "up_to"  # (session 54; not the end of a "range" that falls, "300-ден 200-ге дейін": each figure alone)
        lo, best, hi = bounds(n, how)
        out.append((Quantity(lo, best, hi, start, end, text[start:end]), after))
        used.append((start, end))
        i = j
    out.sort(key=lambda q: q[0].start)
    return out
