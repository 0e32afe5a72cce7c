"""Tests for the survivors of issue 14's second family of mutation operators (`--family 2`, mutmut's and cosmic-ray's)
over the blocking checks, a 40 % sample with seed 83 (branch i14x; docs/testing.md, "Measured score"), each on a tiny
hand-made fixture with its expected values worked out by hand.

1. nothing_lost run without a partition lists every unbalanced period, separated by ", ", and every period it read.
2. The GX project's suites carry their notes (what each checks, where its rows come from), as a GX user reads them
   from the project (`ctx.suites.get(name).meta`; stored in <build>/gx/expectations/<suite>.json).

A second draw, the rest of the family's mutants of the checks (those seed 83 left out):
3. sql/checks/figure_sums.sql orders the tables by number: Table 2 before Table 10 (not as text, "10" < "2").
4. The figures schema names each broken rule (pandera's failure cases, the `first` preview of figures_schema):
   missing_is_not_zero, one_value_per_cell, percent_in_range, not_negative, trend_is_a_direction, finite.
5. figures_expectations run without a partition validates every period with figures and merges them: the periods
   "2016, 2017", each explanation led by its period.
6. figures_expectations with the Data Docs on (the default outside the tests) builds them and points to them, with
   both suites' outcomes (13 expectations).
7. A value in an explanation: a number with up to 10 significant digits, anything else (text, None) as its repr —
   never None itself (gx_outcomes._num); a sum's explanation gives the difference only where both sides are known.
"""
from __future__ import annotations

from types import SimpleNamespace

import polars as pl
import pytest

from assets.core import warehouse as wh
from tests.test_blocking_checks import _balanced, _cards, _figures, _nothing_lost_on, _raw


# 1. nothing_lost: two unbalanced periods in one message ---------------------------------------------------------------

def test_nothing_lost_without_a_partition_names_each_unbalanced_period(tmp_path):
    db = tmp_path / "w.duckdb"
    _balanced(db)  # 2017 balanced: 5 raw = 2 cards + 1 event not held + 1 person + 1 quarantined (one redacted)
    with wh.connect(db) as con:
        _raw(con, "2016", 3)
        _cards(con, "2016", 1)  # 2016: 3 raw, 1 card: two lost
        _raw(con, "2018", 2)
        con.execute("INSERT INTO quarantine (period, record_id, source_file, kind, reason, rule, severity) "
                    "VALUES ('2018', '2018-r0', 'f.csv', 'card', 'bad', 'r', 'error')")  # 2018: 2 raw, 1 quarantined
    r = _nothing_lost_on(db, None)
    assert r.passed is False
    assert r.metadata["unbalanced"].value == "2016: raw 3 != 1+0+0, 2018: raw 2 != 0+0+1"
    assert r.metadata["periods"].value == "2016, 2017, 2018"
    assert r.metadata["redacted_records"].value == 1


# 2. the suites' notes in the GX project -------------------------------------------------------------------------------------

def test_the_gx_projects_suites_say_what_they_check():
    from assets.quality import gx_context

    suites = gx_context.project().ctx.suites
    assert suites.get("figures").meta["notes"] == "Quality gate over `figures` (assets/quality/gx_suite.py)."
    assert suites.get("figures_sums").meta["notes"] == "Rows of a table add up to its total (sql/checks/figure_sums.sql)."


# 3. figure_sums: tables in the order of their numbers ------------------------------------------------------------------

def test_the_sums_come_table_by_table_in_the_order_of_their_numbers():
    from assets.quality import gx_suite
    from tests.test_check_values import _frame

    # 2017: Table 10 (shares of the reasons) political 40 %, social 60 %; Table 2 rally 3, picket 1, total 4
    sums = gx_suite.figure_sums(_frame([("2017", "10", "political", "share_pct", 40.0, "derived"),
                                        ("2017", "10", "social", "share_pct", 60.0, "derived"),
                                        ("2017", "2", "rally", "count", 3.0, "derived"),
                                        ("2017", "2", "picket", "count", 1.0, "derived"),
                                        ("2017", "2", "total", "count", 4.0, "derived")]), "2017")
    assert [(r["table_no"], r["col_key"], r["n_rows"], r["sum_of_rows"], r["total"]) for r in sums.iter_rows(named=True)] == [
        ("2", "count", 2, 4.0, 4.0), ("10", "share_pct", 2, 100.0, 100.0)]


# 4. the figures schema's rules by name -------------------------------------------------------------------------------------

