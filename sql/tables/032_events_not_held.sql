-- Records of events that are not assemblies held (an application refused with no assembly, an assembly
-- prevented): the same columns as `cards`, kept apart so that every table counts assemblies held only.
-- Created after every column of `cards` exists (030, 031); the ALTERs bring an older warehouse's copy up to date.
CREATE TABLE IF NOT EXISTS events_not_held AS SELECT * FROM cards LIMIT 0;
ALTER TABLE events_not_held ADD COLUMN IF NOT EXISTS topic_en VARCHAR;
ALTER TABLE events_not_held ADD COLUMN IF NOT EXISTS settlement_en VARCHAR;
ALTER TABLE events_not_held ADD COLUMN IF NOT EXISTS place_en VARCHAR;
ALTER TABLE events_not_held ADD COLUMN IF NOT EXISTS notes_en VARCHAR;
ALTER TABLE events_not_held ADD COLUMN IF NOT EXISTS compiler_notes VARCHAR;
