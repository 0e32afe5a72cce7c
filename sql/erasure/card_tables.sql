-- The warehouse's own base tables (schema main) whose rows belong to a card of a period (columns card_id and
-- period: cards, persons, quarantine, revisions...): where the erased person's own card's texts stand, in which
-- the name's words alone are redacted too (assets/validate/erasure.py, card_words_pattern).
SELECT c.table_name
FROM information_schema.columns c
JOIN information_schema.tables t
  ON t.table_name = c.table_name AND t.table_schema = c.table_schema AND t.table_catalog = c.table_catalog
WHERE t.table_type = 'BASE TABLE' AND c.table_catalog = current_database() AND c.table_schema = 'main'
GROUP BY c.table_name
HAVING bool_or(c.column_name = 'card_id') AND bool_or(c.column_name = 'period')
ORDER BY 1
