-- The old-format rows to convert (assets/core/raw_migration.py), in the order they were written.
SELECT period, record_id, source_file, sheet, row_no, kind, data, loaded_at FROM raw_records_v1
