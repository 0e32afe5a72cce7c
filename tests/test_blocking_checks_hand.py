"""Two blocking checks at edges the hand mutants of a second reviewer found open (scripts/mutate_by_hand_i14m.py):
`nothing_lost` must fail when the clean side holds MORE than the raw records (a record counted twice, or a raw
record gone: the balance is an equality, not a floor), and `figures_schema`'s one-value-per-cell is per period
(the same cell in two periods is two cells). The warehouses live under tmp_path only."""
from __future__ import annotations

from assets.core import warehouse as wh
from assets.derive.assets import figures_schema
from assets.resources import WarehouseResource
from tests.test_blocking_checks import GOOD, _balanced, _figures, _nothing_lost_on


def test_nothing_lost_fails_when_more_is_accounted_for_than_was_read(tmp_path):
    db = tmp_path / "w.duckdb"
    _balanced(db)  # 5 raw records = 2 cards + 1 event + 1 person + 1 quarantined
    with wh.connect(db) as con:
        con.execute("DELETE FROM raw_record_rows WHERE record_id = '2017-r0'")  # 4 raw, still 5 accounted for
    r = _nothing_lost_on(db)
    assert r.passed is False
    assert r.metadata["unbalanced"].value == "2017: raw 4 != 3+1+1"


def test_figures_schema_takes_the_same_cell_in_two_periods_as_two_cells(tmp_path):
    db = tmp_path / "w.duckdb"
    _figures(db, GOOD + [("2016",) + row[1:] for row in GOOD])
    r = figures_schema(warehouse=WarehouseResource(database=str(db)))
    assert r.passed is True and r.metadata["figures"].value == 14
