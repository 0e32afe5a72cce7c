"""Unit tests of the figure models (sql/figures/*.sql), in the manner of dbt's unit tests: a few
hand-made cards, persons and events in a fresh in-memory DuckDB (tables from sql/tables/*.sql), each
model run with its parameters, its rows compared with EXACT expected rows worked out by hand from
the cards below (see the comments), never produced by the code. No Dagster, no files written.

The cards of period 2017 (a card of 2016 is there to catch a lost `period = $period`):

  card  city    form    character  topic      organizer   part (low/high) dur  req  answer   reason     sanct state
  c1    almaty  picket  economic   prices     ngo           10 (8/12)      60  yes  granted  -          yes   yes
  c2    almaty  rally   political  elections  individual    30 (20/40)    120  no   -        pointless  no    no
  c3    almaty  march   social     housing    ngo            2 (2/2)      15   yes  refused  -          no    NULL
  c4    astana  rally   economic   prices     ngo          100 (80/150)    -   no   -        no_time    no    yes

  card  prosecutor pres/warn  akimat pres/warn  police pres/warn  police  obstr  disp  prevent  detained
  c1    yes/no                yes/yes           yes/no               5    yes    no       0        0
  c2    yes/yes               no/no             yes/yes             15    yes    yes      0        4
  c3    yes/no                no/no             yes/no               1    yes    no       2        1
  c4    no/no                 no/no             no/no                0    no     no       1        NULL
"""
from __future__ import annotations

import math
from collections import OrderedDict
from pathlib import Path

import duckdb
import pytest

from assets.derive import figures as runner

ROOT = Path(__file__).resolve().parents[1]
SQL = ROOT / "sql"  # scripts/mutate.py points SQL and FIGURES at a mutated copy
FIGURES = SQL / "figures"
TABLES = SQL / "tables"

CARD_COLS = ("period card_id date city form topic character organizer_type participants_low participants participants_high "
             "duration_min permission_requested permission_answer reason_not_applied sanctioned prosecutor_present "
             "prosecutor_warned akimat_present akimat_warned police_present police_warned police_count obstruction "
             "dispersal preventive_detentions detained state_organised event_status applications").split()
