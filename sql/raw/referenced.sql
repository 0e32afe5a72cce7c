-- The raw store's files the manifest references ($period: of that period; NULL: all): kind files|records, sha256.
SELECT 'files' AS kind, sha256 FROM raw_file_index WHERE stored AND (CAST($period AS VARCHAR) IS NULL OR period = $period)
UNION
SELECT 'records' AS kind, sha256 FROM raw_record_parts WHERE CAST($period AS VARCHAR) IS NULL OR period = $period
