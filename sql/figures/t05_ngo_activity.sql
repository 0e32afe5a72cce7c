-- Table 5 «Активность общественных организаций»: share of assemblies organised by NGOs and parties.
SELECT '5' AS table_no, 'ngo' AS row_key, 'share_pct' AS col_key,
       100.0 * count(*) FILTER (WHERE organizer_type = 'ngo') / NULLIF(count(*), 0) AS value
FROM cards WHERE period = $period
