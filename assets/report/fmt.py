"""Numbers as the report prints them: Russian decimal comma, percentages, indices, counts."""
from __future__ import annotations

import math
from functools import lru_cache


def number(x: float | None, decimals: int = 0, lang: str = "ru") -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    s = f"{x:,.{decimals}f}".replace(",", "\u202f")
    return s.replace(".", ",") if lang == "ru" else s


def count(x: float | None, lang: str = "ru") -> str:
    return number(x, 0, lang)


def pct(x: float | None, lang: str = "ru") -> str:
    """Shares: whole percent from 10% up, one decimal below (as the seed prints 2,8% and 47%)."""
    if x is None:
        return "—"
    return number(x, 0 if abs(x) >= 10 or x == 0 else 1, lang) + "%"


def index(x: float | None, lang: str = "ru") -> str:
    return number(x, 2, lang)


def mean(x: float | None, lang: str = "ru") -> str:
    if x is None:
        return "—"
    return number(x, 0 if float(x).is_integer() else 1, lang)


def for_column(col_key: str, x: float | None, lang: str = "ru") -> str:
    if col_key.endswith("_pct"):
        return pct(x, lang)
    if col_key.endswith("_index"):
        return index(x, lang)
    if col_key.endswith(("_avg", "_avg_min", "_median", "_median_min")) or col_key == "police_per_assembly":
        return mean(x, lang)
    return count(x, lang)


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def agree(n: float, word: str, lang: str = "ru", plural_en: str | None = None) -> str:
    """'36 мирных собраний', '9 городах'... — the noun phrase agreed with the number (pymorphy3).
    `word` may be several words ("мирное собрание"); each is agreed. English: plural_en or word+'s'."""
    k = int(round(n))
    if lang != "ru":
        return f"{k} {word if k == 1 else (plural_en or word + 's')}"
    out = []
    for w in word.split():
        p = _morph().parse(w)[0]
        agreed = p.make_agree_with_number(k)
        out.append(agreed.word if agreed else w)
    return f"{k} {' '.join(out)}"


def agree_case(n: float, word: str, case: str) -> str:
    """The noun agreed with the number in a grammatical case (e.g. 'loct' — 'в 9 городах')."""
    k = int(round(n))
    out = []
    for w in word.split():
        p = _morph().parse(w)[0]
        inflected = p.inflect({case, "plur" if k % 10 != 1 or k % 100 == 11 else "sing"})
        out.append(inflected.word if inflected else w)
    return f"{k} {' '.join(out)}"
