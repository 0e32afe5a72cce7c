-- The headers of one period's raw records ($period): raw_records.header_id -> header (a JSON array).
SELECT header_id, header FROM raw_headers WHERE period = $period
