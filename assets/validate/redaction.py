"""Keeping private persons' names out of every public output (report, exports, figures row keys).

`private_names(con, period)` collects every name the warehouse holds for persons not marked
public: clean persons (every period), and - for the period - the person rows of the raw layer too
(so a person whose own row was quarantined is still protected), under any header a file may use
for the name, and the organiser's name of cards whose organiser is an individual. `redact(text,
names)` replaces every word of those names in any inflection ("Секретова", "Секретовой") by '[…]', in their Russian
spellings (Әсел Асель) and Latin ones (Касымов Kassymov); names and texts are compared with Latin look-alikes of
Cyrillic letters folded (a Latin a in «Кaсымов»), the text's own characters cut; a name word of one or two letters
(Ли) alone only where written as a name is, capitalised (the particle «ли» stays); initials written beside a cut
name are cut with it («Ли Ж.», "Zh. Li", «Касымов Е.Б.»).
Free text that cannot be made safe this way (card notes in exports) is left out of public outputs.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import duckdb

from assets.core import raw
from assets.core.sqlfiles import sql

MARK = "[…]"


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute(sql("common/table_exists"), {"name": name}).fetchone()[0])


def _table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Every table the connection sees, in one query (on a DuckLake each catalog query costs ~20-30 ms)."""
    return {t for (t,) in con.execute(sql("common/table_names")).fetchall()}


def _truthy(v) -> bool | None:
    from assets.validate.coerce import parse_bool

    try:
        return None if v is None or (isinstance(v, str) and not v.strip()) else parse_bool(v)
    except ValueError:
        return None


def _field(data: dict, aliases: dict[str, str], name: str, keys_of: dict | None = None):
    """The first non-empty value of `data` under a header that means field `name`. keys_of: a cache
    (the records of one file share their headers) of which of a record's keys mean the field."""
    from schemas.card import normalise_header

    if keys_of is None:
        keys_of = {}
    shape = tuple(data)
    keys = keys_of.get(shape)
    if keys is None:
        keys = keys_of[shape] = [k for k in shape if aliases.get(normalise_header(str(k))) == name]
    for k in keys:
        v = data[k]
        if v not in (None, ""):
            return v
    return None


def private_names(con: duckdb.DuckDBPyConnection, period: str | None = None) -> list[str]:
    """Every name of a person not marked public that the warehouse holds (see the module doc)."""
    from assets.validate.coerce import parse_code
    from schemas.card import header_aliases, spec

    private: set[str] = set()
    public: set[str] = set()
    organisers: set[str] = set()  # individual organisers: private unless a card names them as a public person
    have = _table_names(con)  # one catalog query, not one for each table asked about
    if "persons" in have:
        for name, pub in con.execute(sql("validate/persons_names")).fetchall():
            (public if pub else private).add(str(name).strip())
    if "cards" in have:
        organisers.update(str(n).strip() for (n,) in con.execute(sql("validate/individual_organisers")).fetchall())
    if period is not None and "raw_records" in have:
        if "raw_headers" not in have:  # read-only, never opened for writing since issue 15's format
            from assets.core.raw_migration import OLD_FORMAT

            raise RuntimeError(OLD_FORMAT)
        p_alias, c_alias = header_aliases("person"), header_aliases("card")
        org_type = spec().card["organizer_type"]
        if "cards" in have and "persons" in have:  # clean records' names came from those tables above
            rows = _not_clean_records(con, period)
        else:
            rows = con.execute(sql("validate/raw_people_of_period"), {"period": period}).fetchall()
        caches: dict[str, dict] = {"name": {}, "public": {}, "organizer_name": {}, "organizer_type": {}}
        for kind, header, cells in rows:
            try:
                d = raw.record_data(header, cells)
            except ValueError:
                continue
            if not isinstance(d, dict):
                continue
            if kind == "person":
                name = _field(d, p_alias, "name", caches["name"])
                if name is not None and _truthy(_field(d, p_alias, "public", caches["public"])) is not True:
                    private.add(str(name).strip())
            else:
                name = _field(d, c_alias, "organizer_name", caches["organizer_name"])
                try:
                    individual = parse_code(org_type, _field(d, c_alias, "organizer_type", caches["organizer_type"]) or "") == "individual"
                except ValueError:
                    individual = False
                if name is not None and individual:
                    organisers.add(str(name).strip())
        private |= _names_in_refused_files(con, period) - public
    return sorted(n for n in private | (organisers - public) if n)


