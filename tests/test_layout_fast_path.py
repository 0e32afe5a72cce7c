"""A writable connection to a DuckDB file already at the current layout skips the DDL and the migrations
(assets/core/layout.ensure_tables, issue 14: ~35 ms of CPU per connection). What it must still do:
make again a table or view that was dropped, apply a changed DDL file, run a migration added later
(LAYOUT_VERSION), point the raw layer's views at the store of a file copied elsewhere, and leave the
full path to the next connection when it failed half-way."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from assets.core import layout, revisions, sqlfiles, warehouse, writes
from tests.test_rawstore import _frames, _visible


@pytest.fixture()
def full_paths(monkeypatch) -> list[int]:
    """How many times a connection applied the DDL (a new file's one transaction or the full path: each
    ends by writing the mark)."""
    calls: list[int] = []
    real = layout._write_mark
    monkeypatch.setattr(layout, "_write_mark", lambda con, layout: calls.append(1) or real(con, layout))
    return calls


def _objects(con) -> dict[str, str]:
    return dict(con.execute("SELECT table_name, table_type FROM information_schema.tables "
                            "WHERE table_catalog = current_database() AND table_schema = 'main'").fetchall())


def _mark(con):
    return con.execute("SELECT ddl_sha256, applied_at FROM warehouse_schema").fetchall()


def test_a_second_connection_skips_the_ddl_and_a_dropped_table_or_view_is_made_again(tmp_path, monkeypatch, full_paths):
    monkeypatch.setenv("MONITOR_RAW_STORE", "inside")
    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as con:
        made, mark = _objects(con), _mark(con)
    assert len(full_paths) == 1 and len(mark) == 1
    assert {"cards": "BASE TABLE", "figures": "BASE TABLE", "persons_public": "VIEW", "card_revisions": "VIEW",
            "raw_files": "VIEW", "warehouse_schema": "BASE TABLE"}.items() <= made.items()
    with warehouse.connect(path) as con:
        assert _mark(con) == mark  # the fast path: no DDL, the mark as it was
    assert len(full_paths) == 1
    with duckdb.connect(str(path)) as con:
        con.execute("DROP TABLE figures")
        con.execute("DROP VIEW persons_public")
        con.execute("DROP VIEW raw_records")
    with warehouse.connect(path) as con:
        assert _objects(con) == made  # all three back
        assert _mark(con)[0][0] == mark[0][0]  # the same layout, marked again
    assert len(full_paths) == 2
    # kept inside (no store beside the file), the raw layer's manifest dropped: made again too
    with duckdb.connect(str(path)) as con:
        con.execute("DROP TABLE raw_file_index")
    with warehouse.connect(path) as con:
        assert _objects(con) == made
    # a view where a table belongs (the revisions' layout of before issue 15) is not the current layout
    with duckdb.connect(str(path)) as con:
        assert layout.layout_current(con)
        con.execute("DROP VIEW persons_public")
        con.execute("CREATE TABLE persons_public AS SELECT 1 AS display_name")
        assert not layout.layout_current(con)


def test_a_changed_ddl_file_takes_the_full_path(tmp_path, monkeypatch, full_paths):
    extra = tmp_path / "sql" / "099_extra.sql"
    extra.parent.mkdir()
    extra.write_text("CREATE TABLE IF NOT EXISTS extra_table (a INTEGER)\n", encoding="utf-8")
    real = layout.ddl_files
    monkeypatch.setattr(layout, "ddl_files", lambda backend: [*real(backend), extra])
    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as con:
        pass
    with warehouse.connect(path) as con:
        assert [c for (c,) in con.execute("SELECT column_name FROM information_schema.columns "
                                          "WHERE table_name = 'extra_table'").fetchall()] == ["a"]
    assert len(full_paths) == 1
    extra.write_text("CREATE TABLE IF NOT EXISTS extra_table (a INTEGER);\n"
                     "ALTER TABLE extra_table ADD COLUMN IF NOT EXISTS b VARCHAR\n", encoding="utf-8")
    with warehouse.connect(path) as con:  # the same file, new content: applied
        assert [c for (c,) in con.execute("SELECT column_name FROM information_schema.columns "
                                          "WHERE table_name = 'extra_table' ORDER BY ordinal_position").fetchall()] == ["a", "b"]
    with warehouse.connect(path) as con:
        pass
    assert len(full_paths) == 2


def test_a_migration_added_later_runs_once(tmp_path, monkeypatch):
    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as con:
        pass
    runs: list[int] = []
    monkeypatch.setattr(revisions, "migrate_hashes", lambda con: runs.append(1) or 0)
    with warehouse.connect(path) as con:
        pass
    assert runs == []  # at the current layout: no migration looked for
    monkeypatch.setattr(layout, "LAYOUT_VERSION", layout.LAYOUT_VERSION + 1)
    with warehouse.connect(path) as con:
        pass
    with warehouse.connect(path) as con:
        pass
    assert runs == [1]


def test_a_failure_half_way_leaves_the_full_path_to_the_next_connection(tmp_path, monkeypatch, full_paths):
    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as con:
        con.execute("DROP TABLE quarantine")

    def broken(con):
        raise RuntimeError("killed during the migrations")

    monkeypatch.setattr(revisions, "migrate_hashes", broken)
    with pytest.raises(RuntimeError, match="killed"):
        with warehouse.connect(path):
            pass
    monkeypatch.setattr(revisions, "migrate_hashes", lambda con: 0)
    with warehouse.connect(path) as con:
        assert "quarantine" in _objects(con)
        assert layout.layout_current(con)
    assert len(full_paths) == 2  # the new file's, then the one after the failure (which wrote none)


def test_a_copied_warehouse_reads_its_own_raw_store(tmp_path, full_paths):
    """The raw layer's views list the store's files by path: a copy of the file and its store elsewhere
    (what tests/conftest.start_from does) must read the copy's store once connected, not the original."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    with warehouse.connect(a / "w.duckdb") as con:
        writes.replace_partitions(con, "2017", _frames("2017", "v1"))
        seen = _visible(con)
    shutil.copytree(a, b)
    shutil.rmtree(a)
    with warehouse.connect(b / "w.duckdb") as con:
        assert _visible(con) == seen
        views = " ".join(t for _, t in con.execute(sqlfiles.sql("raw/view_sql")).fetchall())
        assert str(b / "w.duckdb.raw") in views and str(a) + "/" not in views
    with warehouse.connect(b / "w.duckdb") as con:
        assert layout.layout_current(con)
    assert len(full_paths) == 2  # the copy took the full path once
    with warehouse.connect(b / "w.duckdb", read_only=True) as con:
        assert _visible(con) == seen


def _columns(con) -> list[tuple]:
    return con.execute("SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
                       "WHERE table_catalog = current_database() ORDER BY ALL").fetchall()


def test_a_new_file_in_one_transaction_equals_the_full_path(tmp_path, monkeypatch):
    """A new file gets the DDL, the raw views, `codes` and the mark in one transaction; a file that has
    one table already takes the full path (migrations first). Both end the same, and both are current."""
    migrations: list[int] = []
    real = revisions.migrate_layout
    monkeypatch.setattr(revisions, "migrate_layout", lambda con: migrations.append(1) or real(con))
    with warehouse.connect(tmp_path / "new.duckdb") as con:
        new = (_objects(con), _columns(con), con.execute("SELECT * FROM codes ORDER BY ALL").fetchall())
        assert layout.layout_current(con)
    assert migrations == []
    with duckdb.connect(str(tmp_path / "old.duckdb")) as con:
        con.execute(sqlfiles.sql("tables/050_quarantine"))
    with warehouse.connect(tmp_path / "old.duckdb") as con:
        old = (_objects(con), _columns(con), con.execute("SELECT * FROM codes ORDER BY ALL").fetchall())
        assert layout.layout_current(con)
    assert migrations == [1]
    assert new == old and len(new[2]) > 50
