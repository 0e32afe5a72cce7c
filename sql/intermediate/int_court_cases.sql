-- Intermediate: the cards (card_id) of the period that reached court: at least one person whose outcome
-- is a court's (stg_persons.reached_court). The court cases of «Осуждения», Table 17 and the summary.
CREATE OR REPLACE TEMP TABLE int_court_cases AS
SELECT DISTINCT card_id
FROM stg_persons
WHERE reached_court
