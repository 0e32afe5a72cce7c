"""erasure.erase asks a table's text columns only when a row of it, cast to text whole, matches
any_word_pattern (sql/erasure/table_may_match.sql; fourteenth pass, docs/testing.md). That is safe only if
every row holding a cell that name_pattern matches also matches the prefilter, whatever the other columns
hold and however the row's text quotes or escapes its values: checked here on values that a row's text
renders differently (quotes, backslashes, new lines, tabs, a BLOB, a list, NULL)."""
from __future__ import annotations

import duckdb

from assets.core.sqlfiles import for_table
from assets.validate import erasure

VALUES = [
    "Ахметова Айгуль",
    "Айгуль\nАхметова задержана",            # a new line between the words (sequence through \s+)
    "'Ахметова'",                           # quotes around the name
    'it\'s "Айгуль\tАхметова"',              # a quote, double quotes and a tab
    "C:\\path\\Ахметовой",                   # backslashes; an inflected form
    "АХМЕТОВА",                             # any case
    "Ахмётова",                             # ё for е
    "{'k': 'Ахметова'}",                    # text that looks like a struct
    "nobody here",
    None,
]


def test_every_row_with_a_matching_cell_matches_the_prefilter():
    forms = {"Ахметова Айгуль"}
    rx = erasure.python_rx(erasure.name_pattern(forms))
    words = erasure.any_word_pattern(forms)
    may = for_table("erasure/table_may_match", "t", None, {"t"})
    con = duckdb.connect()
    try:
        holding = 0
        for v in VALUES:  # one row a table, with columns of other types beside the text
            con.execute("CREATE OR REPLACE TABLE t (id INTEGER, a VARCHAR, b BLOB, c VARCHAR[], d VARCHAR)")
            con.execute("INSERT INTO t VALUES (1, ?, ?, ?, ?)", [v, b"\xff\x00\xd0", ["a'b", None], "x'\\"])
            found = con.execute(may, {"words": words}).fetchone()[0]
            if v is not None and rx.search(v):
                holding += 1
                assert found == 1, f"the prefilter skips a row whose cell {v!r} holds the name"
        assert holding == 8  # not vacuous: all but the last two values hold the name
    finally:
        con.close()