T, F, N = True, False, None
CARDS = [
    ("2017", "c1", "2017-03-01", "almaty", "picket", "prices", "economic", "ngo", 8, 10, 12, 60, T, "granted", N, T,
     T, F, T, T, T, F, 5, T, F, 0, 0, T, "held", N),
    ("2017", "c2", "2017-04-01", "almaty", "rally", "elections", "political", "individual", 20, 30, 40, 120, F, N, "pointless", F,
     T, T, F, F, T, T, 15, T, T, 0, 4, F, "held", N),
    ("2017", "c3", "2017-05-01", "almaty", "march", "housing", "social", "ngo", 2, 2, 2, 15, T, "refused", N, F,
     T, F, F, F, T, F, 1, T, F, 2, 1, N, "held", N),
    ("2017", "c4", "2017-06-01", "astana", "rally", "prices", "economic", "ngo", 80, 100, 150, N, F, N, "no_time", F,
     F, F, F, F, F, F, 0, F, F, 1, N, T, "held", N),
    # another period: must never count in 2017
    ("2016", "c5", "2016-06-01", "almaty", "rally", "prices", "political", "party", 900, 1000, 1100, 600, F, N, "fear", F,
     T, T, T, T, T, T, 500, T, T, 50, 9, F, "held", N),
    # period 2015: one person at a picket in shymkent (2 police), a state-organised rally and a sanctioned march in
    # astana; no duration, detention or preventive detention known, nobody in court (see PERIOD_2015)
    ("2015", "c6", "2015-03-01", "shymkent", "picket", "prices", "economic", "individual", 1, 1, 1, N, F, N, "fear", F,
     N, N, N, N, T, F, 2, F, F, N, N, F, "held", N),
    ("2015", "c7", "2015-04-01", "astana", "rally", "wages", "economic", "group", 2, 2, 2, N, F, N, "pointless", F,
     N, N, N, N, T, F, 0, F, F, N, N, T, "held", N),
    ("2015", "c8", "2015-05-01", "astana", "march", "elections", "political", "ngo", 9, 9, 9, N, T, "granted", N, T,
     N, N, N, N, T, F, 1, F, F, N, N, F, "held", N),
]
# events not held: an application refused by 3 akimats, one refused (count unknown), an assembly prevented (5 detained beforehand)
EVENTS = [
    ("2017", "e1", "2017-07-01", "almaty", "rally", "prices", "economic", "ngo", N, 0, N, N, T, "refused", N, F,
     N, N, N, N, N, N, N, N, N, 0, 0, N, "refused", 3),
    ("2017", "e2", "2017-08-01", "astana", "rally", "prices", "economic", "ngo", N, 0, N, N, F, N, N, F,
     N, N, N, N, N, N, N, N, N, 5, 0, N, "prevented", N),
    ("2017", "e4", "2017-09-01", "almaty", "rally", "prices", "economic", "ngo", N, 0, N, N, T, "refused", N, F,
     N, N, N, N, N, N, N, N, N, 0, 0, N, "refused", N),  # a refusal whose number of applications is not known: 1
    ("2016", "e3", "2016-08-01", "astana", "rally", "prices", "economic", "ngo", N, 0, N, N, F, N, N, F,
     N, N, N, N, N, N, N, N, N, 70, 0, N, "prevented", N),
]
PERSON_COLS = "period person_id card_id role detained court_outcome fine_mrp arrest_days pseudonym".split()
PERSONS = [
    ("2017", "p1", "c2", "participant", T, "fine", 10, N, "A"),
    ("2017", "p2", "c3", "participant", T, "arrest", N, 5, "B"),
    ("2017", "p3", "c3", "participant", T, "released", N, 2, "A"),   # arrest_days on a non-arrest: not summed
    ("2017", "p4", "c2", "participant", T, "warning", N, N, "C"),
    ("2017", "p5", "c1", "organizer", F, N, N, N, "D"),
    ("2017", "p6", "c2", "organizer", F, "pending", N, N, "F"),
    ("2017", "p7", "c2", "participant", T, "fine", 7, N, "C"),      # C twice at c2: one assembly
    ("2017", "p8", "c1", "organizer", F, "acquitted", 3, N, "G"),     # fine_mrp on an acquittal: not summed
    ("2017", "p10", "c3", "participant", T, "arrest", N, 3, "H"),
    ("2017", "p11", "c4", "participant", T, "released", N, N, "I"),  # c4: persons, but none judged
    ("2016", "p9", "c5", "participant", T, "fine", 100, 15, "C"),
]
CODES = [("character", c) for c in ("political", "economic", "social", "other")] + \
        [("organizer_type", c) for c in ("ngo", "group", "individual", "party")] + \
        [("form", c) for c in ("picket", "rally", "march", "concert")] + \
        [("reason_not_applied", c) for c in ("pointless", "no_time", "fear")]
# court outcomes: which reached court is data (card.yaml's `court: true`), not SQL; `released` did not
COURT = {"warning": True, "fine": True, "arrest": True, "acquitted": True, "pending": True, "released": False}


def warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    for f in sorted(TABLES.glob("*.sql")):
        con.execute(f.read_text(encoding="utf-8"))
    con.executemany("INSERT INTO codes (field, code, ru, en, court) VALUES (?, ?, ?, ?, ?)",
                    [(f, c, c, c, False) for f, c in CODES] + [("court_outcome", c, c, c, v) for c, v in COURT.items()])
    insert_cards(con, CARDS)
    insert_cards(con, EVENTS, table="events_not_held")
    insert_persons(con, PERSONS)
    return con


def insert_cards(con, rows, table: str = "cards") -> None:
    """Cards (CARD_COLS values) into `table`, each from an observer's test.csv, record id r-<card_id>."""
    ph = ", ".join("?" * (len(CARD_COLS) + 3))
    con.executemany(f"INSERT INTO {table} ({', '.join(CARD_COLS)}, source_type, record_id, source_file) VALUES ({ph})",
                    [r + ("observer", f"r-{r[1]}", "test.csv") for r in rows])


def insert_persons(con, rows) -> None:
    """Persons (PERSON_COLS values), each from test.csv, record id r-<person_id>."""
    ph = ", ".join("?" * (len(PERSON_COLS) + 2))
    con.executemany(f"INSERT INTO persons ({', '.join(PERSON_COLS)}, record_id, source_file) VALUES ({ph})",
                    [r + (f"r-{r[1]}", "test.csv") for r in rows])


def run_model(con, name: str, period: str = "2017", months: int = 12) -> dict:
    """The figure model's cells, after the staging and intermediate models of the period (the runner's own
    build_layers, reading the models from SQL)."""
    runner.build_layers(con, period, months, root=SQL)
    return _cells(con, name, period, months)


