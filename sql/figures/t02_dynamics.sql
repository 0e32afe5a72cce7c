-- Table 2 «Общая динамика ситуации с мирными собраниями»: assemblies per city (one column per period):
-- the counts of Table 1 (sql/intermediate/int_assemblies_by_city.sql).
SELECT '2' AS table_no, row_key, 'count' AS col_key, assemblies::DOUBLE AS value FROM int_assemblies_by_city
