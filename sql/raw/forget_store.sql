-- Once brought inside: the manifest of the store emptied (both tables; statement per table).
DELETE FROM raw_file_index; DELETE FROM raw_record_parts
