"""Cyrillic text whose bytes do not say their encoding (session 52): Russian or Kazakh in UTF-16 without its byte-order
mark, or in a single-byte code page — Windows-1251 (Windows and Excel in Russian), KOI8-R (old Unix mail and sites),
DOS cp866, Mac Cyrillic (a Mac's Excel), ISO-8859-5, Kazakh KZ-1048 (STRK 1048). The card reader
(assets/ingest/csvfile.py) and the article reader (assets/media/parse.py) both ask here: each decides what to do with the
answer (cards in another code page are refused and named; an article is read).

Every single-byte reading of the same bytes is scored as Russian or Kazakh text (`reading_score`); Windows-1251 is kept
unless another reads clearly better. What tells them apart:
- KOI8-R holds the letters in another order and swaps their case: its Windows-1251 reading has capitals after small
  letters inside words ("нЙФЙОЗ" for "митинг"), and a text all in capitals reads as small letters in pairs Russian
  seldom writes ("яелэ ясрнй" for "СЕМЬ СУТОК");
- DOS cp866 and ISO-8859-5 read in Windows-1251 put symbols (§ ¤ © ®, a no-break space) or capitals inside words;
- Mac Cyrillic shares Windows-1251's small letters but я: its capitals read as Ђ Љ Њ Ћ or quotes and dashes, and я as Я
  after a small letter;
- KZ-1048 puts Қ Ң Ә Һ where Windows-1251 has the Macedonian and Serbian Ќ Ѕ Ј Ћ, and Ұ Ғ Ү Ө where it has the
  Belarusian and Ukrainian Ў Є Ї Ґ.
"""
from __future__ import annotations

import re

# the single-byte code pages read, Windows-1251 first: it is kept unless another reads better by MARGIN; of the others
# tied, the earlier (Mac Cyrillic before KZ-1048, which reads its Н О Э Ю as Қ Һ қ һ: on the opened parts' leads and
# headlines, 41 misread in the two in this order, 44 in the other)
CODE_PAGES = ("cp1251", "koi8_r", "mac_cyrillic", "kz1048", "cp866", "iso8859_5")
# a point: one character that reads better (a tenth for a small letter alone must not turn a code page: Windows-1251's
# "Юа" is Mac Cyrillic's "ёа", all small)
MARGIN = 1.0
# the byte-order marks of UTF-16 (Windows' "Unicode"): a page, an article file or a table that starts with one is UTF-16
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
SAMPLE = 32_768  # bytes scored from the first beyond ASCII: an encoding shows in far fewer

_RUSSIAN = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_KAZAKH = frozenset("әғқңөұүһі")
# Ukrainian and Belarusian letters: other letters in a reading's score (where a KZ-1048 text's Ғ Ү Ө Ұ are read in
# Windows-1251, as Є Ї Ґ Ў, they must not count), but Cyrillic text when a reading is judged Cyrillic at all
_NEIGHBOURS = frozenset("єїґў")
# a KZ-1048 reading is weighed only where it holds one of these: Kazakh's own letters Қ Ң Ә Һ (whose places hold
# Macedonian and Serbian letters in Windows-1251) or Ұ (Belarusian Ў there). Ғ Ү Ө alone are Ukrainian's Є Ї Ґ in
# Windows-1251, the far commoner code page: a Russian text naming «Україна» stays Windows-1251, and a Russian text in
# KZ-1048 whose only Kazakh letters are those («Көше») keeps Windows-1251's reading of them («Кґше»: 14 of the opened
# parts' 2,470 leads so saved, and 24 headlines; with Ы as a sign too, 4 headlines, but 3 of 4 Russian sentences naming
# Київ, Україна, Євромайдан were misread)
_KAZAKH_SIGNS = frozenset("ҚқҢңӘәҺһҰұ")
# the 100 commonest pairs of letters in Russian words (in the 2017 report's text, 73 % of its pairs; 56 of them left a
# word repeated, "площади площади …", read better as KOI8-R's "ОКНЫЮДХ …")
_COMMON_PAIRS = frozenset(
    "ни ст ан ра пр ро ен ов но ти ны по ли ми ак то ко ес од ре го та за об де на со ия ит ин те ка ос ор ци от ол не "
    "ых ед ат ва он ве во да ир ль ас тв ие нн ий ел ет ал бр ме аз че тр ер ри ск ич ом ть ив ем ог ик рн ав ии ла их "
    "га ки из им бл ви ся ам кц ло ис тс ой ьн ле ди ча ые мо се ар ок ей ил".split())
# punctuation a Russian text in Windows-1251 holds beyond ASCII (not inside a word)
_PUNCTUATION = frozenset("«»“”„‘’—–…№•°\xa0")
_WORD = re.compile(r"[^\W\d_]+")
_BEYOND_ASCII = re.compile(rb"[\x80-\xff]")