def _not_clean_records(con: duckdb.DuckDBPyConnection, period: str) -> list[tuple]:
    """(kind, header, cells) of the period's raw card and person records that did not become a clean card
    or person: sql/validate/raw_records_not_clean.sql's rows. Where the period's records are in the raw
    store's Parquet parts, the query's ids are found by SQL on the narrow columns and only those records'
    values are read from the parts, by Polars' reader, which decodes the `cells` of the matching rows only
    (DuckDB's decodes every record's: at 1,000,000 cards ~2% of them are wanted, 0.85 -> ~0.45 s of CPU;
    benchmarks/ANALYSIS.md, branch i15p). Elsewhere (a DuckLake, the raw layer kept inside, a part file
    not where the store says) the query as it is."""
    query = sql("validate/raw_records_not_clean")
    parts = _store_parts(con, period)
    if not parts:
        return con.execute(query, {"period": period}).fetchall()
    import polars as pl

    ids = con.execute(sql("validate/raw_records_not_clean_ids"), {"period": period}).fetch_arrow_table()
    if not ids.num_rows:
        return []
    headers = dict(con.execute(sql("validate/raw_headers_of_period"), {"period": period}).fetchall())
    con.register("_not_clean_ids", ids)
    try:
        inside = con.execute(sql("validate/raw_record_rows_not_clean"), {"period": period}).fetchall()
    finally:
        con.unregister("_not_clean_ids")
    from assets.core.raw import cells_of_lines

    wanted = pl.from_arrow(ids)["record_id"].implode()
    scans = []
    for p in parts:  # each part scanned on its own (a part a writer wrote with other column types is read all the same)
        scan = pl.scan_parquet(str(p))
        lines = [c for c in ("line", "sep") if c in scan.collect_schema()]  # records kept as their CSV lines
        text = [pl.col(c).cast(pl.String) for c in ("period", "record_id", "kind", "header_id", "cells", *lines)]
        scans.append(scan.select(text).filter((pl.col("period") == period) & pl.col("record_id").is_in(wanted))
                     .select("kind", "header_id", "cells", *lines))
    stored = cells_of_lines(pl.concat(pl.collect_all(scans), how="diagonal"))
    # the query's inner join with raw_headers: a record whose header is not there is not read
    return [(kind, headers[h], cells) for kind, h, cells in (*inside, *stored.iter_rows()) if h in headers]


def _store_parts(con: duckdb.DuckDBPyConnection, period: str) -> list | None:
    """The paths of the period's Parquet parts in the raw store the views read; None where the raw
    layer is not kept so (a DuckLake, an older warehouse, no part) or a part's file is not there."""
    from assets.core import rawstore

    if not (_has_table(con, "raw_record_parts") and _has_table(con, "raw_record_rows")):
        return None
    shas = [s for (s,) in con.execute(sql("validate/parts_of_period"), {"period": period}).fetchall()]
    store = rawstore.views_store(con) if shas else None
    if store is None:
        return None
    paths = [rawstore.part_path(store, s) for s in shas]
    return paths if all(p.is_file() for p in paths) else None


