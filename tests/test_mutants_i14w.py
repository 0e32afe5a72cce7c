"""Tests for the survivors of issue 14's second family of mutation operators (`scripts/mutate.py --family 2`, "²") on
every SQL file (branch i14w; docs/testing.md, "Measured score"), each on a tiny hand-made fixture with its expected
values worked out by hand.

1. sql/figures/t99_summary.sql: the events of the period (`e`: the assemblies held and the records of events not
   held) are every row, not every distinct row: two held assemblies refused permission that look alike in the five
   columns `e` keeps, and two alike records of refused applications and of prevented assemblies, each count
   (period 2021 below, in the in-memory warehouse of tests/test_sql_models.py):

  card  kind   city    event_status  applications  answer   preventive  participants
  w1    card   almaty  held          -             refused  2           5
  w2    card   astana  held          -             refused  2           5
  x1    event  almaty  refused       2             refused  0           0
  x2    event  astana  refused       2             refused  0           0
  x3    event  almaty  prevented     -             -        3           0
  x4    event  astana  prevented     -             -        3           0

2. sql/report/card_changes.sql: a record removed since the edition keeps its kind (`card`, or `event` for an event
   not held) in changes.card_changes' frame, as one added does (the frame's documented columns: card_id, kind, date,
   city, change, fields; the appendix prints date, city, change and fields):

       since 2026-01-01 12:00 UTC; revisions (valid from - to), period 2017:
       Y  card   astana 04-01 (01-01 - 02-01)   -> removed
       E  event  almaty 05-01 (01-01 - 02-01)   -> removed
       Z  card   taraz  06-01 (02-01 -)         -> added
       F  event  oral   07-01 (02-01 -)         -> added

3. sql/report/card_changes.sql: the persons of a removed record are read by its id at both moments, as those of any
   other record: an event not held removed since the edition whose id is also a card's (allowed: the card and the
   event are two kinds) lists no changed field when that card's persons did not change:

       X  card   almaty 03-01 (01-01 -), its person p (01-01 -), unchanged  -> not listed
       X  event  almaty 03-02 (01-01 - 02-01)                                -> removed, no field

4. sql/reconciliation.sql: every published printing gets its own row, even two alike in all but their source (two
   publications, `a` and `b`, print Table 3's total `k` = 4 in a table, each at its line 5): two rows, both match.
5. sql/reconciliation.sql: a derived-only row (no location) comes after the printings of the same cell. A topic
   written "total" makes the derived cell (topics, social/total, count) = 1 beside the printed list total of that key
   (3, read as Table 4's social count 3, line 12): the printing (match), then the derived cell (not_published).
"""
from __future__ import annotations

import datetime as dt

import tests.test_sql_models as base

T, F, N = True, False, None
# w1 and w2: held, refused permission (applied), 2 detained beforehand of 5 participants (not prevented: 2 < 5)
CARDS_2021 = [
    ("2021", "w1", "2021-03-01", "almaty", "rally", "prices", "economic", "ngo", 5, 5, 5, 30, T, "refused", N, F,
     F, F, F, F, T, F, 1, F, F, 2, 0, F, "held", N),
    ("2021", "w2", "2021-03-02", "astana", "picket", "wages", "social", "group", 5, 5, 5, 40, T, "refused", N, F,
     F, F, F, F, F, F, 0, F, F, 2, 0, F, "held", N),
]
# x1, x2: an application refused by 2 akimats each, no assembly; x3, x4: assemblies prevented, 3 detained beforehand each
EVENTS_2021 = [
    ("2021", "x1", "2021-04-01", "almaty", "rally", "prices", "economic", "ngo", N, 0, N, N, T, "refused", N, F,
     N, N, N, N, N, N, N, N, N, 0, 0, N, "refused", 2),
    ("2021", "x2", "2021-04-02", "astana", "rally", "prices", "economic", "ngo", N, 0, N, N, T, "refused", N, F,
     N, N, N, N, N, N, N, N, N, 0, 0, N, "refused", 2),
    ("2021", "x3", "2021-05-01", "almaty", "rally", "prices", "economic", "ngo", N, 0, N, N, F, N, N, F,
     N, N, N, N, N, N, N, N, N, 3, 0, N, "prevented", N),
    ("2021", "x4", "2021-05-02", "astana", "rally", "prices", "economic", "ngo", N, 0, N, N, F, N, N, F,
     N, N, N, N, N, N, N, N, N, 3, 0, N, "prevented", N),
]


def warehouse_2021():
    con = base.warehouse()
    base.insert_cards(con, CARDS_2021)
    base.insert_cards(con, EVENTS_2021, table="events_not_held")
    return con


# 1. t99_summary: every event counts, even one alike another ----------------------------------------------------------

def test_summary_counts_every_event_even_two_alike():
    got = base.run_model(warehouse_2021(), "t99_summary", "2021")
    want = {
        "applications_refused": 6,   # w1 1 + w2 1 (held, refused) + x1 2 + x2 2 (records of refused applications)
        "assemblies_prevented": 2,   # x3, x4 (w1, w2: 2 of 5 detained beforehand, held)
        "preventive_detentions": 10,  # w1 2 + w2 2 + x3 3 + x4 3
        "assemblies": 2, "refused": 2, "applied": 2,
    }
    assert {k: got[("summary", "total", k)] for k in want} == want


