-- Table 19 «Продолжительность мирных собраний по годам»: total, mean and median duration in minutes,
-- per city and overall, over the assemblies whose duration is known (a city without any has no row;
-- sql/intermediate/int_assemblies_by_city.sql).
SELECT '19' AS table_no, row_key, col_key, value FROM int_assemblies_by_city,
LATERAL (VALUES ('duration_total_min', duration_total_min::DOUBLE), ('duration_avg_min', duration_avg_min::DOUBLE),
                ('duration_median_min', duration_median_min::DOUBLE)) AS v(col_key, value)
WHERE duration_known > 0 OR row_key = 'total'
