"""Stage 1 — ingest: card files from the inbox land unchanged in the warehouse."""
