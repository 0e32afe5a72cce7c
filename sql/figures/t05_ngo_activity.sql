-- Table 5 «Активность общественных организаций»: share of assemblies organised by NGOs and parties:
-- Table 6's share of the organiser type `ngo` (sql/intermediate/int_code_counts.sql).
SELECT '5' AS table_no, code AS row_key, 'share_pct' AS col_key, share_pct AS value
FROM int_code_counts WHERE field = 'organizer_type' AND code = 'ngo'
