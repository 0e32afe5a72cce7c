#!/usr/bin/env python
"""A batch of hand mutants of session 27's media classes (issue 14; 4 December): one or two per class written that
session on the media extractor from `fresh10`'s misses, with probes of the engineer's own (a news site «X-онлайн», a
gathering's aim to reach an official, officials addressing those gathered, Kazakh activists at an office, the Kazakh
building of a form headline, «Мәңгі өлмес полк», a Kazakh warned-they-will plan, a trend, a city told by distance,
«вахтовик», those to be dismissed or owed, a Kazakh demonym as the crowd, a day in a clause about the people). Same
mechanism and output as the earlier batches (scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s27media.py          # all
    .venv/bin/python scripts/mutate_by_hand_s27media.py --check              # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s27media.py --dups               # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

NEW = "tests/media/test_session27_classes.py"
T = [NEW]
C, M, S = "assets/media/triage_cues.py", "assets/media/triage_modes.py", "assets/media/triage_sentence.py"
TR, CC, FG = "assets/media/triage.py", "assets/media/triage_civic_cues.py", "assets/media/triage_formless_gatherings.py"
PL, CN, NC = "assets/media/places.py", "assets/media/counts.py", "assets/media/count_not_crowd.py"
KK, ED = "assets/media/count_nouns_kk.py", "assets/media/event_date.py"

MUTANTS = [
    # triage: assemblies
    (C, '    return bool(ONLINE_RE.search(MEDIA_NAME_RE.sub(" ", raw)))',
     '    return bool(ONLINE_RE.search(raw))', T),
    (C, r"""MEDIA_NAME_RE = re.compile(r'\b[А-ЯЁA-Z][\w.]*-онлайн\b|«[^«»]{1,30}\s[оО]нлайн»|"[^"]{1,30}\s[оО]нлайн"')""",
     r"""MEDIA_NAME_RE = re.compile(r'\b[А-ЯЁA-Z][\w.]*-онлайн\b|"[^"]{1,30}\s[оО]нлайн"')""", T),
    (TR, '                or triage_civic_cues.AIM_TO_OFFICIAL_RE.search(sents[w.index].text)  # (session 27) "донести до акима"\n',
     '', T),
    (CC, r'r"|(?:пришл|собрал|приехал)\w*\s+(?:[\w-]+\s+){0,3}?в\s+надежде\s+"', r'r"|(?:пришл|собрал|приехал)\w*\s+(?:[\w-]+\s+){0,3}?в\s+XX\s+"', T),
    (CC, r'AIM_TO_OFFICIAL_RE = re.compile(r"(?:хот(?:ят|ели)|намерен\w*|надеют\w*|надеял\w*|пришл\w+|собрал\w+|решил\w*)\s+"',
     r'AIM_TO_OFFICIAL_RE = re.compile(r"(?:намерен\w*|надеют\w*|надеял\w*|пришл\w+|собрал\w+|решил\w*)\s+"', T),
    (S, r'+ r"(?:" + _CAME + r"\w*\s+к|разъяснительн\w+\s+работ\w*\s+(?:среди|с))\s+(?:[\w-]+,?\s+){0,2}?"',
     r'+ r"(?:" + _CAME + r"\w*\s+к)\s+(?:[\w-]+,?\s+){0,2}?"', T),
    (TR, r'    r"перед\s+(?:[\w-]+\s+)?(?:здани|акимат|администрац))|"', r'    r"перед\s+(?:[\w-]+\s+)?(?:здани|акимат))|"', T),
    (FG, '    (KK_ACTION_WORDS, (KK_ACTIVISTS_WENT_RE,), "kk activists at an office"),\n', '', T),
    (S, '"kk gathering+demand", "kk activists at an office", "height",', '"kk gathering+demand", "height",', T),
    (FG, '    if "kk activists at an office" in out and ("акция" not in low or KK_NON_PROTEST_RE.search(low)):',
     '    if "kk activists at an office" in out and ("акция" not in low):', T),
    (FG, '    if "kk activists at an office" in out and ("акция" not in low or KK_NON_PROTEST_RE.search(low)):',
     '    if "kk activists at an office" in out and (KK_NON_PROTEST_RE.search(low)):', T),
    (C, r'                            r"жанына|жанында|маңына|маңында)|\bалаң(?:ға|ында|на|да)\b", re.I)',
     r'                            r"жанына|жанында|маңына|маңында)XX|\bалаң(?:ға|ында|на|да)\b", re.I)', T),
    # triage: no assembly
    (C, r'                            r"өлмес\s+полк", re.I)', r'                            r"өлмес\s+XX", re.I)', T),
    (C, 'CELEBRATION_HINT_RE = re.compile(r"[Дд]н[юяе]|орж|орай|ерек|алтанат|атриотич|освящ|ессмертн|өлмес")',
     'CELEBRATION_HINT_RE = re.compile(r"[Дд]н[юяе]|орж|орай|ерек|алтанат|атриотич|освящ|ессмертн")', T),
    (M, r'r"\w+(?:атын|етін|йтын|йтін)(?:дар|дер)?(?:ын|ін)\s+(?:[\w-]+\s+)?(?:ескерт|мәлімде|хабарла)|"',
     r'r"\w+(?:атын|етін|йтын|йтін)(?:дар|дер)?(?:ын|ін)\s+(?:[\w-]+\s+)?(?:мәлімде|хабарла)|"', T),
    (C, r'                          r"участил\w*\s+(?:[\w-]+\s+){0,2}?(?:забастовк|акци\w*\s+протест|митинг|протест|пикет|голодовк)|"',
     r'                          r"участил\w*\s+(?:[\w-]+\s+){0,2}?(?:акци\w*\s+протест|митинг|протест|пикет|голодовк)|"', T),
    # fields
    (PL, '    if DISTANCE_BEFORE_RE.search(text[max(0, hit.start - 90):hit.start]) or DISTANCE_AFTER_RE.match(after):',
     '    if DISTANCE_BEFORE_RE.search(text[max(0, hit.start - 40):hit.start]) or DISTANCE_AFTER_RE.match(after):', T),
    (PL, r'DISTANCE_AFTER_RE = re.compile(r"^\w*\s+\d[\d\s,.]*\s*(?:км|шақырым|километр)", re.I)',
     r'DISTANCE_AFTER_RE = re.compile(r"^\w*\s+\d[\d\s,.]*\s*(?:км|километр)", re.I)', T),
    (PL, r'DISTANCE_BEFORE_RE = re.compile(r"\b\d[\d\s,.]*\s*(?:км|километр\w*)\.?\s+(?:к\s+[\w-]+\s+)?от\s+(?:[\w-]+\s+){0,5}?$", re.I)',
     r'DISTANCE_BEFORE_RE = re.compile(r"\b\d[\d\s,.]*\s*(?:км)\.?\s+(?:к\s+[\w-]+\s+)?от\s+(?:[\w-]+\s+){0,5}?$", re.I)', T),
    (CN, 'AGENT_SUFFIXES = ("овик", "евик", "ник", "щик", "чик")', 'AGENT_SUFFIXES = ("евик", "ник", "щик", "чик")', T),
    (CN, '        if not common and any(p.tag.POS == "NOUN" and "anim" in p.tag and "plur" in p.tag',
     '        if not common and any(p.tag.POS == "NOUN" and "anim" in p.tag and "sing" in p.tag', T),
    (CN, '    if (before and DEMANDED_OBJECT_BEFORE_RE.search(before)) or KK_DEBT_AFTER_RE.match(after) or',
     '    if KK_DEBT_AFTER_RE.match(after) or', T),
    (CN, '    if (before and DEMANDED_OBJECT_BEFORE_RE.search(before)) or KK_DEBT_AFTER_RE.match(after) or',
     '    if (before and DEMANDED_OBJECT_BEFORE_RE.search(before)) or', T),
    (NC, r'DEMANDED_OBJECT_BEFORE_RE = re.compile(r"(?:увольнени|отставк|наказани|уволить|наказать|снять\s+с\s+должност|"',
     r'DEMANDED_OBJECT_BEFORE_RE = re.compile(r"(?:увольнени|отставк|наказани|наказать|снять\s+с\s+должност|"', T),
    (NC, r'                              r"(?:[^\W\d]+(?:ына|іне|сына|сіне|ларына|леріне|дарына|деріне|тарына|теріне)\b|"',
     r'                              r"(?:[^\W\d]+(?:сына|сіне|ларына|леріне|дарына|деріне|тарына|теріне)\b|"', T),
    (CN, '    if (dm := KK_DEMONYM_PEOPLE_RE.match(after)) and places.find_demonyms(dm.group(1)):',
     '    if (dm := KK_DEMONYM_PEOPLE_RE.match(after)) and not places.find_demonyms(dm.group(1)):', T),
    (KK, r'                                  r"(?:[^\W\d]+\s+){0,3}?(?:жинал|шығ|шық|кел|қатыс|наразылық\s+білдір|талап\s+ет)", re.I)',
     r'                                  r"(?:жинал|шығ|шық|кел|қатыс|наразылық\s+білдір|талап\s+ет)", re.I)', T),
    (ED, '            and not GATHERED_CLAUSE_RE.search(text[out[0].end:out[1].start]):',
     '            and True:', T),
    (ED, r'PARTICIPLE_CLAUSE_RE = re.compile(r"[^\W\d]{2,}(?:ған|ген|қан|кен)\s+[^\W\d]|\b[а-яё]+вши(?:е|х|й|м|ми)\b", re.I)',
     r'PARTICIPLE_CLAUSE_RE = re.compile(r"[^\W\d]{2,}(?:ған|ген|қан|кен)\s+[^\W\d]", re.I)', T),
    (ED, '    if len(out) > 1 and out[0].kind == "relative" and out[0].date != out[1].date \\',
     '    if len(out) > 1 and out[0].kind == "explicit" and out[0].date != out[1].date \\', T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
