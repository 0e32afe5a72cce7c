-- The same for the persons' open revisions (see migrate_card_hashes.sql).
UPDATE person_revision_rows SET row_hash = h.row_hash
FROM (SELECT period, card_id, person_id, row_hash,
             md5(CAST(to_json(struct_pack(*COLUMNS(* EXCLUDE (row_hash, record_id, source_file)))) AS VARCHAR)) AS old_hash
      FROM persons_hashed) AS h
WHERE person_revision_rows.valid_to IS NULL AND length(person_revision_rows.row_hash) = 32
  AND h.period = person_revision_rows.period AND h.card_id = person_revision_rows.card_id
  AND h.person_id = person_revision_rows.person_id AND h.old_hash = person_revision_rows.row_hash
