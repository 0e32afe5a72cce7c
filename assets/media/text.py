"""Text helpers shared by triage and extraction: normalisation, sentences, tokens, lemmas."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core import morph as core_morph

WORD = r"[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]"
TOKEN_RE = re.compile(rf"{WORD}+(?:-{WORD}+)*|\d+(?:[.,]\d+)?")
# no sentence break after these (lower-cased, without the dot)
ABBREV = {"г", "гг", "ул", "пр", "просп", "им", "т", "д", "тыс", "млн", "млрд", "руб", "обл", "р-н", "пос", "с", "мкр",
          "см", "ст", "тг", "др", "пл", "corp", "inc", "mr", "н", "э"}


# No word of any language is 60 letters long, nor is a stretch of 200 characters without a space text to read:
# such runs (a hostile or broken file: 500 KB of one "word", a number of 5,000 digits) are cut by a space, so that
# no pattern reads them in time that grows with the square of their length and no digit run overflows int().
_LONG_WORD = re.compile(r"\w{60}(?=\w)")
_LONG_RUN = re.compile(r"\S{200}(?=\S)")


# (session 21) Latin and Greek look-alikes inside Cyrillic words ("Таκого", "пригорοде": a site's guard against copying),
# read as the Cyrillic letters they imitate; one character for one, so offsets hold
_LOOKALIKE = str.maketrans("aeopcxykAEOPCXYKMHTBοκαερτΟΚΑΕΡΤΜΗΒΧ", "аеорсхукАЕОРСХУКМНТВокаертОКАЕРТМНВХ")
_MIXED_RE = re.compile(r"[А-Яа-яЁё][a-zA-Zα-ωΑ-Ω]|[a-zA-Zα-ωΑ-Ω][А-Яа-яЁё]")
_MIXED_WORD_RE = re.compile(r"[\wα-ωΑ-Ω]*(?:[А-Яа-яЁё][a-zA-Zα-ωΑ-Ω]|[a-zA-Zα-ωΑ-Ω][А-Яа-яЁё])[\wα-ωΑ-Ω]*")


def cyrillic_lookalikes(text: str) -> str:
    """Words mixing Cyrillic with Latin or Greek look-alike letters, in Cyrillic only; every other word as it is."""
    if not _MIXED_RE.search(text):
        return text
    return _MIXED_WORD_RE.sub(lambda m: m.group(0).translate(_LOOKALIKE), text)


# (session 37) a link to another article that a page sets in its text ("Читайте также: В Атырау задержали участников
# митинга", "Оқи отырыңыз: ...", "Похожие новости:" and the headlines under it): another article's headline, never this
# one's news (left in, it made a park's opening an assembly and moved a rally in Uralsk to Atyrau)
_RELATED_STRONG = (r"Читайте\s+(?:также|тоже|ещ[её]|по\s+теме)|Также\s+читайте|Читать\s+также|Смотрите\s+также|См\.\s*также|"
                   r"Оқи\s+отырыңыз|Оқы\s+отырыңыз|Тағы\s+оқыңыз|Сондай-ақ\s+оқыңыз")
# (these read as ordinary words too, "По теме реформы выступил министр": a marker only with its colon or alone)
_RELATED_WEAK = (r"По\s+теме|Ещ[её]\s+по\s+теме|Ранее\s+по\s+теме|Похожие\s+(?:новости|материалы|статьи|публикации)|Материалы\s+по\s+теме|Новости\s+по\s+теме|"
                 r"Другие\s+новости|Рекомендуем(?:\s+прочитать)?|Оқыңыз|Ұқсас\s+(?:жаңалықтар|материалдар)|Тақырыпқа\s+орай|"
                 r"Тақырып\s+бойынша|Тақырыпқа\s+(?:қатысты|байланысты)|Байланысты\s+(?:жаңалықтар|материалдар)")
RELATED_RE = re.compile(rf"^\s*(?:(?:{_RELATED_STRONG})\b\s*[:.!>»\-–—]*|(?:{_RELATED_WEAK})(?:\s*[:>»\-–—]+|\s*$))\s*(.*)$", re.I)
# (session 37) a page's furniture set in its text: its tags ("Теги: митинг, Семей, ..., Усть-Каменогорск" made the
# city Ust-Kamenogorsk), its share buttons; and the comments under it, from their heading on ("Комментарии (3)": a
# reader's "Полиция задержала 5 человек, я видел" became the detained)
_FURNITURE = r"Теги|Тэги|Метки|Tags|Тегтер|Кілт\s+сөздер|Ключевые\s+слова|Поделиться|Поделитесь|Share|Бөлісу"
FURNITURE_RE = re.compile(rf"^\s*(?:{_FURNITURE})\b\s*(?::|$|\s+(?:в|с|на|in|on)\b|\s+[A-Z][a-z]+\b)", re.I)
_COMMENTS = (r"Комментарии|Комментариев|Пікірлер|Пікір\s+қалдыру|Обсуждение|Оставить\s+комментарий|Добавить\s+комментарий|"
             r"Оставьте\s+комментарий|Comments")
COMMENTS_RE = re.compile(rf"^\s*(?:{_COMMENTS})\s*(?:\(\d+\)|\d+)?\s*:?\s*$", re.I)
# (any line opening with a word of the above: the cheap test that lets most texts through untouched)
_ANY_MARKER_RE = re.compile(rf"^\s*(?:{_RELATED_STRONG}|{_RELATED_WEAK}|{_FURNITURE}|{_COMMENTS})", re.I | re.M)
# a headline listed under such a marker: a date or a time before it, or no end of sentence
_LISTED_RE = re.compile(r"^\s*(?:\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?|\d{1,2}:\d{2})\b")


def strip_related(text: str) -> str:
    """The text without the links to other articles set in it (RELATED_RE): a marker line with its headline, or a
    marker alone and the headline line after it, and the dated headlines listed after that; without the page's tags and
    share line (FURNITURE_RE), and cut at the heading of its comments (COMMENTS_RE)."""
    if not _ANY_MARKER_RE.search(text):
        return text
    out: list[str] = []
    skip_next = listing = False
    for line in text.split("\n"):
        if COMMENTS_RE.match(line):
            break  # the readers' comments: not the article
        if FURNITURE_RE.match(line):
            continue
        if skip_next and line.strip():
            skip_next, listing = False, True
            continue
        if listing and _LISTED_RE.match(line):
            continue
        listing = False
        m = RELATED_RE.match(line)
        if m:
            skip_next = not m.group(1).strip()
            continue
        out.append(line)
    return "\n".join(out)


_DASHES = str.maketrans({"\u2212": "–", "\u2012": "–", "\u2015": "—", "\ufe58": "—", "\ufe63": "-", "\uff0d": "-"})


def normalise(text: str) -> str:
    """Unify quotes, dashes, spaces and ё; keep line breaks (paragraphs); cut runs of 60 word characters or 200
    characters without a space (_LONG_WORD); read look-alike letters inside Cyrillic words as Cyrillic; drop the links
    to other articles, the tags, the share line and the comments a page sets in its text (strip_related)."""
    t = _LONG_RUN.sub(r"\g<0> ", _LONG_WORD.sub(r"\g<0> ", cyrillic_lookalikes(text)))
    t = t.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    t = t.replace("\u2011", "-").replace("\u2010", "-")
    # (session 53) a range typeset with a minus sign or a figure dash ("500−600"), a horizontal bar, a small or a
    # full-width hyphen-minus: the dashes the rules read, one character for one (offsets are kept)
    t = t.translate(_DASHES)
    t = re.sub(r"[ \t\r\f\v]+", " ", t)
    t = re.sub(r"\n\s*\n+", "\n", t)
    return unwrap(strip_related(t.strip()))


def unwrap(text: str) -> str:
    """Join lines hard-wrapped inside a sentence (text copied from PDF or e-mail): a line that does
    not end a sentence and is followed by a lower-case start, or a long line (>= 60 characters)
    without final punctuation followed by any text that is not a bullet."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        line = line.strip()
        if out and line:
            prev = out[-1]
            ends = bool(re.search(r"[.!?…:;»\"”)]$", prev))
            bullet = bool(re.match(r"[•\-–—*●▪]|\d+[.)]\s", line))
            if not ends and not bullet and (line[:1].islower() or len(prev) >= 60):
                out[-1] = prev.rstrip("-") + line if prev.endswith("-") and line[:1].islower() else prev + " " + line
                continue
        out.append(line)
    return "\n".join(l for l in out if l)