def _names_in_refused_files(con: duckdb.DuckDBPyConnection, period: str) -> set[str]:
    """Names in files that were refused as a whole (a duplicate key, an unclosed quote, ...): their
    persons never reached raw_records, yet their names must not appear elsewhere either. Read by a
    plain pattern over the text (never by a parser that the file already defeated): `name: ...`
    in YAML/JSON, the name column of a CSV header (a name a card marks public elsewhere stays named)."""
    from schemas.card import header_aliases, normalise_header

    keys = [k for k, v in header_aliases("person").items() if v == "name"]
    lake = not _has_table(con, "raw_file_index")  # a DuckLake keeps raw_files as a table (assets/core/rawstore.py)
    rows = con.execute(sql("validate/refused_files_of_period.ducklake" if lake else "validate/refused_files_of_period"), {"period": period}).fetchall()
    found: set[str] = set()
    alt = "|".join(re.escape(k).replace("\\ ", "[ _]") for k in keys)
    pair = re.compile(rf"""(?:^|[\s{{,"'-])(?:{alt})["']?\s*:\s*["']?([^"'\n,{{}}\[\]#]+)""", re.IGNORECASE | re.MULTILINE)
    for content, stored_as in rows:
        if content is None:
            from assets.core import rawstore

            content = rawstore.read_bytes(con, stored_as)
        text = bytes(content).decode("utf-8", "replace")
        if "\ufffd" in text[:2000]:
            text = bytes(content).decode("cp1251", "replace")
        found.update(m.group(1).strip() for m in pair.finditer(text))
        first, _, rest = text.partition("\n")
        for sep in (",", ";", "\t"):
            cols = [normalise_header(c.strip().strip('"')) for c in first.split(sep)]
            hits = [i for i, c in enumerate(cols) if c in keys]
            if hits:  # a name column (a CSV of one column too: a list of names)
                for line in rest.splitlines():
                    cells = line.split(sep)
                    found.update(cells[i].strip().strip('"') for i in hits if i < len(cells))
                break
    return {n for n in found if re.search(r"\w{3,}", n)}


_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
                      "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "a", "g", "k", "n", "o", "u",
                      "u", "h", "i"]))


def latin(word: str) -> str:
    """A Latin transliteration of a Cyrillic word (to find a private name in an English text)."""
    return "".join(_TRANSLIT.get(ch, ch) for ch in word.lower())


# The other spellings in Latin letters a name takes in English texts (passports, the BGN/PCGN and ISO 9 systems,
# Kazakh names' usual forms): Айгерим Aigerim / Aygerim / Ajgerim, Ержан Yerzhan / Erzhan, Тлеубаева Tleubayeva,
# Жанар Zhanar / Janar, Хасанов Khasanov / Hasanov / Xasanov, Юлия Yulia / Iuliia / Julia, Дмитрий Dmitriy / Dmitry /
# Dmitrii, Александр Aleksandr / Alexandr. latin() gives the first of each; spellings shorter than _MIN_VARIANT
# letters are left out (latin()'s own is kept, as before).
_VARIANTS = {"й": ("y", "i", "j"), "ё": ("e", "yo", "jo"), "ж": ("zh", "j"), "х": ("kh", "h", "x"),
             "ц": ("ts", "c", "tz"), "щ": ("shch", "sch", "sh"), "ю": ("yu", "iu", "ju"), "я": ("ya", "ia", "ja"),
             "ы": ("y", "i"), "ъ": ("", "'"), "ь": ("", "'"), "ә": ("a", "ae", "ä"), "ғ": ("g", "gh", "ğ"),
             "қ": ("k", "q"), "ң": ("n", "ng", "ñ"), "ө": ("o", "oe", "ö"), "ү": ("u", "ü"), "ұ": ("u", "ū"),
             "і": ("i", "ı")}
# A Kazakh name in Russian spelling: Нұрлан Нурлан, Өтебаев Утебаев / Отебаев, Ғалымжан Галымжан, Әлия Алия
_RUSSIAN = {"ә": ("а", "э"), "ө": ("о", "у"), "ұ": ("у",), "ү": ("у", "ю"), "і": ("и", "ы"), "ғ": ("г",), "қ": ("к",),
            "ң": ("н", "нг"), "һ": ("х",)}
