-- Table 2 «Общая динамика ситуации с мирными собраниями»: assemblies per city (one column per period).
WITH c AS (SELECT city FROM cards WHERE period = $period)
SELECT '2' AS table_no, city AS row_key, 'count' AS col_key, count(*)::DOUBLE AS value FROM c GROUP BY city
UNION ALL
SELECT '2', 'total', 'count', count(*)::DOUBLE FROM c
