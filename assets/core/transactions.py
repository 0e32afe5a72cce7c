"""One transaction on a DuckDB connection: BEGIN, COMMIT, and on any error a ROLLBACK that tolerates
a transaction already ended (a failed COMMIT ends it). Used by every multi-statement write of the
warehouse (partition replacement, the tables' DDL, the raw layer's and the revisions' migrations)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb


def rollback_open(con: duckdb.DuckDBPyConnection) -> None:
    """ROLLBACK if a transaction is still open (a failed COMMIT has already ended it)."""
    try:
        con.rollback()
    except duckdb.TransactionException:
        pass


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """`with transaction(con):` the block's statements commit together, or none does (the error is
    raised again after the rollback)."""
    con.begin()
    try:
        yield con
        con.commit()
    except BaseException:
        rollback_open(con)
        raise
