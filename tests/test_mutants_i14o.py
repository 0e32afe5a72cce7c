"""Tests for the survivors of issue 14's sample of sql/report and sql/derive with seed 61 (branch i14o;
docs/testing.md, "Measured score"), each on a tiny hand-made fixture with its expected values worked out by hand.

1. sql/report/card_changes.sql: a card whose persons are all the same at both moments is no change, even when
   the order of its persons' ids is not the order of their revision hashes (both moments' lists of persons are
   joined in the same order: by person id, then hash).
"""
from __future__ import annotations

import datetime as dt

from assets.report import changes
from tests.test_mutants_i14k import T0, T1, _empty_warehouse

UTC = dt.timezone.utc
SINCE = dt.datetime(2026, 1, 15, tzinfo=UTC)  # between T0 (01-01) and T1 (02-01)


# 1. card_changes: the persons of a card compared in one order at both moments ------------------------------------------

def test_a_card_whose_persons_did_not_change_is_no_change_whatever_their_hashes_order():
    con = _empty_warehouse()
    con.executemany("INSERT INTO card_revision_rows (kind, row_hash, valid_from, valid_to, period, card_id, date, city, participants) "
                    "VALUES ('card', ?, ?, ?, '2017', ?, ?, 'almaty', ?)", [
                        ("k1", T0, None, "K", dt.date(2017, 3, 1), 5),     # K: never revised
                        ("m1", T0, None, "M", dt.date(2017, 4, 1), 7)])    # M: the card itself never revised
    # K's persons: id "a" with hash "h9", id "b" with hash "h1" (ids in one order, hashes in the other), both unchanged.
    # M's persons: "c" unchanged ("h3"); "d" revised at T1 ("h8" -> "h2")
    con.executemany("INSERT INTO person_revision_rows (row_hash, valid_from, valid_to, period, card_id, person_id, pseudonym) "
                    "VALUES (?, ?, ?, '2017', ?, ?, 'A')", [
                        ("h9", T0, None, "K", "a"), ("h1", T0, None, "K", "b"),
                        ("h3", T0, None, "M", "c"), ("h8", T0, T1, "M", "d"), ("h2", T1, None, "M", "d")])
    got = changes.card_changes(con, "2017", SINCE)
    # only M changed (its persons); K's persons are "h9,h1" by id at both moments
    assert [(r["card_id"], r["change"], r["fields"]) for r in got.iter_rows(named=True)] == [("M", "changed", ["persons"])]
