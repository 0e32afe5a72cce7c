#!/usr/bin/env python
"""A fifth reviewer's hand mutants (issue 14, item 6; branch i14v): kinds the lists of scripts/mutate_by_hand.py,
_i14m.py, _i14q.py, _i14s.py and the operators of scripts/mutate.py did not try — in the SQL models a period
compared with `>=`/`<=` instead of `=`, a staging filter on another column (persons detained only), NULL handling
(`coalesce` removed or added, `IS NOT TRUE` for `NOT`), a GROUP BY key added or changed, `quantile_disc` for a
median, integer division for a share or an index, `floor` of a median, a CASE's branches in the other order, a
code list's share taken over the listed codes only, a count of distinct dates for a count of cards, a filter
requiring a presence for a warning, a table's total picked by `ORDER BY … LIMIT 1`, the wrong column of the same
kind (`participants_high`, `permission_answer` for `sanctioned`, `duration_total_min` for `duration_known`); in
the exports and the validation queries a period's bound and a DISTINCT; in the blocking checks a spec row dropped,
`starts_with` for `=`, a HAVING bound, the error severity or the file kind forgotten, nothing_lost comparing
another column, the pandera schema relaxed (a table number dropped, an empty key let through, infinities allowed);
in the report the first city for the second, the previous period for the mean, a case of Russian agreement, an
English singular, rounding of the index and the mean, the order of the organisers; in schemas/card.yaml a
required field made optional, a code list cut, a court flag dropped; in the redaction a name's publicity read
the other way. Same mechanism and output as the earlier batches (scripts/mutants_common.py). Results:
docs/testing.md ("Hand mutants of a fifth reviewer").

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14v.py              # all
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14v.py sql/figures  # only files whose path contains this
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14v.py --again OUTPUT  # only an earlier run's survivors
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14v.py --without-new sql/  # the score before this branch's tests
    .venv/bin/python scripts/mutate_by_hand_i14v.py --check                  # every old text found once (no run)
"""
from __future__ import annotations

import sys

from mutants_common import (CC, CHK, E, F, FM, FS, GXE, IC, IK, IU, K, NL, P, S, SCH, SEN, T99, T99P, TF, VA, main)

NEW, NEW_SQL = "tests/test_mutants_i14v.py", "tests/test_sql_models_i14v.py"
SENT = [NEW, "tests/test_report_sentences_values.py", "tests/test_report_review.py", "tests/test_report_sentences_hand.py",
        "tests/test_report_view_values.py", "tests/test_mutants_i14s.py"]
FMT = [NEW, "tests/test_fmt_values.py", "tests/test_report_review.py", "tests/test_report_sentences_values.py"]
CHECKS = [NEW, "tests/test_checks_review.py", "tests/test_check_values.py", "tests/test_check_values_hand.py",
          "tests/test_check_result_metadata.py", "tests/test_mutants_i14s.py", "tests/test_check_values_i14s.py"]
SCHEMA = [NEW, "tests/test_check_values.py::test_the_report_tables_are_the_one_list", "tests/test_checks_review.py", "tests/test_blocking_checks.py", "tests/test_blocking_checks_hand.py",
          "tests/test_blocking_checks_more.py"]
LOST = [NEW, "tests/test_checks_review.py", "tests/test_blocking_checks.py", "tests/test_blocking_checks_hand.py",
        "tests/test_mutants_i14s.py"]
EXPORTS = [NEW, "tests/test_checks_review.py", "tests/test_exports.py", "tests/test_exports_hand.py", "tests/test_datapackage.py"]
VALID = [NEW, "tests/test_validation_values.py", "tests/test_validation.py", "-k", "not event_status_keeps"]
REDACT = [NEW, "tests/test_redaction_values.py", "tests/test_validation_values.py", "tests/test_private_names_unclean.py",
          "tests/test_redaction_fields.py", "tests/test_redaction_trie.py", "tests/test_redaction_letters.py"]
CARD = [NEW, "tests/test_validation_values.py", "tests/test_schema_files.py", "tests/test_validation.py", "-k",
        "not event_status_keeps"]
FE, FF, FR, FA = "sql/exports/figures.sql", "sql/exports/cards_public.sql", "sql/exports/reconciliation.sql", "sql/exports/audit.sql"
VIO, VPN, VIE = "sql/validate/individual_organisers.sql", "sql/validate/persons_names.sql", "sql/validate/ids_elsewhere.sql"
CY, RD, CO = "schemas/card.yaml", "assets/validate/redaction.py", "assets/validate/coerce.py"
DA, EX = "assets/derive/assets.py", "assets/report/exports.py"

