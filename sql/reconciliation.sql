-- Reconciliation of one period with cards: every published printing of a figure gets exactly one status, and so
-- does every derived cell the report would print but the published report does not have.
--   match             |derived - published| <= half a unit of the last printed digit; or the report prints
--                     "-" (none) and the cards give none (no cell, or 0)
--   match_truncated   the report printed the value cut, not rounded (16.67 printed "16,6")
--   match_approximate a verbal figure ("половина", "около 15"; note 'approximate: ...') within 25%
--   mismatch          anything else where both sides have a figure (a "-" against a non-zero count too)
--   not_derived       published (a number, or a blank / unreadable cell), no derived figure (a city missing
--                     from a derived city table that has its total counts 0 there: match or mismatch)
--   not_published     derived only: a figure of a column the report prints for the period, for a row it
--                     does not print (a blank or unreadable published cell with a derived figure, too)
-- `source`: the publication of the printing (data/published/*.csv); two publications, or two repeats of one, may
-- print a cell at the same location and line: each printing is its own row, told apart by (source, location,
-- line). A derived-only cell has no source, and exactly one row.
-- `value_status`: what the report prints in the cell (value | dash | blank | unreadable; NULL: no cell).
-- `contradicted_in_report`: the audit finds the published cell contradicted elsewhere in the same
-- report (the cell itself, or — for a mismatch — its column does not add up to the total); `audit_note`
-- says how (contradictions only; differences within the printed rounding are not contradictions).
-- `choice_*`: data/published/choices.csv — the reading of a self-contradicting report the example cards follow.
-- One quantity, one key: `alias` maps the published keys that name a quantity the cards derive under
-- another key: the total of each character's list of topics ("<character>/total", the key card.yaml
-- reserves) is Table 4's count of that character; the characters are card.yaml's (table `codes`).
WITH d AS (SELECT table_no, row_key, col_key, value FROM derived_figures WHERE period = $period),
alias AS (
    SELECT 'topics' AS table_no, code || '/total' AS row_key, 'count' AS col_key,
           '4' AS d_table_no, code AS d_row_key, 'count' AS d_col_key
    FROM codes WHERE field = 'character'
),
p AS (
    SELECT pf.*, coalesce(a.d_table_no, pf.table_no) AS d_table_no, coalesce(a.d_row_key, pf.row_key) AS d_row_key,
           coalesce(a.d_col_key, pf.col_key) AS d_col_key
    FROM published_figures pf LEFT JOIN alias a USING (table_no, row_key, col_key)
    WHERE pf.period = $period
),
-- a city the cards have no assembly in has no row in a derived city table that has its total: there the
-- cards say 0 (a count, a share of all, an index of assemblies per month), not "nothing derived"
zero AS (
    SELECT DISTINCT table_no, col_key FROM d
    WHERE row_key = 'total' AND col_key IN ('count', 'share_pct', 'activity_index', 'unsanctioned', 'sanctioned',
                                            'detention_cases', 'detained_persons', 'participants', 'police',
                                            'duration_total_min')
),
-- every published printing, with the derived twin when there is one
j0 AS (
    SELECT p.period, p.table_no, p.row_key, p.col_key, p.source,
           coalesce(d.value, CASE WHEN z.table_no IS NOT NULL
                                   AND p.d_row_key IN (SELECT code FROM codes WHERE field = 'city') THEN 0 END) AS derived,
           CASE WHEN p.value_status = 'value' THEN p.value END AS published, p.printed,
           p.decimals, p.location, p.line, p."primary", p.value_status,
           coalesce(p.note, '') LIKE 'approximate:%' AS approximate
    FROM p LEFT JOIN d ON d.table_no = p.d_table_no AND d.row_key = p.d_row_key AND d.col_key = p.d_col_key
    LEFT JOIN zero z ON z.table_no = p.d_table_no AND z.col_key = p.d_col_key
    WHERE EXISTS (SELECT 1 FROM d)      -- a period without cards has nothing to reconcile
),
j AS (
    SELECT *, derived - published AS difference,
           0.5 * pow(10, -decimals) + 1e-9 AS tol,
           trunc(derived * pow(10, decimals) + 1e-9) / pow(10, decimals) AS truncated
    FROM j0
),
s_pub AS (
    SELECT *,
           CASE WHEN value_status = 'dash' AND coalesce(derived, 0) = 0 THEN 'match'
                WHEN value_status = 'dash' THEN 'mismatch'
                WHEN value_status IN ('blank', 'unreadable') AND derived IS NOT NULL THEN 'not_published'
                WHEN derived IS NULL THEN 'not_derived'
                WHEN abs(difference) <= tol THEN 'match'
                WHEN abs(truncated - published) <= 1e-9 THEN 'match_truncated'
                WHEN approximate AND abs(difference) <= 0.25 * abs(published) THEN 'match_approximate'
                ELSE 'mismatch' END AS status
    FROM j
),
-- derived cells the published report has no cell for, in the columns it prints for the period
s_der AS (
    SELECT $period AS period, d.table_no, d.row_key, d.col_key, NULL::VARCHAR AS source, d.value AS derived, NULL::DOUBLE AS published,
           NULL::VARCHAR AS printed, NULL::INTEGER AS decimals, NULL::VARCHAR AS location, NULL::INTEGER AS line,
           NULL::BOOLEAN AS "primary", NULL::VARCHAR AS value_status, NULL::DOUBLE AS difference,
           'not_published' AS status
    FROM d
    WHERE d.value IS NOT NULL AND d.value <> 0
      AND NOT EXISTS (SELECT 1 FROM p WHERE p.d_table_no = d.table_no AND p.d_row_key = d.row_key AND p.d_col_key = d.col_key)
      -- a column the report prints for the period (in a table: any row; only in the text: this row) ...
      AND EXISTS (SELECT 1 FROM p WHERE p.table_no = d.table_no AND p.col_key = d.col_key
                  AND (p.location = 'table' OR p.row_key = d.row_key))
      -- ... and a row its tables have (a city, a dimension or total row it prints in some period; any topic)
      AND (d.table_no = 'topics'
           OR EXISTS (SELECT 1 FROM published_figures q WHERE q.table_no = d.table_no AND q.row_key = d.row_key)
           OR d.row_key IN (SELECT code FROM codes WHERE field = 'city'))
),
s AS (
    SELECT period, table_no, row_key, col_key, source, derived, published, printed, decimals, location, line, "primary",
           value_status, difference, status FROM s_pub
    UNION ALL
    SELECT period, table_no, row_key, col_key, source, derived, published, printed, decimals, location, line, "primary",
           value_status, difference, status FROM s_der
),
-- the audit's contradictions of a printing are those found in its own publication (a derived-only cell: any)
a AS (
    SELECT s.period, s.table_no, s.row_key, s.col_key, s.source, s.location, s.line,
           string_agg(DISTINCT au.message, ' | ' ORDER BY au.message) AS msg
    FROM s JOIN audit au
      ON au.period = s.period AND au.table_no = s.table_no AND au.col_key = s.col_key AND au.level = 'contradiction'
     AND (s.source IS NULL OR au.source = s.source)
     AND (au.row_key = s.row_key
          OR (s.status = 'mismatch' AND au.rule IN ('sum_total', 'shares_sum_100') AND au.row_key = 'total'))
    GROUP BY ALL
),
c AS (SELECT * FROM published_choices WHERE period = $period)
SELECT s.period, s.table_no, s.row_key, s.col_key, s.source, s.derived, s.published, s.printed, s.decimals, s.location,
       s.line, s."primary", s.difference, s.status, s.value_status,
       a.msg IS NOT NULL AS contradicted_in_report,
       a.msg AS audit_note,
       c.used AS choice_used, c.reason_ru AS choice_reason_ru, c.reason_en AS choice_reason_en
FROM s
LEFT JOIN a ON a.period = s.period AND a.table_no = s.table_no AND a.row_key = s.row_key AND a.col_key = s.col_key
           AND a.source IS NOT DISTINCT FROM s.source AND a.location IS NOT DISTINCT FROM s.location
           AND a.line IS NOT DISTINCT FROM s.line
LEFT JOIN c ON c.table_no = s.table_no AND c.row_key = s.row_key AND c.col_key = s.col_key
ORDER BY s.table_no, s.row_key, s.col_key, s.location NULLS LAST, s.line NULLS LAST, s.source NULLS LAST
