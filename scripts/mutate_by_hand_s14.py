#!/usr/bin/env python
"""A tenth, short batch of hand mutants (issue 14; the session of 3 December, named s14): one or two per change of that
session - the Mac Cyrillic reading, the lost Kazakh letters, the dates and times a person types, the yes/no reader,
counts with their unit, the JSON cards-and-persons object, the total row and the repeated header, merged cells and
hidden rows, the sheet's row limit, `fmt.times` half up, the one model of a period's records. The first run (before
their last three tests) killed 20 of 23; after, 23 of 23, and the 24th (the blank lines' guard, added after) too (README, "Tests"). Same mechanism
and output as the earlier batches (scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s14.py              # all
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s14.py assets/ingest  # only files whose path contains this
    .venv/bin/python scripts/mutate_by_hand_s14.py --check                  # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s14.py --dups                   # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

NEW = "tests/test_bad_cells.py"

MUTANTS = [
    # (session 52: the two mutants of csvfile's Mac Cyrillic score went with it to core/cyrillic.py: mutate_by_hand_s52.py)
    ("assets/validate/coerce.py", "if f.type in (\"text\", \"city\") and _LOST_LETTER.search(text):", "if f.type in (\"text\",) and _LOST_LETTER.search(text):", ["tests/test_validation_values.py", "tests/test_bad_cells.py"]),
    ("assets/validate/coerce.py", "|[А-ЯЁ]\\?[А-ЯЁ]|", "|", ["tests/test_validation_values.py"]),
    ("assets/validate/coerce.py", "[\\s«\\\"'(])\\?[а-яё]{2}", "[\\s«\\\"'(])\\?[а-яё]{3}", ["tests/test_validation_values.py"]),
    ("core/dates.py", "bare = _YEAR_MARK.sub(\"\", s)", "bare = s", ["tests/test_one_place.py"]),
    ("core/dates.py", "names.index(name.lower()) + 1", "names.index(name.lower())", ["tests/test_one_place.py"]),
    ("core/typed.py", "s = word.group(1)", "pass", ["tests/test_one_place.py"]),
    ("core/dates.py", "if not _TIME_SHAPE.fullmatch(s):", "if False:", ["tests/test_bad_cells.py", "tests/test_mutants_i14l.py"]),
    ("assets/validate/coerce.py", "return parse_int(without_unit(f, v))", "return parse_int(v)", ["tests/test_validation_values.py"]),
    ("assets/validate/coerce.py", "s = _s(without_unit(f, v)) if f.type == \"int\" else _s(v)", "s = _s(v)", ["tests/test_validation_values.py"]),
    ("assets/ingest/readers.py", "if isinstance(obj, dict) and isinstance(obj.get(\"cards\"), list) and set(map(str, obj)) <= {\"cards\", \"persons\"}:", "if isinstance(obj, dict) and isinstance(obj.get(\"cards\"), list):", ["tests/test_bad_cells.py"]),
    ("assets/ingest/readers.py", "for j, p in enumerate(listed, start=1):", "for j, p in enumerate(listed[1:], start=1):", ["tests/test_bad_cells.py"]),
    ("assets/validate/validate.py", "if len(own_names) >= 3:", "if len(own_names) >= 4:", ["tests/test_bad_cells.py"]),
    ("assets/validate/validate.py", "ps = _not_a_card(rec[\"kind\"], ps) or ps", "pass", ["tests/test_bad_cells.py"]),
    ("assets/ingest/xlsxfile.py", "elif r1 < i <= r2 and", "elif r1 < i < r2 and", ["tests/test_bad_cells.py"]),
    ("assets/ingest/xlsxfile.py", "if i in hidden and any(", "if i in hidden and all(", ["tests/test_bad_cells.py"]),
    ("assets/ingest/xlsxfile.py", "if last > lim.xlsx_max_rows:", "if last >= lim.xlsx_max_rows:", ["tests/test_bad_cells.py"]),
    ("assets/ingest/xlsxfile.py", "if hidden:  # never read", "if False:  # never read", ["tests/test_bad_cells.py"]),
    ("assets/ingest/xlsxfile.py", "for part in (xml[-65536:], xml):", "for part in (xml[-65536:],):", ["tests/test_bad_cells.py", "tests/test_hostile_input.py"]),
    ("assets/report/fmt.py", "r = whole if abs(k - whole) < 0.15 else float(rounded(k, 1))", "r = whole if abs(k - whole) < 0.15 else round(k, 1)", ["tests/test_fmt_values.py"]),
    ("sql/checks/records_of_period.sql", "event_status <> 'refused') AS prevented", "event_status <> 'held') AS prevented", ["tests/test_mutants_i14zzz.py"]),
    ("assets/validate/columns.py", "_EXCEL_OR_LOST_RX = \"(?:\" + _EXCEL_ERROR_RX + \")|(?:\" + LOST_LETTER + \")\"", "_EXCEL_OR_LOST_RX = _EXCEL_ERROR_RX", ["tests/test_validation_values.py"]),
    ("assets/ingest/fastcsv.py", "    if n_lines > 2 * lim.max_records + 1:  # more lines than cards", "    if n_lines > 3 * lim.max_records + 1:  # more lines than cards", ["tests/test_bad_cells.py"]),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
