-- The raw store's Parquet parts of one period ($period): the sha256 naming each part's file.
SELECT sha256 FROM raw_record_parts WHERE period = $period ORDER BY sha256
