"""The forms of a name an erasure looks for: its words' Russian forms (pymorphy3), the spellings the report's
redaction cuts (Latin ones, Latin look-alike letters, a Kazakh name's Russian spellings, initials beside a name word),
as a pattern for Python (`python_rx`) and for DuckDB's regexp (`sql_pattern`): `name_pattern` (the whole name and
its forms), `any_word_pattern`, and `card_words_pattern` (every word of the name alone, for the person's own cards)."""
from __future__ import annotations

import re
from functools import lru_cache

from assets.validate import redaction


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def word_forms(word: str) -> tuple[set[str], bool]:
    """Every singular inflected form of one word of a name (pymorphy3's paradigms of its first-name, surname
    or patronymic readings, predicted for names it does not know) and whether the word may stand
    alone for the person (a surname, or no first name: 'Молдабекова задержали')."""
    personal = [p for p in _morph().parse(word) if {"Name", "Surn", "Patr"} & p.tag.grammemes]
    forms = {word.lower()}
    for p in personal:  # singular only: the genitive plural of Ахмет is the surname Ахметов
        forms |= {f.word for f in p.lexeme if "plur" not in f.tag.grammemes}
    alone = any("Surn" in p.tag.grammemes for p in personal) or not any("Name" in p.tag.grammemes for p in personal)
    return forms, alone


# each letter with its look-alike of the other script (assets/validate/redaction.py's FOLD, both ways): a name typed
# with a Latin a in a Cyrillic word («Кaсымов»), or the text so, is matched all the same
_LOOKALIKE: dict[str, str] = {}
for _lat, _cyr in redaction.FOLD.items():
    _LOOKALIKE[chr(_lat)], _LOOKALIKE[_cyr] = _cyr, chr(_lat)


