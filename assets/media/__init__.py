"""Media and social-media reports: fetch, extract, deduplicate, match to cards, review.

Plain modules (sources, fetch, archive, parse, triage, extract, dedup, match, review, cli) hold the
logic; `assets.py` wraps them as Dagster assets. See docs/media.md.
"""
