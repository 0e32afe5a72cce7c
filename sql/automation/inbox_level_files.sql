-- What the warehouse last recorded as lying in the inbox's cards/ outside every period's folder (the
-- inbox-level quarantine rows, period $inbox): the inbox sensor compares the inbox's strays with it.
SELECT DISTINCT source_file FROM quarantine WHERE period = $inbox
