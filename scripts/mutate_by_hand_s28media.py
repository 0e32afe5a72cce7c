#!/usr/bin/env python
"""A batch of hand mutants of session 28's media classes (issue 14; 4 December): one or two per class written that
session on the media extractor from `fresh11`'s misses, with probes of the engineer's own (a group's video appeal named
by its noun, a climb with a demand, «прошедший» митинг, Kazakh protesters detained, a speaker for those gathered, a
Kazakh watch at an office's door, a verbless crowd at an akimat, a thing's time ago, the Kazakh reminder, an
announcement, calls, the police blocking traffic, a greeting video, an election flash mob, cases referred to, a Kazakh
children's action, a spread over regions, one of those gathered; the regional akimat's seat, a headline's region, two
cities, a test site, witnesses, bodies, a Kazakh genitive owed, a Kazakh «жиын» with placards, flags, a negated shout,
held at a police post, taken for a check, a note's words). Same mechanism and output as the earlier batches
(scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s28media.py          # all
    .venv/bin/python scripts/mutate_by_hand_s28media.py --check              # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s28media.py --dups               # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

NEW = "tests/media/test_session28_classes.py"
T = [NEW]
C, M, S = "assets/media/triage_cues.py", "assets/media/triage_modes.py", "assets/media/triage_sentence.py"
TR, CC, IP = "assets/media/triage.py", "assets/media/triage_civic_cues.py", "assets/media/triage_in_person.py"
PL, CN, NC = "assets/media/places.py", "assets/media/counts.py", "assets/media/count_not_crowd.py"
EC, RS, FO = "assets/media/event_city.py", "assets/media/region_seat.py", "assets/media/forms.py"
CR, DS, DV = "assets/media/crowd_reports.py", "assets/media/detention_scope.py", "assets/media/detention_verbs.py"
DP = "assets/media/detention_patterns.py"

MUTANTS = [
    # triage: assemblies
    (C, r'                             r"(?<!на\s)(?:видеообращени\w*|видео\s+с\s+обращением)\s+(?:[\w-]+\s+)?(?:жителей|работников|"',
     r'                             r"(?<!на\s)(?:видеообращени\w*)\s+(?:[\w-]+\s+)?(?:жителей|работников|"', T),
    (S, '    if video and "online" in v.negatives and not form and ("обращени" in low or APPEAL_RE.search(low)):',
     '    if video and "online" in v.negatives and not form and (APPEAL_RE.search(low)):', T),
    (C, r'                              r"[её]лк|дерев|столб|билборд)[^.]{0,160}?(?:треб|плакат|протест)", re.I)',
     r'                              r"дерев|столб|билборд)[^.]{0,160}?(?:треб|плакат|протест)", re.I)', T),
    (S, 'r"кран|крыш|трубу|вышк|опор|рекламн|залез|взобрал|влез|', 'r"кран|крыш|трубу|вышк|опор|рекламн|', T),
    (S, '    if FORM_GATHERED_RE.search(low) or HELD_PARTICIPLE_RE.search(low) or (', '    if FORM_GATHERED_RE.search(low) or (', T),
    (S, r'                                r"врем|период|сезон|раз\b))(?:[^.,;:!?]{0,40}?,\s*[^.;:!?]{0,90}?,\s*|(?:[\w-]+\s+){0,3}?)"',
     r'                                r"врем|период|сезон|раз\b))(?:(?:[\w-]+\s+){0,3}?)"', T),
    (S, '    elif kazakh and kk_protesters_detained(low):', '    elif False:', T),
    # (session 29: the Kazakh detention is now the detention modules' one list, detention_patterns.DETAIN_RE; the same
    # mutation, «қамауға ал» dropped, on that list's line)
    (DP, r'r"қамауға\s+ал(?:ды|ған|ып)|водвор', r'r"водвор', T),
    (TR, '                triage_civic_cues.ON_BEHALF_RE.search(sents[w.index].text) for w in verdicts if 0 < w.index - v.index <= 3)',
     '                triage_civic_cues.ON_BEHALF_RE.search(sents[w.index].text) for w in verdicts if 0 < w.index - v.index <= 1)', T),
    (TR, r'    r"имени\s+(?:всех\s+)?собравш|видео\s+с\s+обращени|акимат\w*\s*[–—]\s",', r'    r"видео\s+с\s+обращени|акимат\w*\s*[–—]\s",', T),
    (C, r'                          r"(?:кеңсе|компания|әкімдік|әкімдіг|мекеме|басқарма|зауыт)\w*\s+(?:[\w-]+\s+)?есіг\w*\s+күзет|"',
     r'                          r"(?:кеңсе|компания|әкімдік|әкімдіг|мекеме|басқарма|зауыт)\w*\s+есіг\w*\s+күзет|"', T),
    (IP, '        if VERBLESS_AT_SEAT_RE.search(low) and not FESTIVE_RE.search(low) and not NOT_PROTEST_CROWD_RE.search(low):',
     '        if VERBLESS_AT_SEAT_RE.search(low) and not FESTIVE_RE.search(low):', T),
    (IP, r'                                 r"двух|тр[иеё]|четыр|пят|шест|сем|восем|девят|сорок|полсотн|полтор|нескольк)\w*\s+(?:[\w-]+\s+)?"',
     r'                                 r"двух|тр[иеё]|четыр|пят|шест|сем|восем|девят|полсотн|полтор|нескольк)\w*\s+(?:[\w-]+\s+)?"', T),
    (M, '        if _BACKGROUND_LOW_RE.search(without_thing_ago(low)):',
     '        if _BACKGROUND_LOW_RE.search(low):', T),
    # triage: no assembly
    (M, r'_REMINDER = r"напомним|как\s+сообщалось|ранее|бұған\s+дейін|еске\s+сал|естеріңізге\s+сал|есіңізге\s+сал"', r'_REMINDER = r"напомним|как\s+сообщалось|ранее|бұған\s+дейін|еске\s+сал|есіңізге\s+сал"', T),
    (M, r'_BACKGROUND_LEAD_RE = re.compile(r"\s*(?:" + _REMINDER + r")")',
     r'_BACKGROUND_LEAD_RE = re.compile(r"\s*(?:напомним|как\s+сообщалось|ранее|бұған\s+дейін|еске\s+сал)")', T),
    (M, r'                        r"объяв\w+\s+о\s+(?:своем\s+|сво[её]м\s+)?(?:проведении|намерении\s+провести)\s+(?:[\w-]+\s+){0,2}?"',
     r'                        r"объяв\w+\s+о\s+(?:своем\s+|сво[её]м\s+)?(?:намерении\s+провести)\s+(?:[\w-]+\s+){0,2}?"', T),
    (M, r'                        r"призыв(?:ы|ов|ам|ами|ах)\s+(?:[\w-]+\s+)?(?:митинговать|бастовать|выйти|выходить|собраться)\b|"',
     r'                        r"призыв(?:ы|ов|ам|ами|ах)\s+(?:[\w-]+\s+)?(?:бастовать|выходить|собраться)\b|"', T),
    (S, '    if gather_found and gather_found <= BLOCK_LEMMAS and POLICE_SUBJECT_RE.search(low):',
     '    if gather_found and gather_found <= ARRIVE_LEMMAS and POLICE_SUBJECT_RE.search(low):', T),
    (TR, '            if video_here and any(GREETING_RE.search(sents[w.index].text) for w in near + [v]) and not any(',
     '            if video_here and any(GREETING_RE.search(sents[w.index].text) for w in [v]) and not any(', T),
    (CC, r'r"министерств|администраци|молод[её]жн)|в\s+поддержку\s+(?:[\w-]+\s+){0,2}?(?:конституци|выбор|референдум))|"',
     r'r"министерств|администраци|молод[её]жн)|в\s+поддержку\s+(?:[\w-]+\s+){0,2}?(?:конституци|референдум))|"', T),
    (M, r'GENERIC_RE = re.compile(r"\bслуча(?:и|ев|ям|ях)\s*,\s*когда\b|', r'GENERIC_RE = re.compile(r"\bслуча(?:и|ев|ях)\s*,\s*когда\b|', T),
    (C, r'                               r"мерекес|балалар\s+үй|балаларға\s+арналған|"', r'                               r"мерекес|балалар\s+үй|"', T),
    (C, r'                          r"подхвати\w*\s+(?:и\s+)?в\s+других\s+(?:регион|город|област)|по\s+всему\s+казахстану\s+"',
     r'                          r"подхвати\w*\s+(?:и\s+)?в\s+XX\s+(?:регион|город|област)|по\s+всему\s+казахстану\s+"', T),
    # fields
    (RS, r'                              r"\bакимат\w*\s+(?:ЗКО|ВКО|СКО|[\w-]+\s+области)\b|"', r'                              r"\bакимат\w*\s+(?:ЗКО|ВКО|СКО)\b|"', T),
    (RS, r'_LOCAL_BEFORE_RE = re.compile(r"(?:районн|сельск|аульн|городск|поселков)\w*\s+$", re.I)',
     r'_LOCAL_BEFORE_RE = re.compile(r"(?:сельск|аульн|городск|поселков)\w*\s+$", re.I)', T + ["tests/media/test_session23_classes.py"]),
    (EC, '    return (bool(roles) or adjective) and all(r == "region" for r in roles)', '    return bool(roles) and all(r == "region" for r in roles)', T),
    (EC, '        city = (first or title_keys[0], title_s.text)', '        city = (title_keys[0], title_s.text)', T),
    (PL, r'                            r"(?:ядерн\w+\s+)?испытани\w*\s+(?:в|под))\s+$", re.I)', r'                            r"(?:ядерн\w+\s+)?испытани\w*\s+(?:под))\s+$", re.I)', T),
    (CR, '    if _in_quotes(text, start) or _VICTIMS_BEFORE_RE.search(before) or WITNESS_BEFORE_RE.search(before):',
     '    if _in_quotes(text, start) or _VICTIMS_BEFORE_RE.search(before):', T),
    (CN, r'    r"(?:(?:рабочих|трудовых)\s+)?коллектив|компани|предприяти|организаци|бригад)", re.I)',
     r'    r"компани|предприяти|организаци|бригад)", re.I)', T),
    (NC, r'                              r"[^\W\d]+(?:ның|нің|дың|дің|тың|тің)\s+(?:[\w-]+\s+)?(?:алашағ|қарыз|жалақ|еңбекақ|берешег))", re.I)',
     r'                              r"[^\W\d]+(?:ның|нің|дың|дің|тың|тің)\s+(?:[\w-]+\s+)?(?:қарыз|жалақ|еңбекақ|берешег))", re.I)', T),
    (FO, '                ev.form, ev.evidence["form"] = ("rally" if KK_GATHERING_NAMED_RE.search(s.text) else "picket"), s.text',
     '                ev.form, ev.evidence["form"] = "picket", s.text', T),
    (FO, '            m = triage_sentence.PLACARD_ACT_RE.search(s.text) or FLAG_STAND_RE.search(s.text)',
     '            m = triage_sentence.PLACARD_ACT_RE.search(s.text)', T),
    (FO, r'RALLY_LIKE_RE = re.compile(r"(?:вышл\w*|вывел\w*|вышел)\s+(?:[\w-]+\s+){0,3}?на\s+улиц|(?<!не\s)(?:скандир\w*|',
     r'RALLY_LIKE_RE = re.compile(r"(?:вышл\w*|вывел\w*|вышел)\s+(?:[\w-]+\s+){0,3}?на\s+улиц|(?:скандир\w*|', T),
    (DV, r'            r"участок|отделени\w+\s+(?:полиц|милиц)\w*|опорн\w+\s+пункт\w*(?:\s+полиц\w*)?)")',
     r'            r"участок|отделени\w+\s+(?:полиц|милиц)\w*)")', T),
    (DV, r'    r"(?:[\w-]+\s+){0,4}?на\s+(?:медицинское\s+)?освидетельствовани", re.I)',
     r'    r"(?:[\w-]+\s+){0,4}?на\s+(?:медицинское\s+)?XX", re.I)', T),
    (DS, r'DOCUMENT_CONTENT_RE = re.compile(r"^\W*(?:в|во)\s+(?:(?:сво\w+|ее|её|его|их)\s+)?(?:записк|',
     r'DOCUMENT_CONTENT_RE = re.compile(r"^\W*(?:в|во)\s+(?:(?:сво\w+)\s+)?(?:записк|', T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
