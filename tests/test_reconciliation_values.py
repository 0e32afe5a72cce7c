"""sql/reconciliation.sql by value: a fresh in-memory DuckDB (tables from sql/tables/*.sql), derived and
published figures typed by hand, every row of the result compared with the row worked out by hand below.

The statuses at their thresholds (decimals d, tolerance 0.5·10^-d; a verbal figure within 25 %):

| cell                               | derived  | published (printed, decimals)    | worked out                               | status            |
|------------------------------------|----------|----------------------------------|------------------------------------------|-------------------|
| summary total detained_persons     | 12.5     | 12 (0)                           | |0.5| <= 0.5                             | match             |
| summary total participants_avg     | 11.5     | 12 (0)                           | |-0.5| <= 0.5                            | match             |
| summary total police_avg           | 11.4     | 12 (0)                           | |-0.6| > 0.5, trunc 11 != 12, not verbal   | mismatch          |
| summary total avg1                 | 3.148    | 3.1 (1)                          | 0.048 <= 0.05                            | match             |
| 4 economic share_pct               | 16.6667  | 16.6 (1)                         | 0.0667 > 0.05; trunc(166.667)/10 = 16.6  | match_truncated   |
| summary total half                 | 62.5     | 50 (0), note 'approximate: …'    | 12.5 <= 0.25 · 50                        | match_approximate |
| summary total half2                | 62.6     | 50 (0), note 'approximate: …'    | 12.6 > 12.5                              | mismatch          |
| summary total nonapprox            | 60       | 50 (0), no note                  | not verbal                               | mismatch          |
| 2 total dash0 / dash3 / dashnull   | 0 / 3 / — | '-'                             | none against none or 0; 3 against '-'    | match / mismatch / match |
| 2 total blank_with / blank_without | 5 / —    | blank                            |                                          | not_published / not_derived |
| 2 total only_pub                   | —        | 4                                |                                          | not_derived       |
| 2 total unreadable_with            | 2        | unreadable                       |                                          | not_published     |
| 1 astana count                     | — (0)    | 2                                | a city of a table with a total: 0        | mismatch          |
| 1 astana median                    | —        | 3                                | median is not a column counted as 0      | not_derived       |
| 1 astana share_pct                 | —        | 30.0                             | table 1 has no total share_pct: not 0    | not_derived       |
| 1 other count                      | —        | 5                                | 'other' is no city                       | not_derived       |
| topics social/total count          | 3 (4 social count) | 3                      | the alias                                | match             |
| topics economic/total, political/total count | 1, 2 (Table 4's) | 1, 2                | the alias                                | match             |

Derived only (s_der): 1 shymkent count 3 (a city; the column printed in a table) and 1 total median 4 (a row
published in table 1) and 2 older n 7 (a row published in another period) and topics social/Тема 2 (any
topic) are not_published; 1 shymkent share_pct 0 (zero), 5 ngo count (a column never printed), summary total
extra_text (printed in the text only, for another row) and 2 novel n (a row never published) are left out.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

SQL = Path(__file__).resolve().parents[1] / "sql"

# the columns in which a city without a derived row has 0 when its table has the column's total
ZERO_COLUMNS = ("count", "share_pct", "activity_index", "unsanctioned", "sanctioned", "detention_cases", "detained_persons",
                "participants", "police", "duration_total_min")
DERIVED = [  # period, table_no, row_key, col_key, value
    ("2017", "1", "total", "count", 10), ("2017", "1", "almaty", "count", 7), ("2017", "1", "almaty", "share_pct", 70.0),
    ("2017", "1", "shymkent", "count", 3), ("2017", "1", "shymkent", "share_pct", 0), ("2017", "1", "total", "median", 4),
    ("2017", "4", "social", "count", 3), ("2017", "4", "economic", "count", 1), ("2017", "4", "political", "count", 2), ("2017", "4", "economic", "share_pct", 16.6667), ("2017", "5", "ngo", "count", 2),
    ("2017", "summary", "total", "detained_persons", 12.5), ("2017", "summary", "total", "participants_avg", 11.5),
    ("2017", "summary", "total", "police_avg", 11.4), ("2017", "summary", "total", "avg1", 3.148), ("2017", "7", "rally", "share_pct", 40),
    ("2017", "summary", "total", "half", 62.5), ("2017", "summary", "total", "half2", 62.6),
    ("2017", "summary", "total", "nonapprox", 60), ("2017", "summary", "total", "extra_text", 9),
    ("2017", "2", "total", "dash0", 0), ("2017", "2", "total", "dash3", 3), ("2017", "2", "total", "blank_with", 5), ("2017", "2", "total", "unreadable_with", 2),
    ("2017", "2", "total", "n", 13), ("2017", "1", "picket", "count", 2), ("2017", "2", "older", "n", 7), ("2017", "2", "novel", "n", 6),
    ("2017", "topics", "social/Тема", "count", 2),
    *[("2017", "9", "total", c, 5) for c in ZERO_COLUMNS],
    ("2016", "1", "total", "count", 99), ("2016", "2", "total", "only_pub", 4),
]
APPROX = "approximate: половина"
PUBLISHED = [  # period, table_no, row_key, col_key, value, value_status, printed, decimals, location, note (or line)
    ("2017", "1", "total", "count", 10, "value", "10", 0, "table", None),
    ("2017", "1", "almaty", "count", 7, "value", "7", 0, "table", None),
    ("2017", "1", "almaty", "share_pct", 70.0, "value", "70,0", 1, "table", None),
    ("2017", "1", "astana", "count", 2, "value", "2", 0, "table", None),
    ("2017", "1", "astana", "median", 3, "value", "3", 0, "table", None),
    ("2017", "1", "astana", "share_pct", 30.0, "value", "30,0", 1, "table", None),
    ("2017", "1", "other", "count", 5, "value", "5", 0, "table", None),
    ("2017", "4", "economic", "share_pct", 16.6, "value", "16,6", 1, "table", None),
    ("2017", "summary", "total", "detained_persons", 12, "value", "12", 0, "text", None),
    ("2017", "summary", "total", "participants_avg", 12, "value", "12", 0, "text", None),
    ("2017", "summary", "total", "police_avg", 12, "value", "12", 0, "text", None),
    ("2017", "summary", "total", "avg1", 3.1, "value", "3,1", 1, "text", None),
    ("2017", "7", "rally", "share_pct", 30, "value", "30", 0, "table", None),
    ("2017", "summary", "total", "half", 50, "value", "половина", 0, "text", APPROX),
    ("2017", "summary", "total", "half2", 50, "value", "половина", 0, "text", APPROX),
    ("2017", "summary", "total", "nonapprox", 50, "value", "50", 0, "text", None),
    ("2017", "summary", "astana", "extra_text", 5, "value", "5", 0, "text", None),
    ("2017", "2", "total", "dash0", None, "dash", "-", 0, "table", None),
    ("2017", "2", "total", "dash3", None, "dash", "-", 0, "table", None),
    ("2017", "2", "total", "dashnull", None, "dash", "—", 0, "table", None),
    ("2017", "2", "total", "blank_with", None, "blank", "", 0, "table", None),
    ("2017", "2", "total", "blank_without", None, "blank", "", 0, "table", None),
    ("2017", "2", "total", "only_pub", 4, "value", "4", 0, "table", None),
    ("2017", "2", "total", "unreadable_with", None, "unreadable", "1?", 0, "table", None),
    ("2017", "2", "total", "n", 13, "value", "13", 0, "text", 7),   # one cell printed three times: lines 7, 9, 5
    ("2017", "2", "total", "n", 13, "value", "13", 0, "table", 9),
    ("2017", "2", "total", "n", 13, "value", "13", 0, "text", 5),
    ("2017", "1", "rally", "count", 3, "value", "3", 0, "table", None),   # a code, but not a city's
    ("2017", "topics", "social/total", "count", 3, "value", "3", 0, "table", None),
    ("2017", "topics", "economic/total", "count", 1, "value", "1", 0, "table", None),
    ("2017", "topics", "political/total", "count", 2, "value", "2", 0, "table", None),
    ("2017", "topics", "social/Другая", "count", 1, "value", "1", 0, "table", None),
    *[("2017", "9", "astana", c, 0, "value", "0", 0, "table", None) for c in ZERO_COLUMNS],
    ("2016", "1", "total", "count", 98, "value", "98", 0, "table", None),
    ("2016", "2", "older", "n", 1, "value", "1", 0, "table", None),
    ("2015", "1", "total", "count", 5, "value", "5", 0, "table", None),
]
AUDIT = [  # rule, period, table_no, row_key, col_key, message, level
    ("cell_vs_text", "2017", "1", "almaty", "count", "almaty printed twice differently", "contradiction"),
    ("sum_total", "2017", "1", "total", "count", "column does not add up", "contradiction"),
    ("sum_total", "2017", "1", "total", "count", "within rounding", "rounding"),
    ("cell_vs_text", "2016", "1", "astana", "count", "another period", "contradiction"),
    ("cell_vs_text", "2017", "5", "almaty", "count", "another table", "contradiction"),
    ("sum_total", "2017", "summary", "astana", "half2", "not a total", "contradiction"),
    ("cell_vs_text", "2017", "1", "astana", "median", "another column", "contradiction"),
    ("shares_sum_100", "2017", "7", "total", "share_pct", "shares do not add up to 100", "contradiction"),
]
CHOICES = [("2017", "summary", "total", "police_avg", 12, 11.4, "причина", "reason"),
           ("2017", "1", "almaty", "count", 7, 8, "выбор", "choice"),
           ("2016", "summary", "total", "police_avg", 12, 99, "другая", "other")]

N, M, MT, MA, ND, NP = "match", "mismatch", "match_truncated", "match_approximate", "not_derived", "not_published"
ADDS = "column does not add up"
# (table_no, row_key, col_key): status, derived, published, contradicted_in_report, audit_note — in the
# order of the result (table, row, column; binary collation: Latin before Cyrillic)
EXPECTED = [
    (("1", "almaty", "count"), N, 7, 7, True, "almaty printed twice differently"),
    (("1", "almaty", "share_pct"), N, 70.0, 70.0, False, None),
    (("1", "astana", "count"), M, 0, 2, True, ADDS),   # a mismatch: the total's column does not add up
    (("1", "astana", "median"), ND, None, 3, True, "another column"),
    (("1", "astana", "share_pct"), ND, None, 30.0, False, None),  # no total of the column: not counted as 0
    (("1", "other", "count"), ND, None, 5, False, None),
    (("1", "rally", "count"), ND, None, 3, False, None),
    (("1", "shymkent", "count"), NP, 3, None, False, None),   # not a mismatch: the total's audit stays there
    (("1", "total", "count"), N, 10, 10, True, ADDS),
    (("1", "total", "median"), NP, 4, None, False, None),
    (("2", "older", "n"), NP, 7, None, False, None),
    (("2", "total", "blank_with"), NP, 5, None, False, None),
    (("2", "total", "blank_without"), ND, None, None, False, None),
    (("2", "total", "dash0"), N, 0, None, False, None),
    (("2", "total", "dash3"), M, 3, None, False, None),
    (("2", "total", "dashnull"), N, None, None, False, None),
    (("2", "total", "n"), N, 13, 13, False, None),
    (("2", "total", "n"), N, 13, 13, False, None),
    (("2", "total", "n"), N, 13, 13, False, None),
    (("2", "total", "only_pub"), ND, None, 4, False, None),
    (("2", "total", "unreadable_with"), NP, 2, None, False, None),
    (("4", "economic", "share_pct"), MT, 16.6667, 16.6, False, None),
    (("7", "rally", "share_pct"), M, 40, 30, True, "shares do not add up to 100"),  # a mismatch: the total's audit
    *[(("9", "astana", c), N, 0, 0, False, None) for c in sorted(ZERO_COLUMNS)],  # 0 against 0, in every such column
    (("summary", "astana", "extra_text"), ND, None, 5, False, None),
    (("summary", "total", "avg1"), N, 3.148, 3.1, False, None),
    (("summary", "total", "detained_persons"), N, 12.5, 12, False, None),
    (("summary", "total", "half"), MA, 62.5, 50, False, None),
    (("summary", "total", "half2"), M, 62.6, 50, False, None),
    (("summary", "total", "nonapprox"), M, 60, 50, False, None),
    (("summary", "total", "participants_avg"), N, 11.5, 12, False, None),
    (("summary", "total", "police_avg"), M, 11.4, 12, False, None),
    (("topics", "economic/total", "count"), N, 1, 1, False, None),
    (("topics", "political/total", "count"), N, 2, 2, False, None),
    (("topics", "social/total", "count"), N, 3, 3, False, None),
    (("topics", "social/Другая", "count"), ND, None, 1, False, None),
    (("topics", "social/Тема", "count"), NP, 2, None, False, None),
]


def warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    for f in sorted((SQL / "tables").glob("*.sql")):
        con.execute(f.read_text(encoding="utf-8"))
    con.executemany("INSERT INTO codes (field, code) VALUES (?, ?)", [("city", "almaty"), ("city", "astana"), ("city", "shymkent"),
                                                                       ("form", "rally"), ("form", "picket"), ("character", "social"),
                                                                       ("character", "economic"), ("character", "political")])
    con.executemany("INSERT INTO derived_figures (period, table_no, row_key, col_key, value, provenance) "
                    "VALUES (?, ?, ?, ?, ?, 'derived')", DERIVED)
    con.executemany("INSERT INTO published_figures (source, period, table_no, row_key, col_key, value, value_status, "
                    "provenance, printed, decimals, location, line, \"primary\", note) "
                    "VALUES ('p', ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?, true, ?)",
                    [r[:9] + ((r[9], None) if isinstance(r[9], int) else (None, r[9])) for r in PUBLISHED])
    con.executemany("INSERT INTO audit (source, rule, period, table_no, row_key, col_key, message, level, root_id) "
                    "VALUES ('p', ?, ?, ?, ?, ?, ?, ?, 'r')", AUDIT)
    con.executemany("INSERT INTO published_choices VALUES (?, ?, ?, ?, ?, ?, ?, ?)", CHOICES)
    return con


def reconcile(con, period: str) -> list[dict]:
    cur = con.execute((SQL / "reconciliation.sql").read_text(encoding="utf-8"), {"period": period})
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


@pytest.fixture(scope="module")
def rows():
    return reconcile(warehouse(), "2017")


def test_every_row_and_its_status(rows):
    got = [((r["table_no"], r["row_key"], r["col_key"]), r["status"], r["derived"], r["published"],
            r["contradicted_in_report"], r["audit_note"]) for r in rows]
    assert [g[0] for g in got] == [e[0] for e in EXPECTED]  # no row more, none fewer, in this order
    for g, e in zip(got, EXPECTED):
        assert g[1] == e[1], (e[0], g[1], e[1])
        assert g[2] == pytest.approx(e[2]) and g[3] == pytest.approx(e[3]), (e[0], g[2:4], e[2:4])
        assert g[4:] == e[4:], (e[0], g[4:], e[4:])
    assert {r["period"] for r in rows} == {"2017"}


def test_difference_decimals_and_where_printed(rows):
    by = {(r["table_no"], r["row_key"], r["col_key"]): r for r in rows}
    assert by[("summary", "total", "police_avg")]["difference"] == pytest.approx(-0.6)   # derived - published
    assert by[("4", "economic", "share_pct")]["difference"] == pytest.approx(0.0667)
    assert by[("1", "astana", "count")]["difference"] == pytest.approx(-2)
    assert by[("1", "shymkent", "count")]["difference"] is None
    assert (by[("4", "economic", "share_pct")]["printed"], by[("4", "economic", "share_pct")]["decimals"]) == ("16,6", 1)
    assert by[("summary", "total", "half")]["location"] == "text" and by[("1", "total", "count")]["location"] == "table"
    assert by[("1", "shymkent", "count")]["location"] is None and by[("1", "shymkent", "count")]["primary"] is None
    assert by[("2", "total", "dash3")]["value_status"] == "dash" and by[("1", "shymkent", "count")]["value_status"] is None


def test_the_recorded_choice_of_the_period_only(rows):
    got = {(r["table_no"], r["row_key"], r["col_key"]): (r["choice_used"], r["choice_reason_ru"], r["choice_reason_en"])
           for r in rows if r["choice_used"] is not None}
    assert got == {("summary", "total", "police_avg"): (11.4, "причина", "reason"), ("1", "almaty", "count"): (8, "выбор", "choice")}


def test_one_cell_printed_three_times_in_the_order_of_where(rows):
    assert [(r["location"], r["line"]) for r in rows if (r["table_no"], r["row_key"], r["col_key"]) == ("2", "total", "n")] == \
        [("table", 9), ("text", 5), ("text", 7)]


def test_a_period_without_derived_figures_has_nothing_to_reconcile():
    assert reconcile(warehouse(), "2015") == []


def test_another_period_sees_its_own_figures():
    rows = reconcile(warehouse(), "2016")
    got = {(r["table_no"], r["row_key"], r["col_key"]): (r["status"], r["derived"], r["published"]) for r in rows}
    # 2016's total 99 against 98: a mismatch; 'older' printed in 2016 without a derived figure; only_pub derived only
    # (column (2, only_pub) is not printed in 2016: left out)
    assert got == {("1", "total", "count"): ("mismatch", 99, 98), ("2", "older", "n"): ("not_derived", None, 1)}


def test_one_cell_printed_five_times_in_the_text_comes_in_line_order():
    # inserted out of order (8, 3, 6, 1, 4): without `line` as the last key of the ORDER BY, DuckDB returns
    # the five printings of one cell in one place in another order (4, 1, 6, 3, 8 when measured)
    con = warehouse()
    con.execute("INSERT INTO derived_figures (period, table_no, row_key, col_key, value, provenance) "
                "VALUES ('2017', '3', 'total', 'k', 4, 'derived')")
    for line in (8, 3, 6, 1, 4):
        con.execute("INSERT INTO published_figures (source, period, table_no, row_key, col_key, value, value_status, "
                    "provenance, printed, decimals, location, line, \"primary\") "
                    "VALUES ('p', '2017', '3', 'total', 'k', 4, 'value', 'published', '4', 0, 'text', ?, true)", [line])
    got = [(r["location"], r["line"], r["status"]) for r in reconcile(con, "2017") if r["table_no"] == "3"]
    assert got == [("text", 1, "match"), ("text", 3, "match"), ("text", 4, "match"), ("text", 6, "match"),
                   ("text", 8, "match")]


def test_a_character_card_yaml_adds_has_its_topic_list_total_read_as_table_4():
    # the topic lists' totals ("<character>/total") are Table 4's counts for every character of the code
    # list (table `codes`, from card.yaml), not for three typed in the SQL: a fourth character's total
    # matches, mismatches or is not derived like the others
    con = warehouse()
    con.execute("INSERT INTO codes (field, code) VALUES ('character', 'cultural')")
    con.executemany("INSERT INTO derived_figures (period, table_no, row_key, col_key, value, provenance) "
                    "VALUES ('2017', ?, ?, 'count', ?, 'derived')", [("4", "cultural", 5), ("4", "ecological", 2), ("4", "total", 7)])
    con.executemany("INSERT INTO published_figures (source, period, table_no, row_key, col_key, value, value_status, "
                    "provenance, printed, decimals, location, line, \"primary\") "
                    "VALUES ('p', '2017', 'topics', ?, 'count', ?, 'value', 'published', ?, 0, 'table', ?, true)",
                    [("cultural/total", 5, "5", 40), ("ecological/total", 2, "2", 41), ("almaty/total", 0, "0", 42)])
    got = {r["row_key"]: (r["status"], r["derived"], r["published"]) for r in reconcile(con, "2017")
           if r["table_no"] == "topics" and r["row_key"] in ("cultural/total", "ecological/total", "almaty/total")}
    # 'ecological' is no code at all and 'almaty' a city, not a character: neither printed total has a derived
    # twin (read as a row of Table 4, which has its total, a city would get the 0 of a city without assemblies)
    assert got == {"cultural/total": ("match", 5, 5), "ecological/total": ("not_derived", None, 2),
                   "almaty/total": ("not_derived", None, 0)}
