"""The media tables' DDL runs once per state of a file, not at every media step
(assets/media/archive.ensure_tables, issue 14: ~15 ms of CPU a call, ~280 calls in the suite). What it must
still do: make again a media table or view that was dropped, give back a column an older table lacks,
make the card views once `cards` can carry them, and set up a new file."""
from __future__ import annotations

import duckdb
import pytest

from assets.media import archive


class _Counting:
    """A connection that counts the DDL statements sent through it (CREATE, ALTER)."""

    def __init__(self, con):
        self.con, self.ddl = con, 0

    def execute(self, query, *args, **kwargs):
        code = "\n".join(ln for ln in query.splitlines() if not ln.lstrip().startswith("--")).lstrip().upper()
        if code.startswith(("CREATE", "ALTER")):
            self.ddl += 1
        return self.con.execute(query, *args, **kwargs)


def _ddl_count(con) -> int:
    spy = _Counting(con)
    archive.ensure_tables(spy)
    return spy.ddl


def _objects(con) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                      "WHERE table_catalog = current_database() AND table_name LIKE 'media%' "
                                      "OR table_name = 'card_sources'").fetchall()}


def _columns(con, table) -> list[str]:
    return [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                      "ORDER BY ordinal_position", [table]).fetchall()]


CARDS = "CREATE TABLE cards (period TEXT, card_id TEXT, source_type TEXT, source_links TEXT)"


@pytest.fixture()
def con(tmp_path):
    c = duckdb.connect(str(tmp_path / "w.duckdb"))
    c.execute(CARDS)
    yield c
    c.close()


def test_a_second_call_runs_no_ddl_and_a_dropped_table_or_view_is_made_again(con):
    assert _ddl_count(con) > 0
    made = _objects(con)
    assert {"media_responses", "media_claims", "media_card_links", "card_sources", "media_source_counts"} <= made
    assert _ddl_count(con) == 0  # nothing changed: nothing run
    con.execute("DROP TABLE media_claims CASCADE")
    con.execute("DROP VIEW card_sources")
    assert "media_claims" not in _objects(con)
    assert _ddl_count(con) > 0
    assert _objects(con) == made
    assert _ddl_count(con) == 0


def test_an_older_table_gets_its_new_columns_back(con):
    archive.ensure_tables(con)
    full = _columns(con, "media_candidates")
    assert "why_found" in full
    con.execute("ALTER TABLE media_candidates DROP COLUMN why_found")
    archive.ensure_tables(con)
    assert _columns(con, "media_candidates") == full


def test_the_card_views_follow_cards(tmp_path):
    with duckdb.connect(str(tmp_path / "w.duckdb")) as c:
        c.execute("CREATE TABLE cards (period TEXT, card_id TEXT)")  # cannot carry the card views yet
        archive.ensure_tables(c)
        assert "card_sources" not in _objects(c)
        c.execute("ALTER TABLE cards ADD COLUMN source_type TEXT")
        c.execute("ALTER TABLE cards ADD COLUMN source_links TEXT")
        archive.ensure_tables(c)  # same media tables, another `cards`: the views are made now
        assert {"card_sources", "media_source_counts"} <= _objects(c)


def test_a_new_file_and_a_rolled_back_ddl_are_set_up_again(tmp_path, con):
    archive.ensure_tables(con)
    with duckdb.connect(str(tmp_path / "other.duckdb")) as other:
        other.execute(CARDS)
        archive.ensure_tables(other)  # the same layout applied in this process to another file
        assert _objects(other) == _objects(con)
    with duckdb.connect(str(tmp_path / "rolled.duckdb")) as rolled:
        rolled.execute(CARDS)
        rolled.execute("BEGIN")
        archive.ensure_tables(rolled)
        rolled.execute("ROLLBACK")
        assert not _objects(rolled)
        archive.ensure_tables(rolled)
        assert _objects(rolled) == _objects(con)
