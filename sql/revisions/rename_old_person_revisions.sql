-- An older warehouse's table of every person revision becomes the stored rows.
ALTER TABLE person_revisions RENAME TO person_revision_rows
