-- One period's raw files ($period): their format, the problem that refused a whole file, warnings.
SELECT source_file, format, problem, warnings FROM raw_files WHERE period = $period
