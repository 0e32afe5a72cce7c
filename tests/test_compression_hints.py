"""The compression hints of sql/tables/030_cards.sql and 040_persons.sql (issue 15, the write at 1,000,000
cards): a column of a closed list (card.yaml's code, codes and city fields, period, source_file) is stored
as a dictionary, an id (card_id, record_id) and a link as FSST, whatever the values look like; a warehouse
whose tables were made before the hints keeps working unchanged; DuckLake and a DuckDB file of a newer storage
version (which refuses a named method) get the DDL without them."""
from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl
import pytest

from assets.core import layout, warehouse, writes
from assets.core.sqlfiles import sql
from schemas.card import spec

CLOSED = {"code", "codes", "city"}  # card.yaml's field types whose values come from a list
TABLES = {"cards": "card", "persons": "person"}
N = 2_000


def _dictionary_columns(table: str) -> set[str]:
    return {name for name, f in spec().fields(TABLES[table]).items() if f.type in CLOSED} | {"period", "source_file"}


FSST = {"cards": {"card_id", "record_id", "source_links"}, "persons": {"record_id"}}


def _frame(con: duckdb.DuckDBPyConnection, table: str, period: str, distinct: set[str]) -> pl.DataFrame:
    """N rows with every column of `table`: the text columns named in `distinct` all different (DuckDB on
    its own would not store them as a dictionary), every other text column three values over and over
    (it would not choose FSST for those)."""
    cols = {}
    for name, kind, *_ in con.sql(f"DESCRIBE {table}").fetchall():
        if name == "period":
            cols[name] = [period] * N
        elif kind == "VARCHAR":
            cols[name] = [f"{name}-{i:05d}-{i * 7919 % 10007}" if name in distinct else f"{name}-{i % 3}" for i in range(N)]
        elif kind == "BOOLEAN":
            cols[name] = [i % 2 == 0 for i in range(N)]
        elif kind == "BIGINT":
            cols[name] = list(range(N))
        elif kind == "DATE":
            cols[name] = [dt.date(2017, 1, 1) + dt.timedelta(days=i % 365) for i in range(N)]
        elif kind == "TIME":
            cols[name] = [dt.time(i % 24, i % 60) for i in range(N)]
        else:
            raise AssertionError(f"{table}.{name}: a column type this test does not fill ({kind})")
    return pl.DataFrame(cols)


def _stored_as(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, set[str]]:
    """Each text column's compressions in the file (its validity segments left out)."""
    rows = con.execute("SELECT column_name, segment_type, compression FROM pragma_storage_info(?)", [table]).fetchall()
    out: dict[str, set[str]] = {}
    for col, seg, comp in rows:
        if seg == "VARCHAR":
            out.setdefault(col, set()).add(comp)
    return out


def _write(path, distinct: dict[str, set[str]]) -> dict[str, dict[str, set[str]]]:
    with warehouse.connect(path) as con:
        frames = {t: _frame(con, t, "2017", distinct[t]) for t in TABLES}
        writes.replace_partitions(con, "2017", frames)
        con.execute("CHECKPOINT")
        return {t: _stored_as(con, t) for t in TABLES}


FREE = {"cards": "notes", "persons": "name"}  # free text, left to DuckDB


def test_closed_lists_are_stored_as_a_dictionary_even_when_every_value_differs(tmp_path):
    stored = _write(tmp_path / "w.duckdb", {t: _dictionary_columns(t) | FSST[t] | {FREE[t]} for t in TABLES})
    for table in TABLES:
        for col in _dictionary_columns(table):
            assert stored[table][col] <= {"Dictionary", "Constant"} and "Dictionary" in stored[table][col], (table, col, stored[table][col])
        # the same kind of values in a free-text column, left to DuckDB, are not put into a dictionary
        assert "Dictionary" not in stored[table][FREE[table]], stored[table][FREE[table]]


