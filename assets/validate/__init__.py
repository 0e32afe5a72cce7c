"""Stage 2 — validate: raw records become typed cards and persons, or quarantine rows that say why."""
