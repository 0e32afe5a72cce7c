-- Persons as public outputs may show them: a pseudonym unless the card marks the person public.
CREATE OR REPLACE VIEW persons_public AS
SELECT period, card_id, person_id, role,
       CASE WHEN public THEN name ELSE pseudonym END AS display_name,
       detained, preventive, court_outcome, fine_mrp, arrest_days, court_date, article
FROM persons;
