-- Table 14 «Индекс полицейского контроля по регионам»: participants, police, and the police control
-- index = police / participants, per city and overall (all assemblies).
WITH c AS (SELECT city, participants, police_count FROM cards WHERE period = $period),
n AS (
    SELECT city AS row_key, sum(participants) AS p, sum(police_count) AS q FROM c GROUP BY city
    UNION ALL SELECT 'total', sum(participants), sum(police_count) FROM c
)
SELECT '14' AS table_no, row_key, col_key, value FROM n,
LATERAL (VALUES ('participants', p::DOUBLE), ('police', q::DOUBLE), ('police_control_index', q / NULLIF(p, 0)::DOUBLE)) AS v(col_key, value)
