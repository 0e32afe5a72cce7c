"""Card revisions (issue 18, "back in time"): every version of every card, event not held and person
is kept with `valid_from` / `valid_to` (tables card_revisions and person_revisions, sql/tables/
095_card_revisions.sql), so that the figures and the report of any past moment can be recomputed
from plain SQL tables, on any warehouse backend.

`record(con, period)` runs inside the transaction that replaces the period's cards
(writes.replace_partitions calls it before COMMIT): a changed card closes its open revision and
opens a new one, an unchanged card keeps its revision, a removed card's revision is closed. Nothing
is ever deleted from the revision tables (erasure on request redacts them like every table).

What is stored (issue 15): a period's first write copies no card into the revisions; it records its
moment in `revision_bases`, and every card, event not held and person of the period without a stored
open revision is its own current revision from then on (the views card_revisions_implied,
person_revisions_implied). A later write stores only what changes: `snapshot(con, period)`, called
before the write deletes the period's rows, keeps the implied revisions in TEMP tables, so that those
of cards the write corrects or removes are stored closed, and new or corrected cards store an open
revision. `card_revisions` / `person_revisions` (views) hold every revision, stored or implied: the
same rows the tables of those names held when every revision was copied.
"""
from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl
import pyarrow as pa

from assets.core.sqlfiles import sql
from assets.core.transactions import transaction

# close before open: a corrected card's old revision is closed, then its new one opened
_STEPS = ("revisions/close_cards", "revisions/close_implied_cards", "revisions/open_card_keys", "revisions/open_cards",
          "revisions/close_persons", "revisions/close_implied_persons", "revisions/open_person_keys",
          "revisions/open_persons")
_SNAPSHOTS = ("revisions/implied_card_keys_snapshot", "revisions/changed_card_keys", "revisions/implied_cards_snapshot",
              "revisions/implied_person_keys_snapshot", "revisions/changed_person_keys", "revisions/implied_persons_snapshot")
_DROPS = ("revisions/drop_implied_cards", "revisions/drop_implied_persons")
# the full revisions frozen first: the implied ones read `cards`, which the as-of tables then shadow
_AS_OF = ("revisions/freeze_card_revisions", "revisions/freeze_person_revisions",
          "revisions/cards_as_of", "revisions/events_not_held_as_of", "revisions/persons_as_of")
TABLES = frozenset({"cards", "persons", "events_not_held"})


def snapshot(con: duckdb.DuckDBPyConnection, period: str, incoming: dict | None = None) -> None:
    """Before a write deletes `period`'s cards, events not held and persons (inside its transaction):
    keep their implied revisions (TEMP tables, empty when the period has no base), for `record`.
    incoming: the frames the write is about to store ({table: frame or None}, for the tables of TABLES it
    replaces): only the implied revisions whose content is not among them are copied in full (those the
    write will close); of the others only their keys and hashes. An unchanged re-write of 1,000,000 cards
    copied every card (+0.66 GB) and copies none now. Without `incoming` (None): every implied revision
    is copied (each replaced table taken as emptied)."""
    has_base = con.execute(sql("revisions/has_base"), {"period": period}).fetchone()[0]
    con.execute(sql("revisions/new_keys_tables"))
    if has_base:
        incoming = incoming or {}
        for table in sorted(TABLES):
            if table not in incoming:
                con.execute(sql(f"revisions/new_keys_current_{table}"), {"period": period})
            elif incoming[table] is not None and incoming[table].height:
                con.register(f"_incoming_{table}", _as_table_types(incoming[table]))
                try:
                    con.execute(sql(f"revisions/new_keys_incoming_{table}"))
                finally:
                    con.unregister(f"_incoming_{table}")
    for step in _SNAPSHOTS:  # nothing implied without a base: empty snapshots, without scanning the cards
        con.execute(sql(step), {"period": period if has_base else None} if "$period" in sql(step) else None)


def _as_table_types(df: pl.DataFrame) -> pa.Table:
    """The frame as Arrow for the incoming hashes: Polars' times are nanoseconds (DuckDB reads TIME_NS), the
    tables' TIME microseconds, and hash() tells the two types apart: times as microseconds, as the INSERT
    stores them. (A column typed otherwise than its table's only makes the snapshot copy more.)"""
    t = df.to_arrow(compat_level=pl.CompatLevel.newest())
    if not any(pa.types.is_time(f.type) for f in t.schema):
        return t
    return t.cast(pa.schema([f.with_type(pa.time64("us")) if pa.types.is_time(f.type) else f for f in t.schema]))


def record(con: duckdb.DuckDBPyConnection, period: str) -> None:
    """Bring the revisions of `period` in line with its current cards (call inside the write's
    transaction, after `snapshot` and the write). A period's first write stores only its base: its
    cards are their own revision, nothing is copied or compared."""
    if not con.execute(sql("revisions/recorded"), {"period": period}).fetchone()[0]:
        steps: tuple = ("revisions/add_base",)
    else:
        steps = _STEPS
    for step in steps:
        con.execute(sql(step), {"period": period} if "$period" in sql(step) else None)
    for step in _DROPS:  # (on an error the transaction's rollback drops them)
        con.execute(sql(step))


def record_figures(con: duckdb.DuckDBPyConnection, period: str) -> None:
    """The first write of `period`'s figures (inside its transaction): its moment in figure_bases, so that an
    --as-of edition of before it does not show the period (figures_later)."""
    con.execute(sql("revisions/add_figure_base"), {"period": period})


def figures_later(con: duckdb.DuckDBPyConnection, as_of: dt.datetime) -> list[str]:
    """The periods whose figures were first written after `as_of` (none known on a warehouse, read-only, that
    has no figure_bases yet: written by an older version)."""
    if not con.execute(sql("common/table_exists"), {"name": "figure_bases"}).fetchone()[0]:
        return []
    return [p for (p,) in con.execute(sql("revisions/figures_later"), {"as_of": as_of}).fetchall()]


def migrate_layout(con: duckdb.DuckDBPyConnection) -> bool:
    """An older warehouse keeps every revision in the tables card_revisions / person_revisions: rename
    them to card_revision_rows / person_revision_rows (every revision stays stored; no period has a
    base, so none is implied), in one transaction, before the DDL makes card_revisions a view. True
    when it converted (called by layout.ensure_tables on every writable connection; a no-op once done)."""
    if not con.execute(sql("revisions/layout_old")).fetchone()[0]:
        return False
    with transaction(con):
        con.execute(sql("revisions/rename_old_card_revisions"))
        con.execute(sql("revisions/rename_old_person_revisions"))
    return True


def migrate_hashes(con: duckdb.DuckDBPyConnection) -> int:
    """An older warehouse's open revisions carry md5(to_json(row)) as row_hash (before issue 15): give
    those whose content is still the current card's (or person's) the hash of today, in one
    transaction, so that the next write opens no revision for an unchanged card. Revisions of cards
    changed since keep their md5 (the next write closes them, as any changed card's); closed revisions
    keep theirs (a hash only tells versions of one card apart). The number of revisions left with an
    md5 hash (0 once done; called by layout.ensure_tables on every writable connection)."""
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
        con.execute(sql(step), {"as_of": as_of} if "$as_of" in sql(step) else None)


def history(con: duckdb.DuckDBPyConnection, period: str, card_id: str) -> list[tuple]:
    """Every version of one card, oldest first: (valid_from, valid_to, kind, city, date, participants, detained, ...)."""
    return con.execute(sql("revisions/card_history"), {"period": period, "card_id": card_id}).fetchall()
