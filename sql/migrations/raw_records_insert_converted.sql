-- A batch of converted rows (the registered frame `_converted`) into the new raw_records (raw_record_rows on the DuckDB file).
INSERT INTO "__table__" BY NAME SELECT * EXCLUDE (header) FROM _converted