MUTANTS = [
    # ---- staging: a period's bound, a filter on another column, NULL handling, the wrong column
    (S, "WHERE c.period = getvariable('derive_period')", "WHERE c.period >= getvariable('derive_period')"),
    (S, "NOT c.sanctioned AS unsanctioned", "c.permission_requested AND NOT c.sanctioned AS unsanctioned"),
    (S, "coalesce(c.state_organised, false) AS state", "coalesce(c.state_organised, NOT c.sanctioned) AS state"),
    (E, "WHERE e.period = getvariable('derive_period')", "WHERE e.period <= getvariable('derive_period')"),
    (P, "WHERE p.period = getvariable('derive_period')", "WHERE p.period = getvariable('derive_period') AND p.role IN ('participant', 'organizer')"),
    (P, "coalesce(k.court, false) AS reached_court", "coalesce(k.court, false) AND p.detained AS reached_court"),
    # ---- intermediate: NULL handling, GROUP BY keys, medians, integer division, another column
    (IC, 'CASE WHEN count(*) = 0 THEN 0 ELSE sum(detained) END AS detained_persons', 'CASE WHEN count(*) = 0 THEN 0 ELSE sum(greatest(detained, preventive_detentions)) END AS detained_persons'),
    (IC, "sum(duration_min) AS duration_total_min", "coalesce(sum(duration_min), 0) AS duration_total_min"),
    (IC, "GROUP BY GROUPING SETS ((city), ())", "GROUP BY GROUPING SETS ((city, form), ())"),
    (IC, "median(participants) AS participants_median", "median(coalesce(participants_low, participants)) AS participants_median"),
    (IC, "median(duration_min) AS duration_median_min", "median(duration_min) FILTER (WHERE duration_min > 0) AS duration_median_min"),
    (IC, "100.0 * sanctioned / NULLIF(assemblies, 0) AS law_abidance_pct", "100 * sanctioned // NULLIF(assemblies, 0) AS law_abidance_pct"),
    (IC, 'police / NULLIF(participants_policed, 0)::DOUBLE AS police_control_index', 'police // NULLIF(participants_policed, 0) AS police_control_index'),
    (IC, "participants / NULLIF(assemblies, 0)::DOUBLE AS participants_avg", "round(participants / NULLIF(assemblies, 0)::DOUBLE) AS participants_avg"),
    (IC, "count(*) FILTER (WHERE detained > 0) AS detention_cases", "count(*) FILTER (WHERE detained > preventive_detentions) AS detention_cases"),
    (IC, "sum(participants) AS participants,", "sum(participants_high) AS participants,"),
    (IC, "count(*) FILTER (WHERE unsanctioned) AS unsanctioned", "count(*) FILTER (WHERE permission_answer IS DISTINCT FROM 'granted') AS unsanctioned"),
    (IK, "SELECT 'organizer_type', organizer_type, count(*) FROM stg_cards GROUP BY ALL",
     "SELECT 'organizer_type', organizer_type, count(DISTINCT date) FROM stg_cards GROUP BY ALL"),
    (IK, "SELECT 'character' AS field, character AS code, count(*) AS n FROM stg_cards GROUP BY ALL",
     "SELECT 'character' AS field, character AS code, count(DISTINCT topic) AS n FROM stg_cards GROUP BY ALL"),
    (IK, "SELECT field, code, n, 100.0 * n / NULLIF((SELECT count(*) FROM stg_cards), 0) AS share_pct",
     "SELECT field, code, n, 100.0 * n / NULLIF(sum(n) OVER (PARTITION BY field), 0) AS share_pct"),
    (IK, "SELECT 'form', form, count(*) FROM stg_cards GROUP BY ALL", "SELECT 'form', form, count(*) FROM stg_cards WHERE NOT state GROUP BY ALL"),
    (CC, "FROM stg_persons\nWHERE reached_court", "FROM stg_persons\nWHERE reached_court AND detained"),
    (IU, "FROM stg_cards WHERE unsanctioned AND NOT state", "FROM stg_cards WHERE unsanctioned AND state_organised IS NOT TRUE"),
    (IU, 'if(count(*) = 0, 0, sum(police_count)) AS police', 'if(count(*) = 0, 0, sum(coalesce(police_count, 0))) AS police'),
    (IU, 'median(participants), sum(participants) FILTER', 'quantile_disc(participants, 0.5), sum(participants) FILTER'),
    (IU, 'SELECT row_key, participants, police, police / NULLIF(participants_policed, 0)::DOUBLE', 'SELECT row_key, participants, police, police / NULLIF(participants, 0)::DOUBLE'),
    # ---- figures
    (F + "t01_cities.sql", "SELECT '1', row_key, 'share_pct', 100.0 * n / (SELECT n FROM n WHERE row_key = 'total') FROM n",
     "SELECT '1', row_key, 'share_pct', 100 * n // (SELECT n FROM n WHERE row_key = 'total') FROM n"),
    (F + "t02_dynamics.sql", "FROM int_assemblies_by_city", "FROM int_assemblies_by_city WHERE assemblies > 0"),
    (F + "t03_activity_index.sql", "assemblies / $months::DOUBLE AS value", "assemblies // $months AS value"),
    (F + "t04_character.sql", "SELECT '4', row_key, 'share_pct', share_pct FROM n", "SELECT '4', row_key, 'share_pct', round(share_pct) FROM n"),
    (F + "t04_topics.sql", "GROUP BY character, topic", "GROUP BY character, topic, city"),
    (F + "t04_topics.sql", "count(*)::DOUBLE AS value", "count(DISTINCT city)::DOUBLE AS value"),
    (F + "t05_ngo_activity.sql", "'share_pct' AS col_key, share_pct AS value", "'share_pct' AS col_key, 100.0 * n / NULLIF(sum(n) OVER (), 0) AS value"),
    (F + "t06_organizers.sql", "SELECT '6', row_key, 'share_pct', share_pct FROM n",
     "SELECT '6', row_key, 'share_pct', 100.0 * n / NULLIF(sum(n) OVER (), 0) FROM n"),
    (F + "t08_forms_compared.sql", "SELECT '8', row_key, 'share_pct', share_pct FROM n",
     "SELECT '8', row_key, 'share_pct', 100.0 * n / NULLIF(sum(n) OVER (), 0) FROM n"),
    (F + "t07_forms.sql", "FROM int_assemblies_by_city WHERE row_key = 'total'", "FROM int_assemblies_by_city ORDER BY assemblies DESC LIMIT 1"),
    (F + "t09_unsanctioned.sql", "100.0 * unsanctioned / NULLIF(assemblies, 0) AS value", "100.0 - law_abidance_pct AS value"),
    (F + "t10_reasons.sql", "NULLIF((SELECT count(*) FROM c), 0)", "NULLIF((SELECT count(*) FROM stg_cards WHERE NOT sanctioned), 0)"),
    (F + "t10_reasons.sql", "FROM k LEFT JOIN c ON c.reason_not_applied = k.code GROUP BY k.code",
     "FROM k LEFT JOIN c ON c.reason_not_applied = k.code GROUP BY k.code HAVING count(c.reason_not_applied) > 0"),
    (F + "t10_reasons.sql", "WITH c AS (SELECT reason_not_applied FROM stg_cards WHERE NOT permission_requested)",
     "WITH c AS (SELECT reason_not_applied FROM stg_cards WHERE NOT sanctioned)"),
    (F + "t11_law_abidance_cities.sql", "('law_abidance_pct', pct)", "('law_abidance_pct', 100.0 * s / NULLIF(u, 0))"),
    (F + "t12_law_abidance.sql", "FROM int_assemblies_by_city WHERE row_key = 'total'", "FROM int_assemblies_by_city ORDER BY assemblies DESC LIMIT 1"),
    (F + "t13_authorities.sql", "count(*) FILTER (WHERE police_warned)::DOUBLE FROM c", "count(*) FILTER (WHERE police_warned AND police_present)::DOUBLE FROM c"),
    (F + "t13_authorities.sql", "count(*) FILTER (WHERE akimat_warned)::DOUBLE FROM c", "count(*) FILTER (WHERE akimat_warned AND akimat_present)::DOUBLE FROM c"),
    (F + "t13_authorities.sql", "WITH c AS (SELECT * FROM stg_cards)", "WITH c AS (SELECT * FROM stg_cards WHERE NOT state)"),
    (F + "t14_1_police_control_unsanctioned.sql", "('police_control_index', police_control_index)",
     "('police_control_index', police::DOUBLE / participants)"),
    (F + "t14_police_control.sql", "FROM int_assemblies_by_city,", "FROM int_assemblies_by_city WHERE police > 0,"),
    (F + "t15_police_control_by_period.sql", "FROM int_unsanctioned WHERE row_key = 'total'", "FROM int_unsanctioned WHERE row_key = 'total_excl_state'"),
    (F + "t16_courts.sql", "UNION ALL SELECT 'defendants', count(*)::DOUBLE FROM judged", "UNION ALL SELECT 'defendants', count(DISTINCT pseudonym)::DOUBLE FROM judged"),
    (F + "t16_courts.sql", "count(*) FILTER (WHERE court_outcome = 'released')::DOUBLE FROM p", "count(*) FILTER (WHERE NOT reached_court AND court_outcome IS NOT NULL)::DOUBLE FROM p"),
    (F + "t16_courts.sql", "count(*) FILTER (WHERE court_outcome = 'acquitted')::DOUBLE FROM p", "count(*) FILTER (WHERE court_outcome IN ('acquitted', 'pending'))::DOUBLE FROM p"),
    (F + "t16_courts.sql", "count(*) FILTER (WHERE court_outcome = 'warning')::DOUBLE FROM p", "count(*) FILTER (WHERE court_outcome = 'warning' AND detained)::DOUBLE FROM p"),
    (F + "t16_courts.sql", "UNION ALL SELECT 'fines', count(*) FILTER (WHERE court_outcome = 'fine')::DOUBLE FROM p",
     "UNION ALL SELECT 'fines', count(fine_mrp)::DOUBLE FROM p"),
    (F + "t16_detentions.sql", "('detained_persons', detained_persons::DOUBLE)", "('detained_persons', nullif(detained_persons, 0)::DOUBLE)"),
    (F + "t17_unsanctioned_to_court.sql", "WITH u AS (SELECT card_id FROM stg_cards WHERE unsanctioned)",
     "WITH u AS (SELECT card_id FROM stg_cards WHERE unsanctioned AND NOT state)"),
    (F + "t17_unsanctioned_to_court.sql", "NULLIF((SELECT count(*) FROM u), 0)", "NULLIF((SELECT count(*) FROM int_court_cases), 0)"),
    (F + "t18_participants.sql", "('participants_median', med::DOUBLE)", "('participants_median', floor(med)::DOUBLE)"),
    (F + "t18_participants.sql", "SELECT row_key, participants AS p, participants_avg AS a, participants_median AS med FROM int_assemblies_by_city",
     "SELECT row_key, participants AS p, participants_avg AS a, participants_median AS med FROM int_assemblies_by_city WHERE assemblies > 1"),
    (F + "t19_duration.sql", "WHERE duration_known > 0 OR row_key = 'total'", "WHERE duration_total_min > 0 OR row_key = 'total'"),
    (F + "t19_duration.sql", "('duration_avg_min', duration_avg_min::DOUBLE)", "('duration_avg_min', duration_total_min / assemblies::DOUBLE)"),
    (F + "t19_duration.sql", "('duration_median_min', duration_median_min::DOUBLE)", "('duration_median_min', round(duration_median_min)::DOUBLE)"),
    (T99, "UNION ALL SELECT 'participants_median', participants_median::DOUBLE FROM t", "UNION ALL SELECT 'participants_median', participants_median::DOUBLE FROM ut"),
    (T99, "UNION ALL SELECT 'refused', count(*) FILTER (WHERE permission_answer = 'refused')::DOUBLE FROM c",
     "UNION ALL SELECT 'refused', count(*) FILTER (WHERE permission_answer = 'refused' OR NOT sanctioned)::DOUBLE FROM c"),
    (T99, "UNION ALL SELECT 'state_organised', count(*) FILTER (WHERE state_organised)::DOUBLE FROM c",
     "UNION ALL SELECT 'state_organised', count(state_organised)::DOUBLE FROM c"),
    (T99, "'detention_cases_pct', 100.0 * detention_cases / NULLIF(detained_known, 0) FROM t", "'detention_cases_pct', 100.0 * detention_cases / NULLIF(unsanctioned, 0) FROM t"),
    (T99, "coalesce(sum(CASE WHEN event_status = 'refused' THEN coalesce(applications, 1)\n                                                                WHEN permission_answer = 'refused' THEN 1 ELSE 0 END), 0)",
     "coalesce(sum(CASE WHEN permission_answer = 'refused' THEN 1\n                                                                WHEN event_status = 'refused' THEN coalesce(applications, 1) ELSE 0 END), 0)"),
    (T99, "'preventive_detentions', (CASE WHEN count(*) = 0 THEN 0 ELSE sum(preventive_detentions) END)::DOUBLE FROM e", "'preventive_detentions', (CASE WHEN count(*) = 0 THEN 0 ELSE sum(preventive_detentions) END)::DOUBLE FROM c"),
    (T99, "UNION ALL SELECT 'court_cases', count(*)::DOUBLE FROM int_court_cases", "UNION ALL SELECT 'court_cases', count(*)::DOUBLE FROM stg_persons WHERE reached_court"),
    (T99, "UNION ALL SELECT code, n::DOUBLE FROM int_code_counts WHERE field = 'character'", "UNION ALL SELECT code, n::DOUBLE FROM int_code_counts WHERE field = 'character' AND code <> 'other'"),
    (T99, "'participants_avg_excl_sanctioned_state', participants_avg FROM us", "'participants_avg_excl_sanctioned_state', participants_median::DOUBLE FROM us"),
    (T99, "UNION ALL SELECT 'cities', count(*)::DOUBLE FROM int_assemblies_by_city WHERE row_key <> 'total'",
     "UNION ALL SELECT 'cities', count(DISTINCT participants)::DOUBLE FROM int_assemblies_by_city WHERE row_key <> 'total'"),
    (T99, "OR (event_status = 'held' AND preventive_detentions > 0", "OR (event_status <> 'prevented' AND preventive_detentions > 0"),
    (T99, "UNION ALL SELECT 'participants_low', sum(participants_low)::DOUBLE FROM c", "UNION ALL SELECT 'participants_low', sum(coalesce(participants_low, participants))::DOUBLE FROM c"),
    (T99, "UNION ALL SELECT 'police_per_assembly', avg(police_count)::DOUBLE FROM c", "UNION ALL SELECT 'police_per_assembly', avg(police_count)::DOUBLE FROM c WHERE police_present"),
    (T99P, "FROM stg_persons WHERE detained GROUP BY pseudonym", "FROM stg_persons WHERE detained OR reached_court GROUP BY pseudonym"),
    (T99P, "SELECT pseudonym, count(DISTINCT card_id) AS assemblies", "SELECT pseudonym, count(DISTINCT person_id) AS assemblies"),
]

