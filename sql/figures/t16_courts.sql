-- «Осуждения участников»: cases that reached court and what the courts decided, from the persons
-- (stg_persons.reached_court: a court's outcome by schemas/card.yaml; cases: sql/intermediate/int_court_cases.sql).
WITH p AS (SELECT * FROM stg_persons),
judged AS (SELECT * FROM p WHERE reached_court)
SELECT 'courts' AS table_no, 'total' AS row_key, col_key, value FROM (
    SELECT 'court_cases' AS col_key, count(*)::DOUBLE AS value FROM int_court_cases
    UNION ALL SELECT 'defendants', count(*)::DOUBLE FROM judged
    UNION ALL SELECT 'warnings', count(*) FILTER (WHERE court_outcome = 'warning')::DOUBLE FROM p
    UNION ALL SELECT 'fines', count(*) FILTER (WHERE court_outcome = 'fine')::DOUBLE FROM p
    UNION ALL SELECT 'fine_mrp_total', coalesce(sum(fine_mrp) FILTER (WHERE court_outcome = 'fine'), 0)::DOUBLE FROM p
    UNION ALL SELECT 'arrests', count(*) FILTER (WHERE court_outcome = 'arrest')::DOUBLE FROM p
    UNION ALL SELECT 'arrest_days_total', coalesce(sum(arrest_days) FILTER (WHERE court_outcome = 'arrest'), 0)::DOUBLE FROM p
    UNION ALL SELECT 'acquittals', count(*) FILTER (WHERE court_outcome = 'acquitted')::DOUBLE FROM p
    UNION ALL SELECT 'released_without_charge', count(*) FILTER (WHERE court_outcome = 'released')::DOUBLE FROM p
)
