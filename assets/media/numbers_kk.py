"""Kazakh number words in news text: tens and units before a word for people or "шақты" ("он шақты адам",
"жиырма бес адам"), with a case ending and a bound ("жиырмадан астам", "отызға жуық"), hundreds and
thousands with a bound ("жүзден астам", "екі мыңға жуық", "үш жүзге тарта"); and the bounds told after a
figure ("200-ге жуық", "500-ден астам", "200-дей"). Read into quantities by numbers.py."""
from __future__ import annotations

import re

from assets.media.spans import Spans

# Kazakh numerals, read only before "шақты" (about) or a word for people: "он шақты адам", "жиырма бес адам"
KK_UNITS = {"бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9}
KK_TENS = {"он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60, "жетпіс": 70, "сексен": 80,
           "тоқсан": 90}
# a numeral of tens and units or of units alone: groups tens, units after tens, units alone
_KK_NUMERAL = rf"(?<![\w-])(?:({'|'.join(KK_TENS)})(?:\s+({'|'.join(KK_UNITS)}))?|({'|'.join(KK_UNITS)}))"
# (session 23) an agent noun in -шы/-ші ("күзетші"), not an ordinal in -ншы/-нші ("бесінші") nor an adjective in -шыл/-шіл
KK_AGENT = r"[^\W\d]{2,}(?<!н)(?:шы|ші)(?!л)"
KK_NUMBER_RE = re.compile(_KK_NUMERAL + r"(?=\s+(?:шақты|адам|тұрғын|кісі|азамат|белсенді|қатысушы|жұмысшы|әйел|зейнеткер|"
                                        r"жігіт|қыз\b|қызметкер|ана\b|аналар|наразылық\s+білдіруші|наразы|шеруші|ереуілші|"
                                        + KK_AGENT + r"))", re.I)
# a Kazakh numeral in the ablative or dative with "more than" / "about" ("жиырмадан астам адам", "отызға жуық
# тұрғын", "елуден артық"): the suffix is glued to the word, so the stem is matched before it
KK_NUMBER_CASE_RE = re.compile(_KK_NUMERAL + r"(?:(дан|ден|тан|тен|нан|нен)\s+(?:астам|артық|көп|аса)|(ға|ге|қа|ке)\s+(?:жуық|тарта))(?![\w-])", re.I)
KK_ABOUT_RE = re.compile(r"^\s*-?\s*(?:(?:ға|ге|қа|ке)\s+(?:жуық|тарта)|шақты\b|(?:дей|дай|тей|тай)\b)", re.I)
# Kazakh hundreds and thousands with a bound: "жүзден астам", "екі жүзден астам", "мыңға жуық", "үш жүзге жуық",
# "екі мыңға тарта", "жүз шақты", and after a figure: "2 мыңнан астам", "1,5 мыңға жуық"
KK_ROUND_RE = re.compile(rf"(?<![\w-])(?:({'|'.join(KK_UNITS)}|\d+(?:[.,]\d+)?)\s+)?(жүз|мың)(?:(ден|нан)\s+(?:астам|артық|көп|аса)|"
                         r"(ге|ға)\s+(?:жуық|тарта)|\s+(шақты))(?![\w-])", re.I)
# (session 22) tens and "шақты" written as one word: "оншақты адам" (about ten), "жиырмашақты"
KK_FUSED_ABOUT_RE = re.compile(rf"(?<![\w-])({'|'.join(KK_TENS)})шақты(?![\w-])", re.I)
KK_MORE_RE = re.compile(r"^\s*-?\s*(?:дан|ден|тан|тен|нан|нен)\s+(?:астам|артық|көп|аса|асады|асты|асып|асқан)", re.I)

# (session 37) a range of figures as Kazakh tells it: "1000-нан 1500-ге дейін адам" (from ... to), "200 бен 300 аралығында"
# / "арасында" (between ... and), each figure may be in thousands ("1,5 мыңнан 2 мыңға дейін")
_KK_FIGURE = r"(\d+(?:[.,]\d+)?)\s*(мың\w*)?"
KK_RANGE_RE = re.compile(r"(?<![\d.,])" + _KK_FIGURE + r"\s*-?\s*(?:дан|ден|тан|тен|нан|нен)?\s+" + _KK_FIGURE
                         + r"\s*-?\s*(?:ға|ге|қа|ке)\s+дейін(?![\w-])|"
                         r"(?<![\d.,])" + _KK_FIGURE + r"\s*-?\s*(?:мен|бен|пен)\s+" + _KK_FIGURE
                         + r"\s*-?\s*(?:аралығында|арасында)(?![\w-])", re.I)


def kk_ranges(text: str) -> list[tuple[int, int, int, int]]:
    """(low, high, start, end) of each Kazakh range of figures; a "range" whose second figure is not larger is none."""
    out = []
    for m in KK_RANGE_RE.finditer(text):
        g = m.groups()[:4] if m.group(1) else m.groups()[4:]
        a, b = (float(x.replace(",", ".")) * (1000 if k else 1) for x, k in ((g[0], g[1]), (g[2], g[3] or g[1])))
        if g[1] and not g[3]:
            b = float(g[2].replace(",", "."))  # "1,5 мыңнан 2000-ға дейін": the second figure as written
        if g[3] and not g[1] and a * 1000 <= b:
            a *= 1000  # "5 пен 10 мың аралығында": thousands, both
        if b > a:
            out.append((round(a), round(b), m.start(), m.end()))
    return out


def _numeral_value(m) -> int:
    """The value of a match of _KK_NUMERAL (its first three groups)."""
    if m.group(1):
        return KK_TENS[m.group(1).lower()] + KK_UNITS.get((m.group(2) or "").lower(), 0)
    return KK_UNITS[m.group(3).lower()]


def kk_numbers(text: str, used: Spans) -> list[tuple[int, int, int, str | None]]:
    """Kazakh number words as (start, end, n, bound): bound "about", "more" or None; each span is added to
    `used` (spans.Spans), and one overlapping a span already there is skipped."""
    out = []

    def free(m) -> bool:
        return not used.overlaps(m.start(), m.end())

    for m in KK_NUMBER_RE.finditer(text):
        out.append((m.start(), m.end(), _numeral_value(m), "about" if KK_ABOUT_RE.match(text[m.end():m.end() + 60]) else None))
        used.append((m.start(), m.end()))
    for m in KK_ROUND_RE.finditer(text):
        if free(m):
            unit = (m.group(1) or "бір").lower()  # a unit word or a figure: "екі мыңға жуық", "2 мыңнан астам"
            k = float(unit.replace(",", ".")) if unit[0].isdigit() else KK_UNITS[unit]
            n = round(k * (100 if m.group(2).lower() == "жүз" else 1000))
            out.append((m.start(), m.end(), n, "more" if m.group(3) else "about"))
            used.append((m.start(), m.end()))
    for m in KK_NUMBER_CASE_RE.finditer(text):
        if free(m):  # (what follows the bound is what is counted: "жиырмадан астам адамды ұстап әкетті")
            out.append((m.start(), m.end(), _numeral_value(m), "more" if m.group(4) else "about"))
            used.append((m.start(), m.end()))
    for m in KK_FUSED_ABOUT_RE.finditer(text):
        if free(m):
            out.append((m.start(), m.end(), KK_TENS[m.group(1).lower()], "about"))
            used.append((m.start(), m.end()))
    return out
