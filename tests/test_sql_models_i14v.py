"""Unit tests of the SQL models on a fifth small period (2022), written to kill the hand mutants of a fifth
reviewer (scripts/mutate_by_hand_i14v.py) that the cards of the other model tests let live: persons whose role is
`detainee` or `defendant` (not only participants and organisers), durations of 0 minutes beside others (a median
of 0, 0, 10, 20 is 5), two cards of one organiser on the same day (cards counted, not their dates), a code the
code list no longer lists (shares of every card, not of the listed codes), warnings where the presence of the
akimat or the police was not recorded, unsanctioned assemblies whose police were not counted at all (an unknown
sum, not 0), a city whose only duration is 0 minutes, and two cities with the same number of participants.
Same in-memory warehouse as tests/test_sql_models.py plus period 2022 below; every expected value is worked out
by hand from these rows (the comments say how).

  card  date        city    form      character  topic     organizer    part (low/high)  dur  req  answer   reason  sanct
  k1    2022-06-12  almaty  rally     social     wages     ngo          5 (5/5)           0   no   -        fear    no
  k2    2022-06-12  almaty  rally     social     wages     ngo         10 (10/10)        10   no   -        fear    no
  k3    2022-06-13  almaty  picket    economic   prices    individual   1 (NULL/1)       20   yes  granted  -       yes
  k4    2022-07-01  astana  flashmob  political  elections spontaneous 16 (16/16)         0   yes  granted  -       yes

  card  prosecutor pres/warn  akimat pres/warn  police pres/warn  police  obstr  disp  prevent  detained  state
  k1    no/no                 NULL/yes          NULL/yes          NULL    no     no       0        2     no
  k2    no/no                 no/no             yes/no            NULL    no     no       0        1     no
  k3    no/no                 no/no             yes/no               1    no     no       0        0     no
  k4    no/no                 no/no             no/no                0    no     no       0        0     no

  `flashmob` (a form) and `spontaneous` (an organiser) are codes this warehouse's code list does not hold.

  person  card  role       detained  outcome  fine  arrest  pseudonym
  q1      k1    detainee   yes       fine     3     -       P
  q2      k1    defendant  yes       arrest   -     2       Q
  q3      k2    detainee   yes       -        -     -       P        (P detained at k1 and k2: a repeat)
  q4      k3    organizer  no        warning  -     -       R        (warned by a court, never detained)

Period 2023 (three unsanctioned rallies in almaty of 1, 2 and 6 participants: mean 3, median 2; an application
refused at which 3 persons were detained beforehand: not an assembly prevented) and period 2024 (one unsanctioned
assembly of 0 participants and 0 police: its police control index is not known, not infinite) are typed below.
"""
from __future__ import annotations

import pytest

import tests.test_sql_models as base

T, F, N = True, False, None
CARDS_2022 = [
    ("2022", "k1", "2022-06-12", "almaty", "rally", "wages", "social", "ngo", 5, 5, 5, 0, F, N, "fear", F,
     F, F, N, T, N, T, N, F, F, 0, 2, F, "held", N),
    ("2022", "k2", "2022-06-12", "almaty", "rally", "wages", "social", "ngo", 10, 10, 10, 10, F, N, "fear", F,
     F, F, F, F, T, F, N, F, F, 0, 1, F, "held", N),
    ("2022", "k3", "2022-06-13", "almaty", "picket", "prices", "economic", "individual", N, 1, 1, 20, T, "granted", N, T,
     F, F, F, F, T, F, 1, F, F, 0, 0, F, "held", N),
    ("2022", "k4", "2022-07-01", "astana", "flashmob", "elections", "political", "spontaneous", 16, 16, 16, 0, T, "granted", N, T,
     F, F, F, F, F, F, 0, F, F, 0, 0, F, "held", N),
]
PERSONS_2022 = [
    ("2022", "q1", "k1", "detainee", T, "fine", 3, N, "P"),
    ("2022", "q2", "k1", "defendant", T, "arrest", N, 2, "Q"),
    ("2022", "q3", "k2", "detainee", T, N, N, N, "P"),
    ("2022", "q4", "k3", "organizer", F, "warning", N, N, "R"),
]


def warehouse():
    con = base.warehouse()
    base.insert_cards(con, CARDS_2022)
    base.insert_persons(con, PERSONS_2022)
    return con


def run(name: str) -> dict:
    return base.run_model(warehouse(), name, "2022")


