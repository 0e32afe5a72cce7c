-- The bytes of one period's files refused as a whole (not over 5 MB): kept inside (content), or the name
-- of their file in the raw store (sha256; read by assets/core/rawstore.py), so that the view raw_files
-- does not read every stored file to find these few.
SELECT content, CAST(NULL AS VARCHAR) AS sha256 FROM raw_file_rows
WHERE period = $period AND problem IS NOT NULL AND content IS NOT NULL AND size_bytes <= 5000000
UNION ALL
SELECT CAST(NULL AS BLOB), sha256 FROM raw_file_index
WHERE period = $period AND problem IS NOT NULL AND stored AND size_bytes <= 5000000