def yo(s: str) -> str:
    return s.replace("ё", "е").replace("Ё", "Е")


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int  # character offset in the analysed text
    paragraph: int


# (session 25: not before a dash and a lower-case word, the speaker after a quote: «Жанболат не преступник!» — кричали
# собравшиеся)
_BREAK = re.compile(r"(?<=[.!?…])[\"»”)]?\s+(?=[\"«“(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9•]|[\-–—](?!\s*[а-яёәғқңөұүһі]))")


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
                        "абвгдежзийклмнопрстуфхцчшщъыьэюяЁёӘәҒғҚқҢңӨөҰұҮүҺһІі")


def _last_word(before: str) -> str | None:
    """The word a sentence candidate ends with, before an optional dot and closing quote (what
    `({WORD}+)\\.?["»”)]?$` finds), read backwards from the end."""
    i = len(before)
    if i and before[i - 1] in "\"»”)":
        i -= 1
    if i and before[i - 1] == ".":
        i -= 1
    j = i
    while j and before[j - 1] in _WORD_CHARS:
        j -= 1
    return before[j:i] or None


def sentences(text: str) -> list[Sentence]:
    """Split into sentences: at line breaks and at . ! ? … followed by a capital or a digit, but not
    after abbreviations (г., ул., им., initials)."""
    out: list[Sentence] = []
    pos = 0
    for p_no, para in enumerate(text.split("\n")):
        para_start = text.find(para, pos)
        pos = para_start + len(para)
        chunk_start = 0
        for m in _BREAK.finditer(para):
            before = para[chunk_start:m.start()].rstrip()
            w = _last_word(before)
            if w:
                if w.lower() in ABBREV or (len(w) == 1 and w.isupper()):
                    continue
            piece = para[chunk_start:m.start()].strip()
            if piece:
                out.append(Sentence(len(out), piece, para_start + chunk_start, p_no))
            chunk_start = m.end()
        piece = para[chunk_start:].strip()
        if piece:
            out.append(Sentence(len(out), piece, para_start + chunk_start, p_no))
    return out


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


