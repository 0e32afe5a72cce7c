"""Cities in text, from config/gazetteer.yaml: Russian, Kazakh, English and old names and their
inflected forms ("в Уральске", "Нур-Султане", "Алматыда", "Оралда"), plus pymorphy3 lemmas for
forms the gazetteer does not list ("Павлодаром")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from assets.core import settings
from assets.media.text import TOKEN_RE, lemma, yo

# names that are also common words or surnames: counted only after "в", "г.", "город..."
AMBIGUOUS = {"шевченко", "жамбыл", "орал", "oral", "акмола", "семей"}
KK_SUFFIXES = ("ында", "інде", "нда", "нде", "да", "де", "та", "те", "ның", "нің", "дың", "дің", "тың", "тің",
               "ға", "ге", "қа", "ке", "дан", "ден", "тан", "тен", "нан", "нен")
CAPITAL_RE = re.compile(r"\bв\s+столице\b|\bстолиц[аеыу]\b(?!\s+(?:\w+\s+)?(?:област|район|Китая|России))", re.I)


@dataclass(frozen=True)
class CityHit:
    key: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def cities() -> dict[str, dict]:
    raw = yaml.safe_load((settings.config_dir() / "gazetteer.yaml").read_text(encoding="utf-8"))
    return raw["cities"]


def _n(s: str) -> str:
    return yo(str(s).strip().lower())


@lru_cache(maxsize=1)
def index() -> tuple[dict[str, str], dict[str, str]]:
    """(surface name -> key, lemma -> key)."""
    names: dict[str, str] = {}
    lem: dict[str, str] = {}
    for key, c in cities().items():
        for n in [c.get("ru"), c.get("kk"), c.get("en"), *(c.get("other") or []), *(c.get("forms") or [])]:
            if n:
                names[_n(n)] = key
        for n in [c.get("ru"), *(c.get("other") or [])]:
            if n and " " not in str(n):
                lem[_n(lemma(str(n)))] = key
    return names, lem


def lookup(name: str) -> str | None:
    """The city key for a key or a name (any language, old, inflected), else None."""
    if not name:
        return None
    n = _n(name).replace("г.", "").strip()
    if n in cities():
        return n
    names, lem = index()
    return names.get(n) or lem.get(_n(lemma(n)))


def find_cities(text: str) -> list[CityHit]:
    """Every city mention, in order. Capitalised words only; ambiguous names need "в"/"г."."""
    names, lem = index()
    hits: list[CityHit] = []
    toks = list(TOKEN_RE.finditer(text))
    i = 0
    while i < len(toks):
        m = toks[i]
        word = m.group(0)
        if not word[:1].isupper():
            i += 1
            continue
        # two-word names ("Новый Узень")
        if i + 1 < len(toks):
            pair = f"{word} {toks[i + 1].group(0)}"
            k = names.get(_n(pair))
            if k:
                hits.append(CityHit(k, m.start(), toks[i + 1].end(), pair))
                i += 2
                continue
        w = _n(word)
        key = names.get(w)
        if key is None and re.search("[а-яё]", w):
            key = lem.get(_n(lemma(w)))
        if key is None:
            for suf in KK_SUFFIXES:
                if w.endswith(suf) and len(w) - len(suf) >= 3:
                    key = names.get(w[: -len(suf)])
                    if key:
                        break
        if key and w in AMBIGUOUS | {_n(x) for x in AMBIGUOUS}:
            before = text[max(0, m.start() - 12):m.start()].lower()
            if not re.search(r"(\bв|\bво|г\.|город\w*|\bиз)\s*$", before):
                key = None
        if key and word.isupper() and len(word) <= 3:
            key = None
        if key:
            hits.append(CityHit(key, m.start(), m.end(), word))
        i += 1
    return hits


def capital_mentioned(text: str) -> bool:
    return bool(CAPITAL_RE.search(text))


SETTLEMENT_RE = re.compile(
    r"\b(посел(?:ок|ка|ке|ком)|пос\.|сел[оаеу]|аул[аеу]?|станци[июя]|деревн[яеи]|(?:[А-ЯЁ]\w+\s+)?ауылы?)\s+"
    r"«?([А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+(?:\s+[А-ЯЁ][\w-]+)?)»?")


def find_settlement(text: str) -> tuple[str, int] | None:
    m = SETTLEMENT_RE.search(text)
    if not m:
        return None
    kind = m.group(1).lower()
    prefix = "пос." if kind.startswith("пос") else "с." if kind.startswith("сел") else "аул" if "аул" in kind else kind
    return f"{prefix} {m.group(2)}", m.start()
