-- Table 16 «Задержания участников мирных собраний»: assemblies with detentions and persons detained
-- (sql/intermediate/int_assemblies_by_city.sql).
SELECT '16' AS table_no, row_key, col_key, value FROM int_assemblies_by_city,
LATERAL (VALUES ('detention_cases', detention_cases::DOUBLE), ('detained_persons', detained_persons::DOUBLE)) AS v(col_key, value)
