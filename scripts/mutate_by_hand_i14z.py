#!/usr/bin/env python
"""A seventh reviewer's hand mutants (issue 14, item 6; branch i14b, the batch named i14z), written against the
files the six earlier batches mutated least (sql/figures' one-line models, stg_codes, stg_events_not_held, the
exports' and validation queries, sql/report's card changes and media counts, the media claims ledger and its
merge, the appendix, notable events, charts, labels, changes, coverage, the card's codes) and, fewer, the
well-covered ones, then held against the six earlier lists by text: a mutant whose (file, old, new) or whose
mutated file text equals an earlier batch's (applied to today's file) was dropped (see docs/testing.md, "Hand
mutants of a seventh reviewer", for how many). Operators: a boundary (`<` / `<=`, `> 0` / `> 1`, `>= 3` / `>= 2`),
quantile_disc for median (the lower median of an even count), rounding in the warehouse, a filter added or
dropped, a column swapped, a COALESCE default, DISTINCT, an ORDER BY key or direction that shows, a CASE's
branches swapped, a Python condition inverted or dropped, `any` / `all`, severity, a tolerance, a plural or a
case, a language, the sign of a difference. Same mechanism and output as the earlier batches
(scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14z.py              # all
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14z.py sql/figures  # only files whose path contains this
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14z.py --again OUTPUT  # only an earlier run's survivors
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14z.py --without-new sql/  # the score before this branch's tests
    .venv/bin/python scripts/mutate_by_hand_i14z.py --check                  # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_i14z.py --dups                   # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys
from pathlib import Path

from mutants_common import (AP, CC, CCH, CF, CH, CHK, F, FC, FM, FS, GXE, GXO, GXS, IC, IK, IU, K, LB, MS, NE, NL, P,
                            PT, PV, RECS, RM, S, SCH, SEN, T99, T99P, TF, VA, E, earlier_batches, main)

NEW, NEW_SQL = "tests/test_mutants_i14z.py", "tests/test_sql_models_i14z.py"
EARLIER = ("tests/test_mutants_i14s.py", "tests/test_mutants_i14v.py", "tests/test_mutants_i14y.py")
SENT = [NEW, "tests/test_report_sentences_values.py", "tests/test_report_review.py", "tests/test_report_sentences_hand.py",
        "tests/test_report_view_values.py", *EARLIER]
FMT = [NEW, "tests/test_fmt_values.py", "tests/test_report_review.py", "tests/test_report_sentences_values.py",
       "tests/test_report_view_values.py", "tests/test_mutants_i14y.py"]
TABLES = [NEW, "tests/test_report_tables_values.py", "tests/test_report_view_values.py", "tests/test_report_review.py",
          "tests/test_report_sentences_values.py", *EARLIER]
CHARTS = TABLES + ["tests/test_chart_formats.py"]
CHANGES = [NEW, "tests/test_report_changes_hand.py", "tests/test_report_review.py", "tests/test_report_view_values.py",
           "tests/test_report_tables_values.py", "tests/test_report_as_of.py", *EARLIER]
PREP = [NEW, "tests/test_report_as_of.py", "tests/test_mutants_i14s.py", "tests/test_report_review.py"]
MEDIA = [NEW, "tests/test_report_media_sources.py", "tests/media/test_claims.py", "tests/media/test_dedup_match.py",
         "tests/test_report_review.py", "tests/test_report_sentences_values.py"]
CHECKS = [NEW, "tests/test_checks_review.py", "tests/test_check_values.py", "tests/test_check_values_hand.py",
          "tests/test_check_result_metadata.py", "tests/test_check_values_i14s.py", "tests/test_blocking_checks.py",
          "tests/test_blocking_checks_more.py", "tests/test_blocking_checks_hand.py", *EARLIER]
LOST = [NEW, "tests/test_checks_review.py", "tests/test_blocking_checks.py", "tests/test_blocking_checks_hand.py", *EARLIER]
REC = [NEW, "tests/test_reconciliation_values.py", "tests/test_checks_review.py", "tests/test_mutants_i14y.py", "tests/test_mutants_s23.py"]
COV = [NEW, "tests/test_report_tables_values.py", "tests/test_published.py", "tests/test_mutants_i14y.py"]
RSQL = [NEW, "tests/test_report_sql.py", "tests/test_report_sentences_values.py", "tests/test_report_view_values.py",
        "tests/test_report_tables_values.py", "tests/test_report_review.py", "tests/test_report_sentences_hand.py", *EARLIER]
EXPORTS = [NEW, "tests/test_checks_review.py", "tests/test_exports.py", *EARLIER]
VALID = [NEW, "tests/test_validation_values.py", "tests/test_validation.py", *EARLIER, "-k", "not event_status_keeps"]
REDACT = [NEW, "tests/test_redaction_values.py", "tests/test_validation_values.py", "tests/test_private_names_unclean.py",
          "tests/test_redaction_fields.py", "tests/test_redaction_trie.py", "tests/test_redaction_letters.py", *EARLIER]
CARD = [NEW, "tests/test_validation_values.py", "tests/test_schema_files.py", "tests/test_validation.py", *EARLIER,
        "-k", "not event_status_keeps"]
RL, CO, VV, RD, CY = ("assets/validate/rules.py", "assets/validate/coerce.py", "assets/validate/validate.py",
                      "assets/validate/redaction.py", "schemas/card.yaml")
COVS, DA, CLM, DD, MV = ("sql/coverage.sql", "assets/derive/assets.py", "assets/media/claims.py", "assets/media/dedup.py",
                         "sql/media/030_card_views.sql")
PREPARE = "assets/report/prepare.py"

MUTANTS = [
    # ---- staging: the code resolution, the period, the defaults
    (K, "SELECT DISTINCT field, code, ru, en, court", "SELECT DISTINCT field, code, ru, en, coalesce(court, true) AS court"),
    (E, "WHERE e.period = getvariable('derive_period')", "WHERE e.period = getvariable('derive_period') AND e.participants > 0"),
    (P, "coalesce(k.court, false) AS reached_court", "coalesce(k.court, p.detained) AS reached_court"),
    # ---- intermediate: a lower median, DISTINCT, a denominator, a filter
    (CC, "SELECT DISTINCT card_id", "SELECT DISTINCT card_id, role"),
    (IU, "median(participants) AS participants_median", "quantile_disc(participants, 0.5) AS participants_median"),
    # ---- figures: the one-line models
    (F + "t01_cities.sql", "100.0 * n / (SELECT n FROM n WHERE row_key = 'total') FROM n", "100.0 * n / NULLIF((SELECT n FROM n WHERE row_key = 'total'), 1) FROM n"),
    (F + "t02_dynamics.sql", "FROM int_assemblies_by_city", "FROM int_assemblies_by_city WHERE assemblies > 1 OR row_key = 'total'"),
    (F + "t03_activity_index.sql", "assemblies / $months::DOUBLE AS value", "round(assemblies / $months::DOUBLE, 2) AS value"),
    (F + "t04_character.sql", "SELECT '4', row_key, 'share_pct', share_pct FROM n", "SELECT '4', row_key, 'share_pct', round(share_pct, 1) FROM n"),
    (F + "t04_topics.sql", "character || '/' || topic AS row_key", "topic AS row_key"),
    (F + "t05_ngo_activity.sql", "'share_pct' AS col_key, share_pct AS value",
     "'share_pct' AS col_key, 100.0 * n / NULLIF((SELECT sum(n) FROM int_code_counts WHERE field = 'organizer_type'), 0) AS value"),
    (F + "t06_organizers.sql", "WHERE field = 'organizer_type')", "WHERE field = 'organizer_type' AND code <> 'individual')"),
    (F + "t06_organizers.sql", "SELECT '6', row_key, 'share_pct', share_pct FROM n", "SELECT '6', row_key, 'share_pct', round(share_pct, 1) FROM n"),
    (F + "t08_forms_compared.sql", "SELECT '8', row_key, 'share_pct', share_pct FROM n",
     "SELECT '8', row_key, 'share_pct', 100.0 * n / NULLIF((SELECT sum(n) FROM n), 0) FROM n"),
    (F + "t08_forms_compared.sql", "SELECT '8' AS table_no, row_key, 'count' AS col_key, n::DOUBLE AS value FROM n",
     "SELECT '8' AS table_no, row_key, 'count' AS col_key, n::DOUBLE AS value FROM n WHERE row_key <> 'other'"),
    (F + "t08_forms_compared.sql", "SELECT '8', row_key, 'share_pct', share_pct FROM n", "SELECT '8', row_key, 'share_pct', round(share_pct) FROM n"),
    (F + "t09_unsanctioned.sql", "100.0 * unsanctioned / NULLIF(assemblies, 0) AS value", "round(100.0 * unsanctioned / NULLIF(assemblies, 0), 1) AS value"),
    (F + "t10_reasons.sql", "100.0 * count(c.reason_not_applied) / NULLIF((SELECT count(*) FROM c), 0) AS value",
     "round(100.0 * count(c.reason_not_applied) / NULLIF((SELECT count(*) FROM c), 0), 1) AS value"),
    (F + "t10_reasons.sql", "FROM stg_cards WHERE NOT permission_requested)", "FROM stg_cards WHERE unsanctioned)"),
    (F + "t11_law_abidance_cities.sql", "('law_abidance_pct', pct)", "('law_abidance_pct', 100.0 - pct)"),
    (F + "t11_law_abidance_cities.sql", "law_abidance_pct AS pct FROM int_assemblies_by_city)", "law_abidance_pct AS pct FROM int_assemblies_by_city WHERE unsanctioned > 0 OR row_key = 'total')"),
    (F + "t12_law_abidance.sql", "law_abidance_pct AS value", "round(law_abidance_pct) AS value"),
    (F + "t13_authorities.sql", "WITH c AS (SELECT * FROM stg_cards)", "WITH c AS (SELECT * FROM stg_cards WHERE unsanctioned)"),
    (F + "t13_authorities.sql", "count(*) FILTER (WHERE akimat_warned)::DOUBLE FROM c", "count(*) FILTER (WHERE akimat_warned IS NOT NULL)::DOUBLE FROM c"),
    (F + "t14_police_control.sql", "FROM int_assemblies_by_city,", "FROM (SELECT * FROM int_assemblies_by_city WHERE police > 0 OR row_key = 'total'),"),
    (F + "t14_1_police_control_unsanctioned.sql", "FROM int_unsanctioned,", "FROM (SELECT * FROM int_unsanctioned WHERE row_key = 'total'),"),
    (F + "t14_1_police_control_unsanctioned.sql", "('police', police::DOUBLE)", "('police', assemblies::DOUBLE)"),
    (F + "t15_police_control_by_period.sql", "police_control_index AS value", "round(police_control_index, 2) AS value"),
    (F + "t16_detentions.sql", "('detained_persons', detained_persons::DOUBLE)", "('detained_persons', detention_cases::DOUBLE)"),
    (F + "t16_detentions.sql", " AS v(col_key, value)", " AS v(col_key, value)\nWHERE detention_cases > 0 OR row_key = 'total'"),
    (F + "t19_duration.sql", "('duration_avg_min', duration_avg_min::DOUBLE)", "('duration_avg_min', (duration_total_min / NULLIF(assemblies, 0))::DOUBLE)"),
    (T99, "'police_per_assembly', avg(police_count)::DOUBLE FROM c", "'police_per_assembly', avg(police_count) FILTER (WHERE police_present)::DOUBLE FROM c"),
    (T99, "'detention_cases_pct', 100.0 * detention_cases / NULLIF(detained_known, 0) FROM t", "'detention_cases_pct', round(100.0 * detention_cases / NULLIF(detained_known, 0), 1) FROM t"),
    (T99, "UNION ALL SELECT 'duration_known', duration_known::DOUBLE FROM t", "UNION ALL SELECT 'duration_known', count(duration_min)::DOUBLE FROM u"),
    (T99P, "SELECT pseudonym, count(DISTINCT card_id) AS assemblies", "SELECT pseudonym, count(*) AS assemblies"),
]

MUTANTS += [
    # ---- numbers as printed: thousands, the percent sign, decimals, cases, the same level
    (FM, 'if col_key.endswith(("_avg", "_avg_min", "_median", "_median_min")) or col_key == "police_per_assembly":',
     'if col_key.endswith(("_avg", "_avg_min", "_median")) or col_key == "police_per_assembly":', FMT),
    (FM, "s = count(r, lang) if whole else number(r, 1, lang)", "s = count(r, lang)", FMT),
    (FM, '    if not whole:\n        return f"в {s} раза"', '    if not whole:\n        return f"в {s} раз"', FMT),
    (FM, "for k in (2, 3, 4, 5))", "for k in (2, 3, 4))", FMT),
    # ---- sentences: boundaries, ties, zero, a plural, the comparison's kind
    (SEN, "        if len(per3) > 1:\n", "        if len(per3) > 2:\n", SENT),
    (SEN, 'cities = [r for r in b.cities_over("1", "count", [cur]) if b.v("1", r, "count")]', 'cities = b.cities_over("1", "count", [cur])', SENT),
    (SEN, '        else:\n            sec = cities[1]', '        elif len(cities) > 2:\n            sec = cities[1]', SENT),
    (SEN, "main = max(parts, key=lambda t: t[2] or 0)[0]", "main = min(parts, key=lambda t: t[2] or 0)[0]", SENT),
    (SEN, 'for k, n, sh in parts)', 'for k, n, sh in parts[1:])', SENT),
    (SEN, 'if da is not None and pv is not None:', 'if da is not None and prev:', SENT),
    # ---- text figures
    (TF, "derived = any(not b.is_pub(b.period, t) for (t, _, _) in b.fig)", "derived = all(not b.is_pub(b.period, t) for (t, _, _) in b.fig)", SENT),
    (TF, "if derived and b.data.reconciliation is not None and not b.data.reconciliation.is_empty():",
     "if b.data.reconciliation is not None and not b.data.reconciliation.is_empty():", SENT),
]

MUTANTS += [
    # ---- the view: footnotes, marks, the periods of a title, the order of cities
    (PV, "if self.used is not None and (period or self.period) == self.period:", "if self.used is not None:", TABLES),
    (PV, 'if rec.get("status") != "mismatch" or rec.get("published") is None:', 'if rec.get("status") == "match" or rec.get("published") is None:', TABLES),
    (PV, "                if note not in notes:\n                    notes.append(note)", "                notes.append(note)", TABLES),
    (PV, "                    notes.append(note)\n                break\n", "                    notes.append(note)\n", TABLES),
    (PV, "return [p for p in self.upto if any(k[0] == table", "return [p for p in self.order if any(k[0] == table", TABLES),
    (PV, 'if self.is_pub(period, table) else "")', 'if self.is_pub(self.period, table) else "")', TABLES),
    (PV, "if any(self.is_pub(p, table) for p in shown):", "if all(self.is_pub(p, table) for p in shown):", TABLES),
    (PV, 'if any("-" in p for p in shown) and not self._period_note_shown:', 'if any("-" in p for p in shown):', TABLES),
    (PV, 'rows.sort(key=lambda r: (r.get("location") != "table", not r.get("primary")))', 'rows.sort(key=lambda r: (r.get("location") != "table", bool(r.get("primary"))))', TABLES),
    (PV, 'if pr is not None and pr.status == "value" and pr.decimals is not None:', 'if pr is not None and pr.decimals is not None:', TABLES),
    (PV, "        if period == self.period:\n            shown += self.divergence_mark", "        if True:\n            shown += self.divergence_mark", TABLES),
    (PV, 'if not in_text and r.get("location") not in (None, "table"):', 'if r.get("location") not in (None, "table"):', [*TABLES, "tests/test_mutants_i14ab.py"]),
    (PV, 'if pub == shown.strip() or status in ("not_derived", "not_published"):', 'if status in ("not_derived", "not_published"):', TABLES),
    (PV, 'key=lambda r: (-(cur.get((table, r, col)) or 0), -tot[r], labels.row(r, "ru", "city")))', 'key=lambda r: (-(cur.get((table, r, col)) or 0), labels.row(r, "ru", "city")))', TABLES),
    # ---- the report's tables
    (PT, 'if any(k[0] in ("8", "7") for k in b.data.figs.get(p, {}))]', 'if any(k[0] == "8" for k in b.data.figs.get(p, {}))]', TABLES),
    (PT, 't8_rows = [r for r in form_keys(b, t8_per) if any(b.v("8", r, "count", p) for p in t8_per)]', "t8_rows = form_keys(b, t8_per)", TABLES),
    (PT, "    if share_col:\n        per = sorted(", "    if not share_col:\n        per = sorted(", TABLES),
    (PT, "if n is not None else b.cell(\"4\", k, \"share_pct\", p)))", "if n is not None else \"—\"))", TABLES),
    (PT, "key=lambda kv: (-kv[1], kv[0]))", "key=lambda kv: -kv[1])", TABLES),
    (PT, '    return sorted(keys, key=lambda r: (-(cur.get(("8", r, "count")) or 0),\n                                       -max((b.v("8", r, "count", p) or 0) for p in per), r))',
     '    return sorted(keys, key=lambda r: (-(cur.get(("8", r, "count")) or 0), r))', TABLES),
    (PT, '"t11": ("11", ["count", "unsanctioned", "sanctioned", "law_abidance_pct"], {}),', '"t11": ("11", ["count", "sanctioned", "unsanctioned", "law_abidance_pct"], {}),', TABLES),
    (PT, '"t01": ("1", ["count", "share_pct"], {"count": "share_pct"}),', '"t01": ("1", ["count", "share_pct"], {}),', TABLES),
    (PT, 'out["t15"] = across_periods(b, "15", "total", "police_control_index", labels.column("police_control_index", lang))',
     'out["t15"] = across_periods(b, "15", "total", "police_control_index", labels.column("police_control_index", lang), mean=True)', TABLES),
    (PT, 'out["t17"] = across_periods(b, "17", "total", "share_pct", labels.word("t17_row", lang))', 'out["t17"] = across_periods(b, "17", "total", "share_pct", labels.word("t17_row", lang), mean=True)', TABLES),
    # ---- charts
    (CF, 'cities = [r for r in b.cities_over("1", "count", [b.period]) if b.v("1", r, "count")]', 'cities = b.cities_over("1", "count", [b.period])', CHARTS),
    (CF, '[b.v("2", "total", "count", p) for p in per], [b.is_pub(p, "2") for p in per],', '[b.v("2", "total", "count", p) for p in per], [False for p in per],', CHARTS),
    (CF, "decimals=2, lang=lang, line=True)))", "decimals=1, lang=lang, line=True)))", CHARTS),
    # ---- notable events
    (NE, 'COMMON_FORMS = {"rally", "picket", "single_picket", "march"}', 'COMMON_FORMS = {"rally", "picket", "march"}', TABLES),
    (NE, "MAX_EVENTS_PER_LIST = 12", "MAX_EVENTS_PER_LIST = 10", TABLES),
    (NE, 'hit = (pl.col("detained").fill_null(0) > 0) | pl.col("obstruction").fill_null(False)', 'hit = (pl.col("detained").fill_null(0) > 0) & pl.col("obstruction").fill_null(False)', TABLES),
    (NE, 'hit = (pl.col("detained").fill_null(0) > 0) | pl.col("obstruction").fill_null(False)', 'hit = (pl.col("detained").fill_null(0) > 0) | pl.col("obstruction").fill_null(True)', TABLES),
    (NE, "sel = cards.filter(unusual & ~political)", "sel = cards.filter(unusual)", TABLES),
    (NE, "n = sel.height + more", "n = sel.height", TABLES),
    # ---- the appendix
    (AP, 'counts = rec.group_by("status").len().sort("status")', 'counts = rec.group_by("status").len().sort("status", descending=True)', TABLES),
    (AP, 'if not printed or lang != "ru":', 'if not printed:', [*TABLES, "tests/test_mutants_s22.py"]),
    (AP, 'align=["l"] * (len(cols) - 2) + ["r", "r"],', 'align=["l"] * len(cols),', TABLES),
    (AP, 'key=lambda r: (table_order(r["table_no"]), r["rule"]))', 'key=lambda r: table_order(r["table_no"]))', TABLES),
    # ---- labels and the context
    (LB, 'return re.sub(r"\\s*\\(\\)", "", re.sub(r"\\s*\\{\\w+\\}", "", s))', 'return re.sub(r"\\s*\\{\\w+\\}", "", s)', TABLES),
    (LB, 'return coded or col_key.replace("_", " ")', 'return coded or col_key', TABLES),
    (LB, 'if field == "city" or (field is None and key in gazetteer.cities()):', 'if field == "city":', TABLES),
    (LB, 'return key.replace("case_", "№")', 'return key.replace("case_", "#")', TABLES),
    (LB, "return entry[lang] if entry else key", 'return entry["ru"] if entry else key', TABLES),
    (LB, "        return f.codes[key][lang]", '        return f.codes[key]["ru"]', TABLES),
]

MUTANTS += [
    # ---- the media counts, the claims ledger and its merge
    (MS, 'format(n=n["cards_media_only"], total=n["cards"],', 'format(n=n["cards_media_only"], total=n["cards_with_attached_media"],', MEDIA),
    ("sql/report/media_sources_of_period.sql", "FROM media_source_counts WHERE period = $period", "FROM media_source_counts", MEDIA),
    (MV, "count(*) FILTER (WHERE NOT media_only AND n_media_links > 0) AS monitor_cards_confirmed_by_media",
     "count(*) FILTER (WHERE n_media_links > 0) AS monitor_cards_confirmed_by_media", MEDIA),
    (MV, "count(*) FILTER (WHERE n_media_links > 0) AS cards_with_attached_media", "count(*) FILTER (WHERE n_media_links > 1) AS cards_with_attached_media", MEDIA),
    (MV, "c.source_type IN ('media', 'social') AS media_only", "c.source_type = 'media' AS media_only", MEDIA),
    (MV, "coalesce(l.n_media_links, 0) AS n_media_links", "coalesce(l.n_media_links, 1) AS n_media_links", MEDIA),
    (CLM, 'add("police_count", event["police_count"], event["police_count"], event["police_count"], event["police_count"])',
     'add("police_count", event["police_count"], None, event["police_count"], event["police_count"])', MEDIA),
    (CLM, 'add("participants", event["participants"], event.get("participants_low"), event["participants"],\n            event.get("participants_high"))',
     'add("participants", event["participants"], event.get("participants_high"), event["participants"],\n            event.get("participants_low"))', MEDIA),
    (CLM, 'if len({c["value"] for c in cs}) > 1}', 'if len({c["value"] for c in cs}) >= 1}', MEDIA),
    (CLM, 'key=lambda c: (str(c.get("published") or "9999"), c.get("url") or "")', 'key=lambda c: (str(c.get("published") or "0000"), c.get("url") or "")', MEDIA),
    (CLM, 'if event.get("detained") is not None:', 'if event.get("detained"):', MEDIA),
    (DD, 'out["participants_low"] = min(lows) if lows else None', 'out["participants_low"] = max(lows) if lows else None', MEDIA),
    (DD, 'out["participants"] = int(statistics.median_low(bests)) if bests else None', 'out["participants"] = int(statistics.median_high(bests)) if bests else None', MEDIA),
    (DD, 'out["participants_high"] = max(highs) if highs else None', 'out["participants_high"] = min(highs) if highs else None', MEDIA),
    (DD, 'out["detained"] = max(det) if det else None', 'out["detained"] = min(det) if det else None', MEDIA),
    (DD, 'out["source_type"] = "social" if all((e.get("kind") == "telegram") for e in group) else "media"',
     'out["source_type"] = "social" if any((e.get("kind") == "telegram") for e in group) else "media"', MEDIA),
    (DD, 'if e.get("url") and e["url"] not in urls:', 'if e.get("url"):', MEDIA),
    # ---- blocking checks: the sums' spec, nothing_lost, the pandera schema, GX, the Dagster check
    (FS, "    ('3',  'activity_index',     'category rows', 'the total row'),\n", "", CHECKS),
    (FS, "    ('6',  'share_pct',          'category rows', '100'),\n", "", CHECKS),
    (FS, "    ('4',  'count',              'category rows', 'Table 1 total count'),", "    ('4',  'count',              'category rows', 'the total row'),", CHECKS),
    (NL, "coalesce(q.n, 0), r.redacted", "coalesce(q.n, 1), r.redacted", LOST),
    (VA, "rows = [r for r in rows if r[0] == context.partition_key]", "rows = [r for r in rows if r[0] >= context.partition_key]", LOST),
    (VA, '"redacted_records": sum(r[5] for r in rows)', '"redacted_records": max((r[5] for r in rows), default=0)', LOST),
    (DA, "FiguresSchema.validate(df, lazy=True)", "FiguresSchema.validate(df.head(1), lazy=True)", CHECKS),
    (DA, 'metadata={"failures": fc.height, "first": str(fc.head(10))}', 'metadata={"failures": fc.height, "first": str(fc.head(5))}', CHECKS),
    (SCH, 'row_key: str = pa.Field(str_length={"min_value": 1})', 'row_key: str = pa.Field(str_length={"min_value": 0})', CHECKS),
    (SCH, 'pl.col("value").is_between(0, 100)).fill_null(True))', 'pl.col("value").is_between(0, 100, closed="none")).fill_null(True))', CHECKS),
    (SCH, 'return data.lazyframe.select(pl.col("value").is_finite().fill_null(True))', 'return data.lazyframe.select(pl.col("value").is_finite().fill_null(False))', CHECKS),
    (SCH, 'return data.lazyframe.select(((pl.col("value") >= 0) | (pl.col("col_key") == "trend")).fill_null(True))',
     'return data.lazyframe.select(((pl.col("value") > 0) | (pl.col("col_key") == "trend")).fill_null(True))', CHECKS),
    (GXE, 'column="value", min_value=0, max_value=100, row_condition=Column("unit") == "pct",', 'column="value", min_value=-1, max_value=100, row_condition=Column("unit") == "pct",', CHECKS),
    (GXE, 'column="difference", min_value=-TOLERANCE, max_value=TOLERANCE,', 'column="difference", min_value=None, max_value=TOLERANCE,', CHECKS),
    (GXE, "TOLERANCE = 1e-6", "TOLERANCE = 1e-2", CHECKS),
    (GXS, "    if figures.height == 0:\n        if allow_empty:", "    if figures.height == 0:\n        if not allow_empty:", CHECKS + ["tests/test_quality.py"]),
    (GXO, "MAX_EXPLANATIONS = 50", "MAX_EXPLANATIONS = 10", CHECKS),
    (GXO, 'return f"{f:.10g}"', 'return f"{f:.3g}"', CHECKS),
    (GXO, 'against = "they must make 100" if row.get("against") == "100" else', 'against = "they must make 100" if row.get("against") == 100 else', CHECKS),
    (CHK, "frames = {p: f for p, f in frames.items() if f.height}", "frames = {p: f for p, f in frames.items()}", CHECKS),
    (CHK, 'explanations=[f"{o.period}: {e}" for e in x.explanations])', "explanations=x.explanations)", [*CHECKS, "tests/test_mutants_i14x.py"]),
]

MUTANTS += [
    # ---- reconciliation: the truncation, the zero of a city, aliases, the audit's note, the choice
    (RECS, "trunc(derived * pow(10, decimals) + 1e-9) / pow(10, decimals) AS truncated", "trunc(derived * pow(10, decimals)) / pow(10, decimals) AS truncated", REC),
    (RECS, "WHEN abs(truncated - published) <= 1e-9 THEN 'match_truncated'", "WHEN abs(truncated - published) <= tol THEN 'match_truncated'", REC),
    (RECS, "'detention_cases', 'detained_persons', 'participants', 'police',", "'detention_cases', 'participants', 'police',", REC),
    (RECS, "coalesce(p.note, '') LIKE 'approximate:%' AS approximate", "coalesce(p.note, 'approximate:') LIKE 'approximate:%' AS approximate", REC),
    (RECS, "'4' AS d_table_no, code AS d_row_key, 'count' AS d_col_key", "'4' AS d_table_no, 'social' AS d_row_key, 'count' AS d_col_key", REC),
    (RECS, "    WHERE EXISTS (SELECT 1 FROM d)", "", REC),
    (RECS, "string_agg(DISTINCT au.message, ' | ' ORDER BY au.message) AS msg", "string_agg(au.message, ' | ' ORDER BY au.message) AS msg", REC),
    (RECS, "LEFT JOIN c ON c.table_no = s.table_no AND c.row_key = s.row_key AND c.col_key = s.col_key", "LEFT JOIN c ON c.table_no = s.table_no AND c.row_key = s.row_key", REC),
    (RECS, 'a.location IS NOT DISTINCT FROM s.location\n           AND a.line IS NOT DISTINCT FROM s.line', 'a.location IS NOT DISTINCT FROM s.location', REC),
    (RECS, "WHEN value_status = 'dash' THEN 'mismatch'", "WHEN value_status = 'dash' THEN 'not_published'", REC),
    # ---- coverage
    (COVS, "WHEN c.cards > 0 THEN 'partial'", "WHEN c.cards >= 0 THEN 'partial'", COV),
    (COVS, "CASE WHEN $declared = 'complete' THEN 'complete'", "CASE WHEN $declared = 'complete' AND c.cards > 0 THEN 'complete'", COV),
    (COVS, "SELECT max(value) AS published_assemblies", "SELECT min(value) AS published_assemblies", COV),
    (COVS, "THEN c.cards / p.published_assemblies END AS digitised_share", "THEN c.cards // p.published_assemblies END AS digitised_share", COV),
    # ---- sql/report: comparisons, peaks, remainders, the card changes
    (FC, "CASE WHEN prev.prev_value <> 0 THEN (f.value / prev.prev_value - 1) * 100 END AS change_pct",
     "CASE WHEN prev.prev_value <> 0 THEN round((f.value / prev.prev_value - 1) * 100) END AS change_pct", RSQL),
    (FC, "CASE WHEN upto.peak_value <> 0 THEN f.value / upto.peak_value END AS ratio_to_peak", "CASE WHEN upto.peak_value <> 0 THEN upto.peak_value / f.value END AS ratio_to_peak", RSQL),
    (RM, "row_number() OVER (PARTITION BY period, table_no, col_key ORDER BY value DESC, row_key) AS rank",
     "rank() OVER (PARTITION BY period, table_no, col_key ORDER BY value DESC) AS rank", RSQL),
    (RM, "HAVING count(*) >= 3", "HAVING count(*) >= 2", RSQL),
    (RM, "WHERE row_key = 'total' AND value IS NOT NULL", "WHERE starts_with(row_key, 'total') AND value IS NOT NULL", RSQL),
    (CCH, "     b AS (SELECT kind, card_id, row_hash, valid_from, date, city FROM card_revisions\n           WHERE period = $period AND valid_from <= $until",
     "     b AS (SELECT kind, card_id, row_hash, valid_from, date, city FROM card_revisions\n           WHERE period = $period AND valid_from < $until", CHANGES),
    (CCH, "CASE WHEN a.card_id IS NULL THEN 'added' WHEN b.card_id IS NULL THEN 'removed' ELSE 'changed' END AS change",
     "CASE WHEN a.card_id IS NULL THEN 'removed' WHEN b.card_id IS NULL THEN 'added' ELSE 'changed' END AS change", CHANGES),
    (CCH, "WHERE a.row_hash IS DISTINCT FROM b.row_hash OR pa.h IS DISTINCT FROM pb.h", "WHERE a.row_hash IS DISTINCT FROM b.row_hash", CHANGES),
    (CH, "changed = [c for c in pair.columns if c not in _META and a[c] != b[c]]", "changed = [c for c in pair.columns if c not in _META]", CHANGES),
    (CH, "return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)", "return moment.replace(tzinfo=dt.timezone.utc)", CHANGES),
    (CH, 'if current.rstrip().endswith(":::"):', "if False:", CHANGES),
    (CH, 'intro = t["since"].format(since=when) + (t["upto"].format(until=_day(until.date(), lang)) if until else "")', 'intro = t["since"].format(since=when)', CHANGES),
    # ---- exports and validation queries
    ("sql/exports/reconciliation.sql", "SELECT * FROM reconciliation WHERE period = $period", "SELECT * FROM reconciliation", EXPORTS),
    ("sql/validate/persons_names.sql", "WHERE name IS NOT NULL", "WHERE name IS NOT NULL AND public", REDACT),
    ("sql/validate/individual_organisers.sql", " AND organizer_name IS NOT NULL", "", REDACT),
    ("sql/validate/ids_incumbent.sql", "WHERE period = $period", "WHERE period <> $period", VALID),
    ("sql/validate/raw_records_not_clean.sql", "      AND r.kind IN ('person', 'card')", "      AND r.kind = 'person'", REDACT),
    ("sql/validate/raw_people_of_period.sql", "r.kind IN ('person', 'card')", "r.kind = 'person'", REDACT),
    # ---- redaction
    (RD, "(public if pub else private).add(str(name).strip())", "(public if pub is not None else private).add(str(name).strip())", REDACT),
    (RD, "private |= _names_in_refused_files(con, period) - public", "private |= _names_in_refused_files(con, period)", REDACT),
    (RD, 'for sep in (",", ";", "\\t"):', 'for sep in (",", ";"):', REDACT),
    (RD, "found.update(cells[i].strip().strip('\"') for i in hits if i < len(cells))", "found.update(cells[i].strip() for i in hits if i < len(cells))", REDACT),
    # ---- the card's codes, the rules, coercion, validation
    (CY, "      arrest: {ru: Административный арест, en: Administrative arrest, court: true}", "      arrest: {ru: Административный арест, en: Administrative arrest}", CARD),
    (CY, "      social: {ru: Социальные сети, en: Social networks}\n", "", CARD),
    (CY, "  source_type:\n    type: code\n    required: true\n", "  source_type:\n    type: code\n", CARD),
    (CY, "  topic:\n    type: text\n    required: true\n", "  topic:\n    type: text\n", CARD),
    (CY, "      spontaneous: {ru: Стихийные объединения граждан, en: Spontaneous groups of citizens}\n", "", CARD),
    (CY, "      prevented: {ru: Не допущено, en: Prevented}\n", "", CARD),
    (CY, "  date:\n    type: date\n    required: true\n", "  date:\n    type: date\n", CARD),
    ("schemas/card_rules.py", 'lambda: _ok(~((pl.col("police_count") > 0) & (pl.col("police_present") == False))),', 'lambda: _ok(~((pl.col("police_count") > 0) & (pl.col("police_present") != True))),', VALID),
    (RL, '~(pl.col("arrest_days") > 0).fill_null(False)', '~(pl.col("arrest_days") >= 0).fill_null(False)', VALID),
    ("core/typed.py", '"н", "-", "ложь"', '"н", "ложь"', VALID),
    (CO, 's = re.sub(r"\\s", "", s)', 's = s.replace(" ", "")', VALID),
    (CO, "    if isinstance(v, float):\n        if v.is_integer():\n            return int(v)\n        raise ValueError", "    if isinstance(v, float):\n        return int(v)", VALID),
    (CO, 'for alias in (key, labels.get("ru", ""), labels.get("en", "")):', 'for alias in (key, labels.get("ru", "")):', VALID),
    (CO, "if len(text) > lim.max_field_chars:", "if len(text) >= lim.max_field_chars:", VALID),
    (CO, "return s if len(s) <= SHOWN else", "return s if len(s) < SHOWN else", VALID),
    (VV, '(pl.col("permission_answer") == "granted").fill_null(False).alias("sanctioned")', '(pl.col("permission_answer") == "granted").fill_null(True).alias("sanctioned")', VALID),
    (VV, 'clean = clean.with_columns(pl.col("event_status").fill_null("held"))', 'clean = clean.with_columns(pl.col("event_status").fill_null("refused"))', VALID),
    (VV, 'if p.rule in NULL_RULES and any(q.field == p.field for q in ps if q is not p):', 'if p.rule in NULL_RULES and False:', VALID),
    ("assets/validate/columns.py", '    if given["police_count"] is None and "police_count" not in failed and values.get("police_present") is False:\n        values["police_count"] = 0\n', '', VALID),
]

NEW_TESTS = (NEW,)
NEW_SQL_TESTS = "tests.test_sql_models_i14z"


EARLIER_BATCHES = earlier_batches(Path(__file__).stem)  # the one list: mutants_common.BATCHES


if __name__ == "__main__":
    if "--dups" in sys.argv:
        from mutants_common import dups_main

        sys.exit(dups_main(MUTANTS, EARLIER_BATCHES))
    sys.exit(main(MUTANTS, new_tests=NEW_TESTS, new_sql_tests=NEW_SQL_TESTS, unlisted=True))
