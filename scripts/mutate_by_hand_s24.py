#!/usr/bin/env python
"""A seventeenth batch of hand mutants (issue 14; session 24): an outside reviewer's pass over what the sixteen earlier
batches touched least — the narrative's sentence builders of assets/report/text_figures.py (police, applications,
courts, detentions, the prosecutor at unsanctioned assemblies, the long protests that raise the mean, the verbs and
nouns agreed with a count), the generated sentences' rarer branches (only releases, a three-name list, the tightest
police control, a fall to none from none), fmt's plural and gender words, the notable events' lists, the edition
dates of changes.py, the title of the periods, the non-blocking duplicate warning and the period's held records
(sql/checks), the expectations' units, and the denominators of the SQL models (participants policed, police per
assembly, police unknown, preventive detentions unknown, defendants). Same mechanism and output as the earlier
batches (scripts/mutants_common.py); held against them with `--dups`.

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s24.py              # all
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s24.py sql/         # only files whose path contains this
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s24.py --without-new # the score before this session's tests
    .venv/bin/python scripts/mutate_by_hand_s24.py --check                  # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s24.py --dups                   # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import CH, FM, NE, PV, SEN, TF, batch_main, load_script

NEW = "tests/test_mutants_s24.py"
_m = load_script("mutate")
R = [NEW, *_m.REPORT_TESTS]
RT = [NEW, *_m.REPORT_TESTS, "tests/test_report_reader_probe.py"]
CHG = [NEW, "tests/test_report_changes_hand.py", "tests/test_report_as_of.py", "tests/test_cli_arguments.py"]
CHK = [NEW, *_m.CHECK_TESTS]
DUP = [NEW, "tests/test_possible_duplicate_events.py", "tests/test_duplicates_warning.py"]
GXS = "assets/quality/gx_suite.py"
PD, RP = "sql/checks/possible_duplicate_events.sql", "sql/checks/records_of_period.sql"
IC, IU = "sql/intermediate/int_assemblies_by_city.sql", "sql/intermediate/int_unsanctioned.sql"
F = "sql/figures/"

MUTANTS = [
    # ---- text_figures.py: the narrative's sentences of counts (none of them mutated by hand before)
    (TF, "    return s.get(k) == 0 and sv.get(k) == fmt.count(0, lang)", "    return s.get(k) == 0", RT),
    (TF, '    if _bare_zero(s, sv, "police", lang):', '    if not s.get("police"):', RT),
    (TF, "    if none_applied and all(_bare_zero(s, sv, k, lang) for k in rest):",
     "    if none_applied and any(_bare_zero(s, sv, k, lang) for k in rest):", RT),
    (TF, '    rest = ("applications_refused", "assemblies_prevented", "preventive_detentions")',
     '    rest = ("applications_refused", "assemblies_prevented")', RT),
    (TF, '    if s.get("court_cases") == 0:', '    if not s.get("court_cases"):', RT),
    (TF, ' and s.get("detained_persons") == 0 and not s.get("preventive_detentions"):', ' and s.get("detained_persons") == 0:', RT),
    (TF, '    none_before = _bare_zero(s, sv, "preventive_detentions", lang)', '    none_before = not s.get("preventive_detentions")', RT),
    (TF, '    if s.get("unsanctioned") == 0:\n', '    if not s.get("unsanctioned"):\n', RT),
    (TF, 'f" Разогнано собраний: {g(\'dispersed\')}." if dispersed else "")', 'f" Разогнано собраний: {g(\'dispersed\')}.")', RT),
    (TF, "            if s.get(k) in (0, 1) and g(k) == fmt.count(s[k], lang)}", "            if s.get(k) in (0, 1)}", RT),
    (TF, "    if none(present) and none(warned):", "    if none(present):", RT),
    (TF, 'но предупреждений не выносила" if none(warned) else', 'но предупреждений не выносила" if none(present) else', RT),
    (TF, '    police = "obstructed it" if obstructed else "did not obstruct it"',
     '    police = "obstructed it" if obstructed is not None else "did not obstruct it"', RT),
    (TF, "    return longest >= LONG_MIN and avg - median", "    return longest > LONG_MIN and avg - median", RT),
    (TF, "avg - median >= max(LONG_GAP_MIN, LONG_GAP_SHARE * median)", "avg - median >= min(LONG_GAP_MIN, LONG_GAP_SHARE * median)", RT),
    (TF, "avg - median >= max(LONG_GAP_MIN, LONG_GAP_SHARE * median)", "avg - median > max(LONG_GAP_MIN, LONG_GAP_SHARE * median)", RT),
    (TF, "LONG_MIN, LONG_GAP_MIN, LONG_GAP_SHARE = 60.0, 5.0, 0.2", "LONG_MIN, LONG_GAP_MIN, LONG_GAP_SHARE = 60.0, 5.0, 0.25", RT),
    (TF, '    if b.prev is not None and b.v("19", "total", "duration_avg_min", b.prev) is not None:', "    if b.prev is not None:", RT),
    (TF, '"applied": (("случае", "случаях", "случаях"), ("case", "cases")),', '"applied": (("случае", "случаях", "случаев"), ("case", "cases")),', RT),
    (TF, '"detained_persons": {"ru": ("задержан", "задержано"), "en": ("was", "were")},',
     '"detained_persons": {"ru": ("задержан", "задержаны"), "en": ("was", "were")},', RT),
    (TF, '"police": {"ru": ("был задействован", "было задействовано")},', '"police": {"ru": ("был задействован", "были задействованы")},', RT),
    (TF, 'sv[f"{k}_verb"] = fmt.verb(s.get(k), one, other, lang)', 'sv[f"{k}_verb"] = fmt.verb(s.get(k), one, other)', RT),
    # ---- sentences.py: the rarer branches
    (SEN, "nothing = all(x == 0 for x in (w, f_, a)) and not rel", "nothing = all(x == 0 for x in (w, f_, a))", R),
    (SEN, 'if len(by_city) > 1 and float(top_x.replace(",", ".")) > 0:', 'if len(by_city) > 1 and float(top_x.replace(",", ".")) >= 0:', R),
    (SEN, "        if len(tightest) == len(by_city):", "        if len(tightest) == len(cities):", R),
    (SEN, 'return names[0] if len(names) == 1 else ", ".join(names[:-1]) + word + names[-1]',
     'return names[0] if len(names) == 1 else word.join(names)', R),
    (SEN, "        elif p_prev and not n_cur:", "        elif p_prev is not None and not n_cur:", R),
    (SEN, '    if rem and rem.get("named_rows") == len(named):', "    if rem:", R),
    (SEN, "        if tot == 1 and un == 0:", "        if tot == 1 and not sh9:", R),
    # ---- fmt.py: plural and gender words
    (FM, '    return f"в {s} раза" if few(n) else f"в {s} раз"', '    return f"в {s} раза" if 1 < n < 5 else f"в {s} раз"', R),
    (FM, '    return ("Обе " if head.tag.gender == "femn" else "Оба ")', '    return ("Оба " if head.tag.gender == "masc" else "Обе ")', R),
    (FM, "    k = 5 if n is None else n", "    k = 1 if n is None else n", R),
    (FM, '        return "Both " + plural.en(2, word, plural_en) if k == 2 else', '        return "Both " + word if k == 2 else', R),
    # ---- notable_events.py: which cards each list holds, the order of the most notable, the tail
    (NE, '(pl.col("notes").str.strip_chars() != "")', '(pl.col("notes") != "")', R),
    (NE, "        sel = cards.filter(hit & ~political & ~unusual)", "        sel = cards.filter(hit & ~political)", R),
    (NE, '.sort([pl.col("detained").fill_null(0), pl.col("participants").fill_null(0), "_order"],',
     '.sort([pl.col("participants").fill_null(0), pl.col("detained").fill_null(0), "_order"],', R),
    (NE, 'are="is" if more == 1 else "are")', 'are="are")', R),
    # ---- changes.py: the edition's moments
    (CH, "        if parse_moment(text, end_of_day=False) > now:", "        if parse_moment(text) > now:", CHG),
    # (run first as `if len(text) == 10:` -> `<= 10`: it lived, and showed a date written 20261130 read as its first moment,
    # 00:00, where 2026-11-30 is the whole day; parse_moment now reads any date alone as a date, and the mutant is the old
    # reading: only the 10-character form a date)
    (CH, "            d = dt.date.fromisoformat(text)\n", "            d = dt.date.fromisoformat(text if len(text) == 10 else \"?\")\n", CHG),
    (CH, "parse_moment(since, end_of_day=False) > parse_moment(as_of):", "parse_moment(since, end_of_day=False) >= parse_moment(as_of):", CHG),
    # ---- period_view.py: the periods a title spans, the tables an edition printed
    (PV, "            one = years[0] == years[-1]", "            one = len(per) == 1", R),
    (PV, '                                         if r.get("location") in (None, "table")\n                                         and ',
     "                                         if ", R),
    # ---- the checks: the duplicate warning's pairs, the period's held records, the expectations' units
    (PD, "AND a.card_id < b.card_id", "AND a.card_id <> b.card_id", DUP),
    (PD, "WHEN a.place <> '' AND b.place <> ''", "WHEN a.place <> '' OR b.place <> ''", DUP),
    (PD, "lower(trim(topic)) AS topic", "topic", DUP),
    (PD, "AND a.city = b.city AND a.form = b.form", "AND a.city = b.city", DUP),
    (RP, "(SELECT count(*) FROM cards WHERE period = $period) AS held", "(SELECT count(*) FROM cards) AS held", CHK),
    (GXS, 'pl.when(ck == "trend").then(pl.lit("trend"))', 'pl.when(ck == "trends").then(pl.lit("trend"))', CHK),
    # ---- SQL models: denominators and unknowns
    (IC, "sum(participants) FILTER (WHERE police_count IS NOT NULL) AS participants_policed",
     "sum(participants) FILTER (WHERE police_count > 0) AS participants_policed"),
    (IU, "           sum(participants) FILTER (WHERE police_count IS NOT NULL) AS participants_policed",
     "           sum(participants) FILTER (WHERE police_count > 0) AS participants_policed"),
    (IU, "if(count(*) = 0, 0, sum(police_count)) AS police", "coalesce(sum(police_count), 0) AS police"),
    (IC, "CASE WHEN assemblies > 0 AND detained_known = 0 THEN NULL ELSE detention_cases END",
     "CASE WHEN detained_known = 0 THEN NULL ELSE detention_cases END"),
    (IC, "count(detained) AS detained_known", "count(*) AS detained_known"),
    (F + "t99_summary.sql", "(CASE WHEN count(*) = 0 THEN 0 ELSE sum(preventive_detentions) END)::DOUBLE FROM e",
     "coalesce(sum(preventive_detentions), 0)::DOUBLE FROM e"),
    (F + "t16_courts.sql", "UNION ALL SELECT 'defendants', count(*)::DOUBLE FROM judged",
     "UNION ALL SELECT 'defendants', count(DISTINCT person_id)::DOUBLE FROM judged"),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
