-- Table 18 «Количество участников мирных собраний»: participants and participants per assembly, per
-- city and overall, and overall without sanctioned assemblies (`total_excl_sanctioned`) and without
-- sanctioned and presumably state-organised ones (`total_excl_sanctioned_state`). Medians too.
WITH c AS (SELECT city, participants, sanctioned, coalesce(state_organised, false) AS state FROM cards WHERE period = $period),
n AS (
    SELECT city AS row_key, sum(participants) AS p, count(*) AS k, median(participants) AS med FROM c GROUP BY city
    UNION ALL SELECT 'total', sum(participants), count(*), median(participants) FROM c
    UNION ALL SELECT 'total_excl_sanctioned', sum(participants), count(*), median(participants) FROM c WHERE NOT sanctioned
    UNION ALL SELECT 'total_excl_sanctioned_state', sum(participants), count(*), median(participants) FROM c WHERE NOT sanctioned AND NOT state
)
SELECT '18' AS table_no, row_key, col_key, value FROM n,
LATERAL (VALUES ('participants', p::DOUBLE), ('participants_avg', p / NULLIF(k, 0)::DOUBLE), ('participants_median', med::DOUBLE)) AS v(col_key, value)