MUTANTS += [
    # ---- exports and validation queries
    (FE, "ORDER BY table_no, row_key, col_key", "ORDER BY table_no, col_key, row_key", EXPORTS),
    (FR, "SELECT * FROM reconciliation WHERE period = $period", "SELECT * FROM reconciliation WHERE period >= $period", EXPORTS),
    (FA, "SELECT * FROM audit WHERE period = $period", "SELECT * FROM audit", EXPORTS),
    (VIO, "WHERE organizer_type = 'individual' AND organizer_name IS NOT NULL", "WHERE organizer_type <> 'ngo' AND organizer_name IS NOT NULL", REDACT),
    (VPN, "SELECT DISTINCT name, public FROM persons", "SELECT DISTINCT name, coalesce(public, true) AS public FROM persons", REDACT),
    (VIE, "WHERE period <> $period", "WHERE period < $period", VALID),
    # ---- blocking checks
    (FS, "    ('14', 'police',             'category rows', 'the total row'),\n", "", CHECKS),
    (FS, "    ('4',  'count',              'category rows', 'Table 1 total count'),\n", "", CHECKS),
    (FS, "ELSE NOT starts_with(f.row_key, 'total') END", "ELSE f.row_key <> 'total' END", CHECKS),
    (FS, "HAVING count(f.value) > 0", "HAVING sum(f.value) > 0", CHECKS),
    (FS, "LEFT JOIN (SELECT any_value(value) AS value FROM f WHERE table_no = '1' AND col_key = 'count' AND row_key = 'total') a",
     "LEFT JOIN (SELECT any_value(value) AS value FROM f WHERE table_no = '2' AND col_key = 'count' AND row_key <> 'total') a", CHECKS),
    (NL, "FROM quarantine WHERE severity = 'error' AND kind <> 'file'", "FROM quarantine WHERE kind <> 'file'", LOST),
    (NL, "FROM quarantine WHERE severity = 'error' AND kind <> 'file'", "FROM quarantine WHERE severity = 'error'", LOST),
    (NL, "p AS (SELECT period, count(*) AS n FROM persons GROUP BY period)", "p AS (SELECT period, count(DISTINCT card_id) AS n FROM persons GROUP BY period)", LOST),
    (VA, "bad = [r for r in rows if r[1] != r[2] + r[3] + r[4]]", "bad = [r for r in rows if r[1] != r[2] + r[3] + r[5]]", LOST),
    (VA, "bad = [r for r in rows if r[1] != r[2] + r[3] + r[4]]", "bad = [r for r in rows if r[1] < r[2] + r[3] + r[4]]", LOST),
    (VA, "rows = [r for r in rows if r[0] == context.partition_key]", "rows = [r for r in rows if r[0] != context.partition_key]", LOST),
    (SCH, 'TABLE_NOS: list[str] = [str(i) for i in range(1, 15)] + ["14-1"]', 'TABLE_NOS: list[str] = [str(i) for i in range(1, 16)] + ["14-1"]', SCHEMA),
    (SCH, 'row_key: str = pa.Field(str_length={"min_value": 1})', 'row_key: str = pa.Field(nullable=True)', SCHEMA),
    (SCH, 'return data.lazyframe.select(pl.col("value").is_finite().fill_null(True))', 'return data.lazyframe.select(~pl.col("value").is_nan().fill_null(True))', SCHEMA),
    (SCH, '(~pl.col("col_key").str.ends_with("_pct") | pl.col("value").is_between(0, 100)).fill_null(True))',
     '(~pl.col("col_key").str.ends_with("_pct") | pl.col("value").is_between(0, 1000)).fill_null(True))', SCHEMA),
    (SCH, 'provenance: str = pa.Field(isin=["derived", "published"])', 'provenance: str = pa.Field(nullable=True)', SCHEMA),
    (DA, 'return dg.AssetCheckResult(passed=False, metadata={"failures": fc.height, "first": str(fc.head(10))})',
     'return dg.AssetCheckResult(passed=fc.height == 0, metadata={"failures": fc.height, "first": str(fc.head(10))})', SCHEMA),
    (DA, "FiguresSchema.validate(df, lazy=True)", "FiguresSchema.validate(df.head(0), lazy=True)", SCHEMA),
    (GXE, 'column="value", min_value=0, max_value=100, row_condition=Column("unit") == "pct"',
     'column="value", min_value=0, max_value=101, row_condition=Column("unit") == "pct"', CHECKS),
    (GXE, 'for c in [*KEYS, "provenance"]:', 'for c in KEYS[:2]:', CHECKS),
    (GXE, 'column="difference", min_value=-TOLERANCE, max_value=TOLERANCE', 'column="difference", min_value=-TOLERANCE * 1e6, max_value=TOLERANCE * 1e6', CHECKS),
    (CHK, 'frames = {p: f for p, f in frames.items() if f.height}', 'frames = {p: f for p, f in frames.items() if f.height > 1}', CHECKS),
    (CHK, '"failing": ", ".join(o.check for o in outcome.failures) or "none",', '"failing": ", ".join(o.check for o in outcome.outcomes) or "none",', CHECKS),
    # ---- schemas/card.yaml: a required field made optional, a code dropped, a court flag dropped
    ("schemas/card_rules.py", 'lambda: pl.col("participants").is_not_null() | _not_held(),', 'lambda: pl.col("participants").is_not_null() | True,', CARD),
    (CY, "  form:\n    type: code\n    required: true\n", "  form:\n    type: code\n", CARD),
    (CY, "  permission_requested:\n    type: bool\n    required: true\n", "  permission_requested:\n    type: bool\n", CARD),
    (CY, "      pending: {ru: Дело не рассмотрено, en: Pending, court: true}", "      pending: {ru: Дело не рассмотрено, en: Pending}",
     [NEW, "tests/test_validation_values.py", "tests/test_schema_files.py"]),
    (CY, "      acquitted: {ru: Оправдан, en: Acquitted, court: true}", "      acquitted: {ru: Оправдан, en: Acquitted}",
     [NEW, "tests/test_validation_values.py", "tests/test_schema_files.py"]),
    (CY, "      other_place: {ru: Предложено другое место, en: Another place offered}\n", "", CARD),
    (CY, "  role:\n    type: code\n    required: true\n", "  role:\n    type: code\n", CARD),
    # ---- validation rules and coercion: a relaxed bound, a dropped rule
    ("schemas/card_rules.py", 'lambda: _ok(~((pl.col("police_count") > 0) & (pl.col("police_present") == False))),', 'lambda: _ok(~((pl.col("police_count") > 0) & (pl.col("police_present") == False) & pl.col("police_warned"))),', VALID),
    ("schemas/card_rules.py", 'lambda: _ok(~(pl.col("applications").is_not_null() & (pl.col("event_status").fill_null("held") != "refused"))),', 'lambda: _ok(~((pl.col("applications") > 1) & (pl.col("event_status").fill_null("held") != "refused"))),', VALID),
    ("schemas/card_rules.py", 'lambda: _ok((pl.col("participants_low") <= pl.col("participants")) & (pl.col("participants") <= pl.col("participants_high"))),', 'lambda: _ok((pl.col("participants_low") <= pl.col("participants_high"))),', VALID),
    ("assets/validate/rules.py", 'lambda: _ok(~((pl.col("court_outcome") == "arrest") & ~(pl.col("arrest_days") > 0).fill_null(False))),',
     'lambda: _ok(~((pl.col("court_outcome") == "arrest") & pl.col("arrest_days").is_null())),', VALID),
    ("assets/validate/rules.py", '    if f.type == "code":\n        codes = sorted(f.codes)', '    if f.type == "code" and f.required:\n        codes = sorted(f.codes)', [*VALID, "tests/test_card_schema_codes.py"]),
    (CO, "if f.type == \"int\" and bound is not None and value > bound:", "if f.type == \"int\" and bound is not None and value > bound * 10:", VALID),
    # ---- redaction
    (RD, "(public if pub else private).add(str(name).strip())", "(public if pub is not False else private).add(str(name).strip())", REDACT),
    (RD, "if name is not None and _truthy(_field(d, p_alias, \"public\", caches[\"public\"])) is not True:",
     "if name is not None and _truthy(_field(d, p_alias, \"public\", caches[\"public\"])) is False:", REDACT),
    (RD, "private |= _names_in_refused_files(con, period) - public", "private |= set()", REDACT),
    (RD, "    if not cols or not names:\n        return df", "    if not cols or len(names) < 2:\n        return df", REDACT + ["tests/test_exports.py"]),
    (EX, '"cards_public": ["settlement", "place", "topic", "organizer_name", "source_links"],',
     '"cards_public": ["settlement", "place", "topic", "source_links"],', [NEW, "tests/test_redaction_fields.py", "tests/test_exports.py",
                                                                  "tests/test_exports_hand.py"]),
    (EX, '"figures": ["row_key"],\n}', '"figures": [],\n}', [NEW, "tests/test_redaction_fields.py", "tests/test_exports.py",
                                                                  "tests/test_exports_hand.py"]),
]

