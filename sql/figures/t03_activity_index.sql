-- Table 3 «Индексы гражданской активности»: assemblies per month of the period, per city and overall.
WITH c AS (SELECT city FROM cards WHERE period = $period)
SELECT '3' AS table_no, city AS row_key, 'activity_index' AS col_key, count(*) / $months::DOUBLE AS value FROM c GROUP BY city
UNION ALL
SELECT '3', 'total', 'activity_index', count(*) / $months::DOUBLE FROM c
