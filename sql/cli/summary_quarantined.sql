SELECT count(DISTINCT record_id) FROM quarantine WHERE period = $period AND severity = 'error'
