"""Tests for the survivors of issue 14's second family of mutation operators (`scripts/mutate.py --family 2`, "²") on
every SQL file (branch i14w; docs/testing.md, "Measured score"), each on a tiny hand-made fixture with its expected
values worked out by hand.

1. sql/figures/t99_summary.sql: the events of the period (`e`: the assemblies held and the records of events not
   held) are every row, not every distinct row: two held assemblies refused permission that look alike in the five
   columns `e` keeps, and two alike records of refused applications and of prevented assemblies, each count
   (period 2021 below, in the in-memory warehouse of tests/test_sql_models.py):

  card  kind   city    event_status  applications  answer   preventive  participants
  w1    card   almaty  held          -             refused  2           5
  w2    card   astana  held          -             refused  2           5
  x1    event  almaty  refused       2             refused  0           0
  x2    event  astana  refused       2             refused  0           0
  x3    event  almaty  prevented     -             -        3           0
  x4    event  astana  prevented     -             -        3           0
"""
from __future__ import annotations

import tests.test_sql_models as base

T, F, N = True, False, None
# w1 and w2: held, refused permission (applied), 2 detained beforehand of 5 participants (not prevented: 2 < 5)
CARDS_2021 = [
    ("2021", "w1", "2021-03-01", "almaty", "rally", "prices", "economic", "ngo", 5, 5, 5, 30, T, "refused", N, F,
     F, F, F, F, T, F, 1, F, F, 2, 0, F, "held", N),
    ("2021", "w2", "2021-03-02", "astana", "picket", "wages", "social", "group", 5, 5, 5, 40, T, "refused", N, F,
     F, F, F, F, F, F, 0, F, F, 2, 0, F, "held", N),
]
# x1, x2: an application refused by 2 akimats each, no assembly; x3, x4: assemblies prevented, 3 detained beforehand each
EVENTS_2021 = [
    ("2021", "x1", "2021-04-01", "almaty", "rally", "prices", "economic", "ngo", N, 0, N, N, T, "refused", N, F,
     N, N, N, N, N, N, N, N, N, 0, 0, N, "refused", 2),
    ("2021", "x2", "2021-04-02", "astana", "rally", "prices", "economic", "ngo", N, 0, N, N, T, "refused", N, F,
     N, N, N, N, N, N, N, N, N, 0, 0, N, "refused", 2),
    ("2021", "x3", "2021-05-01", "almaty", "rally", "prices", "economic", "ngo", N, 0, N, N, F, N, N, F,
     N, N, N, N, N, N, N, N, N, 3, 0, N, "prevented", N),
    ("2021", "x4", "2021-05-02", "astana", "rally", "prices", "economic", "ngo", N, 0, N, N, F, N, N, F,
     N, N, N, N, N, N, N, N, N, 3, 0, N, "prevented", N),
]


def warehouse_2021():
    con = base.warehouse()
    base.insert_cards(con, CARDS_2021)
    base.insert_cards(con, EVENTS_2021, table="events_not_held")
    return con


# 1. t99_summary: every event counts, even one alike another ----------------------------------------------------------

def test_summary_counts_every_event_even_two_alike():
    got = base.run_model(warehouse_2021(), "t99_summary", "2021")
    want = {
        "applications_refused": 6,   # w1 1 + w2 1 (held, refused) + x1 2 + x2 2 (records of refused applications)
        "assemblies_prevented": 2,   # x3, x4 (w1, w2: 2 of 5 detained beforehand, held)
        "preventive_detentions": 10,  # w1 2 + w2 2 + x3 3 + x4 3
        "assemblies": 2, "refused": 2, "applied": 2,
    }
    assert {k: got[("summary", "total", k)] for k in want} == want


# scripts/mutate.py runs these on the mutants of the models they touch (a staging or intermediate model: all)
EDGE_TESTS = {
    "t99_summary": (test_summary_counts_every_event_even_two_alike,),
}
LAYER_EDGE_TESTS = tuple(dict.fromkeys(t for ts in EDGE_TESTS.values() for t in ts))
