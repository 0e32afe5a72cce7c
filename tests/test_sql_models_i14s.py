"""Unit tests of the SQL models written to kill the hand mutants of a fourth reviewer
(scripts/mutate_by_hand_i14s.py) that the cards of the other model tests let live: equal participant counts and
durations in one city (a median or a mean of DISTINCT values fails), a duration of 0 minutes (known, not
missing), two cards not applied for the same reason (a count of DISTINCT reasons fails), answers that are neither
granted nor refused (another place offered, no answer: not refusals), one acquittal beside two pending cases, a
court outcome of the code list that is not a court's and is not `released` (the court flag comes from the code
list, schemas/card.yaml, never from a typed code), and one person detained at four assemblies (a repeat count
bounded at 3 fails), an arrest of one day, a person whose detention was not recorded. Same in-memory warehouse as tests/test_sql_models.py plus period 2020 below; every expected
value is worked out by hand from these rows (the comments say how). Run by scripts/mutate.py's SQL harness like
the other model tests (EDGE_TESTS, LAYER_EDGE_TESTS).

  card  city    form    character  organizer  part (low/high)  dur  req  answer       reason     sanct  state
  s1    almaty  picket  political  ngo        5 (5/5)            0  no   -            fear       no     no
  s2    almaty  picket  political  ngo        5 (5/5)           30  no   -            fear       no     no
  s3    almaty  rally   political  ngo        7 (7/7)           30  no   -            pointless  no     no
  s4    astana  rally   economic   group      9 (9/9)           60  yes  other_place  -          no     no
  s5    astana  march   economic   group      3 (3/3)            -  yes  no_answer    -          no     no
  (nobody warned or present but the police, 1 each; no obstruction, dispersal, detention on the cards)

  person  card  detained  court outcome  pseudonym
  z1      s1    yes       acquitted      Z
  z2      s2    yes       pending        Z
  z3      s3    yes       pending        Z
  z4      s4    yes       dropped        Z     (`dropped`: a code of the list whose court flag is false)
  z5      s5    NULL      arrest 1 day   Y     (detention not recorded)
"""
from __future__ import annotations

import pytest

import tests.test_sql_models as base

T, F, N = True, False, None
P = "2020"


def _card(cid, city, form, character, org, part, dur, req, answer, reason):
    return (P, cid, "2020-03-01", city, form, f"topic {cid}", character, org, part, part, part, dur, req, answer, reason, F,
            F, F, F, F, T, F, 1, F, F, 0, 0, F, "held", N)


CARDS_2020 = [
    _card("s1", "almaty", "picket", "political", "ngo", 5, 0, F, N, "fear"),
    _card("s2", "almaty", "picket", "political", "ngo", 5, 30, F, N, "fear"),
    _card("s3", "almaty", "rally", "political", "ngo", 7, 30, F, N, "pointless"),
    _card("s4", "astana", "rally", "economic", "group", 9, 60, T, "other_place", N),
    _card("s5", "astana", "march", "economic", "group", 3, N, T, "no_answer", N),
]
PERSONS_2020 = [
    (P, "z1", "s1", "participant", T, "acquitted", N, N, "Z"),
    (P, "z2", "s2", "participant", T, "pending", N, N, "Z"),
    (P, "z3", "s3", "participant", T, "pending", N, N, "Z"),
    (P, "z4", "s4", "participant", T, "dropped", N, N, "Z"),
    (P, "z5", "s5", "participant", N, "arrest", N, 1, "Y"),
]


def warehouse():
    con = base.warehouse()
    con.execute("INSERT INTO codes (field, code, ru, en, court) VALUES ('court_outcome', 'dropped', 'dropped', 'dropped', false)")
    base.insert_cards(con, CARDS_2020)
    base.insert_persons(con, PERSONS_2020)
    return con


def run(name: str) -> dict:
    return base.run_model(warehouse(), name, P)


def test_medians_and_means_count_equal_values_each_time():
    # almaty 5, 5, 7: 17 participants, mean 17/3, median 5 (not 6, the median of the distinct 5 and 7);
    # astana 9, 3: 12, mean 6, median 6; all 3, 5, 5, 7, 9: 29, mean 5.8, median 5 (distinct 3, 5, 7, 9: 6).
    # Every assembly is unsanctioned and none state-organised: both total_excl rows are the total's.
    want = {}
    for row, (p, a, m) in {"almaty": (17, 17 / 3, 5), "astana": (12, 6, 6), "total": (29, 5.8, 5),
                           "total_excl_sanctioned": (29, 5.8, 5), "total_excl_sanctioned_state": (29, 5.8, 5)}.items():
        want.update({("18", row, "participants"): p, ("18", row, "participants_avg"): a, ("18", row, "participants_median"): m})
    assert run("t18_participants") == pytest.approx(want, abs=1e-9)


