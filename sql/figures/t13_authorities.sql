-- Table 13 «Присутствие органов власти и вынесение предупреждений»: assemblies where the prosecutor,
-- the akimat and the police were present, and where each warned the participants.
WITH c AS (SELECT * FROM stg_cards)
SELECT '13' AS table_no, row_key, col_key, value FROM (
    SELECT 'prosecutor' AS row_key, 'present' AS col_key, count(*) FILTER (WHERE prosecutor_present)::DOUBLE AS value FROM c
    UNION ALL SELECT 'prosecutor', 'warned', count(*) FILTER (WHERE prosecutor_warned)::DOUBLE FROM c
    UNION ALL SELECT 'akimat', 'present', count(*) FILTER (WHERE akimat_present)::DOUBLE FROM c
    UNION ALL SELECT 'akimat', 'warned', count(*) FILTER (WHERE akimat_warned)::DOUBLE FROM c
    UNION ALL SELECT 'police', 'present', count(*) FILTER (WHERE police_present)::DOUBLE FROM c
    UNION ALL SELECT 'police', 'warned', count(*) FILTER (WHERE police_warned)::DOUBLE FROM c
)
