#!/usr/bin/env python
"""A sixth reviewer's hand mutants (issue 14, item 6; branch i14y), written file by file as an outside reviewer
would who had not read the earlier batches (then held against them: no (file, mutated text) of scripts/
mutate_by_hand.py, _i14m.py, _i14q.py, _i14s.py or _i14v.py is repeated). Operators: a boundary (`>` for `>=`,
`> 1` for `> 0`), an off-by-one in a count of periods or months, a COALESCE default, NULL handling (`if x` for
`is not None`), DISTINCT, a join's column, a GROUP BY key, the order a sentence or table depends on, a CASE's
branches swapped, rounding, a swapped column, a constant, an inverted or dropped filter, a code changed, a plural
form and a language swapped. Same mechanism and output as the earlier batches (scripts/mutants_common.py). Results:
docs/testing.md ("Hand mutants of a sixth reviewer").

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14y.py              # all
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14y.py sql/figures  # only files whose path contains this
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14y.py --again OUTPUT  # only an earlier run's survivors
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14y.py --without-new sql/  # the score before this branch's tests
    .venv/bin/python scripts/mutate_by_hand_i14y.py --check                  # every old text found once (no run)
"""
from __future__ import annotations

import sys

from mutants_common import (CC, CHK, F, FM, FS, GXE, IC, IK, IU, NL, P, S, SEN, T99, T99P, TF, main)

NEW, NEW_SQL = "tests/test_mutants_i14y.py", "tests/test_sql_models_i14y.py"
SENT = [NEW, "tests/test_report_sentences_values.py", "tests/test_report_review.py", "tests/test_report_sentences_hand.py",
        "tests/test_report_view_values.py", "tests/test_mutants_i14s.py", "tests/test_mutants_i14v.py"]
FMT = [NEW, "tests/test_fmt_values.py", "tests/test_report_review.py", "tests/test_report_sentences_values.py"]
CHECKS = [NEW, "tests/test_checks_review.py", "tests/test_check_values.py", "tests/test_check_values_hand.py",
          "tests/test_check_result_metadata.py", "tests/test_mutants_i14s.py", "tests/test_check_values_i14s.py",
          "tests/test_mutants_i14v.py"]
LOST = [NEW, "tests/test_checks_review.py", "tests/test_blocking_checks.py", "tests/test_blocking_checks_hand.py",
        "tests/test_mutants_i14s.py", "tests/test_mutants_i14v.py"]
REC = [NEW, "tests/test_reconciliation_values.py", "tests/test_checks_review.py", "tests/test_mutants_s23.py"]
VALID = [NEW, "tests/test_validation_values.py", "tests/test_validation.py", "tests/test_mutants_i14v.py", "-k",
         "not event_status_keeps"]
TABLES = [NEW, "tests/test_report_tables_values.py", "tests/test_report_view_values.py", "tests/test_report_review.py",
          "tests/test_report_sentences_values.py", "tests/test_mutants_i14v.py"]
V = "assets/report/period_view.py"
PT = "assets/report/period_tables.py"
RECS = "sql/reconciliation.sql"
RL = "assets/validate/rules.py"
CY = "schemas/card.yaml"

