"""`codes` is filled once on a DuckLake, even by two processes that both find it empty at once.

Two transactions on a DuckLake that each insert into a table (and delete nothing) do not conflict, so
two first derive runs that each found `codes` empty both used to fill it: every code twice, and the
per-code tables counted every assembly twice (seen once as table 4's `social` share at 155.6 %). The
fill now belongs to the warehouse's serialized table setup (assets/core/layout.fill_codes). Here two
connections to one lake (as two processes have) interleave: the first one's transaction is held open,
right before its commit, while the second fills `codes` completely; then the first commits.
"""
from __future__ import annotations

from collections import Counter

import pytest

from tests.backends.conftest import use_lake


def _codes(con) -> Counter:
    return Counter(con.execute("SELECT field, code FROM codes").fetchall())


def test_two_first_fillers_at_once_fill_codes_once(postgres_server, tmp_path):
    from assets.core import ducklake, layout, warehouse
    from assets.core.codes import codes_frame
    from assets.derive.figures import refresh_codes
    from core import warehouse_config

    want = Counter((f, c) for f, c in codes_frame().select("field", "code").rows())
    assert want and max(want.values()) == 1
    with pytest.MonkeyPatch.context() as mp:
        use_lake(mp, postgres_server, tmp_path)
        with warehouse.connect() as con:  # a new lake: its tables, and `codes` filled with them
            assert _codes(con) == want
            # as a warehouse set up before `codes` was filled with the tables: codes empty, the setup older
            con.execute("DELETE FROM codes")
            con.execute("UPDATE warehouse_schema SET ddl_sha256 = 'older'")
        cfg = warehouse_config.load()
        first, second = ducklake.connect(cfg), ducklake.connect(cfg)
        try:
            real = ducklake.set_commit_message
            held = []

            def before_commit(con, message):  # called in the writing transaction, right before its commit
                if con is first and not held:
                    held.append(message)
                    refresh_codes(second)  # the other process fills `codes` meanwhile, and commits
                    assert _codes(second) == want
                return real(con, message)

            mp.setattr(ducklake, "set_commit_message", before_commit)
            refresh_codes(first)
            assert held, "the first filler never wrote: the test did not interleave"
            assert _codes(first) == want  # each code once, not twice
        finally:
            first.close()
            second.close()
        with warehouse.connect(read_only=True) as con:
            assert _codes(con) == want
