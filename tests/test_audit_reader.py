"""The careful reader's rules (assets/derive/audit/reader.py), root grouping and levels, on small hand-made
frames: each rule fires on a broken report and stays silent on a consistent one."""
from __future__ import annotations

import polars as pl

from tests.test_audit import audit, fig, only, table1


def with_status(rows, status):
    """Rows of the frame with a value_status column (missing is not zero)."""
    df = pl.DataFrame(rows)
    return df.with_columns(pl.Series("value_status", status))


# ------------------------------------------------------------------ listed_count

def test_stated_count_against_the_listed_items():
    ok = [fig("summary", "total", "obstructed", "5", location="text", line=10),
          fig("summary", "total", "obstructed_listed", "5.", location="text", line=12)]
    assert audit(*ok).height == 0
    bad = [fig("summary", "total", "obstructed", "6", location="text", line=10),
           fig("summary", "total", "obstructed_listed", "5.", location="text", line=12)]
    f = only(audit(*bad), "listed_count")
    assert f.height == 1 and f["published"][0] == 6 and f["expected"][0] == 5
    assert "2017|summary|total|obstructed_listed" in f["cells"][0]


# ------------------------------------------------------------------ trend

def series(values, table="15", row="total", col="police_control_index"):
    ps = ["2014", "2015", "2016", "2017"]
    return [fig(table, row, col, v, period=p) for p, v in zip(ps, values)]


def test_trend_word_against_its_numbers():
    down = fig("summary", f"15/total/police_control_index", "trend", "к снижению", -1.0, location="text", line=9)
    assert audit(*series(["0.41", "0.35", "0.30", "0.14"]), down).height == 0
    out = only(audit(*series(["0.41", "0.35", "0.14", "0.32"]), down), "trend")
    assert out.height == 1 and "0.14" in out["message"][0] and "0.32" in out["message"][0]
    up = fig("summary", "8/happening/count", "trend", "все чаще", 1.0, location="text", line=9)
    forms = [fig("8", "happening", "count", "6", period="2016"), fig("8", "happening", "count", "-", period="2017")]
    assert only(audit(*forms, up), "trend").height == 1        # 6 -> "-" (none) is no increase
    forms = [fig("8", "happening", "count", "1", period="2016"), fig("8", "happening", "count", "2", period="2017")]
    assert only(audit(*forms, up), "trend").height == 0


# ------------------------------------------------------------------ category_swap

def test_list_total_announced_for_one_category_equal_to_another():
    counts = [fig("4", "social", "count", "28"), fig("4", "economic", "count", "6"), fig("4", "political", "count", "2")]
    ok = fig("summary", "topics/social", "announced_list_total", "28", location="text", line=5)
    assert audit(*counts, ok).height == 0
    swapped = fig("summary", "topics/social", "announced_list_total", "6", location="text", line=5)
    f = only(audit(*counts, swapped), "category_swap")
    assert f.height == 1 and f["expected"][0] == 28 and "economic" in f["message"][0]
    other = fig("summary", "topics/social", "announced_list_total", "7", location="text", line=5)
    assert only(audit(*counts, other), "category_swap").height == 0   # wrong, but no other category's


# ------------------------------------------------------------------ whole_base

def test_shares_that_fit_no_common_base():
    base = [*table1({"almaty": 36}, 36), fig("11", "total", "unsanctioned", "31"), fig("11", "total", "count", "36")]
    # of 31 unsanctioned: 9, 3, 4, 15 -> 29, 10, 13, 48 %
    ok = [fig("10", "expected_refusal", "share_pct", "29%"), fig("10", "unaware", "share_pct", "10%"),
          fig("10", "spontaneous", "share_pct", "13%"), fig("10", "unknown", "share_pct", "48%")]
    assert only(audit(*base, *ok), "whole_base").height == 0
    bad = [fig("10", "expected_refusal", "share_pct", "28%"), fig("10", "unaware", "share_pct", "11%"),
           fig("10", "spontaneous", "share_pct", "13%"), fig("10", "unknown", "share_pct", "48%")]
    f = only(audit(*base, *bad), "whole_base")
    assert f.height == 1 and "36" in f["message"][0] and "31" in f["message"][0]


# ------------------------------------------------------------------ cross_table

