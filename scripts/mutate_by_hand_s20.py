#!/usr/bin/env python
"""A fourteenth, short batch of hand mutants (issue 14; session 20, 4 December): one or two per class written that
session on the media extractor (employees are no scale word, plain-clothes police, Kazakh holding a sign, counts that
are no crowd's, a detention of a named month and year, a newspaper's name, a square named after a city, the art
performance and the rally on a holiday, any country in the locative, a Russian region's government, a foreign site's
local report). Same mechanism and output as the earlier batches (scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s20.py              # all
    .venv/bin/python scripts/mutate_by_hand_s20.py --check                  # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s20.py --dups                   # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

NEW = "tests/media/test_session20_classes.py"
T = [NEW]

MUTANTS = [
    ("assets/media/counts.py", 'if re.fullmatch(r"тысяч\\w*|сотн\\w*|сотен|десят(?:ок|к\\w*)", w.lower()):',
     'if re.fullmatch(r"тысяч\\w*|сот\\w*|десят\\w*", w.lower()):', T),
    ("assets/media/numbers.py", 'rmult = re.match(r"\\s+(тысяч\\w*|тыс\\.|сотн\\w*|сотен)", after)',
     'rmult = re.match(r"\\s+(тысяч\\w*|тыс\\.|сот\\w*)", after)', T),
    ("assets/media/numbers.py", 're.match(r"\\s+(?:десят(?:ок|к)|сотн|сотен|тысяч)", after)',
     're.match(r"\\s+(?:десят|сот|тысяч)", after)', T),
    ("assets/media/counts.py", 'r"в\\s+(?:штатск|форм|маск|камуфляж))"', 'r"в\\s+(?:форм|маск|камуфляж))"', T),
    ("assets/media/counts.py", "|увд|мвд|кнб|спецслужб|", "|увд|мвд|спецслужб|", T),
    ("assets/media/detention_verbs.py", 'KK_NOT_HELD = "".join(f"(?<!{w} )" for w in _HELD)', 'KK_NOT_HELD = ""', T),
    ("assets/media/count_context.py", 'r"ұстал|" + KK_NOT_HELD + r"ұста(?:[дп]|ған)|', 'r"ұстал|ұста(?:[дп]|ған)|', T),  # (line of session 32)
    ("assets/media/detention_patterns.py", '(?:[\\w-]+\\s+){0,4}?" + KK_NOT_HELD + r"ұстад|', '(?:[\\w-]+\\s+){0,4}?ұстад|', T),
    ("assets/media/crowd.py", "қаза\\s+та[пб]|", "қаза\\s+тап|", T),
    ("assets/media/counts.py", "|бала(?:ны|лар\\w*|ға|ның|сы|лы)?\\b|", "|", T),
    ("assets/media/count_not_crowd.py", "|трудоустро\\w+|устроил\\w*|", "|", T),
    ("assets/media/count_not_crowd.py", 'r"(?:взыскани|наказани|выговор|штраф)\\w*\\s+(?:[\\w-]+\\s+){0,6}?на)',
     'r"(?:взыскани|наказани|выговор|штраф)\\w*\\s+(?:[\\w-]+\\s+){0,1}?на)', T),
    ("assets/media/numbers_words.py", 'return bool(re.fullmatch(r"одн(?:ом|ой|ою)", tok, re.I) and',
     'return bool(re.fullmatch(r"одн(?:ой|ою)", tok, re.I) and', T),
    ("assets/media/detentions.py", "if s is not anchor and anchor and not (ev.date or ev.published) and dated_apart(t, anchor.text):",
     "if s is not anchor and anchor and not (ev.date or ev.published) and False:", T),
    ("assets/media/detention_patterns.py", "return bool(MONTH_YEAR_RE.search(text)) and not YEAR_RE.search(anchor_text)",
     "return bool(MONTH_YEAR_RE.search(text)) and not YEAR_RE.search(text)", T),
    ("assets/media/places.py", "        if key and in_outlet_name(text, m.start(), m.end()):", "        if False:", T),
    ("assets/media/places.py", 'OUTLET_WORD_RE = re.compile(r"недел|', 'OUTLET_WORD_RE = re.compile(r"', T),
    ("assets/media/places.py", "            if not in_outlet_name(text, m.start(), m.end()):  # (session 20)",
     "            if True:  # (session 20)", T),
    ("assets/media/places.py", "if (STREET_BEFORE_RE.search(before) and _nominative(hit.text)) or STREET_AFTER_RE.match(after):",
     "if STREET_BEFORE_RE.search(before) or STREET_AFTER_RE.match(after):", T),
    ("assets/media/places.py", 'return bool(ps) and "nomn" in ps[0].tag and "Fixd" not in ps[0].tag',
     'return bool(ps) and "nomn" in ps[0].tag', T),
    ("assets/media/places.py", 'STREET_AFTER_RE = re.compile(r"^\\s*(?:алаңы|даңғылы|көшесі|',
     'STREET_AFTER_RE = re.compile(r"^\\s*(?:алаң|даңғылы|көшесі|', T),
    ("assets/media/triage_cues.py", 'r"перформанс\\w*\\s+(?:\\w+\\s+)?қой(?:ды|ылды|ып)", re.I)', 'r"XX", re.I)', T),
    ("assets/media/triage_sentence.py", "and not KK_DEMAND_RE.search(raw) and not AGAINST_POWER_RE.search(raw):",
     "and not KK_DEMAND_RE.search(raw):", T),
    ("assets/media/triage_not_events.py", '|наразы|талап|қарсы")', '|наразы|талап")', T),
    ("assets/media/triage_abroad.py", "                           world_places.countries(cleaned),", "", T),
    ("assets/media/world_places.py", 'f = p.inflect({"loct"}) if p is not None else None', 'f = p.inflect({"gent"}) if p is not None else None', T),
    ("assets/media/world_places.py", 'if "-" in name or (len(words) == 1 and len(name) < 5):',
     'if "-" in name or (len(words) == 1 and len(name) < 4):', T),
    ("assets/media/triage_abroad.py", "r\"правительств\\w+\\s+(?:[\\w-]+\\s+)?област\\w*|", "r\"", T),
    ("assets/media/triage_abroad.py", "and not KZ_PATH_RE.search(path) \\\n", "\\\n", T),
    ("assets/media/triage_abroad.py", "|lv|lt|ee|pl|eu)$", "|lv|lt|ee|pl)$", T),
    ("assets/media/triage_abroad.py", "return bool(FOREIGN_TLD_RE.search(host) or WORLD_PATH_RE.search(path))", "return bool(FOREIGN_TLD_RE.search(host))", T),
    ("assets/media/triage_abroad.py", "or places.find_demonyms(unquoted) or", "or places.find_demonyms(full) or", T),
    ("assets/media/triage.py", 'r"(?<!\\w)(?:дважды|трижды|четырежды|неоднократно|', 'r"(?<!\\w)(?:дважды|четырежды|неоднократно|', T),
    ("assets/media/triage.py", "    if not res.is_assembly or not triage_abroad.foreign_site(url, f\"{title}\\n{text}\"):",
     "    if True:", T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
