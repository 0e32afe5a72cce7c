-- Every snapshot of the DuckLake warehouse (attached as `warehouse`: assets/core/ducklake.py), oldest first.
SELECT * FROM ducklake_snapshots('warehouse') ORDER BY snapshot_id
