-- Step 2: every data file with deleted (or updated) rows is rewritten without them.
CALL ducklake_rewrite_data_files(current_database(), delete_threshold => 0)
