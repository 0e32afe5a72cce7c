"""Numbers as the report prints them: Russian decimal comma, percentages, indices, counts."""
from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from core import morph, plural


def number(x: float | None, decimals: int = 0, lang: str = "ru") -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    # thousands grouped from 10 000 up (a four-digit number is printed whole, as the seed does: 1697), judged on
    # the number as printed (9999,6 at no decimal is 10 000)
    q = rounded(x, decimals)
    s = f"{q:.{decimals}f}"
    if abs(float(s)) >= 10000:
        s = f"{q:,.{decimals}f}".replace(",", "\u202f")
    return s.replace(".", ",") if lang == "ru" else s


def rounded(x: float, decimals: int = 0) -> Decimal | float:
    """x rounded half away from zero at `decimals`, as a reader, Excel and DuckDB's round() do (12,5 → 13;
    Python's own formatting rounds half to even: 12,5 → 12), on the number as written (2,675 → 2,68)."""
    if isinstance(x, float) and not math.isfinite(x):
        return x
    return Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


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


# columns printed at their own precision, not their suffix's: the activity index (assemblies a month) with one
# decimal, as every edition's Table 3 and the text print it (other indices, police per participant, with two)
OWN_DECIMALS = {"activity_index": 1}


def for_column(col_key: str, x: float | None, lang: str = "ru") -> str:
    if col_key in OWN_DECIMALS:
        return number(x, OWN_DECIMALS[col_key], lang)
    if col_key.endswith("_pct"):
        return pct(x, lang)
    if col_key.endswith("_index"):
        return index(x, lang)
    if col_key.endswith(("_avg", "_avg_min", "_median", "_median_min")) or col_key == "police_per_assembly":
        return mean(x, lang)
    return count(x, lang)


def _morph():
    return morph.analyzer()  # one analyser per process (core/morph.py)


def agree(n: float, word: str, lang: str = "ru", plural_en: str | None = None) -> str:
    """'36 мирных собраний', '9 городах'... — the noun phrase agreed with the number (pymorphy3).
    `word` may be several words ("мирное собрание"); each is agreed. English: plural_en or word+'s'."""
    k = int(rounded(n))
    if lang != "ru":
        return plural.en_count(k, word, plural_en)
    out = []
    for w in word.split():
        p = _morph().parse(w)[0]
        agreed = p.make_agree_with_number(k)
        word_ = agreed.word if agreed else w
        out.append("человек" if word_ == "людей" else word_)  # "5 человек", not "5 людей"
    return f"{k} {' '.join(out)}"


def all_of(n: float, word: str, lang: str = "ru", plural_en: str | None = None) -> str:
    """The whole of a count, opening a sentence: 'Все 6 мирных собраний' / 'All 6 assemblies'; two are 'Оба мирных
    собрания' ('Обе формы') / 'Both assemblies', never 'Все 2' / 'All 2'. (One is a sentence of its own: 'the
    period's only assembly'.)"""
    k = int(rounded(n))
    if lang != "ru":
        return "Both " + plural.en(2, word, plural_en) if k == 2 else f"All {agree(k, word, lang, plural_en)}"
    if k != 2:
        return f"Все {agree(k, word)}"
    head = _morph().parse(word.split()[-1])[0]  # the noun: its gender says 'оба' or 'обе'
    return ("Обе " if head.tag.gender == "femn" else "Оба ") + agree(k, word).split(" ", 1)[1]


def singular(n: int) -> bool:
    """Whether Russian agrees a word with the number n in the singular: 1, 21, 101 — not 11, 111."""
    return plural.ru_form(n) == "one"


def few(n: int) -> bool:
    """Whether Russian takes the genitive singular after n: 2–4, 22–24 ('года', 'раза') — not 12–14 ('лет', 'раз')."""
    return plural.ru_form(n) == "few"


def counted(shown: str, n: float | None, forms: tuple[str, ...], lang: str = "ru") -> str:
    """A count as printed (`shown`, with its footnote) and its noun agreed with it (core/plural.py): forms are
    (one, few, many) in Russian ('1 дело', '2 дела', '5 дел'), (one, many) in English ('1 case', '2 cases').
    No figure ('—'): the plural ('— дел')."""
    k = 5 if n is None else n
    word = plural.ru(k, *forms) if lang == "ru" else plural.en(2 if n is None else n, *forms)
    return f"{shown} {word}"


def verb(n: float | None, one: str, other: str, lang: str = "ru") -> str:
    """A verb agreed with the count it says (Russian 'прошло 1 собрание' / 'прошли 2 собрания'; English
    'was' / 'were'): the singular after 1 (and 21, 101 in Russian), the plural otherwise."""
    if n is None:
        return other
    if lang != "ru":
        return plural.en(n, one, other)
    return one if plural.ru_form(n) == "one" else other


def agree_case(n: float, word: str, case: str) -> str:
    """The noun agreed with the number in a grammatical case (e.g. 'loct' — 'в 9 городах')."""
    k = int(rounded(n))
    out = []
    for w in word.split():
        p = _morph().parse(w)[0]
        inflected = p.inflect({case, "sing" if singular(k) else "plur"})
        out.append(inflected.word if inflected else w)
    return f"{k} {' '.join(out)}"


