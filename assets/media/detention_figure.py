"""The figure of detained in one sentence when no special phrasing (a city's share, a partitive, a fraction, a
list, "all of them") gave it: the people counted next to a verb of detaining, a stated figure, the noun
("о 47 задержанных"), one person told by the grammar. Split from detentions.fill_detentions (one job a file)."""
from __future__ import annotations

import re

from assets.media.count_context import before_of, clause_of
from assets.media.counts import PART_OF_THEM_RE, counted
from assets.media.detention_counts import (joined_counts, one_joined_before, singular_object, stated_figure, unscaled_vague,
                                           updated_figure, whole_of_detained)
from assets.media.detention_patterns import (DETAIN_RE, KK_ONE_NAMED_RE, KK_ONE_OBJECT_RE, PASSIVE_AFTER_PHRASE_RE,
                                             SINGULAR_DETAIN_RE)
from assets.media.detention_totals import noun_figure, one_passive
from assets.media.event import Event
from assets.media.numbers import quantities
from assets.media.text import parses


# (session 38) some of them, no figure: "часть из них", "некоторые участники", "кое-кого", "олардың бір бөлігі"
SOME_OF_THEM_SUBJECT_RE = re.compile(r"(?<!\w)(?:часть\s+(?:из\s+них|участник|собравш|митингующ|протестующ|пикетчик|активист|"
                                     r"задержанн)|некотор\w+\s+(?:из\s+них|участник|активист|собравш|митингующ|протестующ)|"
                                     r"кое-ког\w*|кое-кто|бір\s+бөлігі|кейбір\w*)", re.I)


def _object_pronoun(low: str) -> bool:
    """(round 22) "его", "её" as the object of the verb ("его задержали"), not the possessive before a noun in the
    plural ("задержала его участников", "её сторонников увезли": some of its people, no count)."""
    for m in re.finditer(r"\b(?:его|ее|её|него|нее|неё|нему|ней)\b", low):
        nxt = re.match(r"\s+([а-яё]+)", low[m.end():])
        if nxt and any({"NOUN", "plur"} <= set(p.tag.grammemes) for p in parses(nxt.group(1))[:2]):
            continue
        return True
    return False


def people_figure(t: str, ev: Event) -> tuple[int | None, int, bool, bool]:
    """(n, where its number ends, whether it is a vague one, whether it is one person read from the grammar)."""
    low = t.lower()
    n, n_end, vague_n, one_person = None, 0, False, False
    people = []
    if (up := updated_figure(t)) is not None:
        return up, 0, False, False  # (round 22) "позже их число выросло до 25": the figure as updated
    for q, after in quantities(t):
        kind = counted(q, after, before_of(t, q.start))
        if kind is None and re.search(r"(?<!\w)человек\s+$", t[max(0, q.start - 10):q.start], re.I) \
                and re.search(r"\d", q.text):
            kind = ("people", "человек")  # (round 19) the approximate inversion "человек 15 увезли в полицию"
        clause = clause_of(t, q.start, q.end)
        if kind is None and PART_OF_THEM_RE.match(after) and DETAIN_RE.search(clause):
            kind = ("people", "из них")  # "задержали 12 из них": some of the people told before
        if kind and kind[0] == "people" and re.search(r"\bиз\s*$", t[max(0, q.start - 4):q.start], re.I):
            continue  # "Из 200 участников задержаны 35": the whole, not the detained
        if kind and kind[0] == "people":
            if unscaled_vague(q.text):
                continue  # "нескольких участников": reported without a number, the monitor counts
            people.append(q)
            if DETAIN_RE.search(clause) or PASSIVE_AFTER_PHRASE_RE.match(t[q.end:]):
                # (round 17: "23 человека, участвовавших в акции, были задержаны": the subject of the
                # passive, a participial phrase between)
                n, n_end = q.best, q.end
                vague_n = not re.search(r"\d", q.text)
                if (whole := whole_of_detained(t, q.end)) is not None:
                    n, n_end = whole, len(t)  # (round 22) "пятерых из 20 задержанных": the whole is the figure
                    break
                n, n_end = joined_counts(t, n, n_end)  # "двоих организаторов и троих участников"
                n += one_joined_before(t, q.start)  # (round 17) "организатора и двух участников" = 3
                break
    if n is None:
        n = stated_figure(t)
    if n is None:
        n = noun_figure(t)  # (round 20) "о 47 задержанных", "115 задержаний"
    if n is None and len(people) == 1 and not re.search(r"собрал|вышл|пришл|участвова|митингова|протестова", low):
        n = people[0].best  # "четырех организаторов акции А, Б, В и Г отвезли в отделение полиции"
    if n is None and SOME_OF_THEM_SUBJECT_RE.search(t):
        return n, n_end, vague_n, one_person  # (session 38) "Часть из них была задержана": some, no count (not one)
    if n is None and ((k := singular_object(t)) or KK_ONE_OBJECT_RE.search(t) or KK_ONE_NAMED_RE.search(t) or one_passive(t)):
        n, one_person = k or 1, True  # "полиция задержала журналиста", "доставили пенсионерку в отдел" ("мужчину и женщину": 2)
    if n is None and (SINGULAR_DETAIN_RE.search(low) or ev.participants_high == 1 or ev.form == "single_picket"
                      or _object_pronoun(low)):
        plural = re.search(r"задержал[и]?\s+(?:\w+\s+){0,2}(?:участник|активист|людей|человек)\w*|задержан[ыо]\b", low)
        if not plural:
            n, one_person = 1, True
    return n, n_end, vague_n, one_person
