-- Open a revision for every card and event not held of the period that has no open revision with its
-- content: new cards and corrected ones. Unchanged cards keep the revision they have. One scan of
-- the period's cards, their hash computed beside each row (sql/tables/095_card_revisions.sql).
INSERT INTO card_revisions BY NAME
SELECT c.*, now() AS valid_from, CAST(NULL AS TIMESTAMPTZ) AS valid_to
FROM (SELECT * FROM cards_hashed WHERE period = $period
      UNION ALL BY NAME
      SELECT * FROM events_not_held_hashed WHERE period = $period) AS c
WHERE NOT EXISTS (SELECT 1 FROM card_revisions r
                  WHERE r.period = $period AND r.valid_to IS NULL
                    AND r.kind = c.kind AND r.card_id = c.card_id AND r.row_hash = c.row_hash)
