-- The headers of the converted rows, each once per period (`_headers`: period, header_id, header).
INSERT INTO raw_headers BY NAME
SELECT h.* FROM _headers h
WHERE NOT EXISTS (SELECT 1 FROM raw_headers x WHERE x.period = h.period AND x.header_id = h.header_id)
