"""Kazakh written in the Latin alphabet, read back in Cyrillic so that the rules (written for Cyrillic
Kazakh) can read it.

Three Latin spellings are in use on Kazakh news sites, and they give the same letter different values:

- the 2018 alphabet with acute accents (egemen.kz "lat", inform.kz "qz"): á ǵ ń ó ú ý, y = ы, ı = и, i = і,
  u = ұ, ý = у, sh = ш, ch = ч;
- the 2021 alphabet with breves and cedillas (qazaqtimes.com "lt"): ä ğ ñ ö ü ş, ı = ы, i = і, y = й, u = у,
  w = ұ;
- the older converter spelling (adyrna.kz "lt"): ǧ ŋ ū, y = ы, ı = і, i = и, u = у, ū = ұ;
- (session 23) abai.kz's spelling: "gh" = ғ, "ng" = ң, ú = ұ, ý = ү, ó = ө, y = ы (й after a vowel), i = і or и (read as the
  2021 alphabet's "i"), u = у.

The 2021 alphabet writes и and і alike ("i"): "jinaldı" is жиналды, "piket" пикет, "bilim" білім. `_merged_i` reads
"i" as і unless the word is one the rules read with и: a Russian word (pymorphy3 knows it, or the word's beginning
of five letters or more, before a Kazakh ending: "mitingke" = митингке), a Kazakh stem of `_I_STEMS` (жина-,
ғимарат, оқиға, билік, …), or і before ы, which Kazakh never writes ("jiın" = жиын).

`to_cyrillic` guesses the spelling from the letters only one of them uses and transliterates word by word;
anything that is not Kazakh Latin (Russian, English, Cyrillic Kazakh) is returned unchanged. The result is
for reading, not for publishing: й/и and х/һ are not always told apart.
"""
from __future__ import annotations

import re

from assets.media import kazarab

_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
_CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
_ACUTE = re.compile(r"[áǵńóúýÁǴŃÓÚÝ]")
_BREVE = re.compile(r"[äğñöüşÄĞÑÖÜŞ]")
_OLD = re.compile(r"[ǧŋūǦŊŪ]")
_ANY_MARK = re.compile(r"[áǵńóúýäğñöüşǧŋūÁǴŃÓÚÝÄĞÑÖÜŞǦŊŪ]")
# a Kazakh word in Latin letters (to tell Kazakh from English or from a Russian transliteration)
_KAZAKH_HINT = re.compile(r"q[aáäyıeo]|[aáäeyı]q\b|d[ıy]\b|[ǵğǧńñŋ]|\bjäne\b|\bjáne\b|\bmen\b|\bdep\b", re.I)

_DIGRAPHS = {"acute": {"sh": "ш", "ch": "ч"}, "breve": {}, "old": {}, "abai": {"sh": "ш", "ch": "ч", "gh": "ғ", "ng": "ң", "zh": "ж"}}
_ABAI_DIGRAPH = re.compile(r"[a-zúýó]gh[a-zúýó]|[aeyiuúýo]ng\b|[aeyiuúýo]ng[a-zúýó]", re.I)
_COMMON = {"a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "j": "ж", "k": "к", "l": "л",
           "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ", "r": "р", "s": "с", "t": "т", "v": "в", "z": "з",
           "c": "ц", "x": "кс", "ö": "ө", "ó": "ө", "ü": "ү", "ú": "ү", "ä": "ә", "á": "ә", "ǵ": "ғ", "ğ": "ғ",
           "ǧ": "ғ", "ń": "ң", "ñ": "ң", "ŋ": "ң", "ş": "ш", "ç": "ч", "ū": "ұ"}
_SCHEME = {
    "acute": {"y": "ы", "ı": "и", "i": "і", "u": "ұ", "ý": "у", "w": "у"},
    "breve": {"y": "й", "ı": "ы", "i": "і", "u": "у", "w": "ұ"},
    "old": {"y": "ы", "ı": "і", "i": "и", "u": "у", "w": "у"},
    "abai": {"y": "ы", "i": "і", "u": "у", "ú": "ұ", "ý": "ү", "w": "у"},
}


_VOWELS = set("аәеиоөұүуыіэюя")


def scheme(text: str) -> str | None:
    """'acute', 'breve' or 'old' when the text is Kazakh in Latin letters, 'arabic' when it is Kazakh in the Arabic
    script (session 31, `kazarab`), else None."""
    if kazarab.is_arabic(text):
        return "arabic"
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
    # (session 23) abai.kz's spelling shares ó ú ý with the 2018 alphabet but writes ғ and ң as "gh" and "ng" and has
    # no ǵ, ń or á ("túrghyndary oblystyq әkimdik ghimaraty aldyna jinaldy")
    if best == "acute" and not re.search(r"[ǵńáǴŃÁ]", text) and len(_ABAI_DIGRAPH.findall(text)) >= 2:
        best = "abai"
    return best


