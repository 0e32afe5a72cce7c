"""The appendix's list of card changes (assets/report/changes.card_changes over sql/report/card_changes.sql and
card_revision_pair.sql) on hand-made revisions in an in-memory warehouse, without a pipeline run (the run of
tests/test_report_as_of.py takes a minute and is not in the per-mutant test set): the mutants of
scripts/mutate.py that lived there (a query parameter misspelt, the persons' condition dropped) fail here.

    since 2026-01-01 12:00 UTC; revisions (valid from – to):
    X  almaty 42 (01-01 – 02-01), then shymkent 45 (02-01 –)     -> changed: city, participants
    Y  astana 10 (01-01 – 02-01), nothing after                  -> removed
    Z  taraz 7 (02-01 –)                                         -> added
    W  almaty 3 (01-01 –), unchanged; its person p1 -> p2 on 02-01  -> changed: persons
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


def _warehouse():
    con = duckdb.connect(":memory:")
    for f in sorted((ROOT / "sql" / "tables").glob("*.sql")):
        con.execute(f.read_text(encoding="utf-8"))
    con.executemany("INSERT INTO card_revision_rows (kind, row_hash, valid_from, valid_to, period, card_id, date, city, participants) "
                    "VALUES ('card', ?, ?, ?, '2017', ?, ?, ?, ?)", [
                        ("h1", T0, T1, "X", dt.date(2017, 3, 1), "almaty", 42),
                        ("h2", T1, None, "X", dt.date(2017, 3, 1), "shymkent", 45),
                        ("h3", T0, T1, "Y", dt.date(2017, 4, 1), "astana", 10),
                        ("h4", T1, None, "Z", dt.date(2017, 5, 1), "taraz", 7),
                        ("h5", T0, None, "W", dt.date(2017, 6, 1), "almaty", 3)])
    con.executemany("INSERT INTO person_revision_rows (row_hash, valid_from, valid_to, period, card_id, person_id, pseudonym) "
                    "VALUES (?, ?, ?, '2017', 'W', 'p', 'A')", [("p1", T0, T1), ("p2", T1, None)])
    return con


def test_card_changes_name_the_fields_that_changed():
    got = changes.card_changes(_warehouse(), "2017", SINCE)
    assert [(r["card_id"], r["change"], r["fields"]) for r in got.iter_rows(named=True)] == [
        ("X", "changed", ["city", "participants"]), ("Y", "removed", []), ("Z", "added", []), ("W", "changed", ["persons"])]


def test_card_changes_up_to_a_moment_before_the_corrections():
    # until 01-15: nothing had changed yet since 01-01 12:00
    assert changes.card_changes(_warehouse(), "2017", SINCE, dt.datetime(2026, 1, 15, tzinfo=UTC)).height == 0


def test_changes_for_an_edition_date_only_where_revisions_are_kept():
    found = changes.changes_for(_warehouse(), "2017", SINCE)
    assert found is not None and found[1:] == (SINCE, None) and found[0]["card_id"].to_list() == ["X", "Y", "Z", "W"]
    assert changes.changes_for(duckdb.connect(":memory:"), "2017", SINCE) is None  # a warehouse without revisions


def test_a_card_whose_content_comes_back_is_compared_at_the_two_moments():
    # V: almaty 42 (01-01 – 02-01), shymkent 45 (02-01 – 03-01), almaty 42 again (03-01 – 04-01), almaty 50 (04-01 –):
    # two revisions share the first content's hash; the appendix compares the one open at `since` with the one open
    # at `until` (found by hash, three rows came back and no field was named)
    t2, t3 = dt.datetime(2026, 3, 1, tzinfo=UTC), dt.datetime(2026, 4, 1, tzinfo=UTC)
    con = _warehouse()
    con.executemany("INSERT INTO card_revision_rows (kind, row_hash, valid_from, valid_to, period, card_id, date, city, participants) "
                    "VALUES ('card', ?, ?, ?, '2017', 'V', DATE '2017-07-01', ?, ?)", [
                        ("h6", T0, T1, "almaty", 42), ("h7", T1, t2, "shymkent", 45),
                        ("h6", t2, t3, "almaty", 42), ("h8", t3, None, "almaty", 50)])
    now = {r["card_id"]: r["fields"] for r in changes.card_changes(con, "2017", SINCE).iter_rows(named=True)}
    assert now["V"] == ["participants"]
    mid_feb = {r["card_id"]: r["fields"] for r in changes.card_changes(con, "2017", SINCE, dt.datetime(2026, 2, 15, tzinfo=UTC))
               .iter_rows(named=True)}
    assert mid_feb["V"] == ["city", "participants"]
    # from a moment the first content is open again (03-15) to now: almaty 42 → almaty 50
    back = changes.card_changes(con, "2017", dt.datetime(2026, 3, 15, tzinfo=UTC))
    assert [(r["card_id"], r["fields"]) for r in back.iter_rows(named=True)] == [("V", ["participants"])]
    # at the very moment a revision is replaced, the new one is open and the old one is not (valid_to is exclusive):
    # since = 02-01, shymkent 45 against almaty 50 — now, and up to exactly 04-01
    for until in (None, t3):
        exact = changes.card_changes(con, "2017", T1, until)
        assert [(r["card_id"], r["fields"]) for r in exact.iter_rows(named=True) if r["card_id"] == "V"] == [
            ("V", ["city", "participants"])]
