-- One period's raw files refused as a whole ($period; up to 5 MB): names are read from their text.
SELECT content FROM raw_files WHERE period = $period AND problem IS NOT NULL AND content IS NOT NULL AND size_bytes <= 5000000
