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
# (session 38: one describing word may stand between, "екі көпбалалы ана", "үш жас ана"; not a place's "-дағы": "екі
# ауылдағы тұрғындар" are no two people; nor the number's own adjective, "бес балалы ана" is one mother of five)
KK_NUMBER_RE = re.compile(_KK_NUMERAL + r"(?=\s+(?:(?!(?:балалы|немерелі|бөлмелі)\b)(?:[^\W\d]+(?:лы|лі)|жас|қарт|мүгедек|жергілікті|ашынған)\s+)?(?:шақты|адам|тұрғын|кісі|азамат|белсенді|қатысушы|жұмысшы|әйел|зейнеткер|"
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
# (session 54) up to a figure: "500-ге дейін адам" (a range's "1000-нан 1500-ге дейін" is read first, KK_RANGE_RE)
KK_UP_TO_RE = re.compile(r"^\s*-?\s*(?:ға|ге|қа|ке)\s+дейін(?!\w)", re.I)
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
    for m in KK_WORD_RANGE_RE.finditer(text):  # (session 37) "бес-алты адам", "жиырма-отыз адам"
        a, b = (KK_UNITS.get(x.lower()) or KK_TENS[x.lower()] for x in m.groups())
        if b > a:
            out.append((a, b, m.start(), m.end()))
    return out


def _numeral_value(m) -> int:
    """The value of a match of _KK_NUMERAL (its first three groups)."""
    if m.group(1):
        return KK_TENS[m.group(1).lower()] + KK_UNITS.get((m.group(2) or "").lower(), 0)
    return KK_UNITS[m.group(3).lower()]


# (session 37) a compound Kazakh numeral: words of units, tens, жүз (hundred), мың (thousand) and жарым (half), or a
# figure before мың ("екі жүз елу", "бір жарым мың", "мың жарым", "1,5 мың", "бес жүздей", "екі мыңдай", "бір жарым мыңға
# жуық"); its last word may carry the ending of "about" or of a case before a bound
_KK_NUM_WORDS = "|".join([*KK_UNITS, *KK_TENS, "жүз", "мың", "жарым"])
_KK_END = r"(дай|дей|тай|тей|ға|ге|қа|ке|дан|ден|нан|нен|тан|тен)?"
KK_COMPOUND_RE = re.compile(rf"(?<![\w.,-])(?:(\d+(?:[.,]\d+)?)\s*(?=мың))?((?:(?:{_KK_NUM_WORDS})\s+)*(?:{_KK_NUM_WORDS})){_KK_END}(?![\w-])",
                            re.I)
KK_WORD_RANGE_RE = re.compile(rf"(?<![\w-])({'|'.join([*KK_UNITS, *KK_TENS])})\s*[-–—]\s*({'|'.join([*KK_UNITS, *KK_TENS])})(?![\w-])", re.I)


def _kk_value(figure: str | None, words: list[str]) -> float | None:
    """The value of a compound numeral's words (after a figure that multiplies its мың); None when it is none."""
    total, current, prev = 0.0, float(figure.replace(",", ".")) if figure else 0.0, ""
    for w in words:
        if w in KK_UNITS:
            current += KK_UNITS[w]
        elif w in KK_TENS:
            current += KK_TENS[w]
        elif w == "жүз":
            current = (current or 1) * 100
        elif w == "мың":
            total, current = total + (current or 1) * 1000, 0.0
        elif w == "жарым":  # half: of the unit before a scale ("бір жарым мың"), or of the scale just said ("мың жарым")
            if prev in KK_UNITS and current < 10:
                current += 0.5
            elif prev == "мың":
                total += 500
            elif prev == "жүз":
                current += 50
            else:
                return None
        prev = w
    return total + current


def _kk_compounds(text: str, used: Spans) -> list[tuple[int, int, int, str | None]]:
    out = []
    for m in KK_COMPOUND_RE.finditer(text):
        words = m.group(2).lower().split()
        if used.overlaps(m.start(), m.end()) or not (m.group(1) or len(words) > 1 or "жарым" in words):
            continue
        if words[-1] == "жарым" and len(words) == 1:
            continue
        if words[-1] == "бір" and m.group(3):
            continue  # "бірдей" (alike), "бірге" (together), "бірден" (at once): words of their own, no figure
        v = _kk_value(m.group(1), words)
        if not v or v < 1:
            continue
        end, after, how = m.group(3), text[m.end():m.end() + 30].lower(), None
        if re.match(r"\s+\w+(?:ыншы|інші|ншы|нші)\b", after):
            continue  # an ordinal follows: a year told in words ("екі мың он тоғызыншы жылы"), no count
        stop = m.end()
        if end and end.lower() in ("дай", "дей", "тай", "тей"):
            how = "about"
        elif bound := (re.match(r"\s+шақты\b", after) or (end and re.match(r"\s+(?:жуық|тарта)\b", after))):
            how, stop = "about", m.end() + bound.end()
        elif end and (bound := re.match(r"\s+(?:астам|артық|көп|аса)\b", after)):
            how, stop = "more", m.end() + bound.end()
        out.append((m.start(), stop, round(v), how))  # (the bound is part of the figure: what follows is what it counts)
        used.append((m.start(), stop))
    return out


def kk_numbers(text: str, used: Spans) -> list[tuple[int, int, int, str | None]]:
    """Kazakh number words as (start, end, n, bound): bound "about", "more" or None; each span is added to
    `used` (spans.Spans), and one overlapping a span already there is skipped."""
    out = _kk_compounds(text, used)

    def free(m) -> bool:
        return not used.overlaps(m.start(), m.end())

    for m in KK_NUMBER_RE.finditer(text):
        if not free(m):
            continue
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
