-- `monitor run` / `backfill`: the items in the inbox's cards/ that no period reads (quarantine period $inbox).
SELECT source_file, reason FROM quarantine WHERE period = $inbox AND severity = 'error' ORDER BY source_file
