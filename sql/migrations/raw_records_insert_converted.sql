-- A batch of converted rows (the registered frame `_converted`) into the new raw_records.
INSERT INTO raw_records BY NAME SELECT * EXCLUDE (header) FROM _converted
