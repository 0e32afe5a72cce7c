-- Table 19 «Продолжительность мирных собраний по годам»: total, mean and median duration in minutes,
-- per city and overall, over the assemblies whose duration is known.
WITH c AS (SELECT city, duration_min FROM cards WHERE period = $period AND duration_min IS NOT NULL),
n AS (
    SELECT city AS row_key, sum(duration_min) AS t, avg(duration_min) AS a, median(duration_min) AS m FROM c GROUP BY city
    UNION ALL SELECT 'total', sum(duration_min), avg(duration_min), median(duration_min) FROM c
)
SELECT '19' AS table_no, row_key, col_key, value FROM n,
LATERAL (VALUES ('duration_total_min', t::DOUBLE), ('duration_avg_min', a::DOUBLE), ('duration_median_min', m::DOUBLE)) AS v(col_key, value)
