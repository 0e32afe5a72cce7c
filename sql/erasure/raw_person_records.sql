-- Every raw person record of every period (its values and its header: assets/core/raw.py), to find
-- a name to erase that no clean person holds (a person whose row was quarantined).
SELECT r.period, h.header, r.cells
FROM raw_records AS r
JOIN raw_headers AS h ON h.period = r.period AND h.header_id = r.header_id
WHERE r.kind = 'person'
