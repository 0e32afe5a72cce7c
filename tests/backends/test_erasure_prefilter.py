"""erasure.erase asks a table's text columns only when a row of it, cast to text whole, matches
any_word_pattern (sql/erasure/table_may_match.sql; fourteenth pass, docs/testing.md). That is safe only if
every row holding a cell that name_pattern matches also matches the prefilter, whatever the other columns
hold and however the row's text quotes or escapes its values: checked here on values that a row's text
renders differently (quotes, backslashes, new lines, tabs, a BLOB, a list, NULL)."""
from __future__ import annotations

import duckdb

from assets.core.sqlfiles import for_table
from assets.validate import erasure, erasure_names

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
    rx = erasure_names.python_rx(erasure_names.name_pattern(forms))
    words = erasure_names.any_word_pattern(forms)
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



CARD_WORD_VALUES = [
    "Позже Жанну оштрафовали",               # a first name alone, inflected
    "Жанной\nзанялся суд",                   # beside a new line
    "'Ахметовна' молчала",                   # a patronymic alone, quoted
    'Later "Zhanna"\twas fined',             # Latin, double quotes, a tab
    "C:\\Ли\\x",                             # a two-letter word between backslashes
    "ЖАННА",                                 # in capitals
    "Жaннa",                                 # Latin look-alike letters
    "розы и жанна",                          # small letters: no name (card words are case-sensitive)
    None,
]


def test_every_row_of_a_card_with_a_word_of_the_name_alone_matches_both_prefilters():
    """erase() asks the own cards' columns for a word alone (card_words_pattern) only in the tables the first prefilter
    found (table_may_match, any_word_pattern) and, for each card, only where a row of the card cast to text holds a
    word alone (card_table_may_match, card_words_pattern's core): every cell that sql_pattern(card words) matches
    must make its row match both, and only the card's own rows count."""
    forms = {"Ли Жанна Ахметовна"}
    lone = erasure_names.card_words_pattern(forms)
    words = erasure_names.any_word_pattern(forms)
    may = for_table("erasure/table_may_match", "t", None, {"t"})
    may_card = for_table("erasure/card_table_may_match", "t", None, {"t"})
    con = duckdb.connect()
    try:
        holding = 0
        for v in CARD_WORD_VALUES:
            con.execute("CREATE OR REPLACE TABLE t (period VARCHAR, card_id VARCHAR, a VARCHAR, b BLOB, c VARCHAR[], "
                        "d VARCHAR)")
            con.execute("INSERT INTO t VALUES ('2017', 'K-1', ?, ?, ?, ?), ('2017', 'K-2', 'Жанна', NULL, NULL, NULL)",
                        [v, b"\xff\x00\xd0", ["a'b", None], "x'\\"])
            found = con.execute(may, {"words": words}).fetchone()[0]
            found_card = con.execute(may_card, {"period": "2017", "card_id": "K-1", "words": lone}).fetchone()[0]
            if v is not None and con.execute("SELECT regexp_matches(?, ?)", [v, erasure_names.sql_pattern(lone)]).fetchone()[0]:
                holding += 1
                assert found == 2, f"the table prefilter skips a row whose cell {v!r} holds a word of the name alone"
                assert found_card == 1, f"the card's prefilter skips a row whose cell {v!r} holds a word of the name alone"
            else:
                assert found_card == 0, v  # the other card's Жанна is not this card's
        assert holding == 7  # not vacuous: all but the last two values hold a word of the name alone
    finally:
        con.close()