MUTANTS = [
    # ---- staging: a swapped column, a COALESCE default, a filter added, a join on another column, DISTINCT
    (S, "coalesce(c.state_organised, false) AS state", "coalesce(c.state_organised, c.sanctioned) AS state"),
    (S, "WHERE c.period = getvariable('derive_period')", "WHERE c.period = getvariable('derive_period') AND c.participants > 0"),
    (P, "k.code = p.court_outcome", "k.code = p.role"),
    # ---- intermediate
    (IC, "count(*) FILTER (WHERE sanctioned) AS sanctioned", "count(*) FILTER (WHERE permission_requested) AS sanctioned"),
    (IC, 'ELSE sum(detained) END AS detained_persons', 'ELSE sum(detained) + coalesce(sum(preventive_detentions), 0) END AS detained_persons'),
    (IC, "sum(duration_min) AS duration_total_min", "sum(duration_min) FILTER (WHERE sanctioned) AS duration_total_min"),
    (IC, "participants / NULLIF(assemblies, 0)::DOUBLE AS participants_avg", "participants / NULLIF(sanctioned, 0)::DOUBLE AS participants_avg"),
    (IC, "median(duration_min) AS duration_median_min", "median(duration_min) FILTER (WHERE sanctioned) AS duration_median_min"),
    (IC, "CASE WHEN grouping(city) = 1 THEN 'total' ELSE city END AS row_key", "CASE WHEN grouping(city) = 1 THEN city ELSE 'total' END AS row_key"),
    (IK, "CAST(coalesce(sum(v.n), 0) AS BIGINT) AS n", "CAST(coalesce(sum(v.n), 1) AS BIGINT) AS n"),
    (IK, "SELECT 'form', form, count(*) FROM stg_cards GROUP BY ALL", "SELECT 'form', form, sum(participants) FROM stg_cards GROUP BY ALL"),
    (CC, "FROM stg_persons\nWHERE reached_court", "FROM stg_persons\nWHERE reached_court AND role <> 'organizer'"),
    (IU, "FROM stg_cards WHERE unsanctioned AND NOT state", "FROM stg_cards WHERE unsanctioned AND NOT state AND NOT permission_requested"),
    (IU, "    FROM stg_cards WHERE unsanctioned\n", "    FROM stg_cards WHERE NOT permission_requested\n"),
    (IU, "assemblies, participants / NULLIF(assemblies, 0)::DOUBLE AS participants_avg", "assemblies, participants / NULLIF(assemblies + 1, 0)::DOUBLE AS participants_avg"),
    # ---- figures
    (F + "t01_cities.sql", "(SELECT n FROM n WHERE row_key = 'total') FROM n", "(SELECT n FROM n WHERE row_key = 'total') FROM n WHERE row_key <> 'total'"),
    (F + "t02_dynamics.sql", "'count' AS col_key, assemblies::DOUBLE AS value", "'count' AS col_key, sanctioned::DOUBLE AS value"),
    (F + "t03_activity_index.sql", "assemblies / $months::DOUBLE AS value", "assemblies / 12.0 AS value"),
    (F + "t04_character.sql", "SELECT '4', row_key, 'share_pct', share_pct FROM n", "SELECT '4', row_key, 'share_pct', share_pct FROM n WHERE n > 0"),
    (F + "t04_topics.sql", "FROM stg_cards\nGROUP BY character, topic", "FROM stg_cards WHERE sanctioned\nGROUP BY character, topic"),
    (F + "t05_ngo_activity.sql", "AND code = 'ngo'", "AND code = 'group'"),
    (F + "t05_ngo_activity.sql", "'share_pct' AS col_key, share_pct AS value", "'share_pct' AS col_key, round(share_pct, 1) AS value"),
    (F + "t06_organizers.sql", "'count' AS col_key, n::DOUBLE AS value FROM n", "'count' AS col_key, n::DOUBLE AS value FROM n WHERE n > 0"),
    (F + "t07_forms.sql", "SELECT 'total', assemblies,", "SELECT 'total', sanctioned,"),
    (F + "t10_reasons.sql", "WHERE field = 'reason_not_applied'", "WHERE field = 'permission_answer'"),
    (F + "t10_reasons.sql", "FROM stg_cards WHERE NOT permission_requested)", "FROM stg_cards WHERE NOT permission_requested AND NOT state)"),
    (F + "t12_law_abidance.sql", "law_abidance_pct AS value", "100.0 - law_abidance_pct AS value"),
    (F + "t13_authorities.sql", "count(*) FILTER (WHERE prosecutor_warned)::DOUBLE FROM c", "count(*) FILTER (WHERE prosecutor_warned OR police_warned)::DOUBLE FROM c"),
    (F + "t13_authorities.sql", "count(*) FILTER (WHERE police_present)::DOUBLE FROM c", "count(*) FILTER (WHERE police_count > 0)::DOUBLE FROM c"),
    (F + "t14_police_control.sql", "('police_control_index', police_control_index)", "('police_control_index', round(police_control_index, 2))"),
    (F + "t15_police_control_by_period.sql", "police_control_index AS value", "100 * police_control_index AS value"),
    (F + "t16_courts.sql", "coalesce(sum(arrest_days) FILTER (WHERE court_outcome = 'arrest'), 0)", "coalesce(max(arrest_days) FILTER (WHERE court_outcome = 'arrest'), 0)"),
    (F + "t17_unsanctioned_to_court.sql", "100.0 * (SELECT count(*) FROM u WHERE card_id IN (SELECT card_id FROM int_court_cases))", "100.0 * (SELECT count(*) FROM int_court_cases)"),
    (F + "t18_participants.sql", "('participants_avg', a)", "('participants_avg', round(a, 1))"),
    (T99, "UNION ALL SELECT 'months', $months::DOUBLE", "UNION ALL SELECT 'months', ($months - 1)::DOUBLE"),
    (T99, "'participants_high', sum(participants_high)::DOUBLE FROM c", "'participants_high', max(participants_high)::DOUBLE FROM c"),
    (T99, "'dispersed', count(*) FILTER (WHERE dispersal)::DOUBLE FROM c", "'dispersed', count(*) FILTER (WHERE dispersal OR obstruction)::DOUBLE FROM c"),
    (T99, "'prosecutor_warned_unsanctioned', count(*) FILTER (WHERE prosecutor_warned)", "'prosecutor_warned_unsanctioned', count(*) FILTER (WHERE prosecutor_present)"),
    (T99, "'duration_median_min', duration_median_min::DOUBLE FROM t", "'duration_median_min', duration_avg_min::DOUBLE FROM t"),
    (T99, "'state_organised', count(*) FILTER (WHERE state_organised)::DOUBLE FROM c", "'state_organised', count(*) FILTER (WHERE state)::DOUBLE FROM u"),
    (T99P, "count(*) FILTER (WHERE assemblies > 1)", "count(*) FILTER (WHERE assemblies > 2)"),
    (T99P, "FROM stg_persons WHERE detained GROUP BY pseudonym", "FROM stg_persons WHERE detained GROUP BY pseudonym, role"),
]

