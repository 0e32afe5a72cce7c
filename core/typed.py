"""What a person typed into a cell, read the same way wherever it is read: the card files' validation
(assets/validate/coerce.py) and the media review import (assets/media/review_sheets.py), which may not import each
other (assets/validate/erasure.py imports the media parser).

- CONTROL: C0 and C1 control characters other than tab, line feed and carriage return (ANSI escapes start with
  ESC); they are never part of what a monitor types.
- ambiguous_thousands: '1,000', '2.000', '1.000.000' — a comma or point followed by exactly three digits separates
  thousands in one locale and decimals in another, so such a number is never guessed.
"""
from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
AMBIGUOUS_THOUSANDS = re.compile(r"[-+]?\d+(?:[.,]\d{3})+")


def ambiguous_thousands(s: str) -> bool:
    """Whether `s` (spaces and no-break spaces left out) is a number whose separator may be thousands or decimals."""
    return bool(AMBIGUOUS_THOUSANDS.fullmatch(s.replace("\u00a0", "").replace(" ", "")))
