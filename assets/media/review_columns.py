"""The review queue's columns: the editable card fields and the context columns, their Russian / English labels
(`label`), the header a monitor may have typed or kept read back to its key (`header_key`), the decision and
yes / no words, and the card fields' codes. Shared by review_export.py (writing the queue), review_sheets.py
(reading a filled sheet) and review.py (the decisions)."""
from __future__ import annotations

from functools import lru_cache

import re
import textwrap

from core import morph, settings, yamlfiles

DECISIONS = {"accept": "accept", "a": "accept", "yes": "accept", "принять": "accept", "да": "accept",
             "reject": "reject", "r": "reject", "no": "reject", "отклонить": "reject", "нет": "reject",
             "merge": "merge", "m": "merge", "объединить": "merge"}
EDITABLE = ["date", "time_start", "city", "settlement", "place", "form", "topic", "character", "organizer_type",
            "organizer_name", "participants_low", "participants", "participants_high", "duration_min", "attributes",
            "permission_requested", "permission_answer", "reason_not_applied", "prosecutor_present",
            "prosecutor_warned", "akimat_present", "akimat_warned", "police_present", "police_warned", "police_count",
            "obstruction", "dispersal", "preventive_detentions", "detained", "state_organised", "notes"]
CONTEXT = ["source_1", "source_2", "source_3", "why_found", "claims", "evidence", "titles", "source_type", "source_links",
           "authorities_response", "import_note", "event_keys"]
COLUMNS = ["candidate_id", "decision", "merge_into", *EDITABLE, *CONTEXT]
# headers for the monitor: Russian / English; the import reads these, the keys, or either half
OWN_LABELS = {
    "candidate_id": ("Номер кандидата", "Candidate id"), "decision": ("Решение", "Decision"),
    "merge_into": ("Объединить с (номер)", "Merge into (id)"), "source_1": ("Источник 1", "Source 1"),
    "source_2": ("Источник 2", "Source 2"), "source_3": ("Источник 3", "Source 3"),
    "why_found": ("Почему найдено", "Why it was found"), "claims": ("Источники расходятся", "Sources disagree"),
    "evidence": ("Предложения, из которых взяты поля", "Evidence sentences"), "titles": ("Заголовки", "Headlines"),
    "source_type": ("Тип источника", "Source type"), "source_links": ("Все ссылки", "All links"),
    "authorities_response": ("Реакция властей", "Authorities' response"),
    "import_note": ("Ошибка прошлого импорта", "Problem at the last import"),
    "event_keys": ("Служебные ключи", "Internal keys"),
}

# how the queue shows each column to a monitor (session 45: every column had the default width of 8 characters, so
# the headers and the dates were cut and the evidence one word a line): its width in characters, NARROW for the
# numbers and the yes / no fields; the WRAPPED columns show their text on several lines, the row growing with it up
# to MAX_ROW_LINES lines (the rest is read in the cell itself)
WIDTHS = {"candidate_id": 15, "decision": 20, "merge_into": 16, "date": 13, "time_start": 12, "city": 16,
          "settlement": 16, "place": 28, "form": 24, "topic": 30, "character": 20, "organizer_type": 22,
          "organizer_name": 24, "attributes": 20, "permission_answer": 22, "reason_not_applied": 24, "notes": 30,
          "source_1": 36, "source_2": 36, "source_3": 36, "why_found": 60, "claims": 40, "evidence": 70,
          "titles": 50, "source_type": 12, "source_links": 40, "authorities_response": 30, "import_note": 40,
          "event_keys": 20, "state_organised": 24, "participants": 16, "preventive_detentions": 14, "permission_requested": 14}
NARROW = 14
WRAPPED = ("place", "topic", "organizer_name", "notes", "why_found", "claims", "evidence", "titles", "import_note")
MAX_ROW_LINES = 4


def width(key: str) -> int:
    """The column's width in characters."""
    return WIDTHS.get(key, NARROW)


def lines_shown(text, chars: int) -> int:
    """How many lines a wrapped cell `chars` characters wide shows `text` on: each of its lines wrapped at spaces,
    a word longer than the cell cut."""
    if text in (None, ""):
        return 1
    return sum(max(1, len(textwrap.wrap(line, chars))) for line in str(text).split("\n"))


def label(key: str) -> str:
    """The header a monitor reads: 'Дата / Date'."""
    spec = card_schema().get(key) or {}
    ru, en = OWN_LABELS.get(key) or (spec.get("ru"), spec.get("en"))
    return f"{ru} / {en}" if ru and en else key


@lru_cache(maxsize=1)
def _header_index() -> dict[str, str]:
    idx: dict[str, str] = {}
    for key in COLUMNS:
        idx[key] = key
        lab = label(key)
        idx[lab.lower()] = key
        for half in lab.split(" / "):
            idx.setdefault(half.strip().lower(), key)
    return idx


def header_key(header) -> str:
    """The field key of a header cell: a key, 'Дата / Date', 'Дата' or 'Date'."""
    h = " ".join(str(header or "").split()).lower()
    return _header_index().get(h, h)


def _choice(v) -> str:
    """'принять / accept' -> 'принять'; 'да / yes' -> 'да' (either half is understood)."""
    s = str(v).strip()
    return s.split(" / ")[0].strip() if " / " in s else s


@lru_cache(maxsize=1)
def card_schema() -> dict[str, dict]:
    raw = yamlfiles.load(settings.schemas_dir() / "card.yaml")
    return raw["card"]


def _code_index(field_name: str) -> dict[str, str]:
    """code, Russian label or English label (lower-case), or 'Русский / English' -> code."""
    spec = card_schema().get(field_name, {})
    idx: dict[str, str] = {}
    for code, labels in (spec.get("codes") or {}).items():
        idx[code.lower()] = code
        for lang in ("ru", "en"):
            if labels.get(lang):
                idx[str(labels[lang]).lower()] = code
        if labels.get("ru") and labels.get("en"):
            idx[f"{labels['ru']} / {labels['en']}".lower()] = code
    return idx


@lru_cache(maxsize=None)
def _lemma_index(field_name: str) -> dict[tuple[str, ...], str]:
    return morph.code_lemmas(card_schema().get(field_name, {}).get("codes") or {})


def code_of(field_name: str, value) -> str | None:
    """The code a monitor means: the code, its Russian or English label, 'Русский / English', or another form of
    the Russian label ('Пикеты', 'экономическая'), as validation reads a card's code; None when it is none."""
    s = " ".join(str(value).split()).lower()
    key = _code_index(field_name).get(s)
    if key is None and re.search("[а-яё]", s):
        key = _lemma_index(field_name).get(morph.lemmas(s))
    return key


def codes_hint(field_name: str) -> str:
    """The labels a monitor picks from, as the drop-down shows them: 'Митинг / Rally, Пикет / Picket, …'."""
    codes = card_schema().get(field_name, {}).get("codes") or {}
    return ", ".join(f"{c.get('ru')} / {c.get('en')}" if c.get("ru") and c.get("en") else k for k, c in codes.items())


NOT_EVENT_COLUMNS = [("Ссылка", "Link"), ("Заголовок", "Headline"), ("Опубликовано", "Published"),
                     ("Почему не событие", "Why not an event"), ("Это событие?", "Is an event?")]
