"""The appendix's list of card changes treats added and removed cards alike, with or without persons: an added
or removed card is one change of its kind, and none of its fields — its persons neither — is listed as
"changed" (sql/report/card_changes.sql, assets/report/changes.py). Hand-made revisions in an in-memory
warehouse; the expected rows are typed by hand.

    since 2026-01-01 12:00 UTC; revisions (valid from – to):
    A  almaty 5 (02-01 –), with person a1 (02-01 –)          -> added, no fields
    B  astana 6 (02-01 –), no person                         -> added, no fields
    R  taraz 7 (01-01 – 02-01), with person r1 (same span)   -> removed, no fields
    S  semey 8 (01-01 – 02-01), no person                    -> removed, no fields
    W  almaty 3 (01-01 –), unchanged; its person p1 -> p2    -> changed: persons
    P  uralsk 9 (01-01 –), unchanged; a person added 02-01   -> changed: persons
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from assets.report import changes

ROOT = Path(__file__).resolve().parents[1]
UTC = dt.timezone.utc
T0, T1 = dt.datetime(2026, 1, 1, tzinfo=UTC), dt.datetime(2026, 2, 1, tzinfo=UTC)
SINCE = dt.datetime(2026, 1, 1, 12, tzinfo=UTC)


def _warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    for f in sorted((ROOT / "sql" / "tables").glob("*.sql")):
        con.execute(f.read_text(encoding="utf-8"))
    con.executemany("INSERT INTO card_revision_rows (kind, row_hash, valid_from, valid_to, period, card_id, date, city, participants) "
                    "VALUES ('card', ?, ?, ?, '2017', ?, ?, ?, ?)", [
                        ("ha", T1, None, "A", dt.date(2017, 3, 1), "almaty", 5),
                        ("hb", T1, None, "B", dt.date(2017, 3, 2), "astana", 6),
                        ("hr", T0, T1, "R", dt.date(2017, 3, 3), "taraz", 7),
                        ("hs", T0, T1, "S", dt.date(2017, 3, 4), "semey", 8),
                        ("hw", T0, None, "W", dt.date(2017, 3, 5), "almaty", 3),
                        ("hp", T0, None, "P", dt.date(2017, 3, 6), "uralsk", 9)])
    con.executemany("INSERT INTO person_revision_rows (row_hash, valid_from, valid_to, period, card_id, person_id, pseudonym) "
                    "VALUES (?, ?, ?, '2017', ?, ?, 'X')", [
                        ("a1", T1, None, "A", "a"), ("r1", T0, T1, "R", "r"),
                        ("p1", T0, T1, "W", "w"), ("p2", T1, None, "W", "w"),
                        ("q1", T1, None, "P", "q")])
    return con


def test_an_added_or_removed_card_lists_no_field_whether_it_has_persons_or_not():
    """Failed before the fix: A (added with a person) and R (removed with one) listed "persons"."""
    got = changes.card_changes(_warehouse(), "2017", SINCE)
    assert [(r["card_id"], r["change"], r["fields"]) for r in got.iter_rows(named=True)] == [
        ("A", "added", []), ("B", "added", []), ("R", "removed", []), ("S", "removed", []),
        ("W", "changed", ["persons"]), ("P", "changed", ["persons"])]


def test_the_appendix_rows_of_added_and_removed_cards_have_an_empty_fields_cell():
    got = changes.card_changes(_warehouse(), "2017", SINCE)
    md = changes.appendix_section(got, SINCE, None, "en")
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in md.splitlines()
            if line.startswith("|") and not set(line.strip()) <= set("|:- ") and "Date" not in line]
    assert [r[2:] for r in rows] == [["added", ""], ["added", ""], ["removed", ""], ["removed", ""],
                                     ["corrected", "Persons"], ["corrected", "Persons"]]
