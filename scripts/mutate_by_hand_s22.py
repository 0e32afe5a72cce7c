#!/usr/bin/env python
"""A sixteenth, short batch of hand mutants (issue 14; session 22, 4 December): one or two per class written that
session on the media extractor from `fresh5`'s misses (Kazakh protest verbs, "өткізген", placards held by people who
came, a demand before a house, a Kazakh gathering anywhere but not for a meeting, "жиналған" in the quick pass, Kazakh
countries from CLDR, a debt's period, a meeting hoped for, a cause next to a road block, "шумно требовали", arrested
after a picket, "флэш-моб", activists taken on a square, permitted to gather, deputies addressed, "о судьбе
задержанных", "оншақты", a tally over weeks, the unpaid, a workforce, students admitted, camps, a name with a number,
"нескольких" detained, a headline-less strike's count, the seat of a national institution, "семейской", Kazakh
placards as a picket, "вышли на трассу"). Same mechanism and output as the earlier batches (scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s22.py              # all
    .venv/bin/python scripts/mutate_by_hand_s22.py --check                  # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s22.py --dups                   # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

NEW = "tests/media/test_session22_classes.py"
# (session 27) the re-run's direct tests of three mutants newer rules made redundant
S27 = "tests/media/test_mutants_s27_rerun.py"
T = [NEW, S27]
C, S, F, TR = ("assets/media/triage_cues.py", "assets/media/triage_sentence.py", "assets/media/triage_formless_gatherings.py",
               "assets/media/triage.py")

MUTANTS = [
    (C, 'r"қарсылық\\w*\\s+(?:\\w+\\s+)?білдір|бас\\s+көтер|шу\\s+(?:шығар|көтер)", re.I)', 'r"XX", re.I)', T),
    (C, 'r"қарсылық\\w*\\s+(?:\\w+\\s+)?білдір|бас\\s+көтер|', 'r"қарсылық\\w*\\s+(?:\\w+\\s+)?білдір|', T),
    (C, "|өткен|өткізген|өткізілді|басталд", "|өткен|өткізілді|басталд", T),
    (C, "|тұрған|тұрып|келд|келіп|жиналд|жиналып)", "|тұрған|тұрып)", T),
    (F, "|ақорда|акорда|\\bүйі)\\w*", "|ақорда|акорда)\\w*", T),
    (S, '(KK_GATHERED_RE.search(low) and "жиналыс" not in low\n', "(KK_GATHERED_RE.search(low)\n", T),  # (line of session 32)
    (S, '(KK_GATHERED_RE.search(low) and "жиналыс" not in low\n', "(False\n", T),  # (line of session 32)
    (TR, "жолды жап|ж(?:инал(?:ы?[пд]|ған)|", "жолды жап|ж(?:иналы?[пд]|", T),
    ("assets/media/triage_abroad.py", "                           world_places.kk_countries(cleaned))",
     "                           iter(()))", T),
    ("assets/media/world_places.py", 'KK_LOCATIVE = ("да", "де", "та", "те", "нда", "нде", "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі")',
     'KK_LOCATIVE = ("дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі")', T),
    (S, "AGGREGATE_RE.search(raw) and AGGREGATE_RE.search(DEBT_PERIOD_RE.sub(\" \", raw)) and", "AGGREGATE_RE.search(raw) and", T),
    (S, '|"\n                                 r"надеясь\\s+на|надеял\\w*\\s+на|надеются\\s+на|в\\s+надежде\\s+на)\\s+"',
     ')\\s+"', T),
    (TR, "                or CAUSE_GRIEVANCE_RE.search(sents[w.index].text)", "                or False", T),
    (F, "|шумно\\s+(?:требова|протестова|выража|возмуща)\\w*)\\b", ")\\b", T),
    (C, '"держать", "задержать", "арестовать", "разогнать",', '"держать", "задержать", "разогнать",', T),
    (C, '"флешмоб", "флеш-моб", "флэшмоб", "флэш-моб", "хэппенинг",', '"флешмоб", "флеш-моб", "хэппенинг",', T),
    (S, "                                or (SUPPORTERS_AT_RE.search(low) and not INCIDENT_RE", "                                or (False and not INCIDENT_RE", T),
    (C, 'INCIDENT_RE = re.compile(r"\\bдтп\\b|авари|драк|потасовк|хулиган")', 'INCIDENT_RE = re.compile(r"XX")', T),
    ("assets/media/triage_modes.py", "разрешил\\w*\\s+(?:\\w+\\s+)?(?:провести|собраться|выйти|митинговать|пикетировать)|",
     "разрешил\\w*\\s+(?:\\w+\\s+)?провести|", T),
    (S, '|"\n                           r"(?:требу\\w*|потребова\\w*|призыва\\w*|призва\\w*|просят|просил\\w*)\\s+(?:от\\s+|к\\s+)?депутат\\w*"\n'
        '                           r"(?:\\s+(?:мажилис|парламент|сенат|маслихат)\\w*)?", re.I)', '", re.I)', T),
    ("assets/media/detention_patterns.py", "|освобо\\w+|о\\s+судьбе|о\\s+местонахождении|\"\n    r\"отпустить)",
     "|освобо\\w+|\"\n    r\"отпустить)", T),
    ("assets/media/numbers_kk.py", '            out.append((m.start(), m.end(), KK_TENS[m.group(1).lower()], "about"))',
     '            out.append((m.start(), m.end(), KK_TENS[m.group(1).lower()], None))', T),
    ("assets/media/numbers_kk.py", "    for m in KK_FUSED_ABOUT_RE.finditer(text):", "    for m in []:", T),
    ("assets/media/crowd_reports.py", " or _PERIOD_TALLY_BEFORE_RE.search(before):", ":", T),
    ("assets/media/crowd.py", 'r"не\\s+получил[иа]?\\s+(?:[\\w-]+\\s+)?(?:заработн|зарплат)|(?:заработн\\w+\\s+плат\\w*|зарплат\\w*)\\s+не\\s+получил[иа]?\\b|"',
     "", T),
    ("assets/media/crowd.py", 'r"жұмыс\\s+істей(?:ді|тін)|студент\\w*\\s+қабылда|помещен\\w*\\s+(?:\\w+\\s+)?в\\s+лагер|интернир|депортир|"',
     'r"студент\\w*\\s+қабылда|помещен\\w*\\s+(?:\\w+\\s+)?в\\s+лагер|интернир|депортир|"', T),
    ("assets/media/numbers.py", "|\\d+\\s*(?:%|процент)|(?<=[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]-)\\d+\\b\", text):",
     "|\\d+\\s*(?:%|процент)\", text):", T),
    ("assets/media/participants.py", "                        and not is_vague(q.text):",
     "                        and True:", T),
    ("assets/media/participants.py", '|жұмысты\\s+тоқтат|жұмысқа\\s+шықпа|(?:прекратил|остановил)\\w*\\s+работу", re.I)',
     '", re.I)', T),
    ("assets/media/places.py", '                        r"\\b(?:Жоғарғы\\s+сот|Мәжіліс|Парламент|Үкімет\\s+үйі|Бас\\s+прокуратура)\\w*\\s+(?:ғимарат\\w*\\s+)?"',
     '                        r"\\b(?:XX)\\w*\\s+(?:ғимарат\\w*\\s+)?"', T),
    ("assets/media/places.py", '(?:Верховн\\w+\\s+суд|Мажилис|', "(?:XX|", T),
    ("assets/media/places.py", "|семейлік\\w*|семейск(?:ий|ая|ое|ие|их|ого|ому|ой|им|ими|ую|ом)\"),", "|семейлік\\w*\"),", T),
    ("assets/media/forms.py", "            if (KK_PLACARD_FORM_RE.search(s.text) or triage_in_person.BANNER_RE.search(s.text)) and not _own_strike(anchor.text):",
     "            if False:", T),
    ("assets/media/forms.py", "        after = [x for x in search if x.index == anchor.index + 1 and x is not title_s][:1]",
     "        after = []", T),
    (C, "|вышл\\w*\\s+(?:[\\w-]+\\s+)?на\\s+(трасс|автотрасс)|", "|", T),
    (C, "|вышл\\w*\\s+(?:[\\w-]+\\s+)?на\\s+(трасс|автотрасс)|", "|вышл\\w*\\s+(?:[\\w-]+\\s+)?на\\s+(трасс|автотрасс|автодорог)|", T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
