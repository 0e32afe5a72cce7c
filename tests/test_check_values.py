"""The blocking check `figures_expectations` (assets/quality/) by value on hand-made figures, without a
pipeline run: the sums of sql/checks/figure_sums.sql row by row, the Great Expectations suites passing
on figures at every boundary (a share of 0 and of 100, a count and an index of 0, a trend of −1) and
failing, each expectation with its exact explanation, on the same figures corrupted; the Dagster check
over a warehouse holding them. Kills the mutants of scripts/mutate.py's `checks` area; every expected
value is worked out by hand from the rows below.

    2017, derived: Table 1 counts almaty 3 + astana 1 = total 4; shares 75 + 25 = total 100
                   Table 4 counts political 0 + social 4 = 4 (Table 1's total); shares 0 + 100 = 100
                   Table 14 index almaty 0, total 1.5; Table 15 trend −1; Table 10 a share without a value
    2017, published: Table 7 picket 5, total 2 (published figures need not add up)
    2016, derived: Table 1 almaty 99 without a total (another period: not this period's sums)
"""
from __future__ import annotations

from types import SimpleNamespace

import polars as pl
import pytest

from assets.core import warehouse as wh
from assets.quality import gx_suite
from assets.quality.checks import _figures_expectations
from assets.resources import WarehouseResource
from schemas.figures import TABLE_NOS

COLS = ["period", "table_no", "row_key", "col_key", "value", "provenance"]
GOOD = [
    ("2017", "1", "almaty", "count", 3.0, "derived"), ("2017", "1", "astana", "count", 1.0, "derived"),
    ("2017", "1", "total", "count", 4.0, "derived"),
    ("2017", "1", "almaty", "share_pct", 75.0, "derived"), ("2017", "1", "astana", "share_pct", 25.0, "derived"),
    ("2017", "1", "total", "share_pct", 100.0, "derived"),
    ("2017", "4", "political", "count", 0.0, "derived"), ("2017", "4", "social", "count", 4.0, "derived"),
    ("2017", "4", "political", "share_pct", 0.0, "derived"), ("2017", "4", "social", "share_pct", 100.0, "derived"),
    ("2017", "14", "almaty", "police_control_index", 0.0, "derived"), ("2017", "14", "total", "police_control_index", 1.5, "derived"),
    ("2017", "15", "total", "trend", -1.0, "derived"),
    ("2017", "10", "other", "share_pct", None, "derived"),
    ("2017", "7", "picket", "count", 5.0, "published"), ("2017", "7", "total", "count", 2.0, "published"),
    ("2016", "1", "almaty", "count", 99.0, "derived"),
]
BAD = [
    ("2017", "4", "economic", "share_pct", -0.5, "derived"),            # a share below 0 (and Table 4's shares make 99.5)
    ("2017", "18", "almaty", "participants", -2.0, "derived"),          # a negative count (and Table 18 without its total)
    ("2017", "14", "astana", "police_control_index", -0.25, "derived"),  # a negative index
    ("2017", "14", "almaty", "police_control_index", 0.0, "derived"),   # a second value for a cell
    ("2017", "13", "police", "count", 1.0, "guessed"),                  # unknown provenance
    ("2017", "99", "total", "count", 1.0, "derived"),                   # no such table
    ("2017", "2", None, "count", 1.0, "derived"),                       # no row key
]
TOTAL_5 = ("2017", "1", "total", "count", 5.0, "derived")  # in place of 4: Table 1's rows and Table 4's make 4


