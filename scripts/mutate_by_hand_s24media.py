#!/usr/bin/env python
"""An eighteenth batch of hand mutants (issue 14; session 24, 4 December): one or two per class written that session on
the media extractor from `fresh7`'s misses and from probes of the engineer's own (triage_in_person's crowd at a seat of
power, its arrival, occupation, demand in person, visit to the management, bursting in, Kazakh classes, the group
wanted, the exclusions; triage_aftermath's idiom, habits and sanctions; «Тогда» after another time; the agency's
dateline; a neighbour's outlet; the year of a thing; a repair demanded; the sick; «вслед за»; the region's centre;
«практически все»; «митиң»). Same mechanism and output as the earlier batches (scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s24media.py          # all
    .venv/bin/python scripts/mutate_by_hand_s24media.py --check              # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s24media.py --dups               # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

NEW = "tests/media/test_session24_classes.py"
T = [NEW]
P, A = "assets/media/triage_in_person.py", "assets/media/triage_aftermath.py"

MUTANTS = [
    # the crowd at a seat of power
    (P, "    return bool(at_seat and CROWD_RE.search(low))", "    return bool(at_seat)", T),
    (P, "or FESTIVE_RE.search(low) or NOT_PROTEST_CROWD_RE.search(low):", "or NOT_PROTEST_CROWD_RE.search(low):", T),
    (P, "or FESTIVE_RE.search(low) or NOT_PROTEST_CROWD_RE.search(low):", "or FESTIVE_RE.search(low):", T),
    (P, 'r"на\\s+(?:[\\w-]+\\s+)?(?:при[её]м|встреч)|', 'r"при[её]м|встреч|', T),
    (P, '(?:пришли|приехали|подошли|явились|пришло|приехало|подошло|явилось)\\s+', '(?:пришл|приехал|подошл|явил)\\w*\\s+', T),
    # occupation, demand in person, the management, bursting in
    (P, '    (("оккупир",), (OCCUPIED_RE,), "occupied a building"),\n', "", T),
    (P, '    r"\\b(?:требовал[аи]?|потребовал[аи]?|требуют)\\s+у\\s+" + _OFFICIAL', '    r"\\b(?:XX)\\s+у\\s+" + _OFFICIAL', T),
    (P, 'r"пожаловаться|выразить|высказать|получить', 'r"согласовать|пожаловаться|выразить|высказать|получить', T),
    (P, 'r"\\b(?:отправились|направились|пришли|явились|приехали|пошли)\\s+(?:[\\w-]+\\s+){0,3}?(?:к\\s+(?:сво\\w+\\s+)?',
     'r"\\b(?:отправил|направил|пришл|явил|приехал|пошл)\\w*\\s+(?:[\\w-]+\\s+){0,3}?(?:к\\s+(?:сво\\w+\\s+)?', T),
    (P, '    (("басып кір", "ворвал", "вломил"), (KK_BURST_IN_RE, BURST_IN_RE), "burst into an office"),',
     '    (("басып кір", "ворвал", "вломил"), (BURST_IN_RE,), "burst into an office"),', T),
    # Kazakh classes and the group they want
    (P, '    r"(?:" + GROUP_KK + r"|\\d+\\s*-?\\s*(?:ге|ға|ке|қа)\\s+(?:жуық|тарта)|ондаған|жүздеген|бірнеше\\s+адам)\\s+(?:[\\w«»\\"-]+\\s+){0,6}?"',
     '    r"(?:\\w+\\s+){0,6}?"', T),
    (P, '(?:алдына|алаңына)\\s+(?:[\\w-]+\\s+)?(?:шықты|шығып)")', '(?:алдына|алаңына)\\s+(?:[\\w-]+\\s+)?(?:шықты|шығып|шыққан)")', T),
    (P, "бері(?![^.!?]*кезек)\\s+", "бері\\s+", T),
    (P, '    (("үндеу", "өтініш"), (KK_VIDEO_APPEAL_RE,), "kk video appeal"),\n', "", T),
    (P, 'BANNER_RE = re.compile(r"(?:развернул|вывесил|растянул|повесил)\\w*(?![^.!?]{0,200}(?:реклам|поздрав|афиш))\\s+',
     'BANNER_RE = re.compile(r"(?:развернул|вывесил|растянул|повесил)\\w*\\s+', T),
    (P, '        out.append("gathering")  # (not specific: triage wants a protest cue near it)',
     '        out.append("crowd at a seat of power")', T),
    (P, r"сход\b(?![^.!?]*(?:обсуд|выбор|выбра|отч[её]т|старост))", r"сход\b", T),
    # no assembly here and now
    (A, "(?:выводу|соглашению|мнению|", "(?:соглашению|мнению|", T),
    (A, '    if contains_any(low, HABITUAL_WORDS) and HABITUAL_RE.search(low):\n        out.append("background")\n', "", T),
    (A, '(?:ежегодно|каждый\\s+год|из\\s+года\\s+в\\s+год|который\\s+год\\s+подряд|нередко|', '(?:ежегодно|каждый\\s+год|из\\s+года\\s+в\\s+год|', T),
    (A, '    if contains_any(low, SANCTIONS_WORDS) and SANCTIONS_RE.search(low):\n        out.append("court")\n', "", T),
    ("assets/media/triage_modes.py", " or (s.index - 1 in out and _THEN_RE.match(low)):", ":", T),
    ("assets/media/triage_abroad.py", "           and not any(a <= h.start < b for a, b in datelines)", "           and True", T),
    ("assets/media/triage_abroad.py", 'r"(?:^|\\.)(?:azattyk|akipress|ozodi|ozodlik|svoboda|radiosvoboda)\\.org$', 'r"(?:^|\\.)(?:akipress|ozodi|ozodlik|svoboda|radiosvoboda)\\.org$', T),
    ("assets/media/triage_sentence.py", '    if kazakh and KK_PLACARD_RE.search(low) and "хабарландыру" not in low:', '    if kazakh and KK_PLACARD_RE.search(low):', T),
    ("assets/media/triage_sentence.py", '(KK_SQUARE_RE.search(low) and "жанкүйер" not in low)', "KK_SQUARE_RE.search(low)", T),
    ("assets/media/triage_sentence.py", '        if name == "civic" and "ремонт" in hits and DEMANDED_REPAIR_RE.search(raw):', '        if False:', T),
    ("assets/media/triage_time.py", '    main = THING_YEAR_RE.sub(" ", main)  # (session 24) "В 2019 году построенный дом": the year of the house\n', "", T),
    ("assets/media/triage_sentence.py", 'OLD_YEAR_RE.finditer(THING_YEAR_RE.sub(" ", REMEMBERED_YEAR_RE.sub(" ", main)))', 'OLD_YEAR_RE.finditer(REMEMBERED_YEAR_RE.sub(" ", main))', T),
    # the fields
    ("assets/media/count_not_crowd.py", 'r"^\\s*(?:человек\\s+)?(?:[а-яё]+(?:ых|их|ые|ие)\\s+)?(?:зараж[её]нн|',
     'r"^\\s*(?:человек\\s+)?(?:[а-яё]+(?:ых|их|ые|ие)\\s+)?(?:XX|', T),
    ("assets/media/event_city.py", '|вслед\\s+за|"\n                              r"следом\\s+за|по\\s+примеру)', ')', T),
    ("assets/media/region_seat.py", '|"\n                              # (session 24) the region\'s centre named as such', '"\n                              # (session 24) the region\'s centre named as such', T),
    ("assets/media/region_seat.py", r'r"\bв\s+областн\w+\s+центре\b|', r'r"\bобластн\w+\s+центр\w*|', T),
    ("assets/media/detention_patterns.py", "(?:(?:практически|почти|фактически)\\s+)?все\\b", "все\\b", T),
    ("assets/media/forms.py", "(?<!«)мити(?:нг|ң)|", "(?<!«)митинг|", T),
    ("assets/media/participants.py", "|собравш|оккупир|просят|попросил)", "|собравш)", T),
    ("assets/media/counts.py", "|бала(?:ны|лар\\w*|ға|ның|сы|лы)?\\b|", "|бала(?:ны|лар\\w*|ға|ның)?\\b|", T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
