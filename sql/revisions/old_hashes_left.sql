-- Open revisions still carrying the md5 content hash of before issue 15 (32 hex digits; the hash of
-- today is decimal digits, at most 20): an older warehouse whose hashes migrate_hashes converts.
SELECT (SELECT count(*) FROM card_revision_rows WHERE valid_to IS NULL AND length(row_hash) = 32)
     + (SELECT count(*) FROM person_revision_rows WHERE valid_to IS NULL AND length(row_hash) = 32)
