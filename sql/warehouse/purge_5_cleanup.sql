-- Step 5: the files no snapshot references any more are deleted from the data path.
CALL ducklake_cleanup_old_files(current_database(), cleanup_all => true)
