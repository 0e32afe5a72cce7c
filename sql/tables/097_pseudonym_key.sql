-- Which key made the pseudonyms the warehouse holds (persons, person_revision_rows): its public
-- fingerprint (assets/validate/pseudonym.py, fingerprint()), never the key. One row. A run whose key
-- has another fingerprint is refused (pseudonyms of two keys never match: one person would count as
-- two across periods); `monitor pseudonym-key --rotate` / `--rekey` re-pseudonymise every period and
-- its history under the new key and record it, in one transaction.
CREATE TABLE IF NOT EXISTS pseudonym_key (
    fingerprint VARCHAR NOT NULL,
    since       TIMESTAMPTZ NOT NULL
);
