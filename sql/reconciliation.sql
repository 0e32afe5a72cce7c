-- Reconciliation of one period: every published figure that has a derived twin, compared at the
-- precision it was printed with.
--   match            |derived - published| <= half a unit of the last printed digit
--   match_truncated  the report printed the value cut, not rounded (16.67 printed "16,6")
--   match_approximate a verbal figure ("половина", "около 15"; note 'approximate: ...') within 25%
--   mismatch         anything else
-- `contradicted_in_report`: the audit finds the published cell contradicted elsewhere in the same
-- report (the cell itself, or — for a mismatch — its column does not add up to the total);
-- `audit_note` says how.
WITH d AS (SELECT * FROM derived_figures WHERE period = $period),
p AS (SELECT * FROM published_figures WHERE period = $period),
j AS (
    SELECT p.period, p.table_no, p.row_key, p.col_key, d.value AS derived, p.value AS published, p.printed,
           p.decimals, p.location, p.line, p."primary",
           d.value - p.value AS difference,
           coalesce(p.note, '') LIKE 'approximate:%' AS approximate,
           0.5 * pow(10, -p.decimals) + 1e-9 AS tol,
           trunc(d.value * pow(10, p.decimals) + 1e-9) / pow(10, p.decimals) AS truncated
    FROM p JOIN d USING (period, table_no, row_key, col_key)
),
s AS (
    SELECT *,
           CASE WHEN abs(difference) <= tol THEN 'match'
                WHEN abs(truncated - published) <= 1e-9 THEN 'match_truncated'
                WHEN approximate AND abs(difference) <= 0.25 * abs(published) THEN 'match_approximate'
                ELSE 'mismatch' END AS status
    FROM j
),
a AS (
    SELECT s.period, s.table_no, s.row_key, s.col_key, s.location, s.line,
           string_agg(DISTINCT au.message, ' | ') AS msg
    FROM s JOIN audit au
      ON au.period = s.period AND au.table_no = s.table_no AND au.col_key = s.col_key
     AND (au.row_key = s.row_key
          OR (s.status = 'mismatch' AND au.rule IN ('sum_total', 'shares_sum_100') AND au.row_key = 'total'))
    GROUP BY ALL
)
SELECT s.period, s.table_no, s.row_key, s.col_key, s.derived, s.published, s.printed, s.decimals, s.location,
       s.line, s."primary", s.difference, s.status,
       a.msg IS NOT NULL AS contradicted_in_report,
       a.msg AS audit_note
FROM s LEFT JOIN a USING (period, table_no, row_key, col_key, location, line)
ORDER BY s.table_no, s.row_key, s.col_key, s.location, s.line
