-- Table 3 «Индексы гражданской активности»: assemblies per month of the period, per city and overall.
SELECT '3' AS table_no, row_key, 'activity_index' AS col_key, assemblies / $months::DOUBLE AS value FROM int_assemblies_by_city
