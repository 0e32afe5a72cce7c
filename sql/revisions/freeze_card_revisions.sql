-- An --as-of connection: a TEMP copy of every card revision, taken before cards/events_not_held/persons
-- are shadowed by their as-of TEMP tables (the implied revisions read `cards`, which the shadow would
-- then be): every later query on this connection reads this copy.
CREATE OR REPLACE TEMP TABLE card_revisions AS SELECT * FROM card_revisions
