-- Step 3: small files merged (their old copies become unreferenced).
CALL ducklake_merge_adjacent_files(current_database())
