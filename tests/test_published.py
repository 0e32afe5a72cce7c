"""The published figures: the transcription of the 2017 report (data/published/kibhr-2017.csv) and
its loader (assets/derive/published.py, schema schemas/published.py)."""
from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest

from core import settings
from assets.derive.published import PublishedDataError, load_published

CSV = settings.repo_root() / "data" / "published" / "kibhr-2017.csv"
SEED = next((p for p in (settings.repo_root().parent / "shared", settings.repo_root().parent.parent / "shared") if (p / "seeds").exists()), settings.repo_root().parent / "shared") / "seeds" / "000_d775fe9d3d1784b6.txt"
HEADER = "source,period,table_no,row_key,col_key,value,value_status,printed,decimals,location,line,primary,note\n"
KEY = ["source", "period", "table_no", "row_key", "col_key"]


@pytest.fixture(scope="module")
def pub() -> pl.DataFrame:
    return load_published(CSV)


def cell(pub: pl.DataFrame, period: str, table: str, row: str, col: str) -> float:
    hit = pub.filter((pl.col("period") == period) & (pl.col("table_no") == table) & (pl.col("row_key") == row)
                     & (pl.col("col_key") == col) & pl.col("primary"))
    assert hit.height == 1, (period, table, row, col)
    return hit["value"][0]


def write(tmp_path: Path, body: str, name: str = "x.csv") -> Path:
    p = tmp_path / name
    p.write_text(HEADER + body, encoding="utf-8")
    return p


GOOD = "kibhr-2017,2017,1,almaty,count,17.0,value,17,0,table,141,true,\n"


# ------------------------------------------------------------------ the real file

def test_loads_with_typed_columns(pub):
    assert pub.columns == HEADER.strip().split(",")
    assert pub.schema["value"] == pl.Float64 and pub.schema["decimals"] == pl.Int64
    assert pub.schema["primary"] == pl.Boolean and pub.schema["line"] == pl.Int64
    assert pub.height > 500


def test_default_path_is_data_published(pub):
    assert load_published().height == pub.height


def test_exactly_one_primary_per_key(pub):
    n = pub.group_by(KEY).agg(pl.col("primary").sum().alias("n"))
    assert n.filter(pl.col("n") != 1).height == 0


def test_every_numbered_table_is_present(pub):
    tables = set(pub["table_no"].unique().to_list())
    assert {str(i) for i in range(1, 20)} | {"14-1", "topics", "courts", "summary"} <= tables


def test_table_cells_as_read_in_the_seed(pub):
    # Table 1 (lines 141-150)
    assert cell(pub, "2017", "1", "almaty", "count") == 17
    assert cell(pub, "2017", "1", "uralsk", "share_pct") == 5.5
    # Table 2: one period per column; a dash is no number (value_status 'dash'), never 0
    assert cell(pub, "2011-2012", "2", "total", "count") == 162
    assert cell(pub, "2014", "2", "aktobe", "count") == 3
    assert cell(pub, "2017", "2", "aktau", "count") is None
    # Table 3: 2017 printed with a point
    assert cell(pub, "2017", "3", "astana", "activity_index") == 0.75
    assert cell(pub, "2017", "3", "total", "activity_index") == 3.0
    # Table 10's first column, printed "2011", is the period 2010
    assert cell(pub, "2010", "10", "expected_refusal", "share_pct") == 55
    # Table 11, 13, 14, 14-1, 16, 18, 19
    assert cell(pub, "2017", "11", "total", "unsanctioned") == 31
    assert cell(pub, "2017", "13", "police", "present") == 41
    assert cell(pub, "2017", "14", "total", "police") == 104
    assert cell(pub, "2017", "14-1", "total", "participants") == 327
    assert cell(pub, "2017", "16", "astana", "detained_persons") == 4
    assert cell(pub, "2017", "18", "total", "participants_avg") == 133
    assert cell(pub, "2017", "18", "total_excl_sanctioned", "participants") == 312
    assert cell(pub, "2017", "19", "almaty", "duration_total_min") == 880
    assert cell(pub, "2017", "19", "uralsk", "duration_avg_min") == 12.5
    # Table 15's "2012" is the period 2011-2012
    assert cell(pub, "2011-2012", "15", "total", "police_control_index") == 0.53


