-- Whether the warehouse holds a pseudonym at all (a person now or in a revision).
SELECT EXISTS (SELECT 1 FROM persons) OR EXISTS (SELECT 1 FROM person_revision_rows)
