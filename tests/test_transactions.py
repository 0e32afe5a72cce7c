"""assets/core/transactions.py: the block's statements commit together, or none does."""
import duckdb
import pytest

from assets.core.transactions import transaction


def test_the_block_commits_together():
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a INT)")
    with transaction(con):
        con.execute("INSERT INTO t VALUES (1), (2)")
    assert con.execute("SELECT a FROM t ORDER BY a").fetchall() == [(1,), (2,)]


def test_an_error_in_the_block_rolls_back_and_the_connection_is_usable_again():
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a INT)")
    with pytest.raises(ValueError, match="half-way"):
        with transaction(con):
            con.execute("INSERT INTO t VALUES (1)")
            raise ValueError("half-way")
    assert con.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    with transaction(con):  # no transaction left open by the failed one
        con.execute("INSERT INTO t VALUES (2)")
    assert con.execute("SELECT a FROM t").fetchall() == [(2,)]


def test_a_transaction_already_ended_in_the_block_is_not_rolled_back_twice():
    """A failed COMMIT (or a rollback inside the block) has ended the transaction: the error that
    ended it is the one raised, not 'no transaction is active' from a second ROLLBACK."""
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a INT PRIMARY KEY)")
    con.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(duckdb.ConstraintException):
        with transaction(con):
            con.execute("INSERT INTO t VALUES (1)")
    assert con.execute("SELECT a FROM t").fetchall() == [(1,)]
