-- When the warehouse first recorded a card revision of the period (NULL: never).
SELECT min(valid_from) FROM card_revisions WHERE period = $period