# 2. card_changes: a removed record keeps its kind -------------------------------------------------------------------

def test_a_removed_card_or_event_keeps_its_kind():
    from assets.report import changes
    from tests.test_mutants_i14k import SINCE, T0, T1, _empty_warehouse

    con = _empty_warehouse()
    con.executemany("INSERT INTO card_revision_rows (kind, row_hash, valid_from, valid_to, period, card_id, date, city) "
                    "VALUES (?, ?, ?, ?, '2017', ?, ?, ?)", [
                        ("card", "y1", T0, T1, "Y", dt.date(2017, 4, 1), "astana"),
                        ("event", "e1", T0, T1, "E", dt.date(2017, 5, 1), "almaty"),
                        ("card", "z1", T1, None, "Z", dt.date(2017, 6, 1), "taraz"),
                        ("event", "f1", T1, None, "F", dt.date(2017, 7, 1), "oral")])
    got = changes.card_changes(con, "2017", SINCE)
    assert [(r["card_id"], r["kind"], r["change"], r["city"]) for r in got.iter_rows(named=True)] == [
        ("Y", "card", "removed", "astana"), ("E", "event", "removed", "almaty"),
        ("Z", "card", "added", "taraz"), ("F", "event", "added", "oral")]


# 3. card_changes: a removed record's persons read at both moments ------------------------------------------------

def test_an_event_removed_whose_id_is_a_cards_lists_no_persons_when_the_cards_persons_did_not_change():
    from assets.report import changes
    from tests.test_mutants_i14k import SINCE, T0, T1, _empty_warehouse

    con = _empty_warehouse()
    con.executemany("INSERT INTO card_revision_rows (kind, row_hash, valid_from, valid_to, period, card_id, date, city) "
                    "VALUES (?, ?, ?, ?, '2017', 'X', ?, 'almaty')", [
                        ("card", "x1", T0, None, dt.date(2017, 3, 1)),
                        ("event", "xe", T0, T1, dt.date(2017, 3, 2))])
    con.execute("INSERT INTO person_revision_rows (row_hash, valid_from, valid_to, period, card_id, person_id, pseudonym) "
                "VALUES ('p1', ?, NULL, '2017', 'X', 'p', 'A')", [T0])
    got = changes.card_changes(con, "2017", SINCE)
    assert [(r["card_id"], r["kind"], r["change"], r["fields"]) for r in got.iter_rows(named=True)] == [
        ("X", "event", "removed", [])]


# 4, 5. reconciliation: one row per printing; derived-only rows last -------------------------------------------------

def _recon_warehouse(derived: list[tuple], published: list[tuple]):
    import duckdb

    con = duckdb.connect(":memory:")
    for f in sorted((base.SQL / "tables").glob("*.sql")):
        con.execute(f.read_text(encoding="utf-8"))
    con.executemany("INSERT INTO codes (field, code) VALUES ('character', ?)", [("social",), ("economic",), ("political",)])
    con.executemany("INSERT INTO derived_figures (period, table_no, row_key, col_key, value, provenance) "
                    "VALUES ('2017', ?, ?, ?, ?, 'derived')", derived)
    con.executemany("INSERT INTO published_figures (source, period, table_no, row_key, col_key, value, value_status, provenance, "
                    "printed, decimals, location, line, \"primary\") VALUES (?, '2017', ?, ?, ?, ?, 'value', 'published', ?, 0, ?, ?, true)",
                    published)
    return con


def test_two_publications_printing_one_cell_alike_get_a_row_each():
    from tests.test_reconciliation_values import reconcile

    con = _recon_warehouse([("3", "total", "k", 4)], [("a", "3", "total", "k", 4, "4", "table", 5),
                                                     ("b", "3", "total", "k", 4, "4", "table", 5)])
    assert [(r["table_no"], r["row_key"], r["col_key"], r["location"], r["line"], r["status"]) for r in reconcile(con, "2017")] == [
        ("3", "total", "k", "table", 5, "match"), ("3", "total", "k", "table", 5, "match")]


def test_a_derived_only_row_comes_after_the_printings_of_its_cell():
    from tests.test_reconciliation_values import reconcile

    con = _recon_warehouse([("4", "social", "count", 3), ("topics", "social/total", "count", 1)],
                           [("a", "topics", "social/total", "count", 3, "3", "table", 12)])
    assert [(r["table_no"], r["row_key"], r["location"], r["line"], r["status"], r["derived"], r["published"])
            for r in reconcile(con, "2017")] == [
        ("topics", "social/total", "table", 12, "match", 3, 3),
        ("topics", "social/total", None, None, "not_published", 1, None)]


# scripts/mutate.py runs these on the mutants of the models they touch (a staging or intermediate model: all)
EDGE_TESTS = {
    "t99_summary": (test_summary_counts_every_event_even_two_alike,),
}
LAYER_EDGE_TESTS = tuple(dict.fromkeys(t for ts in EDGE_TESTS.values() for t in ts))