def morph():
    return core_morph.analyzer()  # one analyser per process (core/morph.py)


@lru_cache(maxsize=50000)
def parses(word: str):
    """pymorphy3's readings of a word, most likely first; (session 18) where an imperative ties with an indicative,
    the indicative first: news tells what people did, so "пришли", "пошли", "зашли", "нашли" are "прийти", "пойти",
    "зайти", "найти" in the past (pymorphy3 gives the imperative of "прислать", "послать", ... first at an equal score)."""
    ps = tuple(morph().parse(word))
    if len(ps) > 1 and "impr" in ps[0].tag:
        tie = next((k for k, p in enumerate(ps) if p.score == ps[0].score and "indc" in p.tag), None)
        if tie is not None:
            ps = (ps[tie],) + ps[:tie] + ps[tie + 1:]
    return ps


@lru_cache(maxsize=50000)
def lemma(word: str) -> str:
    w = word.lower()
    if not re.search("[а-яё]", w) or re.search("[әғқңөұүһі]", w):
        return yo(w)
    p = parses(w)
    return yo(p[0].normal_form) if p else yo(w)


def lemmas(text: str) -> list[str]:
    return [lemma(t) for t in tokens(text)]


def contains_any(low: str, words: tuple[str, ...]) -> bool:
    """Any of `words` is a substring of `low` (a plain loop: faster than a regex or `any()` on short tuples)."""
    for w in words:
        if w in low:
            return True
    return False
