"""Periods up to today: calendar years after the last declared period exist without editing the
periods file, and a card dated in one of them is accepted into it."""
from __future__ import annotations

import datetime as dt

from assets.core import periods, warehouse
from tests.conftest import card, run_period, write


def test_calendar_years_after_the_last_declared_period():
    ids = periods.period_ids()
    this_year = dt.date.today().year
    assert ids[: ids.index("2017") + 1] == ["2010", "2011-2012", "2012-2013", "2014", "2015", "2016", "2017"]
    assert ids[ids.index("2017") + 1:] == [str(y) for y in range(2018, this_year + 1)]
    p = periods.get(str(this_year))
    assert p.generated and p.start == dt.date(this_year, 1, 1) and p.end == dt.date(this_year, 12, 31) and p.months == 12
    assert (p.coverage, p.basis) == ("complete", "monitors")
    assert periods.containing(dt.date(2024, 5, 1)).id == "2024"
    assert periods.containing(dt.date(this_year + 1, 1, 1)).id == str(this_year + 1)  # next year once it comes
    assert periods.get("2016").coverage == "none" and periods.get("2017").basis == "reconstructed"


def test_a_card_dated_in_a_calendar_year_after_2017_is_accepted(project):
    write(project / "inbox" / "cards" / "2024" / "a.yaml", card("2024-ALA-01", "2024-05-01"))
    write(project / "inbox" / "cards" / "2024" / "b.yaml", card("2024-ALA-02", "2023-12-31"))  # not in 2024
    assert run_period("2024", selection=("raw_cards", "cards", "figures")).success
    with warehouse.connect(read_only=True) as con:
        assert con.execute("SELECT card_id FROM cards").fetchall() == [("2024-ALA-01",)]
        reasons = [r[0] for r in con.execute("SELECT reason FROM quarantine WHERE severity = 'error'").fetchall()]
        assert any("2023-12-31" in r and "2024" in r for r in reasons), reasons
        prov = con.execute("SELECT DISTINCT provenance FROM figures WHERE period = '2024'").fetchall()
    assert prov == [("derived",)]  # a year after the seed rests on the monitors' cards
