#!/usr/bin/env python
"""A batch of hand mutants of session 53's media classes (issue 16), found on the half A of the part `wide3`: dashes
unified in the text (assets/media/text.py), a demonym in "-чан", a figure after a gathering verb before a parenthesis or
a dash, people "в отношении" whom cases are drawn up and a ban's threshold, Kazakh livestock (assets/media/counts.py,
count_not_crowd.py), "от N до нескольких тысяч" (numbers.py), a count expected (count_context.py, participants.py),
"милиция" as "полиция" (detention_patterns.py), another month's assemblies and "Тогда" (detention_scope.py,
detentions.py), and triage's сход held to object (triage_cues.py, triage_in_person.py). Same mechanism and output as
the earlier batches (scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s53.py          # all
    .venv/bin/python scripts/mutate_by_hand_s53.py --check              # every old text found once (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

T = ["tests/media/test_session53_classes.py"]
TX, CO, NC, NU = "assets/media/text.py", "assets/media/counts.py", "assets/media/count_not_crowd.py", "assets/media/numbers.py"
CC, PA = "assets/media/count_context.py", "assets/media/participants.py"
DP, DS, DE = "assets/media/detention_patterns.py", "assets/media/detention_scope.py", "assets/media/detentions.py"
TC, TI = "assets/media/triage_cues.py", "assets/media/triage_in_person.py"

MUTANTS = [
    # dashes
    (TX, '    t = t.translate(_DASHES)\n', '', T),
    (TX, '"\\u2212": "–", ', '', T),
    (TX, '"\\u2012": "–", ', '"\\u2012": "–-", ', T),
    # a demonym in "-чан"
    (CO, '        if DEMONYM_CHAN_RE.fullmatch(w.lower()):', '        if False:', T),
    (CO, '        if DEMONYM_CHAN_RE.fullmatch(w.lower()):', '        if k == 0 and DEMONYM_CHAN_RE.fullmatch(w.lower()):', T),
    ("assets/media/count_subjects.py", 'DEMONYM_CHAN_RE = re.compile(r"[а-яё]{3,}чан(?:ам|ами|ах)?")', 'DEMONYM_CHAN_RE = re.compile(r"[а-яё]{3,}чанин")', T),
    # a parenthesis or a dash after a gathering verb's figure
    (CO, 're.match(r"\\s*(?:[.,;!?()]|[—–]\\s|$)", after) and gathering_verb_before(before)',
     're.match(r"\\s*(?:[.,;!?)]|[—–]\\s|$)", after) and gathering_verb_before(before)', T),
    (CO, 're.match(r"\\s*(?:[.,;!?()]|[—–]\\s|$)", after) and gathering_verb_before(before)',
     're.match(r"\\s*(?:[.,;!?()]|$)", after) and gathering_verb_before(before)', T),
    (CO, 're.match(r"\\s*(?:[.,;!?()]|[—–]\\s|$)", after) and gathering_verb_before(before)',
     're.match(r"\\s*(?:[.,;!?()]|[—–]\\s|$)", after)', T),
    # people a case is drawn up against, a ban's threshold, livestock
    (CO, '    if before and (LEGAL_SUBJECT_BEFORE_RE.search(before) or BAN_THRESHOLD_BEFORE_RE.search(before)):',
     '    if before and BAN_THRESHOLD_BEFORE_RE.search(before):', T),
    (CO, '    if before and (LEGAL_SUBJECT_BEFORE_RE.search(before) or BAN_THRESHOLD_BEFORE_RE.search(before)):',
     '    if before and LEGAL_SUBJECT_BEFORE_RE.search(before):', T),
    (NC, 'LEGAL_SUBJECT_BEFORE_RE = re.compile(r"\\bв\\s+отношении\\s+(?:(?:ещ[её]|других|остальных|всех)\\s+)?$", re.I)',
     'LEGAL_SUBJECT_BEFORE_RE = re.compile(r"\\bв\\s+отношении\\s+$", re.I)', T),
    (NC, 'BAN_THRESHOLD_BEFORE_RE = re.compile(r"\\bгрупп(?:ами|ой|ы)\\s+(?:численностью\\s+)?(?:более|свыше|больше|не\\s+более|"',
     'BAN_THRESHOLD_BEFORE_RE = re.compile(r"\\bгрупп(?:ами|ой|ы)\\s+(?:численностью\\s+)?(?:более|больше|"', T),
    (NC, 'r"не\\s+больше|до)\\s*$", re.I)', 'r"не\\s+больше)\\s*$", re.I)', T),
    (NC, 'BAN_THRESHOLD_BEFORE_RE = re.compile(r"\\bгрупп(?:ами|ой|ы)\\s+(?:численностью\\s+)?(?:более|свыше|больше|не\\s+более|"',
     'BAN_THRESHOLD_BEFORE_RE = re.compile(r"\\bгрупп\\w*\\s+(?:из\\s+)?(?:численностью\\s+)?(?:более|свыше|больше|не\\s+более|"', T),
    (CO, '    r"теңге|бас\\b|ай(?:дан|ға|да|ы|лық)?\\b|', '    r"теңге|ай(?:дан|ға|да|ы|лық)?\\b|', T),
    # "от N до нескольких тысяч"
    (NU, '        if vague_hi and m.group(0).replace("\\u200b", "").isdigit() and re.search(r"\\bот\\s*$", before):',
     '        if False:', T),
    (NU, '            scale = {"т": 1000, "с": 100}.get(vague_hi.group(1)[0].lower(), 10)',
     '            scale = {"т": 1000, "с": 1000}.get(vague_hi.group(1)[0].lower(), 10)', T),
    (NU, '                out.append((Quantity(n, round((n + 3 * scale) / 2), 9 * scale, start, end, text[start:end]), text[end:end + 60]))',
     '                out.append((Quantity(n, n, 9 * scale, start, end, text[start:end]), text[end:end + 60]))', T),
    (NU, '                out.append((Quantity(n, round((n + 3 * scale) / 2), 9 * scale, start, end, text[start:end]), text[end:end + 60]))',
     '                out.append((Quantity(n, round((n + 3 * scale) / 2), 3 * scale, start, end, text[start:end]), text[end:end + 60]))', T),
    # a count expected
    (PA, '            if EXPECTED_BEFORE_RE.search(s.text[max(0, q.start - 80):q.start]) or EXPECTED_AFTER_RE.search(s.text[q.end:q.end + 100]):',
     '            if EXPECTED_BEFORE_RE.search(s.text[max(0, q.start - 80):q.start]):', T),
    (PA, '            if EXPECTED_BEFORE_RE.search(s.text[max(0, q.start - 80):q.start]) or EXPECTED_AFTER_RE.search(s.text[q.end:q.end + 100]):',
     '            if EXPECTED_AFTER_RE.search(s.text[q.end:q.end + 100]):', T),
    (CC, 'EXPECTED_BEFORE_RE = re.compile(r"(?<!\\w)(?:ожида(?:ется|ются|ют|ет|лось|лись)|ждут|прогнозиру(?:ется|ют)|планируется)\\s+"',
     'EXPECTED_BEFORE_RE = re.compile(r"(?<!\\w)(?:ожида\\w*|ждут|прогнозиру(?:ется|ют)|планируется)\\s+"', T),
    (CC, 'EXPECTED_AFTER_RE = re.compile(r"^[^.,;!?]{0,40}?(?<!\\w)',
     'EXPECTED_AFTER_RE = re.compile(r"^[^.;!?]{0,80}?(?<!\\w)', T),
    # "милиция"
    (DP, '    return re.sub(r"полицейск|полици|полиц",', '    return re.sub(r"полицейск|полици",', T),
    (DP, '"полици": "(?:полици|милици)",', '"полици": "(?:полици)",', T),
    (DP, 'DETAIN_RE = re.compile(_with_militia(r"задерж', 'DETAIN_RE = re.compile((r"задерж', T),
    # another month's assemblies, "Тогда"
    (DS, '        if m and _MONTHS.index(m.group(1).lower()) + 1 != day.month:', '        if m:', T),
    (DS, '        elif s.index - 1 in out and _THEN_RE.match(s.text):', '        elif False:', T),
    (DS, '|сентябр|октябр|ноябр|декабр)ь?ск\\w*\\s+"', '|сентябр|октябр|ноябр|декабр)ск\\w*\\s+"', T),
    (DE, '    earlier |= other_month_indices(search, ev.date or ev.published, anchor)',
     '    earlier |= other_month_indices(search, ev.published, anchor)', T),
    (DS, '        if m and _MONTHS.index(m.group(1).lower()) + 1 != day.month:',
     '        if m and _MONTHS.index(m.group(1).lower()) != day.month:', T),
    # triage: a сход held to object
    (TC, '                  "возразить", "возражать", "возражение"}', '                  "возражать", "возражение"}', T),
    (TI, 'r"|активн\\w+|сельчане)\\s+(?:[\\w«»\\"-]+,?\\s+){0,14}?(?:собрали|провели|устроили)\\s+"',
     'r"|активн\\w+|сельчане)\\s+(?:[\\w-]+\\s+){0,6}?(?:собрали|провели|устроили)\\s+"', T),
    (TI, 'r"|активн\\w+|сельчане)\\s+(?:[\\w«»\\"-]+,?\\s+){0,14}?(?:собрали|провели|устроили)\\s+"',
     'r"|активн\\w+|сельчане)\\s+(?:[\\w«»\\"-]+,?\\s+){0,8}?(?:собрали|провели|устроили)\\s+"', T),
    # triage: a crowd that would not disperse
    ("assets/media/triage_sentence.py", '    refused = bool(REFUSE_DISPERSE_RE.search(low))  #', '    refused = False  #', T),
    ("assets/media/triage_sentence.py", 'or bool(DEMOLITION_RESIST_RE.search(low)) or refused', 'or bool(DEMOLITION_RESIST_RE.search(low))', T),
    ("assets/media/triage_sentence.py", '    | {"разойтись", "расходиться"}', '    | set()', T),
    ("assets/media/triage.py", 'r"(?:заставил|заставить|убедил|убедить|уговорил|уговорить|отказал)\\w*\\s+(?:[\\w-]+\\s+){0,2}?(?:разойтись|расходиться)|"',
     'r"(?!x)x|"', T),
    (TC, 'r"\\bотказал\\w*\\s+(?:[\\w-]+\\s+)?(?:расходиться|разойтись)\\b")', 'r"(?!x)x")', T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, tuple(T), __file__))
