"""The gazetteer of cities (config/gazetteer.yaml): keys, names in three languages, old names,
inflected forms. Used to read a card's `city` and to find cities in media text."""
from __future__ import annotations

from functools import lru_cache

from core import settings, yamlfiles


@lru_cache(maxsize=1)
def cities() -> dict[str, dict]:
    raw = yamlfiles.load(settings.config_dir() / "gazetteer.yaml")
    return raw["cities"]


_DASHES = str.maketrans({"-": " ", "‐": " ", "‑": " ", "–": " ", "—": " "})


def _norm(s: str) -> str:
    """A city's name as compared: any case, ё as е, without "г." or "город" ("қаласы", "city"), and without its
    spaces, hyphens and dashes ("Усть Каменогорск", "Усть–Каменогорск" are "Усть-Каменогорск"; "Кызыл-Орда" is
    "Кызылорда")."""
    words = str(s).strip().lower().replace("ё", "е").replace("г.", " ").translate(_DASHES).split()
    if len(words) > 1 and words[0] in ("город", "гор.", "қаласы", "city"):
        words = words[1:]
    if len(words) > 1 and words[-1] in ("қаласы", "city", "қ."):
        words = words[:-1]
    return "".join(words)


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    idx: dict[str, str] = {}
    for key, c in cities().items():
        names = [key, c["ru"], c["kk"], c["en"], *c.get("other", []), *c.get("forms", [])]
        for n in names:
            idx[_norm(n)] = key
    return idx


def lookup(name: str) -> str | None:
    """The city key for a key or any name of a city, or None when unknown."""
    return _index().get(_norm(name))


def nearest(name: str, min_score: float = 80.0) -> str | None:
    """The key of the gazetteer's city whose name is nearest to `name` ("Алмата": almaty), for a message that
    suggests it (never to read the card: a misspelt city is refused, not guessed); None when none is near."""
    from rapidfuzz import fuzz, process

    n = _norm(name)
    if len(n) < 4:
        return None
    hit = process.extractOne(n, list(_index()), scorer=fuzz.ratio, score_cutoff=min_score)
    return _index()[hit[0]] if hit else None


def label(key: str, lang: str = "ru") -> str:
    return cities()[key][lang]
