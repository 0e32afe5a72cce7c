-- Table 12 «Индекс законопослушности по годам»: sanctioned / all, for the period: Table 11's total
-- (sql/intermediate/int_assemblies_by_city.sql).
SELECT '12' AS table_no, row_key, 'law_abidance_pct' AS col_key, law_abidance_pct AS value
FROM int_assemblies_by_city WHERE row_key = 'total'
