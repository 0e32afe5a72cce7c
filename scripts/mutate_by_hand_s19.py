#!/usr/bin/env python
"""A thirteenth, short batch of hand mutants (issue 14; session 19, 4 December): one or two per class written that
session on the media extractor's counts and detentions (the scale word before its numeral, the noun before a number
followed by the crowd's verb or what it held, two sides' figures, a source inside a figure, "от силы", the place-first
and joined-object detentions, "восьмерых", "одного из", a plural role and surnames, the Kazakh police-first object
and "7-уі"; a hunger strike in custody as no assembly; the court building as a place, gatherings told by what people did). Same mechanism and output as the earlier batches (scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s19.py              # all
    .venv/bin/python scripts/mutate_by_hand_s19.py --check                  # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s19.py --dups                   # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

NEW = "tests/media/test_session19_classes.py"
T = [NEW]

S30 = ["tests/media/test_session30_classes.py"]  # (session 30: probes of mutants its classes made survive)
MUTANTS = [
    ("assets/media/numbers_words.py", "BOUNDED = [(INVERTED_RE, inverted_reading)] + [", "BOUNDED = [", T),
    ("assets/media/numbers_words.py", "return round(n * 0.8), round(n), round(n * 1.2)", "return round(n), round(n), round(n)", T),
    ("assets/media/counts.py", 'and not re.search(r"(?:из|среди)\\s+них\\s*,?\\s*$", before[:inv.start()], re.I)',
     'and not re.search(r"XX", before[:inv.start()], re.I)', T),
    ("assets/media/counts.py", "    if HELD_AFTER_RE.match(after):\n        return True", "    if False:\n        return True", T),
    ("assets/media/counts.py", 'inv = re.search(r"\\bчеловек\\s+$", before, re.I) if before else None',
     'inv = re.search(r"\\bчеловек\\s+$", before) if before else None', T + S30),
    ("assets/media/counts.py", 'and "past" in p.tag and "plur" in p.tag', 'and "past" in p.tag and "sing" in p.tag', T + S30),
    ("assets/media/counts.py", "|почти|до|от\\s+силы|от|не\\s+(?:достиг", "|почти|до|от\\s+силы|не\\s+(?:достиг", T),
    ("assets/media/counts.py", '"семерых", "восьмерых", "девятерых", "десятерых",', '"семерых",', T),
    ("assets/media/counts.py", 'r"(?:участник|собравш|пришедш|митингующ|протестующ|пикетчик|выступавш|демонстрант|"',
     'r"(?:участник|собравш|пришедш|митингующ|протестующ|пикетчик|демонстрант|"', T),
    ("assets/media/source_claims.py", '|оппозици\\w*|очевид\\w*)\\s+(?:акции', '|оппозици\\w*)\\s+(?:акции', T),
    ("assets/media/source_claims.py", 'r"по\\s+официальн\\w+\\s+(?:данным|информации|сведениям)|"', 'r"по\\s+официальнX|"', T),
    ("assets/media/source_claims.py", '(?:" + _SAY + r"|[—–-]\\s*(?:около', '(?:" + _SAY + r"|XX[—–-]\\s*(?:около', T),
    ("assets/media/source_claims.py", "or q.best >= 100)", "or q.best >= 10000)", T),
    ("assets/media/numbers.py", "до|\\([^()]{1,50}\\)\\s*до)\\s*(\\d+)", "до)\\s*(\\d+)", T),
    ("assets/media/numbers.py", "|не\\s+больше|до|от\\s+силы))\\s*$", "|не\\s+больше|до))\\s*$", T),
    ("assets/media/count_context.py", 'return (ATTRIBUTION_RE.sub("", head) if head.count(",") >= 2 else head)[-width:]',
     "return head[-width:]", T),
    ("assets/media/detention_counts.py", 'len(ATTRIBUTION_RE.sub("", t[fig.end():q.start])) <= 30', "len(t[fig.end():q.start]) <= 30", T),
    ("assets/media/detention_patterns.py", 'r"отдел\\w*\\s+полици\\w*)\\s+(?:[\\w-]+\\s+){0,2}?(?:оказал|очутил)\\w*|"',
     'r"отдел\\w*\\s+полици\\w*)\\s+(?:[\\w-]+\\s+){0,2}?(?:оказалX|очутил)\\w*|"', T),
    ("assets/media/detention_counts.py", "return 1 + _joined_one_person(t[m.end() + w.end():]) if", "return 1 if", T),
    ("assets/media/detention_counts.py", 'first = re.match(r"\\s*([А-Яа-яЁё]+)\\s+(?:(?:с|со)\\s+[а-яё]+\\s+)?(?:[а-яё]+\\s+)?$"',
     'first = re.match(r"\\s*([А-Яа-яЁё]+)\\s+(?:[а-яё]+\\s+)?$"', T),
    ("assets/media/detention_counts.py", "        return len(items)  # (session 19)", "        return None  # (session 19)", T),
    ("assets/media/detention_patterns.py", 'r"(?<![\\w-])(?:полиция|полицейлер|полицей|тәртіп\\s+сақшылары)\\w*\\s+(?:[\\w-]+\\s+)?"',
     'r"XX(?<![\\w-])(?:полиция|полицейлер|полицей|тәртіп\\s+сақшылары)\\w*\\s+(?:[\\w-]+\\s+)?"', T),
    ("assets/media/detention_patterns.py", 'KK_PART_SUFFIX = r"(?:[еа]?у)?(?:ы|і', 'KK_PART_SUFFIX = r"(?:ы|і', T),
    ("assets/media/triage_not_events.py", "CUSTODY_RE.search(low) and not CUSTODY_KIN_RE.search(low)",
     "CUSTODY_RE.search(low) and not CUSTODY_KIN_RE.search(low) and False", T),
    ("assets/media/triage_not_events.py", "and not CUSTODY_KIN_RE.search(low):", ":", T),
    ("assets/media/triage_not_events.py", 'r"(?:колонияда|абақтыда|изоляторында|қамауда|түрмеде)',
     'r"(?:колонияда|абақтыда|изоляторында|түрмеде)', T),
    ("assets/media/triage_sentence.py", 'c_lem = lem_of(COURT_PLACE_RE.sub(" ", raw)) if COURT_PLACE_RE.search(raw) else lem',
     "c_lem = lem", T),
    ("assets/media/triage_formless_gatherings.py", '    (ROAD_WORDS, (SAT_ON_ROAD_RE,), "sitting on a road"),\n', "", T),
    ("assets/media/triage_formless_gatherings.py", '    (MARCH_WORDS, (ROUTE_MARCH_RE,), "march by its route"),\n', "", T),
    ("assets/media/triage_formless_gatherings.py", '    (DESCEND_WORDS, (REFUSE_DESCEND_RE,), "refusal to go down"),\n', "", T),
    ("assets/media/triage_formless_gatherings.py", '(COMPLAIN_WORDS, (CAME_TO_COMPLAIN_RE, SHOUTING_AT_RE), "came to complain")',
     '(COMPLAIN_WORDS, (CAME_TO_COMPLAIN_RE,), "came to complain")', T),
    ("assets/media/triage_formless_gatherings.py", "and OBSTRUCT_RE.search(low) and OBSTRUCT_WHO_RE.search(low):",
     "and OBSTRUCT_RE.search(low):", T),
    ("assets/media/triage_formless_gatherings.py", 'r"(?:(?!разрешени|согласи|возможност|денег|средств|документ)[\\w-]+\\s+){0,2}?"',
     'r"(?:[\\w-]+\\s+){0,2}?"', T),
    ("assets/media/triage_formless_gatherings.py", 'r"(?:дорог|трасс|проезж|рельс|пут[ия]|мост)", re.I)',
     'r"(?:дорог|трасс|проезж|рельс|пут\\w|мост)", re.I)', T),
    ("assets/media/triage_formless_gatherings.py", 'CAME_TO_COMPLAIN_RE = re.compile(r"(?:пришл[иа]|вышл[иа]|',
     'CAME_TO_COMPLAIN_RE = re.compile(r"(?:приш[её]л|пришл[иа]|вышл[иа]|', T),
    ("assets/media/triage.py", 'r"не\\s+да(?:ют|ть|ли)\\s+(?:[\\w-]+\\s+)?(?:выруб|спил|снес|снос|стро|монтир|установ)|"',
     'r"не\\s+даXX|"', T),
    ("assets/media/triage_sentence.py", "|асфальт|баррикад|заперл|требуя|\"", "|асфальт|баррикад|заперл|\"", T),
    ("assets/media/counts.py", "if before and (DEBT_BEFORE_RE.search(before) or (", "if before and (False or (", T),
    ("assets/media/counts.py", "(PLACE_TOTAL_BEFORE_RE.search(before) and not ACTED_AFTER_RE.search(after))",
     "(PLACE_TOTAL_BEFORE_RE.search(before))", T),
    ("assets/media/counts.py", '"оратор", "спикер", "выступающий"}', '"спикер", "выступающий"}', T),
    ("assets/media/counts.py", "жыл|отбасы|қабат|", "жыл|отбасы|", T),
    ("assets/media/crowd.py", "or PROMISE_BEFORE_RE.search(before) or EARLIER_COMPARED_RE.search(before)",
     "or PROMISE_BEFORE_RE.search(before)", T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
