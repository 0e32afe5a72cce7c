"""Card revisions (issue 18, "back in time"): every version of every card, event not held and person
is kept with `valid_from` / `valid_to` (tables card_revisions and person_revisions, sql/tables/
095_card_revisions.sql), so that the figures and the report of any past moment can be recomputed
from plain SQL tables, on any warehouse backend.

`record(con, period)` runs inside the transaction that replaces the period's cards
(warehouse.replace_partitions calls it before COMMIT): a changed card closes its open revision and
opens a new one, an unchanged card keeps its revision, a removed card's revision is closed. Nothing
is ever deleted from the revision tables (erasure on request redacts them like every table).
"""
from __future__ import annotations

import datetime as dt

import duckdb

from assets.core.sqlfiles import sql
from assets.core.transactions import transaction

# close before open: a corrected card's old revision is closed, then its new one opened
_STEPS = ("revisions/close_cards", "revisions/open_cards", "revisions/close_persons", "revisions/open_persons")
_FIRST = ("revisions/open_cards_first", "revisions/open_persons_first")  # nothing open yet: nothing to close or compare
_AS_OF = ("revisions/cards_as_of", "revisions/events_not_held_as_of", "revisions/persons_as_of")
TABLES = frozenset({"cards", "persons", "events_not_held"})


def record(con: duckdb.DuckDBPyConnection, period: str) -> None:
    """Bring the revisions of `period` in line with its current cards (call inside the write's transaction).
    A period's first write has no open revision to close or compare with: its cards are copied in one scan."""
    first = not con.execute(sql("revisions/open_count"), {"period": period}).fetchone()[0]
    for step in (_FIRST if first else _STEPS):
        con.execute(sql(step), {"period": period})


def migrate_hashes(con: duckdb.DuckDBPyConnection) -> int:
    """An older warehouse's open revisions carry md5(to_json(row)) as row_hash (before issue 15): give
    those whose content is still the current card's (or person's) the hash of today, in one
    transaction, so that the next write opens no revision for an unchanged card. Revisions of cards
    changed since keep their md5 (the next write closes them, as any changed card's); closed revisions
    keep theirs (a hash only tells versions of one card apart). The number of revisions left with an
    md5 hash (0 once done; called by warehouse.ensure_tables on every writable connection)."""
    if not con.execute(sql("revisions/old_hashes_left")).fetchone()[0]:
        return 0
    with transaction(con):
        con.execute(sql("revisions/migrate_card_hashes"))
        con.execute(sql("revisions/migrate_person_hashes"))
    return con.execute(sql("revisions/old_hashes_left")).fetchone()[0]


def shadow_as_of(con: duckdb.DuckDBPyConnection, as_of: dt.datetime) -> None:
    """TEMP tables cards, events_not_held and persons on `con` holding the rows as they were at `as_of`:
    they hide the current tables of the same name for every query on this connection (works on a
    read-only connection; nothing is written to the warehouse)."""
    for step in _AS_OF:
        con.execute(sql(step), {"as_of": as_of})


def history(con: duckdb.DuckDBPyConnection, period: str, card_id: str) -> list[tuple]:
    """Every version of one card, oldest first: (valid_from, valid_to, kind, city, date, participants, detained, ...)."""
    return con.execute(sql("revisions/card_history"), {"period": period, "card_id": card_id}).fetchall()
