-- Replace the erased name ($pattern) by its marker ($replacement) in one text column (see count_matches.sql).
UPDATE "__table__" SET "__column__" = regexp_replace("__column__", $pattern, $replacement, 'g')
WHERE regexp_matches("__column__", $pattern)
