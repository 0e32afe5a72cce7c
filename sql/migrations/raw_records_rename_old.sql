-- The old raw_records (a JSON object per record in `data`) set aside while its rows are converted.
ALTER TABLE raw_records RENAME TO raw_records_v1