def test_the_figures_schema_names_each_broken_rule_and_its_row():
    import pandera.errors

    from schemas.figures import FiguresSchema

    rows = [("2017", "1", "almaty", "count", 3.0, "derived", "value"),        # 0 and 1: two values for one cell
            ("2017", "1", "almaty", "count", 4.0, "derived", "value"),
            ("2017", "1", "astana", "count", 0.0, "derived", "dash"),         # 2: a dash stored as 0
            ("2017", "1", "taraz", "share_pct", 120.0, "derived", "value"),   # 3: a share over 100
            ("2017", "1", "semey", "count", -2.0, "derived", "value"),        # 4: a negative count
            ("2017", "15", "total", "trend", 2.0, "derived", "value"),        # 5: a trend is -1, 0 or +1
            ("2017", "1", "oral", "count", float("inf"), "derived", "value")]  # 6: not finite
    df = pl.DataFrame(rows, schema=["period", "table_no", "row_key", "col_key", "value", "provenance", "value_status"],
                      orient="row")
    with pytest.raises(pandera.errors.SchemaErrors) as e:
        FiguresSchema.validate(df, lazy=True)
    assert sorted(e.value.failure_cases.select("index", "check").rows()) == [
        (0, "one_value_per_cell"), (1, "one_value_per_cell"), (2, "missing_is_not_zero"), (3, "percent_in_range"),
        (4, "not_negative"), (5, "trend_is_a_direction"), (6, "finite")]


# 5. figures_expectations without a partition: every period, merged -----------------------------------------------------

def _check(path, partition=None):
    from assets.quality.checks import _figures_expectations
    from assets.resources import WarehouseResource

    logs = SimpleNamespace(info=lambda *_: None, error=lambda *_: None)
    ctx = SimpleNamespace(has_partition_key=partition is not None, partition_key=partition, log=logs)
    return _figures_expectations(ctx, WarehouseResource(database=str(path)))


def test_the_quality_check_without_a_partition_validates_each_period_and_names_it(tmp_path):
    db = tmp_path / "w.duckdb"
    # 2016: Table 1 almaty 2 assemblies, total 2; Table 5 (no sums) a share of 120 % (wrong);
    # 2017: Table 1 almaty 3, total 3; Table 5 a share of 100 %
    _figures(db, [("2016", "1", "almaty", "count", 2.0, "derived", "value"),
                  ("2016", "1", "total", "count", 2.0, "derived", "value"),
                  ("2016", "5", "almaty", "share_pct", 120.0, "derived", "value"),
                  ("2017", "1", "almaty", "count", 3.0, "derived", "value"),
                  ("2017", "1", "total", "count", 3.0, "derived", "value"),
                  ("2017", "5", "almaty", "share_pct", 100.0, "derived", "value")])
    r = _check(db)
    md = {k: v.value for k, v in r.metadata.items()}
    assert r.passed is False
    # 13 expectations a period (11 over the figures, 2 over the sums), two periods; only 2016's share fails
    assert (md["period"], md["expectations"], md["passed"], md["failed"], md["failing"]) == ("2016, 2017", 26, 25, 1, "share_0_100")
    assert r.description == "the figures of 2016, 2017 failed 1 of 26 quality expectations"
    assert md["failures"].splitlines()[1:] == ["    - 2016: table 5, row almaty, column share_pct: the share 120 % lies outside 0–100"]


# 6. figures_expectations with the Data Docs on ---------------------------------------------------------------------------

def test_the_quality_check_builds_the_data_docs_when_they_are_on(tmp_path, monkeypatch):
    build = tmp_path / "build"
    monkeypatch.setenv("MONITOR_BUILD", str(build))
    monkeypatch.setenv("MONITOR_GX_DATA_DOCS", "1")
    db = tmp_path / "w.duckdb"
    # 2017, Table 14 participants: almaty 10, semey 4, total 14 (every expectation met)
    _figures(db, [("2017", "14", "almaty", "participants", 10.0, "derived", "value"),
                  ("2017", "14", "semey", "participants", 4.0, "derived", "value"),
                  ("2017", "14", "total", "participants", 14.0, "derived", "value")])
    r = _check(db, "2017")
    md = {k: v.value for k, v in r.metadata.items()}
    assert r.passed is True and (md["expectations"], md["passed"], md["failed"]) == (13, 13, 0)
    assert md["data_docs"] == str(build / "data_docs" / "index.html") and md["data_docs_in_build"] == "data_docs/index.html"
    assert (build / "data_docs" / "index.html").is_file()
    pages = sorted(v for k, v in md.items() if k.startswith("validation_page_"))
    assert len(pages) == 2 and all(p.startswith(str(build / "data_docs" / "validations")) for p in pages)
    # a page per suite, under the period's run (validations/<suite>/<period>/<time>/...)
    assert [p.split("/validations/")[1].split("/")[:2] for p in pages] == [["figures", "2017"], ["figures_sums", "2017"]]


# 7. numbers in the explanations -----------------------------------------------------------------------------------------

def test_a_value_in_an_explanation_is_a_number_or_its_repr():
    from assets.quality.gx_outcomes import _num

    assert [_num(v) for v in (120.0, 0.1 + 0.2, -3, "12.5", "n/a", None)] == ["120", "0.3", "-3", "12.5", "'n/a'", "None"]


def test_a_sum_without_a_known_total_is_explained_without_a_difference():
    from assets.quality.gx_outcomes import _explain

    row = {"table_no": "2", "col_key": "count", "rows": "category rows", "against": "the total row", "sum_of_rows": 4.0}
    assert _explain("rows_sum_to_total", {**row, "total": None}) == (
        "table 2, column count: the category rows sum to 4 but the total row is None")
    assert _explain("rows_sum_to_total", {**row, "total": 5.0}) == (
        "table 2, column count: the category rows sum to 4 but the total row is 5 (difference -1)")
