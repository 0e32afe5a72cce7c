-- Every archived raw file, to redact the name in its bytes.
SELECT period, source_file, content, format, encoding FROM raw_files
