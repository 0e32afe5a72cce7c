-- The period's reconciliation for the public export (reduced to PUBLIC_COLUMNS by exports.public_frame).
SELECT * FROM reconciliation WHERE period = $period
