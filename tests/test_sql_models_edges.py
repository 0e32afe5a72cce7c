"""More unit tests of the figure models, on cases the cards of tests/test_sql_models.py do not hold: the
same in-memory warehouse plus period 2014 below and an empty period 2013. Every expected value is
worked out by hand from these rows (the comments say how); each test kills mutants that the first
fixture lets live (a dropped join key, a count of a nullable column, a FILTER on the wrong column, a
count taken over the wrong set of cards).

Period 2014 (three cards; the codes also hold `form: other` and `permission_answer: pending`, so that
`other` is a code of two fields of Table 4/7's code lists and `pending` of two fields of the card):

  card  city    form    character  organizer   part  req  reason  sanct  prosecutor  akimat    police    police
                                                                          pres/warn   pres/warn pres/warn count
  d1    almaty  picket  other      ngo          10   no   NULL    no     yes/yes     yes/no    yes/no    NULL
  d2    almaty  other   economic   individual    4   yes  -       yes    yes/yes     yes/no    yes/no       6
  d3    astana  rally   political  ngo           6   no   fear    no     no/no       no/no     no/no        2

  person q1 at d1: detained, court outcome `pending` (reached court).
"""
from __future__ import annotations

import polars as pl
import pytest

import tests.test_sql_models as base

T, F, N = True, False, None
CARDS_2014 = [
    ("2014", "d1", "2014-03-01", "almaty", "picket", "prices", "other", "ngo", 10, 10, 10, N, F, N, N, F,
     T, T, T, F, T, F, N, F, F, 0, 0, F, "held", N),
    ("2014", "d2", "2014-04-01", "almaty", "other", "wages", "economic", "individual", 4, 4, 4, N, T, "granted", N, T,
     T, T, T, F, T, F, 6, F, F, 0, 0, F, "held", N),
    ("2014", "d3", "2014-05-01", "astana", "rally", "elections", "political", "ngo", 6, 6, 6, N, F, N, "fear", F,
     F, F, F, F, F, F, 2, F, F, 0, 0, F, "held", N),
]
# period 2018: three unsanctioned held assemblies, none state-organised: one of nobody (0 participants, none
# detained beforehand: not prevented), one of one person detained beforehand (1 of 1: prevented), one of 5
CARDS_2018 = [
    ("2018", "h1", "2018-03-01", "almaty", "picket", "prices", "economic", "individual", 0, 0, 0, N, F, N, "fear", F,
     N, N, N, N, F, F, 0, F, F, 0, 0, F, "held", N),
    ("2018", "h2", "2018-04-01", "almaty", "picket", "prices", "economic", "individual", 1, 1, 1, N, F, N, "fear", F,
     N, N, N, N, F, F, 0, F, F, 1, 0, F, "held", N),
    ("2018", "h3", "2018-05-01", "astana", "rally", "prices", "economic", "individual", 5, 5, 5, N, F, N, "fear", F,
     N, N, N, N, F, F, 0, F, F, 0, 0, F, "held", N),
]
PERSONS_2014 = [("2014", "q1", "d1", "participant", T, "pending", N, N, "Q")]
MORE_CODES = [("form", "other", False), ("permission_answer", "pending", False)]


def warehouse():
    con = base.warehouse()
    con.executemany("INSERT INTO codes (field, code, ru, en, court) VALUES (?, ?, ?, ?, ?)",
                    [(f, c, c, c, court) for f, c, court in MORE_CODES])
    base.insert_cards(con, CARDS_2014 + CARDS_2018)
    base.insert_persons(con, PERSONS_2014)
    return con


def run(name: str, period: str = "2014") -> dict:
    return base.run_model(warehouse(), name, period)


def test_authorities_present_and_warned_are_counted_apart():
    # present: prosecutor d1, d2; akimat d1, d2; police d1, d2. Warned: the prosecutor at d1 and d2, nobody else
    assert run("t13_authorities") == {("13", r, c): v for r, c, v in (
        ("prosecutor", "present", 2.0), ("prosecutor", "warned", 2.0), ("akimat", "present", 2.0),
        ("akimat", "warned", 0.0), ("police", "present", 2.0), ("police", "warned", 0.0))}


