-- An empty relation with the columns of raw_records (the view's store part when no part is referenced).
(SELECT * FROM raw_record_rows WHERE false)