_VOWELS = set("аеёиоуыэюяәөүұі")
_MAX_VARIANTS = 256  # per word: a long name with many such letters keeps the first spellings of each
_MIN_VARIANT = 5  # a shorter other spelling is left out: "Хан" as "han" would redact "hand", "Яна" as "jana" "Janata"


def latin_variants(word: str) -> set[str]:
    """Every usual Latin spelling of a Cyrillic word (at most _MAX_VARIANTS): е as "ye" at the start and after a
    vowel or a sign (Ержан Yerzhan, Тлеубаева Tleubayeva), ий as "iy", "y", "ii" or "i" at the end, ия as "ia" (Мария
    Maria), кс as "x", дж as "dzh", "j" or "dj" (Джамиля Jamilya), с between vowels as "s" or "ss" (Касымов
    Kassymov); х as "kh" or "h" (_VARIANTS)."""
    w = word.lower()
    parts: list[tuple[str, ...]] = []
    i = 0
    while i < len(w):
        ch = w[i]
        if w.startswith("ий", i) and i + 2 == len(w):
            parts.append(("iy", "y", "ii", "i", "ij"))
            i += 2
            continue
        if w.startswith("ия", i):  # Мария Maria, Юлия Yulia: one i (and the letter-by-letter forms)
            parts.append(("iya", "ia", "iia", "ija"))
            i += 2
            continue
        if w.startswith("кс", i):
            parts.append(("ks", "x"))
            i += 2
            continue
        if w.startswith("дж", i):  # Джамиля Dzhamilya / Jamilya / Djamilya
            parts.append(("dzh", "j", "dj"))
            i += 2
            continue
        if ch == "с" and 0 < i < len(w) - 1 and w[i - 1] in _VOWELS and w[i + 1] in _VOWELS:
            parts.append(("s", "ss"))  # Касымов Kassymov (passports double s between vowels, so it is not read as z)
            i += 1
            continue
        if ch == "е":
            parts.append(("e", "ye") if i == 0 or w[i - 1] in _VOWELS or w[i - 1] in "ьъ" else ("e",))
        else:
            parts.append(_VARIANTS.get(ch, (_TRANSLIT.get(ch, ch),)))
        i += 1
    out = {""}
    for options in parts:
        out = {a + b for a in out for b in options}
        if len(out) > _MAX_VARIANTS:
            out = set(sorted(out)[:_MAX_VARIANTS])
    return out | {latin(word)}


_SOFTENED = set("лнтдсзр")  # final consonants Russian spelling may soften in a Kazakh name: Әсел Асель


def russian_spellings(word: str) -> set[str]:
    """A word with Kazakh letters in its usual Russian spellings (the word itself included; at most _MAX_VARIANTS):
    each Kazakh letter as Russian writes it (Нұрғалиева Нургалиева, Ғалым Галым) and, where the word ends in a
    consonant that Russian softens, also with a soft sign (Әсел Асель, Аселью: the stem then takes the endings)."""
    out = {""}
    for ch in word:
        low = ch.lower()
        options = (ch, *_RUSSIAN[low]) if low in _RUSSIAN else (ch,)
        out = {a + b for a in out for b in options}
        if len(out) > _MAX_VARIANTS:
            out = set(sorted(out)[:_MAX_VARIANTS])
    if any(ch.lower() in _RUSSIAN for ch in word) and word[-1:].lower() in _SOFTENED:
        out |= {v + "ь" for v in out if v != word}
    return out | {word}


