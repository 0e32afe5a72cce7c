"""Unit tests of the figure models on a third small period, written to kill the hand mutants of a second
reviewer (scripts/mutate_by_hand_i14m.py) that the cards of tests/test_sql_models.py and
tests/test_sql_models_edges.py let live: shares that are not whole, medians and means of two values, a
warning recorded where the prosecutor's presence was not, a low estimate not known, a sanctioned
assembly dispersed, code labels that differ from the codes, and a card whose code the codebook no longer
lists. Same in-memory warehouse as tests/test_sql_models.py plus period 2019 below; every expected value
is worked out by hand from these rows (the comments say how).

  card  city    form      character  organizer   part (low/high)  dur  req  answer   reason  sanct
  g1    almaty  picket    economic   ngo           1 (NULL/3)      10   yes  granted  -       yes
  g2    almaty  rally     political  ngo           2 (1/2)         15   no   -        fear    no
  g3    astana  flashmob  economic   individual    4 (4/5)          -   no   -        fear    no

  card  prosecutor pres/warn  akimat pres/warn  police pres/warn  police  obstr  disp  prevent  detained  state
  g1    NULL/yes              no/no             yes/no               2    no     yes       0        0     no
  g2    no/no                 no/no             yes/no               1    no     no        0        1     no
  g3    no/no                 no/no             no/no                0    no     no        0        0     no

  person r1 at g2: detained, fined 5 MRP. `flashmob` is a form the codebook (codes) no longer lists.
  In this warehouse every code's Russian and English labels differ from the code ('ru:fine', 'en:fine').
"""
from __future__ import annotations

import pytest

import tests.test_sql_models as base

T, F, N = True, False, None
CARDS_2019 = [
    ("2019", "g1", "2019-03-01", "almaty", "picket", "prices", "economic", "ngo", N, 1, 3, 10, T, "granted", N, T,
     N, T, F, F, T, F, 2, F, T, 0, 0, F, "held", N),
    ("2019", "g2", "2019-04-01", "almaty", "rally", "wages", "political", "ngo", 1, 2, 2, 15, F, N, "fear", F,
     F, F, F, F, T, F, 1, F, F, 0, 1, F, "held", N),
    ("2019", "g3", "2019-05-01", "astana", "flashmob", "prices", "economic", "individual", 4, 4, 5, N, F, N, "fear", F,
     F, F, F, F, F, F, 0, F, F, 0, 0, F, "held", N),
]
PERSONS_2019 = [("2019", "r1", "g2", "participant", T, "fine", 5, N, "Z")]


def warehouse():
    con = base.warehouse()
    con.execute("UPDATE codes SET ru = 'ru:' || code, en = 'en:' || code")
    base.insert_cards(con, CARDS_2019)
    base.insert_persons(con, PERSONS_2019)
    return con


def run(name: str, period: str = "2019") -> dict:
    return base.run_model(warehouse(), name, period)


def test_shares_of_cities_that_are_not_whole_are_not_rounded():
    # almaty 2 of 3 = 66.666…%, astana 1 of 3 = 33.333…% (rounded in SQL they would be 67 and 33)
    assert run("t01_cities") == pytest.approx({
        ("1", "almaty", "count"): 2, ("1", "astana", "count"): 1, ("1", "total", "count"): 3,
        ("1", "almaty", "share_pct"): 200 / 3, ("1", "astana", "share_pct"): 100 / 3, ("1", "total", "share_pct"): 100},
        rel=1e-12)


def test_medians_and_means_of_two_values_lie_between_them():
    # almaty: participants 1 and 2 -> median 1.5 (not 1 nor 2); unsanctioned g2 2 and g3 4 -> median 3; all: 1, 2, 4 -> 2
    got = run("t18_participants")
    assert {r: got[("18", r, "participants_median")] for r in ("almaty", "astana", "total", "total_excl_sanctioned")} == \
        {"almaty": 1.5, "astana": 4.0, "total": 2.0, "total_excl_sanctioned": 3.0}
    # durations: almaty 10 and 15 min (total 25, mean and median 12.5); astana none known (no row); total the same as almaty
    assert run("t19_duration") == {("19", r, c): v for r in ("almaty", "total") for c, v in (
        ("duration_total_min", 25.0), ("duration_avg_min", 12.5), ("duration_median_min", 12.5))}


def test_a_warning_counts_where_the_prosecutors_presence_was_not_recorded():
    # g1: the prosecutor warned, presence not recorded (NULL): 1 warning, 0 recorded present; police present at g1, g2
    assert run("t13_authorities") == {("13", r, c): v for r, c, v in (
        ("prosecutor", "present", 0.0), ("prosecutor", "warned", 1.0), ("akimat", "present", 0.0),
        ("akimat", "warned", 0.0), ("police", "present", 2.0), ("police", "warned", 0.0))}


def test_summary_of_unknown_low_estimates_and_a_sanctioned_assembly_dispersed():
    got = run("t99_summary")
    want = {
        "participants_low": 5,    # g2 1 + g3 4; g1's low is not known and adds nothing (a low bound stays low)
        "participants_high": 10,  # 3 + 2 + 5
        "participants": 7,        # 1 + 2 + 4
        "dispersed": 1,           # g1, sanctioned
        "applied": 1, "sanctioned": 1, "unsanctioned": 2, "cities": 2,
    }
    assert {k: got[("summary", "total", k)] for k in want} == want


