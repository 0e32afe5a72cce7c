-- Table 15 «Индекс полицейского контроля по годам»: police / participants over the assemblies held
-- without permission: Table 14-1's index (the seed's 2017 value, 0.32; sql/intermediate/int_unsanctioned.sql).
SELECT '15' AS table_no, row_key, 'police_control_index' AS col_key, police_control_index AS value
FROM int_unsanctioned WHERE row_key = 'total'