# warehouse() and build_layers of a period, shared by the tests that only read them (below)
_LAYERED: OrderedDict[tuple, duckdb.DuckDBPyConnection] = OrderedDict()


def layered(period: str = "2017", months: int = 12) -> duckdb.DuckDBPyConnection:
    """warehouse() with the period's staging and intermediate models built (build_layers), made once and shared
    by the tests that only read it: a figure model is one SELECT and a layer is read by SELECT, so nothing they
    run changes the connection (a test that changes the tables makes its own warehouse()). One build per period
    and months, not one per test (~0.35 CPU s each; docs/testing.md, "Suite time", branch spd2). Keyed by the text of
    the files it is built from, as scripts/mutate.py rewrites a model in place between its in-process runs."""
    files = [*sorted(TABLES.glob("*.sql")), *runner.layer_files(SQL)]
    key = (str(TABLES), str(SQL), period, months, tuple((str(f), f.read_text(encoding="utf-8")) for f in files))
    con = _LAYERED.pop(key, None)
    if con is None:
        con = warehouse()
        runner.build_layers(con, period, months, root=SQL)
    _LAYERED[key] = con
    while len(_LAYERED) > 4:  # the periods and months of this file; a mutation run's older builds are closed
        _LAYERED.popitem(last=False)[1].close()
    return con


def model_cells(name: str, period: str = "2017", months: int = 12) -> dict:
    """run_model(warehouse(), name, period, months), on the shared build of the period (layered)."""
    con = layered(period, months)
    try:
        return _cells(con, name, period, months)
    except Exception:
        _forget(con)
        raise


def _forget(con) -> None:
    """A statement that failed on a shared build (a mutant's error) is not left to the next test: DuckDB invalidates
    a database on an internal error, and every later test would then fail for that, not for its model."""
    for key in [k for k, v in _LAYERED.items() if v is con]:
        _LAYERED.pop(key).close()


def _cells(con, name: str, period: str, months: int) -> dict:
    """The cells of the figure model `name` on `con`, whose layers of the period are built."""
    rows = runner._run(con, FIGURES / f"{name}.sql", period, months).fetchall()
    out = {}
    for table_no, row_key, col_key, value in rows:
        key = (str(table_no), row_key, col_key)
        assert key not in out, f"{name}: cell {key} twice"
        out[key] = value
    return out


def cells(table_no: str, spec: dict) -> dict:
    """{(row, col): value} -> {(table_no, row, col): value}."""
    return {(table_no, r, c): v for (r, c), v in spec.items()}


def by_col(table_no: str, col: str, spec: dict) -> dict:
    return {(table_no, r, col): v for r, v in spec.items()}


def lateral(table_no: str, spec: dict) -> dict:
    """{row: {col: value}} -> cells."""
    return {(table_no, r, c): v for r, cols in spec.items() for c, v in cols.items()}


