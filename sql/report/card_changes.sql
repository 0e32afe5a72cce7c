-- Cards (and events not held) added, changed or removed between $since and $until, for the report's
-- appendix "what changed since the last edition" (assets/report/changes.py). A change of a card's
-- persons (a detainee's court outcome) is a change of the card. From card_revisions/person_revisions.
-- An added or removed card is one change of that kind, whether it has persons or not: none of its fields,
-- its persons neither, is listed as changed (`persons_changed` only for a card there before and after).
-- `from_before` / `from_after`: the two revisions' valid_from, which name them (sql/report/card_revision_pair.sql).
WITH a AS (SELECT kind, card_id, row_hash, valid_from, date, city FROM card_revisions
           WHERE period = $period AND valid_from <= $since AND (valid_to IS NULL OR valid_to > $since)),
     b AS (SELECT kind, card_id, row_hash, valid_from, date, city FROM card_revisions
           WHERE period = $period AND valid_from <= $until AND (valid_to IS NULL OR valid_to > $until)),
     pa AS (SELECT card_id, string_agg(row_hash, ',' ORDER BY person_id, row_hash) AS h FROM person_revisions
            WHERE period = $period AND valid_from <= $since AND (valid_to IS NULL OR valid_to > $since) GROUP BY card_id),
     pb AS (SELECT card_id, string_agg(row_hash, ',' ORDER BY person_id, row_hash) AS h FROM person_revisions
            WHERE period = $period AND valid_from <= $until AND (valid_to IS NULL OR valid_to > $until) GROUP BY card_id)
SELECT coalesce(b.card_id, a.card_id) AS card_id, coalesce(b.kind, a.kind) AS kind,
       coalesce(b.date, a.date) AS date, coalesce(b.city, a.city) AS city,
       CASE WHEN a.card_id IS NULL THEN 'added' WHEN b.card_id IS NULL THEN 'removed' ELSE 'changed' END AS change,
       a.row_hash AS hash_before, b.row_hash AS hash_after, a.valid_from AS from_before, b.valid_from AS from_after,
       a.card_id IS NOT NULL AND b.card_id IS NOT NULL AND pa.h IS DISTINCT FROM pb.h AS persons_changed
FROM a FULL JOIN b ON a.card_id = b.card_id AND a.kind = b.kind
LEFT JOIN pa ON pa.card_id = coalesce(b.card_id, a.card_id)
LEFT JOIN pb ON pb.card_id = coalesce(b.card_id, a.card_id)
WHERE a.row_hash IS DISTINCT FROM b.row_hash OR pa.h IS DISTINCT FROM pb.h
ORDER BY date, city, card_id
