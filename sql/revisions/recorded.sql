-- Has the period any revision already (stored, or a base whose cards are their own revision)? None on
-- its first write, which then stores only its base (assets/core/revisions.py).
SELECT EXISTS (SELECT 1 FROM card_revision_rows WHERE period = $period)
    OR EXISTS (SELECT 1 FROM person_revision_rows WHERE period = $period)
    OR EXISTS (SELECT 1 FROM revision_bases WHERE period = $period)
