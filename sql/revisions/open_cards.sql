-- Open a revision for every card and event not held of the period that has no open revision with its
-- content: new cards and corrected ones. Unchanged cards keep the revision they have.
INSERT INTO card_revisions BY NAME
SELECT h.kind, h.row_hash, now() AS valid_from, CAST(NULL AS TIMESTAMPTZ) AS valid_to, c.* EXCLUDE (kind_)
FROM (SELECT 'card' AS kind_, * FROM cards WHERE period = $period
      UNION ALL BY NAME
      SELECT 'event_not_held' AS kind_, * FROM events_not_held WHERE period = $period) AS c
JOIN current_card_hashes h ON h.period = c.period AND h.card_id = c.card_id AND h.kind = c.kind_
WHERE NOT EXISTS (SELECT 1 FROM card_revisions r
                  WHERE r.period = h.period AND r.kind = h.kind AND r.card_id = h.card_id
                    AND r.row_hash = h.row_hash AND r.valid_to IS NULL)
