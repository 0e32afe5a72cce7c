"""(session 31) Kazakh written in the Arabic script (the töte jazu of Xinjiang's Kazakhs, which qamshy.kz's "tote" pages
and other outlets publish), read back in Cyrillic so that the rules, written for Cyrillic Kazakh, can read it.

The script writes every vowel. Four of them have one letter for a back vowel and its front pair (ا а/ә, و о/ө, ۇ ұ/ү,
ى ы/і); a word is front when it carries the hamza ٴ (also fused: ٵ ٶ ٷ ٸ) or one of the front-only letters ە, ك, گ and
none of the back-only ق, ع. ا is read ә only under the hamza (loanwords with ك keep their а: «پلاكات» плакат).
ي is и, or й after a vowel; «يا» is «ия» (партия). The result is for reading, not for publishing.

`to_cyrillic(text)` transliterates when most letters are Arabic (`is_arabic`); anything else is returned unchanged.
`transliterate(text)` does it without asking: `kazlatin.convert` decides once for a headline and its text together (a
short headline alone has too few letters to tell).
"""
from __future__ import annotations

import re
from functools import lru_cache

_ARABIC_LETTER_RE = re.compile(r"[\u0600-\u06FF]")
_CYRILLIC_OR_LATIN_RE = re.compile(r"[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
_WORD_RE = re.compile(r"[\u0600-\u06FF]+")

HAMZA = "\u0674"
_HAMZAS = ("\u0621",)  # (the plain Arabic hamza ء, which pages write for ٴ)
# the fused hamza letters: hamza with alef, waw, u, yeh
_FUSED = {"\u0675": HAMZA + "ا", "\u0676": HAMZA + "و", "\u0677": HAMZA + "ۇ", "\u0678": HAMZA + "ى"}
_FRONT_ONLY = set("ەكگکه")
_BACK_ONLY = set("قع")
_CONSONANTS = {"ب": "б", "ۆ": "в", "گ": "г", "ع": "ғ", "د": "д", "ج": "ж", "ز": "з", "ك": "к", "ک": "к", "ق": "қ",
               "ل": "л", "م": "м", "ن": "н", "ڭ": "ң", "پ": "п", "ر": "р", "س": "с", "ت": "т", "ۋ": "у", "ف": "ф",
               "ح": "х", "ھ": "һ", "چ": "ч", "ش": "ш", "ە": "е", "ه": "е", "ي": "и", "ی": "и", "ئ": ""}
_VOWELS_BACK = {"ا": "а", "و": "о", "ۇ": "ұ", "ى": "ы"}
_VOWELS_FRONT = {"ا": "ә", "و": "ө", "ۇ": "ү", "ى": "і"}
_PUNCT = {"،": ",", "؟": "?", "؛": ";", "٪": "%", "ـ": ""}
_CYR_VOWELS = set("аәеиоөұүыіуэюя")
# words whose vowels break the harmony the rule above reads, as Cyrillic Kazakh writes them: the loanword полиция;
# (session 37) the month қыркүйек, back қ with front ү, which the rule read «қыркұйек», so no date in September was found
_AGAINST_HARMONY = (("полиси", "полици"), ("қыркұйек", "қыркүйек"))


def is_arabic(text: str) -> bool:
    """Most of the text's letters are Arabic (a Russian or Kazakh text quoting an Arabic name is not)."""
    if not _ARABIC_LETTER_RE.search(text):
        return False  # (one scan that stops at the first Arabic letter: most texts have none)
    arabic = len(_ARABIC_LETTER_RE.findall(text))
    return arabic >= 20 and arabic > 2 * len(_CYRILLIC_OR_LATIN_RE.findall(text))


def _word(w: str) -> str:
    for h in _HAMZAS:
        w = w.replace(h, HAMZA)
    for k, v in _FUSED.items():
        w = w.replace(k, v)
    hamza = HAMZA in w
    front = hamza or (bool(set(w) & _FRONT_ONLY) and not set(w) & _BACK_ONLY)
    out: list[str] = []
    for ch in w.replace(HAMZA, ""):
        if ch in _VOWELS_BACK:
            v = (_VOWELS_FRONT if front else _VOWELS_BACK)[ch]
            out.append(("ә" if hamza or (front and "ە" in w) else "а") if ch == "ا" else v)
        elif ch in ("ي", "ی"):
            out.append("й" if out and out[-1] in _CYR_VOWELS else "и")
        elif ch in _CONSONANTS:
            out.append(_CONSONANTS[ch])
        else:
            out.append(ch)
    cyr = "".join(out).replace("иа", "ия")
    for arabic_reading, cyrillic in _AGAINST_HARMONY:
        if cyr.startswith(arabic_reading):
            cyr = cyrillic + cyr[len(arabic_reading):]
    # the script has no capitals: a city of the gazetteer is written with one, as the rules look for it
    return cyr[:1].upper() + cyr[1:] if _is_city(cyr[:1].upper() + cyr[1:]) else cyr


@lru_cache(maxsize=4096)
def _is_city(word: str) -> bool:
    from assets.media import places  # (imported here: places reads the gazetteer, kazlatin's importers need not)
    return bool(places.find_cities(word))


def to_cyrillic(text: str) -> str:
    """The text in Cyrillic when it is Kazakh in the Arabic script, else unchanged."""
    return transliterate(text) if is_arabic(text) else text


def transliterate(text: str) -> str:
    """The text's Arabic-script words in Cyrillic, the rest as it is (the caller has decided it is Kazakh)."""
    for k, v in _PUNCT.items():
        text = text.replace(k, v)
    text = _WORD_RE.sub(lambda m: _word(m.group(0)), text)
    # a sentence opens on a capital
    return re.sub(r"(^|[.!?]\s+|\n)([а-яәғқңөұүһі])", lambda m: m.group(1) + m.group(2).upper(), text)
