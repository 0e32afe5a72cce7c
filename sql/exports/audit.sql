-- The period's audit findings for the public export (reduced to PUBLIC_COLUMNS by exports.public_frame).
SELECT * FROM audit WHERE period = $period
