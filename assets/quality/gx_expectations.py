"""The two expectation suites: `figures` over the period's figures (keys, uniqueness, provenance, table
numbers, ranges) and `figures_sums` over sql/checks/figure_sums.sql (rows that add up to their total)."""
from __future__ import annotations

from assets.quality import gx_setup
from schemas.figures import TABLE_NOS

SUITE = "figures"
SUMS_SUITE = "figures_sums"
KEYS = ["period", "table_no", "row_key", "col_key"]
TOLERANCE = 1e-6


def figures_suite():
    """The expectation suite over the figures of one period (frame: figure_frame())."""
    gx = gx_setup.load()
    from great_expectations.expectations.row_conditions import Column

    E = gx.expectations
    suite = gx.ExpectationSuite(name=SUITE, meta={"notes": "Quality gate over `figures` (assets/quality/gx_suite.py)."})
    for c in [*KEYS, "provenance"]:
        suite.add_expectation(E.ExpectColumnValuesToNotBeNull(
            column=c, meta={"check": f"{c}_not_null"}, description=f"Every figure has a {c}."))
    suite.add_expectation(E.ExpectCompoundColumnsToBeUnique(
        column_list=KEYS, meta={"check": "one_value_per_cell"},
        description="One value per cell: (period, table_no, row_key, col_key) is unique."))
    suite.add_expectation(E.ExpectColumnValuesToBeInSet(
        column="provenance", value_set=["derived", "published"], meta={"check": "provenance"},
        description="Provenance is 'derived' or 'published'."))
    suite.add_expectation(E.ExpectColumnValuesToBeInSet(
        column="table_no", value_set=TABLE_NOS, meta={"check": "table_no"},
        description="table_no is a table of the report (1–19, 14-1, topics, courts, summary)."))
    suite.add_expectation(E.ExpectColumnValuesToBeBetween(
        column="value", min_value=0, max_value=100, row_condition=Column("unit") == "pct",
        meta={"check": "share_0_100"}, description="Percentages (col_key ending in _pct) lie between 0 and 100."))
    suite.add_expectation(E.ExpectColumnValuesToBeBetween(
        column="value", min_value=0, row_condition=Column("unit") == "number",
        meta={"check": "count_not_negative"}, description="Counts and amounts (participants, police, minutes, …) are not negative."))
    suite.add_expectation(E.ExpectColumnValuesToBeBetween(
        column="value", min_value=0, row_condition=Column("unit") == "index",
        meta={"check": "index_not_negative"}, description="Indices (police_control_index, activity_index) are not negative."))
    return suite


def sums_suite():
    """The expectation suite over figure_sums(): rows add up to their totals (derived figures)."""
    gx = gx_setup.load()
    E = gx.expectations
    suite = gx.ExpectationSuite(name=SUMS_SUITE, meta={"notes": "Rows of a table add up to its total (sql/checks/figure_sums.sql)."})
    suite.add_expectation(E.ExpectColumnValuesToNotBeNull(
        column="total", meta={"check": "total_exists"},
        description="Every table whose rows add up has the total they add up to."))
    suite.add_expectation(E.ExpectColumnValuesToBeBetween(
        column="difference", min_value=-TOLERANCE, max_value=TOLERANCE, meta={"check": "rows_sum_to_total"},
        description=f"The rows of a table sum to its total (derived figures; tolerance {TOLERANCE:g})."))
    return suite
