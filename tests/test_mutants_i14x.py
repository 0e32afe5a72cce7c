"""Tests for the survivors of issue 14's second family of mutation operators (`--family 2`, mutmut's and cosmic-ray's)
over the blocking checks, a 40 % sample with seed 83 (branch i14x; docs/testing.md, "Measured score"), each on a tiny
hand-made fixture with its expected values worked out by hand.

1. nothing_lost run without a partition lists every unbalanced period, separated by ", ", and every period it read.
2. The GX project's suites carry their notes (what each checks, where its rows come from), as a GX user reads them
   from the project (`ctx.suites.get(name).meta`; stored in <build>/gx/expectations/<suite>.json).
"""
from __future__ import annotations

from assets.core import warehouse as wh
from tests.test_blocking_checks import _balanced, _cards, _nothing_lost_on, _raw


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