MUTANTS += [
    # ---- report sentences: boundaries, off-by-one in periods, NULL handling, order, a swapped language or column
    (SEN, "{fmt.agree(len(per2), 'период')} мониторинга", "{fmt.agree(len(per2) - 1, 'период')} мониторинга", SENT),
    (SEN, 'f"{fmt.number(idx, 1, L)}" if ru else', 'f"{fmt.number(idx, 2, L)}" if ru else', SENT),
    (SEN, "frac = fmt.fraction_phrase(sh, L)", 'frac = fmt.fraction_phrase(sh, "ru")', SENT),
    (SEN, ' if k else ""', ' if k > 1 else ""', SENT),
    (SEN, 'k, rest = rem["named_remainder_rows"], rem["named_remainder"]', 'k, rest = rem["named_remainder_rows"] + 1, rem["named_remainder"]', SENT),
    (SEN, "f\" В остальных {fmt.agree_case(k, 'город', 'loct')}", "f\" В остальных {fmt.agree_case(k, 'город', 'datv')}", SENT),
    (SEN, "main = max(parts, key=lambda t: t[2] or 0)[0]", "main = parts[0][0]", SENT),
    (SEN, "f\"{fmt.agree(head[1], 'собрание')} ({fmt.pct(head[2], L)})\"", "f\"{fmt.count(head[1], L)} ({fmt.pct(head[2], L)})\"", SENT),
    (SEN, "{fmt.agree(len(forms), 'форма')} ", "{fmt.agree(len(forms), 'форма', 'en')} ", SENT),
    (SEN, "{fmt.agree_case(tot, 'собрание', 'gent')}", "{fmt.agree(tot, 'собрание')}", SENT),
    (SEN, 'f"Over {n9} monitoring periods', 'f"Over {n9 + 1} monitoring periods', SENT),
    (SEN, "        if mean12:\n", "        if mean12 and mean12[1] > 2:\n", SENT),
    (SEN, 'f"The courts warned {fmt.count(w, L)}, fined', 'f"The courts warned {fmt.count(f_, L)}, fined', SENT),
    (SEN, 'f"; {fmt.pct(m, L)} on average over {n17} periods (Table 17)")', 'f"; {fmt.pct(m, L)} on average over {n17 - 1} periods (Table 17)")', SENT),
    (SEN, 'f"{c} as {fmt.period_in(other, L)}"', 'f"{c} as {fmt.period_in(other, \'ru\')}"', SENT),
    (SEN, 'return f" ({shown} {fmt.period_in(period, L)})"', 'return f" ({shown} {fmt.period_in(b.period, L)})"', SENT),
    (SEN, 'c = cmp("15", "total", "police_control_index", prev)', 'c = cmp("14", "total", "police_control_index", prev)', SENT),
    (SEN, 'out["individual_share"] = fmt.pct(ind, L) if ind is not None else "—"', 'out["individual_share"] = fmt.number(ind, 1, L) if ind is not None else "—"', SENT),
    (SEN, 'pv = b.v("19", "total", "duration_avg_min", prev) if prev else None', 'pv = b.v("19", "total", "duration_avg_min", cur) if prev else None', SENT),
    # ---- text figures
    (TF, 'if "assemblies" not in s and b.v("2", "total", "count") is not None:', 'if b.v("2", "total", "count") is not None:', SENT),
    (TF, 'sv["assemblies_phrase"] = fmt.agree(s["assemblies"], "мирное собрание")', 'sv["assemblies_phrase"] = fmt.agree(s["assemblies"], "мирное собрание", "en")', SENT),
    (TF, 'sv["unsanctioned_gen"] = fmt.agree_case(s["unsanctioned"], "несанкционированное собрание", "gent")',
     'sv["unsanctioned_gen"] = fmt.agree_case(s["unsanctioned"], "несанкционированное собрание", "nomn")', SENT),
    (TF, '"unsanctioned assembly", "en", "unsanctioned assemblies")\n                sv["obstructed_gen"]',
     '"unsanctioned assembly", "en", "unsanctioned assemblys")\n                sv["obstructed_gen"]', SENT),
    # ---- numbers as printed
    (FM, "if x is None or (isinstance(x, float) and math.isnan(x)):", "if x is None:", FMT),
    (FM, 'return number(x, 0 if float(x).is_integer() else 1, lang)', 'return number(x, 0 if float(x).is_integer() else 2, lang)', FMT),
    (FM, 'if col_key.endswith("_index"):', 'if col_key.endswith("_idx"):', FMT),
    (FM, 'return f"в {label} году" if "-" not in period_id else f"в {label} годах"', 'return f"в {label} году"', FMT),
    (FM, 'word = ("fewer" if less else "more") if kind == "count" else ("lower" if less else "higher")',
     'word = ("lower" if less else "higher") if kind == "count" else ("fewer" if less else "more")', FMT),
    (FM, 'return f"каждое {ords_ru[k]} {noun_ru}" if lang == "ru" else f"every {ords_en[k]} assembly"',
     'return f"каждое {ords_ru[k]} {noun_ru}" if lang == "ru" else f"every {ords_ru[k]} assembly"', FMT),
    (FM, 'return f"{d.day} {m}"', 'return f"{m} {d.day}"', FMT),
    # ---- the view: the previous period, the mean, the peak, the cities' order, the years in titles
    (V, "self.prev = order[i - 1] if i > 0 and order[i - 1] in data.figs else None", "self.prev = order[i - 1] if i > 0 else None", TABLES + SENT[1:]),
    (V, "self.upto = [p for p in self.order if order.index(p) <= i]", "self.upto = [p for p in self.order if order.index(p) < i] + [period_id]", TABLES + SENT[1:]),
    (V, 'return (s["mean_upto"], s["n_upto"]) if s["n_upto"] >= 2 else None', 'return (s["mean_upto"], s["n_upto"]) if s["n_upto"] >= 1 else None', TABLES + SENT[1:]),
    (V, "        if len(vals) < 2:\n            return None", "        if len(vals) < 1:\n            return None", TABLES + SENT[1:]),
    (V, "return max(per, key=lambda p: self.v(table, row, col, p))", "return per[-1]", TABLES + SENT[1:]),
    (V, 'return f"**{label}**" if r.startswith("total") else label', 'return f"**{label}**" if r == "total" else label', TABLES + SENT[1:]),
    (V, 'if x == 0 and pr is not None and pr.status == "dash":', 'if x == 0 and pr is not None:', TABLES + SENT[1:]),
    (V, "return sorted(tot, key=lambda r: (-tot[r], labels.row(r, \"ru\", \"city\")))", "return sorted(tot, key=lambda r: (-tot[r], r))", TABLES + SENT[1:]),
    # ---- the report's tables
    (PT, '"t16": ("16", ["detention_cases", "detained_persons"], {}),', '"t16": ("16", ["detained_persons", "detention_cases"], {}),', TABLES),
    (PT, 'if t == "7" and c == "count" and r != "total" and x],', 'if t == "7" and c == "count" and r != "total"],', TABLES),
    (PT, 'rows = [r for r in rows if any(b.v(table, r, c, p) is not None for c, _, ps in groups for p in ps)]',
     'rows = [r for r in rows if any(b.v(table, r, c, p) for c, _, ps in groups for p in ps)]', TABLES),
    (PT, 'out["t09"] = across_periods(b, "9", "total", "share_pct", labels.row("unsanctioned_share", lang), mean=True)',
     'out["t09"] = across_periods(b, "9", "total", "share_pct", labels.row("unsanctioned_share", lang))', TABLES),
]

