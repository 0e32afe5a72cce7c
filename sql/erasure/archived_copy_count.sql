-- Whether the warehouse archived this exact file (its path and its bytes' hash): an interrupted erasure's redacted
-- copy of an inbox file is the one the warehouse holds when the erasure committed (assets/validate/erasure_resume.py).
SELECT count(*) FROM raw_files WHERE source_file = $source_file AND sha256 = $sha256
