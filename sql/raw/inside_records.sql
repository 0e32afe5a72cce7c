-- The raw store's record parts brought inside the database (raw_record_rows) (an encrypted copy).
INSERT INTO raw_record_rows
SELECT * FROM raw_records WHERE period IN (SELECT period FROM raw_record_parts)