def test_detainees_and_defendants_are_persons_of_the_figures():
    # q1 fined 3 MRP, q2 arrested 2 days, both at k1; q4 warned at k3 (not detained): two court cases, three defendants
    assert run("t16_courts") == {("courts", "total", k): v for k, v in {
        "court_cases": 2, "defendants": 3, "warnings": 1, "fines": 1, "fine_mrp_total": 3, "arrests": 1,
        "arrest_days_total": 2, "acquittals": 0, "released_without_charge": 0}.items()}
    # detained: P (k1, k2: a repeat), Q (k1)
    assert run("t99_summary_persons") == {("summary", "total", "distinct_detained"): 2,
                                          ("summary", "total", "detained_repeat"): 1}


def test_durations_of_zero_minutes_count_in_the_median_and_a_city_of_zero_minutes_has_its_row():
    # almaty 0, 10, 20: total 30, mean 10, median 10; astana 0 (known: a row of zeros); all 0, 0, 10, 20: 30, 7.5, 5
    assert run("t19_duration") == {("19", r, c): v for r, cols in {
        "almaty": (30, 10, 10), "astana": (0, 0, 0), "total": (30, 7.5, 5)}.items()
        for c, v in zip(("duration_total_min", "duration_avg_min", "duration_median_min"), cols)}


def test_an_organisers_assemblies_are_its_cards_even_on_one_day():
    # ngo: k1, k2 (same day) = 2 of 4 cards = 50 %; individual k3 = 25 %; `spontaneous` (k4) is not listed
    assert run("t06_organizers") == pytest.approx({
        ("6", "ngo", "count"): 2, ("6", "group", "count"): 0, ("6", "individual", "count"): 1, ("6", "party", "count"): 0,
        ("6", "ngo", "share_pct"): 50, ("6", "group", "share_pct"): 0, ("6", "individual", "share_pct"): 25,
        ("6", "party", "share_pct"): 0}, rel=1e-12)
    assert run("t05_ngo_activity") == pytest.approx({("5", "ngo", "share_pct"): 50}, rel=1e-12)


def test_shares_of_forms_are_of_every_card():
    # rally k1, k2 = 50 %, picket k3 = 25 % of the 4 cards (k4's flashmob is not listed), not 2/3 and 1/3
    assert run("t08_forms_compared") == pytest.approx({
        ("8", "picket", "count"): 1, ("8", "rally", "count"): 2, ("8", "march", "count"): 0, ("8", "concert", "count"): 0,
        ("8", "picket", "share_pct"): 25, ("8", "rally", "share_pct"): 50, ("8", "march", "share_pct"): 0,
        ("8", "concert", "share_pct"): 0}, rel=1e-12)


def test_warnings_count_where_the_presence_was_not_recorded():
    # k1: the akimat and the police warned, presence not recorded; police present at k2, k3
    assert run("t13_authorities") == {("13", r, c): v for r, c, v in (
        ("prosecutor", "present", 0.0), ("prosecutor", "warned", 0.0), ("akimat", "present", 0.0),
        ("akimat", "warned", 1.0), ("police", "present", 2.0), ("police", "warned", 1.0))}


def test_police_never_counted_at_unsanctioned_assemblies_are_unknown_not_zero():
    # unsanctioned k1, k2: police not counted at either -> police NULL, index NULL (not 0); participants 15
    got = run("t14_1_police_control_unsanctioned")
    assert got == {("14-1", r, c): v for r in ("total", "total_excl_state") for c, v in (
        ("participants", 15.0), ("police", None), ("police_control_index", None))}


def test_summary_of_the_period():
    got = run("t99_summary")
    want = {
        "cities": 2,                  # almaty 16 participants, astana 16: two cities, not two numbers
        "participants": 32,           # 5 + 10 + 1 + 16
        "participants_low": 31,       # 5 + 10 + 16; k3's low is not known
        "police_per_assembly": 0.5,   # over the counts known: k3 1, k4 0 (police not present, 0 counted)
        "duration_median_min": 5,     # 0, 0, 10, 20
        "duration_known": 4,
        "detained_persons": 3, "detention_cases": 2,
        "court_cases": 2,             # k1 (q1, q2), k3 (q4)
        "unsanctioned": 2, "sanctioned": 2, "refused": 0, "applied": 2,
    }
    assert {k: got[("summary", "total", k)] for k in want} == pytest.approx(want, rel=1e-12)


def test_topics_are_counted_by_card():
    # social/wages k1, k2 (one city, one day) = 2; economic/prices k3; political/elections k4
    assert run("t04_topics") == {("topics", "social/wages", "count"): 2, ("topics", "economic/prices", "count"): 1,
                                 ("topics", "political/elections", "count"): 1}


