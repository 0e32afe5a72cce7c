"""Periods without cards take the published figures; a period with cards is reconciled with them."""
import polars as pl
import pytest

from assets.core import warehouse
from tests.conftest import module_root, run_period


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    with module_root(tmp_path_factory, "pub"):
        assert run_period(None, selection=("published_figures", "audit")).success
        for p in ("2016", "2017"):
            assert run_period(p, selection=("raw_cards", "cards", "figures", "reconciliation")).success
        yield


def q(sql, params=None) -> pl.DataFrame:
    with warehouse.connect(read_only=True) as con:
        return warehouse.query(con, sql, params)


def test_period_without_cards_has_published_figures(wh):
    f = q("SELECT * FROM figures WHERE period = '2016'")
    assert f.height > 0 and set(f["provenance"]) == {"published"}
    cell = lambda t, r, c: f.filter((pl.col("table_no") == t) & (pl.col("row_key") == r) & (pl.col("col_key") == c))["value"][0]
    assert cell("2", "total", "count") == 52  # Table 2, 2016 column
    assert cell("2", "almaty", "count") == 21
    assert cell("12", "total", "law_abidance_pct") == 9.6  # Table 12


def test_period_with_cards_is_derived(wh):
    assert set(q("SELECT DISTINCT provenance FROM figures WHERE period = '2017'")["provenance"]) == {"derived"}


def test_reconciliation_matches_self_consistent_figures(wh):
    r = q("SELECT * FROM reconciliation WHERE period = '2017' AND location = 'table'")
    status = {(x["table_no"], x["row_key"], x["col_key"]): x["status"] for x in r.iter_rows(named=True)}
    for cell in [("1", "almaty", "count"), ("1", "total", "count"), ("7", "picket", "share_pct"), ("11", "total", "sanctioned"),
                 ("14-1", "total", "participants"), ("14-1", "total", "police_control_index"), ("16", "total", "detained_persons"),
                 ("13", "prosecutor", "present"), ("17", "total", "share_pct"), ("19", "astana", "duration_total_min")]:
        assert status[cell] == "match", cell
    assert status[("4", "economic", "share_pct")] == "match_truncated"  # 16.67 printed "16,6"
    assert status[("11", "total", "law_abidance_pct")] == "mismatch"  # printed 100%, it is 5/36
    assert r.filter(pl.col("status") == "match").height > 150


def test_reconciliation_compares_at_printed_precision(wh):
    r = q("SELECT * FROM reconciliation WHERE period = '2017' AND table_no = '14' AND row_key = 'almaty' AND col_key = 'police_control_index' AND location = 'table'")
    row = r.row(0, named=True)
    assert row["published"] == 0.1 and row["decimals"] == 1 and abs(row["derived"] - 41 / 491) < 1e-12
    assert row["status"] == "match"  # 0.0835 printed with one decimal is 0.1


def test_audit_table_is_filled(wh):
    a = q("SELECT * FROM audit")
    assert a.height > 0
    assert a.filter((pl.col("table_no") == "11") & (pl.col("col_key") == "sanctioned")).height >= 1


# ------------------------------------------------------------------ full reconciliation, missing is not zero

def test_every_published_2017_printing_has_exactly_one_status(wh):
    pub = q("SELECT table_no, row_key, col_key, location, line, value_status FROM published_figures WHERE period = '2017'")
    rec = q("SELECT * FROM reconciliation WHERE period = '2017'")
    keys = ["table_no", "row_key", "col_key", "location", "line"]
    joined = pub.join(rec.select(keys + ["status"]), on=keys, how="left")
    assert joined.height == pub.height                       # no printing twice
    assert joined["status"].null_count() == 0, joined.filter(pl.col("status").is_null())
    assert set(rec["status"]) <= {"match", "match_truncated", "match_approximate", "mismatch", "not_derived",
                                  "not_published"}
    # the cells the old inner join lost: Table 2's Pavlodar and Table 3's Zhezkazgan (published, the cards have
    # no assembly there: 0, a mismatch) and Temirtau (derived only)
    st = {(x["table_no"], x["row_key"], x["col_key"]): x["status"] for x in rec.iter_rows(named=True)}
    assert st[("2", "pavlodar", "count")] == "mismatch"
    assert st[("3", "zhezkazgan", "activity_index")] == "mismatch"
    pav = rec.filter((pl.col("table_no") == "2") & (pl.col("row_key") == "pavlodar")).row(0, named=True)
    assert (pav["derived"], pav["published"], pav["choice_used"]) == (0, 1, 0)
    assert st[("2", "temirtau", "count")] == "not_published"
    assert st[("2", "total", "count")] == "match"
    # one quantity, one key: the topic list's total is Table 4's count; the text's 19.4% is detention_cases_pct
    assert st[("topics", "social/total", "count")] == "match"
    assert st[("summary", "total", "detention_cases_pct")] == "match"


def test_a_dash_is_never_a_zero(wh):
    rec = q("SELECT * FROM reconciliation WHERE period = '2017' AND value_status = 'dash'")
    assert rec.height > 10 and rec["published"].null_count() == rec.height
    assert set(rec["printed"]) == {"-"}
    f = q("SELECT * FROM figures WHERE period = '2016' AND value_status <> 'value'")
    assert f.height > 0 and f["value"].null_count() == f.height     # e.g. Table 2 Karaganda 2016 '-'
    assert q("SELECT value, value_status FROM figures WHERE period = '2016' AND table_no = '2' "
             "AND row_key = 'karaganda'").row(0) == (None, "dash")
    unread = q("SELECT * FROM published_figures WHERE period = '2014' AND table_no = '2' AND row_key = 'ust-kamenogorsk'")
    assert unread.row(0, named=True)["value"] is None and unread.row(0, named=True)["value_status"] == "unreadable"


def test_recorded_choices_reach_the_reconciliation(wh):
    ch = q("SELECT * FROM published_choices")
    assert ch.height >= 20 and ch["reason_ru"].null_count() == 0 and ch["reason_en"].null_count() == 0
    rec = q("SELECT * FROM reconciliation WHERE period = '2017'")
    # every mismatch of a table cell is either a recorded choice or a verbal approximation of the text
    bad = rec.filter((pl.col("status") == "mismatch") & pl.col("choice_used").is_null() & (pl.col("location") == "table"))
    assert bad.height == 0, bad.select("table_no", "row_key", "col_key", "printed")
    row = rec.filter((pl.col("table_no") == "14") & (pl.col("row_key") == "total") & (pl.col("col_key") == "police")
                     & (pl.col("location") == "table")).row(0, named=True)
    assert row["published"] == 104 and row["choice_used"] == 134 and "134" in row["choice_reason_en"]


def test_a_period_without_cards_has_nothing_to_reconcile(wh):
    assert q("SELECT count(*) AS n FROM reconciliation WHERE period = '2016'")["n"][0] == 0


def test_audit_roots_and_cells_in_the_warehouse(wh):
    a = q("SELECT * FROM audit")
    assert set(a["level"]) <= {"contradiction", "rounding", "truncated"} and a["root_id"].null_count() == 0
    cells = q("SELECT * FROM audit_cells")
    # Table 2's 2017 column: one root with the total and the city cells it rests on
    rid = a.filter((pl.col("period") == "2017") & (pl.col("table_no") == "2") & (pl.col("row_key") == "total"))["root_id"][0]
    mine = cells.filter(pl.col("root_id") == rid)
    assert {"total", "pavlodar", "temirtau", "almaty"} <= set(mine["row_key"])
    assert mine.filter(pl.col("anchor")).height >= 1
