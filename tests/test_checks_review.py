"""The checks, the reconciliation and the exports at the points the hand mutants of a third reviewer
(scripts/mutate_by_hand_i14q.py) found open: an explanation's number at full precision, the redacted
records counted apart from the quarantined ones, every value status the schema allows, and the published
order of the exported figures and cards. Every expected value is typed by hand from the rows below; the
warehouses are in memory or under tmp_path."""
from __future__ import annotations

from assets.core import warehouse as wh
from assets.core.sqlfiles import sql
from assets.derive.assets import figures_schema
from assets.quality import gx_outcomes
from assets.resources import WarehouseResource
from tests.test_blocking_checks import GOOD, _balanced, _figures, _nothing_lost_on


def test_an_explanation_gives_the_failing_value_to_ten_digits():
    # 100.0000001 % is over 100: said as it is, not rounded to "100" (which would read as a good share)
    row = {"table_no": "1", "row_key": "almaty", "col_key": "share_pct", "value": 100.0000001}
    assert gx_outcomes._explain("share_0_100", row) == \
        "table 1, row almaty, column share_pct: the share 100.0000001 % lies outside 0–100"
    row = {"table_no": "14", "row_key": "total", "col_key": "police", "value": -0.0001234567}
    assert gx_outcomes._explain("count_not_negative", row) == \
        "table 14, row total, column police: -0.0001234567 is negative (a count or amount cannot be)"


def test_nothing_lost_counts_the_redacted_records_apart_from_the_quarantined(tmp_path):
    # the balanced warehouse: 5 raw records, one of them redacted, 1 quarantined; a second record redacted
    # (2017-r0, a card's): still balanced, 2 redacted records, still 1 quarantined
    db = tmp_path / "w.duckdb"
    _balanced(db)
    with wh.connect(db) as con:
        con.execute("""UPDATE raw_record_rows SET cells = '["REDACTED-0a0b"]' WHERE record_id = '2017-r0'""")
    r = _nothing_lost_on(db)
    assert r.passed is True
    assert r.metadata["redacted_records"].value == 2


def test_figures_schema_allows_a_blank_and_an_unreadable_print(tmp_path):
    # a published cell left blank and one unreadable: no value, a status the schema knows
    db = tmp_path / "w.duckdb"
    _figures(db, GOOD + [("2017", "4", "social", "share_pct", None, "published", "blank"),
                         ("2017", "4", "economic", "share_pct", None, "published", "unreadable")])
    r = figures_schema(warehouse=WarehouseResource(database=str(db)))
    assert r.passed is True and r.metadata["figures"].value == 9


def test_the_exported_figures_and_cards_come_in_their_published_order():
    import tests.test_sql_models as base

    con = base.warehouse()
    # figures inserted out of order; exported by table (as text: '1' < '10' < '2'), row, column
    con.execute("DELETE FROM figures")
    for t, r, c in [("2", "almaty", "count"), ("10", "fear", "share_pct"), ("1", "total", "count"),
                    ("1", "almaty", "share_pct"), ("1", "almaty", "count")]:
        con.execute("INSERT INTO figures (period, table_no, row_key, col_key, value, provenance, value_status) "
                    "VALUES ('2017', ?, ?, ?, 1, 'derived', 'value')", [t, r, c])
    got = con.execute(sql("exports/figures"), {"period": "2017"}).fetchall()
    assert [(x[1], x[2], x[3]) for x in got] == [("1", "almaty", "count"), ("1", "almaty", "share_pct"), ("1", "total", "count"),
                                                 ("10", "fear", "share_pct"), ("2", "almaty", "count")]
    # two cards of 2013 stored b then a: exported a, b (by card id)
    for cid in ("b", "a"):
        con.execute("INSERT INTO cards SELECT * REPLACE ('2013' AS period, ? AS card_id) FROM cards WHERE card_id = 'c1'", [cid])
    got = con.execute(sql("exports/cards_public"), {"period": "2013"}).fetchall()
    cols = [d[0] for d in con.description]
    assert [row[cols.index("card_id")] for row in got] == ["a", "b"]


def test_a_cells_audit_notes_each_once_in_order():
    # Table 1's astana count (a mismatch, 0 against 2) carries the total's "column does not add up" — recorded a
    # second time by another source — and its own "astana printed twice", added after: each once, sorted
    from tests.test_reconciliation_values import reconcile, warehouse

    con = warehouse()
    con.executemany("INSERT INTO audit (source, rule, period, table_no, row_key, col_key, message, level, root_id) "
                    "VALUES (?, ?, '2017', '1', ?, 'count', ?, 'contradiction', 'r')",
                    [("q", "sum_total", "total", "column does not add up"),
                     ("p", "cell_vs_text", "astana", "astana printed twice")])
    got = {(r["table_no"], r["row_key"], r["col_key"]): r["audit_note"] for r in reconcile(con, "2017")}
    assert got[("1", "astana", "count")] == "astana printed twice | column does not add up"
    assert got[("1", "total", "count")] == "column does not add up"


def test_fifty_explanations_are_all_given_without_a_tail():
    rows = [{"table_no": "1", "row_key": f"c{i}", "col_key": "share_pct", "value": 101.0} for i in range(50)]
    out = gx_outcomes._explanations("share_0_100", {"unexpected_index_list": rows})
    assert len(out) == 50 and out[-1] == "table 1, row c49, column share_pct: the share 101 % lies outside 0–100"
