#!/usr/bin/env python
"""A batch of hand mutants of session 26's media classes (issue 14; 4 December): one per class written that session on
the media extractor from `fresh9`'s misses, with probes of the engineer's own (an official who came to or negotiated
with strikers, a work refusal at the workplace with a raise asked for beside it, a camp set up, the Kazakh passive of
holding, a Kazakh tally, a Kazakh fine, custody extended, what a riot does, an official who is no lone participant,
the city the police were brought from, a city named only in a plan). Same mechanism and output as the earlier batches
(scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s26media.py          # all
    .venv/bin/python scripts/mutate_by_hand_s26media.py --check              # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s26media.py --dups               # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

NEW = "tests/media/test_session26_classes.py"
T = [NEW]
S31 = ["tests/media/test_session31_classes.py"]  # (session 31: a probe of a mutant its classes made survive)
C, M, S = "assets/media/triage_cues.py", "assets/media/triage_modes.py", "assets/media/triage_sentence.py"
TR, EC, CR = "assets/media/triage.py", "assets/media/event_city.py", "assets/media/crowd.py"
DP, DC = "assets/media/detention_patterns.py", "assets/media/detention_counts.py"

MUTANTS = [
    # triage: assemblies
    (S, r'(?:встре\w*|переговор\w*|беседова\w*|побеседова\w*|поговори\w*)\s+с\s+', r'(?:встре\w*)\s+с\s+', T),
    (S, r'_CAME = r"(?:прибыл|приехал|пришел|пришёл|пришла|вышел|вышла|вышли|обратил)"',
     r'_CAME = r"(?:вышла|вышли|обратил)"', T),
    (C, r'r"отказ\w+\s+(?:\w+\s+)?(?:выходить|выйти)\s+на\s+(?:сво\w+\s+)?рабоч\w+\s+мест|"',
     r'r"отказ\w+\s+(?:\w+\s+)?(?:выходить|выйти)\s+на\s+XX\s+рабоч\w+\s+мест|"', T),
    (TR, "WAGE_GRIEVANCE_RE.search(sents[w.index].text) or PAY_RAISE_RE.search(sents[w.index].text) for w in near + [v])",
     "WAGE_GRIEVANCE_RE.search(sents[w.index].text) for w in near + [v])", T),
    (C, r'PAY_RAISE_RE = re.compile(r"(?:повышени|повысить|повыси|увеличени|увеличить|подня|подним)\w*\s+(?:[\w-]+\s+){0,2}?"',
     r'PAY_RAISE_RE = re.compile(r"(?:повысить|повыси|увеличить|подня|подним)\w*\s+(?:[\w-]+\s+){0,2}?"', T),
    (TR, r'r"выходить\s+на\s+(?:сво\w+\s+)?рабоч\w+\s+мест|', r'r"выходить\s+на\s+XX\s+рабоч\w+\s+мест|', T),
    (C, r'r"разби(?:ли|л|ть|вают)\s+(?:[\w-]+\s+)?лагерь", re.I)', r'r"разби(?:ли|л|ть|вают)\s+(?:[\w-]+\s+)?XX", re.I)', T),
    (S, 'r"лагерь|платформ|', 'r"платформ|', T),
    (C, "|өткізген|өткізілді|", "|өткізген|", T),
    # triage: no assembly
    (C, r'r"(?:бірнеше|талай|бірнеше\s+мәрте)\s+рет\s+', r'r"(?:талай|бірнеше\s+мәрте)\s+рет\s+', T),
    (M, r"айыппұл\s+сал|", r"айыппұл\s+салын|", T),
    (M, r'r"продл\w+\s+(?:[\w-]+\s+){0,2}?(?:арест|срок\w*\s+(?:[\w-]+\s+)?содержани)|мер\w+\s+пресечени|под\s+стражей", re.I)',
     r'r"продл\w+\s+(?:[\w-]+\s+){0,2}?(?:срок\w*\s+(?:[\w-]+\s+)?содержани)|под\s+стражей", re.I)', T),
    (S, "    if protesters_subject and finite and not RIOT_ACT_RE.search(low):", "    if protesters_subject and finite:", T + S31),
    (S, r'r"\b(?:разрушил|разгромил|подожгл|поджигал|сожгл|спалил|громил|разграбил|мародерствовал)\w*|"',
     r'r"\b(?:разгромил|поджигал|сожгл|спалил|громил|разграбил|мародерствовал)\w*|"', T),
    # fields
    (CR, '''                       "министр", "вице-министр", "замминистра", "замаким", "губернатор", "мэр", "премьер-министр",''',
     '''                       "министр", "замминистра", "замаким", "губернатор", "мэр", "премьер-министр",''', T),
    (EC, r'''r"сотрудник\w*\s+полиции|нацгвард)\w*\s+из|(?:стянул|стянут|переброс|переброш|прислал|"''',
     r'''r"сотрудник\w*\s+полиции|нацгвард)\w*\s+из|(?:XX|"''', T),
    (EC, r'''r"сотрудник\w*\s+полиции|нацгвард)\w*\s+из|''', r'''r"сотрудник\w*\s+полиции|нацгвард)\w*\s+XX|''', T),
    (EC, "                and triage_modes.sentence_mode(s.text) is None] or where) if city is None else []", "                ] or where) if city is None else []", T),
    # detentions (written from no article)
    (DP, r'r"\b(?:в|во)\s+(?:отделени[еяю]|участок|', r'r"\b(?:в|во)\s+(?:XX|участок|', T),
    (DP, r'r"\d+-" + KK_PART_SUFFIX + r"\s+(?:[\w-]+\s+){0,2}?ұста(?:д|ға|п)|"',
     r'r"\d+-XX" + KK_PART_SUFFIX + r"\s+(?:[\w-]+\s+){0,2}?ұста(?:д|ға|п)|"', T),
    (DC, r'\w*\s+(половин|трет|четверт)\w*(?=\s*[.,;!?]|\s*$)"', r'\w*\s+(XX)\w*(?=\s*[.,;!?]|\s*$)"', T),
    (DC, "    if ps and ps[0].normal_form in _NO_PERSON_NOUNS:\n", "    if False:\n", T),
    (DC, "    if ONE_OF_FIRST_RE.match(t[:m.start()]):\n", "    if False:\n", T),
    (DC, r'r"\b(?:в|по)\s+(?:всей\s+)?(?:стране|республике|казахстану)\b|\bел\s+бойынша\b", re.I)',
     r'r"\bел\s+бойынша\b", re.I)', T),
    ("assets/media/detention_totals.py", "((THEY_ALL_RE.search(t) or THEM_RE.search(t)) and index - 1 in fig_idx)", "(THEY_ALL_RE.search(t) and index - 1 in fig_idx)", T),
    # triage, written from no article
    (C, r'r"не\s+(?:вышл\w+|выходят|выходили)\s+на\s+работу|"', r'r"не\s+(?:вышл\w+)\s+на\s+работу|"', T),
    (C, r'r"(?:машин|автомобил)\w*\s+(?:[\w-]+\s+){0,3}?(?:проехал|проехали|колесил)\w*|"',
     r'r"(?:машин|автомобил)\w*\s+(?:[\w-]+\s+){0,3}?(?:XX)\w*|"', T),
    (C, r'r"\bсид(?:ят|ели|ит|ел[аи]?)\s+(?:[\w-]+\s+){0,3}?в\s+(?:при[её]мн|фойе|холл|коридор))", re.I)',
     r'r"\bсид(?:ят|ели|ит|ел[аи]?)\s+(?:[\w-]+\s+){0,3}?в\s+(?:фойе|холл|коридор))", re.I)', T),
    (C, r'r"отказ\w+\s+(?:\w+\s+)?(?:проводить|вести|давать)\s+(?:уроки|занятия|операции|при[её]м\b|лекции)|"',
     r'r"отказ\w+\s+(?:\w+\s+)?(?:проводить|вести|давать)\s+(?:занятия|операции|при[её]м\b|лекции)|"', T),
    (C, r'r"выстроил\w*\s+(?:[\w-]+\s+){0,2}?(?:машин|автомобил|грузовик|фур|трактор|автобус)", re.I)',
     r'r"выстроил\w*\s+(?:[\w-]+\s+){0,2}?(?:автомобил|грузовик|фур|трактор|автобус)", re.I)', T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
