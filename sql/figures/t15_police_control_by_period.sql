-- Table 15 «Индекс полицейского контроля по годам»: police / participants over the assemblies held
-- without permission (the seed's 2017 value, 0.32, is Table 14-1's index).
SELECT '15' AS table_no, 'total' AS row_key, 'police_control_index' AS col_key,
       sum(police_count) / NULLIF(sum(participants), 0)::DOUBLE AS value
FROM cards WHERE period = $period AND NOT sanctioned
