#!/usr/bin/env python
"""A nineteenth, short batch of hand mutants (issue 14; written in session 24 for session 23's media classes, which no
batch covered): a civic commemoration and an official memorial, workers who declare a stoppage and what stops work
that is no strike, a flash mob of an office, Kazakhstan's own embassy, a court hearing the case, a protest that did not
happen, the contrast after «не состоялся», abai.kz's Latin spelling, a region's seat. Same mechanism and output as the
earlier batches (scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s23.py               # all
    .venv/bin/python scripts/mutate_by_hand_s23.py --check                   # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s23.py --dups                    # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

NEW = "tests/media/test_session23_classes.py"
T = [NEW]
S31 = ["tests/media/test_session31_classes.py"]  # (session 31: a probe of a mutant its classes made survive)
C = "assets/media/triage_civic_cues.py"

MUTANTS = [
    (C, '_CIVIC_ACTOR = r"(?:активист|оппозици|', '_CIVIC_ACTOR = r"(?:оппозици|', T),
    (C, '|возлож|почти(?:ть|л\\w*)\\s+памят|с\\s+цветами|', '|почти(?:ть|л\\w*)\\s+памят|с\\s+цветами|', T),
    (C, 'CHARGED_MEMORY_RE = re.compile(r"жанаозен|жаңаөзен|желтоксан|', 'CHARGED_MEMORY_RE = re.compile(r"жаңаөзен|желтоксан|', T),
    (C, 'r"(?:приостановлении|прекращении|остановке)\\s+работ|(?:приостановил|остановил|прекратил)\\w*\\s+работу)"',
     'r"(?:приостановлении|прекращении|остановке)\\s+работ)"', T),
    (C, '(?:авари|взрыв|пожар|жар[аы]|мороз|непогод|ремонт|', '(?:взрыв|пожар|жар[аы]|мороз|непогод|ремонт|', T),
    (C, 'r"едва\\s+не\\s+привел\\w*\\s+к\\s+(?:[\\w-]+\\s+)?протест", re.I)', 'r"XX", re.I)', T + S31),
    (C, "(?:праздн|дн[юя]\\b|юбиле|годовщин)|организованн", "(?:праздн|юбиле|годовщин)|организованн", T),
    (C, 'KZ_EMBASSY_RE = re.compile(r"(?:посольств|консульств|генконсульств)\\w*\\s+(?:Республики\\s+)?Казахстан\\w*|"',
     'KZ_EMBASSY_RE = re.compile(r"(?:консульств|генконсульств)\\w*\\s+(?:Республики\\s+)?Казахстан\\w*|"', T),
    (C, '|\\bсуд\\w*\\s+(?:[\\w-]+\\s+){0,3}?не\\s+стал\\w*\\s+наказ|', '|', T),
    (C, "    return any(pattern.search(s.text) for s in sents[:upto + 1])", "    return any(pattern.search(s.text) for s in sents[:upto])", T),
    ("assets/media/triage_modes.py", '_CONTRAST_AFTER_RE = re.compile(r",\\s*(?:однако|но|тем\\s+не\\s+менее|зато|бірақ|алайда|дегенмен)\\b", re.I)',
     '_CONTRAST_AFTER_RE = re.compile(r",\\s*(?:однако|но|тем\\s+не\\s+менее|зато)\\b", re.I)', T),
    ("assets/media/triage_modes.py", "        if c and (PAST_EVENT_RE.search(low, c.end()) or _KK_GATHERED_PAST_RE.search(low, c.end())):",
     "        if c:", T),
    ("assets/media/kazlatin.py", '    if best == "acute" and not re.search(r"[ǵńáǴŃÁ]", text) and len(_ABAI_DIGRAPH.findall(text)) >= 2:',
     '    if best == "acute" and len(_ABAI_DIGRAPH.findall(text)) >= 2:', T),
    ("assets/media/kazlatin.py", '"abai": {"sh": "ш", "ch": "ч", "gh": "ғ", "ng": "ң", "zh": "ж"}}', '"abai": {"sh": "ш", "ch": "ч", "gh": "ғ", "zh": "ж"}}', T),
    ("assets/media/region_seat.py", '    (r"западно-казахстанск\\w*|\\bЗКО\\b|батыс\\s+қазақстан", "uralsk"),', '    (r"западно-казахстанск\\w*|батыс\\s+қазақстан", "uralsk"),', T),
    ("assets/media/region_seat.py", "        if len(keys) == 1:", "        if keys:", T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
