"""The report's comparisons as SQL models over `figures` (sql/report/), checked by value on a small
fixture whose answers are worked out by hand below."""
from __future__ import annotations

import duckdb
import pytest

from assets.report import stats

ORDER = ["2014", "2015", "2016", "2017"]


@pytest.fixture()
def con():
    c = duckdb.connect()
    c.execute("CREATE TABLE figures (period VARCHAR, table_no VARCHAR, row_key VARCHAR, col_key VARCHAR, value DOUBLE, provenance VARCHAR)")
    rows = [
        # Table 3 activity index: 9.5, 5.9, 4.3, 3.0; 2015 missing for the city row
        ("2014", "3", "total", "activity_index", 9.5), ("2015", "3", "total", "activity_index", 5.9),
        ("2016", "3", "total", "activity_index", 4.3), ("2017", "3", "total", "activity_index", 3.0),
        ("2014", "3", "almaty", "activity_index", 3.5), ("2016", "3", "almaty", "activity_index", 1.7),
        ("2017", "3", "almaty", "activity_index", 1.4),
        ("2016", "9", "total", "share_pct", None),  # not published: no value, never a zero
        ("2017", "9", "total", "share_pct", 86.0),
        # Table 1 of 2017: 17 + 9 + 3 + 2 + 1 = 32, total 36 (the printed total need not be the sum)
        ("2017", "1", "almaty", "count", 17), ("2017", "1", "astana", "count", 9), ("2017", "1", "shymkent", "count", 3),
        ("2017", "1", "uralsk", "count", 2), ("2017", "1", "semey", "count", 1), ("2017", "1", "aktau", "count", 0),
        ("2017", "1", "total", "count", 36),
    ]
    c.executemany("INSERT INTO figures VALUES (?, ?, ?, ?, ?, 'derived')", rows)
    return c


def test_changes_means_and_peaks(con):
    ch = stats.changes(con, ORDER)
    t = ch[("2017", "3", "total", "activity_index")]
    assert t["prev_period"] == "2016" and t["prev_value"] == 4.3
    assert t["ratio_to_prev"] == pytest.approx(3.0 / 4.3) and t["change_pct"] == pytest.approx(-30.232558, abs=1e-5)
    assert t["mean_upto"] == pytest.approx((9.5 + 5.9 + 4.3 + 3.0) / 4) and t["n_upto"] == 4
    assert t["peak_period"] == "2014" and t["peak_value"] == 9.5 and t["peak_ratio"] == pytest.approx(9.5 / 3.0)
    # up to 2015 only: the report never looks ahead
    t15 = ch[("2015", "3", "total", "activity_index")]
    assert t15["mean_upto"] == pytest.approx((9.5 + 5.9) / 2) and t15["n_upto"] == 2 and t15["peak_period"] == "2014"
    # the previous period lacks the city's figure: no change, but the mean covers the periods that have it
    a = ch[("2016", "3", "almaty", "activity_index")]
    assert a["prev_period"] == "2015" and a["prev_value"] is None and a["ratio_to_prev"] is None
    assert a["mean_upto"] == pytest.approx((3.5 + 1.7) / 2) and a["n_upto"] == 2
    # a missing (NULL) value is not a zero: it neither enters the mean nor serves as a previous value
    s = ch[("2017", "9", "total", "share_pct")]
    assert s["prev_value"] is None and s["n_upto"] == 1 and s["mean_upto"] == 86.0
    assert ("2016", "9", "total", "share_pct") not in ch


def test_remainders(con):
    r = stats.remainders(con)[("2017", "1", "count")]
    assert (r["first_row"], r["second_row"]) == ("almaty", "astana")
    assert r["remainder"] == 36 - 17 - 9 and r["remainder_rows"] == 3  # shymkent, uralsk, semey (aktau has 0)