def test_a_duration_of_zero_minutes_is_known():
    # almaty 0, 30, 30: total 60, mean 20 (not 15, the mean of the distinct 0 and 30), median 30;
    # astana 60 (s5 not known): 60, 60, 60; all 0, 30, 30, 60: 120, 30, 30
    assert run("t19_duration") == pytest.approx({
        ("19", "almaty", "duration_total_min"): 60, ("19", "almaty", "duration_avg_min"): 20,
        ("19", "almaty", "duration_median_min"): 30,
        ("19", "astana", "duration_total_min"): 60, ("19", "astana", "duration_avg_min"): 60,
        ("19", "astana", "duration_median_min"): 60,
        ("19", "total", "duration_total_min"): 120, ("19", "total", "duration_avg_min"): 30,
        ("19", "total", "duration_median_min"): 30,
    }, abs=1e-9)
    s = run("t99_summary")
    # four durations known (0 is one of them), s5's not
    assert s[("summary", "total", "duration_known")] == 4


def test_two_cards_not_applied_for_the_same_reason_count_twice():
    # not applied: s1 fear, s2 fear, s3 pointless -> fear 2/3, pointless 1/3, no_time 0
    assert run("t10_reasons") == pytest.approx({
        ("10", "fear", "share_pct"): 200 / 3, ("10", "pointless", "share_pct"): 100 / 3, ("10", "no_time", "share_pct"): 0.0,
    }, abs=1e-9)


def test_another_place_offered_and_no_answer_are_not_refusals():
    s = run("t99_summary")
    # s4 (other_place) and s5 (no_answer) applied; neither was refused; no event not held in 2020
    assert (s[("summary", "total", "applied")], s[("summary", "total", "refused")]) == (2, 0)
    assert s[("summary", "total", "applications_refused")] == 0


def test_courts_by_the_code_lists_flag():
    # z1 acquitted, z2 and z3 pending, z5 arrested for 1 day reached court (4 defendants at s1, s2, s3, s5: 4
    # cases); z4's `dropped` is not a court's outcome by the code list (court false), so s4 is no court case;
    # 1 acquittal, not 2; 1 arrest of 1 day (a day is a day: 1 in all)
    assert run("t16_courts") == {
        ("courts", "total", "court_cases"): 4.0, ("courts", "total", "defendants"): 4.0,
        ("courts", "total", "warnings"): 0.0, ("courts", "total", "fines"): 0.0, ("courts", "total", "fine_mrp_total"): 0.0,
        ("courts", "total", "arrests"): 1.0, ("courts", "total", "arrest_days_total"): 1.0,
        ("courts", "total", "acquittals"): 1.0, ("courts", "total", "released_without_charge"): 0.0,
    }
    # Table 17: 4 of the 5 unsanctioned assemblies reached court = 80 % (s4 would make it 100 %)
    assert run("t17_unsanctioned_to_court") == pytest.approx({("17", "total", "share_pct"): 80.0})


def test_a_person_detained_at_four_assemblies_is_one_repeat():
    # Z detained at s1, s2, s3, s4: one distinct person, detained at more than one assembly; Y's detention was not
    # recorded (NULL): not counted as detained
    assert run("t99_summary_persons") == {("summary", "total", "distinct_detained"): 1.0,
                                          ("summary", "total", "detained_repeat"): 1.0}


EDGE_TESTS = {
    "t18_participants": (test_medians_and_means_count_equal_values_each_time,),
    "t19_duration": (test_a_duration_of_zero_minutes_is_known,),
    "t10_reasons": (test_two_cards_not_applied_for_the_same_reason_count_twice,),
    "t99_summary": (test_a_duration_of_zero_minutes_is_known, test_another_place_offered_and_no_answer_are_not_refusals),
    "t16_courts": (test_courts_by_the_code_lists_flag,),
    "t17_unsanctioned_to_court": (test_courts_by_the_code_lists_flag,),
    "t99_summary_persons": (test_a_person_detained_at_four_assemblies_is_one_repeat,),
}
# a staging or intermediate model: every test above (they all read it)
LAYER_EDGE_TESTS = tuple(dict.fromkeys(t for ts in EDGE_TESTS.values() for t in ts))
