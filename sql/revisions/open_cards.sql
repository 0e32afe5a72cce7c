-- Store a revision for every card and event not held of the period that has no current revision with
-- its content (the keys of open_card_keys.sql): new cards and corrected ones.
INSERT INTO card_revision_rows BY NAME
SELECT c.*, now() AS valid_from, CAST(NULL AS TIMESTAMPTZ) AS valid_to
FROM (SELECT * FROM cards_hashed WHERE period = $period
      UNION ALL BY NAME
      SELECT * FROM events_not_held_hashed WHERE period = $period) AS c
WHERE (c.kind, c.card_id, c.row_hash) IN (SELECT (kind, card_id, row_hash) FROM _open_card_keys)
