"""Ranges told in words (issue 16, round 16): "две-три тысячи", "два-три десятка", "пять-шесть человек",
"от двухсот до трехсот человек"; and round numbers in words with a bound ("не менее сотни", "около тысячи": BOUNDED,
moved here from numbers.py); vague quantities ("несколько десятков", "ондаған": VAGUE and `is_vague`, moved here from
numbers.py in session 23). Read into quantities by numbers.py."""
from __future__ import annotations

import re
from typing import Callable

# a round number in words with a bound ("не менее сотни", "около десятка", "жүзге жуық"): a stated
# number, read as (low, best, high)
AT_LEAST = r"(?:(?<!\w)не\s+менее|(?<!\w)не\s+меньше|как\s+минимум|минимум|по\s+меньшей\s+мере)\s+"
# (round 16: "не больше сотни" is at most a hundred, read below, never more than it)
MORE_THAN = r"(?<!не\s)(?:более|свыше|больше)\s+(?:чем\s+)?"
# (session 19) the scale word before its numeral is the spoken "about": "десятка два" (about 20), "сотни три"
# (about 300), "тысяч пять" (about 5000); never "двух сотен" (the numeral first: numbers.py) nor "из десятка два"
_INVERTED_UNITS = {"два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
                   "девять": 9, "полтора": 1.5, "полторы": 1.5}
_INVERTED_SCALES = {"десят": 10, "сот": 100, "тысяч": 1000}
INVERTED_RE = re.compile(r"(?<![\w-])(?<!из\s)(десятк(?:а|ов)|сот(?:ни|ен)|тысяч[иу]?)\s+(" + "|".join(_INVERTED_UNITS) + r")\b"
                         r"(?!\s*[-–—]?\s*(?:[\d]|тысяч|сот|десят))", re.I)


def inverted_reading(m: re.Match) -> tuple[int, int, int]:
    """(low, best, high) of an INVERTED_RE match: the number ±20 % ("сотни три" is 240, 300, 360)."""
    k = next(v for stem, v in _INVERTED_SCALES.items() if m.group(1).lower().startswith(stem))
    n = _INVERTED_UNITS[m.group(2).lower()] * k
    return round(n * 0.8), round(n), round(n * 1.2)


# (session 37) "две с половиной тысячи", "около двух с половиной тысяч", "трёх с половиной сотен": the unit and a half,
# scaled (read before "две" and "тысячи" apart: 2 and thousands)
_HALF_UNITS = {"од": 1, "дв": 2, "тр": 3, "четыр": 4, "пят": 5, "шест": 6, "сем": 7, "восьм": 8, "восем": 8, "девят": 9}
AND_A_HALF_RE = re.compile(r"(?:(около|порядка|примерно|почти|более|свыше|больше)\s+)?(одн[аоиу]\w*|дв[ауех]\w*|тр[иеёх]\w*|четыр\w+|"
                           r"пят\w*|шест\w*|сем\w*|восьм\w*|восем\w*|девят\w*)\s+с\s+половиной\s+(тысяч\w*|сот(?:ни|ен|ня)|"
                           r"десятк\w*)", re.I)


def and_a_half_reading(m: re.Match) -> tuple[int, int, int]:
    unit = next(v for stem, v in _HALF_UNITS.items() if m.group(2).lower().startswith(stem))
    scale = 1000 if m.group(3).lower().startswith("тыс") else 100 if m.group(3).lower().startswith("сот") else 10
    n = round((unit + 0.5) * scale)
    how = (m.group(1) or "").lower()
    if how in ("более", "свыше", "больше"):
        return n + 1, round(n * 1.1), round(n * 1.3)
    return (round(n * 0.9), n, round(n * 1.1)) if how else (n, n, n)


