"""The text as the number reader (numbers.py, numbers_kk.py) reads it: digits grouped by spaces joined into one
number, and the spans already read."""
from __future__ import annotations

import re

# (at most four groups, 999 999 999 999, and a whole run: "100 101 102 103 104", numbers in a row, is no number)
THOUSANDS_SEP_RE = re.compile(r"(?<![\d.,])(?<!\d[ \u00a0\u202f\u2009])(\d{1,3})(?:[ \u00a0\u202f\u2009](\d{3})){1,3}"
                              r"(?![\d.,]?\d)(?![ \u00a0\u202f\u2009]\d)")


def prepare_numbers(text: str) -> str:
    """'3 000' -> '3000' (same length, so offsets stay valid: padded with zero-width joins removed)."""
    return THOUSANDS_SEP_RE.sub(lambda m: re.sub(r"[ \u00a0\u202f\u2009]", "\u200b", m.group(0)), text)


class Spans(list):
    """The spans of the text already read, and whether a span overlaps one of them in time that does not grow with
    their number (a mark per character): a list of (start, end) scanned for each token made a sentence of 5,000
    numbers (a hostile file) take seconds, growing with the square of their count."""

    def __init__(self, length: int):
        super().__init__()
        self._mask = bytearray(length + 1)

    def append(self, span: tuple[int, int]) -> None:
        a, b = span
        super().append(span)
        a, b = max(a, 0), min(b, len(self._mask))
        if b > a:
            self._mask[a:b] = b"\x01" * (b - a)

    def overlaps(self, start: int, end: int) -> bool:
        """Some span (a, b) read has a < end and start < b."""
        return self._mask.find(1, max(start, 0), end) != -1
