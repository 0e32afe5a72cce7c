-- The raw store's files brought inside the database (raw_file_rows), bytes and all (an encrypted copy).
INSERT INTO raw_file_rows
SELECT * FROM raw_files WHERE (period, source_file) IN (SELECT period, source_file FROM raw_file_index)
