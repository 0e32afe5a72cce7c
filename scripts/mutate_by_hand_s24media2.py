#!/usr/bin/env python
"""A second batch of hand mutants of sessions 23 and 24's media classes (issue 14's "a mutation run to prove the tests
can fail", applied to issue 16's newest classes), for what scripts/mutate_by_hand_s24media.py and
scripts/mutate_by_hand_s23.py leave out: the other classes and guards of triage_in_person (a Kazakh burst-in by anyone,
a break-in in Russian, a human chain in Kazakh, a stay at a building, a visit to an office, a crowd come by invitation,
the festive crowd at a seat of power), triage_aftermath's Kazakh idiom, habit and sanction, a year of a wait, a
capital repair demanded, the agency's dateline and the neighbours' outlets, «Тогда» in Kazakh, «Неделей ранее», the sick
after a figure and as nouns, «по примеру», «попросил», «почти все», «танытып», «взбунтоваться», a clean-up; and of
session 23 (an official memorial's guards, the Kazakh agent nouns, a vague count and a figure, one person in Kazakh,
those living somewhere, a hunger strike kept, «в знак протеста» and «наразылық ретінде» at a building, abai.kz's
spelling, a region's seat read in the lead, Kazakh stoppages that are repairs, a Koran read for the dead). Same
mechanism and output as the earlier batches (scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s24media2.py         # all
    .venv/bin/python scripts/mutate_by_hand_s24media2.py --check             # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s24media2.py --dups              # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

S23, S24 = "tests/media/test_session23_classes.py", "tests/media/test_session24_classes.py"
T23, T24 = [S23], [S24]
S27 = "tests/media/test_mutants_s27_rerun.py"  # (session 27) the re-run's direct tests
P, A = "assets/media/triage_in_person.py", "assets/media/triage_aftermath.py"
C, AB, TR = "assets/media/triage_cues.py", "assets/media/triage_abroad.py", "assets/media/triage.py"

MUTANTS = [
    # ---- session 24: gatherings told by where people went in person (triage_in_person)
    (P, r'KK_BURST_IN_RE = re.compile(GROUP_KK + r"\s+(?:[\w«»\"-]+\s+){0,6}?(?:кабинет',
     r'KK_BURST_IN_RE = re.compile(r"\w+" + r"\s+(?:[\w«»\"-]+\s+){0,6}?(?:кабинет', T24),
    (P, r'BURST_IN_RE = re.compile(r"\b" + _GROUP + r"\s+(?:[\w-]+\s+){0,4}?(?:ворвал|вломил)',
     r'BURST_IN_RE = re.compile(r"\b" + r"\w+" + r"\s+(?:[\w-]+\s+){0,4}?(?:ворвал|вломил)', T24),
    (P, '|"\n                            r"тірі\\s+тізбек\\w*\\s+(?:[\\w-]+\\s+)?(?:құрд|құрып|жаса)")', '")', T24),
    (P, r"(?:алдында|алдына|жанында)\s+(?:[\w-]+\s+)?(?:тұр|отыр|жатыр)", r"(?:алдында|алдына|жанында)\s+(?:[\w-]+\s+)?тұр", T24),
    (P, '    (("бері", "қолда"), (KK_STAYING_RE, KK_SUPPORT_AT_RE), "kk staying or supporting at a building"),',
     '    (("бері", "қолда"), (KK_STAYING_RE,), "kk staying or supporting at a building"),', T24),
    (P, r'директор|работодател|владельц|хозя)\w*|в\s+(?:офис|контор|дирекци|управлени)\w*\s+(?:[\w-]+\s+)?(?:компани|предприяти|"',
     r'директор|работодател|владельц|хозя)\w*|в\s+(?:XX)\w*\s+(?:[\w-]+\s+)?(?:компани|предприяти|"', T24),
    (P, r'r"на\s+(?:[\w-]+\s+)?(?:при[её]м|встреч)|заседани|совещани|по\s+приглашени|на\s+работу|"',
     r'r"на\s+(?:[\w-]+\s+)?(?:при[её]м|встреч)|заседани|совещани|на\s+работу|"', T24),
    (P, r'NOT_PROTEST_CROWD_RE = re.compile(r"нов\w+\s+год|(?<![а-яё])[её]лк|', r'NOT_PROTEST_CROWD_RE = re.compile(r"', T24),
    (P, r'(?:\bс\s+(?:коллективн\w+\s+|общ\w+\s+)?(?:жалоб|претензи|требовани)|\bтребуя\b)")',
     r'\bс\s+(?:коллективн\w+\s+|общ\w+\s+)?(?:жалоб|претензи|требовани))")', T24),
    (P, r'r"[^.;]{0,80}?(?:отказ\w+|не\s+(?:выходят|вышли|приступа\w*))")', r'r"")', T24),
    (P, r'r"(?:в\s+знак\s+протеста|протест|требуя|против)")', r'r"")', T24),
    (P, r'r"(?:келді|барды|келіп|барып|жиналды|жиналып)|"', r'r"(?:келді|барды)|"', T24),
    (TR, '"march by its route", "crowd at a seat of power"}', '"march by its route"}', T24),
    # ---- session 24: no assembly here and now (triage_aftermath and beside it)
    (A, '|"\n                      r"(?:келісімге|қорытындыға|ортақ\\s+шешімге|мәмілеге|уағдаластыққа)\\s+келд?\\w*", re.I)',
     '", re.I)', T24),
    ("assets/media/triage_sentence.py", '    if "к " in raw or "келд" in raw:', '    if "к " in raw:', T24),
    (A, '|"\n    r"(?:митинг|пикет|акция|шеру|ереуіл)\\w*\\s+(?:[\\w-]+\\s+)?өткізіп\\s+кел(?:еді|ген|уде)", re.I)', '", re.I)', T24),
    (A, '|"\n    r"(?:әкімшілік\\s+)?жауап(?:кершілік)?ке\\s+тарт", re.I)', '", re.I)', T24),
    (A, r'+ _LIABLE + r"\s+(?:[\w-]+\s+){0,4}?" + _PEOPLE + r"|" + _PEOPLE + r"\w*\s+(?:[\w,-]+\s+){0,6}?" + _LIABLE + r"|"',
     r'+ _LIABLE + r"\s+(?:[\w-]+\s+){0,4}?" + _PEOPLE + r"|"', T24),
    ("assets/media/triage_time.py", '\n                           r"|\\bс\\s+" + _Y + r"\\s+(?:[\\w-]+\\s+){0,3}?(?:жд|ожида|сто[яи]т|не\\s+получа|добива)", re.I)',
     ', re.I)', T24),
    ("assets/media/triage_sentence.py", r'(?:[\w-]+\s+){0,3}?(?:капитальн\w+\s+)?ремонт"', r'(?:[\w-]+\s+){0,3}?ремонт"', T24),
    (AB, 'DATELINE_RE = re.compile(r"(?m)^', 'DATELINE_RE = re.compile(r"^', T24),
    (AB, r'(?:azattyk|akipress|ozodi|ozodlik|svoboda|radiosvoboda)\.org$', r'(?:azattyk|akipress|ozodlik|svoboda|radiosvoboda)\.org$', T24),
    ("assets/media/triage_modes.py", r'_THEN_RE = re.compile(r"\s*(?:тогда|в\s+тот\s+(?:день|раз|вечер)|сол\s+кезде|сонда)\b")',
     r'_THEN_RE = re.compile(r"\s*(?:тогда|в\s+тот\s+(?:день|раз|вечер))\b")', T24),
    ("assets/media/triage_modes.py", r'r"^\s*(?:дн[её]м|неделей|месяцем|годом)\s+ранее\b|"', r'r"^\s*(?:дн[её]м)\s+ранее\b|"', T24),
    (C, r'r"уборк|акци\w*\s+чистоты|таза\s+қазақстан|"', r'r"акци\w*\s+чистоты|таза\s+қазақстан|"', T24),
    (C, r'r"танытт|танытып|танытқан|"', r'r"танытт|"', T24),
    (C, '                  # (session 24) workers who rebelled ("Сегодня они взбунтовались")\n                  "взбунтоваться"}',
     '                  }', T24),
    # ---- session 24: the fields
    ("assets/media/counts.py", "    if PERIOD_AFTER_RE.match(after) or SICK_AFTER_RE.match(after):", "    if PERIOD_AFTER_RE.match(after):", T24),
    ("assets/media/count_roles.py",
     '    "зараженный", "заражённый", "инфицированный", "заболевший", "умерший", "больной", "пациент", "госпитализированный",\n',
     "", T24),
    ("assets/media/count_not_crowd.py", r'r"больн(?:ых|ые)\b|пациент)", re.I)', r'r"пациент)", re.I)', T24),
    ("assets/media/event_city.py", r'r"следом\s+за|по\s+примеру)\s+"', r'r"следом\s+за)\s+"', T24),
    ("assets/media/participants.py", "|собравш|оккупир|просят|попросил)", "|собравш|оккупир|просят)", T24),
    ("assets/media/detention_patterns.py", "(?:(?:практически|почти|фактически)\\s+)?все\\b", "(?:(?:практически)\\s+)?все\\b", T24),
    # ---- session 23
    ("assets/media/triage_not_events.py", "and not CIVIC_ACTOR_RE.search(low) and not CHARGED_MEMORY_RE.search(low) \\",
     "and not CIVIC_ACTOR_RE.search(low) \\", T23),
    ("assets/media/triage_not_events.py", "        and not MEMORIAL_PROTEST_CUE_RE.search(low)\n", "        and True\n", T23),
    ("assets/media/numbers_kk.py", r'KK_AGENT = r"[^\W\d]{2,}(?<!н)(?:шы|ші)(?!л)"', r'KK_AGENT = r"[^\W\d]{2,}(?:шы|ші)(?!л)"', T23),
    ("assets/media/counts.py", "    if (kk_m := KK_PEOPLE_RE.match(after) or KK_AGENT_PEOPLE_RE.match(after)):",
     "    if (kk_m := KK_PEOPLE_RE.match(after)):", T23),
    ("assets/media/crowd_reports.py", "    if not any(q.best == ev.participants and is_vague(q.text) for q, _ in quantities(anchor.text)):",
     "    if not any(q.best == ev.participants for q, _ in quantities(anchor.text)):", T23),
    ("assets/media/crowd_reports.py", '    if other.participants is not None and re.search(r"\\d", other.evidence.get("participants", "")) \\',
     "    if other.participants is not None \\", T23),
    ("assets/media/crowd.py", r'r"(?:(?!(?:ондаған|жүздеген|мыңдаған|бірнеше|көптеген|бір\s+топ|топ)\b)[^\W\d]+\s+){0,2}?"',
     r'r"(?:[^\W\d]+\s+){0,2}?"', T23),
    ("assets/media/crowd.py", r'r"тұрып\s+жатыр|тіркелген|\bпрожива(?:ют|ет|ли|ло)\b|\bпрописан|"', r'r"тіркелген|\bпрописан|"', T23),
    ("assets/media/detention_verbs.py", '         "аштық", "аштықты", "ораза")', '         "ораза")', T23),
    ("assets/media/triage_formless_gatherings.py", r'r"\bв\s+знак\s+протеста\b[^.!?]{0,160}?\b(?:у|возле|перед|около)',
     r'r"\bв\s+знак\s+протеста\b[^.!?]{0,16}?\b(?:у|возле|перед|около)', T23),
    ("assets/media/triage_formless_gatherings.py", 'PROTEST_AT_WORDS = ("протесту", "протестова", "знак протеста", "наразылық ретінде")',
     'PROTEST_AT_WORDS = ("протесту", "протестова", "знак протеста")', T23),
    ("assets/media/kazlatin.py", "and len(_ABAI_DIGRAPH.findall(text)) >= 2:", "and len(_ABAI_DIGRAPH.findall(text)) >= 1:", T23),
    ("assets/media/kazlatin.py", '        word = re.sub("ій", "и", word)  # (abai: "biylik" = билік)', "        pass", T23),
    ("assets/media/region_seat.py", "    for where in (text, lead):", "    for where in (text,):", T23),
    ("assets/media/event_city.py", "(s is anchor or not place_hits(s.text))", "True", T23 + [S27]),  # (session 27: its direct test)
    (C, r"(?<!құрылыс\s)(?<!жөндеу\s)(?<!қазу\s)жұмыс(?:ты|тарын)\s+тоқтатт", r"жұмыс(?:ты|тарын)\s+тоқтатт", T23),
    (C, r"|гүл\s+(?:шоқ\w*\s+)?қой|құран\s+бағышта)", r"|гүл\s+(?:шоқ\w*\s+)?қой)", T23),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (S23, S24), __file__))
