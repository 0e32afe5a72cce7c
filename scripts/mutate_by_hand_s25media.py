#!/usr/bin/env python
"""A twenty-second batch of hand mutants (issue 14; session 25, 4 December): one per class written that session on the
media extractor from `fresh8`'s misses and from probes of the engineer's own (a crowd brought into the street, people who
gathered to appeal, the Kazakh video petition, a banner hung, a placard's quoted words, «намеренный», a feast told years
before, «Почему …», a readiness to act, a refusal come, Kazakh punishment and «before holding»; the shadowed pattern, the
headline-only anchor, the surname reading, a day before the subject, one named with several others, cities by epithet,
forms with no form word, the speaker after a quote, the sick with an adjective, residents at the regional akimat). Same
mechanism and output as the earlier batches (scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s25media.py          # all
    .venv/bin/python scripts/mutate_by_hand_s25media.py --check              # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s25media.py --dups               # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

NEW = "tests/media/test_session25_classes.py"
T = [NEW]
P, M, S = "assets/media/triage_in_person.py", "assets/media/triage_modes.py", "assets/media/triage_sentence.py"

MUTANTS = [
    # triage: assemblies
    (P, '    (("вывел", "вывело", "шығарды"), (BROUGHT_OUT_RE,), "brought out into the street"),\n', "", T),
    (P, r'(?:көшеге|алаңға)\s+шығарды")', r'(?:көшеге|алаңға)\s+XX")', T),
    (P, '    (("собрались и", "собралось и"), (GATHERED_TO_APPEAL_RE,), "gathered to appeal"),\n', "", T),
    (P, '(?:бейне|видео)\\s?(?:үндеу|өтініш)\\w*\\s+"', '(?:бейне|видео)\\s?үндеу\\w*\\s+"', T),
    (P, '+ r"\\w*[^.!?]{0,100}?\\bна\\s+(?:[\\w-]+\\s+)?" + _PUBLIC_PLACE + r"|на\\s+(?:[\\w-]+\\s+)?" + _PUBLIC_PLACE',
     '+ r"\\w*[^.!?]{0,100}?\\bна\\s+(?:[\\w-]+\\s+)?" + _PUBLIC_PLACE + r"|XX\\s+(?:[\\w-]+\\s+)?" + _PUBLIC_PLACE', T),
    (P, r'(?:в\s+поддержку|против|с\s+требовани)")', r'(?:с\s+требовани)")', T),
    (S, '    neg_raw = SLOGAN_QUOTE_RE.sub(" ", raw) if "«" in raw and SLOGAN_CUE_RE.search(low) else raw', "    neg_raw = raw", T),
    (M, r'намерен(?:[аоы]|и[еяий]|ием|иях?)?\b|', r'намерен\w*|', T),
    ("assets/media/triage.py", '    told_before = {v.index for v in verdicts if "background" in v.negatives} | background_indices(sents[:2])',
     '    told_before = set()', T),
    (M, r'^\s*почему\b(?![^.?!]*\b[а-яё]{3,}(?:ли|лись)\b)|', r'^\s*почему\b|', T),
    # triage: no assembly
    (M, r'    r"\bготов[аы]?\s+(?:[\w-]+\s+){0,3}?(?:выйти|выходить|перекрыть|объявить|провести|устроить|начать|пойти)\b|"',
     r'    r"\bготов[аы]?\s+(?:[\w-]+\s+){0,3}?(?:объявить|провести|устроить|начать|пойти)\b|"', T),
    (M, r'\bотказ\w*\s+(?:по|в)\s+(?:[\w-]+\s+)?(?:митинг|пикет|шестви|марш)|', "", T),
    (M, r'                        r"(?:шыққан|өткізген|қатысқан|ұйымдастырған)[ыі]\s+үшін|\bжаза\s+(?:кес|тағайында)", re.I)',
     r'                        r"\bжаза\s+(?:кес|тағайында)", re.I)', T),
    (M, r'жоспарла|(?:өткізер|шығар|бастар)\s+алдында|"', r'жоспарла|"', T),
    # fields
    ("assets/media/count_context.py", "    if PLACE_NAME_BEFORE_RE.search(before) and not PERSON_NOUN_AFTER_RE.match(after):",
     "    if PLACE_NAME_BEFORE_RE.search(before) and not CROWD_NOUN_AFTER_RE.match(after):", T),
    ("assets/media/extract.py", "    headline_only = not anchors and title_s is not None and 0 in tri.event_sentences",
     "    headline_only = False", T),
    ("assets/media/crowd.py", '        if w[:1].islower() and {"Name", "Surn", "Patr"} & p.tag.grammemes:', "        if False:", T),
    ("assets/media/crowd.py", "            if MONTH_AFTER_RE.match(rest[:12]):", "            if False:", T),
    ("assets/media/crowd.py", r'                             r"\b(?:и|с)\s+(?:ещ[её]\s+)?нескольк\w+\s+',
     r'                             r"\b(?:и|с)\s+(?:ещ[её]\s+)?XX\w+\s+', T),
    ("assets/media/places.py", r'EPITHETS = (("almaty", re.compile(r"крупнейш\w+\s+город\w*\s+(?:Казахстана|страны|республики)|южн\w+\s+столиц|"',
     r'EPITHETS = (("almaty", re.compile(r"южн\w+\s+столиц|"', T),
    ("assets/media/event_city.py", "            hs = places.epithet_hits(anchor.text) or (", "            hs = [] or (", T),
    ("assets/media/forms.py", r'RALLY_LIKE_RE = re.compile(r"(?:вышл\w*|вывел\w*|вышел)\s+(?:[\w-]+\s+){0,3}?на\s+улиц|(?<!не\s)(?:скандир\w*|',
     r'RALLY_LIKE_RE = re.compile(r"(?<!не\s)(?:скандир\w*|', T),
    ("assets/media/forms.py", r'                           r"ұрандат|\bакци\w*\s+(?:[\w-]+\s+){0,4}?(?:проходит|прошла|состоялась)\s+на\s+(?:[\w-]+\s+)?площад", re.I)',
     r'                           r"ұрандат", re.I)', T),
    ("assets/media/forms.py", "        for s in [anchor] + ([title_s] if title_s is not None else []) + after + near:",
     "        for s in [anchor] + ([title_s] if title_s is not None else []) + after:", T),
    ("assets/media/forms.py", "            if (KK_PLACARD_FORM_RE.search(s.text) or triage_in_person.BANNER_RE.search(s.text)) and not _own_strike(anchor.text):",
     "            if KK_PLACARD_FORM_RE.search(s.text) and not _own_strike(anchor.text):", T),
    ("assets/media/forms.py", r'KK_PLACARD_FORM_RE = re.compile(r"(?:плакат|баннер|транспарант)\w*\s+',
     r'KK_PLACARD_FORM_RE = re.compile(r"(?:плакат)\w*\s+', T),
    ("assets/media/text.py", r'[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9•]|[\-–—](?!\s*[а-яёәғқңөұүһі]))")', r'[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9•\-–—])")', T),
    ("assets/media/event_city.py", "    elif not additive and not place_hits(anchor.text):", "    elif not additive and not places.find_cities(anchor.text):", T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
