-- The redacted bytes of one archived media response. response_id and content_sha256 stay those of
-- the bytes received, so a re-fetch of the same page is "unchanged" and is not archived again.
UPDATE media_responses SET body = $body WHERE response_id = $response_id
