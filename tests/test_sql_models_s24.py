"""Unit tests of the SQL models written to kill the hand mutants of session 24 (scripts/mutate_by_hand_s24.py) that the
cards of the other model tests let live: a person's id is the card's own numbering (schemas/card.yaml: P1, P2 on every
card, as the example cards have it), so two defendants of two assemblies may share one. Same in-memory warehouse as
tests/test_sql_models.py plus period 2020 below; every expected value worked out by hand from these rows.

  card  date        city    form   sanctioned  persons (id: role, detained, outcome)
  y1    2020-05-01  almaty  rally  no          P1: participant, detained, fine 10 MRP
  y2    2020-05-02  astana  rally  no          P1: participant, detained, fine 20 MRP; P2: organizer, arrest 5 days
"""
from __future__ import annotations

import tests.test_sql_models as base

T, F, N = True, False, None
CARDS_2020 = [
    ("2020", "y1", "2020-05-01", "almaty", "rally", "prices", "economic", "ngo", 10, 10, 10, 60, F, N, "fear", F,
     F, F, F, F, T, F, 3, F, F, 0, 1, F, "held", N),
    ("2020", "y2", "2020-05-02", "astana", "rally", "wages", "economic", "ngo", 20, 20, 20, 60, F, N, "fear", F,
     F, F, F, F, T, F, 4, F, F, 0, 1, F, "held", N),
]
PERSONS_2020 = [
    ("2020", "P1", "y1", "participant", T, "fine", 10, N, "X"),
    ("2020", "P1", "y2", "participant", T, "fine", 20, N, "Y"),
    ("2020", "P2", "y2", "organizer", F, "arrest", N, 5, "Z"),
]


def _run(name: str) -> dict:
    con = base.warehouse()
    base.insert_cards(con, CARDS_2020)
    con.executemany(f"INSERT INTO persons ({', '.join(base.PERSON_COLS)}, record_id, source_file) VALUES "
                    f"({', '.join('?' * (len(base.PERSON_COLS) + 2))})",
                    [r + (f"r-{r[2]}-{r[1]}", "test.csv") for r in PERSONS_2020])
    return base.run_model(con, name, "2020")


def test_defendants_of_two_assemblies_who_share_a_cards_person_id_are_two():
    # y1's P1 and y2's P1 are two people (pseudonyms X and Y), both fined; y2's P2 arrested: 3 defendants at 2 court cases
    got = _run("t16_courts")
    assert got[("courts", "total", "defendants")] == 3
    assert got[("courts", "total", "court_cases")] == 2
    assert got[("courts", "total", "fines")] == 2 and got[("courts", "total", "fine_mrp_total")] == 30
    assert got[("courts", "total", "arrests")] == 1 and got[("courts", "total", "arrest_days_total")] == 5


# scripts/mutate.py's in-process SQL run reads these
EDGE_TESTS = {
    "t16_courts": (test_defendants_of_two_assemblies_who_share_a_cards_person_id_are_two,),
}
LAYER_EDGE_TESTS = tuple(dict.fromkeys(t for ts in EDGE_TESTS.values() for t in ts))
