-- Every name of a person the warehouse holds, and whether the card marks the person public.
SELECT DISTINCT name, public FROM persons WHERE name IS NOT NULL
