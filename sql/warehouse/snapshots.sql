-- Every snapshot of the DuckLake warehouse in use (assets/core/ducklake.py), oldest first.
SELECT * FROM ducklake_snapshots(current_database()) ORDER BY snapshot_id