EXPECTED = {
    # 3 assemblies in almaty, 1 in astana
    "t01_cities": {**by_col("1", "count", {"almaty": 3, "astana": 1, "total": 4}),
                   **by_col("1", "share_pct", {"almaty": 75, "astana": 25, "total": 100})},
    "t02_dynamics": by_col("2", "count", {"almaty": 3, "astana": 1, "total": 4}),
    # per month of a 12-month period
    "t03_activity_index": by_col("3", "activity_index", {"almaty": 3 / 12, "astana": 1 / 12, "total": 4 / 12}),
    "t04_character": {**by_col("4", "count", {"political": 1, "economic": 2, "social": 1, "other": 0}),
                      **by_col("4", "share_pct", {"political": 25, "economic": 50, "social": 25, "other": 0})},
    "t04_topics": by_col("topics", "count", {"economic/prices": 2, "political/elections": 1, "social/housing": 1}),
    "t05_ngo_activity": {("5", "ngo", "share_pct"): 75},  # c1, c3, c4
    "t06_organizers": {**by_col("6", "count", {"ngo": 3, "group": 0, "individual": 1, "party": 0}),
                       **by_col("6", "share_pct", {"ngo": 75, "group": 0, "individual": 25, "party": 0})},
    "t07_forms": {**by_col("7", "count", {"picket": 1, "rally": 2, "march": 1, "concert": 0, "total": 4}),
                  **by_col("7", "share_pct", {"picket": 25, "rally": 50, "march": 25, "concert": 0, "total": 100})},
    "t08_forms_compared": {**by_col("8", "count", {"picket": 1, "rally": 2, "march": 1, "concert": 0}),
                           **by_col("8", "share_pct", {"picket": 25, "rally": 50, "march": 25, "concert": 0})},
    "t09_unsanctioned": {("9", "total", "share_pct"): 75},  # c2, c3, c4 of 4
    # not requested: c2 (pointless), c4 (no_time)
    "t10_reasons": by_col("10", "share_pct", {"pointless": 50, "no_time": 50, "fear": 0}),
    "t11_law_abidance_cities": lateral("11", {
        "almaty": {"count": 3, "unsanctioned": 2, "sanctioned": 1, "law_abidance_pct": 100 / 3},
        "astana": {"count": 1, "unsanctioned": 1, "sanctioned": 0, "law_abidance_pct": 0},
        "total": {"count": 4, "unsanctioned": 3, "sanctioned": 1, "law_abidance_pct": 25}}),
    "t12_law_abidance": {("12", "total", "law_abidance_pct"): 25},
    "t13_authorities": lateral("13", {"prosecutor": {"present": 3, "warned": 1}, "akimat": {"present": 1, "warned": 1},
                                      "police": {"present": 3, "warned": 1}}),
    # unsanctioned c2 (30, 15), c3 (2, 1), c4 (100, 0; state-organised)
    "t14_1_police_control_unsanctioned": lateral("14-1", {
        "total": {"participants": 132, "police": 16, "police_control_index": 16 / 132},
        "total_excl_state": {"participants": 32, "police": 16, "police_control_index": 0.5}}),
    "t14_police_control": lateral("14", {
        "almaty": {"participants": 42, "police": 21, "police_control_index": 0.5},
        "astana": {"participants": 100, "police": 0, "police_control_index": 0},
        "total": {"participants": 142, "police": 21, "police_control_index": 21 / 142}}),
    "t15_police_control_by_period": {("15", "total", "police_control_index"): 16 / 132},
    # judged: p1, p4, p6, p7 (c2), p2, p10 (c3), p8 (c1); released: p3, p11
    "t16_courts": {("courts", "total", k): v for k, v in {
        "court_cases": 3, "defendants": 7, "warnings": 1, "fines": 2, "fine_mrp_total": 17, "arrests": 2,
        "arrest_days_total": 8, "acquittals": 1, "released_without_charge": 2}.items()},
    # detained: c2 4, c3 1; c4 not known (NULL): 0, not NULL
    # astana: c4's detained count is not known (NULL: the card left it empty), so neither are astana's detentions
    "t16_detentions": lateral("16", {"almaty": {"detention_cases": 2, "detained_persons": 5},
                                     "astana": {"detention_cases": None, "detained_persons": None},
                                     "total": {"detention_cases": 2, "detained_persons": 5}}),
    # unsanctioned c2, c3, c4; of them c2 (fines), c3 (arrests) reached court, c4 (released) did not
    "t17_unsanctioned_to_court": {("17", "total", "share_pct"): 200 / 3},
    "t18_participants": lateral("18", {
        "almaty": {"participants": 42, "participants_avg": 14, "participants_median": 10},
        "astana": {"participants": 100, "participants_avg": 100, "participants_median": 100},
        "total": {"participants": 142, "participants_avg": 35.5, "participants_median": 20},
        "total_excl_sanctioned": {"participants": 132, "participants_avg": 44, "participants_median": 30},
        "total_excl_sanctioned_state": {"participants": 32, "participants_avg": 16, "participants_median": 16}}),
    # durations known: c1 60, c2 120, c3 15 (all almaty); astana's only card has none: no astana row
    "t19_duration": lateral("19", {
        "almaty": {"duration_total_min": 195, "duration_avg_min": 65, "duration_median_min": 60},
        "total": {"duration_total_min": 195, "duration_avg_min": 65, "duration_median_min": 60}}),
    "t99_summary": {("summary", "total", k): v for k, v in {
        "assemblies": 4, "cities": 2, "months": 12, "activity_index": 4 / 12,
        "participants": 142, "participants_low": 110, "participants_high": 204, "participants_median": 20,
        "participants_excl_sanctioned": 132, "participants_excl_sanctioned_state": 32,
        "participants_avg_excl_sanctioned_state": 16,
        "police": 21, "police_per_assembly": 5.25, "police_excl_sanctioned": 16,
        "sanctioned": 1, "unsanctioned": 3, "applied": 2, "refused": 1, "state_organised": 2,
        "obstructed": 3, "obstructed_unsanctioned": 2, "dispersed": 1,
        "detention_cases": 2, "detention_cases_pct": 200 / 3, "detained_persons": 5,  # 2 of the 3 cards that know theirs (c4 not)
        # c3's refusal (1) + e1's three akimats (3) + e4 (1)
        "applications_refused": 5,
        # e2 prevented + c3 (all 2 participants detained beforehand); c4 (1 of 100) is not
        "assemblies_prevented": 2,
        "preventive_detentions": 8,  # c3 2 + c4 1 + e2 5
        "court_cases": 3,
        "prosecutor_present_unsanctioned": 2, "prosecutor_warned_unsanctioned": 1,
        # one figure per character of the code list (here also "other", which no card has)
        "political": 1, "economic": 2, "social": 1, "other": 0,
        "duration_avg_min": 65, "duration_median_min": 60, "duration_known": 3,
        "duration_max_min": 120}.items()},  # the longest: c2's 120 min
    # detained: A on c2 and c3 (repeat), B on c3, C twice on c2 (not a repeat), H on c3, I on c4
    # (C's 2016 detention is another period)
    "t99_summary_persons": {("summary", "total", "distinct_detained"): 5, ("summary", "total", "detained_repeat"): 1},
}


