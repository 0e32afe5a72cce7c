"""Unit tests of the SQL models written to kill the hand mutants of a third reviewer
(scripts/mutate_by_hand_i14q.py) that the cards of tests/test_sql_models.py, tests/test_sql_models_edges.py
and tests/test_sql_models_hand.py let live: two assemblies on one day in one city with the same number of
participants and the same duration (a count of distinct dates, a sum of distinct values, a count of
distinct durations fail), a topic typed with a capital beside the same topic in small letters, warnings by
the akimat and the police where their presence was not recorded, one person fined at two assemblies, an
unsanctioned assembly dispersed without obstruction, a high estimate not known, a detained organiser, a
city whose police was not counted. Same in-memory warehouse as tests/test_sql_models.py plus period 2018
below; every expected value is worked out by hand from these rows (the comments say how). Run by
scripts/mutate.py's SQL harness like the other model tests (EDGE_TESTS, LAYER_EDGE_TESTS).

  card  date        city    form    topic    character  organizer  part (low/high)  dur  req  answer   sanct
  h1    2018-02-01  almaty  picket  Выборы   political  ngo        5 (4/NULL)       30   no   -        no
  h2    2018-02-01  almaty  rally   выборы   political  ngo        5 (5/6)          30   no   -        no
  h3    2018-03-01  astana  march   тарифы   economic   group      7 (7/7)          -    yes  granted  yes

  card  prosecutor pres/warn  akimat pres/warn  police pres/warn  police  obstr  disp  prevent  detained  state
  h1    no/no                 NULL/yes          NULL/yes             3    no     yes       0         2     no
  h2    no/no                 no/no             yes/no               2    no     no        0         0     no
  h3    no/no                 no/no             NULL/no           NULL    no     no     NULL      NULL     no

  person q1 at h1: organiser, detained, fined 10 MRP, pseudonym K
  person q2 at h2: participant, not detained, fined 20 MRP, pseudonym K (the same person fined twice)
"""
from __future__ import annotations

import pytest

import tests.test_sql_models as base

T, F, N = True, False, None
CARDS_2018 = [
    ("2018", "h1", "2018-02-01", "almaty", "picket", "Выборы", "political", "ngo", 4, 5, N, 30, F, N, "fear", F,
     F, F, N, T, N, T, 3, F, T, 0, 2, F, "held", N),
    ("2018", "h2", "2018-02-01", "almaty", "rally", "выборы", "political", "ngo", 5, 5, 6, 30, F, N, "fear", F,
     F, F, F, F, T, F, 2, F, F, 0, 0, F, "held", N),
    ("2018", "h3", "2018-03-01", "astana", "march", "тарифы", "economic", "group", 7, 7, 7, N, T, "granted", N, T,
     F, F, F, F, N, F, N, F, F, N, N, F, "held", N),
]
PERSONS_2018 = [
    ("2018", "q1", "h1", "organizer", T, "fine", 10, N, "K"),
    ("2018", "q2", "h2", "participant", F, "fine", 20, N, "K"),
]


def warehouse():
    con = base.warehouse()
    base.insert_cards(con, CARDS_2018)
    base.insert_persons(con, PERSONS_2018)
    return con


def run(name: str, period: str = "2018") -> dict:
    return base.run_model(warehouse(), name, period)


def test_two_assemblies_on_one_day_with_equal_counts_are_two():
    # almaty: h1 and h2 on 2018-02-01, 5 participants each, 30 min each -> 2 assemblies, 10 participants;
    # astana: h3, 7 participants. Total 3 assemblies (2/3 = 66.7 %, 1/3 = 33.3 %), 17 participants
    assert run("t01_cities") == pytest.approx({
        ("1", "almaty", "count"): 2, ("1", "astana", "count"): 1, ("1", "total", "count"): 3,
        ("1", "almaty", "share_pct"): 200 / 3, ("1", "astana", "share_pct"): 100 / 3, ("1", "total", "share_pct"): 100},
        rel=1e-12)
    t18 = run("t18_participants")
    assert {r: t18[("18", r, "participants")] for r in ("almaty", "astana", "total")} == {"almaty": 10, "astana": 7, "total": 17}
    # durations known: h1 and h2 (30 and 30), h3 none -> 2 known, 60 min in all, mean and median 30
    summary = run("t99_summary")
    assert (summary[("summary", "total", "duration_known")], summary[("summary", "total", "duration_avg_min")]) == (2, 30)
    assert run("t19_duration")[("19", "total", "duration_total_min")] == 60


