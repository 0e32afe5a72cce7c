-- The stored person revisions' content hashes, recomputed after their pseudonyms changed, as the view
-- persons_hashed computes them (the columns in the order of `persons`): an unchanged person's open revision
-- keeps matching its current row, so no write opens a revision for a new pseudonym alone.
UPDATE person_revision_rows SET row_hash = h.row_hash
FROM (SELECT period, card_id, person_id, valid_from,
             CAST(hash(struct_pack(*COLUMNS(* EXCLUDE (record_id, source_file, valid_from)))) AS VARCHAR) AS row_hash
      FROM (SELECT * FROM persons WHERE false
            UNION ALL BY NAME SELECT * EXCLUDE (row_hash, valid_to) FROM person_revision_rows)) AS h
WHERE person_revision_rows.period = h.period AND person_revision_rows.card_id = h.card_id
  AND person_revision_rows.person_id = h.person_id AND person_revision_rows.valid_from = h.valid_from
  AND person_revision_rows.row_hash <> h.row_hash
