-- Reconciliation of one period: every published figure that has a derived twin, compared at the
-- precision it was printed with. `match_truncated`: the report printed the value cut, not rounded
-- (16.67 printed "16,6"). A mismatching cell that the audit finds contradicted elsewhere in the same
-- report is flagged `contradicted_in_report`, with the audit's messages.
WITH d AS (SELECT * FROM figures WHERE period = $period AND provenance = 'derived'),
p AS (SELECT * FROM published_figures WHERE period = $period),
a AS (
    SELECT period, table_no, row_key, col_key, string_agg(DISTINCT message, ' | ') AS msg
    FROM audit WHERE period = $period GROUP BY ALL
),
j AS (
    SELECT p.period, p.table_no, p.row_key, p.col_key, d.value AS derived, p.value AS published, p.printed,
           p.decimals, p.location, p.line, p."primary",
           d.value - p.value AS difference,
           0.5 * pow(10, -p.decimals) + 1e-9 AS tol,
           trunc(d.value * pow(10, p.decimals) + 1e-9) / pow(10, p.decimals) AS truncated
    FROM p JOIN d USING (period, table_no, row_key, col_key)
)
SELECT j.period, j.table_no, j.row_key, j.col_key, j.derived, j.published, j.printed, j.decimals, j.location,
       j.line, j."primary", j.difference,
       CASE WHEN abs(j.difference) <= j.tol THEN 'match'
            WHEN abs(j.truncated - j.published) <= 1e-9 THEN 'match_truncated'
            ELSE 'mismatch' END AS status,
       a.msg IS NOT NULL AS contradicted_in_report,
       a.msg AS audit_note
FROM j LEFT JOIN a USING (period, table_no, row_key, col_key)
ORDER BY j.table_no, j.row_key, j.col_key, j.location