def test_summary_counts_the_unsanctioned_and_the_known_police():
    got = run("t99_summary")
    want = {
        "police": 8,                     # 6 + 2 (d1 not known)
        "police_per_assembly": 4,        # (6 + 2) / 2: d1's unknown count is no 0
        "prosecutor_present_unsanctioned": 1,  # unsanctioned d1, d3: the prosecutor came to d1 only
        "prosecutor_warned_unsanctioned": 1,   # d1 (d2's warning was at a sanctioned assembly)
        "participants_excl_sanctioned_state": 16,      # d1 10 + d3 6 (both not state-organised)
        "participants_avg_excl_sanctioned_state": 8,   # 16 / 2: d1 counts though its police count is not known
        "applied": 1, "unsanctioned": 2, "sanctioned": 1, "cities": 2, "other": 1,
    }
    assert {k: got[("summary", "total", k)] for k in want} == pytest.approx(want)


def test_participants_per_assembly_count_the_assemblies_whose_police_is_not_known():
    got = run("t18_participants")
    # unsanctioned: d1 (10; police not known) and d3 (6), neither state-organised: 16 in 2 assemblies
    want = {("18", r, c): v for r in ("total_excl_sanctioned", "total_excl_sanctioned_state")
            for c, v in (("participants", 16), ("participants_avg", 8), ("participants_median", 8))}
    want[("18", "total", "participants_avg")] = 20 / 3  # 10 + 4 + 6 in 3 assemblies
    assert {k: got[k] for k in want} == pytest.approx(want)


def test_an_assembly_is_prevented_when_everyone_was_detained_beforehand():
    got = run("t99_summary", "2018")
    assert (got[("summary", "total", "assemblies_prevented")], got[("summary", "total", "preventive_detentions")]) == (1.0, 1.0)


def test_the_median_of_three_unsanctioned_assemblies():
    got = run("t18_participants", "2018")
    # participants 0, 1, 5: median 1 (the mean would be 2), in both totals (no assembly sanctioned or state-organised)
    assert [got[("18", r, "participants_median")] for r in ("total", "total_excl_sanctioned", "total_excl_sanctioned_state")] \
        == [1.0, 1.0, 1.0]
    assert got[("18", "total_excl_sanctioned_state", "participants_avg")] == pytest.approx(2.0)


def test_reasons_are_shares_of_every_card_that_did_not_apply():
    # did not apply: d1 (no reason given), d3 (fear): fear is 1 of 2
    assert run("t10_reasons") == {("10", "fear", "share_pct"): 50.0, ("10", "pointless", "share_pct"): 0.0,
                                  ("10", "no_time", "share_pct"): 0.0}


def test_a_code_of_two_fields_counts_in_its_own_field_only():
    # `other` is d1's character and d2's form: one each, never two
    third = 100 / 3
    assert run("t04_character") == pytest.approx({
        ("4", "other", "count"): 1, ("4", "economic", "count"): 1, ("4", "political", "count"): 1, ("4", "social", "count"): 0,
        ("4", "other", "share_pct"): third, ("4", "economic", "share_pct"): third, ("4", "political", "share_pct"): third,
        ("4", "social", "share_pct"): 0})
    forms = run("t07_forms")
    assert {k: forms[k] for k in forms if k[2] == "count"} == {
        ("7", "picket", "count"): 1.0, ("7", "other", "count"): 1.0, ("7", "rally", "count"): 1.0, ("7", "march", "count"): 0.0,
        ("7", "concert", "count"): 0.0, ("7", "total", "count"): 3.0}


def test_a_person_is_one_row_whatever_other_fields_share_its_outcome_code():
    # q1's outcome `pending` is also a code of permission_answer: still one row, which reached court
    con = warehouse()
    base.runner.build_layers(con, "2014", 12, root=base.SQL)
    assert con.execute("SELECT person_id, reached_court FROM stg_persons").fetchall() == [("q1", True)]
    courts = run("t16_courts")
    assert (courts[("courts", "total", "court_cases")], courts[("courts", "total", "defendants")]) == (1.0, 1.0)


def test_a_period_without_cards_has_no_shares():
    # 2013: no card, so 0 assemblies and shares of nothing: NULL, never 100 % or 0 %
    forms = run("t07_forms", "2013")
    assert (forms[("7", "total", "count")], forms[("7", "total", "share_pct")]) == (0.0, None)
    assert run("t09_unsanctioned", "2013") == {("9", "total", "share_pct"): None}
    summary = run("t99_summary", "2013")  # nothing held, refused or prevented: 0, not NULL (nor 1)
    assert [summary[("summary", "total", k)] for k in ("assemblies", "applications_refused", "preventive_detentions")] == [0, 0, 0]