# Latin letters that look like Cyrillic ones (in either case: a mixed keyboard layout types one for the other):
# names and texts are compared with these folded to the Cyrillic letter, and the text's own characters are cut.
_LOOKALIKES = "aаeеoоpрcсxхyуkкmмhнtтbвiі"
FOLD = str.maketrans({**{_LOOKALIKES[i]: _LOOKALIKES[i + 1] for i in range(0, len(_LOOKALIKES), 2)},
                      **{_LOOKALIKES[i].upper(): _LOOKALIKES[i + 1].upper() for i in range(0, len(_LOOKALIKES), 2)}})


def fold(text: str) -> str:
    """`text` with the Latin look-alikes of Cyrillic letters as those letters (one character for one: the
    positions stay those of `text`)."""
    return text.translate(FOLD)


# a Latin letter next to a Cyrillic one: every word of both scripts has one (its letters stand together)
_JUNCTION = re.compile(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]")


def fold_mixed(text: str) -> str:
    """`text` with its words of Latin and Cyrillic letters both folded (fold): «Тaлгат» with a Latin a reads as
    «Талгат»; a word all in Latin letters stays (English text is matched by the names' Latin spellings). One
    search in C finds whether there is any such word (the cost of redaction over every text)."""
    m = _JUNCTION.search(text)
    if m is None:
        return text
    out, done = [], 0
    while m is not None:
        start, end = m.start(), m.end()
        while start > done and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isalpha():
            end += 1
        out += [text[done:start], text[start:end].translate(FOLD)]
        done = end
        m = _JUNCTION.search(text, end)
    out.append(text[done:])
    return "".join(out)


def name_words(name: str, shortest: int = 1) -> list[str]:
    """The words of a name, each written in Cyrillic where it holds a Cyrillic letter (a Latin look-alike typed in
    it, «Кaсымов» with a Latin a, read as the Cyrillic letter); a word all in Latin letters stays as it is."""
    return [fold(w) if _CYRILLIC.search(w) else w for w in re.findall(rf"\w{{{shortest},}}", _plain(name))]


def _spellings(names: tuple[str, ...]) -> list[str]:
    """Every word of three letters or more of every name, in its Russian spellings (a Kazakh name) and its Latin ones."""
    out: list[str] = []
    for name in names:
        words = sorted({v for w in name_words(name, 3) for v in russian_spellings(w)})
        spelt = {v for w in words if latin(w) != w.lower() for v in latin_variants(w)
                 if len(v) >= _MIN_VARIANT or v == latin(w)}
        out += words + sorted(spelt - {w.lower() for w in words})
    return out


def _stems_of(w: str) -> list[str]:
    """Any inflection: Секретова -> Секретовой, Дана -> Даны, Тихая -> Тихой."""
    stems = [w[:-2] if len(w) > 5 else w[:-1] if len(w) > 3 else w]
    if len(w) > 4 and w.lower().endswith(("ая", "яя", "ий", "ый", "ой")):
        stems.append(w[:-2])
    return stems


def _stems(names: tuple[str, ...]) -> list[str]:
    return sorted({st for w in _spellings(names) for st in _stems_of(w)}, key=lambda s: (-len(s), s))


_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.)?")


# Text of printable ASCII, tab, line feed and Cyrillic (U+0400-U+04FF) only holds no terminal escape,
# no control and no format character: _plain leaves it as it is, checked in C instead of per character.
_PLAIN_TEXT = re.compile(r"[\t\n\x20-\x7e\u0400-\u04ff]*")


def _plain(text: str) -> str:
    """Without terminal escape sequences, control and format characters (zero-width spaces, bidi
    marks) that could split a name so that it escapes redaction."""
    if _PLAIN_TEXT.fullmatch(text):
        return text
    return _cleaned(text)


def _cleaned(text: str) -> str:
    """_plain's work, character by character."""
    text = _ANSI.sub("", text)
    return "".join(" " if unicodedata.category(ch) == "Cc" and ch not in "\n\t" else ch
                   for ch in text if unicodedata.category(ch) != "Cf")


