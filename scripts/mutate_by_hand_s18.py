#!/usr/bin/env python
"""A twelfth, short batch of hand mutants (issue 14; session 18, 3-4 December): one or two per class written that
session on the media extractor's triage and detentions (the past read before an imperative, the headline's form and
the police's detentions as a gathering's cue, the quick pass's new words, taking part and a crowd gathered, the work
stoppage over pay and the video complaint, one person named by a role, the Kazakh named subject and count, the
lower-case foreign demonyms). Same mechanism and output as the earlier batches (scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s18.py              # all
    .venv/bin/python scripts/mutate_by_hand_s18.py --check                  # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s18.py --dups                   # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

NEW = "tests/media/test_session18_classes.py"
T = [NEW]

S30 = ["tests/media/test_session30_classes.py"]  # (session 30: probes of mutants its classes made survive)
S31 = ["tests/media/test_session31_classes.py"]  # (session 31: the same)
MUTANTS = [
    ("assets/media/text.py", '    if len(ps) > 1 and "impr" in ps[0].tag:', "    if False:", T),
    ("assets/media/text.py", 'if p.score == ps[0].score and "indc" in p.tag), None)', 'if "indc" in p.tag and p.score > ps[0].score), None)', T),
    ("assets/media/triage.py", "title_form_here = title_form and v.index <= 2 and bool(AT_BUILDING_RE.search(sents[v.index].text))",
     "title_form_here = title_form and v.index <= 2", T),
    ("assets/media/triage.py", "    title_form = bool(title_lemmas & FORM_LEMMAS)", "    title_form = bool(title_lemmas & set())", T),
    ("assets/media/triage.py", "if _detained_of_gathering(sents[w.index].text))", "if DETAIN_RE.search(sents[w.index].text))", T),
    ("assets/media/triage.py", "        and not _CRIME_RE.search(text)", "        and True", T),
    ("assets/media/triage.py", 'r"ночь\\s+в\\s+(?:здани|акимат)|', 'r"ночь\\s+в\\s+(?:зданиX|акиматX)|', T),
    ("assets/media/triage.py", "or detained_after or wage_strike or own_cue or any(", "or detained_after or own_cue or any(", T + S31),
    ("assets/media/triage_sentence.py", '                and TOOK_PART_RE.search(low):', "                and True:", T),
    ("assets/media/triage_sentence.py", "    if FORM_GATHERED_RE.search(low) or HELD_PARTICIPLE_RE.search(low) or (",
     "    if HELD_PARTICIPLE_RE.search(low) or (", T),
    ("assets/media/triage_sentence.py", r'r"\bпожаловал\w*|\bпожаловавшись\b|\bжалуются\b", re.I)', r'r"\bжалуются\b", re.I)', T + S30),
    ("assets/media/triage_cues.py", r'r"не\s+(?:вышл\w+|выходят|выходили)\s+(?:(?:с\s+)?утр(?:ом|а)\s+|сегодня\s+)?на\s+(?:смену|линию|маршрут\w*)|"', 'r"не\\s+вышлиX|"', T),
    ("assets/media/triage_cues.py", r'r"низк\w+\s+(?:зарплат|заработн)|', 'r"низкX|', T),
    ("assets/media/triage_cues.py", r'KK_FRONT_RE = re.compile(r"алдын[ад]а?\s+(?:[\w-]+\s+){0,4}?" + _KK_GATHERED',
     r'KK_FRONT_RE = re.compile(r"алдын[ад]а?\s+" + _KK_GATHERED', T),
    ("assets/media/detention_counts.py", '        if i == 0 and len(items) >= 2 and re.match(r"ещ[её]\\b", items[1], re.I) and _one_person(item):',
     "        if False:", T),
    ("assets/media/detention_counts.py", "    return _apposition(words[0])\n", "    return False\n", T),
    ("assets/media/detention_counts.py", "t[:m.start()]) if len(tokens(t[:m.start()])) <= 5 else None", "t[:m.start()]) if False else None", T),
    ("assets/media/detention_counts.py", "препроводил[аи]?)(?:\\s+|(?=[.,;!?]|$))", "препроводил[аи]?)\\s+", T),
    ("assets/media/detention_patterns.py", r'r"(?:скрутил|увел[аи]|увезл[аи]|забрал[аи]?|уволокл', r'r"(?:скрутил|увел[аи]|увезл[аи]|уволокл', T),
    ("assets/media/detention_patterns.py", "(?:(?!мен\\b|пен\\b|бен\\b|және\\b)[\\w-]+\\s+){{0,3}}?", "(?:[\\w-]+\\s+){{0,3}}?", T),
    ("assets/media/detention_figure.py", "or KK_ONE_NAMED_RE.search(t) or one_passive(t)):", "or one_passive(t)):", T),
    ("assets/media/triage_abroad.py", '                                r"(?-i:(?<![\\w-])(?:ярославц|', '                                r"(?:(?<![\\w-])(?:ярославц|', T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
