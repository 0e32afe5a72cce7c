#!/usr/bin/env python
"""An eleventh, short batch of hand mutants (issue 14; the second session of 3 December, named s17): one or two per
change of that session - the report's words for a figure fallen to zero and for a fall in English, the categories of
no assembly left out of the lists, the peak without a comparison, and an erasure killed between its commit and the
inbox's renames settled by the next run or the next erasure; the review import's added columns and .ods, and an
article changed after its decision asked again. Same mechanism and output as the earlier batches
(scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s17.py              # all
    .venv/bin/python scripts/mutate_by_hand_s17.py --check                  # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s17.py --dups                   # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

NEW = "tests/test_report_zero_sentences.py"
SEN = ["tests/test_report_zero_sentences.py", "tests/test_report_sentences_values.py", "tests/test_mutants_i14s.py"]
ERA = ["tests/test_erasure_safety.py"]
LOOP = ["tests/media/test_review_loop.py"]
REV = ["tests/media/test_review_hostile.py"]

MUTANTS = [
    ("assets/report/fmt.py", "    if ratio == 0:  # fallen to nothing", "    if ratio == -1:  # fallen to nothing", SEN),
    ("assets/report/fmt.py", "if less and inverse is not None and inverse >= 2 and lang == \"ru\":", "if less and inverse is not None and inverse >= 2:", SEN),
    ("assets/report/sentences.py", "        if not n:  # a character no assembly had", "        if n is None:  # a character no assembly had", SEN),
    ("assets/report/sentences.py", "    items = [t for t in items if t[1]]", "    items = [t for t in items if t[1] is not None]", SEN),
    ("assets/report/sentences.py", "        elif p_prev and not n_cur:", "        elif False:", SEN),
    ("assets/report/sentences.py", "        elif prev and not idx and b.v(\"3\", \"total\", \"activity_index\", prev):", "        elif False:", SEN),
    ("assets/report/sentences.py", "            if c:\n                parts.append(f\"Наибольшее", "            if True:\n                parts.append(f\"Наибольшее", SEN),
    ("assets/report/sentences.py", "elif peak != prev and (c := cmp(\"3\", \"total\", \"activity_index\", peak)):", "elif peak != prev:\n                c = cmp(\"3\", \"total\", \"activity_index\", peak)", SEN),
    ("assets/report/sentences.py", "c = cmp(\"2\", \"total\", \"count\", prev)  #", "c = cmp(\"2\", \"total\", \"count\", prev, \"count\")  #", SEN),
    ("assets/report/sentences.py", "c = cmp(\"18\", \"total\", \"participants\", prev)", "c = cmp(\"18\", \"total\", \"participants\", prev, \"count\")", SEN),
    ("assets/validate/erasure_resume.py", "        if committed:", "        if not committed:", ERA),
    ("assets/validate/erasure_resume.py", "            os.replace(tmp, src)", "            tmp.unlink()", ERA),
    ("sql/erasure/archived_copy_count.sql", "source_file = $source_file AND sha256 = $sha256", "source_file = $source_file", ERA),
    ("assets/ingest/assets.py", "for line in finish_interrupted(con, settings.inbox_dir(), settings.cards_inbox(period)):", "for line in []:", ERA),
    ("assets/validate/erasure.py", "    finish_interrupted(con, inbox or settings.inbox_dir())  #", "    pass  #", ERA),
    ("assets/media/pipeline.py", "                if diff:  # its articles say something else now", "                if False:  # its articles say something else now", LOOP),
    ("assets/media/pipeline.py", "snap = kept if same and kept is not None else extracted.get(d.candidate_id)", "snap = extracted.get(d.candidate_id)", LOOP),
    ("assets/media/pipeline.py", "            if d is not None and not review_changes.changes(_fields(d).get(review_changes.KEY), c):", "            if False:", LOOP),
    ("sql/media/candidates_queued.sql", "WHERE status IN ('queued', 'changed')", "WHERE status IN ('queued')", LOOP),
    ("assets/media/review_changes.py", "(low, high) != (best, best)", "(low, high) == (best, best)", LOOP),
    ("assets/media/review_sheets.py", "            if col not in read_cols and v not in (None, \"\") and str(v).strip():", "            if False:", REV),
    ("assets/media/review_sheets.py", "    if isinstance(v, float) and v.is_integer() and abs(v) < 2 ** 53:", "    if False:", REV),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