MUTANTS += [
    # ---- report sentences, text figures and numbers
    (SEN, "s += (f\" На втором месте — {labels.row(sec, L, 'city')}: {fmt.count(b.v('1', sec, 'count'), L)} \"",
     "s += (f\" На втором месте — {labels.row(sec, L, 'city')}: {fmt.count(b.v('1', top, 'count'), L)} \"", SENT),
    (SEN, "f\" Next comes {labels.row(sec, L, 'city')}: {fmt.count(b.v('1', sec, 'count'), L)} \"",
     "f\" Next comes {labels.row(top, L, 'city')}: {fmt.count(b.v('1', sec, 'count'), L)} \"", SENT),
    (SEN, "f\"Самая высокая митинговая активность зафиксирована в городе {name} — \"",
     "f\"Самая высокая митинговая активность зафиксирована в городе {labels.row(top, 'en', 'city')} — \"", SENT),
    (SEN, 'for k, n, sh in parts)', 'for k, n, sh in parts[:2])', SENT),
    (SEN, 'c = fmt.share_change(b.v("5", "ngo", "share_pct"), b.v("5", "ngo", "share_pct", prev) if prev else None, L)',
     'c = fmt.share_change(b.v("6", "ngo", "share_pct"), b.v("6", "ngo", "share_pct", prev) if prev else None, L)', SENT),
    (SEN, 'out["individual_share"] = fmt.pct(ind, L) if ind is not None else "—"', 'out["individual_share"] = fmt.pct(ind, L) if ind else "—"', SENT),
    (SEN, "f\"{fmt.pct(m, L)} собраний (см. табл. №9).\" if ru else", "f\"{fmt.pct(m, L)} собраний (см. табл. №9).\" if m else", SENT),
    (SEN, 's = (f"«Индекс законопослушности» составил {fmt.pct(la, L)}" if ru else f"The law-abidance index was {fmt.pct(la, L)}")',
     's = (f"«Индекс законопослушности» составил {fmt.pct(la, L)}" if ru else f"The law-abidance index was {fmt.index(la, L)}")', SENT),
    (SEN, 's += (f", по несанкционированным — {fmt.index(pci_u, L)} (см. табл. №14-1)" if ru else',
     's += (f", по несанкционированным — {fmt.index(pci_all, L)} (см. табл. №14-1)" if ru else', SENT),
    (SEN, 'cities = [r for r in b.cities_over("1", "count", [cur]) if b.v("1", r, "count")]', 'cities = list(b.cities_over("1", "count", [cur]))', SENT),
    (SEN, "{fmt.agree(rel, 'detainee', 'en')} {fmt.verb(rel, 'was', 'were', L)} released", "{fmt.agree(rel, 'detainee', 'en')} were released", SENT),
    (SEN, "f\"{fmt.count(a, L)} to administrative arrest \"", "f\"{fmt.count(days, L)} to administrative arrest \"", SENT),
    (SEN, "s += (f\"; в среднем за {fmt.agree(n17, 'период')} — {fmt.pct(m, L)} (см. табл. №17)\" if ru else",
     "s += (f\"; в среднем за {fmt.agree(n17, 'период')} — {fmt.pct(t17, L)} (см. табл. №17)\" if ru else", SENT),
    (SEN, 'da = b.v("19", "total", "duration_avg_min")', 'da = b.v("19", "total", "duration_median_min")', SENT),
    (SEN, "s_parts.append(f\"Средняя продолжительность собрания — {fmt.mean(da, L)} мин.{was(pv, prev, 'duration_avg_min', '19')}.\" if ru else",
     "s_parts.append(f\"Средняя продолжительность собрания — {fmt.count(da, L)} мин.{was(pv, prev, 'duration_avg_min', '19')}.\" if ru else", SENT),
    (SEN, 'return label if label[:2].isupper() else label[:1].lower() + label[1:]', 'return label[:1].lower() + label[1:]', SENT),
    (TF, 'sv["cities_phrase"] = "в " + fmt.agree_case(s["cities"], "город", "loct")', 'sv["cities_phrase"] = "в " + fmt.agree(s["cities"], "город")', SENT),
    (TF, 'sv["obstructed_gen"] = fmt.agree_case(s.get("obstructed_unsanctioned", 0), "несанкционированная акция", "gent")',
     'sv["obstructed_gen"] = fmt.agree_case(s.get("obstructed", 0), "несанкционированная акция", "gent")', SENT),
    # (session 22: dropped — the loop that printed the activity index with one decimal was dead code, fmt.for_column
    # already does it through OWN_DECIMALS, and is gone)
    (TF, 's["cities"] = float(sum(1 for (t, r, c), x in fig.items() if t == "2" and c == "count" and r != "total" and x))',
     's["cities"] = float(sum(1 for (t, r, c), x in fig.items() if t == "2" and c == "count" and r != "total"))', SENT),
    (FM, 'return number(x, 0 if float(x).is_integer() else 1, lang)', 'return number(x, 0 if x >= 10 else 1, lang)', FMT),
    (FM, 'return number(x, 2, lang)', 'return number(x, 3, lang)', FMT),
    (FM, 'if col_key.endswith(("_avg", "_avg_min", "_median", "_median_min")) or col_key == "police_per_assembly":',
     'if col_key.endswith(("_avg", "_avg_min", "_median", "_median_min")):', FMT),
    (FM, 'return f"осталась на уровне {b}" if lang == "ru" else f"stayed at {b}"', 'return None', FMT),
    (FM, 'return f"с {label} годом" if "-" not in period_id else f"с {label} годами"', 'return f"с {label} годом"', FMT),
]

