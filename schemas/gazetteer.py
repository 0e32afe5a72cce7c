"""The gazetteer of cities (config/gazetteer.yaml): keys, names in three languages, old names,
inflected forms. Used to read a card's `city` and to find cities in media text."""
from __future__ import annotations

from functools import lru_cache

from core import settings, yamlfiles


@lru_cache(maxsize=1)
def cities() -> dict[str, dict]:
    raw = yamlfiles.load(settings.config_dir() / "gazetteer.yaml")
    return raw["cities"]


def _norm(s: str) -> str:
    return " ".join(str(s).strip().lower().replace("ё", "е").replace("г.", "").split())


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


def label(key: str, lang: str = "ru") -> str:
    return cities()[key][lang]
