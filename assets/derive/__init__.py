"""Stage 3 — derive: every table and index of the report, from the clean cards (sql/figures/)."""
