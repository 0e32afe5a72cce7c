"""More of the blocking checks' failures (tests/test_blocking_checks.py has one corruption at a time):
what `figures_schema` reports when many figures are wrong at once."""
from __future__ import annotations

from assets.derive.assets import figures_schema
from assets.resources import WarehouseResource
from tests.test_blocking_checks import GOOD, _figures


def test_figures_schema_counts_every_failure_and_previews_the_first_ten(tmp_path):
    db = tmp_path / "w.duckdb"
    # twelve negative counts, one rule broken by each: 12 failures; the preview shows ten of them
    bad = [("2017", "1", f"city{i:02d}", "count", -1.0 - i, "derived", "value") for i in range(12)]
    _figures(db, GOOD + bad)
    r = figures_schema(warehouse=WarehouseResource(database=str(db)))
    assert r.passed is False and r.metadata["failures"].value == 12
    first = r.metadata["first"].value
    assert first.startswith("shape: (10, ")
    assert first.count("not_negative") == 10  # a line per failure shown: ten, not eleven or nine
