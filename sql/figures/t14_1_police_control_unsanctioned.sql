-- Table 14-1 «Общий индекс полицейского контроля, исключая санкционированные»: the same over the
-- assemblies held without permission.
WITH c AS (SELECT participants, police_count FROM cards WHERE period = $period AND NOT sanctioned),
n AS (SELECT sum(participants) AS p, sum(police_count) AS q FROM c)
SELECT '14-1' AS table_no, 'total' AS row_key, col_key, value FROM n,
LATERAL (VALUES ('participants', p::DOUBLE), ('police', q::DOUBLE), ('police_control_index', q / NULLIF(p, 0)::DOUBLE)) AS v(col_key, value)
