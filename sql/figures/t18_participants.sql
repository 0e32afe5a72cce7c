-- Table 18 «Количество участников мирных собраний»: participants and participants per assembly, per
-- city and overall (sql/intermediate/int_assemblies_by_city.sql), and overall without sanctioned assemblies
-- (`total_excl_sanctioned`) and without sanctioned and presumably state-organised ones
-- (`total_excl_sanctioned_state`): Table 14-1's rows (sql/intermediate/int_unsanctioned.sql). Medians too.
WITH n AS (
    SELECT row_key, participants AS p, participants_avg AS a, participants_median AS med FROM int_assemblies_by_city
    UNION ALL
    SELECT CASE row_key WHEN 'total' THEN 'total_excl_sanctioned' ELSE 'total_excl_sanctioned_state' END,
           participants, participants_avg, participants_median
    FROM int_unsanctioned
)
SELECT '18' AS table_no, row_key, col_key, value FROM n,
LATERAL (VALUES ('participants', p::DOUBLE), ('participants_avg', a), ('participants_median', med::DOUBLE)) AS v(col_key, value)
