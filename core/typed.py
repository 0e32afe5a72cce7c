"""What a person typed into a cell, read the same way wherever it is read: the card files' validation
(assets/validate/coerce.py) and the media review import (assets/media/review_sheets.py), which may not import each
other (assets/validate/erasure.py imports the media parser).

- CONTROL: C0 and C1 control characters other than tab, line feed and carriage return (ANSI escapes start with
  ESC); they are never part of what a monitor types.
- BIDI: the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they reorder how the
  text after them is shown, so a reader would see other words than those stored ("Trojan source"); the marks
  U+200E/U+200F, which copied Arabic or Hebrew text may hold, change no order and pass.
- not_text: why a typed value is refused for one of the two, in the words both readers give.
- yes_no: a yes/no answer as both read it (да/нет, yes/no, 1/0, +/-, Kazakh иә/ия and жоқ/жок, a closing "." or "!"
  passed over).
- ambiguous_thousands: '1,000', '2.000', '1.000.000' — a comma or point followed by exactly three digits separates
  thousands in one locale and decimals in another, so such a number is never guessed.
- links / WEB_LINK: a cell of links split as both read it (on ';' or white space), and what counts as a web link
  (http or https); anything else (a saved file's file:// path) is no source link of a card.
"""
from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


YES = frozenset({"1", "true", "yes", "y", "да", "д", "+", "истина", "иә", "ия", "x", "х"})  # иә, ия: Kazakh, either keyboard
NO = frozenset({"0", "false", "no", "n", "нет", "н", "-", "ложь", "жоқ", "жок"})
_WORD_ENDED = re.compile(r"([^\W\d_]+)[.!]+")


def yes_no(text: str) -> bool | None:
    """True or False for a yes/no answer (YES, NO; any case, a closing "." or "!" passed over), None for anything else."""
    s = text.strip().lower()
    word = _WORD_ENDED.fullmatch(s)
    if word:
        s = word.group(1)  # "Да." as a sentence ends it; "-." or "1." is no word
    return True if s in YES else False if s in NO else None


def not_text(text: str) -> str | None:
    """Why `text` is no typed text (a control character, or a bidi override reordering it), else None."""
    bad = CONTROL.search(text)
    if bad:
        return (f"contains the control character {ascii(bad.group())} at position {bad.start() + 1}, which is not "
                "text (copied from a terminal or a damaged file?); retype the value")
    bad = BIDI.search(text)
    if bad:
        return (f"contains the invisible direction control U+{ord(bad.group()):04X} at position {bad.start() + 1}, "
                "which shows the text after it in another order than it is stored; retype the value")
    return None


AMBIGUOUS_THOUSANDS = re.compile(r"[-+]?\d+(?:[.,]\d{3})+")


def ambiguous_thousands(s: str) -> bool:
    """Whether `s` (spaces of any kind left out: no-break, narrow no-break) is a number whose separator may be thousands or decimals."""
    return bool(AMBIGUOUS_THOUSANDS.fullmatch(re.sub(r"\s", "", s)))


WEB_LINK = re.compile(r"https?://\S+$")


def links(text) -> list[str]:
    """The links of a cell: split on ';' or white space, empty parts left out."""
    return [p for p in re.split(r"[;\s]+", str(text or "")) if p]