def test_every_model_has_a_unit_test():
    assert sorted(p.stem for p in FIGURES.glob("*.sql")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_model(name):
    got = model_cells(name)
    want = {k: None if v is None else float(v) for k, v in EXPECTED[name].items()}  # None: not known, no figure
    assert sorted(got) == sorted(want), f"{name}: cells differ"
    bad = {k: (got[k], want[k]) for k in want
           if (got[k] is None) != (want[k] is None)
           or (want[k] is not None and not math.isclose(got[k], want[k], rel_tol=1e-9, abs_tol=1e-12))}
    assert not bad, f"{name}: (got, want) {bad}"


def test_months_parameter_is_used():
    got = model_cells("t03_activity_index", months=4)
    assert got == pytest.approx({("3", "almaty", "activity_index"): 0.75, ("3", "astana", "activity_index"): 0.25,
                                 ("3", "total", "activity_index"): 1.0})
    summary = model_cells("t99_summary", months=4)
    assert summary[("summary", "total", "months")] == 4
    assert summary[("summary", "total", "activity_index")] == pytest.approx(1.0)


def test_another_period_sees_only_its_cards():
    got = model_cells("t01_cities", period="2016")
    assert got == {("1", "almaty", "count"): 1.0, ("1", "total", "count"): 1.0,
                   ("1", "almaty", "share_pct"): 100.0, ("1", "total", "share_pct"): 100.0}


# Period 2016 has ONE card (c5: almaty, rally, political, party, 1000 participants, 500 police, not
# sanctioned, no permission asked (fear), 9 detained, 50 detained beforehand), the prevented event e3
# (70 detained beforehand) and the person p9 (fined 100 MRP). A share of one card is 0 or 100; cells
# chosen by hand (a subset of each model's cells).
PERIOD_2016 = {
    "t04_character": {("4", "political", "count"): 1, ("4", "political", "share_pct"): 100, ("4", "social", "share_pct"): 0},
    "t05_ngo_activity": {("5", "ngo", "share_pct"): 0},
    "t06_organizers": {("6", "party", "count"): 1, ("6", "party", "share_pct"): 100},
    "t07_forms": {("7", "rally", "share_pct"): 100, ("7", "total", "count"): 1, ("7", "total", "share_pct"): 100},
    "t08_forms_compared": {("8", "rally", "share_pct"): 100, ("8", "picket", "share_pct"): 0},
    "t09_unsanctioned": {("9", "total", "share_pct"): 100},
    "t10_reasons": {("10", "fear", "share_pct"): 100, ("10", "pointless", "share_pct"): 0},
    "t12_law_abidance": {("12", "total", "law_abidance_pct"): 0},
    "t14_police_control": {("14", "almaty", "police_control_index"): 0.5, ("14", "total", "police_control_index"): 0.5},
    "t14_1_police_control_unsanctioned": {("14-1", "total", "police_control_index"): 0.5,
                                          ("14-1", "total_excl_state", "police_control_index"): 0.5},
    "t15_police_control_by_period": {("15", "total", "police_control_index"): 0.5},
    "t16_courts": {("courts", "total", "fine_mrp_total"): 100, ("courts", "total", "arrest_days_total"): 0,
                   ("courts", "total", "arrests"): 0, ("courts", "total", "court_cases"): 1},
    "t16_detentions": {("16", "almaty", "detention_cases"): 1, ("16", "almaty", "detained_persons"): 9},
    "t19_duration": {("19", "almaty", "duration_total_min"): 600, ("19", "total", "duration_median_min"): 600},
    "t17_unsanctioned_to_court": {("17", "total", "share_pct"): 100},
    "t99_summary": {("summary", "total", "detention_cases_pct"): 100, ("summary", "total", "detained_persons"): 9,
                    ("summary", "total", "preventive_detentions"): 120, ("summary", "total", "assemblies_prevented"): 1},
    "t99_summary_persons": {("summary", "total", "distinct_detained"): 1, ("summary", "total", "detained_repeat"): 0},
}


@pytest.mark.parametrize("name", sorted(PERIOD_2016))
def test_model_on_a_one_card_period(name):
    got = model_cells(name, period="2016")
    want = {k: float(v) for k, v in PERIOD_2016[name].items()}
    assert {k: got.get(k) for k in want} == pytest.approx(want)


# Period 2015 (c6, c7, c8): sums of exactly one participant or one assembly (a division by NULLIF(x, 1) would
# show), no duration known (Table 19 keeps its total row, empty), nothing detained or judged (sums are 0, not
# NULL), one permission granted (no refusal). Exact cells, NULL (None) included.
PERIOD_2015 = {
    "t14_police_control": {("14", "shymkent", "police_control_index"): 2, ("14", "astana", "police_control_index"): 1 / 11,
                           ("14", "total", "police_control_index"): 0.25},
    "t14_1_police_control_unsanctioned": {("14-1", "total", "police_control_index"): 2 / 3,
                                          ("14-1", "total_excl_state", "participants"): 1,
                                          ("14-1", "total_excl_state", "police_control_index"): 2},
    "t15_police_control_by_period": {("15", "total", "police_control_index"): 2 / 3},
    "t18_participants": {("18", "shymkent", "participants_avg"): 1, ("18", "total_excl_sanctioned", "participants_avg"): 1.5,
                         ("18", "total_excl_sanctioned_state", "participants_avg"): 1,
                         ("18", "total_excl_sanctioned_state", "participants_median"): 1},
    "t19_duration": {("19", "total", "duration_total_min"): None, ("19", "total", "duration_avg_min"): None,
                     ("19", "total", "duration_median_min"): None},
    # no card knows its detained count: not known (None), never 0 (a counted zero)
    "t16_detentions": {("16", "total", "detention_cases"): None, ("16", "total", "detained_persons"): None},
    "t16_courts": {("courts", "total", "court_cases"): 0, ("courts", "total", "fine_mrp_total"): 0,
                   ("courts", "total", "arrest_days_total"): 0},
    "t99_summary": {("summary", "total", k): v for k, v in {
        "refused": 0, "applications_refused": 0, "preventive_detentions": None, "assemblies_prevented": 0,
        "detained_persons": None, "detention_cases_pct": None, "court_cases": 0, "participants_avg_excl_sanctioned_state": 1, "cities": 2}.items()},
}


@pytest.mark.parametrize("name", sorted(PERIOD_2015))
def test_model_on_a_period_of_edge_cases(name):
    got = model_cells(name, period="2015")
    if name == "t19_duration":  # no city has a known duration: only the (empty) total row
        assert sorted(got) == sorted(PERIOD_2015[name])
    for k, want in PERIOD_2015[name].items():
        assert k in got, f"{name}: no cell {k}"
        assert (got[k] is None) if want is None else got[k] == pytest.approx(want), f"{name} {k}: {got[k]} != {want}"


# the tests above besides test_model, per model (scripts/mutate.py runs them on a model's mutants)
MODEL_EXTRA_TESTS = {name: (lambda name=name: test_model_on_a_one_card_period(name),) for name in PERIOD_2016}
MODEL_EXTRA_TESTS["t03_activity_index"] = (test_months_parameter_is_used,)
MODEL_EXTRA_TESTS["t99_summary"] += (test_months_parameter_is_used,)
MODEL_EXTRA_TESTS["t01_cities"] = (test_another_period_sees_only_its_cards,)
for _name in PERIOD_2015:
    MODEL_EXTRA_TESTS[_name] = MODEL_EXTRA_TESTS.get(_name, ()) + ((lambda name=_name: test_model_on_a_period_of_edge_cases(name)),)


# ---- the staging and intermediate models (sql/staging/, sql/intermediate/): the same cards, exact rows ----

def layer(name: str, period: str = "2017", months: int = 12) -> list[dict]:
    """The rows of the temporary table a staging / intermediate model creates, after the runner's
    build_layers of the period (the shared build: layered)."""
    con = layered(period, months)
    try:
        rel = con.execute(f"SELECT * FROM {name}")  # noqa: S608 (a test: the name is one of the files below)
    except Exception:
        _forget(con)
        raise
    cols = [d[0] for d in rel.description]
    return [dict(zip(cols, r)) for r in rel.fetchall()]


def by_key(rows: list[dict], key: str, cols: tuple[str, ...]) -> dict:
    out = {}
    for r in rows:
        assert r[key] not in out, f"{key} {r[key]} twice"
        out[r[key]] = tuple(r[c] for c in cols)
    return out


def close(got: dict, want: dict) -> bool:
    def eq(a, b):
        return a is None and b is None or (a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12))
    return sorted(got) == sorted(want) and all(len(got[k]) == len(want[k]) and all(map(eq, got[k], want[k])) for k in want)