# a reading is (low, best, high), or a function of the match that gives it
BOUNDED = [(AND_A_HALF_RE, and_a_half_reading), (INVERTED_RE, inverted_reading)] + [
    # (Kazakh hundreds and thousands with a bound: KK_ROUND_RE below)
    # one thousand / one hundred in the singular ("тысяча человек", "почти сотня"), not "тысячи" (thousands)
    (re.compile(r"почти\s+(?:тысяча|тысячу)\b", re.I), (900, 1000, 1000)),
    (re.compile(r"почти\s+(?:сотня|сотню)\b", re.I), (90, 100, 100)),
    (re.compile(r"(?:около|порядка|примерно)\s+(?:тысяча|тысячу)\b", re.I), (900, 1000, 1100)),
    (re.compile(r"(?<![\w-])(?:тысяча|тысячу)\b(?!\s+(?:\d|[а-яё]+(?:сот|десят|ста|сти)\b))", re.I), (1000, 1000, 1000)),
    (re.compile(r"(?<![\w-])(?:сотня|сотню)\b", re.I), (100, 100, 100)),
    (re.compile(AT_LEAST + r"(?:сотни|ста)\b", re.I), (100, 100, 120)),
    (re.compile(AT_LEAST + r"десятка\b", re.I), (10, 10, 12)),
    (re.compile(r"(?<!\w)не\s+(?:более|больше)\s+(?:сотни|ста)\b", re.I), (50, 80, 100)),
    (re.compile(r"(?<!\w)не\s+(?:более|больше)\s+десятка\b", re.I), (5, 8, 10)),
    (re.compile(MORE_THAN + r"(?:сотни|ста)\b", re.I), (101, 120, 150)),
    (re.compile(MORE_THAN + r"десятка\b", re.I), (11, 13, 19)),
    (re.compile(r"(?:около|порядка|примерно)\s+(?:сотни|ста)\b", re.I), (90, 100, 110)),
    # (session 37) "полтора-два десятка" (15 to 20), "полторы-две сотни", "полутора-двух тысяч"; more than one and a half
    # ("более полутора сотен": above 150, never below it)
    (re.compile(r"(?:полтора|полутора)\s*[-–—]\s*(?:два|двух)\s+десятк\w*", re.I), (15, 18, 20)),
    (re.compile(r"(?:полторы|полтора|полутора)\s*[-–—]\s*(?:две|два|двух)\s+(?:сотни|сотен)\b", re.I), (150, 175, 200)),
    (re.compile(r"(?:полторы|полтора|полутора)\s*[-–—]\s*(?:две|два|двух)\s+тысяч\w*", re.I), (1500, 1750, 2000)),
    (re.compile(MORE_THAN + r"(?:полутора\s+десятк\w*|полтора\s+десятка\b)", re.I), (16, 17, 19)),
    (re.compile(MORE_THAN + r"(?:полутора\s+сот(?:ен|ни)\b|полторы\s+сотни\b)", re.I), (151, 165, 190)),
    (re.compile(MORE_THAN + r"(?:полутора\s+тысяч\b|полторы\s+тысячи\b)", re.I), (1501, 1650, 1900)),
    # "полтора десятка" (15), "полторы сотни" (150), "пару десятков" (about 20)
    (re.compile(r"полтора\s+десятка\b", re.I), (13, 15, 17)),
    (re.compile(r"полторы\s+сотни\b|полтораста\b|полутора\s+сот(?:ен|ни)\b", re.I), (135, 150, 165)),
    (re.compile(r"полторы\s+тысячи\b|полутора\s+тысяч\b", re.I), (1350, 1500, 1650)),
    (re.compile(r"полутора\s+десятк(?:ов|а)\b", re.I), (13, 15, 17)),
    (re.compile(r"\bпар[ауы]\s+десятков\b", re.I), (18, 20, 25)),
    (re.compile(r"\bпар[ауы]\s+сотен\b", re.I), (180, 200, 250)),
    (re.compile(r"(?:около|порядка|примерно)?\s*десятка\b|\bдесяток\b", re.I), (8, 10, 12)),
    # "около тысячи" is one thousand (genitive singular), not "тысячи" (thousands)
    (re.compile(AT_LEAST + r"тысячи\b", re.I), (1000, 1000, 1200)),
    (re.compile(MORE_THAN + r"тысячи\b", re.I), (1001, 1100, 1300)),
    (re.compile(r"(?:около|порядка|примерно|почти|приблизительно)\s+тысячи\b", re.I), (900, 1000, 1100)),
    (re.compile(r"(?:\bдо|(?<!\w)не\s+более)\s+тысячи\b", re.I), (500, 800, 1000)),
]

SCALE_RE = re.compile(r"\s+(тысяч\w*|тыс\.|десятк\w*|сотн\w*|сотен)")


def hyphen_range(text: str, start: int, end: int, token: str,
                 word_number: Callable[[str], int | None]) -> tuple[int, int, int] | None:
    """"две-три тысячи" -> (2000, 3000, end of the scale word); None when the token is no range of number words."""
    parts = [word_number(w) for w in token.split("-")]
    if len(parts) != 2 or None in parts or not parts[0] < parts[1] < 10 * parts[0]:
        return None
    a, b = parts
    mult = SCALE_RE.match(text[end:end + 60])
    if mult:
        w = mult.group(1).lower()
        k = 1000 if w.startswith("тыс") else 10 if w.startswith("десят") else 100
        a, b, end = a * k, b * k, end + mult.end()
    return a, b, end


def word_range(text: str, end: int, before: str, n: int, token: str,
               word_number: Callable[[str], int | None]) -> tuple[int, int, int, int] | None:
    """"от двухсот до трехсот": (low, high, end of the range, how many words its upper end took); None when the
    number (in words) is not the lower end of such a range. (session 21) A scale word after the upper end scales a
    lower end that has none: "от трех до десяти тысяч" is 3,000 to 10,000, "от двух тысяч до пяти тысяч" 2,000 to 5,000."""
    if token.replace("\u200b", "").isdigit() or not re.search(r"\bот\s*$", before, re.I):  # ("От ..." opens a sentence)
        return None
    after = text[end:end + 60]
    m = re.match(r"\s+до\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)", after)
    if not m:
        return None
    ws = m.group(1).split()
    hi = word_number(ws[0])
    taken = 1
    if hi is not None and len(ws) > 1 and (v := word_number(ws[1])) is not None and v < hi:
        hi, taken = hi + v, 2
    if hi is None:
        return None
    stop = end + m.start(1) + len(" ".join(ws[:taken]))
    if (scale := SCALE_RE.match(text[stop:stop + 30])) is not None:
        w = scale.group(1).lower()
        k = 1000 if w.startswith("тыс") else 10 if w.startswith("десят") else 100
        hi, stop = hi * k, stop + scale.end()
        if n * k <= hi and n < k:  # the lower end has no scale of its own ("от трех до десяти тысяч")
            n *= k
    if hi <= n:
        return None
    return n, hi, stop, taken


