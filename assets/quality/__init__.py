"""Quality gates over the `figures` table: a Great Expectations suite (gx_suite.py runs it;
gx_expectations.py, gx_context.py, gx_outcomes.py, gx_docs.py, gx_setup.py) and the Dagster asset
check that runs it (checks.py). Great Expectations is imported only when a suite runs, so
loading the Definitions stays fast."""
