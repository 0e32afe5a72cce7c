"""(round 17) Who a figure counts when no noun follows it: a verb of gathering right before it ("пришли около ста"),
or a genitive plural person noun as its subject ("Пикетчиков было не больше десяти"); and a Russian case ending
written after a figure ("около 60-ти активистов"). Read with pymorphy3 (lemmas, case, number, tense)."""
from __future__ import annotations

import re

from assets.media.text import parses, yo

# a Russian case ending written after a figure ("около 60-ти активистов", "более 20-ти человек", "100-а"): the
# count's noun follows it (never a Kazakh ending: "10-ы" is ten of them)
RU_CASE_ENDING_RE = re.compile(r"^-(?:ти|ть|ми|ю|ью|х|а|и)(?=\s)")


# the people a number is not of the crowd's: a family's (counts.py)
FAMILY_LEMMAS = {"ребенок", "сын", "дочь", "внук", "внучка", "брат", "сестра", "муж", "жена", "родственник",
                 "сноха"}
# (round 23) animals are animate nouns too, never people: "сотни коров и овец общипывали траву у акимата", "200 голов"
ANIMAL_LEMMAS = {"корова", "овца", "лошадь", "баран", "коза", "козёл", "козел", "верблюд", "бык", "телёнок", "теленок",
                 "ягнёнок", "ягненок", "собака", "кошка", "кот", "курица", "птица", "животное", "скотина", "жеребёнок",
                 "жеребенок", "кобыла", "свинья", "гусь", "утка", "пчела", "рыба", "барашек", "овечка", "язык"}  # (s21: «на трех языках»)
# (session 53) the genitive plural of a town's people in "-чанин" ("ижевчан", "астанчан", "семейчан"), which the
# dictionary may lack and then reads as a lifeless singular: read by its ending (no lifeless noun ends so)
DEMONYM_CHAN_RE = re.compile(r"[а-яё]{3,}чан(?:ам|ами|ах)?")


# (round 17) a verb of gathering right before the figure, its noun left out ("пришли около ста", "собралось порядка
# двухсот", "вышло не более 50"): read by the verb's lemma (pymorphy3), any tense but the future
ARRIVE_LEMMAS = {"собраться", "прийти", "выйти", "прибыть", "съехаться", "сойтись", "подойти", "явиться"}
APPROX_TAIL_RE = re.compile(r"(?:\s+(?:около|примерно|порядка|более|больше|свыше|не\s+менее|не\s+меньше|не\s+более|"
                            r"не\s+больше|менее|меньше|почти|чуть\s+более|до|уже|лишь|только|всего))*\s*$", re.I)


def gathering_verb_before(before: str) -> bool:
    head = APPROX_TAIL_RE.sub("", before)
    m = re.search(r"([А-Яа-яЁё]+)$", head)
    if not m:
        return False
    return any(p.tag.POS == "VERB" and "futr" not in p.tag and yo(p.normal_form) in ARRIVE_LEMMAS
               for p in parses(m.group(1).lower())[:2])


def person_genitive_before(before: str) -> str | None:
    """The lemma of a genitive plural animate noun that is the subject of a figure: "Пикетчиков было не больше
    десяти", "Жителей — около 50", "Дольщиков насчитывалось более сотни" (pymorphy3: an animate noun, plural
    genitive, at the start of its clause); None when there is none. The caller decides whose it is (police, press,
    children)."""
    head = APPROX_TAIL_RE.sub("", before)
    m = re.search(r"(?:^|[.;:!?]\s*|,\s*(?:а|и|но)\s+)([А-ЯЁа-яё]+)\s*(?:было|оказалось|насчитывалось|набралось|"
                  r"собралось|[—–-]|:)\s*$", head, re.I)
    if not m:
        return None
    ps = [p for p in parses(m.group(1).lower())[:3] if p.tag.POS == "NOUN" and "plur" in p.tag and "gent" in p.tag]
    if not ps:
        return None
    lem = yo(ps[0].normal_form)
    if lem in ("ребёнок", "ребенок", "дети"):
        return "ребенок"
    return lem if "anim" in ps[0].tag else None


def participle_phrase_noun(after: str) -> str | None:
    """(session 37) The people a participial phrase between the figure and its noun leads to ("около 100 работающих на
    месторождении Каламкас нефтяников собрались"): the phrase opens with a plural participle, and the first plural
    animate noun in the genitive within six words after it, before any verb or punctuation, is what is counted."""
    m = re.match(r"\s*([а-яё]+)((?:\s+[«»\"\w-]+){1,7})", after, re.I)
    if not m or not any(p.tag.POS == "PRTF" and "plur" in p.tag for p in parses(m.group(1).lower())[:2]):
        return None
    for w in re.findall(r"[А-Яа-яЁё-]+", m.group(2))[:6]:
        ps = parses(w.lower())
        if not ps:
            continue
        if ps[0].tag.POS in ("VERB", "INFN"):
            return None
        if any(p.tag.POS == "NOUN" and "anim" in p.tag and "plur" in p.tag and "gent" in p.tag
               and not ({"Name", "Surn", "Patr", "Geox", "Orgn"} & p.tag.grammemes) for p in ps[:2]):
            return yo(ps[0].normal_form)
    return None
