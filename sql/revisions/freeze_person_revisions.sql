-- The same for the persons' revisions (see freeze_card_revisions.sql).
CREATE OR REPLACE TEMP TABLE person_revisions AS SELECT * FROM person_revisions
