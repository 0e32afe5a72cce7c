-- The view raw_files (assets/core/rawstore.py, define_views): the bytes kept inside, and the store's files
-- the manifest references; __blobs__ is read_blob([...those files...]) (or an empty relation), __prefix__
-- the store's files/ folder as a quoted literal. Rewritten in the transaction that changes the manifest.
CREATE OR REPLACE VIEW raw_files AS
SELECT period, source_file, sha256, size_bytes, content, format, encoding, records, problem, warnings, loaded_at
FROM raw_file_rows
UNION ALL
SELECT i.period, i.source_file, i.sha256, i.size_bytes, b.content, i.format, i.encoding, i.records, i.problem,
       i.warnings, i.loaded_at
FROM raw_file_index AS i
LEFT JOIN __blobs__ AS b ON i.stored AND b.filename = __prefix__ || i.sha256