def test_what_is_left_for_one_group():
    t11 = [fig("11", "temirtau", "unsanctioned", "1"), fig("11", "temirtau", "sanctioned", "0"),
           fig("11", "semey", "unsanctioned", "0"), fig("11", "semey", "sanctioned", "1")]
    t14 = [fig("14", "temirtau", "participants", "1000"), fig("14", "semey", "participants", "14"),
           fig("14", "temirtau", "police", "0"), fig("14", "semey", "police", "23"),
           fig("14", "total", "participants", "1014"), fig("14", "total", "police", "23")]
    ok = [fig("14-1", "total", "participants", "1000"), fig("14-1", "total", "police", "0")]
    assert only(audit(*t11, *t14, *ok), "cross_table").height == 0
    bad = [fig("14-1", "total", "participants", "327"), fig("14-1", "total", "police", "23")]
    out = only(audit(*t11, *t14, *bad), "cross_table")
    assert set(out["col_key"]) == {"participants", "police"}
    # one cause: participants and police excluding the sanctioned assemblies are separate roots
    assert out["root_id"].n_unique() == 2


# ------------------------------------------------------------------ ragged rows placed by judgement

def test_judgement_cells_carry_no_finding_but_an_impossible_row_does():
    t2 = [fig("2", "aktobe", "count", "3", period="2014"), fig("2", "aktobe", "count", "-", period="2015"),
          fig("2", "aktobe", "count", "2", period="2016"), fig("2", "total", "count", "3", period="2014"),
          fig("2", "total", "count", "0", period="2015"), fig("2", "total", "count", "2", period="2016")]
    j = "judgement: ragged row"
    # three values for two periods with assemblies: one of them fits no period, wherever placed
    t3 = [fig("3", "aktobe", "activity_index", "0,25", period="2014", note=j),
          fig("3", "aktobe", "activity_index", "0,1", period="2015", note=j),
          fig("3", "aktobe", "activity_index", "0,17", period="2016", note=j)]
    out = audit(*t2, *t3)
    assert set(out["rule"]) == {"impossible_row"} and out.height == 1 and out["published"][0] == 0.1
    # two values that fit the two periods in another order: no finding at all
    t3 = [fig("3", "aktobe", "activity_index", "0,17", period="2014", note=j),
          fig("3", "aktobe", "activity_index", "0,25", period="2015", note=j)]
    assert audit(*t2, *t3).height == 0


# ------------------------------------------------------------------ levels and roots

def test_a_difference_within_the_tables_printed_rounding_is_level_rounding():
    t2 = [fig("2", "total", "count", "52", period="2016")]
    rows = [fig("4", "political", "share_pct", "15.5%", period="2016"), fig("4", "economic", "share_pct", "15.5%", period="2016"),
            fig("4", "social", "share_pct", "69%", period="2016")]
    out = audit(*t2, *rows)
    assert out.height == 2 and set(out["level"]) == {"rounding"} and out["root_id"].n_unique() == 1
    rows[0] = fig("4", "political", "share_pct", "13.5%", period="2016")   # 7/52 = 13.46: fine; 8/52 = 15.4
    rows[1] = fig("4", "economic", "share_pct", "18.5%", period="2016")    # 9/52 = 17.3, 10/52 = 19.2: an error
    out = audit(*t2, *rows)
    assert set(out.filter(pl.col("row_key") == "economic")["level"]) == {"contradiction"}


def test_blank_and_unreadable_cells_are_not_zeros():
    rows = [fig("2", "almaty", "count", "2"), fig("2", "astana", "count", "1"), fig("2", "uralsk", "count", "9"),
            fig("2", "total", "count", "4")]
    df = with_status(rows, ["value", "value", "unreadable", "value"]).with_columns(
        pl.when(pl.col("value_status") == "value").then(pl.col("value")).alias("value"))
    from assets.derive.audit import audit_published
    out = audit_published(df)
    f = only(out, "sum_total")
    # the readable rows sum to 3; the unreadable cell would have to hold 1 — said, never taken as 0 or 9
    assert f.height == 1 and f["expected"][0] == 3 and "would have to hold 1" in f["message"][0]
    # an unreadable city is no implicit zero: no 'participants in a city without assemblies'
    more = pl.concat([df, pl.DataFrame([fig("18", "uralsk", "participants", "7")]).with_columns(
        pl.lit("value").alias("value_status"))], how="diagonal_relaxed")
    assert only(audit_published(more), "impossible").height == 0
