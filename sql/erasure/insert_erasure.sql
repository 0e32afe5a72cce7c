-- The record of one erasure (never the name).
INSERT INTO erasures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
