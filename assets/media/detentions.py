"""Detentions: how many were detained (in the common phrasings: "задержали", "доставили в
управление полиции", "увозили в сторону департамента полиции", "all of them"), how many before the
assembly began, or that none was; attempts and earlier detentions are not counted."""
from __future__ import annotations

import datetime as dt
import re

from assets.media import crowd_reports, places, triage_modes
from assets.media.count_context import before_of
from assets.media.counts import counted
from assets.media.detention_counts import (ACTUAL_DETAIN_RE, NUMBER_UNSTATED_RE, OTHER_PLACES_RE, city_figure,
                                           clause_start, enumerated_detainees, fraction_of_them, headline_figure,
                                           headline_unnumbered, infinitive_only, kk_partitive, listed_figure,
                                           more_in_sentence, stated_headline_figure)
# (participants.py reads DETAIN_RE and NO_DETAIN_RE here)
from assets.media.detention_patterns import ALL_DETAINED_RE, POSSESSIVE_THEM_RE, PREVENTIVE_RE, THEM_DETAINED_RE
from assets.media.detention_patterns import (DEMAND_FREE_RE, DETAIN_RE, KK_BACKGROUND_RE, NEG_DETAIN_RE,  # noqa: F401
                                             NO_DETAIN_RE, RECAP_RE, SUPPORTED_DETAINED_RE, THEIR_COUNT_RE,
                                             dated_apart, earlier_year)
from assets.media.detention_totals import (exact_over_bound, figure_sentences, fined_figure, fraction_of_which,
                                           not_all_participants, release_only, stated_total)
from assets.media.detention_figure import people_figure
from assets.media.detention_verbs import not_an_assembly_detention
from assets.media.detention_scope import (ATTACKERS_TOLD_RE, DOCUMENT_CONTENT_RE, NAMED_PLACE_RE, STATS_PERIOD_RE, abroad, attackers, earlier_day, without_delays,
                                          other_month_indices, SIMILAR_ACTION_RE,
                                          without_kk_demand)
from assets.media.event import Event
from assets.media.numbers import quantities
from assets.media.text import Sentence


