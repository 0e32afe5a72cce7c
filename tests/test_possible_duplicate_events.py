"""The warning of two cards that may record one assembly (sql/checks/possible_duplicate_events.sql, asset check
possible_duplicate_events): hand-made cards in, the exact pairs out. One day, city and form and the same place (any
case, a letter or two off), or the same topic where a place is left empty; two places that differ are two assemblies
(the example's two pickets of 3 May 2017); another day, city, form or period never pairs. A warning: never blocking."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import dagster as dg

from assets.core import warehouse as wh
from assets.resources import WarehouseResource
from assets.validate.assets import _possible_duplicate_events, possible_duplicate_events

CARDS = [  # card_id, period, date, city, form, place, topic, source_file
    ("A1", "2017", "2017-05-03", "almaty", "picket", "у акимата", "Тарифы", "a.yaml"),
    ("A2", "2017", "2017-05-03", "almaty", "picket", "У Акимата ", "Другая тема", "b.csv"),      # same place: a pair
    ("A3", "2017", "2017-05-03", "almaty", "picket", "у офиса ОСДП", "Тарифы", "c.yaml"),        # another place: none
    ("B1", "2017", "2017-06-01", "astana", "rally", None, "Против повышения тарифов", "d.yaml"),
    ("B2", "2017", "2017-06-01", "astana", "rally", "на площади", "против повышения тарифов", "e.yaml"),  # no place on B1: topic
    ("B3", "2017", "2017-06-01", "astana", "picket", None, "Против повышения тарифов", "f.yaml"),        # another form
    ("C1", "2017", "2017-06-02", "astana", "rally", None, "Против повышения тарифов", "g.yaml"),         # another day
    ("D1", "2016", "2017-05-03", "almaty", "picket", "у акимата", "Тарифы", "h.yaml"),                  # another period
]


def _warehouse(tmp_path, cards=CARDS):
    """A warehouse holding `cards` (rows as CARDS: card_id, period, date, city, form, place, topic, source_file)."""
    db = tmp_path / "w.duckdb"
    with wh.connect(db) as con:
        con.executemany("INSERT INTO cards (period, card_id, date, city, form, place, topic, character, organizer_type, "
                        "participants, permission_requested, source_type, sanctioned, record_id, source_file) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, 'social', 'ngo', 1, false, 'monitor', false, ?, ?)",
                        [(p, c, d, city, form, place, topic, f"r-{c}", f) for c, p, d, city, form, place, topic, f in cards])
    return db


def test_the_pairs_are_the_same_day_city_form_and_place_or_topic(tmp_path):
    db = _warehouse(tmp_path)
    with wh.connect(db, read_only=True) as con:
        pairs = con.execute(wh.read_sql("checks/possible_duplicate_events"), {"period": "2017"}).fetchall()
    assert pairs == [("A1", "A2", "a.yaml", "b.csv", dt.date(2017, 5, 3), "almaty", "picket"),
                     ("B1", "B2", "d.yaml", "e.yaml", dt.date(2017, 6, 1), "astana", "rally")]


def test_the_check_warns_and_lists_them_and_never_blocks(tmp_path):
    db = _warehouse(tmp_path)
    r = _possible_duplicate_events(SimpleNamespace(partition_key="2017"), WarehouseResource(database=str(db)))
    assert r.passed is False and r.severity == dg.AssetCheckSeverity.WARN
    assert r.metadata["pairs"].value == 2
    assert r.metadata["possible_duplicates"].value == ("A1 (a.yaml) and A2 (b.csv): 2017-05-03 almaty picket\n"
                                                       "B1 (d.yaml) and B2 (e.yaml): 2017-06-01 astana rally")
    r16 = _possible_duplicate_events(SimpleNamespace(partition_key="2016"), WarehouseResource(database=str(db)))
    assert r16.passed is True and r16.metadata["possible_duplicates"].value == "none"
    assert not possible_duplicate_events.check_specs_by_output_name[next(iter(possible_duplicate_events.check_specs_by_output_name))].blocking
