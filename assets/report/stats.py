"""The report's derived comparisons, from the SQL models of sql/report/ over `figures`: changes against
the previous period, means over periods, peaks (figure_changes.sql) and remainders (remainders.sql).
The report formats these; it does not compute them."""
from __future__ import annotations

import duckdb

from assets.core import periods
from assets.core.warehouse import read_sql


def _with_order(con: duckdb.DuckDBPyConnection, order: list[str] | None = None) -> None:
    """The temporary table `period_order(period, ord)` (allowed on a read-only connection; registering
    a Python frame would make duckdb import pandas, a second at start-up)."""
    order = order or periods.period_ids()
    con.execute(read_sql("tables/096_period_order"))
    con.execute(read_sql("report/period_order"), {"periods": list(order)})


def changes(con: duckdb.DuckDBPyConnection, order: list[str] | None = None) -> dict[tuple[str, str, str, str], dict]:
    """(period, table, row, col) -> prev_period, prev_value, ratio_to_prev, change_pct, mean_upto, n_upto,
    peak_period, peak_value, peak_ratio."""
    _with_order(con, order)
    try:
        rel = con.execute(read_sql("report/figure_changes"))
        cols = [d[0] for d in rel.description]
        return {(r[0], r[1], r[2], r[3]): dict(zip(cols, r)) for r in rel.fetchall()}
    finally:
        con.execute(read_sql("report/drop_period_order"))


def remainders(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str, str], dict]:
    """(period, table, col) -> first_row, second_row, remainder, remainder_rows."""
    rel = con.execute(read_sql("report/remainders"))
    cols = [d[0] for d in rel.description]
    return {(r[0], r[1], r[2]): dict(zip(cols, r)) for r in rel.fetchall()}