def fill_detentions(ev: Event, search: list[Sentence], other_event_cities: frozenset[str] = frozenset(),
                    title: Sentence | None = None) -> None:
    """`other_event_cities`: cities where the article tells of another assembly (a report of two rallies):
    a detention sentence placed there is that assembly's. `title`: the headline when it is not among the
    searched sentences; its figure is read only when the body states none ("Полиция задержала 35
    участников митинга в Уральске" over a body that says "проводила задержания")."""
    total: int | None = None
    fallback: int | None = None  # a total over several cities
    elsewhere: int | None = None  # a figure placed in another city only ("также ... в Уральске")
    unnumbered = -2  # the index of the last detention sentence that gave no number
    vague_only = True  # every figure taken was a vague one ("несколько десятков")
    preventive, fined = 0, None  # fined: people a fine counts, the figure of detentions told without one
    negative = None
    anchor = search[0] if search else None
    # (round 19) the article tells of the assembly's attackers: the detained it tells of are theirs unless named participants
    attackers_told = any(ATTACKERS_TOLD_RE.search(x.text) for x in search + ([title] if title is not None else []))
    singular_only = True  # every figure taken was one person read from the grammar (no number)
    largest, stated = 0, None  # (round 20) the largest figure taken, a total the article states
    # (round 20) a report from abroad: its event sentence or its headline names the foreign place
    abroad_report = bool(anchor and abroad(anchor.text)) or bool(title is not None and abroad(title.text))
    # (round 20) in a report from abroad, "the capital" is that country's: a city read only from it is not the event's own
    foreign_capital = abroad_report and ev.city == "astana" and not any(
        h.key == "astana" for x in search + ([title] if title is not None else []) for h in places.find_cities(x.text))
    fig_idx = figure_sentences(search, DETAIN_RE)  # (round 20) sentences that tell a detained figure
    excluded = False  # (round 20) a raid's or a criminal arrest's sentence was left out: the headline tells that one
    earlier = crowd_reports.earlier_assembly_indices(search, anchor)  # (session 21) an earlier day's told after today's
    earlier |= other_month_indices(search, ev.date or ev.published, anchor)  # (s53) "январские акции ... Тогда задержали"
    for s in search:
        t = s.text
        low = t.lower()
        if s is not anchor and s.index in earlier:
            continue  # "Тогда на улицы вышли около 100 человек ... В ходе акции полицейские задержали около 30"
        if triage_modes.told_before(t) or KK_BACKGROUND_RE.search(t) or DOCUMENT_CONTENT_RE.search(t):
            continue  # "Напомним, в прошлом году были задержаны 8 человек", "өткен жылы 20 адам ұсталған еді"; (s28) a note's words
        if not_an_assembly_detention(t):
            excluded = True
            continue  # (round 20) a raid's detained, one person's criminal arrest ("по подозрению в ...")
        if STATS_PERIOD_RE.search(t):
            continue  # (round 19) "за последний год задержали 300": a period's statistics, not the assembly's
        if earlier_year(t, (ev.date or ev.published or dt.date.min).year if (ev.date or ev.published) else None):
            continue  # (round 17) "В 2019 году на такой же акции были задержаны 40 человек": an earlier year's
        if s is not anchor and anchor and not (ev.date or ev.published) and dated_apart(t, anchor.text):
            continue  # (session 20) "2022 жылдың қаңтарында ... жүздеген адам ұсталып" below a lead of today's action
        if s is not anchor and earlier_day(t, anchor.text if anchor else ""):
            continue  # (round 19) "трёх активистов задержали на днях", "Накануне задержали 12 за драку"
        t = without_kk_demand(without_delays(t))  # (round 19) "выплата зарплаты задержана"; "... босатуды талап етті"
        low = t.lower()
        if SUPPORTED_DETAINED_RE.search(t):
            t = SUPPORTED_DETAINED_RE.sub(" ", t)  # "в поддержку алматинцев, арестованных за запись": whom they support
            low = t.lower()
        if (demand := DEMAND_FREE_RE.search(t)) is not None:
            t = t[:demand.start()]  # "потребовали отпустить 3 задержанных ранее": only what precedes the demand
            low = t.lower()
        if NO_DETAIN_RE.search(low) and not DETAIN_RE.search(NEG_DETAIN_RE.sub(" ", NO_DETAIN_RE.sub(" ", low))):
            # (round 16: unless another verb of the sentence detains: "задержала 8 человек, остальных не задерживали")
            negative = negative or t
            continue
        if RECAP_RE.search(t) and ev.detained is None and total is None and NEG_DETAIN_RE.search(low):
            negative = negative or t
            continue  # "Напоминаем, что ... Дуванова не задержали": an earlier event's
        if NEG_DETAIN_RE.search(low) and not DETAIN_RE.search(NEG_DETAIN_RE.sub(" ", low)):
            negative = negative or t
            continue  # "его не задержали", "Дуванова не доставляли в отдел": nobody detained
        here = {h.key for h in places.find_cities(t) if places.hit_role(t, h) == "place"}
        if places.capital_mentioned(t):
            here.add("astana")  # "в столице и Алматы в отделы полиции доставлены 80 граждан"
        if len(here) >= 2 and ev.city is not None and ev.city not in here:
            continue  # "более 50 задержаны после митингов в Нур-Султане и Алматы": other cities' total
        # a total over several cities, this event's among them ("полиция задержала 57 участников акций в
        # Алматы и Нур-Султане"): the event's figure only where the article gives none of its own city
        multi_city = len(here) >= 2
        if not here and abroad(t) and ((ev.city and not foreign_capital) or not abroad_report):
            continue  # (round 19) "Тем временем в Москве задержаны 15 человек", "Мәскеуде 30 адам ұсталды": abroad
        if here and ev.city and ev.city not in here and re.match(r"\s*(?:ещ[её]|также|кроме\s+того)\b", low):
            continue  # "Ещё около 20 человек были задержаны в Чимкенте": another city's, added by the article
        if OTHER_PLACES_RE.search(low) and not (ev.city and ev.city in here):
            if ev.city is not None:
                continue  # "Также более ста человек были задержаны в нескольких других городах": not the event's
            multi_city = True  # (round 20) the event has no city of its own: the nationwide total is its figure
        if here and ev.city not in here and (here <= other_event_cities or SIMILAR_ACTION_RE.search(low)):
            continue  # "Полиция задержала в Актобе семерых" in a report of rallies in Atyrau and Aktobe: Aktobe's
        # a figure placed only in another city ("Радио Азаттык также передает об одном задержанном в Уральске"):
        # that city's, the event's only where the article gives no other
        other_city = bool(here) and bool(ev.city) and ev.city not in here and not multi_city
        if not here and ev.city and NAMED_PLACE_RE.search(t):
            other_city = True  # (round 19) "в селе Береке задержали десять человек": a place the gazetteer lacks
        if attackers(t, attackers_told):
            continue  # (round 19) "Трое молодых людей, напавших на участников, задержаны": not the assembly's detained
        if unnumbered == s.index - 1 and THEIR_COUNT_RE.match(t) and (qs := quantities(t)):
            total = max(total or 0, qs[0][0].best)  # "Задержанных погрузили в автобус. Их было около 30."
            ev.evidence["detained"] = (ev.evidence.get("detained", "") + " " + t).strip()
            continue
        if not DETAIN_RE.search(low):
            fined = max(fined or 0, fined_figure(t) or 0) or None  # (session 50) "полиция оштрафовала 19 жителей"
            continue
        unreal = infinitive_only(low)
        if unreal and not any(counted(q, a, before_of(t, q.start)) for q, a in quantities(t)):
            # (with a count, "пойти на нарушение закона и задержать двоих участников" tells what was done)
            if unreal == "negative":
                negative = negative or t
            continue
        if (re.search(r"задержанн\w+\s+(?:отпустил|освободил|доставил|увез)", low) or release_only(t, DETAIN_RE)) and not any(
                (k := counted(q, a, before_of(t, q.start))) and k[0] == "people" for q, a in quantities(t)):
            ev.evidence.setdefault("detained", t)
            unnumbered = s.index  # (round 22) "Задержанных доставили в РУВД. Их было 15.": the next sentence counts them
            continue  # "задержанных отпустили": about those already counted (or reported without a number)
        if re.search(r"(?:пыта\w+|хотел\w*|попыта\w+|намерева\w+|собирал\w*)\s+(?:\w+\s+){0,2}"
                     r"(?:увести|отвезти|задержать|забрать|доставить|увезти)", low) \
                and not re.search(r"задержал[иа]?\b|задержан[аы]?\b|доставил[иа]?\b|увезл[иа]\b", low):
            continue  # "пытаясь увести её", "хотели отвезти её в отдел": an attempt is not a detention
        n, n_end = None, 0
        vague_n = False
        one_person = False
        part = kk_partitive(t)
        whole = next((q.best for q, a in quantities(t) if (k := counted(q, a, before_of(t, q.start)))
                      and k[0] == "people"), ev.participants)
        frac = fraction_of_them(t, whole) or fraction_of_which(t, whole)
        enum = enumerated_detainees(t)
        listed = listed_figure(t)
        per_city = city_figure(t, ev.city)
        if per_city is not None:
            n, multi_city, other_city = per_city, False, False  # "в Алматы задержаны 30, в Нур-Султане — 20"
        elif part is not None:
            n = part  # "жүзге жуық адамның жиырма шақтысын полиция ұстап әкетті": twenty of them
        elif frac is not None:
            n = frac  # "около сотни человек ..., и половину из них сразу задержали": half of them
        elif listed is not None:
            n = listed  # "список задержанных ..., в нем уже 75 человек"
        elif enum is not None:
            n = enum  # "отвезли Виталия С., Николая К., еще одного молодого человека и двух девушек" = 5
        elif (all_m := ALL_DETAINED_RE.search(low) or (THEM_DETAINED_RE.search(low) if not POSSESSIVE_THEM_RE.search(low)
                                                         else None)) \
                and ev.participants is not None and not not_all_participants(t, s.index, fig_idx) and not any(
                (k := counted(q, a, before_of(t, q.start))) and k[0] == "people"
                and q.start >= clause_start(t, all_m.start()) for q, a in quantities(t)):
            n = ev.participants  # "all of them", "them" (a count in the sentence itself wins: "задержали всех 25")
        else:
            n, n_end, vague_n, one_person = people_figure(t, ev)
        if n is None:
            ev.evidence.setdefault("detained", t)
            unnumbered = s.index
            continue
        # a second figure in the same sentence led by "ещё" ("задержала 10 человек, ещё 5 — до начала акции")
        extra = more_in_sentence(t, n_end)
        more = re.search(r"\bещ[её]\b|\bтакже\b|кроме\s+того", low) if extra is None else None
        if not ACTUAL_DETAIN_RE.search(low):
            more = None  # "Кроме того, 10 человек привлечены к ответственности": the detained, sanctioned
        if extra is not None:
            first_part, rest = t[:extra[1]], t[extra[1]:]
            if PREVENTIVE_RE.search(rest):
                preventive += extra[0]
            elif PREVENTIVE_RE.search(first_part):
                preventive += n
            n += extra[0]
        elif PREVENTIVE_RE.search(low):
            preventive += n
        vague_only = vague_only and vague_n
        singular_only = singular_only and one_person
        if other_city:
            elsewhere = max(elsewhere or 0, n)
            ev.evidence.setdefault("detained", t)
            continue
        if multi_city:
            fallback = max(fallback or 0, n)
            ev.evidence.setdefault("detained", t)
            continue
        largest = max(largest, n)
        if stated_total(t):
            stated = max(stated or 0, n)  # (round 20) "всего ... задержаны 6": the total a later "ещё двух" is part of
        if total is None:
            total = n
        elif more:
            total += n
        else:
            total = max(total, n)
        ev.evidence["detained"] = (ev.evidence.get("detained", "") + " " + t).strip() if "detained" in ev.evidence else t
    if stated is not None and total is not None and stated >= largest:
        total = stated
    if total is None and fallback is not None:
        total = fallback
    if total is None and elsewhere is not None:
        total = elsewhere
    total = fined if total is None and fined is not None and "detained" in ev.evidence else total
    if excluded and total is None:
        title = None  # (round 20) "Задержан лидер движения" over "задержан по подозрению в мошенничестве"
    if title is not None and attackers(title.text, attackers_told):
        title = None  # (round 19) "на митинге задержали четырех человек" over a lead about its attackers
    if total == 1 and singular_only and title is not None and (head := headline_figure(title.text)) and head > 1:
        total = head  # (round 19) the lead tells one person, the headline the count: "увезли около 40 жителей"
        vague_only = False
        ev.evidence["detained"] = title.text
    if total is not None and title is not None and (head := stated_headline_figure(title.text)) and vague_only:
        total, vague_only = head, False  # (s50) "Не менее сотни задержанных" over the body's "Десятки активистов"
    if total is None and title is not None:
        total = headline_figure(title.text)
        if total is not None:
            vague_only = False
            ev.evidence["detained"] = title.text
    if total is None and title is not None and "detained" not in ev.evidence and negative is None:
        said = headline_unnumbered(title.text)  # (round 19) "В Костанае задержан активист" over a lead that says none
        if said == "one":
            total, vague_only = 1, False
        if said is not None:
            ev.evidence["detained"] = title.text
    if total is not None and vague_only and any(NUMBER_UNSTATED_RE.search(s.text) for s in search):
        total = None  # "ондаған адам ұсталды ... нақты санын айтпады": left for the monitor
    if total is None:
        if "detained" in ev.evidence:
            ev.detained = None  # detentions reported without a number: the monitor counts them
        else:
            ev.detained = 0
            ev.evidence["detained"] = negative or "(no detention reported)"
        ev.preventive_detentions = 0 if ev.detained == 0 else None
    else:
        ev.detained = exact_over_bound(total, ev.evidence.get("detained", ""))  # (round 20) "более 286" and "286"
        ev.preventive_detentions = preventive

