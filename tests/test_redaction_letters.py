"""Redaction's transliteration of every Cyrillic letter and its stripping of escape sequences that begin with a 0
(mutants the sampled run of scripts/mutate.py on assets/validate/redaction.py let live at the merge of round 17)."""
from __future__ import annotations

from assets.validate import redaction


def test_every_cyrillic_and_kazakh_letter_has_its_latin_spelling():
    # the common Russian-to-English spellings (passport style), written out by hand letter by letter
    pairs = {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
        "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    }
    assert {ch: redaction.latin(ch) for ch in pairs} == pairs
    assert redaction.latin("Щукина-Цой Фёдор Чуйко") == "shchukina-tsoy fedor chuyko"


def test_an_escape_sequence_beginning_with_0_cannot_split_a_name():
    # "\x1b[0m" (reset) and "\x1b[0;31m" go, as "\x1b[1m" does; the name is whole again
    for esc in ("\x1b[0m", "\x1b[0;31m", "\x1b[1m"):
        assert redaction._plain(f"Сек{esc}ретова") == "Секретова"