# A second batch (written after the first run): the report's tables (rows, their order, the topics' total, the mean
# row), sql/report's comparisons and remainders (the peak's tie, a total row ranked, the previous period's join),
# the quality outcome's counts, the exports' formula guard.
PT, RM, FC, GXO = ("assets/report/period_tables.py", "sql/report/remainders.sql", "sql/report/figure_changes.sql",
                   "assets/quality/gx_outcomes.py")
TABLES = [NEW, "tests/test_report_tables_values.py", "tests/test_report_view_values.py", "tests/test_report_review.py",
          "tests/test_report_sentences_values.py"]
RSQL = [NEW, "tests/test_report_sql.py", "tests/test_report_sentences_values.py", "tests/test_report_view_values.py",
        "tests/test_report_tables_values.py", "tests/test_report_review.py", "tests/test_report_sentences_hand.py"]
MUTANTS += [
    (PT, "rows.append([f\"**{labels.row('total', lang)}**\", fmt.count(sum(n for _, n in items), lang)])",
     "rows.append([f\"**{labels.row('total', lang)}**\", fmt.count(sum(n for _, n in shown), lang)])", TABLES),
    (PT, "key=lambda kv: (-kv[1], kv[0]))", "key=lambda kv: (kv[0], -kv[1]))", TABLES),
    (PT, "MAX_TOPICS_PER_CHARACTER = 25", "MAX_TOPICS_PER_CHARACTER = 24", TABLES),
    (PT, "    if mean and len(per) > 1:", "    if len(per) > 1:", TABLES),
    (PT, 'rows=["prosecutor", "akimat", "police"]', 'rows=["akimat", "prosecutor", "police"]', TABLES),
    (PT, "rows = b.cities_over(table, cols[0][0], all_per, by_sum=True)", "rows = b.cities_over(table, cols[0][0], all_per[-1:], by_sum=True)", TABLES),
    (PT, "key=lambda r: (-fig[(\"7\", r, \"count\")], r))", "key=lambda r: (r,))", TABLES),
    (PT, 't8_rows = [r for r in form_keys(b, t8_per) if any(b.v("8", r, "count", p) for p in t8_per)]',
     't8_rows = [r for r in form_keys(b, t8_per) if b.v("8", r, "count", t8_per[-1])]', TABLES),
    (PT, 'line.append("—" if s is None else', 'line.append("—" if n is None else', TABLES),
    (RM, "WHERE value IS NOT NULL AND value > 0 AND NOT starts_with(row_key, 'total')",
     "WHERE value IS NOT NULL AND value > 0 AND row_key NOT IN ('total', 'total_excl_sanctioned')", RSQL),
    (RM, "row_number() OVER (PARTITION BY period, table_no, col_key ORDER BY value DESC, row_key) AS rank",
     "row_number() OVER (PARTITION BY period, table_no, col_key ORDER BY value DESC, row_key DESC) AS rank", RSQL),
    (RM, "HAVING count(*) >= 3", "HAVING count(*) > 3", RSQL),
    (FC, "arg_max(h.period, h.value) AS peak_period", "arg_max(h.period, h.ord) AS peak_period", RSQL),
    (FC, "JOIN period_order AS po ON po.ord = cur.ord - 1", "JOIN period_order AS po ON po.ord = cur.ord - 2", RSQL),
    (FC, "CASE WHEN prev.prev_value <> 0 THEN (f.value / prev.prev_value - 1) * 100 END AS change_pct",
     "CASE WHEN prev.prev_value <> 0 THEN (f.value - prev.prev_value) * 100 END AS change_pct", RSQL),
    (FC, "max(h.value) AS peak_value", "max(h.value) FILTER (WHERE h.ord < cur.ord) AS peak_value", RSQL),
    (GXO, "return sum(o.success for o in self.outcomes)", "return len(self.outcomes)", CHECKS),
    (GXO, "return all(o.success for o in self.outcomes)", "return any(o.success for o in self.outcomes) or not self.outcomes", CHECKS),
    (EX, 'FORMULA_START = ("=", "+", "-", "@", "\\t", "\\r", "\\n", "＝", "＋", "－", "＠")',
     'FORMULA_START = ("=", "+", "@", "\\t", "\\r", "\\n", "＝", "＋", "－", "＠")', EXPORTS),
    (EX, 'FORMULA_START = ("=", "+", "-", "@", "\\t", "\\r", "\\n", "＝", "＋", "－", "＠")',
     'FORMULA_START = ("=", "+", "-", "@", "\\t", "\\r", "\\n")', EXPORTS),
]

# the score before this branch's tests: every forked list without the new file, the SQL harness without its module
NEW_TESTS = (NEW,)
NEW_SQL_TESTS = "tests.test_sql_models_i14v"


if __name__ == "__main__":
    sys.exit(main(MUTANTS, new_tests=NEW_TESTS, new_sql_tests=NEW_SQL_TESTS, unlisted=True))
