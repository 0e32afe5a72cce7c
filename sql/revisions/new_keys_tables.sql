-- Before a write replaces a period's cards, events not held and persons: the content hashes of the rows it
-- will store (assets/core/revisions.py, snapshot), so that only the implied revisions it changes are copied.
CREATE OR REPLACE TEMP TABLE _new_card_keys (kind VARCHAR, card_id VARCHAR, row_hash VARCHAR);
CREATE OR REPLACE TEMP TABLE _new_person_keys (card_id VARCHAR, person_id VARCHAR, row_hash VARCHAR)