def test_every_layer_model_has_a_unit_test():
    names = sorted(p.stem for d in ("staging", "intermediate") for p in (SQL / d).glob("*.sql"))
    assert names == sorted(LAYER_TESTS)
    for p in (SQL / "staging").glob("*.sql"):  # each staging file creates the temporary view named like it
        assert f"CREATE OR REPLACE TEMP VIEW {p.stem} AS" in p.read_text(encoding="utf-8"), p
    for p in (SQL / "intermediate").glob("*.sql"):  # each intermediate file the temporary table named like it
        assert f"CREATE OR REPLACE TEMP TABLE {p.stem} AS" in p.read_text(encoding="utf-8"), p


def test_figure_models_read_the_staging_not_the_tables():
    """Only the staging reads the period's rows of the clean tables; a figure model reads the layers."""
    import re

    for path in sorted(FIGURES.glob("*.sql")):
        code = re.sub(r"--[^\n]*", "", path.read_text(encoding="utf-8"))
        assert "$period" not in code, path.name
        assert not re.search(r"\b(FROM|JOIN)\s+(cards|persons|events_not_held|raw_\w+)\b", code, re.I), path.name


def test_stg_cards():
    rows = layer("stg_cards")
    # the period's cards only, each with every column of `cards`, unsanctioned and state resolved
    # (c3's state_organised is not known: no)
    assert by_key(rows, "card_id", ("unsanctioned", "state")) == {
        "c1": (False, True), "c2": (True, False), "c3": (True, False), "c4": (True, True)}
    assert set(CARD_COLS) <= set(rows[0])
    assert by_key(layer("stg_cards", "2016"), "card_id", ("unsanctioned", "state", "participants")) == {"c5": (True, False, 1000)}


