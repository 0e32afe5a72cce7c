-- Store a revision for every card and event not held of the period that has no current revision with
-- its content, stored (an open row) or implied (unchanged since the period's first write: the snapshot
-- _implied_cards taken before the write, revisions.py): new cards and corrected ones.
INSERT INTO card_revision_rows BY NAME
SELECT c.*, now() AS valid_from, CAST(NULL AS TIMESTAMPTZ) AS valid_to
FROM (SELECT * FROM cards_hashed WHERE period = $period
      UNION ALL BY NAME
      SELECT * FROM events_not_held_hashed WHERE period = $period) AS c
WHERE NOT EXISTS (SELECT 1 FROM card_revision_rows r
                  WHERE r.period = $period AND r.valid_to IS NULL
                    AND r.kind = c.kind AND r.card_id = c.card_id AND r.row_hash = c.row_hash)
  AND NOT EXISTS (SELECT 1 FROM _implied_card_keys i
                  WHERE i.kind = c.kind AND i.card_id = c.card_id AND i.row_hash = c.row_hash)
