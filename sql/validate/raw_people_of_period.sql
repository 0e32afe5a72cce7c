-- One period's raw person and card records ($period): their names, under any header (the record's
-- values and its header: assets/core/raw.py).
SELECT r.kind, h.header, r.cells
FROM raw_records AS r
JOIN raw_headers AS h ON h.period = r.period AND h.header_id = r.header_id
WHERE r.period = $period AND r.kind IN ('person', 'card')