def _rx_form(form: str) -> str:
    out = []
    for ch in form:
        if ch in "еёЕЁ":
            out.append("[еёЕЁeE]")
        elif ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in _LOOKALIKE:
            out.append(f"[{ch}{_LOOKALIKE[ch]}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _spelt(word: str) -> set[str]:
    """A word of a name in the spellings the report's redaction cuts (assets/validate/redaction.py): the word in
    Cyrillic (Latin look-alikes read as Cyrillic), its Russian spellings (a Kazakh name: Нұрғалиева Нургалиева, Әсел
    Асель)."""
    w = redaction.fold(word) if redaction._CYRILLIC.search(word) else word
    return redaction.russian_spellings(w)


def _latin(forms: set[str]) -> set[str]:
    """Every usual Latin spelling of each Cyrillic form (Касымов kassymov, Касымову kassymovu)."""
    return {v for f in forms if redaction._CYRILLIC.search(f) for v in redaction.latin_variants(f) if v}


def _name_words(forms: set[str]) -> dict[str, bool]:
    """Every inflected form of every word of the name's forms, in Cyrillic and in Latin letters, and whether it
    may stand alone."""
    words: dict[str, bool] = {}
    for f in forms:
        ws = [w for w in re.findall(r"\w+", f.strip()) if len(w) > 1]
        for w in ws:
            inflected: set[str] = set()
            alone = False
            for v in _spelt(w):
                got, a = word_forms(v)
                inflected |= got
                alone = alone or a
            for x in inflected | _latin(inflected):
                words[x] = words.get(x, False) or alone or len(ws) == 1
    return words


def _alone_rx(lone: list[str]) -> str:
    """The words that stand alone; one of two letters (Ли, Li) only as a name is written, capitalised or in
    capitals, case-sensitive: the particle «ли» is written in small letters."""
    long = [w for w in lone if len(w) > 2]
    short = sorted({v for w in lone if len(w) <= 2 for v in (w[:1].upper() + w[1:].lower(), w.upper())})
    alts = ["|".join(_rx_form(w) for w in sorted(long, key=len, reverse=True))] if long else []
    if short:
        alts.append("(?-i:" + "|".join(_rx_form(w) for w in short) + ")")
    return "|".join(alts)


def any_word_pattern(forms: set[str]) -> str:
    """A looser RE2 pattern than name_pattern's: any one word form of the name, anywhere (no word boundaries,
    no sequence). Every text that name_pattern matches holds one of these words, letters as they are, so a
    table whose rows (each cast to text as a whole) never match it has no cell to redact: erase() asks each
    column of a table only when its rows match this (one query a table instead of one a column)."""
    words = _name_words(forms)
    if not words:
        return ""
    return "(?i)(?:" + "|".join(_rx_form(w) for w in sorted(words, key=len, reverse=True)) + ")"


def name_pattern(forms: set[str], whole: bool = False) -> str:
    """The core regex (Python re and DuckDB's RE2 alike) for a name given in one or more forms: any
    case, ё or е, any spacing; every word in any inflection, in any order; a surname also alone
    (two or more name words in a row are taken whole). Whole words only: see python_rx/sql_pattern.
    whole: only as many words in a row as the shortest form has (a name no stored person bears,
    erased on the operator's word: no word of it alone)."""
    words = _name_words(forms)
    if not words:
        return ""
    every = "|".join(_rx_form(w) for w in sorted(words, key=len, reverse=True))
    if whole:
        n = min(len([w for w in re.findall(r"\w+", f) if len(w) > 1]) for f in forms)
        return f"(?:(?:{every})(?:[\\s,]+(?:{every})){{{max(n - 1, 0)},}})"
    lone = [w for w, a in words.items() if a]
    seq = rf"(?:{every})(?:[\s,]+(?:{every}))+"
    alts = [*_with_initials_rx(forms, every), seq] + ([_alone_rx(lone)] if lone else [])
    return "(?:" + "|".join(alts) + ")"


def _with_initials_rx(forms: set[str], every: str) -> list[str]:
    """The name's words with initials written beside them, before («Ж. Ли», "Zh. Li", «Е. Б. Касымов») or after
    («Ли Ж.», «Касымов Е.Б.», "Kassymov Ye."): the first initial one of the name's words' (redaction.initials, in
    Cyrillic and Latin), a second any capital (a patronymic's); case-sensitive, so they are taken with the name."""
    initial = redaction.initials_rx(forms)
    if initial is None:
        return []
    init, other = f"(?-i:{initial})", f"(?-i:{redaction.OTHER_INITIAL})"
    words = rf"(?:{every})(?:[\s,]+(?:{every}))*"
    after = rf"\s*,?\s*{init}(?:\s?{other})?"
    return [rf"{init}\s?(?:{other}\s?)?{words}(?:{after})?", rf"{words}{after}"]


def card_words_pattern(forms: set[str]) -> str:
    """Every word of the name alone, first names and patronymics too («Жанна», «Жанну», «Жанной», "Zhanna",
    «Ахметовна»), in every inflection and spelling name_pattern knows, written as a name is (capitalised or in
    capitals, case-sensitive: «розы», flowers, stays where «Роза» is erased). For the texts of the person's own
    cards only, where the card names the person in full (erase(): cards' and persons' rows, raw records, the card's
    part of a file)."""
    words = _name_words(forms)
    variants = sorted({v for w in words for v in (w[:1].upper() + w[1:].lower(), w.upper())}, key=len, reverse=True)
    return "(?-i:" + "|".join(_rx_form(v) for v in variants) + ")" if variants else ""


def python_rx(core: str) -> re.Pattern:
    """Whole words: 'Али Ахмет' is not the start of 'Али Ахметов'."""
    return re.compile(rf"(?i)(?<!\w){core}(?!\w)")


def sql_pattern(core: str) -> str:
    """The same for DuckDB (RE2 has no lookbehind and an ASCII-only \\b): the characters around
    are captured and put back (replacement \\1<marker>\\2)."""
    return rf"(?i)(^|[^\pL\pN_]){core}([^\pL\pN_]|$)"
