"""Russian morphology (pymorphy3), one analyser per process, loaded on first use (~0.3 s; never at import): the
report's agreement of words with numbers, the media extractor's lemmas, and a card's code written in another
form of its label ("политическая" for Политический, "Митинги" for Митинг)."""
from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[a-zа-яёәғқңөұүһі]+", re.IGNORECASE)


@lru_cache(maxsize=1)
def analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=4096)
def lemmas(text: str) -> tuple[str, ...]:
    """The dictionary form of each word of `text` (lower case, ё as е; a word pymorphy3 does not know as written)."""
    out = []
    for w in _WORD.findall(text.lower().replace("ё", "е")):
        p = analyzer().parse(w)
        out.append(p[0].normal_form.replace("ё", "е") if p else w)
    return tuple(out)


def code_lemmas(codes: dict[str, dict]) -> dict[tuple[str, ...], str]:
    """The dictionary forms of each code's Russian label -> the code ("политический" -> political), for a code written
    in another form of its label; a form two codes share is left out (ambiguous, never guessed). `codes`: a card field's
    codes as schemas/card.yaml gives them (code -> {ru, en}). Read alike by validation (assets/validate/coerce.py) and
    the media review import (assets/media/review_columns.py)."""
    idx: dict[tuple[str, ...], str] = {}
    clash: set[tuple[str, ...]] = set()
    for key, labels in codes.items():
        lem = lemmas(labels.get("ru", ""))
        if lem in idx and idx[lem] != key:
            clash.add(lem)
        idx.setdefault(lem, key)
    return {k: v for k, v in idx.items() if k and k not in clash}
