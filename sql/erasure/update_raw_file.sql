-- The redacted bytes of one raw file kept inside the database (__table__: raw_file_rows on the DuckDB file,
-- the table raw_files on a DuckLake).
UPDATE "__table__" SET content = $content, sha256 = $sha256, size_bytes = $size_bytes
WHERE period = $period AND source_file = $source_file