MUTANTS += [
    # ---- blocking checks: a spec row, a join, a CASE, the sign of a difference, a period, a column
    (FS, "    ('8',  'count',              'category rows', 'Table 1 total count'),\n", "", CHECKS),
    (FS, "    ('19', 'duration_total_min', 'category rows', 'the total row')\n", "    ('19', 'duration_avg_min',   'category rows', 'the total row')\n", CHECKS),
    (FS, "    ('11', 'sanctioned',         'category rows', 'the total row'),\n", "", CHECKS),
    (FS, "CASE s.against WHEN '100' THEN 100.0 WHEN 'the total row' THEN t.value ELSE a.value END AS total",
     "CASE s.against WHEN '100' THEN 100.0 WHEN 'the total row' THEN a.value ELSE t.value END AS total", CHECKS),
    (FS, "FROM spec s JOIN f ON f.table_no = s.table_no AND f.col_key = s.col_key", "FROM spec s JOIN f ON f.table_no = s.table_no", CHECKS),
    (NL, "r AS (SELECT period, count(*) AS n,", "r AS (SELECT period, count(DISTINCT cells) AS n,", LOST),
    ("assets/validate/assets.py", "passed=not bad,", "passed=len(bad) <= 1,", LOST),
    (GXE, 'min_value=0, row_condition=Column("unit") == "number"', 'min_value=None, row_condition=Column("unit") == "number"', CHECKS),
    (GXE, 'column_list=KEYS, meta={"check": "one_value_per_cell"}', 'column_list=KEYS[1:], meta={"check": "one_value_per_cell"}', CHECKS),
    ("assets/quality/gx_suite.py", '.when(ck.str.ends_with("_pct")).then(pl.lit("pct"))', '.when(ck.str.ends_with("_pct") & (ck != "share_pct")).then(pl.lit("pct"))', CHECKS),
    ("assets/quality/gx_suite.py", '.when(ck.str.ends_with("_index")).then(pl.lit("index"))', '.when(ck.str.ends_with("index")).then(pl.lit("number"))', CHECKS),
    (CHK, '"expectations": len(outcome.outcomes),', '"expectations": len(outcome.failures),', CHECKS),
    # ---- reconciliation
    (RECS, "WHEN value_status = 'dash' AND coalesce(derived, 0) = 0 THEN 'match'", "WHEN value_status = 'dash' AND coalesce(derived, 1) = 0 THEN 'match'", REC),
    (RECS, "WHEN abs(difference) <= tol THEN 'match'", "WHEN abs(difference) < tol THEN 'match'", REC),
    (RECS, "0.5 * pow(10, -decimals) + 1e-9 AS tol", "pow(10, -decimals) AS tol", REC),
    (RECS, "WHEN approximate AND abs(difference) <= 0.25 * abs(published) THEN 'match_approximate'", "WHEN approximate AND abs(difference) <= 0.5 * abs(published) THEN 'match_approximate'", REC),
    (RECS, "CASE WHEN p.value_status = 'value' THEN p.value END AS published", "p.value AS published", REC),
    (RECS, "WHEN value_status IN ('blank', 'unreadable') AND derived IS NOT NULL THEN 'not_published'", "WHEN value_status = 'blank' AND derived IS NOT NULL THEN 'not_published'", REC),
    (RECS, "WHERE d.value IS NOT NULL AND d.value <> 0\n", "WHERE d.value IS NOT NULL AND d.value > 0\n", REC),
    # ---- schemas/card.yaml and the rules
    ("schemas/card.yaml", "      released: {ru: Отпущен без суда, en: Released without charge}", "      released: {ru: Отпущен без суда, en: Released without charge, court: true}",
     [NEW, "tests/test_validation_values.py", "tests/test_schema_files.py", "tests/test_mutants_i14v.py"]),
    ("schemas/card.yaml", "      warning: {ru: Предупреждение, en: Warning, court: true}", "      warning: {ru: Предупреждение, en: Warning}",
     [NEW, "tests/test_validation_values.py", "tests/test_schema_files.py", "tests/test_mutants_i14v.py"]),
    ("schemas/card_rules.py", 'lambda: _ok(~(~pl.col("permission_requested") & pl.col("permission_answer").is_not_null())),', 'lambda: _ok(~(~pl.col("permission_requested") & (pl.col("permission_answer") == "granted"))),', VALID),
    ("schemas/card_rules.py", 'lambda: _ok(~((pl.col("event_status") == "refused") & (pl.col("permission_answer").fill_null("") != "refused"))),', 'lambda: _ok(~((pl.col("event_status") == "refused") & (pl.col("permission_answer").fill_null("refused") != "refused"))),', VALID),
    # ---- redaction
    ("assets/validate/redaction.py", "return {n for n in found if re.search(r\"\\w{3,}\", n)}", "return {n for n in found if re.search(r\"\\w{5,}\", n)}",
     [NEW, "tests/test_redaction_values.py", "tests/test_validation_values.py", "tests/test_redaction_fields.py", "tests/test_redaction_trie.py"]),
    ("assets/validate/redaction.py", "return sorted(n for n in private | (organisers - public) if n)", "return sorted(n for n in private if n)",
     [NEW, "tests/test_redaction_values.py", "tests/test_validation_values.py", "tests/test_redaction_fields.py", "tests/test_mutants_i14v.py"]),
]

