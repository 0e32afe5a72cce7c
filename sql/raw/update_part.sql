-- A part rewritten (an erasure): the manifest row points at the new file.
UPDATE raw_record_parts SET sha256 = $new_sha, size_bytes = $size_bytes WHERE period = $period AND sha256 = $old_sha
