"""Session 33's mutation run (`scripts/mutate.py --area checks --sample 0.15 --seed 133 --show`): what its survivors
showed untested. The checks only read the warehouse (its one writer belongs to the write pool: a check that opened it
for writing would wait for, or block, a partition's write); the warning of possible duplicate cards lists 50 pairs at
most and counts them all. (Its other survivor, the JOIN of sql/checks/possible_duplicate_events.sql made a LEFT JOIN,
is equivalent: a card with no partner has NULL place and topic, and the WHERE's similarity of NULL is never true.)"""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from assets.derive.assets import figures_schema
from assets.resources import WarehouseResource
from assets.validate.assets import _nothing_lost, _possible_duplicate_events
from tests.test_possible_duplicate_events import _warehouse


class _Spy(WarehouseResource):
    """The warehouse resource, recording how each connection was asked for."""

    def get_connection(self, read_only: bool = False):
        _ASKED.append(read_only)
        return super().get_connection(read_only=read_only)


_ASKED: list[bool] = []


def _cards(tmp_path, rows):
    """A warehouse of 2017 pickets at one akimat on one topic: (card_id, date) each."""
    return _warehouse(tmp_path, [(c, "2017", d, "almaty", "picket", "у акимата", "Тарифы", f"{c}.yaml") for c, d in rows])


def test_the_checks_open_the_warehouse_read_only(tmp_path):
    db = _cards(tmp_path, [("A1", "2017-05-03"), ("A2", "2017-05-03")])
    spy = _Spy(database=str(db))
    _ASKED.clear()
    assert figures_schema(warehouse=spy).passed is True  # no figures: nothing fails
    assert _possible_duplicate_events(SimpleNamespace(partition_key="2017"), spy).passed is False
    _nothing_lost(SimpleNamespace(has_partition_key=True, partition_key="2017"), spy)
    assert _ASKED == [True, True, True]


def test_the_duplicates_warning_lists_fifty_pairs_and_counts_them_all(tmp_path):
    days = [dt.date(2017, 1, 1) + dt.timedelta(days=i) for i in range(51)]  # 51 days, two cards each: 51 pairs
    db = _cards(tmp_path, [(f"{k}{i:02d}", d.isoformat()) for i, d in enumerate(days) for k in ("A", "B")])
    r = _possible_duplicate_events(SimpleNamespace(partition_key="2017"), WarehouseResource(database=str(db)))
    assert r.metadata["pairs"].value == 51
    listed = r.metadata["possible_duplicates"].value.split("\n")
    assert len(listed) == 50
    assert listed[0] == "A00 (A00.yaml) and B00 (B00.yaml): 2017-01-01 almaty picket"
    assert listed[-1] == "A49 (A49.yaml) and B49 (B49.yaml): 2017-02-19 almaty picket"
