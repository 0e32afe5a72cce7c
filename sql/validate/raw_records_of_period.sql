-- One period's raw records ($period) in the order they were read.
SELECT * FROM raw_records WHERE period = $period ORDER BY source_file, sheet, row_no
