-- The raw records of the store's Parquet parts (__parts__: read_parquet([...], union_by_name = true) of them, or
-- an empty relation), each with its cells. A record kept as the text of its CSV line (`line`, `sep`:
-- assets/ingest/inbox.py table_lines, a line with no quote and every cell of its header) gets them here: the
-- line split at the separator as a JSON array of strings, as raw.cells_json writes it (the line holds no
-- control character but tab: backslashes are escaped first, each separator becomes '","', a tab that is not
-- the separator \t; assets/core/raw.py cells_of_line is this in Python). A part written before records were
-- kept so has no `line` and `sep`: the empty relation joined by name gives them.
SELECT period, record_id, source_file, sheet, row_no, kind, header_id,
       CASE WHEN line IS NULL THEN cells
            ELSE '["' || replace(replace(replace(line, '\', '\\'), sep, '","'), chr(9), '\t') || '"]' END AS cells,
       loaded_at
FROM (SELECT * FROM __parts__ UNION ALL BY NAME SELECT NULL::VARCHAR AS line, NULL::VARCHAR AS sep WHERE false)
