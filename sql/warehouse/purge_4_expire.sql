-- Step 4: every snapshot but the current one expires (no time travel to before this point).
CALL ducklake_expire_snapshots(current_database(), older_than => now())