# A second batch, written while the first ran (the first's obvious mutants were, two in three, an earlier batch's):
# sql/report's comparisons and remainders, the exports and the validation queries, the coverage, less obvious
# operators in the models, the sentences' other figures, the checks' spec, the card's codes and coercion.
FC, RM, COV = "sql/report/figure_changes.sql", "sql/report/remainders.sql", "sql/coverage.sql"
RSQL = [NEW, "tests/test_report_sql.py", "tests/test_report_sentences_values.py", "tests/test_report_view_values.py",
        "tests/test_report_tables_values.py", "tests/test_report_review.py", "tests/test_report_sentences_hand.py",
        "tests/test_mutants_i14v.py"]
EXPORTS = [NEW, "tests/test_checks_review.py", "tests/test_exports.py", "tests/test_exports_hand.py", "tests/test_datapackage.py"]
REDACT = [NEW, "tests/test_redaction_values.py", "tests/test_validation_values.py", "tests/test_private_names_unclean.py",
          "tests/test_redaction_fields.py", "tests/test_redaction_trie.py", "tests/test_mutants_i14v.py"]
CARD = [NEW, "tests/test_validation_values.py", "tests/test_schema_files.py", "tests/test_validation.py",
        "tests/test_mutants_i14v.py", "-k", "not event_status_keeps"]
