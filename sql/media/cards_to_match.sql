-- The cards media candidates are matched against (assets/media/match.load_cards keeps the columns it needs).
SELECT * FROM cards
