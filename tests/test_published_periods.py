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