CO = "assets/validate/coerce.py"
MUTANTS += [
    # ---- models
    (IC, "GROUP BY GROUPING SETS ((city), ())", "GROUP BY GROUPING SETS ((city), (), ())"),
    (IK, "SELECT 'character' AS field, character AS code, count(*) AS n FROM stg_cards GROUP BY ALL",
     "SELECT 'character' AS field, character AS code, count(*) AS n FROM stg_cards WHERE NOT state GROUP BY ALL"),
    (IK, "SELECT 'organizer_type', organizer_type, count(*) FROM stg_cards GROUP BY ALL", "SELECT 'organizer_type', organizer_type, count(participants) FROM stg_cards GROUP BY ALL"),
    (IU, 'sum(police_count)) AS police, count(*) AS assemblies', 'sum(police_count)) AS police, count(*) FILTER (WHERE police_present) AS assemblies'),
    (P, "ON k.field = 'court_outcome' AND", "ON k.field = 'role' AND"),
    (F + "t13_authorities.sql", "count(*) FILTER (WHERE akimat_present)::DOUBLE FROM c", "count(*) FILTER (WHERE akimat_present OR akimat_warned)::DOUBLE FROM c"),
    (F + "t18_participants.sql", "('participants_median', med::DOUBLE)", "('participants_median', a)"),
    (F + "t04_topics.sql", "count(*)::DOUBLE AS value", "sum(participants)::DOUBLE AS value"),
    (T99, "'activity_index', assemblies / $months::DOUBLE FROM t", "'activity_index', round(assemblies / $months::DOUBLE, 1) FROM t"),
    (T99, "'preventive_detentions', (CASE WHEN count(*) = 0 THEN 0 ELSE sum(preventive_detentions) END)::DOUBLE FROM e", "'preventive_detentions', (CASE WHEN count(*) = 0 THEN 0 ELSE sum(preventive_detentions) FILTER (WHERE event_status = 'held') END)::DOUBLE FROM e"),
    (T99P, "SELECT 'distinct_detained' AS col_key, count(*)::DOUBLE AS value FROM d", "SELECT 'distinct_detained' AS col_key, count(*) FILTER (WHERE assemblies = 1)::DOUBLE AS value FROM d"),
    (F + "t16_detentions.sql", "FROM int_assemblies_by_city,", "FROM (SELECT * FROM int_assemblies_by_city WHERE detention_cases > 0 OR row_key = 'total'),"),
    (F + "t12_law_abidance.sql", "FROM int_assemblies_by_city WHERE row_key = 'total'", "FROM int_assemblies_by_city WHERE row_key <> 'total'"),
    (F + "t01_cities.sql", "'count' AS col_key, n::DOUBLE AS value FROM n", "'count' AS col_key, n::DOUBLE AS value FROM n WHERE n > 1"),
    (F + "t06_organizers.sql", "WHERE field = 'organizer_type')", "WHERE field = 'organizer_type' AND code <> 'party')"),
    (F + "t02_dynamics.sql", "assemblies::DOUBLE AS value FROM int_assemblies_by_city", "assemblies::DOUBLE AS value FROM int_assemblies_by_city WHERE row_key = 'total'"),
    # ---- sql/report: comparisons, means, peaks, remainders
    (FC, "    WHERE f.value IS NOT NULL\n", "", RSQL),
    (FC, "CASE WHEN f.value <> 0 THEN prev.prev_value / f.value END AS prev_to_value", "CASE WHEN prev.prev_value <> 0 THEN prev.prev_value / f.value END AS prev_to_value", RSQL),
    (FC, "avg(h.value) AS mean_upto", "median(h.value) AS mean_upto", RSQL),
    (FC, "count(*) AS n_upto", "count(*) - 1 AS n_upto", RSQL),
    (FC, "THEN (f.value / upto.peak_value - 1) * 100 END AS change_pct_vs_peak", "THEN (upto.peak_value / f.value - 1) * 100 END AS change_pct_vs_peak", RSQL),
    (FC, "LEFT JOIN prev USING (period, table_no, row_key, col_key)", "JOIN prev USING (period, table_no, row_key, col_key)", RSQL),
    (RM, "t.total - sum(CASE WHEN rank <= 2 THEN value ELSE 0 END) AS remainder", "sum(CASE WHEN rank > 2 THEN value ELSE 0 END) AS remainder", RSQL),
    (RM, "count(*) FILTER (WHERE rank > 2) AS remainder_rows", "count(*) FILTER (WHERE rank >= 2) AS remainder_rows", RSQL),
    (RM, "WHERE value IS NOT NULL AND value > 0 AND", "WHERE value IS NOT NULL AND value >= 0 AND", RSQL),
    (RM, "max(CASE WHEN rank = 2 THEN row_key END) AS second_row", "min(CASE WHEN rank >= 2 THEN row_key END) AS second_row", RSQL),
    # ---- exports, validation queries, coverage
    ("sql/exports/cards_public.sql", "ORDER BY card_id", "ORDER BY record_id", EXPORTS),
    ("sql/validate/ids_elsewhere.sql", "    SELECT card_id, period, record_id FROM cards\n    UNION ALL SELECT card_id, period, record_id FROM events_not_held)",
     "    SELECT card_id, period, record_id FROM cards)", VALID),
    ("sql/validate/individual_organisers.sql", "organizer_type = 'individual'", "organizer_type = 'group'", REDACT),
    ("sql/validate/persons_names.sql", "WHERE name IS NOT NULL", "WHERE name IS NOT NULL AND public IS NOT NULL", REDACT),
    (COV, "WHEN c.cards > 0 THEN 'partial'", "WHEN c.cards > 1 THEN 'partial'", [NEW, "tests/test_report_tables_values.py", "tests/test_published.py"]),
    (COV, "THEN c.cards / p.published_assemblies END AS digitised_share", "THEN p.published_assemblies / c.cards END AS digitised_share", [NEW, "tests/test_report_tables_values.py", "tests/test_published.py"]),
    (COV, "AND col_key = 'count' AND \"primary\"", "AND col_key = 'count'", [NEW, "tests/test_report_tables_values.py", "tests/test_published.py"]),
    # ---- sentences: the other figures of a sentence
    (SEN, 'p_prev = b.v("2", "total", "count", prev) if prev else None', 'p_prev = b.v("2", "total", "count", cur) if prev else None', SENT),
    (SEN, 'ci = b.v("3", city, "activity_index")', 'ci = b.v("3", "total", "activity_index")', SENT),
    (SEN, 'c = cmp("3", city, "activity_index", prev)', 'c = cmp("3", "total", "activity_index", prev)', SENT),
    (SEN, 'f" В среднем там проходило {fmt.number(ci, 1, L)} собрания в месяц"', 'f" В среднем там проходило {fmt.count(ci, L)} собрания в месяц"', SENT),
    (SEN, "head, *tail = parts", "*tail, head = parts", SENT),
    (SEN, 'pv = b.v("4", main, "share_pct", prev) if prev else None', 'pv = b.v("4", main, "count", prev) if prev else None', SENT),
    (SEN, 'share = fmt.pct(b.v("7", tied[0], "share_pct"), L)', 'share = fmt.pct(b.v("8", tied[0], "share_pct"), L)', SENT),
    (SEN, 'f"without permission, that is {fmt.pct(sh9, L)}")\n        pv = b.v("9", "total", "share_pct", prev) if prev else None', 'f"without permission, that is {fmt.pct(sh9, L)}")\n        pv = b.v("12", "total", "law_abidance_pct", prev) if prev else None', SENT),
    (SEN, "m = mean12[0]", "m = mean12[1]", SENT),
    (SEN, "        if pci_u is not None:\n", "        if pci_u:\n", SENT),
    (SEN, 'if w is not None and not nothing:', 'if w and not nothing:', SENT),
    (SEN, "f\"({fmt.agree(days, 'day', 'en') if days is not None", "f\"({fmt.agree(a, 'day', 'en') if days is not None", SENT),
    (SEN, 'pv = b.v("17", "total", "share_pct", prev) if prev else None', 'pv = b.v("17", "total", "share_pct") if prev else None', SENT),
    (SEN, "f\"Участников было {c} ({fmt.count(b.v('18', 'total', 'participants', prev), L)}).\"", "f\"Участников было {c} ({fmt.count(b.v('18', 'total', 'participants'), L)}).\"", SENT),
    (SEN, "shown = b.cell(table, row, col, period) if table else fmt.for_column(col, x, L)", "shown = fmt.for_column(col, x, L)", SENT),
    (SEN, 'if c in ("на том же уровне", "the same"):', 'if c == "the same":', SENT),
    # (session 22: dropped — text_figures' loop that printed the activity index with one decimal was dead code
    # (fmt.for_column does it through OWN_DECIMALS) and is gone)
    (TF, 'sv["obstructed_gen"] = fmt.agree(s.get("obstructed_unsanctioned", 0), "unsanctioned assembly", "en",',
     'sv["obstructed_gen"] = fmt.agree(s.get("obstructed", 0), "unsanctioned assembly", "en",', SENT),
    # ---- the report's tables
    (PT, 'out["t05"] = across_periods(b, "5", "ngo", "share_pct", labels.row("ngo", lang))', 'out["t05"] = across_periods(b, "5", "ngo", "share_pct", labels.row("ngo", lang), mean=True)', TABLES),
    # ---- checks
    (FS, "    ('7',  'share_pct',          'total row',     '100'),\n", "", CHECKS),
    (GXE, 'value_set=["derived", "published"]', 'value_set=["derived", "published", "estimated"]', CHECKS),
    # ---- the card and coercion
    (CY, "      fine: {ru: Штраф, en: Fine, court: true}", "      fine: {ru: Fine, en: Штраф, court: true}", CARD),
    (CY, "  city:\n    type: city\n    required: true\n", "  city:\n    type: city\n", CARD),
    ("assets/ingest/readers.py", '    if ":" in text:  # YAML 1.1', '    if False:  # YAML 1.1', VALID),  # was 930 read as minutes
    ("core/dates.py", '    for fmt in ("%H:%M", "%H:%M:%S", "%H.%M"):', '    for fmt in ("%H:%M", "%H:%M:%S", "%M.%H"):', VALID),
]

NEW_TESTS = (NEW,)
NEW_SQL_TESTS = "tests.test_sql_models_i14y"


if __name__ == "__main__":
    sys.exit(main(MUTANTS, new_tests=NEW_TESTS, new_sql_tests=NEW_SQL_TESTS, unlisted=True))
