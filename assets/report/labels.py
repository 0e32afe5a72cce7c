"""One label dictionary for the report: config/labels.yaml (titles, rows, columns, words), the code
lists of schemas/card.yaml and the gazetteer's city names."""
from __future__ import annotations

import re
from functools import lru_cache

from core import settings, yamlfiles
from schemas import gazetteer
from schemas.card import spec

LANGS = ("ru", "en")


@lru_cache(maxsize=1)
def _labels() -> dict:
    return yamlfiles.load(settings.config_dir() / "labels.yaml")


def title(table_no: str, lang: str, year: str = "", **subs: str) -> str:
    """A table's title as the published report prints it; {year} and the given {name}s filled in."""
    s = _labels()["tables"][table_no][lang].replace("{year}", year)
    for k, v in subs.items():
        s = s.replace("{" + k + "}", v)
    # a placeholder without a value leaves no trace, nor do the parentheses it stood in ("форм собраний ({prev})")
    return re.sub(r"\s*\(\)", "", re.sub(r"\s*\{\w+\}", "", s))


def column(col_key: str, lang: str) -> str:
    c = _labels()["columns"].get(col_key)
    if c:
        return c[lang]
    coded = any_code(col_key, lang)  # the summary's counts by character are columns named by their code
    return coded or col_key.replace("_", " ")  # never a raw key; tests require a label for each


def word(key: str, lang: str) -> str:
    return _labels()["words"][key][lang]


def code(field: str, key: str, lang: str) -> str:
    f = spec().card.get(field) or spec().person.get(field)
    if f and key in f.codes:
        return f.codes[key][lang]
    return key


CODED_FIELDS = ("character", "organizer_type", "form", "reason_not_applied")


def any_code(key: str, lang: str) -> str | None:
    """The label of `key` as a code of one of the card's coded fields (schemas/card.yaml), else None."""
    for f in CODED_FIELDS:
        label = code(f, key, lang)
        if label != key:
            return label
    return None


def _part(key: str, lang: str) -> str:
    """A part of a composite key ('event/2017-01-11/kalamkas', 'topics/economic'): a row of the dictionary, a
    city, a code of the card, else as it stands (a date, an organisation's own name)."""
    special = _labels()["rows"].get(key)
    if special:
        return special[lang]
    city = gazetteer.cities().get(key)
    if city:
        return city[lang]
    return any_code(key, lang) or key


# The card field whose codes a table's rows are (else cities, or the dictionary's special rows).
ROW_FIELD = {"4": "character", "5": "organizer_type", "6": "organizer_type", "7": "form", "8": "form",
             "10": "reason_not_applied", "13": None, "courts": None, "summary": None, "topics": None}
_CELL_KEY = re.compile(r"^(\d+(?:-\d+)?|courts|summary)/([^/]+)/([^/]+)$")


def row(key: str, lang: str, field: str | None = None) -> str:
    """Label of a row key: special rows, a city, or a code of `field`."""
    special = _labels()["rows"].get(key)
    if special:
        return special[lang]
    if field == "city" or (field is None and key in gazetteer.cities()):
        c = gazetteer.cities().get(key)
        return c[lang] if c else key
    if field:
        label = code(field, key, lang)
        if label != key:
            return label
    cell = _CELL_KEY.match(key)
    if cell:  # a text figure about another table's cell ('8/hunger_strike/count': a trend word about it)
        table, r, c = cell.groups()
        return f"{word('table', lang)}{table}: {row(r, lang, ROW_FIELD.get(table, 'city'))}, {column(c, lang).lower()}"
    if "/" in key:  # composite keys of the text figures ('event/2017-05-03/almaty', 'org/KazFem')
        parts = key.split("/")[1:]
        return ", ".join(_part(p, lang) for p in parts)
    if key.startswith("case_"):  # a court case by its number: '№3', in English 'No. 3'
        return key.replace("case_", "№") if lang == "ru" else key.replace("case_", "No. ")
    coded = any_code(key, lang)
    return coded or key.replace("_", " ")


def sections(lang: str) -> dict[str, str]:
    return {k: v[lang] for k, v in _labels()["sections"].items()}


def chart(key: str, lang: str, year: str = "") -> str:
    return _labels()["charts"][key][lang].replace("{year}", year)


def months(lang: str) -> list[str]:
    return list(_labels()["months"][lang])


def grammar(form: str, key: str, lang: str) -> str:
    return _labels()["grammar"][form][key][lang]


def optional(section: str, key: str, lang: str) -> str:
    """A label of `section` (status, rules), or the key itself when the dictionary has none."""
    entry = _labels().get(section, {}).get(key)
    return entry[lang] if entry else key