def test_a_city_whose_police_was_not_counted_has_no_police_figures():
    # astana: h3's police not counted -> police NULL and no index (not 0); almaty 3 + 2 = 5 police for 10: 0.5;
    # in all 5 police for 17 participants, the index over the assemblies whose police is known: 5 for 10 (h3's 7 left out)
    got = run("t14_police_control")
    assert {k: v for k, v in got.items() if k[1] == "astana"} == {
        ("14", "astana", "participants"): 7, ("14", "astana", "police"): None, ("14", "astana", "police_control_index"): None}
    assert {k: v for k, v in got.items() if k[1] != "astana"} == pytest.approx({
        ("14", "almaty", "participants"): 10, ("14", "almaty", "police"): 5, ("14", "almaty", "police_control_index"): 0.5,
        ("14", "total", "participants"): 17, ("14", "total", "police"): 5, ("14", "total", "police_control_index"): 5 / 10},
        rel=1e-12)


def test_a_topic_keeps_its_capital():
    # "Выборы" (h1) and "выборы" (h2) are two topics as typed; h3 "тарифы"
    assert run("t04_topics") == {("topics", "political/Выборы", "count"): 1.0, ("topics", "political/выборы", "count"): 1.0,
                                 ("topics", "economic/тарифы", "count"): 1.0}


def test_warnings_count_where_the_akimats_and_the_polices_presence_was_not_recorded():
    # h1: akimat and police warned, presence not recorded (NULL); h2: police present, not warning
    assert run("t13_authorities") == {("13", r, c): v for r, c, v in (
        ("prosecutor", "present", 0.0), ("prosecutor", "warned", 0.0), ("akimat", "present", 0.0),
        ("akimat", "warned", 1.0), ("police", "present", 1.0), ("police", "warned", 1.0))}


def test_one_person_fined_at_two_assemblies_is_two_fines():
    # K fined at h1 (10 MRP) and at h2 (20 MRP): 2 fines, 30 MRP, 2 defendants, 2 court cases
    got = run("t16_courts")
    assert {c: got[("courts", "total", c)] for c in ("court_cases", "defendants", "fines", "fine_mrp_total", "released_without_charge")} \
        == {"court_cases": 2, "defendants": 2, "fines": 2, "fine_mrp_total": 30, "released_without_charge": 0}


def test_summary_of_a_dispersal_without_obstruction_an_unknown_high_estimate_and_a_detained_organiser():
    got = run("t99_summary")
    # h1 (unsanctioned) dispersed, nobody obstructed: 0 obstructed, 1 dispersed
    assert (got[("summary", "total", "obstructed_unsanctioned")], got[("summary", "total", "dispersed")]) == (0, 1)
    # high estimates known: h2 6, h3 7 -> 13 (h1's is not known: nothing added, not its 5 participants)
    assert got[("summary", "total", "participants_high")] == 13
    # low estimates: 4 + 5 + 7 = 16
    assert got[("summary", "total", "participants_low")] == 16
    # the organiser q1 was detained: one distinct person detained, at one assembly
    persons = run("t99_summary_persons")
    assert persons == {("summary", "total", "distinct_detained"): 1.0, ("summary", "total", "detained_repeat"): 0.0}


EDGE_TESTS = {
    "t01_cities": (test_two_assemblies_on_one_day_with_equal_counts_are_two,),
    "t18_participants": (test_two_assemblies_on_one_day_with_equal_counts_are_two,),
    "t19_duration": (test_two_assemblies_on_one_day_with_equal_counts_are_two,),
    "t14_police_control": (test_a_city_whose_police_was_not_counted_has_no_police_figures,),
    "t04_topics": (test_a_topic_keeps_its_capital,),
    "t13_authorities": (test_warnings_count_where_the_akimats_and_the_polices_presence_was_not_recorded,),
    "t16_courts": (test_one_person_fined_at_two_assemblies_is_two_fines,),
    "t99_summary": (test_two_assemblies_on_one_day_with_equal_counts_are_two,
                    test_summary_of_a_dispersal_without_obstruction_an_unknown_high_estimate_and_a_detained_organiser),
    "t99_summary_persons": (test_summary_of_a_dispersal_without_obstruction_an_unknown_high_estimate_and_a_detained_organiser,),
}
# a staging or intermediate model: every test above (they all read it)
LAYER_EDGE_TESTS = tuple(dict.fromkeys(t for ts in EDGE_TESTS.values() for t in ts))


def test_a_period_without_cards_detained_nobody():
    # 2012: no card: 0 detention cases and 0 persons detained, not NULL (the sum of no rows)
    assert run("t16_detentions", "2012") == {("16", "total", "detention_cases"): 0.0, ("16", "total", "detained_persons"): 0.0}
    assert run("t99_summary", "2012")[("summary", "total", "detained_persons")] == 0.0


EDGE_TESTS["t16_detentions"] = (test_a_period_without_cards_detained_nobody,)
EDGE_TESTS["t99_summary"] += (test_a_period_without_cards_detained_nobody,)
LAYER_EDGE_TESTS = tuple(dict.fromkeys(t for ts in EDGE_TESTS.values() for t in ts))
