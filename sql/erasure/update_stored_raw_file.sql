-- A raw file of the store redacted: its manifest row names the new bytes' file ($sha256, already written).
UPDATE raw_file_index SET sha256 = $sha256, size_bytes = $size_bytes
WHERE period = $period AND source_file = $source_file AND stored
