-- Every Parquet part of the raw store's records: period, sha256 (its file's name).
SELECT period, sha256 FROM raw_record_parts ORDER BY period, sha256
