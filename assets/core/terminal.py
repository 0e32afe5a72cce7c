"""Text from cards on a terminal or in a log: control characters (ANSI escapes, carriage returns,
backspaces, bidirectional overrides, ...) are shown escaped, never acted upon."""
from __future__ import annotations

import unicodedata


def escape(value: object, limit: int | None = 500) -> str:
    """`value` as one printable line: C0/C1 controls, DEL and Unicode format characters (bidi
    overrides, zero-width) become \\x1b, \\n, \\u202e ...; cut to `limit` characters."""
    s = "" if value is None else str(value)
    if limit is not None and len(s) > limit:
        s = s[:limit] + f"… ({len(s)} characters)"
    out = []
    for ch in s:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            out.append(ch.encode("unicode_escape").decode("ascii") if ord(ch) > 0xFF or ch in "\n\r\t" else f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)
