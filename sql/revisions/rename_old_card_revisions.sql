-- An older warehouse's table of every card revision becomes the stored rows (every one kept, none implied).
ALTER TABLE card_revisions RENAME TO card_revision_rows