# A name word of three or four letters (Ким, Пак, Анна, Дана) takes only a case ending after it, not any letters
# ("Пак" took "пакет" and "паковали", "Ага" "again", "Дана" "данные": their stems were followed by any letters).
_RU_ENDINGS = "а|я|у|ю|е|ы|и|ой|ей|ом|ем|ов|ев|ам|ям|ах|ях|ым|им|ых|их|ами|ями"
_LATIN_ENDINGS = "a|y|i|e|u|s|'s|ya|ia|yu|iu|ov|ev"
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)


def _short_word_phrases(names: tuple[str, ...]) -> list[str]:
    """A name with a word of one or two letters (Ли Ан, О Ен, Ким Ли): the whole name, in its order or the other,
    in Cyrillic and its Latin spellings: such a word alone ("ли", "о") is too common a word to cut."""
    out = []
    for name in names:
        words = name_words(name)
        if len(words) < 2 or all(len(w) > 2 for w in words):
            continue
        spelt = [sorted({w.lower()} | ({latin(w)} if latin(w) != w.lower() else set())
                        | {v for v in latin_variants(w) if latin(w) != w.lower()}) for w in words]
        for order in (spelt, spelt[::-1]):
            out.append(r"\s+".join("(?:" + "|".join(re.escape(v) for v in opts) + ")" for opts in order))
    return out


@lru_cache(maxsize=32)
def _pattern(names: tuple[str, ...]) -> re.Pattern | None:
    spellings = _spellings(names)
    phrases = _short_word_phrases(names)
    longer = sorted({st for w in spellings if len(w) > 4 for st in _stems_of(w)})
    short = sorted({w.lower() for w in spellings if len(w) <= 4})
    if not longer and not short and not phrases:
        return None
    parts = [rf"(?:{p})\b" for p in phrases]
    parts += [rf"{_trie(longer)}\w*"] if longer else []
    for words, endings in (([w for w in short if _CYRILLIC.search(w)], _RU_ENDINGS),
                           ([w for w in short if not _CYRILLIC.search(w)], _LATIN_ENDINGS)):
        if words:  # Ким: ким + an ending; Анна: анн, its а or an ending; never any letters (пакет, again)
            alts = "|".join(_yo(w[:3]) + (f"(?:{_yo(w[3:])})?" if len(w) > 3 else "") for w in words)
            parts.append(rf"(?:{alts})(?:{endings})?\b")
    return re.compile(rf"\b(?:{'|'.join(parts)})", re.IGNORECASE)


# Words of one or two letters that begin sentences (prepositions, pronouns, conjunctions, articles): a name word
# spelt so is not cut at a sentence's start, where it is capitalised anyway ("О пикете", "An officer").
_SENTENCE_WORDS = frozenset(
    "а в и к о с у я во да до же за из ко мы на не ни но ну об он от по со то ты уж вы их ей им её ее ею "
    "a i o an as at be by do go he if in is it me my no of on or so to up us we".split())


@lru_cache(maxsize=32)
def _short_pattern(names: tuple[str, ...]) -> re.Pattern | None:
    """The words of one or two letters of the names (Ли of Жанна Ли, Li, О of О Ен) alone, case-sensitive: as a name
    is written, capitalised (Ли, Li) or in capitals (ЛИ); the particle «ли» and the preposition «о» are written in
    small letters mid-sentence. Its Cyrillic spellings and latin()'s own. Matched in fold_mixed text."""
    words: set[str] = set()
    for name in names:
        for w in name_words(name):
            if len(w) > 2:
                continue
            for v in {w, *russian_spellings(w), latin(w)}:
                if v and v.isalpha():
                    words |= {v[0].upper() + v[1:].lower(), v.upper()}
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?:{alts})(?!\w)")  # the word's start is checked by _short_keep: a lookbehind first costs 3x