def test_text_figures_use_the_table_keys(pub):
    text = pub.filter(pl.col("location") == "text")
    almaty = text.filter((pl.col("table_no") == "1") & (pl.col("row_key") == "almaty")
                         & (pl.col("col_key") == "share_pct") & (pl.col("line") == 224))
    assert almaty["value"].to_list() == [38.0] and almaty["primary"].to_list() == [False]
    pros = text.filter((pl.col("table_no") == "13") & (pl.col("row_key") == "prosecutor"))
    assert sorted(pros["value"].to_list()) == [8.0, 16.0]
    assert cell(pub, "2017", "summary", "total", "detention_cases_pct") == 19.4
    assert cell(pub, "2017", "courts", "total", "court_cases") == 5


def test_topic_lists_add_up_to_their_totals(pub):
    topics = pub.filter(pl.col("table_no") == "topics")
    for character, total in (("social", 28), ("economic", 6)):
        rows = topics.filter(pl.col("row_key").str.starts_with(character + "/")
                             & (pl.col("row_key") != f"{character}/total"))
        assert rows["value"].sum() == total
        assert cell(pub, "2017", "topics", f"{character}/total", "count") == total
    assert cell(pub, "2017", "topics", "social/Протест против несправедливых действий судей", "count") == 8


def test_decimals_follow_the_printed_text(pub):
    for printed, decimals in pub.select("printed", "decimals").iter_rows():
        nums = re.findall(r"\d+(?:[.,](\d+))?", printed or "")
        if nums and len(nums) == 1 and printed.strip() != "-":
            assert decimals == len(nums[0] or ""), printed


@pytest.mark.skipif(not SEED.exists(), reason="the seed report is not on this machine")
def test_every_printed_figure_is_on_its_line_of_the_seed(pub):
    lines = SEED.read_text(encoding="utf-8").splitlines()

    def norm(s: str) -> str:
        return " ".join(s.split())

    for printed, line in pub.select("printed", "line").iter_rows():
        first = norm((printed or "").split(" ... ")[0])
        window = norm(" ".join(lines[max(0, line - 2): line + 1]))
        assert first in window, (line, printed)


# ------------------------------------------------------------------ the loader's errors

def test_rejects_negative_decimals_naming_file_line_field(tmp_path):
    p = write(tmp_path, GOOD + "kibhr-2017,2017,1,astana,count,9.0,value,9,-1,table,142,true,\n")
    with pytest.raises(PublishedDataError) as e:
        load_published(p)
    msg = str(e.value)
    assert "x.csv" in msg and "line 3" in msg and "'decimals'" in msg


def test_rejects_a_value_that_is_no_number(tmp_path):
    p = write(tmp_path, "kibhr-2017,2017,1,almaty,count,seventeen,value,17,0,table,141,true,\n")
    with pytest.raises(PublishedDataError, match=r"x\.csv, line 2, field 'value'"):
        load_published(p)


def test_rejects_unknown_table_and_row_and_location(tmp_path):
    p = write(tmp_path, GOOD + "kibhr-2017,2017,20,almaty,count,1.0,value,1,0,table,1,true,\n"
                               "kibhr-2017,2017,1,moscow,count,1.0,value,1,0,table,1,true,\n"
                               "kibhr-2017,2017,1,astana,count,1.0,value,1,0,margin,1,true,\n")
    with pytest.raises(PublishedDataError) as e:
        load_published(p)
    msg = str(e.value)
    assert "line 3, field 'table_no'" in msg
    assert "line 4, field 'row_key'" in msg
    assert "line 5, field 'location'" in msg


def test_rejects_an_empty_key(tmp_path):
    p = write(tmp_path, "kibhr-2017,2017,1,almaty, ,17.0,value,17,0,table,141,true,\n")
    with pytest.raises(PublishedDataError, match="line 2, field 'col_key'"):
        load_published(p)


def test_rejects_two_primary_rows_for_one_key(tmp_path):
    p = write(tmp_path, GOOD + "kibhr-2017,2017,1,almaty,count,17.0,value,17,0,text,224,true,\n")
    with pytest.raises(PublishedDataError) as e:
        load_published(p)
    msg = str(e.value)
    assert "field 'primary'" in msg and "line 2" in msg and "line 3" in msg and "2 primary rows" in msg


def test_rejects_a_key_without_primary_row(tmp_path):
    p = write(tmp_path, "kibhr-2017,2017,1,almaty,count,17.0,value,17,0,text,224,false,\n")
    with pytest.raises(PublishedDataError, match="line 2, field 'primary': 0 primary rows"):
        load_published(p)


def test_primary_uniqueness_spans_files(tmp_path):
    write(tmp_path, GOOD, "a.csv")
    write(tmp_path, GOOD.replace("table,141", "text,224"), "b.csv")
    with pytest.raises(PublishedDataError) as e:
        load_published(tmp_path)
    assert "a.csv:2" in str(e.value) and "b.csv:2" in str(e.value)


