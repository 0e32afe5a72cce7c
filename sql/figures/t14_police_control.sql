-- Table 14 «Индекс полицейского контроля по регионам»: participants, police, and the police control
-- index = police / participants, per city and overall (all assemblies; sql/intermediate/int_assemblies_by_city.sql).
SELECT '14' AS table_no, row_key, col_key, value FROM int_assemblies_by_city,
LATERAL (VALUES ('participants', participants::DOUBLE), ('police', police::DOUBLE),
                ('police_control_index', police_control_index)) AS v(col_key, value)