def utf16_without_mark(raw: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for text in UTF-16 without its byte-order mark, else None. Such text holds few NUL
    bytes: of its first 4,000 bytes, those at one parity are the high bytes of Latin (0x00), Latin Kazakh (0x01: ı ǵ ń)
    and Cyrillic (0x04) letters, nearly all (95 %), and those at the other are never NUL; where no high byte is 0x01 or
    0x04, the low ones must be mostly (90 %) printable ASCII (text in English, not 16-bit numbers). (Session 48 wrote it
    for the card reader, where a mutation run found such a file refused as "contains NUL characters"; session 52 moved
    it here and took Latin text too.)"""
    head = raw[:4000]
    if len(head) < 16:
        return None
    for high, low, name in ((head[1::2], head[0::2], "utf-16-le"), (head[0::2], head[1::2], "utf-16-be")):
        if sum(b in (0x00, 0x01, 0x04) for b in high) < 0.95 * len(high) or 0 in low:
            continue
        if 1 in high or 4 in high or sum(32 <= b < 127 or b in (9, 10, 13) for b in low) >= 0.9 * len(low):
            return name
    return None


def reading_score(text: str) -> float:
    """How well `text` (one reading of some bytes) reads as Russian or Kazakh, in points: one for each character beyond
    ASCII that is a Russian or Kazakh letter and for each pair of letters among Russian's commonest, and a tenth for
    each small Russian letter (a text is mostly small letters; KOI8-R and Windows-1251 read each other's as capitals);
    less three for each other letter (Ђ Љ Ќ, Greek, Latin accented, Ukrainian Є Ї Ґ)
    and each symbol inside a word, two for each capital right after a small letter and one for each Latin letter
    beside a Cyrillic one in a word ("GrьЯe": German read as Cyrillic). 0 for a text without such characters."""
    native = foreign = junk = small = 0
    for i, ch in enumerate(text):
        if ch.isascii():
            continue
        low = ch.lower()
        if low in _RUSSIAN:
            native += 1
            small += ch == low
        elif low in _KAZAKH:
            native += 1
        elif ch.isalpha():
            foreign += 1
        elif ch not in _PUNCTUATION or (0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()):
            junk += 1
    common = mixed = scripts = 0
    for word in _WORD.findall(text):
        for a, b in zip(word, word[1:]):
            mixed += a.islower() and b.isupper()
            common += (a + b).lower() in _COMMON_PAIRS
            scripts += a.isascii() != b.isascii()
    return native + 0.1 * small + common - 3 * foreign - 3 * junk - 2 * mixed - scripts


def reads_as_cyrillic(text: str, score: float) -> bool:
    """Whether a reading scored `score` is Russian or Kazakh text at all: at least 0.9 points for each of its characters
    beyond ASCII (a real text scores 1 or more: its letters, and their pairs; other scripts read in a Cyrillic code page
    score less — German in Latin-1 -0.4, French in Windows-1252 -0.2, Chinese in GBK 0.4, Arabic in Windows-1256 0.6;
    but Greek in ISO-8859-7 1.0, read as Windows-1251 as it always was). A Ukrainian or Belarusian letter, which the
    score counts as another letter, adds a point back here: a Ukrainian text is Cyrillic text too."""
    beyond = sum(not ch.isascii() for ch in text)
    neighbours = sum(ch.lower() in _NEIGHBOURS for ch in text)
    return beyond > 0 and score + neighbours >= 0.9 * beyond


def code_page(raw: bytes, candidates: tuple[str, ...] = CODE_PAGES) -> str | None:
    """The single-byte code page among `candidates` (the first one the default) in which `raw` reads as Russian or
    Kazakh text (`reading_score`): the first candidate unless another's reading scores better by MARGIN points (of those
    tied, the earlier); KZ-1048 only where its reading holds one of Қ Ң Ә Һ Ұ (_KAZAKH_SIGNS: Ғ Ү Ө alone may be
    Ukrainian's Є Ї Ґ). None where the best reading is no Russian or Kazakh text (`reads_as_cyrillic`): another script,
    or bytes of another kind. Bytes all ASCII give the first candidate."""
    first = candidates[0]
    beyond = _BEYOND_ASCII.search(raw)
    if beyond is None:
        return first
    sample = raw[max(beyond.start() - 64, 0):beyond.start() + SAMPLE]  # (a page's head may be all ASCII for long)
    readings = {cp: sample.decode(cp, errors="replace") for cp in candidates}
    scores = {cp: reading_score(text) for cp, text in readings.items()
              if cp == first or cp != "kz1048" or any(ch in _KAZAKH_SIGNS for ch in text)}
    best = max(scores, key=lambda cp: scores[cp])  # (a tie: the earlier candidate)
    if scores[best] < scores[first] + MARGIN:
        best = first
    return best if reads_as_cyrillic(readings[best], scores[best]) else None


def read_text(raw: bytes) -> tuple[str, str]:
    """A text file's bytes as (text, encoding): UTF-16 by its byte-order mark or without it (`utf16_without_mark`),
    UTF-8 with or without its mark, else the Cyrillic code page the bytes read in (`code_page`). Raises the UTF-8
    reading's UnicodeDecodeError where none of them reads (the caller names the file and the byte)."""
    if raw.startswith(UTF16_BOMS):
        return raw.decode("utf-16", errors="replace"), "utf-16"
    if unmarked := utf16_without_mark(raw):
        return raw.decode(unmarked, errors="replace"), unmarked
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        if enc := code_page(raw):
            return raw.decode(enc, errors="replace"), enc
        raise