# (round 22) a decimal range with the scale word after both ends: "1,5–2 тысячи", "2,5-3 тыс.", "1,5-2 мың"
DASH_RANGE_THOUSANDS_RE = re.compile(r"(?<![\d.,])(\d+[.,]\d+\s*(?:-|–|—)\s*\d+(?:[.,]\d+)?|\d+\s*(?:-|–|—)\s*\d+[.,]\d+)"
                                     r"\s*(тыс\.|тысяч\w*|мың\b)", re.I)


def dash_thousands(text: str) -> list[tuple[int, int, int, int]]:
    """(low, high, start, end) of each decimal range in thousands ("1,5–2 тысячи" is 1500 to 2000)."""
    out = []
    for m in DASH_RANGE_THOUSANDS_RE.finditer(text):
        a, b = (round(float(x.replace(",", ".")) * 1000) for x in re.split(r"\s*[-–—]\s*", m.group(1)))
        if b > a:
            out.append((a, b, m.start(), m.end()))
    return out


def one_place(tok: str, before: str) -> bool:
    """(session 20) "в одном Жетыбае", "на одной из площадей": "one" of a place, no one counted."""
    return bool(re.fullmatch(r"одн(?:ом|ой|ою)", tok, re.I) and re.search(r"(?<!\w)(?:во?|на|о|об|при)\s+$", before, re.I))


# vague quantities: (low, best, high)
VAGUE = [
    (re.compile(r"(?<!\w)бірнеше\s+ондаған", re.I), (20, 30, 90)),
    (re.compile(r"(?<!\w)бірнеше\s+(?:жүз|жүздеген)\b", re.I), (200, 300, 900)),
    (re.compile(r"(?<!\w)бірнеше\s+мың\b", re.I), (2000, 3000, 9000)),
    (re.compile(r"(?<!\w)ондаған", re.I), (20, 40, 90)),
    (re.compile(r"(?<!\w)жүздеген", re.I), (200, 400, 900)),
    (re.compile(r"(?<!\w)мыңдаған", re.I), (2000, 4000, 9000)),
    (re.compile(r"(?<!\w)бірнеше", re.I), (3, 5, 9)),
    (re.compile(r"несколько\s+тысяч", re.I), (2000, 3000, 9000)),
    (re.compile(r"несколько\s+(?:сотен|сот)\b", re.I), (200, 300, 900)),
    (re.compile(r"несколько\s+десятков", re.I), (20, 30, 90)),
    # (round 16) "десятки тысяч", "сотни тысяч": tens and hundreds of thousands
    (re.compile(r"\bдесятк(?:и|ов|ам|ами|ах)\s+тысяч\b", re.I), (20000, 40000, 90000)),
    (re.compile(r"\bсот(?:ни|ен|ням|нями|нях)\s+тысяч\b", re.I), (200000, 400000, 900000)),
    (re.compile(r"\bдесятки\b", re.I), (20, 40, 90)),
    (re.compile(r"\bсотни\b", re.I), (200, 400, 900)),
    (re.compile(r"\bтысячи\b", re.I), (2000, 4000, 9000)),
    # (round 16) the oblique cases: "с десятками возмущенных торговцев", "к сотням жителей"
    (re.compile(r"\bдесятк(?:ами|ам|ах)\b", re.I), (20, 40, 90)),
    (re.compile(r"\bсотн(?:ями|ям|ях)\b", re.I), (200, 400, 900)),
    (re.compile(r"\bтысяч(?:ами|ам|ах)\b", re.I), (2000, 4000, 9000)),
    # (session 50) the genitive: "задержаниями десятков людей", "крики сотен протестующих" (a numeral before is the
    # scale of that number, read in numbers.py: "двух десятков", "нескольких сотен")
    (re.compile(r"\bдесятков\b", re.I), (20, 40, 90)),
    (re.compile(r"\bсотен\b", re.I), (200, 400, 900)),
    (re.compile(r"нескольк(?:о|их|им|ими)\b", re.I), (3, 5, 9)),
    (re.compile(r"\bгруппа\b|\bгруппы\b", re.I), (3, 5, 15)),
]


def is_vague(text: str) -> bool:
    """The quantity's text is a vague word ("ондаған", "несколько десятков", "группа"): no VAGUE pattern matches a digit."""
    return any(rx.fullmatch(text) for rx, _ in VAGUE)
