-- `monitor quarantine [--period P]`: the quarantined rows ($period NULL: every period), and the rows of what
-- lies in the inbox outside every period's folder ($inbox: quarantine period of the inbox level), once.
SELECT period, source_file, sheet, row_no, field, value, reason, record_id, severity FROM quarantine
WHERE $period IS NULL OR period = $period OR period = $inbox
ORDER BY period = $inbox DESC, period, source_file, row_no
