"""Unit tests of the SQL models on a seventh small period (2026), written to kill the hand mutants of a seventh
reviewer (scripts/mutate_by_hand_i14z.py) that the cards of the other model tests let live: shares of a third (never
rounded in the warehouse), a city whose every assembly was sanctioned (its Table 11 row kept), and a form `other`
(Table 8 keeps every code's row). Same in-memory warehouse as tests/test_sql_models.py plus period 2026 below (and the
code `other` of the field `form`); every expected value is worked out by hand from these rows.

  card  date        city    form    character  organizer  part  req  answer   reason  sanct  police  detained
  z1    2026-02-01  almaty  other   social     ngo         6    yes  granted  -       yes    1       1
  z2    2026-02-02  almaty  picket  economic   ngo         3    no   -        fear    no     1       0
  z3    2026-02-03  astana  rally   political  group       9    yes  granted  -       yes    0       0
"""
from __future__ import annotations

import pytest

import tests.test_sql_models as base

T, F, N = True, False, None
CARDS_2026 = [
    ("2026", "z1", "2026-02-01", "almaty", "other", "wages", "social", "ngo", 6, 6, 6, 30, T, "granted", N, T,
     F, F, F, F, T, F, 1, F, F, 0, 1, F, "held", N),
    ("2026", "z2", "2026-02-02", "almaty", "picket", "prices", "economic", "ngo", 3, 3, 3, 20, F, N, "fear", F,
     F, F, F, F, T, F, 1, F, F, 0, 0, F, "held", N),
    ("2026", "z3", "2026-02-03", "astana", "rally", "elections", "political", "group", 9, 9, 9, 10, T, "granted", N, T,
     F, F, F, F, F, F, 0, F, F, 0, 0, F, "held", N),
]
THIRD, TWO_THIRDS = 100 / 3, 200 / 3
TOT = "total"


def warehouse():
    con = base.warehouse()
    con.execute("INSERT INTO codes (field, code, ru, en, court) VALUES ('form', 'other', 'other', 'other', false)")
    base.insert_cards(con, CARDS_2026)
    return con


def run(name: str) -> dict:
    return base.run_model(warehouse(), name, "2026")


def approx(cells: dict) -> dict:
    return {k: pytest.approx(v, rel=1e-12) for k, v in cells.items()}


def test_table_8_keeps_every_form_and_its_unrounded_share():
    # forms of the code list (picket, rally, march, concert, and other): other z1, picket z2, rally z3 -> 1 each of 3
    # cards = 33.33… % (not 33: never rounded in the warehouse); march and concert 0
    want = {("8", f, "count"): float(n) for f, n in (("other", 1), ("picket", 1), ("rally", 1), ("march", 0), ("concert", 0))}
    want |= {("8", f, "share_pct"): s for f, s in (("other", THIRD), ("picket", THIRD), ("rally", THIRD), ("march", 0.0),
                                                    ("concert", 0.0))}
    assert run("t08_forms_compared") == approx(want)


def test_shares_of_thirds_are_kept_unrounded():
    # 1 of 3 unsanctioned (z2): Table 9 33.33… %; 2 of 3 sanctioned: Table 12 66.66… %; 1 of 3 with a detention (z1):
    # the summary's detention_cases_pct 33.33…
    assert run("t09_unsanctioned") == approx({("9", TOT, "share_pct"): THIRD})
    assert run("t12_law_abidance") == approx({("12", TOT, "law_abidance_pct"): TWO_THIRDS})
    assert run("t99_summary")[("summary", TOT, "detention_cases_pct")] == pytest.approx(THIRD, rel=1e-12)


def test_a_city_of_sanctioned_assemblies_only_keeps_its_row_in_table_11():
    # almaty: z1 sanctioned, z2 not -> 2, 1, 1, 50 %; astana: z3 sanctioned -> 1, 0, 1, 100 %; total 3, 1, 2, 66.66…
    want = {}
    for row, (n, u, s, pct) in {"almaty": (2, 1, 1, 50.0), "astana": (1, 0, 1, 100.0), TOT: (3, 1, 2, TWO_THIRDS)}.items():
        want |= {("11", row, "count"): float(n), ("11", row, "unsanctioned"): float(u), ("11", row, "sanctioned"): float(s),
                 ("11", row, "law_abidance_pct"): pct}
    assert run("t11_law_abidance_cities") == approx(want)


# scripts/mutate.py's SQL harness runs these on the mutants of the models they touch (a staging or intermediate model: all)
EDGE_TESTS = {
    "t08_forms_compared": (test_table_8_keeps_every_form_and_its_unrounded_share,),
    "t09_unsanctioned": (test_shares_of_thirds_are_kept_unrounded,),
    "t12_law_abidance": (test_shares_of_thirds_are_kept_unrounded,),
    "t99_summary": (test_shares_of_thirds_are_kept_unrounded,),
    "t11_law_abidance_cities": (test_a_city_of_sanctioned_assemblies_only_keeps_its_row_in_table_11,),
}
LAYER_EDGE_TESTS = tuple(dict.fromkeys(t for ts in EDGE_TESTS.values() for t in ts))
