-- An empty relation with read_blob's columns (the view's store part when no file is stored).
(SELECT CAST(NULL AS VARCHAR) AS filename, CAST(NULL AS BLOB) AS content WHERE false)