def _word(word: str, table: dict[str, str], digraphs: dict[str, str], merged_i: bool = False) -> str:
    out = []
    i = 0
    while i < len(word):
        two = word[i:i + 2]
        if two.lower() == "ng" and word[i + 2:i + 3].lower() == "h":
            two = "n"  # (abai: "úsynghan" = ұсынған, н before the "gh" of ғ)
        if two.lower() in digraphs:
            cyr = digraphs[two.lower()]
            out.append(cyr.upper() if two[0].isupper() else cyr)
            i += 2
            continue
        ch = word[i]
        cyr = table.get(ch.lower())
        nxt = word[i + 1].lower() if i + 1 < len(word) else ""
        if cyr == "и" and out and out[-1].lower() in _VOWELS and nxt not in ("i", "ı"):
            cyr = "й"  # the letter stands for both и and й: after a vowel it is й ("Resei" = Ресей)
        elif cyr == "ы" and "gh" in digraphs and out and out[-1].lower() in "аәеоөыі" and (not nxt or nxt not in "iaeouyúýó"):
            cyr = "й"  # (abai: y after a vowel and before no vowel is й, "Aqsay" = Ақсай, "súraydy" = сұрайды)
        if cyr is None:
            out.append(ch)
        else:
            out.append(cyr[0].upper() + cyr[1:] if ch.isupper() else cyr)
        i += 1
    word = "".join(out)
    # "ия"/"ию" are spelt "iia"/"iiu", "ц" is spelt "s" or "ts" ("aksiia" = акция, "ınstıtýtsıa")
    word = re.sub(r"[иі]й([аәуұ])", lambda m: "и" + {"а": "я", "ә": "я", "у": "ю", "ұ": "ю"}[m.group(1)], word)
    word = re.sub(r"(?i)(ак)с(и[яюй])", r"\1ц\2", word)
    if "gh" in digraphs:
        word = re.sub("ій", "и", word)  # (abai: "biylik" = билік)
    word = re.sub(r"тс(и[яю])", r"ц\1", word)
    return _merged_i(word) if merged_i else word


# Kazakh stems written with и that the 2021 alphabet spells with "i" (their і-reading, and the и-reading): the
# gathering verb and noun, the words of the rules (assets/media/triage*.py) and a few common ones
_I_STEMS = tuple((stem.replace("и", "і"), stem) for stem in (
    "жина", "ғимарат", "оқиға", "оқиғ", "билік", "биыл", "әскери", "жария", "тиіс", "қиын", "киім", "сиыр", "шиел",
    "ниет", "ғылыми", "тари", "саяси", "әлеуметтік-саяси"))
_KAZAKH_ONLY = re.compile(r"[әғқңөұүһ]")


def _merged_i(word: str) -> str:
    """A word of the 2021 alphabet read with і for each "i", as the rules read it (the module's docstring)."""
    if "і" not in word and "І" not in word:
        return word
    word = re.sub(r"і(?=ы)", "и", word)
    word = re.sub(r"І(?=ы)", "И", word)
    low = word.lower()
    for i_form, stem in _I_STEMS:
        if low.startswith(i_form):
            return _cased(stem, word) + word[len(stem):]
    if "і" not in low or _KAZAKH_ONLY.search(low[:5]):
        return word
    from assets.media.text import morph  # pymorphy3's dictionary, loaded once (only for the 2021 spelling)

    known = morph().word_is_known
    for n in range(len(low), 4, -1):
        head = low[:n]
        if "і" in head and not _KAZAKH_ONLY.search(head) and known(head.replace("і", "и")):
            return _cased(head.replace("і", "и"), word) + word[n:]
    return word


def _cased(lower: str, like: str) -> str:
    """`lower` with the capitals of `like` (the same length at least)."""
    return "".join(c.upper() if o.isupper() else c for c, o in zip(lower, like))


def _in_cyrillic(text: str, kind: str) -> str:
    """The text read word by word in the spelling `kind` (the 2021 alphabet's and abai.kz's "i" read as і or и)."""
    table = {**_COMMON, **_SCHEME[kind]}
    return re.sub(r"[A-Za-zÀ-ɏ]+", lambda m: _word(m.group(0), table, _DIGRAPHS[kind], kind in ("breve", "abai")), text)


def to_cyrillic(text: str) -> str:
    """The text in Cyrillic when it is Kazakh in Latin letters; otherwise the text itself."""
    kind = scheme(text)
    return text if kind is None else _in_cyrillic(text, kind)


def convert(title: str, text: str) -> tuple[str, str]:
    """A headline and its text in Cyrillic when together they are Kazakh in Latin letters (the spelling is
    guessed from both: a short headline alone says too little)."""
    kind = scheme(f"{title}\n{text}")
    if kind is None:
        return title, text
    if kind == "arabic":
        return kazarab.transliterate(title), kazarab.transliterate(text)  # (decided on both: a headline alone is short)
    return _in_cyrillic(title, kind), _in_cyrillic(text, kind)