# scripts/mutate.py runs these on the mutants of the models they touch (a staging or intermediate model: all)
EDGE_TESTS = {
    "t13_authorities": (test_authorities_present_and_warned_are_counted_apart,),
    "t99_summary": (test_summary_counts_the_unsanctioned_and_the_known_police, test_a_period_without_cards_has_no_shares,
                    test_an_assembly_is_prevented_when_everyone_was_detained_beforehand),
    "t18_participants": (test_participants_per_assembly_count_the_assemblies_whose_police_is_not_known,
                         test_the_median_of_three_unsanctioned_assemblies),
    "t10_reasons": (test_reasons_are_shares_of_every_card_that_did_not_apply,),
    "t04_character": (test_a_code_of_two_fields_counts_in_its_own_field_only,),
    "t07_forms": (test_a_code_of_two_fields_counts_in_its_own_field_only, test_a_period_without_cards_has_no_shares),
    "t09_unsanctioned": (test_a_period_without_cards_has_no_shares,),
    "t16_courts": (test_a_person_is_one_row_whatever_other_fields_share_its_outcome_code,),
}
LAYER_EDGE_TESTS = (test_a_code_of_two_fields_counts_in_its_own_field_only,
                    test_a_person_is_one_row_whatever_other_fields_share_its_outcome_code,
                    test_summary_counts_the_unsanctioned_and_the_known_police, test_a_period_without_cards_has_no_shares,
                    test_reasons_are_shares_of_every_card_that_did_not_apply,
                    test_participants_per_assembly_count_the_assemblies_whose_police_is_not_known,
                    test_the_median_of_three_unsanctioned_assemblies)


def test_validated_cards_with_an_empty_police_count_are_not_counted_as_no_police():
    """Cards through validation, then the figure models: the police count a card left empty while police were present
    is not known (never 0), so it is left out of the police, their average per assembly and the control index;
    a card without police present counts 0 (the probe's Karaganda cards: 40 police at 8 known of 10 assemblies)."""
    from assets.core import periods
    from assets.validate.validate import validate_period
    from tests.test_validation_values import NO_FILES, card, raw

    res = validate_period(periods.get("2017"), raw(
        card(card_id="k1", participants="10", police_count="4"),
        card(card_id="k2", participants="10", police_count="6"),
        card(card_id="k3", participants="20", police_present="да", police_count=""),   # present, not counted
        card(card_id="k4", participants="5", police_present="нет", police_count="")), NO_FILES)
    assert res.quarantine.height == 0
    cards = res.cards.with_columns(pl.lit("2019").alias("period"))
    con = base.warehouse()
    base.insert_cards(con, [tuple(r) for r in cards.select(*base.CARD_COLS).iter_rows()])
    t14 = base.run_model(con, "t14_police_control", "2019")
    # police 4 + 6 + 0 (k3 not known) = 10, of 45 participants; the index over k1, k2, k4: 10 / 25
    assert {k[2]: v for k, v in t14.items() if k[1] == "total"} == pytest.approx(
        {"participants": 45, "police": 10, "police_control_index": 0.4})
    summary = base.run_model(con, "t99_summary", "2019")
    assert summary[("summary", "total", "police_per_assembly")] == pytest.approx(10 / 3)  # not 10 / 4
    # detained left empty everywhere: no detention known, so no figure of them (never 0 persons, 0 %)
    assert [summary[("summary", "total", k)] for k in ("detained_persons", "detention_cases_pct")] == [None, None]


def test_the_index_without_sanctioned_assemblies_leaves_out_the_participants_of_an_unknown_police_count():
    got = run("t14_1_police_control_unsanctioned")
    # unsanctioned d1 (10 participants, police not known) and d3 (6, police 2), neither state-organised: police 2,
    # participants 16, the index over d3 alone 2 / 6 (d1's 10 participants would make it 2 / 16), in both rows
    want = {("14-1", r, c): v for r in ("total", "total_excl_state")
            for c, v in (("participants", 16), ("police", 2), ("police_control_index", 2 / 6))}
    assert got == pytest.approx(want)
    assert run("t15_police_control_by_period") == pytest.approx({("15", "total", "police_control_index"): 2 / 6})


# scripts/mutate.py runs it on the models it reads (int_unsanctioned is a layer: every layer mutant runs it)
EDGE_TESTS["t14_1_police_control_unsanctioned"] = (
    test_the_index_without_sanctioned_assemblies_leaves_out_the_participants_of_an_unknown_police_count,)
EDGE_TESTS["t15_police_control_by_period"] = EDGE_TESTS["t14_1_police_control_unsanctioned"]
LAYER_EDGE_TESTS += EDGE_TESTS["t14_1_police_control_unsanctioned"]
