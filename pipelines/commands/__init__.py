"""The commands of `monitor` (pipelines/cli.py parses the command line and hands each to its module here):
runs.py (`run`, and the Dagster runs every command makes), report.py (`report`), backfill.py (`backfill`, `ops`),
cards.py (`quarantine`, `codebook`, `template`, `form`), privacy.py (`pseudonym-key`, `warehouse-encrypt`, `gc`,
`erase-person`). None of them imports pipelines/cli.py."""
