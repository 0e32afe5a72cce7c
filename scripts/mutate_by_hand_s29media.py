#!/usr/bin/env python
"""A batch of hand mutants of session 29's media classes (issue 14; 5 December): one or two per class written that
session on the media extractor from `fresh12`'s misses (0cf8c98), with probes of the engineer's own (a Kazakh crowd at
an akimat told office first or gone to one, a gathering on the carriageway; no assembly in a queue for awards, visitors
at home, houses under water, a Kazakh charge quoted before its penalty or one punished for an action, a Kazakh tally, a
lead that puts the event abroad in words, Kazakh threats and intentions, discontent voiced with nothing of a gathering,
a case's role; the city of the page's address, a road blocked against the residents, «ата-ана» as people, the later
figure of a vague crowd only where it tells a gathering, Kazakh victims, «аяқсыз қалған»), and of its second part
(930ec550: a month alone two or more months before an agency's dateline, Kazakh protesters detained read with
detention_patterns.DETAIN_RE, one told_before() for the fields). Same mechanism and output as the earlier batches
(scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s29media.py          # all
    .venv/bin/python scripts/mutate_by_hand_s29media.py --check              # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s29media.py --dups               # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

NEW = "tests/media/test_session29_classes.py"
T = [NEW]
C, M, S = "assets/media/triage_cues.py", "assets/media/triage_modes.py", "assets/media/triage_sentence.py"
TR, IP, NE = "assets/media/triage.py", "assets/media/triage_in_person.py", "assets/media/triage_not_events.py"
AB, UP, EX = "assets/media/triage_abroad.py", "assets/media/url_place.py", "assets/media/extract.py"
DO, CX, KN = "assets/media/document.py", "assets/media/count_context.py", "assets/media/count_nouns_kk.py"
NC, CN, CR = "assets/media/count_not_crowd.py", "assets/media/counts.py", "assets/media/crowd_reports.py"
CW = "assets/media/crowd.py"
TT, PA, DE = "assets/media/triage_time.py", "assets/media/participants.py", "assets/media/detentions.py"

MUTANTS = [
    # triage: assemblies
    (TR, r'    r"әкімді(?:г\w*|кке)\s+(?:[\w-]+\s+)?(?:барып|барды)|"', r'    r""', T),
    (TR, r'r"әкімді(?:г\w*|кке)\s+(?:[\w-]+\s+)?(?:барып|барды)|"', r'r"әкімді(?:г\w*|кке)\s+(?:[\w-]+\s+)?(?:барды)|"', T),
    (IP, r'\w*\s+(?:алдына|алдында|маңына|жанына|ауласына)\s+(?:\d+', r'\w*\s+(?:XX)\s+(?:\d+', T),
    (IP, r'\w*\s+(?:алдына|алдында|маңына|жанына|ауласына)\s+(?:\d+', r'\w*\s+(?:алдына|маңына|жанына|ауласына)\s+(?:\d+', T),
    (TR, r'                                    r"собрал\w*\s+(?:[\w-]+\s+){0,2}?на\s+проезж\w+\s+част")',
     r'                                    r"(?!x)x")', T),
    (TR, r'r"собрал\w*\s+(?:[\w-]+\s+){0,2}?на\s+проезж\w+\s+част")', r'r"собрал\w*\s+на\s+проезж\w+\s+част")', T),
    # triage: no assembly
    (S, '    if gather_found and gather_found <= ARRIVE_LEMMAS | {"выстроиться", "собраться"} and VISIT_OR_QUEUE_RE.search(low):',
     '    if False:', T),
    (S, r'r"при(?:шл|ш[её]л)\w*\s+за\s+(?:сво\w+\s+)?(?:наград|пособи|', r'r"при(?:шл|ш[её]л)\w*\s+за\s+(?:сво\w+\s+)?(?:пособи|', T),
    (C, r'под\s(?!вод|снег|завал|обломк|арест|', r'под\s(?!снег|завал|обломк|арест|', T),
    (C, r'под\s(?!вод|снег|завал|обломк|арест|', r'под\s(?!вод|завал|обломк|арест|', T),
    (NE, r'[\"»”]\s+(?:деп|деген\s+айыппен)\s+(?:[\w-]+\s+){0,3}?(?:қамал|айыппұл|', r'[\"»”]\s+(?:XX)\s+(?:[\w-]+\s+){0,3}?(?:қамал|айыппұл|', T),
    (NE, '"тәулік", "сот", "деп ", "деген айып",', '"тәулік", "сот", "деген айып",', T),
    (NE, r'жауапкершілікке|айыппұл|қамал|сотта)|(?:[\w-]+\s+){0,2}?(?:жазалан|жауапкершілікке\s+тартыл))",',
     r'жауапкершілікке|айыппұл|қамал|сотта))",', T),
    (NE, r'(?:акция|митинг|пикет|шеру|ереуіл|наразылық)\w*\s+(?:[\w-]+\s+){0,3}?(?:үшін\s+',
     r'(?:акция|митинг|пикет|шеру|ереуіл|наразылық)\w*\s+(?:[\w-]+\s+){0,3}?(?:XXXX\s+', T),
    (C, r'r"жыл\s+басынан\s+бері|\b\d+\s+(?:наразылық', r'r"\b\d+\s+(?:наразылық', T),
    (C, r'r"(?:\b\d+|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|бірнеше|көптеген)\s+кәсіпор', r'r"(?:\b\d+)\s+кәсіпор', T),
    (AB, '    if any(WORLD_RE.search(t.text) and not HOME_TOO_RE.search(t.text) for t in sents[:3]):',
     '    if any(WORLD_RE.search(t.text) and not HOME_TOO_RE.search(t.text) for t in sents[:1]):', T),
    (AB, '    if any(WORLD_RE.search(t.text) and not HOME_TOO_RE.search(t.text) for t in sents[:3]):',
     '    if any(WORLD_RE.search(t.text) for t in sents[:3]):', T),
    (M, r'(?:\w+(?:уы|уі|уымыз|уіміз|ыуы|іуі)\s+мүмкін|"', r'(?:"', T),
    (M, r'(?:мақ|мек|бақ|бек|пақ|пек)(?:шы|ші|шымыз|шіміз)?\b(?!\s+бол)|', r'(?:мақ|мек|бақ|бек|пақ|пек)(?:шы|ші|шымыз|шіміз)?\b|', T),
    (S, '    if kk and KK_VOICED_ONLY_RE.search(low) and not re.search(', '    if False and KK_VOICED_ONLY_RE.search(low) and not re.search(', T),
    (S, r'                                  r"\w(?:шы|ші)(?:лар|лер)?[ыі]?\b|талап|\bдеп\b|видео|', r'                                  r"талап|\bдеп\b|видео|', T),  # (line of session 32)
    (S, '        if l in ("проходить", "пройти") and " ".join(toks[k + 1:k + 3]).lower() in ("в качестве", "по делу"):',
     '        if l in ("проходить", "пройти") and " ".join(toks[k + 1:k + 3]).lower() in ("по делу",):', T),
    (S, '        if l in ("проходить", "пройти") and " ".join(toks[k + 1:k + 3]).lower() in ("в качестве", "по делу"):',
     '        if l in ("проходить", "пройти") and " ".join(toks[k + 1:k + 3]).lower() in ("в качестве",):', T),
    # fields
    (UP, '            if m.group(1) or m.group(3) in _KK_LOCATIVE or (', '            if m.group(1) or (', T),
    (EX, '    if ev.city is None and (key := url_place.url_city(doc.url)):', '    if (key := url_place.url_city(doc.url)):', T),
    (C, r'                               r"(?:^|[\s,])(?:им|нам|жителям|жильцам)\s+(?:[\w,-]+\s+){0,4}?(?:заблокировал|перекрыл|перегородил)|"',
     r'                               r"(?!x)x|"', T),
    (C, r'(?:им|нам|жителям|жильцам)\s+(?:[\w,-]+\s+){0,4}?(?:заблокировал', r'(?:им|нам|жителям|жильцам)\s+(?:[\w-]+\s+){0,4}?(?:заблокировал', T),
    (KN, 'жұмысшы|әйел|ата-ана|ана|зейнеткер|', 'жұмысшы|әйел|ана|зейнеткер|', T),
    (CX, r'(?:да|де|та|те|нда|нде))(?![\w-])", after, re.I)', r'(?:да|де|та|те|нда|нде))\b", after, re.I)', T),
    (NC, r'(?:[\w-]+\s+){0,2}?(?:сан\s+соғ|алданып|алданған|зардап\s+шек|"', r'(?:[\w-]+\s+){0,2}?(?:алданып|алданған|зардап\s+шек|"', T),
    (CN, ' or KK_DEBT_AFTER_RE.match(after) or KK_AFFECTED_AFTER_RE.match(after) \\', ' or KK_DEBT_AFTER_RE.match(after) \\', T),  # (line of session 32)
    (CR, '            and _HOLDING_WORD_RE.search(other.evidence["participants"]):', '            and True:', T),
    (CR, r'r"жинал|жиыл|шықт|шығып|шыққ|келд|келіп|келг|қатыс|ереуіл|аштық|наразы|талап|шеру", re.I)',
     r'r"жинал|жиыл|шықт|шығып|шыққ|келд|келіп|келг|қатыс|ереуіл|наразы|талап|шеру", re.I)', T),
    (CW, r'\w+(?<!аяқ)(?<!ие)(?:сыз|сіз)\s+қал|', r'\w+(?<!ие)(?:сыз|сіз)\s+қал|', T),
    (CW, r'\w+(?<!аяқ)(?<!ие)(?:сыз|сіз)\s+қал|', r'\w+(?<!аяқ)(?:сыз|сіз)\s+қал|', T),
    # ---- 930ec550 (session 29's second part)
    # a month alone two or more months before an agency's dateline (triage_time.dateline_month, its use in triage.py)
    (TR, '    month_ref = published or dateline_month(full.split("\\n", 1)[1] if title and "\\n" in full else full)',
     '    month_ref = published', T),
    (TR, 'dateline_month(full.split("\\n", 1)[1] if title and "\\n" in full else full)',
     'dateline_month(full.split("\\n", 1)[1] if "\\n" in full else full)', T),
    (TT, r'DATELINE_MONTH_RE = re.compile(r"^\s*[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+', r'DATELINE_MONTH_RE = re.compile(r"^\s*[А-ЯЁ][\w-]+', T),
    (TT, r'[\w-]+(?:\s[\w-]+)?[.,]\s+(\d{1,2})', r'[\w-]+[.,]\s+(\d{1,2})', T),
    (TT, '+ "|".join(_RU_MONTHS_GEN + _KK_MONTHS)', '+ "|".join(_RU_MONTHS_GEN)', T),
    # Kazakh protesters detained with the detention modules' list (triage_sentence.kk_protesters_detained)
    (S, 'low[m.end():m.end() + 120]', 'low[m.end():m.end() + 40]', T),
    (S, r'_NEAR_BEFORE_RE = re.compile(r"^\w*\s+(?:[\w-]+\s+){0,3}?$")', r'_NEAR_BEFORE_RE = re.compile(r"^\w*\s+$")', T),
    (S, '        if any(_NEAR_BEFORE_RE.match(before[d.end():]) for d in DETAIN_RE.finditer(before)):', '        if False:', T),
    (S, r'ереуілге|алаңға|көшеге|алдына)\s+(?:[\w-]+\s+)?"', r'ереуілге|алаңға|көшеге|алдына)\s+"', T),
    (S, r'                            r"(?:шыққан|келіп\s+жүрген|жиналған)\w*", re.I)',
     r'                            r"(?:шыққан|келіп\s+жүрген)\w*", re.I)', T),
    # one told_before() (a thing's time ago taken out) where the fields asked BACKGROUND_RE of the raw text
    (M, '    return bool(BACKGROUND_RE.search(without_thing_ago(text)))', '    return bool(BACKGROUND_RE.search(text))', T),
    (EX, '    search = [anchor] + [s for s in body if s is not anchor and not triage_modes.told_before(s.text)',
     '    search = [anchor] + [s for s in body if s is not anchor and not triage_modes.BACKGROUND_RE.search(s.text)', T),
    (PA, '        if triage_modes.told_before(s.text) or (triage_modes.sentence_mode(s.text) and modal_at is None):',
     '        if triage_modes.BACKGROUND_RE.search(s.text) or (triage_modes.sentence_mode(s.text) and modal_at is None):', T),
    (DE, '        if triage_modes.told_before(t) or KK_BACKGROUND_RE.search(t) or DOCUMENT_CONTENT_RE.search(t):',
     '        if triage_modes.BACKGROUND_RE.search(t) or KK_BACKGROUND_RE.search(t) or DOCUMENT_CONTENT_RE.search(t):', T),
    # (after the batch) detention_scope.earlier_day asks without_thing_ago first
    ("assets/media/detention_scope.py", '    if EARLIER_DAY_RE.search(without_thing_ago(text)) and not EARLIER_DAY_RE.search(without_thing_ago(anchor)):',
     '    if EARLIER_DAY_RE.search(text) and not EARLIER_DAY_RE.search(without_thing_ago(anchor)):', T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
