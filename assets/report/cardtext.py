"""Text from the cards as the report shows it: in the edition's language where the card has a
translation (the `<field>_en` fields of schemas/card.yaml), otherwise the original marked as
untranslated; cut to a sane length (the full text stays in the warehouse); and never the compilers'
notes (`compiler_notes`), which no public output reads."""
from __future__ import annotations

import re

from assets.report import labels
from assets.report.tables import md_escape

MAX_NOTE_CHARS = 700      # a note in the report: a paragraph at most
MAX_SHORT_CHARS = 160     # topics, settlements, places
CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


def clip(text: str | None, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis; whitespace folded. Bounded
    work whatever the input size (a 20 MB note is sliced before anything else touches it)."""
    if not text:
        return ""
    head = str(text)[: limit * 2 + 16]
    s = re.sub(r"\s+", " ", head).strip()
    if len(s) <= limit and len(head) == len(str(text)):
        return s
    cut = s[:limit]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:.—-") + " …"


def translated(card: dict, field: str, lang: str) -> tuple[str, bool]:
    """The field's text in the edition's language: (text, is_translated). Russian edition: the field
    itself. Other languages: `<field>_<lang>` when filled, else the original (is_translated False)."""
    original = card.get(field) or ""
    if lang == "ru":
        return original, True
    own = card.get(f"{field}_{lang}")
    if own and str(own).strip():
        return str(own), True
    return original, not CYRILLIC.search(original)


def show(text: str, ok: bool, lang: str, limit: int, redact=lambda s: s) -> str:
    """Escaped markdown of a card's text; untranslated text is marked (a visible label and a span
    with the class `untranslated` and the text's language)."""
    body = md_escape(redact(clip(text, limit)))
    if ok or not body:
        return body
    return f"[{labels.word('untranslated', lang)} {body}]{{.untranslated lang=ru}}"
