-- The write's snapshot of implied person revisions, no longer needed.
DROP TABLE IF EXISTS temp._implied_persons