def _short_keep(text: str, m: re.Match) -> bool:
    """A capitalised common word at a sentence's start stays («О пикете», "An officer", "I")."""
    word, at = m.group(0), m.start()
    if at and (text[at - 1].isalnum() or text[at - 1] == "_"):  # inside a word (Лили, Oli): not this word
        return True
    if word == "I":  # the English pronoun, capitalised wherever it stands
        return True
    return word.lower() in _SENTENCE_WORDS and _begins_sentence(text, at)


def _begins_sentence(text: str, at: int) -> bool:
    """Whether `at` begins `text` or a sentence of it (after . ! ? … : ; or a line break, quotes and brackets between).
    Looks back a bounded stretch (a long text with many matches is not read back to its start each time)."""
    before = text[max(0, at - 64):at].rstrip(" \t\"'«„“([—–-")
    return (not before and at <= 64) or (bool(before) and before[-1] in ".!?…:;\n")


def _yo(text: str) -> str:
    return "".join("[её]" if ch in "её" else re.escape(ch) for ch in text)


def _trie(stems: list[str]) -> str:
    """One alternation of `stems` as a prefix tree ("секрет(?:ов|ар)"...): the regex engine then tries
    a few letters at each word instead of every name (a flat alternation costs names x text: with the
    names growing with the cards, quadratic). A stem that begins with another is dropped: `\\w*`
    after the shorter one matches the same words. Case folded (the pattern ignores case); е = ё."""
    trie: dict = {}
    for s in sorted({s.lower().replace("ё", "е") for s in stems}, key=len):
        node = trie
        for ch in s:
            if "" in node:
                break  # a shorter stem already covers every word this one would
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = {}

    def emit(node: dict) -> str:
        if "" in node:
            return ""
        parts = [("[её]" if ch == "е" else re.escape(ch)) + emit(child) for ch, child in sorted(node.items())]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(trie)


def redact(text, names) -> str:
    """`text` with every word of every name in `names` (any inflection) replaced by '[…]'."""
    if text is None:
        return text
    return _redact(str(text), tuple(sorted(set(names))))


def _redact(text: str, names: tuple[str, ...]) -> str:
    pat, short = _pattern(names), _short_pattern(names)
    if pat is None and short is None:
        return text
    text = _plain(text)
    folded = text if text.isascii() else fold_mixed(text)
    if folded is text:  # no word of both scripts (nearly every text): the patterns' own sub, in C
        if pat is not None:
            text = pat.sub(MARK, text)
        if short is not None:
            text = short.sub(lambda m: m.group(0) if _short_keep(text, m) else MARK, text)
        return _with_initials(text, names)
    if pat is not None:  # matched in the folded text, the text's own characters cut (the same positions)
        text = _cut(text, pat.finditer(folded))
        folded = fold_mixed(text)
    if short is not None:
        text = _cut(text, (m for m in short.finditer(folded) if not _short_keep(folded, m)))
    return _with_initials(text, names)


# the Latin letter pairs that spell one Cyrillic letter at a name's start (Zh. for Ж., Ye. for Е.)
_DIGRAPHS = ("zh", "kh", "ch", "sh", "ts", "ye", "yu", "ya", "yo", "iu", "ia", "ju", "ja", "jo", "dz", "dj")


def initials(names) -> set[str]:
    """The initials the words of `names` take, capitalised as initials are written: each word's first letter in
    Cyrillic (and its Russian spellings: Ә. as А.) and in its Latin spellings (Ж. as Zh. or J., Е. as E. or Ye.)."""
    out: set[str] = set()
    for name in names:
        for w in name_words(name, 2):
            first = w[:1]
            if _CYRILLIC.search(first):
                spelt = {v[:1] for v in russian_spellings(first)} | latin_variants(first.lower())
            else:
                spelt = {first} | ({w[:2]} if w[:2].lower() in _DIGRAPHS else set())
            out |= {v[:1].upper() + v[1:].lower() for v in spelt if v and v.isalpha()}
    return out


