"""A period in which every assembly was sanctioned (a reader's probe of an odd inbox): Table 18's rows without the
sanctioned assemblies and Table 14-1 printed "—" (not known) for the participants and police of no assembly, and the
text read "Without the sanctioned assemblies, —". None of zero assemblies is a counted 0; the index and the means of
no assembly stay undefined (NULL). Hand-made cards in the in-memory warehouse of tests/test_sql_models.py; every
expected value worked out by hand from them.

Period 2019: two sanctioned assemblies (permission granted), 10 and 20 participants, 3 and 4 police."""
from __future__ import annotations

import tests.test_sql_models as base

T, F, N = True, False, None
CARDS_2019 = [
    ("2019", "z1", "2019-03-01", "almaty", "rally", "prices", "economic", "ngo", 10, 10, 10, 60, T, "granted", N, T,
     F, F, F, F, T, F, 3, F, F, 0, 0, F, "held", N),
    ("2019", "z2", "2019-04-01", "astana", "march", "wages", "economic", "ngo", 20, 20, 20, 60, T, "granted", N, T,
     F, F, F, F, T, F, 4, F, F, 0, 0, F, "held", N),
]


def _run(name: str) -> dict:
    con = base.warehouse()
    base.insert_cards(con, CARDS_2019)
    return base.run_model(con, name, "2019")


def test_no_unsanctioned_assembly_has_zero_participants_and_police_and_no_index():
    got = _run("t14_1_police_control_unsanctioned")
    for row in ("total", "total_excl_state"):  # without the state-organised too: none of none
        assert got[("14-1", row, "participants")] == 0 and got[("14-1", row, "police")] == 0, row
        assert got[("14-1", row, "police_control_index")] is None, row


def test_table_18_without_the_sanctioned_is_zero_not_unknown():
    got = _run("t18_participants")
    assert got[("18", "total", "participants")] == 30
    for row in ("total_excl_sanctioned", "total_excl_sanctioned_state"):
        assert got[("18", row, "participants")] == 0, row
        assert got[("18", row, "participants_avg")] is None, row


def test_the_summary_says_zero_participants_and_police_without_the_sanctioned():
    got = _run("t99_summary")
    assert got[("summary", "total", "unsanctioned")] == 0
    assert got[("summary", "total", "participants_excl_sanctioned")] == 0
    assert got[("summary", "total", "participants_excl_sanctioned_state")] == 0
    assert got[("summary", "total", "police_excl_sanctioned")] == 0
    assert got[("summary", "total", "participants_avg_excl_sanctioned_state")] is None


# scripts/mutate.py's in-process SQL run reads these (a mutant of int_unsanctioned's "no assembly is 0" lived without them)
EDGE_TESTS = {
    "t14_1_police_control_unsanctioned": (test_no_unsanctioned_assembly_has_zero_participants_and_police_and_no_index,),
    "t18_participants": (test_table_18_without_the_sanctioned_is_zero_not_unknown,),
    "t99_summary": (test_the_summary_says_zero_participants_and_police_without_the_sanctioned,),
}
LAYER_EDGE_TESTS = tuple(dict.fromkeys(t for ts in EDGE_TESTS.values() for t in ts))