@pytest.fixture(scope="module", autouse=True)
def _build(tmp_path_factory):
    """The GX project and its files under a temporary build folder (never the checkout's build/)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MONITOR_BUILD", str(tmp_path_factory.mktemp("build")))
        yield


def _frame(rows) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={"period": pl.Utf8, "table_no": pl.Utf8, "row_key": pl.Utf8, "col_key": pl.Utf8,
                                      "value": pl.Float64, "provenance": pl.Utf8}, orient="row")


def test_the_report_tables_are_the_one_list():
    assert TABLE_NOS == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "14-1", "15", "16",
                         "17", "18", "19", "topics", "courts", "summary"]


def test_units_of_the_row_conditions():
    df = gx_suite.figure_frame(_frame([("2017", "1", "a", "share_pct", 1.0, "derived"), ("2017", "14", "a", "police_control_index", 1.0, "derived"),
                                       ("2017", "15", "total", "trend", 1.0, "derived"), ("2017", "1", "a", "count", 1.0, "derived"),
                                       ("2017", "5", "a", "pct_of_total", 1.0, "derived")]))
    assert df["unit"].to_list() == ["pct", "index", "trend", "number", "number"]


def test_figure_sums_row_by_row():
    sums = gx_suite.figure_sums(_frame(GOOD), "2017")
    got = [(r["table_no"], r["col_key"], r["rows"], r["n_rows"], r["sum_of_rows"], r["against"], r["total"], r["difference"])
           for r in sums.iter_rows(named=True)]
    assert got == [
        ("1", "count", "category rows", 2, 4.0, "the total row", 4.0, 0.0),
        ("1", "share_pct", "total row", 1, 100.0, "100", 100.0, 0.0),
        ("1", "share_pct", "category rows", 2, 100.0, "the total row", 100.0, 0.0),
        ("4", "count", "category rows", 2, 4.0, "Table 1 total count", 4.0, 0.0),
        ("4", "share_pct", "category rows", 2, 100.0, "100", 100.0, 0.0),
    ]
    assert set(sums["period"].to_list()) == {"2017"}


def test_figure_sums_of_a_table_without_its_total_and_of_another_period():
    sums = gx_suite.figure_sums(_frame(GOOD + [("2017", "18", "almaty", "participants", 7.0, "derived"),
                                               ("2017", "18", "astana", "participants", 5.0, "derived")]), "2017")
    row = sums.filter(pl.col("table_no") == "18").row(0, named=True)
    assert (row["n_rows"], row["sum_of_rows"], row["total"], row["difference"]) == (2, 12.0, None, None)
    other = gx_suite.figure_sums(_frame(GOOD), "2016")
    assert [(r["table_no"], r["n_rows"], r["sum_of_rows"], r["total"]) for r in other.iter_rows(named=True)] == [("1", 1, 99.0, None)]


# every (table, column) whose rows add up, as typed here from the report's tables: two category rows
# (counts 1 + 2, shares 40 + 60) and, where the rows add up to the table's own total row, that total
ADDING_UP = {("1", "count"): "total", ("1", "share_pct"): "total", ("2", "count"): "total", ("3", "activity_index"): "total",
             ("4", "count"): "", ("4", "share_pct"): "", ("6", "count"): "", ("6", "share_pct"): "", ("7", "count"): "total",
             ("7", "share_pct"): "total", ("8", "count"): "", ("8", "share_pct"): "", ("10", "share_pct"): "",
             ("11", "count"): "total", ("11", "unsanctioned"): "total", ("11", "sanctioned"): "total",
             ("14", "participants"): "total", ("14", "police"): "total", ("16", "detention_cases"): "total",
             ("16", "detained_persons"): "total", ("18", "participants"): "total", ("19", "duration_total_min"): "total"}


def test_figure_sums_of_every_table_that_adds_up():
    rows = []
    for (t, c), total in ADDING_UP.items():
        a, b = (40.0, 60.0) if c == "share_pct" else (1.0, 2.0)
        rows += [("2017", t, "a", c, a, "derived"), ("2017", t, "b", c, b, "derived")]
        if total:
            rows.append(("2017", t, "total", c, a + b, "derived"))
    got = [(r["table_no"], r["col_key"], r["rows"], r["n_rows"], r["sum_of_rows"], r["against"], r["total"], r["difference"])
           for r in gx_suite.figure_sums(_frame(rows), "2017").iter_rows(named=True)]
    cat, tot, T1 = "category rows", "total row", "Table 1 total count"

    def counts(t, c, against="the total row"):
        return (t, c, cat, 2, 3.0, against, 3.0, 0.0)

    assert got == [
        counts("1", "count"), ("1", "share_pct", tot, 1, 100.0, "100", 100.0, 0.0),
        ("1", "share_pct", cat, 2, 100.0, "the total row", 100.0, 0.0),
        counts("2", "count"), counts("3", "activity_index"),
        counts("4", "count", T1), ("4", "share_pct", cat, 2, 100.0, "100", 100.0, 0.0),
        counts("6", "count", T1), ("6", "share_pct", cat, 2, 100.0, "100", 100.0, 0.0),
        counts("7", "count"), ("7", "share_pct", tot, 1, 100.0, "100", 100.0, 0.0),
        ("7", "share_pct", cat, 2, 100.0, "the total row", 100.0, 0.0),
        counts("8", "count", T1), ("8", "share_pct", cat, 2, 100.0, "100", 100.0, 0.0),
        ("10", "share_pct", cat, 2, 100.0, "100", 100.0, 0.0),
        counts("11", "count"), counts("11", "sanctioned"), counts("11", "unsanctioned"),
        counts("14", "participants"), counts("14", "police"),
        counts("16", "detained_persons"), counts("16", "detention_cases"),
        counts("18", "participants"), counts("19", "duration_total_min"),
    ]


CHECKS = ["period_not_null", "table_no_not_null", "row_key_not_null", "col_key_not_null", "provenance_not_null",
          "one_value_per_cell", "provenance", "table_no", "share_0_100", "count_not_negative", "index_not_negative",
          "total_exists", "rows_sum_to_total"]


def test_good_figures_pass_every_expectation():
    o = gx_suite.validate_figures(_frame(GOOD), "2017", data_docs=False)
    assert sorted(x.check for x in o.outcomes) == sorted(CHECKS)
    assert (o.success, o.passed, o.failed, o.failures, o.explanations()) == (True, 13, 0, [], [])
    assert o.summary() == "the figures of 2017 passed all 13 quality expectations"


def test_bad_figures_fail_each_expectation_with_its_explanation():
    o = gx_suite.validate_figures(_frame([TOTAL_5 if r[1:4] == TOTAL_5[1:4] else r for r in GOOD] + BAD), "2017", data_docs=False)
    failing = {x.check: x.explanations for x in o.failures}
    assert failing == {
        "row_key_not_null": ["table 2, row nan, column count (period 2017): no row_key"],  # pandas reads None as NaN
        "one_value_per_cell": ["table 14, row almaty, column police_control_index (period 2017): 2 values for one cell"],
        "provenance": ["table 13, row police, column count: provenance 'guessed' is neither 'derived' nor 'published'"],
        "table_no": ["table 99, row total, column count: table_no '99' is no table of the report"],
        "share_0_100": ["table 4, row economic, column share_pct: the share -0.5 % lies outside 0–100"],
        "count_not_negative": ["table 18, row almaty, column participants: -2 is negative (a count or amount cannot be)"],
        "index_not_negative": ["table 14, row astana, column police_control_index: the index -0.25 is negative"],
        "total_exists": ["table 18, column participants: the category rows sum to -2 but there is no total to compare "
                         "them with (the total row)"],
        "rows_sum_to_total": ["table 1, column count: the category rows sum to 4 but the total row is 5 (difference -1)",
                              "table 4, column count: the category rows sum to 4 but Table 1 total count is 5 (difference -1)",
                              "table 4, column share_pct: the category rows sum to 99.5 but they must make 100 "
                              "(difference -0.5)"],
    }
    assert (o.success, o.passed, o.failed) == (False, 4, 9)
    summary = o.summary().splitlines()
    assert summary[0] == "the figures of 2017 failed 9 of 13 quality expectations"
    i = summary.index("- Every figure has a row_key. [row_key_not_null]:")
    assert summary[i + 1] == "    table 2, row nan, column count (period 2017): no row_key"


def _warehouse(path, rows):
    with wh.connect(path) as con:
        con.executemany("INSERT INTO figures (period, table_no, row_key, col_key, value, provenance, value_status) "
                        "VALUES (?, ?, ?, ?, ?, ?, 'value')", rows)
    return WarehouseResource(database=str(path))


def test_the_dagster_check_passes_then_fails(tmp_path, monkeypatch):
    """The check over a warehouse (its Data Docs left out: seconds each; tests/test_quality.py writes them)."""
    import functools

    monkeypatch.setattr(gx_suite, "validate_figures", functools.partial(gx_suite.validate_figures, data_docs=False))
    logged: dict[str, list[str]] = {"info": [], "error": []}
    logs = SimpleNamespace(info=logged["info"].append, error=logged["error"].append)
    ctx = SimpleNamespace(has_partition_key=True, partition_key="2017", log=logs)
    good = _warehouse(tmp_path / "good.duckdb", [r for r in GOOD if r[4] is not None])
    r = _figures_expectations(ctx, good)
    assert r.passed is True and r.metadata["failing"].value == "none"
    assert (r.metadata["expectations"].value, r.metadata["passed"].value, r.metadata["failed"].value) == (13, 13, 0)
    # (session 33: the mutation run's seed 133) a suite that passes is told at info, one that fails at error
    assert logged["info"] and not logged["error"]
    logged["info"].clear()
    bad = _warehouse(tmp_path / "bad.duckdb", [r for r in GOOD if r[4] is not None] + BAD[:3])
    r = _figures_expectations(ctx, bad)
    assert r.passed is False and r.metadata["failed"].value == 5
    assert logged["error"] and not logged["info"]
    assert any("rows_sum_to_total" in line or "sum to its total" in line for line in logged["error"]), logged["error"]
    assert r.metadata["failing"].value == "share_0_100, count_not_negative, index_not_negative, total_exists, rows_sum_to_total"
    assert "- **The rows of a table sum to its total" in r.metadata["failures"].value
    assert ("\n    - table 4, column share_pct: the category rows sum to 99.5 but they must make 100 (difference -0.5)"
            in r.metadata["failures"].value)
    # without a partition: every period of the warehouse (2016's Table 1 has no total: it fails too)
    r = _figures_expectations(SimpleNamespace(has_partition_key=False, log=logs), good)
    assert r.passed is False and r.metadata["period"].value == "2016, 2017" and r.metadata["failing"].value == "total_exists"
    r = _figures_expectations(SimpleNamespace(has_partition_key=True, partition_key="2018", log=logs), good)
    assert r.passed is True and r.metadata["figures"].value == 0


def test_the_pandera_schema_wants_every_key():
    import pandera.errors
    from schemas.figures import FiguresSchema

    good = pl.DataFrame({"period": ["2017"], "table_no": ["1"], "row_key": ["total"], "col_key": ["count"], "value": [4.0],
                         "provenance": ["derived"], "value_status": ["value"]})
    FiguresSchema.validate(good, lazy=True)
    for col in ("period", "table_no", "provenance", "value_status"):
        with pytest.raises(pandera.errors.SchemaErrors):
            FiguresSchema.validate(good.with_columns(pl.lit(None, dtype=pl.Utf8).alias(col)), lazy=True)


def test_the_pandera_checks_name_what_fails():
    import pandera.errors
    from schemas.figures import FiguresSchema

    def row(row_key, col_key, value, status="value"):
        return {"period": "2017", "table_no": "1", "row_key": row_key, "col_key": col_key, "value": value,
                "provenance": "derived", "value_status": status}

    cases = {"one_value_per_cell": [row("a", "count", 1.0), row("a", "count", 2.0)], "not_negative": [row("a", "count", -1.0)],
             "percent_in_range": [row("a", "share_pct", 100.5)], "trend_is_a_direction": [row("a", "trend", 2.0)],
             "missing_is_not_zero": [row("a", "count", None)], "finite": [row("a", "count", float("inf"))]}
    for name, rows in cases.items():
        with pytest.raises(pandera.errors.SchemaErrors) as e:
            FiguresSchema.validate(pl.DataFrame(rows, schema_overrides={"value": pl.Float64}), lazy=True)
        assert set(e.value.failure_cases["check"].to_list()) == {name}, name
