-- The period's cards for the report text (assets/report/prepare.load).
SELECT * FROM cards WHERE period = $period ORDER BY date, card_id
