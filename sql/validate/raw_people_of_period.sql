-- One period's raw person and card records ($period): their names, under any header.
SELECT kind, data FROM raw_records WHERE period = $period AND kind IN ('person', 'card')