def test_stg_events_not_held():
    assert sorted(r["card_id"] for r in layer("stg_events_not_held")) == ["e1", "e2", "e4"]
    assert [(r["card_id"], r["preventive_detentions"]) for r in layer("stg_events_not_held", "2016")] == [("e3", 70)]


def test_stg_persons():
    # reached court: every outcome of COURT marked True; released (p3, p11) and none (p5) did not
    assert by_key(layer("stg_persons"), "person_id", ("card_id", "reached_court")) == {
        "p1": ("c2", True), "p2": ("c3", True), "p3": ("c3", False), "p4": ("c2", True), "p5": ("c1", False),
        "p6": ("c2", True), "p7": ("c2", True), "p8": ("c1", True), "p10": ("c3", True), "p11": ("c4", False)}
    assert by_key(layer("stg_persons", "2016"), "person_id", ("reached_court",)) == {"p9": (True,)}


def test_stg_codes():
    # every code once, though `codes` holds the lists twice (two first runs that each found it empty, on a
    # warehouse that lets writers run at once: DuckLake)
    con = warehouse()
    con.execute("INSERT INTO codes SELECT * FROM codes")
    runner.build_layers(con, "2017", 12, root=SQL)
    rows = con.execute("SELECT field, code, court FROM stg_codes").fetchall()
    want = {(f, c, False) for f, c in CODES} | {("court_outcome", c, v) for c, v in COURT.items()}
    assert sorted(rows) == sorted(want)


