-- «Темы собраний»: the topics raised, listed per character ("<character>/<topic>"), with counts.
SELECT 'topics' AS table_no, character || '/' || topic AS row_key, 'count' AS col_key, count(*)::DOUBLE AS value
FROM cards WHERE period = $period
GROUP BY character, topic
