-- The hash of every card file the warehouse last loaded (the inbox sensor compares the inbox with it).
SELECT period, source_file, sha256 FROM raw_files
