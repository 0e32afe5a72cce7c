"""Unit tests of the SQL models on a sixth small period (2025), written to kill the hand mutants of a sixth reviewer
(scripts/mutate_by_hand_i14y.py) that the cards of the other model tests let live: an NGO's share that is no round
number (1 of 3 cards: 33.33… %, never rounded in the warehouse) and a person detained at two assemblies in two roles
(a participant at one, an organiser at the other: one person detained twice). Same in-memory warehouse as
tests/test_sql_models.py plus period 2025 below; every expected value is worked out by hand from these rows.

  card  date        city    form    character  topic      organizer    part  dur  req  answer   reason  sanct  police  detained
  y1    2025-02-01  almaty  rally   social     wages      ngo          10    30   no   -        fear    no     2       1
  y2    2025-02-02  almaty  picket  economic   prices     individual    4    20   yes  granted  -       yes    1       1
  y3    2025-02-03  astana  march   political  elections  group         6    10   yes  granted  -       yes    0       1

  person  card  role         detained  pseudonym
  s1      y1    participant  yes       S
  s2      y2    organizer    yes       S          (S detained at y1 and y2, in two roles: a repeat)
  u1      y3    participant  yes       U
"""
from __future__ import annotations

import pytest

import tests.test_sql_models as base

T, F, N = True, False, None
CARDS_2025 = [
    ("2025", "y1", "2025-02-01", "almaty", "rally", "wages", "social", "ngo", 10, 10, 10, 30, F, N, "fear", F,
     F, F, F, F, T, F, 2, F, F, 0, 1, F, "held", N),
    ("2025", "y2", "2025-02-02", "almaty", "picket", "prices", "economic", "individual", 4, 4, 4, 20, T, "granted", N, T,
     F, F, F, F, T, F, 1, F, F, 0, 1, F, "held", N),
    ("2025", "y3", "2025-02-03", "astana", "march", "elections", "political", "group", 6, 6, 6, 10, T, "granted", N, T,
     F, F, F, F, F, F, 0, F, F, 0, 1, F, "held", N),
]
PERSONS_2025 = [
    ("2025", "s1", "y1", "participant", T, N, N, N, "S"),
    ("2025", "s2", "y2", "organizer", T, N, N, N, "S"),
    ("2025", "u1", "y3", "participant", T, N, N, N, "U"),
]


def warehouse():
    con = base.warehouse()
    base.insert_cards(con, CARDS_2025)
    base.insert_persons(con, PERSONS_2025)
    return con


def run(name: str) -> dict:
    return base.run_model(warehouse(), name, "2025")


def test_an_ngo_share_of_a_third_is_kept_unrounded():
    # ngo: y1 of 3 cards = 100/3 % (33.333…, not 33.3: the report rounds when it prints, the warehouse never)
    assert run("t05_ngo_activity") == {("5", "ngo", "share_pct"): pytest.approx(100 / 3, rel=1e-12)}
    assert run("t06_organizers")[("6", "ngo", "share_pct")] == pytest.approx(100 / 3, rel=1e-12)


def test_a_person_detained_in_two_roles_is_one_person_detained_twice():
    # S: detained at y1 (participant) and y2 (organiser) -> one person, a repeat; U once at y3 -> 2 persons, 1 repeat
    assert run("t99_summary_persons") == {("summary", "total", "distinct_detained"): 2.0,
                                          ("summary", "total", "detained_repeat"): 1.0}


# scripts/mutate.py's SQL harness runs these on the mutants of the models they touch (a staging or intermediate model: all)
EDGE_TESTS = {
    "t05_ngo_activity": (test_an_ngo_share_of_a_third_is_kept_unrounded,),
    "t06_organizers": (test_an_ngo_share_of_a_third_is_kept_unrounded,),
    "t99_summary_persons": (test_a_person_detained_in_two_roles_is_one_person_detained_twice,),
}
LAYER_EDGE_TESTS = tuple(dict.fromkeys(t for ts in EDGE_TESTS.values() for t in ts))
