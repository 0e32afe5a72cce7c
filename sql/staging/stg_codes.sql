-- Staging: the code lists of schemas/card.yaml and the gazetteer (table `codes`), each code once. `codes` is
-- replaced on every derive run (assets/derive/figures.py refresh_codes); on a warehouse that lets writers run at
-- once (DuckLake), two first runs that each found `codes` empty can both insert the lists, and a model that
-- joined `codes` itself would count every assembly twice. Models read the codes from here.
CREATE OR REPLACE TEMP VIEW stg_codes AS
SELECT DISTINCT field, code, ru, en, court
FROM codes
