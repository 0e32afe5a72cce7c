"""`--as-of` reproduces the edition of its moment when periods were run after it (a backfill): before the
fix, the figures of every period run since (their published figures, kept without history) were in the
as-of edition – "The warehouse holds 7 monitoring periods ...", Table 2 over 7 years – where the edition
of that moment said there was no earlier period (assets/report/asof.py, figure_bases)."""
from __future__ import annotations

import datetime as dt

import pytest

from assets.core import warehouse
from assets.report import asof
from tests.conftest import start_from
from tests.test_report_as_of import PERIOD_ASSETS, _report_sources, _run

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")


def test_an_as_of_edition_leaves_out_the_periods_run_after_its_moment(example_inbox, published_run):
    start_from(example_inbox, published_run)
    _run(PERIOD_ASSETS, "2017")
    then = _report_sources()
    with warehouse.connect(read_only=True) as con:
        assert con.execute("SELECT DISTINCT period FROM figures").fetchall() == [("2017",)]
    moment = dt.datetime.now(dt.timezone.utc)
    for p in ("2015", "2016"):  # the backfill: published figures of earlier periods
        _run(("figures", "reconciliation"), p)
    with warehouse.connect(read_only=True) as con:
        assert {p for (p,) in con.execute("SELECT DISTINCT period FROM figures").fetchall()} == {"2015", "2016", "2017"}
    with warehouse.connect(read_only=True) as con:
        asof.recompute_as_of(con, "2017", moment)
        for table in asof.DERIVED:
            assert {p for (p,) in con.execute(f"SELECT DISTINCT period FROM {table}").fetchall()} <= {"2017"}, table
        assert _report_sources(con) == then
    now = _report_sources()
    assert now != then  # the backfill changed today's report (its comparison by year)
