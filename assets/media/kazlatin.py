"""Kazakh written in the Latin alphabet, read back in Cyrillic so that the rules (written for Cyrillic
Kazakh) can read it.

Three Latin spellings are in use on Kazakh news sites, and they give the same letter different values:

- the 2018 alphabet with acute accents (egemen.kz "lat", inform.kz "qz"): á ǵ ń ó ú ý, y = ы, ı = и, i = і,
  u = ұ, ý = у, sh = ш, ch = ч;
- the 2021 alphabet with breves and cedillas (qazaqtimes.com "lt"): ä ğ ñ ö ü ş, ı = ы, i = і, y = й, u = у,
  w = ұ;
- the older converter spelling (adyrna.kz "lt"): ǧ ŋ ū, y = ы, ı = і, i = и, u = у, ū = ұ.

`to_cyrillic` guesses the spelling from the letters only one of them uses and transliterates word by word;
anything that is not Kazakh Latin (Russian, English, Cyrillic Kazakh) is returned unchanged. The result is
for reading, not for publishing: й/и and х/һ are not always told apart.
"""
from __future__ import annotations

import re

_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
_CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
_ACUTE = re.compile(r"[áǵńóúýÁǴŃÓÚÝ]")
_BREVE = re.compile(r"[äğñöüşÄĞÑÖÜŞ]")
_OLD = re.compile(r"[ǧŋūǦŊŪ]")
_ANY_MARK = re.compile(r"[áǵńóúýäğñöüşǧŋūÁǴŃÓÚÝÄĞÑÖÜŞǦŊŪ]")
# a Kazakh word in Latin letters (to tell Kazakh from English or from a Russian transliteration)
_KAZAKH_HINT = re.compile(r"q[aáäyıeo]|[aáäeyı]q\b|d[ıy]\b|[ǵğǧńñŋ]|\bjäne\b|\bjáne\b|\bmen\b|\bdep\b", re.I)

_DIGRAPHS = {"acute": {"sh": "ш", "ch": "ч"}, "breve": {}, "old": {}}
_COMMON = {"a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "j": "ж", "k": "к", "l": "л",
           "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ", "r": "р", "s": "с", "t": "т", "v": "в", "z": "з",
           "c": "ц", "x": "кс", "ö": "ө", "ó": "ө", "ü": "ү", "ú": "ү", "ä": "ә", "á": "ә", "ǵ": "ғ", "ğ": "ғ",
           "ǧ": "ғ", "ń": "ң", "ñ": "ң", "ŋ": "ң", "ş": "ш", "ç": "ч", "ū": "ұ"}
_SCHEME = {
    "acute": {"y": "ы", "ı": "и", "i": "і", "u": "ұ", "ý": "у", "w": "у"},
    "breve": {"y": "й", "ı": "ы", "i": "і", "u": "у", "w": "ұ"},
    "old": {"y": "ы", "ı": "і", "i": "и", "u": "у", "w": "у"},
}


_VOWELS = set("аәеиоөұүуыіэюя")


def scheme(text: str) -> str | None:
    """'acute', 'breve' or 'old' when the text is Kazakh in Latin letters, else None."""
    if not _ANY_MARK.search(text):
        return None  # (one cheap scan: no letter any Kazakh Latin spelling uses)
    latin = len(_LATIN.findall(text))
    if latin < 20 or latin < 2 * len(_CYRILLIC.findall(text)) or not _KAZAKH_HINT.search(text):
        return None
    counts = {"acute": len(_ACUTE.findall(text)), "breve": len(_BREVE.findall(text)), "old": len(_OLD.findall(text))}
    best = max(counts, key=counts.get)
    if counts[best] == 0:
        return None
    # "ü", "ö", "ä" are shared by the 2021 and the old spellings: the old one is told by ǧ ŋ ū
    if best == "breve" and counts["old"]:
        best = "old"
    return best


def _word(word: str, table: dict[str, str], digraphs: dict[str, str]) -> str:
    out = []
    i = 0
    while i < len(word):
        two = word[i:i + 2]
        if two.lower() in digraphs:
            cyr = digraphs[two.lower()]
            out.append(cyr.upper() if two[0].isupper() else cyr)
            i += 2
            continue
        ch = word[i]
        cyr = table.get(ch.lower())
        if cyr == "и" and out and out[-1].lower() in _VOWELS and not (i + 1 < len(word) and word[i + 1].lower() in "iı"):
            cyr = "й"  # the letter stands for both и and й: after a vowel it is й ("Resei" = Ресей)
        if cyr is None:
            out.append(ch)
        else:
            out.append(cyr[0].upper() + cyr[1:] if ch.isupper() else cyr)
        i += 1
    word = "".join(out)
    # "ия"/"ию" are spelt "iia"/"iiu", "ц" is spelt "s" or "ts" ("aksiia" = акция, "ınstıtýtsıa")
    word = re.sub(r"[иі]й([аәуұ])", lambda m: "и" + {"а": "я", "ә": "я", "у": "ю", "ұ": "ю"}[m.group(1)], word)
    word = re.sub(r"(?i)(ак)с(и[яюй])", r"\1ц\2", word)
    return re.sub(r"тс(и[яю])", r"ц\1", word)


def to_cyrillic(text: str) -> str:
    """The text in Cyrillic when it is Kazakh in Latin letters; otherwise the text itself."""
    kind = scheme(text)
    if kind is None:
        return text
    table = {**_COMMON, **_SCHEME[kind]}
    return re.sub(r"[A-Za-zÀ-ɏ]+", lambda m: _word(m.group(0), table, _DIGRAPHS[kind]), text)


def convert(title: str, text: str) -> tuple[str, str]:
    """A headline and its text in Cyrillic when together they are Kazakh in Latin letters (the spelling is
    guessed from both: a short headline alone says too little)."""
    kind = scheme(f"{title}\n{text}")
    if kind is None:
        return title, text
    table = {**_COMMON, **_SCHEME[kind]}

    def conv(t: str) -> str:
        return re.sub(r"[A-Za-zÀ-ɏ]+", lambda m: _word(m.group(0), table, _DIGRAPHS[kind]), t)
    return conv(title), conv(text)
