-- The redacted bytes of one raw file.
UPDATE raw_files SET content = $content, sha256 = $sha256, size_bytes = $size_bytes
WHERE period = $period AND source_file = $source_file