# ------------------------------------------------------------------ periods and comparisons in words

def period_in(period_id: str, lang: str = "ru") -> str:
    """'в 2016 году', 'в 2011–2012 годах'; 'in 2016'."""
    label = period_id.replace("-", "–")
    if lang != "ru":
        return f"in {label}"
    return f"в {label} году" if "-" not in period_id else f"в {label} годах"


def period_with(period_id: str, lang: str = "ru") -> str:
    """'с 2016 годом', 'с 2011–2012 годами' (after 'по сравнению'); 'with 2016'."""
    label = period_id.replace("-", "–")
    if lang != "ru":
        return f"with {label}"
    return f"с {label} годом" if "-" not in period_id else f"с {label} годами"


def times(k: float, lang: str = "ru") -> str:
    """How a careful writer says a ratio: whole from three up ('в 5 раз' for 4,5 or 5,1); below three to a tenth
    ('в 2,5 раза', 'в 2,2 раза') unless nearly whole ('в 2 раза' for 1,9 to 2,1); '5 times'. Every rounding half up,
    as `rounded` (9/4 is 'в 2,3 раза', never Python's 2,2)."""
    k = abs(k)
    if k >= 3:
        r = math.floor(k + 0.5)
    else:
        whole = float(rounded(k))
        r = whole if abs(k - whole) < 0.15 else float(rounded(k, 1))
    whole = float(r).is_integer()
    s = count(r, lang) if whole else number(r, 1, lang)
    k = r
    if lang != "ru":
        return f"{s} times"
    if not whole:
        return f"в {s} раза"
    n = int(round(k))
    return f"в {s} раза" if few(n) else f"в {s} раз"


def change(ratio: float | None, inverse: float | None, change_pct: float | None, lang: str = "ru",
           kind: str = "index") -> str | None:
    """How a figure compares with another, as the seed words it: 'на 30% меньше' / 'в 5 раз меньше' /
    'на том же уровне'; English '30% lower', '80% lower' (a fall is said in percent), '5 times higher', 'the same';
    None for a figure fallen to zero. The comparison comes from
    sql/report/figure_changes.sql: `ratio` = this / other, `inverse` = other / this, `change_pct` =
    (ratio - 1) * 100. None when not comparable."""
    if ratio is None or change_pct is None or (isinstance(ratio, float) and math.isnan(ratio)):
        return None
    less = ratio < 1
    if lang == "ru":
        word = "меньше" if less else "больше"
    else:
        word = ("fewer" if less else "more") if kind == "count" else ("lower" if less else "higher")
    if ratio == 0:  # fallen to nothing: no "на 100% меньше" (the sentence gives the other figure instead)
        return None
    rel = abs(change_pct)
    if number(rel, 0) == "0":  # below 0,5 %: "на 0% больше" is no change (exactly 0,5 % is "на 1%")
        return "на том же уровне" if lang == "ru" else "the same"
    if less and inverse is not None and inverse >= 2 and lang == "ru":  # English says a fall in percent: "80% fewer",
        return f"{times(inverse, lang)} {word}"                           # never "5 times fewer"
    if not less and ratio >= 2:
        return f"{times(ratio, lang)} {word}"
    return f"на {number(rel, 0, lang)}% {word}" if lang == "ru" else f"{number(rel, 0, lang)}% {word}"


def share_change(cur: float | None, prev: float | None, lang: str = "ru") -> str | None:
    """A share compared in percentage points: 'выросла с 69% до 78%' / 'rose from 69% to 78%'."""
    if cur is None or prev is None:
        return None
    a, b = pct(prev, lang), pct(cur, lang)
    if a == b:
        return f"осталась на уровне {b}" if lang == "ru" else f"stayed at {b}"
    up = cur > prev
    if lang == "ru":
        return f"{'выросла' if up else 'снизилась'} с {a} до {b}"
    return f"{'rose' if up else 'fell'} from {a} to {b}"


def fraction_phrase(share_pct: float | None, lang: str = "ru", noun_ru: str = "собрание") -> str | None:
    """'каждое второе собрание' when a share is within 3 points of 1/k (k = 2..5), the nearest such k (22,2%
    is 'каждое пятое', 22,6% 'каждое четвёртое'); None otherwise."""
    if share_pct is None:
        return None
    ords_ru = {2: "второе", 3: "третье", 4: "четвёртое", 5: "пятое"}
    ords_en = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}
    off, k = min((abs(share_pct - 100 / k), k) for k in (2, 3, 4, 5))
    if off <= 3:
        return f"каждое {ords_ru[k]} {noun_ru}" if lang == "ru" else f"every {ords_en[k]} assembly"
    return None


def date(d, lang: str = "ru", months: list[str] | None = None) -> str:
    """'10 января' / '10 January'."""
    months = months or []
    m = months[d.month - 1] if months else str(d.month)
    return f"{d.day} {m}"
