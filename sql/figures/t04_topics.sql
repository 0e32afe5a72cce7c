-- «Темы собраний»: the topics raised, listed per character ("<character>/<topic>"), with counts.
SELECT 'topics' AS table_no, character || '/' || topic AS row_key, 'count' AS col_key, count(*)::DOUBLE AS value
FROM stg_cards
GROUP BY character, topic
