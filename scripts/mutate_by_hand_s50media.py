#!/usr/bin/env python
"""A batch of hand mutants of session 50's media classes (issue 16), one or two per class written on main that session
from the holdout's opened half A: "более N" as its low bound, "тыс" without its full stop, a place's capacity, the
genitive vague scale words, a police station in the plural, a denied intention and a headline's object first, a future
passive, a fight's parties, those fined, "в день выборов", a stated headline over an all-vague body, an acronym and
another verb's subject, Kazakh «қамаққа», a town the gazetteer lacks, a protest action where a crowd gathers, names
listed after «В числе задержанных —», Kazakh «тәртіп сақшылары». Same mechanism and output as the earlier batches
(scripts/mutants_common.py); the tests are the session's own file.

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s50media.py          # all
    .venv/bin/python scripts/mutate_by_hand_s50media.py --check              # every old text found once (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

NEW = "tests/media/test_session50_classes.py"
T = [NEW]
NU, NW, CNC, CO = ("assets/media/numbers.py", "assets/media/numbers_words.py", "assets/media/count_not_crowd.py",
                   "assets/media/counts.py")
DP, DC, DV, DT, DE = ("assets/media/detention_patterns.py", "assets/media/detention_counts.py", "assets/media/detention_verbs.py",
                      "assets/media/detention_totals.py", "assets/media/detentions.py")
CR, FO = "assets/media/crowd.py", "assets/media/forms.py"

MUTANTS = [
    # "более N": N is the low bound
    (NU, "        return n, up(11), up(13)", "        return n + 1, up(11), up(13)", T),
    # "тыс" without its full stop
    (NU, r'DECIMAL_THOUSANDS_RE = re.compile(r"(?<![\d.,])(\d+[.,]\d+)\s*(тыс(?:\.|\b)|тысяч\w*)", re.I)',
     r'DECIMAL_THOUSANDS_RE = re.compile(r"(?<![\d.,])(\d+[.,]\d+)\s*(тыс\.|тысяч\w*)", re.I)', T),
    (NU, r'(тысяч\w*|тыс(?:\.|\b)|мың\b|', r'(тысяч\w*|тыс\.|мың\b|', T),
    # a place's capacity
    (CO, "    if before and (POPULATION_BEFORE_RE.search(before) or CAPACITY_BEFORE_RE.search(before)):",
     "    if before and POPULATION_BEFORE_RE.search(before):", T),
    (CNC, r'CAPACITY_BEFORE_RE = re.compile(r"(?:\bвмеща\w*|', r'CAPACITY_BEFORE_RE = re.compile(r"(?:\bвмещаемост\w*|', T),
    # the genitive vague scale words
    (NW, r'(re.compile(r"\bдесятков\b", re.I), (20, 40, 90)),', r'(re.compile(r"\bдесятковъ\b", re.I), (20, 40, 90)),', T),
    (NW, r'(re.compile(r"\bсотен\b", re.I), (200, 400, 900)),', r'(re.compile(r"\bсотен\b", re.I), (20, 40, 90)),', T),
    # a police station in the plural
    (DP, r'r"(?<!\w)в\s+(?:полицейск\w+\s+)?(?:участк\w*|', r'r"(?<!\w)в\s+(?:участк\w*|', T),
    # a denied intention; the headline's object first
    (DC, '        if "не" in window and not any(w.startswith(INTENT_STEMS) for w in window):',
     '        if "не" in window:', T),
    (DC, r'r"(?<!\w)" + _ONE_OBJECT + r"\s+(?:[\w-]+\s+)?(?:задержал[аи]?|доставил[аи]?|арестовал[аи]?)\b", re.I)',
     r'r"(?!x)x", re.I)', T),
    # a future or modal passive
    (DC, '    if FUTURE_PASSIVE_RE.search(low) and not DETAIN_RE.search(FUTURE_PASSIVE_RE.sub(" ", low)):',
     '    if FUTURE_PASSIVE_RE.search(low):', T),
    (DC, r'FUTURE_PASSIVE_RE = re.compile(r"(?<!\w)(?:будет|будут|может\s+быть|могут\s+быть|',
     r'FUTURE_PASSIVE_RE = re.compile(r"(?<!\w)(?:будут|может\s+быть|могут\s+быть|', T),
    # a fight's parties
    (DV, "    if RAID_RE.search(text) or FIGHT_RE.search(text):", "    if RAID_RE.search(text):", T),
    (CO, r'|участник\w*\s+(?:[\w-]+\s+)?(?:драк|', r'|участникъ\w*\s+(?:[\w-]+\s+)?(?:драк|', T),
    # those fined
    (DE, '    total = fined if total is None and fined is not None and "detained" in ev.evidence else total',
     '    total = fined if total is None and fined is not None else total', T),
    (DT, '                      r"(?:наложен|выписа)\\w*\\s+(?:[\\w-]+\\s+)?штраф|айыппұл\\s+сал", re.I)',
     '                      r"айыппұл\\s+сал", re.I)', T),
    # "в день выборов"
    (CNC, r'r"в\s+(?:год|месяц|день)\b(?!\s+(?:[а-яё]+(?:ого|его|ей|ых|их)\s+)?(?:выбор|',
     r'r"в\s+(?:год|месяц|день)\b(?!\s+(?:выбор|', T),
    # a stated headline over an all-vague body
    (DE, "(head := stated_headline_figure(title.text)) and vague_only:", "(head := headline_figure(title.text)) and vague_only:", T),
    (DE, "(head := stated_headline_figure(title.text)) and vague_only:", "(head := stated_headline_figure(title.text)):", T),
    # an acronym; another verb's subject
    (CR, "        if not ps or sum(c.isupper() for c in w) >= 2:", "        if not ps:", T),
    (CR, '            if ps2 and ps2[0].tag.POS == "VERB":', '            if False:', T),
    # Kazakh «қамаққа»
    (DP, r'r"(?:қамауға|қамаққа)\s+ал(?:ды|ған|ып|ын)|', r'r"қамауға\s+ал(?:ды|ған|ып|ын)|', T),
    # a town the gazetteer lacks
    (CR, "    if not roles and NAMED_PLACE_RE.search(text):", "    if False:", T),
    # a protest action where a crowd gathers
    (FO, r'r"\bвышл[иа]\b|\bсобрал\w+|алаң|алдында|жиналд|жиналған))", re.I | re.S)',
     r'r"алаң|алдында|жиналд|жиналған))", re.I | re.S)', T),
    (FO, ' and not ROAD_RE.search(" ".join(x.text for x in [anchor, s, *after]))', '', T),
    # names listed after «В числе задержанных —»; Kazakh «тәртіп сақшылары»
    (DC, "    among = AMONG_DETAINED_RE.search(t)", "    among = None", T),
    (DP, r'r"(?:полиция|полицейлер|полицейлар|полицей|тәртіп\s+сақшы)\w*\s+(?:[\w-]+\s+){0,5}?(?:алып\s+кетт|',
     r'r"(?:полиция|полицейлер|полицейлар|полицей)\w*\s+(?:[\w-]+\s+){0,5}?(?:алып\s+кетт|', T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
