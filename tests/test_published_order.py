"""sql/derive/published_figures_ordered.sql: the audit numbers its root causes in the order of the published
figures it reads, so that order is part of the result. Each sort key is checked on a pair of figures that
differ in that key and, the other way round, in the next key: with the key dropped, the pair comes out
reversed. The rows go in in reverse of the order worked out by hand below."""
from __future__ import annotations

from pathlib import Path

import duckdb

SQL = Path(__file__).resolve().parents[1] / "sql"
KEYS = ("source", "period", "table_no", "row_key", "col_key", "location", "line", "primary")
BASE = {"source": "p", "period": "2017", "table_no": "1", "row_key": "almaty", "col_key": "n",
        "location": "table", "line": 5, "primary": False}
LOW = {"source": "a", "period": "2016", "table_no": "1", "row_key": "almaty", "col_key": "n",
       "location": "table", "line": 1, "primary": False}
HIGH = {"source": "b", "period": "2017", "table_no": "2", "row_key": "astana", "col_key": "share_pct",
        "location": "text", "line": 2, "primary": True}


def expected_order() -> list[dict]:
    rows = []
    for i, key in enumerate(KEYS):
        # pairs apart from each other by source ("k0…": the source pair itself sorts first, by "a"/"b")
        tag = {"source": None}.get(key, f"k{i}")
        first, second = dict(BASE), dict(BASE)
        if tag:
            first["source"] = second["source"] = tag
        first[key], second[key] = LOW[key], HIGH[key]
        if i + 1 < len(KEYS):  # the next key the other way: dropping `key` puts `second` first
            nxt = KEYS[i + 1]
            first[nxt], second[nxt] = HIGH[nxt], LOW[nxt]
        rows += [first, second]
    # by hand: the source pair ("a…", "b…") before the pairs tagged k1…k7, each pair low before high
    return rows


def test_published_figures_come_out_in_the_audits_order():
    con = duckdb.connect(":memory:")
    con.execute((SQL / "tables" / "080_published.sql").read_text(encoding="utf-8"))
    want = expected_order()
    for r in reversed(want):
        con.execute('INSERT INTO published_figures (source, period, table_no, row_key, col_key, value, value_status, '
                    'provenance, decimals, location, line, "primary") VALUES (?, ?, ?, ?, ?, 1, \'value\', '
                    '\'published\', 0, ?, ?, ?)', [r[k] for k in KEYS])
    rel = con.execute((SQL / "derive" / "published_figures_ordered.sql").read_text(encoding="utf-8"))
    cols = [d[0] for d in rel.description]
    got = [{k: row[cols.index(k)] for k in KEYS} for row in rel.fetchall()]
    assert [r["source"] for r in want][:4] == ["a", "b", "k1", "k1"]  # the hand-worked order
    assert got == want
