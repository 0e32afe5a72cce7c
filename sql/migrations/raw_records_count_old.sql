SELECT count(*) FROM raw_records_v1