# a second initial beside a name's (a patronymic's, which the name may not hold): any capital, Latin two-letter ones too
OTHER_INITIAL = r"(?:[A-ZА-ЯЁ][a-z]?\.)"


def initials_rx(names) -> str | None:
    """The regex of one of the initials of `names` (initials()) with its dot, the longest first; None when they have none.
    The report's redaction (_initials_pattern) and the erasure (erasure_names._with_initials_rx) take initials by it."""
    letters = initials(names)
    if not letters:
        return None
    return "(?:" + "|".join(re.escape(v) for v in sorted(letters, key=lambda v: (-len(v), v))) + r")\."


@lru_cache(maxsize=32)
def _initials_pattern(names: tuple[str, ...]) -> re.Pattern | None:
    """A cut name ('[…]') with the initials written beside it, before («Ж. […]», "Zh. […]") or after («[…] Ж.»,
    «[…] Е.Б.», "[…] Ye."): the initials are the name's, so they go with it."""
    init = initials_rx(names)
    if init is None:
        return None
    other, mark = OTHER_INITIAL, re.escape(MARK)
    return re.compile(rf"(?<!\w){init}\s?(?:{other}\s?)?{mark}|{mark}\s*,?\s*{init}(?:\s?{other})?(?!\w)")


def _with_initials(text: str, names: tuple[str, ...]) -> str:
    """`text` with the initials beside a cut name cut with it (_initials_pattern)."""
    if MARK not in text:
        return text
    pat = _initials_pattern(names)
    return pat.sub(MARK, text) if pat is not None else text


def _cut(text: str, matches) -> str:
    """`text` with the spans of `matches` (found in its folded form: the same positions) replaced by MARK."""
    out, at = [], 0
    for m in matches:
        out += [text[at:m.start()], MARK]
        at = m.end()
    if not out:
        return text
    out.append(text[at:])
    return "".join(out)


def redact_frame_columns(df, columns, names):
    """A polars frame with the text columns named redacted: each distinct text once (cards repeat
    their places, topics, settlements and organisers: 100,000 cards hold a few thousand distinct
    texts), mapped back to its cells; nulls stay null."""
    import polars as pl

    cols = [c for c in columns if c in df.columns]
    if not cols or not names:
        return df
    key = tuple(sorted(set(names)))  # once, not per cell (issue 15: the exports of 100,000 cards)
    out = []
    for c in cols:
        if df.schema[c] != pl.Utf8:  # not text: every cell as text
            out.append(pl.col(c).map_elements(lambda v: _redact(str(v), key), return_dtype=pl.Utf8))
            continue
        distinct = df.get_column(c).drop_nulls().unique(maintain_order=True)
        if distinct.is_empty():
            continue
        done = pl.Series(c, [_redact(str(v), key) for v in distinct], dtype=pl.Utf8)
        out.append(pl.col(c).replace_strict(distinct, done, return_dtype=pl.Utf8))
    return df.with_columns(out) if out else df


# figures whose row keys carry free text from cards ("<character>/<topic>")
FREE_TEXT_ROW_KEYS = ("topics",)


def redact_row_keys(figures, names):
    """Figures rows whose key carries card text (topics) with names redacted; rows that become the
    same key are summed, so keys stay unique."""
    import polars as pl

    if not names or figures.is_empty():
        return figures
    hit = pl.col("table_no").is_in(list(FREE_TEXT_ROW_KEYS))
    free, rest = figures.filter(hit), figures.filter(~hit)
    if free.is_empty():
        return figures
    keys = [c for c in figures.columns if c != "value"]
    free = (free.with_columns(pl.col("row_key").map_elements(lambda k: redact(k, names), return_dtype=pl.Utf8))
            .group_by(keys, maintain_order=True).agg(pl.col("value").sum()))
    return pl.concat([rest, free.select(figures.columns)])
