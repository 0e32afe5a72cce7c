#!/usr/bin/env python
"""A second reviewer's hand mutants (issue 14, item 6; branch i14m): the kinds the earlier lists of
scripts/mutate_by_hand.py and the operators of scripts/mutate.py did not try — comparisons of periods
(`=` -> `<=`), NULL handling (`count(*) FILTER (WHERE b)` -> `count(b)`, a `coalesce` added or dropped),
shares over the wrong denominator, rounding and integer division in SQL, a join key swapped, a code of a
CASE/IN widened, a table or row read instead of another, `<=` -> `<` (not among mutate.py's SQL
operators), the blocking checks' keys, tolerance and bounds, and the report's top-N lists, ranks,
comparisons between years, plural forms and swapped arguments. Same mechanism and output as
scripts/mutate_by_hand.py (each applied alone to a throw-away copy; `killed`, `SURVIVED`, `NOMATCH`).
Results and the equivalent ones argued: docs/testing.md ("Hand mutants of a second reviewer").

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14m.py            # all
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14m.py sql/figures  # only files whose path contains this
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14m.py --again OUTPUT  # only an earlier run's survivors
    .venv/bin/python scripts/mutate_by_hand_i14m.py --check                  # every old text found once (no run)
"""
from __future__ import annotations

import sys

from mutants_common import (CC, E, F, FC, FM, FS, GXE, GXS, IC, IK, IU, K, NL, P, PT, PV, S, SCH, SEN, T99, T99P, TF,
                            VA, main)

SENT = ["tests/test_report_sentences_hand.py", "tests/test_report_sentences_values.py"]
VIEW = ["tests/test_report_view_values.py", "tests/test_report_sentences_values.py"]
FMT = ["tests/test_fmt_values.py", "tests/test_report_sentences_values.py"]
TEXT = ["tests/test_report_sentences_values.py", "tests/test_report_view_values.py", "tests/test_report_tables_values.py"]
TABLES = ["tests/test_report_sentences_hand.py", "tests/test_report_tables_values.py", "tests/test_report_view_values.py"]
CHANGES = ["tests/test_report_view_values.py", "tests/test_report_sentences_values.py", "tests/test_report_sql.py"]
SUMS = ["tests/test_check_values_hand.py", "tests/test_check_values.py"]
SCHEMA = ["tests/test_blocking_checks_hand.py", "tests/test_blocking_checks.py", "tests/test_check_values.py", "tests/test_blocking_checks_more.py"]
LOST = ["tests/test_blocking_checks_hand.py", "tests/test_blocking_checks.py"]

