INSERT INTO media_candidates BY NAME SELECT * FROM _incoming_cands
