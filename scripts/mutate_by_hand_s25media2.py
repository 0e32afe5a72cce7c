#!/usr/bin/env python
"""A twenty-second batch of hand mutants (issue 14; session 25, 4 December): the media extractor's changes of a432e8c
(docs/media-accuracy.md, "Session 25"), each new regex alternative dropped or loosened, each new guard removed or inverted: a
crowd brought into the street and its verb in a count's clause and a headline, people who gathered and appealed, the
Kazakh «бейнеөтініш», a banner hung place first or «вывешивания баннера», a placard's words no mode, «намеренный», a
feast told before, «Почему … не вышли»; a readiness to act, «отказ по митингу», Kazakh punishment and «өткізер
алдында»; the quick pass's additions; the fields: the shadowed PERSON_NOUN_AFTER_RE, a headline-only event's anchor, the
surname reading, a day before the subject, one named with several others, cities by epithet, forms with no form word
(RALLY_LIKE_RE, KK_PLACARD_FORM_RE, a banner hung, the lead's `near` and `after` sentences), the speaker after a quote.
Same mechanism and output as the earlier batches (scripts/mutants_common.py); judged by
tests/media/test_session25_classes.py (~2 s a mutant).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s25media2.py          # all
    .venv/bin/python scripts/mutate_by_hand_s25media2.py --check              # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s25media2.py --dups               # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

NEW = "tests/media/test_session25_classes.py"
T = [NEW]
IP, MO, SE = "assets/media/triage_in_person.py", "assets/media/triage_modes.py", "assets/media/triage_sentence.py"
TR, CR, FO = "assets/media/triage.py", "assets/media/crowd.py", "assets/media/forms.py"
PL, EC = "assets/media/places.py", "assets/media/event_city.py"

MUTANTS = [
    # ---- triage, assemblies (triage_in_person)
    (IP, r'r"(?:\d+|ондаған|жүздеген|мыңдаған)\s+(?:[\w-]+\s+)?(?:адам|тұрғын)\w*\s+(?:[\w-]+\s+)?(?:көшеге|алаңға)\s+шығарды")',
     r'r"XX")', T),
    (IP, r'r"(?:" + _CROWD + r"|людей|жител\w*|горожан|граждан|рабоч\w*)|"', r'r"\w+|"', T),
    (IP, r'(?:попросили|обратились|потребовали|записали)")', r'\w+")', T),
    (IP, r' + r"|на\s+(?:[\w-]+\s+)?" + _PUBLIC_PLACE' + '\n' + r'                       + r"[^.!?]{0,60}?\b" + _BANNER + r")|"',
     r' + r")|"', T),
    (IP, r'r"\bвывешивани\w*\s+(?:[\w-]+\s+)?" + _BANNER + r"\w*\s+(?:[\w-]+\s+){0,2}?(?:в\s+поддержку|против|с\s+требовани)")',
     r'r"\bвывешивани\w*\s+(?:[\w-]+\s+)?" + _BANNER + r"\w*")', T),
    # ---- a placard's words, «намеренный», a feast told before, «Почему … не вышли» (triage_sentence, triage_modes, triage)
    (SE, 'if "«" in raw and SLOGAN_CUE_RE.search(low) else raw', 'if "«" in raw else raw', T),
    (SE, 'SLOGAN_QUOTE_RE = re.compile(r"«[^«»]*(?:«[^«»]*»[^«»]*)*»")', 'SLOGAN_QUOTE_RE = re.compile(r"«[^«»]*»")', T),
    (SE, "_negatives(lem if neg_raw == raw else set(lemmas(neg_raw)), neg_raw, published)", "_negatives(lem, neg_raw, published)", T),
    (MO, r"намерен(?:[аоы]|и[еяий]|ием|иях?)?\b", r"намерен(?:[ао]|и[еяий]|ием|иях?)?\b", T),
    (TR, ' - told_before if i < len(sents))', ' if i < len(sents))', T),
    (TR, 'any("celebration" in v.negatives and v.index not in told_before for v in verdicts)',
     'any("celebration" in v.negatives for v in verdicts)', T),
    (MO, r"^\s*почему\b(?![^.?!]*\b[а-яё]{3,}(?:ли|лись)\b)", r"^\s*почему\b(?![^.?!]*\b[а-яё]{3,}ли\b)", T),
    # ---- no assembly here and now (triage_modes)
    (MO, r'r"\bготов[аы]?\s+(?:[\w-]+\s+){0,3}?(?:выйти|выходить|перекрыть|объявить|провести|устроить|начать|пойти)\b|"',
     r'r"(?!x)x|"', T),
    (MO, r"\bготов[аы]?\s+(?:[\w-]+\s+){0,3}?(?:выйти|выходить|перекрыть|объявить|провести|устроить|начать|пойти)\b",
     r"\bготов[аы]?\s+(?:[\w-]+\s+){0,3}?(?:выйти|выходить)\b", T),
    (MO, r"\bотказ\w*\s+(?:по|в)\s+(?:[\w-]+\s+)?(?:митинг|пикет|шестви|марш)|", r"\bотказ\w*\s+(?:по|в)\s+(?:[\w-]+\s+)?\w+|", T),
    (MO, r'r"(?:шыққан|өткізген|қатысқан|ұйымдастырған)[ыі]\s+үшін|\bжаза\s+(?:кес|тағайында)", re.I)',
     r'r"(?:шыққан|өткізген|қатысқан|ұйымдастырған)[ыі]\s+үшін", re.I)', T),
    # ---- the quick pass's additions (triage.QUICK_RE)
    (TR, r'r"бейне\s?өтініш|көшеге\s+шығарды|', r'r"көшеге\s+шығарды|', T),
    (TR, r'|көшеге\s+шығарды|вывел\w*', r'|вывел\w*', T),
    (TR, r'|вывешивани|собрал(?:ись|ось)', r'|собрал(?:ись|ось)', T),
    (TR, r'|собрал(?:ись|ось)\s+и\s+(?:\w+\s+)?(?:попросили|обратились|потребовали)|"', r'|"', T),
    # ---- fields: counts and the single participant
    (CR, r"собра|собир|вышл|вывел[аио]?\b|выход|", r"собра|собир|вышл|выход|", T),
    ("assets/media/participants.py", r"\b(?:вышл|вышел|вышла|вывел|собрал|", r"\b(?:вышл|вышел|вышла|собрал|", T),
    ("assets/media/extract.py", "headline_only = not anchors and title_s is not None and 0 in tri.event_sentences",
     "headline_only = not anchors and title_s is not None", T),
    (CR, r'MONTH_AFTER_RE = re.compile(r"\s+" + dates.RU_MONTH_RE + r"\b", re.I)',
     r'MONTH_AFTER_RE = re.compile(r"\s+[а-яё]", re.I)', T),
    (CR, '        if w[:1].islower() and {"Name", "Surn", "Patr"} & p.tag.grammemes:', '        if {"Name", "Surn", "Patr"} & p.tag.grammemes:', T),
    (CR, r'r"бастующие|голодающие|сторонники|горожане|сельчане)\b|"', r'r"бастующие|голодающие|сторонники|горожане|сельчане)\b|XX"', T),
    (CR, r'r"\b(?:и|с)\s+(?:ещ[её]\s+)?нескольк\w+\s+(?:другими?\s+)?', r'r"\b(?:и|с)\s+(?:ещ[её]\s+)?\w+\s+(?:другими?\s+)?', T),
    # ---- fields: cities by epithet (places, event_city)
    (PL, r'r"крупнейш\w+\s+город\w*\s+(?:Казахстана|страны|республики)|южн', r'r"крупнейш\w+\s+город\w*|южн', T),
    (EC, "(places.epithet_hits(title_s.text) if title_s is not None and not title_keys else [])", "[]", T),
    (EC, "    if not hs and not additive and not NEAR_CAPITAL_RE.search(anchor.text):\n        # the capital named as such",
     "    if not hs and not additive and not (NEAR_CAPITAL_RE.search(anchor.text) and places.capital_mentioned(anchor.text)):\n"
     "        # the capital named as such", T),  # (the epithets without the guard "near the capital")
    # ---- fields: forms with no form word (forms)
    (FO, r'|"' + '\n' + r'                                r"қолында\w*\s+(?:[^.!?]{0,120}?)плакат\w*\s+(?:бар|болды)", re.I)', '", re.I)', T),
    (FO, r'KK_PLACARD_FORM_RE = re.compile(r"(?:плакат|баннер|транспарант)\w*', r'KK_PLACARD_FORM_RE = re.compile(r"плакат\w*', T),
    (FO, r'(?:скандир\w*|\bкричал[аи]?\b|выкрикивал\w*)|', r'(?:скандир\w*)|', T),
    (FO, r'(?:вышл\w*|вывел\w*|вышел)\s+(?:[\w-]+\s+){0,3}?на\s+улиц|', r'(?:вышл\w*|вывел\w*|вышел)\s+(?:[\w-]+\s+){0,3}?на\s+\w+|', T),
    (FO, "        near = [x for x in search[1:4] if x is not title_s and x not in after and x.index > anchor.index]\n",
     "        near = []\n", T),
    (FO, "        for s in [anchor] + ([title_s] if title_s is not None else []) + after:\n",
     "        for s in [anchor] + ([title_s] if title_s is not None else []):\n", T),
    (FO, "or triage_in_person.BANNER_RE.search(s.text)) and not _own_strike(anchor.text):", ") and not _own_strike(anchor.text):", T),
    # ---- the sentence splitter (text)
    ("assets/media/text.py", r"|[\-–—](?!\s*[а-яёәғқңөұүһі]))", r"|[\-–—])", T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
