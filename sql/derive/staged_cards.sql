-- How many assemblies the period's staging holds (after sql/staging/stg_cards.sql): none, no figures derived.
SELECT count(*) FROM stg_cards
