"""Two publications printing the same cell at the same place: sql/reconciliation.sql gives each printing its
row, and the reconciliation keeps the publication (`source`) so that the rows stay apart — in the pandera key
(schemas/derived.py `one_status_per_printing`), in the warehouse table and in the audit's notes.

A fresh in-memory DuckDB (tables from sql/tables/*.sql), figures typed by hand; every expected row is worked
out by hand below, never taken from the code under test.

| cell                        | derived | source    | printed (location, line) | status                          |
|-----------------------------|---------|-----------|--------------------------|---------------------------------|
| 3 total activity_index      | 2.5     | kibhr-a   | "2.5" (table, 5)         | match (0 <= 0.05)               |
| 3 total activity_index      | 2.5     | kibhr-b   | "2.4" (table, 5)         | mismatch (0.1 > 0.05)           |
| 3 almaty activity_index     | 1.5     | —         | —                        | not_published (derived only)    |
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandera.errors
import polars as pl
import pytest

SQL = Path(__file__).resolve().parents[1] / "sql"
CELL = ("3", "total", "activity_index")


def _warehouse(files: list[Path] | None = None, path: str = ":memory:") -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(path)
    for f in files if files is not None else sorted((SQL / "tables").glob("*.sql")):
        con.execute(f.read_text(encoding="utf-8"))
    return con


def _fill(con: duckdb.DuckDBPyConnection) -> None:
    con.executemany("INSERT INTO codes (field, code) VALUES (?, ?)", [("city", "almaty"), ("city", "astana")])
    con.executemany("INSERT INTO derived_figures (period, table_no, row_key, col_key, value, provenance) "
                    "VALUES ('2017', '3', ?, 'activity_index', ?, 'derived')", [("total", 2.5), ("almaty", 1.5)])
    # two publications print Table 3's total at line 5 of the table, each its primary printing
    con.executemany("INSERT INTO published_figures (source, period, table_no, row_key, col_key, value, value_status, "
                    "provenance, printed, decimals, location, line, \"primary\") "
                    "VALUES (?, '2017', '3', 'total', 'activity_index', ?, 'value', 'published', ?, 1, 'table', 5, true)",
                    [("kibhr-b", 2.4, "2.4"), ("kibhr-a", 2.5, "2.5")])
    # the audit of publication b finds its printing contradicted; a's is not
    con.execute("INSERT INTO audit (source, rule, period, table_no, row_key, col_key, message, level, root_id) "
                "VALUES ('kibhr-b', 'cell_vs_text', '2017', '3', 'total', 'activity_index', "
                "'printed 2.4 here, 2.5 in Table 3', 'contradiction', 'r')")


def _reconcile(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    cur = con.execute((SQL / "reconciliation.sql").read_text(encoding="utf-8"), {"period": "2017"})
    return cur.pl()


@pytest.fixture(scope="module")
def rec() -> pl.DataFrame:
    con = _warehouse()
    _fill(con)
    return _reconcile(con)


def test_two_publications_at_the_same_line_get_a_row_each_named_by_source(rec):
    got = [(r["table_no"], r["row_key"], r["col_key"], r["source"], r["location"], r["line"], r["status"],
            r["published"], r["contradicted_in_report"], r["audit_note"]) for r in rec.iter_rows(named=True)]
    assert got == [
        ("3", "almaty", "activity_index", None, None, None, "not_published", None, False, None),
        (*CELL, "kibhr-a", "table", 5, "match", 2.5, False, None),
        # the audit of b is about b's printing only
        (*CELL, "kibhr-b", "table", 5, "mismatch", 2.4, True, "printed 2.4 here, 2.5 in Table 3"),
    ]


def test_the_reconciliation_schema_accepts_them(rec):
    """Failed before the fix: the key (table, row, column, location, line) made the two printings duplicates."""
    from schemas.derived import ReconciliationSchema

    ReconciliationSchema.validate(rec, lazy=True)


def test_the_schema_still_refuses_one_printing_twice(rec):
    from schemas.derived import ReconciliationSchema

    twice = pl.concat([rec, rec.filter(pl.col("source") == "kibhr-a")])
    with pytest.raises(pandera.errors.SchemaErrors, match="one_status_per_printing"):
        ReconciliationSchema.validate(twice, lazy=True)
    # a derived-only cell (no source, no place) has exactly one row too
    again = pl.concat([rec, rec.filter(pl.col("source").is_null())])
    with pytest.raises(pandera.errors.SchemaErrors, match="one_status_per_printing"):
        ReconciliationSchema.validate(again, lazy=True)


def test_the_warehouse_table_holds_the_source_and_an_older_one_gets_the_column(rec):
    # a warehouse made before `source`: the reconciliation table as 080_published.sql and 091 create it
    older = [f for f in sorted((SQL / "tables").glob("*.sql")) if f.name <= "091_reconciliation_coverage.sql"]
    con = _warehouse(older)
    con.execute("INSERT INTO reconciliation (period, table_no, row_key, col_key, status, contradicted_in_report) "
                "VALUES ('2016', '3', 'total', 'activity_index', 'match', false)")
    for f in sorted((SQL / "tables").glob("*.sql")):   # the DDL again, as ensure_tables runs it on connect
        con.execute(f.read_text(encoding="utf-8"))
    _fill(con)
    con.register("incoming", _reconcile(con))
    con.execute("INSERT INTO reconciliation BY NAME SELECT * FROM incoming")
    got = con.execute("SELECT period, source, status FROM reconciliation WHERE table_no = '3' AND row_key = 'total' "
                      "ORDER BY period, source").fetchall()
    assert got == [("2016", None, "match"), ("2017", "kibhr-a", "match"), ("2017", "kibhr-b", "mismatch")]


def test_an_as_of_report_on_a_warehouse_of_before_the_column_takes_the_source(tmp_path):
    """`monitor report --as-of` reads the warehouse read-only, so an older warehouse's own reconciliation table
    has no `source` yet: the TEMP copy it writes the recomputed rows into gets today's columns (failed before:
    'Table "reconciliation" does not have a column with name "source"'), and the warehouse is left as it was."""
    from assets.core import writes
    from assets.report import asof

    path = tmp_path / "older.duckdb"
    _warehouse([f for f in sorted((SQL / "tables").glob("*.sql")) if f.name != "092_reconciliation_source.sql"],
               str(path)).close()
    ro = duckdb.connect(str(path), read_only=True)
    asof.copy_derived(ro)
    frame = pl.DataFrame([("2017", "3", "total", "activity_index", "kibhr-a", "match", False)], schema=["period", "table_no", "row_key", "col_key", "source", "status",
                                            "contradicted_in_report"], orient="row")
    writes.replace_partition(ro, "reconciliation", "2017", frame)
    assert ro.execute("SELECT period, source, status FROM reconciliation").fetchall() == [("2017", "kibhr-a", "match")]
    ro.close()
    ro = duckdb.connect(str(path), read_only=True)   # the warehouse's own table: untouched
    assert "source" not in [r[0] for r in ro.execute("DESCRIBE reconciliation").fetchall()]
    assert ro.execute("SELECT count(*) FROM reconciliation").fetchone() == (0,)


def test_every_ddl_file_that_widens_a_derived_table_is_run_on_the_as_of_copies():
    """asof.WIDEN_COPIES is every sql/tables file made only of `ALTER TABLE <derived> ADD COLUMN IF NOT EXISTS`."""
    import re

    from assets.report import asof

    widening = set()
    for f in sorted((SQL / "tables").glob("*.sql")):
        statements = [s.strip() for s in re.sub(r"--[^\n]*", "", f.read_text(encoding="utf-8")).split(";") if s.strip()]
        if statements and all(re.fullmatch(r"ALTER TABLE (\w+) ADD COLUMN IF NOT EXISTS \w+ \w+", s)
                              and s.split()[2] in asof.DERIVED for s in statements):
            widening.add(f"tables/{f.stem}")
    assert widening == set(asof.WIDEN_COPIES) == {"tables/091_reconciliation_coverage", "tables/092_reconciliation_source"}
