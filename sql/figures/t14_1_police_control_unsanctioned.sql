-- Table 14-1 «Общий индекс полицейского контроля, исключая санкционированные»: police / participants
-- over the assemblies held without permission (`total`), and also without the presumably
-- state-organised ones (`total_excl_state`).
WITH c AS (SELECT participants, police_count, coalesce(state_organised, false) AS state FROM cards WHERE period = $period AND NOT sanctioned),
n AS (
    SELECT 'total' AS row_key, sum(participants) AS p, sum(police_count) AS q FROM c
    UNION ALL SELECT 'total_excl_state', sum(participants), sum(police_count) FROM c WHERE NOT state
)
SELECT '14-1' AS table_no, row_key, col_key, value FROM n,
LATERAL (VALUES ('participants', p::DOUBLE), ('police', q::DOUBLE), ('police_control_index', q / NULLIF(p, 0)::DOUBLE)) AS v(col_key, value)
