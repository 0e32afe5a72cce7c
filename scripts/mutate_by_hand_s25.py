#!/usr/bin/env python
"""A twenty-first batch of hand mutants (issue 14; session 25): an outside reviewer's pass over the files the twenty
earlier batches touched least, counted against their size — the published figure as the report prints it
(assets/report/published.py: its digits, its column's decimals, the notes' markers and reasons; no hand mutant
before), the report's tables (assets/report/tables.py: the rows' order, the totals, a count with its share, the
caption of table 14-1), the derived figures' cells a model cannot compute and which figures a period keeps
(assets/derive/figures.py, sql/derive/published_as_figures.sql; none before), `monitor quarantine`'s rows
(sql/cli/quarantine.sql), the quarantine's messages (assets/validate/validate.py: where a duplicate's kept card is,
a repeated header, a total row, the kept card of two; assets/validate/coerce.py: a spreadsheet's serial date and
time, an ambiguous number, a card id in foreign letters), the published figures' loader and schema
(assets/derive/published.py, schemas/published.py: its messages, the choices file, Table 13's rows, Table 18's
extra row), the audit's levels (assets/derive/audit/findings.py) and why a period has no figures
(assets/quality/gx_suite.py). Same mechanism and output as the earlier batches (scripts/mutants_common.py); held
against them with `--dups`.

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s25.py              # all
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s25.py assets/      # only files whose path contains this
    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s25.py --without-new # the score before this session's tests
    .venv/bin/python scripts/mutate_by_hand_s25.py --check                  # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s25.py --dups                   # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main, load_script

NEW = "tests/test_mutants_s25.py"
_m = load_script("mutate")
R = [NEW, *_m.REPORT_TESTS, "tests/test_published_grouped.py"]
FIGS = [NEW, "tests/test_sql_models.py", "tests/test_report_tables_values.py", "tests/test_blocking_checks.py",
        "tests/test_blocking_checks_more.py"]
PAF = [NEW, "tests/test_report_tables_values.py", "tests/test_published.py"]
QUAR = [NEW, "tests/test_cli_arguments.py", "tests/test_inbox_hostile.py", "tests/test_hostile_input.py"]
VAL = [NEW, "tests/test_validation_values.py", "tests/test_validation.py", "tests/test_bad_cells.py",
       "tests/test_bad_file_types.py", "tests/test_file_note_rules.py", "tests/test_vectorised.py", "-k", "not event_status_keeps"]
COE = [NEW, "tests/test_bad_cells.py", "tests/test_count_words.py", "tests/test_coerce_columns.py",
       "tests/test_validation_values.py", "tests/test_inbox_hostile.py"]
PUBT = [NEW, "tests/test_published.py", "tests/test_published_grouped.py", "tests/test_published_order.py",
        "tests/test_published_periods.py", "tests/test_mutants_i14zz.py", "tests/test_audit.py"]
AUD = [NEW, "tests/test_audit.py", "tests/test_audit_reader.py", "tests/test_audit_cli.py", "tests/test_audit_recall.py",
       "tests/test_audit_roots.py"]
NOF = [NEW, "tests/test_cli_plurals.py", "tests/test_quality.py", "tests/test_inbox_hostile.py"]

PUB, TAB, FIG = "assets/report/published.py", "assets/report/tables.py", "assets/derive/figures.py"
PAFS, QS = "sql/derive/published_as_figures.sql", "sql/cli/quarantine.sql"
VV, CO = "assets/validate/validate.py", "assets/validate/coerce.py"
LP, SP = "assets/derive/published.py", "schemas/published.py"
FI, GXS = "assets/derive/audit/findings.py", "assets/quality/gx_suite.py"

MUTANTS = [
    # ---- assets/report/published.py: a published figure as printed, the column's decimals, the notes (none before)
    (PUB, 'return {k: max(v, key=lambda d: (v[d], -d)) for k, v in seen.items()}',
     'return {k: max(v, key=lambda d: (v[d], d)) for k, v in seen.items()}', R),
    (PUB, '        if pr.decimals is not None and pr.status == "value":', '        if pr.decimals is not None:', R),
    (PUB, 's = digits.replace(".", ",") if lang == "ru" else digits.replace(",", ".")', 's = digits.replace(".", ",")', R),
    (PUB, '        return s + ("%" if col.endswith("_pct") else "")', '        return s', R),
    (PUB, '        if GROUPED.search(digits):', '        if False:', R),
    (PUB, '            return str(self.items.index(text) + 1).translate(SUPERSCRIPT)',
     '            return str(len(self.items) + 1).translate(SUPERSCRIPT)', R),
    (PUB, '    if rec.get("audit_note") or rec.get("contradicted_in_report"):', '    if rec.get("audit_note"):', R),
    (PUB, '"not_derived": "div_not_derived"}', '"not_derived": "div_not_published"}', R),
    (PUB, 'Printed(printed, dec, value, st or ("value" if value is not None else "dash"))',
     'Printed(printed, dec, value, st or "value")', R),
    (PUB, 'pr.value is None or (pr.printed is not None and pr.printed.strip() in DASHES):', 'pr.value is None:', R),
    # ---- assets/report/tables.py: the rows' order, the totals, a count with its share, the caption
    (TAB, 'key=lambda r: (-(fig.get((table_no, r, order_col)) or 0), labels.row(r, "ru")))',
     'key=lambda r: ((fig.get((table_no, r, order_col)) or 0), labels.row(r, "ru")))', R),
    (TAB, 'if t == table_no and c == order_col and not r.startswith("total")}', 'if t == table_no and c == order_col}', R),
    (TAB, '                if sv is not None:\n', '                if True:\n', R),
    (TAB, '    if not table_no[:1].isdigit():', '    if not table_no.isdigit():', R),
    (TAB, 'rows = rows + [t for t in totals if any(k[0] == table_no and k[1] == t for k in fig)]', 'rows = rows + list(totals)', R),
    (TAB, '    return "".join(out).replace("\\n", " ")', '    return "".join(out)', R),
    # ---- assets/derive/figures.py, sql/derive/published_as_figures.sql: the cells a model cannot compute, which figures
    (FIG, 'pl.when(pl.col("value").is_nan()).then(None).otherwise(pl.col("value")).alias("value"))',
     'pl.col("value"))', FIGS),
    (FIG, 'pl.when(pl.col("value").is_null()).then(pl.lit("blank")).otherwise(pl.lit("value")).alias("value_status"))',
     'pl.lit("value").alias("value_status"))', FIGS),
    (FIG, '    return derived if period.derived and derived.height else published', '    return derived if derived.height else published', FIGS),
    (FIG, '        if m and m not in models:', '        if m:', FIGS),
    (FIG, 'label, share = (cov["coverage"][0], cov["digitised_share"][0]) if cov.height else ("none", None)',
     'label, share = (cov["coverage"][0], cov["digitised_share"][0]) if cov.height else ("partial", None)', FIGS),
    (PAFS, 'FROM published_figures WHERE period = $period AND "primary"', 'FROM published_figures WHERE period = $period', PAF),
    (PAFS, "CASE WHEN value_status = 'value' THEN value END AS value", "value", PAF),
    # ---- sql/cli/quarantine.sql: `monitor quarantine`'s rows
    (QS, "WHERE $period IS NULL OR period = $period OR period = $inbox", "WHERE $period IS NULL OR period = $period", QUAR),
    (QS, "ORDER BY period = $inbox DESC, period, source_file, row_no", "ORDER BY period, source_file, row_no", QUAR),
    # ---- assets/validate/validate.py: the quarantine's messages
    (VV, 'if sheet and source_file.lower().endswith((".xlsx", ".zip")) else ""', 'if sheet and source_file.lower().endswith(".xlsx") else ""', VAL),
    (VV, 'for p in own_names[:3])', 'for p in own_names[:2])', VAL),
    (VV, r'(?:итого|всего|итог|сумма|total|totals|sum|барлығы|жиыны)', r'(?:всего|итог|сумма|total|totals|sum|барлығы|жиыны)', VAL),
    (VV, 'keep = next((p for p in positions if where[rows[p][1]][1] == incumbent), positions[0])', 'keep = positions[0]', VAL),
    (VV, '                same = rows[p][0] == rows[keep][0]', '                same = True', VAL),
    (VV, 'return "sheet_not_read" if "not read:" in w or "hidden, so it was not read" in w else "title_above_header"',
     'return "sheet_not_read" if "not read:" in w else "title_above_header"', VAL),
    (VV, '"rule": rule or ("inbox_skipped" if refused else _legacy_warning_rule(w)),', '"rule": rule or _legacy_warning_rule(w),', VAL),
    # ---- assets/validate/coerce.py: the reasons of a value that is not one
    (CO, '    day = dt.date(1899, 12, 30) + dt.timedelta(days=int(float(s)))', '    day = dt.date(1899, 12, 31) + dt.timedelta(days=int(float(s)))', COE),
    (CO, '    minutes = round(float(s) * 24 * 60)', '    minutes = int(float(s) * 24 * 60)', COE),
    (CO, '    if minutes >= 24 * 60:\n        return None', '    if minutes > 24 * 60:\n        return None', COE),
    (CO, '("" if len(re.findall(r"[.,]", plain)) > 1 else f" or {int(decimals)}")', '("" if len(re.findall(r"[.,]", plain)) > 0 else f" or {int(decimals)}")', COE),
    (CO, 'if _UNKNOWN_WORDS.fullmatch(s) and f.type in ("int", "bool"):', 'if _UNKNOWN_WORDS.fullmatch(s) and f.type == "int":', COE),
    (CO, '        if any(c.isascii() and c.isalpha() for c in s):', '        if any(c.isascii() for c in s):', COE),
    # ---- assets/derive/published.py, schemas/published.py: the published figures' loader, its messages, its schema
    (LP, 'more = f"\\n... and {len(problems) - MAX_MESSAGES} more" if len(problems) > MAX_MESSAGES else ""',
     'more = f"\\n... and {len(problems) - MAX_MESSAGES} more" if len(problems) >= MAX_MESSAGES else ""', PUBT),
    (LP, '        files = sorted(f for f in path.glob("*.csv") if f.name != CHOICES_FILE)', '        files = sorted(path.glob("*.csv"))', PUBT),
    (LP, '        if not any(c.strip() for c in rec):\n            continue\n        if len(rec) != len(COLUMNS):',
     '        if len(rec) != len(COLUMNS):', PUBT),
    (LP, '        "greater_than_or_equal_to": f"must be >= {arg}",', '        "greater_than_or_equal_to": f"must be > {arg}",', PUBT),
    (LP, '            n = int(same["primary"].sum())', '            n = same.height', PUBT),
    (LP, '    return (m.group(1), int(m.group(2)), msg) if m else ("", 0, msg)', '    return (m.group(1), m.group(2), msg) if m else ("", "0", msg)', PUBT),
    (LP, '            if (printed is None) != (row["published"] is None) or (', '            if (', PUBT),
    (SP, '    if dim == "authority":          # Table 13 has no total row\n        return row_key in AUTHORITIES\n', '', PUBT),
    (SP, 'EXTRA_ROWS: dict[str, tuple[str, ...]] = {"18": ("total_excl_sanctioned",)}', 'EXTRA_ROWS: dict[str, tuple[str, ...]] = {}', PUBT),
    (SP, '        return head in CHARACTERS and bool(topic.strip())', '        return head in CHARACTERS', PUBT),
    (SP, 'return data.lazyframe.select(pl.col(data.key).is_finite().fill_null(True))',
     'return data.lazyframe.select(pl.col(data.key).is_finite().fill_null(False))', PUBT),
    # ---- the audit's levels, why a period has no figures
    (FI, '            if d < f.decimals and abs(f.value - e) <= 0.5 * 10 ** -d + EPS:',
     '            if d <= f.decimals and abs(f.value - e) <= 0.5 * 10 ** -d + EPS:', AUD),
    (FI, '        if f.judgement and rule not in PLACEMENT_FREE:', '        if f.judgement:', AUD),
    (GXS, '    if not held and not_held:', '    if not_held:', NOF),
    (GXS, '    not_held = refused + prevented', '    not_held = refused', NOF),
    (GXS, '    if not periods.get(period).derived:', '    if periods.get(period).derived:', NOF),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))
