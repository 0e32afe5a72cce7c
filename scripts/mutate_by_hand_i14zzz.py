#!/usr/bin/env python
"""A ninth, short batch of hand mutants (issue 14; branch i14h, the batch named i14zzz), aimed at the areas the
eight earlier batches covered least (docs/testing.md, "Measured score"): the public exports' and the validation's
SQL (sql/exports, sql/validate), the media ledger and its views (sql/media/020_claims.sql, 030_card_views.sql,
assets/media/claims.py), the media counts of the report (sql/report/media_*, assets/report/media_sources.py),
the checks' SQL (sql/checks: nothing_lost, figure_sums, the period lists) and the JSON / YAML / Excel readers'
messages (assets/ingest/readers.py: which card, person, line or row a message names). Held against the eight
earlier lists with `--dups` (docs/testing.md, "Hand mutants of a ninth reviewer"). Same mechanism and output as the
earlier batches (scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14zzz.py              # all
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14zzz.py sql/media    # only files whose path contains this
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14zzz.py --again OUTPUT  # only an earlier run's survivors
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_i14zzz.py --without-new  # the score before this branch's tests
    .venv/bin/python scripts/mutate_by_hand_i14zzz.py --check                  # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_i14zzz.py --dups                   # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys
from pathlib import Path

from mutants_common import MS, NL, FS, earlier_batches, main

NEW = "tests/test_mutants_i14zzz.py"
EXPORTS = [NEW, "tests/test_exports.py", "tests/test_checks_review.py"]
VALID = [NEW, "tests/test_validation_values.py", "tests/test_validation.py", "tests/test_validate_parts.py"]
REDACT = [NEW, "tests/test_redaction_values.py", "tests/test_validation_values.py", "tests/test_private_names_unclean.py",
          "tests/test_erasure.py"]
CHECKS = [NEW, "tests/test_checks_review.py", "tests/test_check_values.py", "tests/test_check_values_hand.py",
          "tests/test_check_values_i14s.py", "tests/test_blocking_checks.py", "tests/test_blocking_checks_hand.py",
          "tests/test_blocking_checks_more.py"]
MEDIA = [NEW, "tests/test_report_media_sources.py", "tests/media/test_claims.py", "tests/test_report_review.py"]
INGEST = [NEW, "tests/test_hostile_input.py", "tests/test_ingest.py", "tests/test_raw_format.py"]

FE, FF, FR, FA = "sql/exports/figures.sql", "sql/exports/cards_public.sql", "sql/exports/reconciliation.sql", "sql/exports/audit.sql"
V = "sql/validate/"
MV, CL, MSP, MSC = ("sql/media/030_card_views.sql", "sql/media/020_claims.sql", "sql/report/media_sources_of_period.sql",
                    "sql/report/media_sources_cards_only.sql")
CLM, RD = "assets/media/claims.py", "assets/ingest/readers.py"
NOTC, NOTCI = V + "raw_records_not_clean.sql", V + "raw_records_not_clean_ids.sql"
PERSONS_CLEAN = "    UNION ALL\n    SELECT record_id FROM persons WHERE period = $period AND record_id IS NOT NULL\n"

MUTANTS = [
    # ---- sql/exports: the period filter, the provenance, the order
    (FA, "SELECT * FROM audit WHERE period = $period", "SELECT * FROM audit WHERE period <> $period", EXPORTS),
    (FR, "SELECT * FROM reconciliation WHERE period = $period", "SELECT * FROM reconciliation WHERE period <= $period", EXPORTS),
    (FE, "SELECT * FROM figures WHERE period = $period", "SELECT * FROM figures WHERE period >= $period", EXPORTS),
    (FE, "SELECT * FROM figures WHERE period = $period", "SELECT * FROM figures WHERE period = $period AND provenance = 'derived'", EXPORTS),
    (FE, "ORDER BY table_no, row_key, col_key", "ORDER BY col_key, row_key, table_no", EXPORTS),
    (FF, "SELECT * FROM cards WHERE period = $period", "SELECT * FROM cards WHERE period <> $period", EXPORTS),
    (FF, "ORDER BY card_id", "ORDER BY card_id DESC", EXPORTS),
    # ---- sql/validate: ids, names, raw records of the period, the unclean records, refused files
    (V + "ids_elsewhere.sql", "WHERE period <> $period", "WHERE period > $period", VALID),
    (V + "ids_incumbent.sql", "    SELECT card_id, period, record_id FROM cards\n    UNION ALL SELECT card_id, period, record_id FROM events_not_held)",
     "    SELECT card_id, period, record_id FROM cards)", VALID),
    (V + "ids_incumbent.sql", "SELECT card_id, record_id FROM (", "SELECT card_id, card_id AS record_id FROM (", VALID),
    (V + "persons_names.sql", "SELECT DISTINCT name, public FROM persons", "SELECT DISTINCT name, false AS public FROM persons", REDACT),
    (V + "individual_organisers.sql", "organizer_type = 'individual'", "organizer_type IS NOT NULL", REDACT),
    (V + "parts_of_period.sql", "WHERE period = $period", "WHERE period <> $period", VALID),
    (V + "raw_files_of_period.sql", "SELECT source_file, format, problem, warnings", "SELECT source_file, format, warnings, problem", VALID),
    (V + "raw_headers_of_period.sql", " WHERE period = $period", "", VALID + REDACT[1:]),
    (V + "raw_people_of_period.sql", "JOIN raw_headers AS h ON h.period = r.period AND h.header_id = r.header_id",
     "JOIN raw_headers AS h ON h.header_id = r.header_id", REDACT),
    (NOTC, PERSONS_CLEAN, "", REDACT),
    (NOTC, "JOIN raw_headers AS h ON h.period = r.period AND h.header_id = r.header_id", "JOIN raw_headers AS h ON h.header_id = r.header_id", REDACT),
    (NOTCI, PERSONS_CLEAN, "", REDACT),
    (NOTCI, "AND r.kind IN ('person', 'card')", "AND r.kind = 'card'", REDACT),
    (NOTCI, "AND r.record_id NOT IN (SELECT record_id FROM clean)", "AND r.record_id IN (SELECT record_id FROM clean)", REDACT),
    (V + "raw_record_rows_not_clean.sql", "record_id IN (SELECT record_id FROM _not_clean_ids)", "record_id NOT IN (SELECT record_id FROM _not_clean_ids)", REDACT),
    (V + "refused_files_of_period.sql", "WHERE period = $period AND problem IS NOT NULL AND content IS NOT NULL", "WHERE period = $period AND problem IS NULL AND content IS NOT NULL", REDACT),
    (V + "refused_files_of_period.sql", "WHERE period = $period AND problem IS NOT NULL AND stored", "WHERE period = $period AND stored", REDACT),
    (V + "raw_records_of_period.sql", "ORDER BY source_file, sheet, row_no", "ORDER BY row_no, source_file, sheet", VALID),
    # ---- sql/checks: nothing_lost, figure_sums, which periods and figures the checks read
    (NL, "coalesce(c.n, 0), coalesce(p.n, 0)", "coalesce(p.n, 0), coalesce(c.n, 0)", CHECKS),
    (FS, "('4',  'share_pct',          'category rows', '100'),", "('4',  'share_pct',          'category rows', 'the total row'),", CHECKS),
    (FS, "table_no = '1' AND col_key = 'count' AND row_key = 'total') a", "table_no = '1' AND col_key = 'share_pct' AND row_key = 'total') a", CHECKS),
    ("sql/checks/figure_periods.sql", "SELECT DISTINCT period FROM figures", "SELECT period FROM figures", CHECKS),
    ("sql/checks/figures_of_period.sql", "FROM figures WHERE period = $period", "FROM figures WHERE period = $period AND provenance = 'derived'", CHECKS),
    ("sql/checks/all_figures.sql", "SELECT * FROM figures", "SELECT * FROM figures WHERE provenance = 'derived'", CHECKS),
    # ---- the media views and the ledger's links
    (MV, "FROM cards c LEFT JOIN media_card_links l ON l.card_id = c.card_id", "FROM cards c JOIN media_card_links l ON l.card_id = c.card_id", MEDIA),
    (MV, "count(*) FILTER (WHERE media_only) AS cards_media_only", "count(*) FILTER (WHERE NOT media_only) AS cards_media_only", MEDIA),
    (MV, "WHERE trim(u) <> '') AS all_links", "WHERE u <> '') AS all_links", MEDIA),
    (MV, "SELECT string_agg(DISTINCT u, ';' ORDER BY u)", "SELECT string_agg(u, ';' ORDER BY u)", MEDIA),
    (MV, "c.source_links AS own_links", "l.media_links AS own_links", MEDIA),
    (CL, "count(DISTINCT url) AS n_media_links", "count(url) AS n_media_links", MEDIA),
    (CL, "string_agg(DISTINCT url, ';' ORDER BY url) AS media_links", "string_agg(url, ';' ORDER BY url) AS media_links", MEDIA),
    (MSC, "SELECT count(*) AS cards,", "SELECT count(source_type) AS cards,", MEDIA),
    (MSC, "FILTER (WHERE source_type IN ('media', 'social'))", "FILTER (WHERE source_type NOT IN ('media', 'social'))", MEDIA),
    (MSP, "SELECT cards, cards_media_only, cards_with_attached_media, monitor_cards_confirmed_by_media",
     "SELECT cards, cards_media_only, monitor_cards_confirmed_by_media, cards_with_attached_media", MEDIA),
    # ---- media_sources.py: the counts' words
    (MS, 'if _exists(con, "media_source_counts"):', 'if _exists(con, "media_claims"):', MEDIA),
    (NL, "coalesce(q.n, 0), r.redacted", "coalesce(q.n, 0), 0", CHECKS),
    (NL, "LEFT JOIN c USING (period) LEFT JOIN p USING (period)", "LEFT JOIN c USING (period) JOIN p USING (period)", CHECKS),
    (FS, "('14', 'police',             'category rows', 'the total row'),", "('14', 'police',             'category rows', 'Table 1 total count'),", CHECKS),
    (FS, "FROM f WHERE row_key = 'total' GROUP BY ALL) t", "FROM f WHERE row_key LIKE 'total%' GROUP BY ALL) t", CHECKS),
    (MV, "count(*) FILTER (WHERE n_media_links > 0) AS cards_with_attached_media", "count(*) FILTER (WHERE NOT media_only) AS cards_with_attached_media", MEDIA),
    (MS, 'COUNTS = ("cards", "cards_media_only", "cards_with_attached_media", "monitor_cards_confirmed_by_media")',
     'COUNTS = ("cards", "cards_with_attached_media", "cards_media_only", "monitor_cards_confirmed_by_media")', MEDIA),
    (MS, 'elif _exists(con, "cards"):', 'elif _exists(con, "persons"):', MEDIA),
    (MS, 'if not counts:\n        return ""', 'if not counts.get("cards_media_only"):\n        return ""', MEDIA),
    (MS, 'return {k: int(v or 0) for k, v in zip(COUNTS, row)}', 'return {k: int(v or 0) for k, v in zip(COUNTS, row) if v}', MEDIA),
    # ---- claims.py: ids, values, the order, the summary, a card's sources
    (CLM, 'hashlib.sha1(f"{ev_key}|{field}".encode())', 'hashlib.sha1(f"{ev_key}".encode())', MEDIA),
    (CLM, 'if sentence and sentence.startswith("("):', 'if not sentence or sentence.startswith("("):', MEDIA),
    (CLM, "return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else str(v)", "return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v", MEDIA),
    (CLM, 'for f in ("date", "city", "place"):', 'for f in ("date", "city"):', MEDIA),
    (CLM, 'key=lambda c: (str(c.get("published") or "9999"), c.get("url") or "")', 'key=lambda c: (c.get("url") or "", str(c.get("published") or "9999"))', MEDIA),
    (CLM, """" | ".join(f"{c['value']} ({c['url']})" for c in cs)""", """" | ".join(f"{c['url']} ({c['value']})" for c in cs)""", MEDIA),
    (CLM, "return list(dict.fromkeys(own + attached))", "return own + attached", MEDIA),
    (CLM, 'own = [u.strip() for u in str((row or [""])[0] or "").split(";") if u.strip()]', 'own = [u for u in str((row or [""])[0] or "").split(";") if u.strip()]', MEDIA),
    # ---- readers.py: which card, person, line, row a message names; the limits' boundaries
    (RD, 'raise FileProblem(f"card {n}: person {j} is not a set of fields")', 'raise FileProblem(f"card {n}: person {n} is not a set of fields")', INGEST),
    (RD, 'raise FileProblem(f"card {n} in the file is not a set of fields', 'raise FileProblem(f"card {n - 1} in the file is not a set of fields', INGEST),
    (RD, "    for n, item in enumerate(items, start=1):", "    for n, item in enumerate(items):", INGEST),
    (RD, "(first on line {seen[key]}); keep one", "(first on line {seen[key] - 1}); keep one", INGEST),
    (RD, 'raise FileProblem(f"line {key_node.start_mark.line + 1}: the field', 'raise FileProblem(f"line {key_node.start_mark.line}: the field', INGEST),
    (RD, "for i, row in enumerate(ws.iter_rows(values_only=True, max_col=lim.max_columns + 1), start=1):",
     "for i, row in enumerate(ws.iter_rows(values_only=True, max_col=lim.max_columns + 1)):", INGEST),
    (RD, "        if len(item) > lim.max_columns:", "        if len(item) >= lim.max_columns:", INGEST),
    (RD, "    if len(items) > lim.max_records:", "    if len(items) >= lim.max_records:", INGEST),
    (RD, 'pdata.setdefault("card_id", card.get("card_id", ""))', 'pdata["card_id"] = card.get("card_id", "")', INGEST),
    (RD, 'row_no=j, data=pdata))', 'row_no=n, data=pdata))', INGEST),
]

NEW_TESTS = (NEW,)
EARLIER_BATCHES = earlier_batches(Path(__file__).stem)  # the one list: mutants_common.BATCHES


if __name__ == "__main__":
    if "--dups" in sys.argv:
        from mutants_common import dups_main

        sys.exit(dups_main(MUTANTS, EARLIER_BATCHES))
    sys.exit(main(MUTANTS, new_tests=NEW_TESTS, unlisted=True))