MUTANTS = [
    # ---- staging: the period's range, NULL handling, a join key swapped
    (S, "WHERE c.period = getvariable('derive_period')", "WHERE c.period <= getvariable('derive_period')"),
    (E, "WHERE e.period = getvariable('derive_period')", "WHERE e.period >= getvariable('derive_period')"),
    (P, "WHERE p.period = getvariable('derive_period')", "WHERE p.period <= getvariable('derive_period')"),
    (S, "coalesce(c.state_organised, false) AS state", "c.state_organised AS state"),
    (S, "NOT c.sanctioned AS unsanctioned", "c.permission_answer IS DISTINCT FROM 'granted' AS unsanctioned"),
    (P, "k.code = p.court_outcome", "k.ru = p.court_outcome"),
    (P, "k.field = 'court_outcome'", "k.field = 'form'"),
    (K, "SELECT DISTINCT field, code, ru, en, court", "SELECT field, code, ru, en, court"),
    # ---- intermediate: NULL vs 0, rounding, integer division, denominators, medians
    (IC, "count(*) FILTER (WHERE detained > 0) AS detention_cases", "count(detained) AS detention_cases"),
    (IC, 'CASE WHEN count(*) = 0 THEN 0 ELSE sum(detained) END AS detained_persons', 'sum(detained) AS detained_persons'),
    (IC, 'police / NULLIF(participants_policed, 0)::DOUBLE', 'police / NULLIF(participants_policed + police, 0)::DOUBLE'),
    (IC, "100.0 * sanctioned / NULLIF(assemblies, 0)", "round(100.0 * sanctioned / NULLIF(assemblies, 0), 1)"),
    (IC, "100.0 * sanctioned / NULLIF(assemblies, 0)", "100 * sanctioned // NULLIF(assemblies, 0)"),
    (IC, "participants / NULLIF(assemblies, 0)::DOUBLE AS participants_avg", "round(participants / NULLIF(assemblies, 0)) AS participants_avg"),
    (IC, "median(duration_min) AS duration_median_min", "quantile_disc(duration_min, 0.5) AS duration_median_min"),
    (IC, "median(participants) AS participants_median", "quantile_disc(participants, 0.5) AS participants_median"),
    (IC, "GROUP BY GROUPING SETS ((city), ())", "GROUP BY ROLLUP (city)"),
    (IC, "sum(duration_min) AS duration_total_min", "sum(coalesce(duration_min, 0)) AS duration_total_min"),
    (IC, "avg(duration_min) AS duration_avg_min", "avg(coalesce(duration_min, 0)) AS duration_avg_min"),
    (IK, "100.0 * n / NULLIF((SELECT count(*) FROM stg_cards), 0)", "100.0 * n / NULLIF(sum(n) OVER (PARTITION BY field), 0)"),
    (IK, "coalesce(sum(v.n), 0)", "coalesce(count(v.n), 0)"),  # was count(v.code) -> count(DISTINCT v.code) before the GROUP BYs (i15p)
    (IK, "SELECT 'form', form, count(*) FROM stg_cards GROUP BY ALL", "SELECT 'form', form, count(DISTINCT city) FROM stg_cards GROUP BY ALL"),
    (IK, "WHERE k.field IN ('character', 'organizer_type', 'form')", "WHERE k.field IN ('character', 'form')"),
    (IK, "100.0 * n / NULLIF((SELECT count(*) FROM stg_cards), 0)", "round(100.0 * n / NULLIF((SELECT count(*) FROM stg_cards), 0), 1)"),
    (IU, 'police / NULLIF(participants_policed, 0)::DOUBLE', 'police / NULLIF(assemblies, 0)::DOUBLE'),
    (IU, "WHERE unsanctioned AND NOT state", "WHERE unsanctioned AND NOT state_organised"),
    (CC, "WHERE reached_court", "WHERE court_outcome IS NOT NULL"),
    (CC, "WHERE reached_court", "WHERE reached_court AND detained"),
    # ---- figures
    (F + "t01_cities.sql", "100.0 * n / (SELECT n FROM n WHERE row_key = 'total')", "round(100.0 * n / (SELECT n FROM n WHERE row_key = 'total'))"),
    (F + "t03_activity_index.sql", "assemblies / $months::DOUBLE", "assemblies // $months"),
    (F + "t03_activity_index.sql", "assemblies / $months::DOUBLE", "round(assemblies / $months::DOUBLE, 1)"),
    (F + "t04_topics.sql", "character || '/' || topic", "topic || '/' || character"),
    (F + "t05_ngo_activity.sql", "share_pct AS value", "n AS value"),
    (F + "t09_unsanctioned.sql", "100.0 * unsanctioned / NULLIF(assemblies, 0)", "100.0 * unsanctioned / NULLIF(sanctioned, 0)"),
    (F + "t09_unsanctioned.sql", "100.0 * unsanctioned / NULLIF(assemblies, 0)", "100.0 - law_abidance_pct"),
    (F + "t10_reasons.sql", "WHERE NOT permission_requested", "WHERE permission_answer IS NULL"),
    (F + "t10_reasons.sql", "NULLIF((SELECT count(*) FROM c), 0)", "NULLIF((SELECT count(*) FROM stg_cards), 0)"),
    (F + "t13_authorities.sql", "count(*) FILTER (WHERE police_present)", "count(police_present)"),
    (F + "t13_authorities.sql", "count(*) FILTER (WHERE prosecutor_warned)", "count(*) FILTER (WHERE prosecutor_warned AND prosecutor_present)"),
    (F + "t15_police_control_by_period.sql", "WHERE row_key = 'total'", "WHERE row_key = 'total_excl_state'"),
    (F + "t16_courts.sql", "count(*)::DOUBLE AS value FROM int_court_cases", "count(*)::DOUBLE AS value FROM judged"),
    (F + "t16_courts.sql", "FILTER (WHERE court_outcome = 'acquitted')", "FILTER (WHERE court_outcome = 'released')"),
    (F + "t16_courts.sql", "'defendants', count(*)::DOUBLE FROM judged", "'defendants', count(DISTINCT card_id)::DOUBLE FROM judged"),
    (F + "t17_unsanctioned_to_court.sql", "NULLIF((SELECT count(*) FROM u), 0)", "NULLIF((SELECT count(*) FROM stg_cards), 0)"),
    (F + "t17_unsanctioned_to_court.sql", "(SELECT card_id FROM int_court_cases)", "(SELECT card_id FROM stg_persons)"),
    (F + "t18_participants.sql", "('participants_median', med::DOUBLE)", "('participants_median', round(med)::DOUBLE)"),
    (F + "t19_duration.sql", "duration_known > 0", "duration_known > 1"),
    (F + "t19_duration.sql", "('duration_avg_min', duration_avg_min::DOUBLE)", "('duration_avg_min', round(duration_avg_min)::DOUBLE)"),
    (T99, "sum(participants_low)::DOUBLE FROM c", "sum(coalesce(participants_low, participants))::DOUBLE FROM c"),
    (T99, "avg(police_count)::DOUBLE FROM c", "avg(coalesce(police_count, 0))::DOUBLE FROM c"),
    (T99, "count(*) FILTER (WHERE permission_requested)", "count(*) FILTER (WHERE permission_answer IS NOT NULL)"),
    (T99, "count(*) FILTER (WHERE permission_answer = 'refused')::DOUBLE FROM c", "count(*) FILTER (WHERE permission_answer = 'refused')::DOUBLE FROM e"),
    (T99, "count(*) FILTER (WHERE dispersal)::DOUBLE FROM c", "count(*) FILTER (WHERE dispersal)::DOUBLE FROM u"),
    (T99, "WHERE event_status = 'prevented'", "WHERE event_status IN ('prevented', 'refused')"),
    (T99, "'preventive_detentions', (CASE WHEN count(*) = 0 THEN 0 ELSE sum(preventive_detentions) END)::DOUBLE FROM e", "'preventive_detentions', (CASE WHEN count(*) = 0 THEN 0 ELSE sum(preventive_detentions) END)::DOUBLE FROM c"),
    (T99, "'court_cases', count(*)::DOUBLE FROM int_court_cases", "'court_cases', count(DISTINCT card_id)::DOUBLE FROM stg_persons"),
    (T99, "'cities', count(*)::DOUBLE FROM int_assemblies_by_city WHERE row_key <> 'total'", "'cities', (count(*) - 1)::DOUBLE FROM int_assemblies_by_city"),
    (T99, "count(*) FILTER (WHERE state_organised)", "count(*) FILTER (WHERE state)"),
    (T99, "'duration_avg_min', duration_avg_min::DOUBLE FROM t", "'duration_avg_min', duration_median_min::DOUBLE FROM t"),
    (T99, "'activity_index', assemblies / $months::DOUBLE FROM t", "'activity_index', unsanctioned / $months::DOUBLE FROM t"),
    (T99P, "'distinct_detained' AS col_key, count(*)::DOUBLE", "'distinct_detained' AS col_key, count(DISTINCT pseudonym)::DOUBLE"),
    (T99P, "WHERE detained GROUP BY pseudonym", "WHERE detained OR reached_court GROUP BY pseudonym"),
    # ---- the blocking checks: sums of tables, tolerance, bounds, keys, what counts as lost
    (FS, "    ('10', 'share_pct',          'category rows', '100'),\n", "", SUMS),
    (FS, "ELSE NOT starts_with(f.row_key, 'total')", "ELSE f.row_key <> 'total'", SUMS),
    (FS, "HAVING count(f.value) > 0", "HAVING count(f.value) > 1", SUMS),
    (FS, "WHERE period = $period AND provenance = 'derived'", "WHERE period = $period", SUMS),
    (FS, "WHERE table_no = '1' AND col_key = 'count' AND row_key = 'total'", "WHERE table_no = '2' AND col_key = 'count' AND row_key = 'total'", SUMS),
    (FS, "('7',  'share_pct',          'total row',     '100'),", "('7',  'share_pct',          'total row',     'the total row'),", SUMS),
    (GXE, "TOLERANCE = 1e-6", "TOLERANCE = 0.05", SUMS),
    (GXE, 'column="value", min_value=0, max_value=100, row_condition', 'column="value", min_value=0, max_value=1000, row_condition', SUMS),
    (GXE, 'min_value=0, row_condition=Column("unit") == "index"', 'min_value=-1, row_condition=Column("unit") == "index"', SUMS),
    (GXS, '.when(ck.str.ends_with("_pct")).then(pl.lit("pct"))', '.when(ck.str.ends_with("_pct")).then(pl.lit("number"))', SUMS),
    (GXS, 'pl.col("value").cast(pl.Float64), "provenance")', 'pl.col("value").cast(pl.Int64), "provenance")', SUMS),
    (SCH, 'pl.col("value").is_between(0, 100)', 'pl.col("value").is_between(0, 100, closed="left")', SCHEMA),
    (SCH, 'pl.col("value").is_between(0, 100)', 'pl.col("value").is_between(0, 101)', SCHEMA),
    (SCH, '~pl.struct("period", "table_no", "row_key", "col_key").is_duplicated()', '~pl.struct("table_no", "row_key", "col_key").is_duplicated()', SCHEMA),
    (SCH, 'pl.col("value").is_finite().fill_null(True)', '(~pl.col("value").is_nan()).fill_null(True)', SCHEMA),
    (SCH, '(pl.col("value_status") == "value") == pl.col("value").is_not_null()', '(pl.col("value_status") == "value") | pl.col("value").is_null()', SCHEMA),
    (NL, "WHERE severity = 'error' AND kind <> 'file'", "WHERE kind <> 'file'", LOST),
    (NL, "SELECT period FROM cards UNION ALL SELECT period FROM events_not_held", "SELECT period FROM cards UNION SELECT period FROM events_not_held", LOST),
    (VA, "bad = [r for r in rows if r[1] != r[2] + r[3] + r[4]]", "bad = [r for r in rows if r[1] > r[2] + r[3] + r[4]]", LOST),
    (VA, "bad = [r for r in rows if r[1] != r[2] + r[3] + r[4]]", "bad = [r for r in rows if r[1] != r[2] + r[4]]", LOST),
    # ---- the report: top-N lists, ranks, comparisons between years, plural forms, swapped arguments
    (SEN, "if len(per2) > 1 and n_cur is not None:", "if len(per2) > 2 and n_cur is not None:", SENT),
    (SEN, "first = per2[0]", "first = per2[1]", SENT),
    (SEN, "if peak not in (cur, prev):", "if peak != cur:", SENT),
    (SEN, 'cities = [r for r in b.cities_over("1", "count", [cur]) if b.v("1", r, "count")]',
     'cities = [r for r in b.cities_over("1", "count", [cur]) if b.v("1", r, "count") is not None]', SENT),
    (SEN, ' if k else ""', ' if k >= 0 else ""', SENT),
    (SEN, 'k = len([r for r in cities if r not in named])', 'k = len(cities) - 1', SENT),
    (SEN, "sec = cities[1]", "sec = cities[-1]", SENT),
    (SEN, 'and r != "total" and x]', 'and r != "total"]', SENT),
    (SEN, 'mean9 = b.mean_over_periods("9", "share_pct")', 'mean9 = b.mean_over_periods("12", "law_abidance_pct")', SENT),
    (SEN, 'top_x = max((fmt.index(x, L) for r, x in by_city)', 'top_x = min((fmt.index(x, L) for r, x in by_city)', SENT),
    (SEN, 'and not r.startswith("total") and x is not None]', 'and r != "total" and x is not None]', SENT),
    (SEN, "if rel:\n                s += f\" Задержанных", "if rel is not None:\n                s += f\" Задержанных", SENT),
    (SEN, "(всего {fmt.count(days, L)} сут.)", "(всего {fmt.count(a, L)} сут.)", SENT),
    (SEN, "return label if label[:2].isupper() else", "return label if label[:1].isupper() else", SENT),
    (SEN, "if peak == cur:", "if peak == prev:", SENT),
    (SEN, 'c = fmt.share_change(b.v("5", "ngo", "share_pct"), b.v("5", "ngo", "share_pct", prev) if prev else None, L)',
     'c = fmt.share_change(b.v("5", "ngo", "share_pct", prev) if prev else None, b.v("5", "ngo", "share_pct"), L)', SENT),
    (SEN, 'c = fmt.share_change(b.v("4", main, "share_pct"), pv, L)', 'c = fmt.share_change(pv, b.v("4", main, "share_pct"), L)', SENT),
    (SEN, 'f"The warehouse holds {len(per2)} monitoring periods', 'f"The warehouse holds {len(per2) - 1} monitoring periods', SENT),
    (SEN, 'pv = b.v("17", "total", "share_pct", prev) if prev else None', 'pv = b.v("17", "total", "share_pct", per2[0]) if prev else None', SENT),
    (PV, 'if s["n_upto"] >= 2 else None', 'if s["n_upto"] > 2 else None', VIEW),
    (PV, 'if t == table and c == col and not r.startswith("total") and r != "":', 'if t == table and c == col and r != "total" and r != "":', VIEW),
    (PV, 'key=lambda r: (-(cur.get((table, r, col)) or 0), -tot[r], labels.row(r, "ru", "city")))',
     'key=lambda r: (-tot[r], -(cur.get((table, r, col)) or 0), labels.row(r, "ru", "city")))', VIEW),
    (TF, 'if t == "2" and c == "count" and r != "total" and x))', 'if t == "2" and c == "count" and r != "total"))', TEXT),
    (TF, 'fmt.agree_case(s["unsanctioned"], "несанкционированное собрание", "gent")', 'fmt.agree(s["unsanctioned"], "несанкционированное собрание")', TEXT),
    (TF, 's.get("obstructed_unsanctioned", 0), "несанкционированная акция"', 's.get("obstructed", 0), "несанкционированная акция"', TEXT),
    # (session 22: dropped — text_figures' loop that printed the activity index with one decimal was dead code
    # (fmt.for_column does it through OWN_DECIMALS) and is gone)
    ("core/plural.py", 'return one if int(round(n)) == 1 else (many or one + "s")', 'return one if int(round(n)) <= 1 else (many or one + "s")', [*FMT, "tests/test_report_plurals.py"]),
    (FM, 'return f"в {label} году" if "-" not in period_id else', 'return f"в {label} году" if "–" not in period_id else', FMT),
    (FM, 'return f"с {label} годом" if "-" not in period_id else', 'return f"с {label} годом" if "–" not in period_id else', FMT),
    (FM, "up = cur > prev", "up = cur >= prev", FMT),
    (FM, "a, b = pct(prev, lang), pct(cur, lang)", "a, b = pct(cur, lang), pct(prev, lang)", FMT),
    (FM, '.replace(",", "\\u202f")', '.replace(",", " ")', FMT),
    (FM, "return number(x, 0 if float(x).is_integer() else 1, lang)", "return number(x, 1, lang)", FMT),
    (FM, ' or col_key == "police_per_assembly"', '', FMT),
    (FM, 'abs(share_pct - 100 / k), k)', 'abs(share_pct - 100 // k), k)', FMT),
    (PT, "shown, rest = items[:MAX_TOPICS_PER_CHARACTER], items[MAX_TOPICS_PER_CHARACTER:]",
     "shown, rest = items[:MAX_TOPICS_PER_CHARACTER - 1], items[MAX_TOPICS_PER_CHARACTER - 1:]", TABLES),
    (PT, "key=lambda kv: (-kv[1], kv[0]))", "key=lambda kv: (kv[1], kv[0]))", TABLES),
    (PT, 'fmt.count(sum(n for _, n in items), lang)]', 'fmt.count(sum(n for _, n in shown), lang)]', TABLES),
    (PT, "format(n=fmt.count(len(rest), lang))", "format(n=fmt.count(len(items), lang))", TABLES),
    (PT, 'key=lambda r: (-fig[("7", r, "count")], r))', 'key=lambda r: r)', TABLES),
    (PT, "if mean and len(per) > 1:", "if mean and len(per) > 2:", TABLES),
    (PT, "rows = b.cities_over(table, cols[0][0], all_per, by_sum=True)", "rows = b.cities_over(table, cols[0][0], all_per, by_sum=False)", TABLES),
    (PT, "line.append(b.cell(table, r, share_col, p))", 'line.append("—")', TABLES),
    (FC, "AND h.ord <= cur.ord", "AND h.ord < cur.ord", CHANGES),
    (FC, "arg_max(h.period, h.value) AS peak_period", "arg_min(h.period, h.value) AS peak_period", CHANGES),
    (FC, "THEN (f.value / prev.prev_value - 1) * 100 END AS change_pct", "THEN (f.value - prev.prev_value) / f.value * 100 END AS change_pct", CHANGES),
    (FC, "CASE WHEN f.value <> 0 THEN upto.peak_value / f.value END AS peak_ratio", "CASE WHEN f.value <> 0 THEN upto.peak_value / upto.mean_upto END AS peak_ratio", CHANGES),
]


if __name__ == "__main__":
    sys.exit(main(MUTANTS, nomatch_prefix=True))