def test_codes_listed_twice_change_no_figure():
    """The lists inserted twice into `codes` leave every figure model's cells as they are."""
    once, twice = layered(), warehouse()
    twice.execute("INSERT INTO codes SELECT * FROM codes")
    assert twice.execute("SELECT count(*) FROM codes").fetchone()[0] == 2 * len(CODES) + 2 * len(COURT)
    runner.build_layers(twice, "2017", 12, root=SQL)  # once: a figure model is a SELECT, it leaves the layers as built
    for path in sorted(FIGURES.glob("*.sql")):
        assert _cells(twice, path.stem, "2017", 12) == _cells(once, path.stem, "2017", 12), path.name


CITY_COLS = ("assemblies", "sanctioned", "unsanctioned", "law_abidance_pct", "participants", "police", "police_control_index",
             "participants_avg", "participants_median", "detention_cases", "detained_persons", "duration_known",
             "duration_total_min", "duration_avg_min", "duration_median_min")


def test_int_assemblies_by_city():
    got = by_key(layer("int_assemblies_by_city"), "row_key", CITY_COLS)
    want = {
        # c1, c2, c3: sanctioned c1; participants 10 + 30 + 2, police 5 + 15 + 1; detained c2 4, c3 1; durations 60, 120, 15
        "almaty": (3, 1, 2, 100 / 3, 42, 21, 0.5, 14, 10, 2, 5, 3, 195, 65, 60),
        # c4: unsanctioned, 100 participants, no police, detained not known (NULL: no case known, no person), no duration
        "astana": (1, 0, 1, 0, 100, 0, 0, 100, 100, None, None, 0, None, None, None),
        "total": (4, 1, 3, 25, 142, 21, 21 / 142, 35.5, 20, 2, 5, 3, 195, 65, 60)}
    assert close(got, want), got


def test_int_unsanctioned():
    got = by_key(layer("int_unsanctioned"), "row_key",
                 ("participants", "police", "police_control_index", "assemblies", "participants_avg", "participants_median"))
    # c2 (30, 15), c3 (2, 1), c4 (100, 0; state-organised)
    assert close(got, {"total": (132, 16, 16 / 132, 3, 44, 30), "total_excl_state": (32, 16, 0.5, 2, 16, 16)}), got
    # 2016: c5 alone (1000 participants, 500 police, not state-organised)
    got = by_key(layer("int_unsanctioned", "2016"), "row_key", ("participants", "police", "assemblies"))
    assert got == {"total": (1000, 500, 1), "total_excl_state": (1000, 500, 1)}


def test_int_code_counts():
    got = {(r["field"], r["code"]): (r["n"], r["share_pct"]) for r in layer("int_code_counts")}
    want = {("character", "political"): (1, 25), ("character", "economic"): (2, 50), ("character", "social"): (1, 25),
            ("character", "other"): (0, 0),
            ("organizer_type", "ngo"): (3, 75), ("organizer_type", "group"): (0, 0), ("organizer_type", "individual"): (1, 25),
            ("organizer_type", "party"): (0, 0),
            ("form", "picket"): (1, 25), ("form", "rally"): (2, 50), ("form", "march"): (1, 25), ("form", "concert"): (0, 0)}
    assert close(got, want), got


def test_int_court_cases():
    # c1 (p8 acquitted), c2 (p1, p4, p6, p7), c3 (p2, p10); c4's only person was released
    assert sorted(r["card_id"] for r in layer("int_court_cases")) == ["c1", "c2", "c3"]
    assert [r["card_id"] for r in layer("int_court_cases", "2016")] == ["c5"]


def test_layers_of_another_period_replace_the_first():
    """One connection deriving two periods: the second build_layers replaces every temporary table."""
    con = warehouse()
    runner.build_layers(con, "2017", 12, root=SQL)
    runner.build_layers(con, "2016", 12, root=SQL)
    assert con.execute("SELECT count(*), sum(assemblies) FROM int_assemblies_by_city").fetchone() == (2, 2)
    assert [r[0] for r in con.execute("SELECT card_id FROM stg_cards").fetchall()] == ["c5"]  # the staging views follow
    runner.drop_layers(con, root=SQL)
    temp = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()}
    temp |= {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE temporary").fetchall()}
    assert not temp & set(LAYER_TESTS), temp


LAYER_TESTS = {"stg_cards": test_stg_cards, "stg_events_not_held": test_stg_events_not_held, "stg_persons": test_stg_persons,
               "stg_codes": test_stg_codes,
               "int_assemblies_by_city": test_int_assemblies_by_city, "int_unsanctioned": test_int_unsanctioned,
               "int_code_counts": test_int_code_counts, "int_court_cases": test_int_court_cases}
