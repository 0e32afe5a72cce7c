-- Table 14-1 «Общий индекс полицейского контроля, исключая санкционированные»: police / participants
-- over the assemblies held without permission (`total`), and also without the presumably
-- state-organised ones (`total_excl_state`) (sql/intermediate/int_unsanctioned.sql).
SELECT '14-1' AS table_no, row_key, col_key, value FROM int_unsanctioned,
LATERAL (VALUES ('participants', participants::DOUBLE), ('police', police::DOUBLE),
                ('police_control_index', police_control_index)) AS v(col_key, value)
