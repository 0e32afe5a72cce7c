-- The card's translated fields and the compilers' notes (schemas/card.yaml), added to a warehouse
-- created before they existed. compiler_notes is internal: no report or export reads it.
ALTER TABLE cards ADD COLUMN IF NOT EXISTS topic_en VARCHAR;
ALTER TABLE cards ADD COLUMN IF NOT EXISTS settlement_en VARCHAR;
ALTER TABLE cards ADD COLUMN IF NOT EXISTS place_en VARCHAR;
ALTER TABLE cards ADD COLUMN IF NOT EXISTS notes_en VARCHAR;
ALTER TABLE cards ADD COLUMN IF NOT EXISTS compiler_notes VARCHAR;
