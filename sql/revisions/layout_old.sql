-- An older warehouse keeps every revision in the tables card_revisions / person_revisions (now views
-- over card_revision_rows + the implied revisions): how many of those tables there are (0 once converted).
SELECT count(*) FROM information_schema.tables
WHERE table_name IN ('card_revisions', 'person_revisions') AND table_type = 'BASE TABLE'