def test_one_primary_and_repeats_are_fine(tmp_path):
    p = write(tmp_path, GOOD + "kibhr-2017,2017,1,almaty,count,17.0,value,17,0,text,224,false,a repeat\n")
    df = load_published(p)
    assert df.height == 2 and df["primary"].to_list() == [True, False]


def test_rejects_a_bad_primary_flag_and_wrong_header(tmp_path):
    p = write(tmp_path, GOOD.replace(",true,", ",yes,"))
    with pytest.raises(PublishedDataError, match="line 2, field 'primary': must be true or false"):
        load_published(p)
    q = tmp_path / "h.csv"
    q.write_text("source,period\nkibhr-2017,2017\n", encoding="utf-8")
    with pytest.raises(PublishedDataError, match="h.csv, line 1: the header"):
        load_published(q)


def test_rejects_empty_and_non_utf8_files(tmp_path):
    e = tmp_path / "e.csv"
    e.write_text("", encoding="utf-8")
    with pytest.raises(PublishedDataError, match="empty"):
        load_published(e)
    w = tmp_path / "w.csv"
    w.write_bytes((HEADER + GOOD.replace("almaty", "almaty").replace("17,0,", "17,0,") +
                   "kibhr-2017,2017,1,astana,count,9.0,value,9,0,table,142,true,Астана\n").encode("cp1251"))
    with pytest.raises(PublishedDataError, match="UTF-8"):
        load_published(w)


def test_line_numbers_count_physical_lines(tmp_path):
    p = write(tmp_path, 'kibhr-2017,2017,1,almaty,count,17.0,value,17,0,table,141,true,"a note\non two lines"\n'
                        "kibhr-2017,2017,1,astana,count,9.0,value,9,x,table,142,true,\n")
    with pytest.raises(PublishedDataError, match="line 4, field 'decimals'"):
        load_published(p)


# ------------------------------------------------------------------ missing is not zero

def test_no_dash_is_stored_as_zero():
    """Read the CSV as text: every cell printed '-' (or '—') has an empty value and value_status 'dash'; every
    empty value says why (dash, blank, unreadable); a number is given only with value_status 'value'."""
    import csv
    rows = list(csv.DictReader(CSV.open(encoding="utf-8")))
    dashes = [r for r in rows if r["printed"].strip() in ("-", "—", "–")]
    assert len(dashes) > 100
    assert all(r["value"] == "" and r["value_status"] == "dash" for r in dashes)
    assert all((r["value"] == "") == (r["value_status"] != "value") for r in rows)
    assert {r["value_status"] for r in rows} == {"value", "dash", "blank", "unreadable"}


def test_unreadable_cells_are_not_placed(pub):
    """Table 2's Ust-Kamenogorsk row prints 6 values for 7 columns: the four middle cells are unreadable."""
    uk = pub.filter((pl.col("table_no") == "2") & (pl.col("row_key") == "ust-kamenogorsk"))
    status = dict(zip(uk["period"], uk["value_status"]))
    assert [status[p] for p in ("2011-2012", "2012-2013", "2014", "2015")] == ["unreadable"] * 4
    assert status["2010"] == "value" and status["2017"] == "dash"
    assert uk.filter(pl.col("value_status") != "value")["value"].is_null().all()


@pytest.mark.parametrize("body, field", [
    ("kibhr-2017,2017,2,aktau,count,0.0,dash,-,0,table,1,true,\n", "value_status"),       # a dash stored as 0
    ("kibhr-2017,2017,2,aktau,count,,value,-,0,table,1,true,\n", "value_status"),         # no number, said 'value'
    ("kibhr-2017,2017,2,aktau,count,,dash,3,0,table,1,true,\n", "value_status"),          # 'dash' printing a number
    ("kibhr-2017,2017,2,aktau,count,,zero,-,0,table,1,true,\n", "value_status"),          # unknown status
])
def test_rejects_a_missing_value_stored_as_a_number(tmp_path, body, field):
    with pytest.raises(PublishedDataError, match=f"line 2, field '{field}'"):
        load_published(write(tmp_path, body))


def test_accepts_dash_blank_and_unreadable(tmp_path):
    df = load_published(write(tmp_path, "kibhr-2017,2017,2,aktau,count,,dash,-,0,table,1,true,\n"
                                        "kibhr-2017,2017,2,almaty,count,,blank,,0,table,1,true,\n"
                                        "kibhr-2017,2017,2,astana,count,,unreadable,,0,table,1,true,lost\n"))
    assert df["value"].null_count() == 3
    assert df["value_status"].to_list() == ["dash", "blank", "unreadable"]