def _like_k2(period: str, card_id: str, day: str, participants: int, police: int | None) -> tuple:
    """k2 (an unsanctioned rally in almaty, not state-organised) with another id, day and counts."""
    return tuple({0: period, 1: card_id, 2: day, 8: participants, 9: participants, 10: participants, 22: police}.get(i, v)
                 for i, v in enumerate(CARDS_2022[1]))


CARDS_2023 = [_like_k2("2023", "m1", "2023-03-01", 1, 1), _like_k2("2023", "m2", "2023-03-02", 2, 1),
              _like_k2("2023", "m3", "2023-03-03", 6, 1)]
# an application refused (1 akimat), 3 persons detained beforehand, no participants recorded
EVENTS_2023 = [("2023", "m9", "2023-04-01", "almaty", "rally", "wages", "social", "ngo", N, 0, N, N, T, "refused", N, F,
                N, N, N, N, N, N, N, N, N, 3, 3, N, "refused", 1)]
CARDS_2024 = [_like_k2("2024", "n1", "2024-03-01", 0, 0)]


def warehouse_2023_2024():
    con = base.warehouse()
    base.insert_cards(con, CARDS_2023 + CARDS_2024)
    base.insert_cards(con, EVENTS_2023, table="events_not_held")
    return con


def test_the_mean_of_unsanctioned_assemblies_is_a_mean_and_a_refusal_is_not_a_prevention():
    got = base.run_model(warehouse_2023_2024(), "t99_summary", "2023")
    want = {
        "participants_excl_sanctioned_state": 9,      # 1 + 2 + 6
        "participants_avg_excl_sanctioned_state": 3,  # 9 / 3 (the median would be 2)
        "participants_median": 2,
        "assemblies_prevented": 0,    # m9 was refused, not prevented, though 3 were detained beforehand
        "applications_refused": 1,    # m9's one application
        "preventive_detentions": 3,   # m9
    }
    assert {k: got[("summary", "total", k)] for k in want} == want


def test_an_index_over_no_participants_is_not_known():
    # n1: 0 participants, 0 police -> the index is NULL (0 / 0 unknown), never NaN or infinite
    got = base.run_model(warehouse_2023_2024(), "t14_1_police_control_unsanctioned", "2024")
    assert got == {("14-1", r, c): v for r in ("total", "total_excl_state") for c, v in (
        ("participants", 0.0), ("police", 0.0), ("police_control_index", None))}
    got = base.run_model(warehouse_2023_2024(), "t14_police_control", "2024")
    assert got == {("14", r, c): v for r in ("almaty", "total") for c, v in (
        ("participants", 0.0), ("police", 0.0), ("police_control_index", None))}


def test_a_period_without_cards_has_a_total_of_none():
    # period 2030 holds no card: Table 2's total is 0 assemblies (a row, not no row); no city
    assert base.run_model(warehouse(), "t02_dynamics", "2030") == {("2", "total", "count"): 0.0}


# scripts/mutate.py's SQL harness runs these on the mutants of the models they touch (a staging or intermediate model: all)
EDGE_TESTS = {
    "t16_courts": (test_detainees_and_defendants_are_persons_of_the_figures,),
    "t99_summary_persons": (test_detainees_and_defendants_are_persons_of_the_figures,),
    "t19_duration": (test_durations_of_zero_minutes_count_in_the_median_and_a_city_of_zero_minutes_has_its_row,),
    "t05_ngo_activity": (test_an_organisers_assemblies_are_its_cards_even_on_one_day,),
    "t06_organizers": (test_an_organisers_assemblies_are_its_cards_even_on_one_day,),
    "t08_forms_compared": (test_shares_of_forms_are_of_every_card,),
    "t13_authorities": (test_warnings_count_where_the_presence_was_not_recorded,),
    "t14_1_police_control_unsanctioned": (test_police_never_counted_at_unsanctioned_assemblies_are_unknown_not_zero,),
    "t99_summary": (test_summary_of_the_period,),
    "t04_topics": (test_topics_are_counted_by_card,),
    "t02_dynamics": (test_a_period_without_cards_has_a_total_of_none,),
    "t14_police_control": (test_an_index_over_no_participants_is_not_known,),
}
EDGE_TESTS["t99_summary"] += (test_the_mean_of_unsanctioned_assemblies_is_a_mean_and_a_refusal_is_not_a_prevention,)
EDGE_TESTS["t14_1_police_control_unsanctioned"] += (test_an_index_over_no_participants_is_not_known,)
LAYER_EDGE_TESTS = tuple(dict.fromkeys(t for ts in EDGE_TESTS.values() for t in ts))
