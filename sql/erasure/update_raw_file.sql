-- The redacted bytes of one raw file kept inside the database (raw_file_rows).
UPDATE raw_file_rows SET content = $content, sha256 = $sha256, size_bytes = $size_bytes
WHERE period = $period AND source_file = $source_file
