-- The period's cards for the public export: exports.public_frame reduces them to PUBLIC_COLUMNS["cards_public"]
-- and redacts private names before anything is written.
SELECT * FROM cards WHERE period = $period ORDER BY card_id
