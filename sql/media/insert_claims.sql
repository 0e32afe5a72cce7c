INSERT INTO media_claims BY NAME SELECT * FROM _incoming_claims