def test_ids_and_links_are_stored_with_fsst_even_when_values_repeat(tmp_path):
    stored = _write(tmp_path / "w.duckdb", {t: set() for t in TABLES})
    for table in TABLES:
        for col in FSST[table]:
            assert "FSST" in stored[table][col], (table, col, stored[table][col])
        # a repeating free-text column, left to DuckDB, is not FSST: the hint is what makes the ids FSST
        assert "FSST" not in stored[table][FREE[table]], stored[table][FREE[table]]


def test_a_warehouse_made_before_the_hints_keeps_working(tmp_path):
    old = tmp_path / "old.duckdb"
    con = duckdb.connect(str(old))
    for name in ("tables/030_cards", "tables/040_persons"):
        text = sql(name)
        assert "USING COMPRESSION" in text
        con.execute(layout.without_compression(text))  # the tables as they were made before the hints
    con.close()
    distinct = {t: set() for t in TABLES}
    stored_old = _write(old, distinct)
    stored_new = _write(tmp_path / "new.duckdb", distinct)
    assert "FSST" not in stored_old["cards"]["card_id"]  # the older tables are left as they were, not rebuilt
    assert "FSST" in stored_new["cards"]["card_id"]
    rows = {}
    for path in (old, tmp_path / "new.duckdb"):
        with warehouse.connect(path) as con:
            rows[path.name] = {t: con.sql(f"SELECT * FROM {t} ORDER BY record_id").fetchall() for t in TABLES}
    assert rows["old.duckdb"] == rows["new.duckdb"]
    assert len(rows["old.duckdb"]["cards"]) == N


def test_the_lake_ddl_has_no_hint_and_nothing_else_removed():
    for name in ("tables/030_cards", "tables/040_persons"):
        text = sql(name)
        lake = layout.without_compression(text)
        assert "USING COMPRESSION" not in lake.upper()
        assert lake.count(",") == text.count(",") and lake.count("NOT NULL") == text.count("NOT NULL")
        con = duckdb.connect()
        con.execute(lake)
        con.close()
    assert layout.without_compression("a VARCHAR NOT NULL USING COMPRESSION dictionary, b VARCHAR using  compression fsst,") \
        == "a VARCHAR NOT NULL, b VARCHAR,"


@pytest.mark.parametrize("table", list(TABLES))
def test_every_closed_list_column_has_its_hint(table):
    """A code field added to card.yaml gets its hint too (or this fails): every closed-list column of the
    table's DDL is written with USING COMPRESSION dictionary."""
    text = sql("tables/030_cards" if table == "cards" else "tables/040_persons")
    for col in _dictionary_columns(table):
        line = next(ln for ln in text.splitlines() if ln.strip().startswith(col + " "))
        assert "USING COMPRESSION dictionary" in line, line


def test_a_newer_storage_version_gets_the_tables_without_hints(tmp_path):
    """An encrypted warehouse is stored in DuckDB's v1.5.0 format, which refuses a named `dictionary` or
    `fsst`: the tables are made without the hints there, and the write works."""
    path = tmp_path / "v15.duckdb"
    con = duckdb.connect()
    con.execute(f"ATTACH '{path}' AS n (STORAGE_VERSION 'v1.5.0')")
    con.execute("USE n")
    assert not layout.takes_compression_hints(con)
    with pytest.raises(duckdb.BinderException, match="compress"):
        con.execute(sql("tables/030_cards"))  # the DDL as written is refused there
    con.close()
    with warehouse.connect(path) as con:
        frames = {t: _frame(con, t, "2017", set()) for t in TABLES}
        assert writes.replace_partitions(con, "2017", frames) == {t: N for t in TABLES}
        assert con.sql("SELECT count(*) FROM cards").fetchone() == (N,)
    plain = duckdb.connect(str(tmp_path / "plain.duckdb"))
    assert layout.takes_compression_hints(plain)
    plain.close()
