"""Two of triage's article-level cues (issue 16, round 19; found on tests/media/real/fresh/):

- `foreign_compound`: a city of Kazakhstan whose name is the first half of a foreign compound name the article uses
  ("Петропавловск-Камчатский": the headline's "В Петропавловске" is that city), read by `triage_abroad.told_abroad`;
- `restates`: a headline that names the form its lead's first sentence names (the same story told twice), read by
  `triage._classify_sentences`.

Tested on hand-written headlines and leads: tests/media/test_triage_paraphrases.py.
"""
from __future__ import annotations

import re

FORM_STEMS = ("митинг", "пикет", "голодов", "шестви", "марш", "флешмоб", "флеш-моб", "флэшмоб", "флэш-моб", "забастов", "акци", "протест",
              "аштық", "шеру", "ереуіл", "наразылық", "перформанс", "хэппенинг", "хеппенинг")


def restates(title: str, lead: str) -> bool:
    """The headline names a form the lead's sentence names too (the same story told twice)."""
    t, s = title.lower(), lead.lower()
    return any(f in t and f in s for f in FORM_STEMS)


# a city of Kazakhstan whose name is also the first half of a foreign compound name the article uses
# ("Петропавловск" and "Петропавловск-Камчатский"): the short name is the foreign city. (Not a road between two
# cities, "трасса Алматы-Астана": `is_city` says the second half is a city too.)
def foreign_compound(full: str, hit_text: str, is_city) -> bool:
    stem = hit_text[:max(5, len(hit_text) - 3)]
    for m in re.finditer(re.escape(stem) + r"\w*-(?!на\b)([А-ЯЁ][а-яё]+)", full):
        if not is_city(m.group(1)):
            return True
    return False
