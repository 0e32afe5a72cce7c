-- An open revision whose md5 hash (the hash of before issue 15) is the md5 of its card's current
-- content describes that content: it takes the card's new hash, so an unchanged card keeps its
-- revision (no new one opens). The md5 is computed as the old view current_card_hashes did:
-- md5(to_json(row)) of the row without record_id and source_file.
UPDATE card_revision_rows SET row_hash = h.row_hash
FROM (SELECT kind, period, card_id, row_hash,
             md5(CAST(to_json(struct_pack(*COLUMNS(* EXCLUDE (kind, row_hash, record_id, source_file)))) AS VARCHAR)) AS old_hash
      FROM cards_hashed
      UNION ALL
      SELECT kind, period, card_id, row_hash,
             md5(CAST(to_json(struct_pack(*COLUMNS(* EXCLUDE (kind, row_hash, record_id, source_file)))) AS VARCHAR))
      FROM events_not_held_hashed) AS h
WHERE card_revision_rows.valid_to IS NULL AND length(card_revision_rows.row_hash) = 32
  AND h.period = card_revision_rows.period AND h.kind = card_revision_rows.kind AND h.card_id = card_revision_rows.card_id
  AND h.old_hash = card_revision_rows.row_hash
