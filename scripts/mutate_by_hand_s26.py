#!/usr/bin/env python
"""A twenty-fifth batch of hand mutants (issue 14; asked of session 26, written in session 27): a reviewer's pass over
the report's generated sentences (assets/report/sentences.py: wrong numbers and counts, the period compared with
itself or named as the other, «больше/меньше» and the year-over-year wording, the plural and case of the nouns and
verbs agreed with a count, which share is compared) and fmt.py (a percent's decimals at 10 %, rounding on the number
as written, «на том же уровне», «в 2 раза», «каждое второе» at its bound, the verb after 21), and of the blocking
checks (assets/quality/: the check's severity, a failed period cached as passed, a share's upper bound, a column left
out of the not-null or uniqueness expectations, the sums' tolerance; schemas/figures.py's provenance and percent
range; sql/checks/figure_sums.sql's rows). Same mechanism and output as the earlier batches
(scripts/mutants_common.py); held against them with `--dups`.

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s26.py              # all
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s26.py assets/      # only files whose path contains this
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s26.py --without-new # the score before session 27's tests
    .venv/bin/python scripts/mutate_by_hand_s26.py --check                  # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s26.py --dups                   # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import CHK, FM, FS, GXE, GXO, GXS, SEN, batch_main, load_script

NEW = "tests/test_mutants_s27.py"
_m = load_script("mutate")
R = [NEW, "tests/test_report_reader_probe.py", *_m.REPORT_TESTS]
F = [NEW, "tests/test_report_reader_probe.py", *_m.FILE_TESTS[FM]]
C = [NEW, *_m.CHECK_TESTS]
SF = "schemas/figures.py"
SCHEMA = [NEW, *_m.FILE_TESTS[SF]]

MUTANTS = [
    # ---- the activity index: the highest of all periods said as the lowest
    (SEN, '"; это наивысшее значение за все периоды мониторинга"', '"; это наименьшее значение за все периоды мониторинга"', R),
    # ---- the previous period's figure named as this period's; the NGOs' share, participants, detentions compared with
    # this period itself
    (SEN, '            return f" ({fmt.period_in(period, L)} — {shown})"', '            return f" ({fmt.period_in(cur, L)} — {shown})"', R),
    (SEN, 'b.v("5", "ngo", "share_pct", prev) if prev else None, L)', 'b.v("5", "ngo", "share_pct") if prev else None, L)', R),
    (SEN, '    c = cmp("18", "total", "participants", prev)', '    c = cmp("18", "total", "participants", cur)', R),
    (SEN, 'b.v("summary", "total", "detention_cases_pct", prev) if prev else None, L)',
     'b.v("summary", "total", "detention_cases_pct") if prev else None, L)', R),
    # ---- cities: two said as one, the second place tied, a tie of some said as every city's, a tie counted by all
    (SEN, "    elif len(cities) == 1:  # one city", "    elif len(cities) <= 2:  # one city", R),
    (SEN, "        second = [r for r in cities[1:] if", "        second = [r for r in cities[2:] if", R),
    (SEN, "    if len(tied) == len(cities):  # every city has as many", "    if len(tied) > 1:  # every city has as many", R),
    (SEN, "сразу в {fmt.agree_case(len(tied), 'город', 'loct')}", "сразу в {fmt.agree_case(len(cities), 'город', 'loct')}", R),
    (SEN, "    if k == 1:\n        return (f\" Ещё в одном городе", "    if k <= 2:\n        return (f\" Ещё в одном городе", R),
    # ---- law-abidance: every one unsanctioned, the only one, the verb agreed with the count, the mean's periods, the
    # previous index from another table
    (SEN, "and sh9 is not None and un in (0, tot):", "and sh9 is not None and un in (0,):", R),
    (SEN, "        if tot == 1 and un == 0:", "        if tot == 1:", R),
    (SEN, "{fmt.verb(un, 'прошло', 'прошли')}", "{fmt.verb(tot, 'прошло', 'прошли')}", R),
    (SEN, "В среднем за {fmt.agree(n9, 'период')} мониторинга", "В среднем за {fmt.agree(n9 + 1, 'период')} мониторинга", R),
    (SEN, '            s += was(pv, prev, "law_abidance_pct", "12")', '            s += was(pv, prev, "law_abidance_pct", "9")', R),
    # ---- police: the tightest control among more than one city, two tied
    (SEN, "    if len(by_city) > 1 and float(top_x.replace", "    if len(by_city) > 0 and float(top_x.replace", R),
    (SEN, "        elif len(tightest) > 1:", "        elif len(tightest) > 2:", R),
    # ---- courts: a sentence of zeros; the verb agreed with the warned; the mean of Table 17 over its periods
    (SEN, "    nothing = all(x == 0 for x in (w, f_, a)) and not rel", "    nothing = any(x == 0 for x in (w, f_, a)) and not rel", R),
    (SEN, "{fmt.verb(w, 'получил', 'получили')}", "{fmt.verb(a, 'получил', 'получили')}", R),
    (SEN, "в среднем за {fmt.agree(n17, 'период')} — ", "в среднем за {fmt.agree(n17, 'год')} — ", R),
    # ---- forms: the verb agreed with the number of forms; two tied of three said as every form equally common
    (SEN, 'recorded = fmt.verb(len(forms), "зафиксирована", "зафиксировано")', 'recorded = fmt.verb(n, "зафиксирована", "зафиксировано")', R),
    (SEN, "    if len(tied) == len(forms):", "    if len(tied) >= 2:", R),
    # ---- fmt: rounding on the number as written, a fall to nothing, the case's number after 21, the verb after 21
    (FM, "    return Decimal(repr(float(x))).quantize(", "    return Decimal(float(x)).quantize(", F),
    (FM, "    if ratio == 0:  # fallen to nothing", "    if ratio == 0 and lang != \"ru\":  # fallen to nothing", F),
    (FM, 'inflected = p.inflect({case, "sing" if singular(k) else "plur"})', 'inflected = p.inflect({case, "sing" if k == 1 else "plur"})', F),
    (FM, "    return one if plural.ru_form(n) == \"one\" else other", "    return one if n == 1 else other", F),
    # ---- the blocking checks: passing whatever they find, a bound off by one, a column left out of validation
    (CHK, "    if not frames:\n", "    if len(frames) < 2:\n", C),
    (GXO, "description=desc, success=bool(r.success),", "description=desc, success=True,", C),
    (GXO, "cfg.type, desc, False, 0, expl))", "cfg.type, desc, True, 0, expl))", C),
    (GXS, "        SUMS_SUITE: figure_sums(figures, period).to_pandas(),\n", "", C),
    (GXS, "    if not outcome.success:\n        raise FiguresNotValid", "    if outcome.failed > 1:\n        raise FiguresNotValid", C),
    (GXE, 'min_value=0, row_condition=Column("unit") == "index",', 'min_value=0, row_condition=Column("unit") == "idx",', C),
    (GXE, "value_set=TABLE_NOS,", "value_set=[*TABLE_NOS, \"20\"],", C),
    (SF, "    table_no: str = pa.Field(isin=TABLE_NOS)", "    table_no: str = pa.Field()", SCHEMA),
    (SF, ".is_in([-1.0, 0.0, 1.0])", ".is_in([-1.0, 0.0, 1.0, 2.0])", SCHEMA),
    (FS, "    ('1',  'share_pct',          'total row',     '100'),\n", "", C),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
