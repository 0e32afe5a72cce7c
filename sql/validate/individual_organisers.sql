-- The names of organisers who are individuals (private unless a card names them as a public person).
SELECT DISTINCT organizer_name FROM cards WHERE organizer_type = 'individual' AND organizer_name IS NOT NULL
