-- The old table, once every row of it is in the new raw_records.
DROP TABLE raw_records_v1
