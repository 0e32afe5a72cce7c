-- One period's raw files refused as a whole ($period; up to 5 MB), on a DuckLake (whose raw_files is a table:
-- assets/core/rawstore.py): their bytes; names are read from their text.
SELECT content, CAST(NULL AS VARCHAR) AS sha256 FROM raw_files
WHERE period = $period AND problem IS NOT NULL AND content IS NOT NULL AND size_bytes <= 5000000
