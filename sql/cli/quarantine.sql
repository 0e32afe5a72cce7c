-- `monitor quarantine [--period P]`: the quarantined rows ($period NULL: every period).
SELECT period, source_file, sheet, row_no, field, value, reason, record_id, severity FROM quarantine
WHERE $period IS NULL OR period = $period
ORDER BY period, source_file, row_no