def test_shares_of_forms_are_of_every_card_even_one_whose_code_is_no_longer_listed():
    # picket 1, rally 1 of the period's 3 cards (g3's `flashmob` is not a listed code): 33.3 % each, not 50 %
    forms = run("t07_forms")
    assert forms == pytest.approx({
        ("7", "picket", "count"): 1, ("7", "rally", "count"): 1, ("7", "march", "count"): 0, ("7", "concert", "count"): 0,
        ("7", "total", "count"): 3,
        ("7", "picket", "share_pct"): 100 / 3, ("7", "rally", "share_pct"): 100 / 3, ("7", "march", "share_pct"): 0,
        ("7", "concert", "share_pct"): 0, ("7", "total", "share_pct"): 100}, rel=1e-12)


def test_court_outcomes_join_on_the_code_not_on_its_label():
    # r1's outcome `fine` (label 'ru:fine') reached court: one case, one defendant, one fine of 5 MRP
    courts = run("t16_courts")
    assert [courts[("courts", "total", k)] for k in ("court_cases", "defendants", "fines", "fine_mrp_total")] == [1, 1, 1, 5]


# scripts/mutate.py runs these on the mutants of the models they touch (a staging or intermediate model: all)
EDGE_TESTS = {
    "t01_cities": (test_shares_of_cities_that_are_not_whole_are_not_rounded,),
    "t18_participants": (test_medians_and_means_of_two_values_lie_between_them,),
    "t19_duration": (test_medians_and_means_of_two_values_lie_between_them,),
    "t13_authorities": (test_a_warning_counts_where_the_prosecutors_presence_was_not_recorded,),
    "t99_summary": (test_summary_of_unknown_low_estimates_and_a_sanctioned_assembly_dispersed,),
    "t07_forms": (test_shares_of_forms_are_of_every_card_even_one_whose_code_is_no_longer_listed,),
    "t16_courts": (test_court_outcomes_join_on_the_code_not_on_its_label,),
}
LAYER_EDGE_TESTS = (test_shares_of_cities_that_are_not_whole_are_not_rounded, test_medians_and_means_of_two_values_lie_between_them,
                    test_a_warning_counts_where_the_prosecutors_presence_was_not_recorded,
                    test_summary_of_unknown_low_estimates_and_a_sanctioned_assembly_dispersed,
                    test_shares_of_forms_are_of_every_card_even_one_whose_code_is_no_longer_listed,
                    test_court_outcomes_join_on_the_code_not_on_its_label)


# Period 2021: three rallies, two of them in one city (h1, h2 almaty; h3 astana), so that a count of cards and a count
# of the cities they were held in differ (a code's assemblies are its cards, never its distinct cities).
CARDS_2021 = [
    tuple({0: "2021", 1: cid, 2: day, 3: city, 6: character, 7: organizer}.get(i, v) for i, v in enumerate(CARDS_2019[1]))
    for cid, day, city, character, organizer in (
        ("h1", "2021-04-01", "almaty", "political", "ngo"),
        ("h2", "2021-04-02", "almaty", "political", "ngo"),
        ("h3", "2021-05-01", "astana", "economic", "individual"))
]


def warehouse_2021():
    con = warehouse()
    base.insert_cards(con, CARDS_2021)
    return con


def test_a_codes_assemblies_are_its_cards_not_the_cities_they_were_held_in():
    # rally: h1, h2, h3 = 3 of 3 cards (100 %); held in 2 cities, which must not be what is counted
    forms = base.run_model(warehouse_2021(), "t07_forms", "2021")
    assert {k: forms[("7", k, "count")] for k in ("rally", "picket", "total")} == {"rally": 3, "picket": 0, "total": 3}
    assert forms[("7", "rally", "share_pct")] == pytest.approx(100.0)
    # political: h1, h2 = 2 (one city); economic: h3 = 1; ngo: h1, h2 = 2; individual: h3 = 1
    character = base.run_model(warehouse_2021(), "t04_character", "2021")
    organizers = base.run_model(warehouse_2021(), "t06_organizers", "2021")
    assert {k: v for k, v in character.items() if k[1] in ("political", "economic") and k[2] == "count"} == {
        ("4", "political", "count"): 2, ("4", "economic", "count"): 1}
    assert {k: v for k, v in organizers.items() if k[1] in ("ngo", "individual") and k[2] == "count"} == {
        ("6", "ngo", "count"): 2, ("6", "individual", "count"): 1}


# for scripts/mutate.py's SQL harness, like the tests above
for _model in ("t04_character", "t06_organizers", "t07_forms"):
    EDGE_TESTS[_model] = EDGE_TESTS.get(_model, ()) + (test_a_codes_assemblies_are_its_cards_not_the_cities_they_were_held_in,)
LAYER_EDGE_TESTS += (test_a_codes_assemblies_are_its_cards_not_the_cities_they_were_held_in,)
