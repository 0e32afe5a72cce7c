"""Tests for the survivors of issue 14's re-runs with the fixed harness (branch i14k), each on a tiny hand-made
fixture with its expected values worked out by hand (docs/testing.md, "Measured score", 2026-12-01, branch i14k).

1. The workbook's sheets follow the report's table numbers, not their text: tables 10, 14-1, 2 and 14 of one period
   are the sheets "table 2", "table 10", "table 14", "table 14-1" (a plain string sort gives 10, 14, 14-1, 2).
2. sql/report/card_changes.sql at a moment `until` that is exactly the start of a revision (valid_from = $until):
   the revision counts as the state at $until, the one it replaces (valid_to = $until) no longer does.

       since 2026-01-01 12:00 UTC, until 2026-02-01 00:00 UTC (= T1); card revisions (valid from - to):
       X  almaty 42 (01-01 - T1), then shymkent 45 (T1 -)   -> changed: city, participants
       Y  astana 10 (01-01 - T1), nothing after              -> removed
       Z  taraz 7 (T1 -)                                     -> added
       W  almaty 3 (01-01 -), its person p1 -> p2 at T1      -> changed: persons
       V  oral 5 (01-01 -), a person q first recorded at T1  -> changed: persons
       U  aktau 8 (01-01 -), its only person r (01-01 - T1)  -> changed: persons
       S  taraz 4 (01-01 -) and its person s (01-01 -)       -> unchanged, not listed
       X  also an event not held (kind event, 01-01 -)       -> unchanged, not listed
       Z2 aktobe 1 and X1 shymkent 2, both 1 March, from T1  -> added (listed by date, city, card id)
       and in period 2016 (none of 2017's changes): R removed and Q added at T1, a person of 2016's card X replaced at T1
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from assets.report import changes

ROOT = Path(__file__).resolve().parents[1]
UTC = dt.timezone.utc
T0, T1 = dt.datetime(2026, 1, 1, tzinfo=UTC), dt.datetime(2026, 2, 1, tzinfo=UTC)
SINCE = dt.datetime(2026, 1, 1, 12, tzinfo=UTC)


def _empty_warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    for f in sorted((ROOT / "sql" / "tables").glob("*.sql")):
        if ".ducklake." not in f.name:
            con.execute(f.read_text(encoding="utf-8"))
    return con


# 1. the workbook's sheet order ---------------------------------------------------------------------------------

def test_the_workbook_sheets_follow_the_table_numbers_not_their_text(tmp_path):
    from openpyxl import load_workbook

    from assets.report import exports

    con = _empty_warehouse()
    # inserted in neither order; one cell per table (table 2 twice: two rows); another period's table 3 is not exported
    con.executemany("INSERT INTO figures (period, table_no, row_key, col_key, value, provenance) VALUES (?, ?, ?, ?, ?, 'derived')", [
        ("2017", "10", "total", "count", 4.0), ("2017", "14-1", "total", "count", 1.0), ("2017", "2", "almaty", "count", 3.0),
        ("2017", "2", "total", "count", 5.0), ("2017", "14", "total", "count", 2.0), ("2016", "3", "total", "count", 9.0)])
    exports.export_period(con, "2017", out=tmp_path / "x", max_rows=100)
    wb = load_workbook(tmp_path / "x" / "tables-2017.xlsx", read_only=True)
    assert wb.sheetnames == ["table 2", "table 10", "table 14", "table 14-1"]
    rows = list(wb["table 2"].iter_rows(values_only=True))
    assert sorted(rows[1:]) == [("almaty", 3), ("total", 5)]


# 2. the changes up to a moment that is exactly a revision's start ------------------------------------------------

def _revisions() -> duckdb.DuckDBPyConnection:
    con = _empty_warehouse()
    con.executemany("INSERT INTO card_revision_rows (kind, row_hash, valid_from, valid_to, period, card_id, date, city, participants) "
                    "VALUES (?, ?, ?, ?, '2017', ?, ?, ?, ?)", [
                        ("event", "e1", T0, None, "X", dt.date(2017, 3, 1), "almaty", None)])  # an event not held, id X too
    con.executemany("INSERT INTO card_revision_rows (kind, row_hash, valid_from, valid_to, period, card_id, date, city, participants) "
                    "VALUES ('card', ?, ?, ?, '2017', ?, ?, ?, ?)", [
                        ("x1b", T1, None, "X1", dt.date(2017, 3, 1), "shymkent", 2),
                        ("z2", T1, None, "Z2", dt.date(2017, 3, 1), "aktobe", 1),
                        ("s1c", T0, None, "S", dt.date(2017, 9, 1), "taraz", 4),
                        ("x1", T0, T1, "X", dt.date(2017, 3, 1), "almaty", 42),
                        ("x2", T1, None, "X", dt.date(2017, 3, 1), "shymkent", 45),
                        ("y1", T0, T1, "Y", dt.date(2017, 4, 1), "astana", 10),
                        ("z1", T1, None, "Z", dt.date(2017, 5, 1), "taraz", 7),
                        ("w1", T0, None, "W", dt.date(2017, 6, 1), "almaty", 3),
                        ("v1", T0, None, "V", dt.date(2017, 7, 1), "oral", 5),
                        ("u1", T0, None, "U", dt.date(2017, 8, 1), "aktau", 8)])
    con.executemany("INSERT INTO person_revision_rows (row_hash, valid_from, valid_to, period, card_id, person_id, pseudonym) "
                    "VALUES (?, ?, ?, '2017', ?, ?, 'A')", [("p1", T0, T1, "W", "p"), ("p2", T1, None, "W", "p"),
                                                            ("q1", T1, None, "V", "q"), ("r1", T0, T1, "U", "r"),
                                                            ("s1", T0, None, "S", "s")])
    # another period, never in 2017's changes: its card R removed and Q added at T1, and persons of its own card X
    # (card ids repeat between periods) replaced at T1
    con.executemany("INSERT INTO card_revision_rows (kind, row_hash, valid_from, valid_to, period, card_id, date, city, participants) "
                    "VALUES ('card', ?, ?, ?, '2016', ?, ?, ?, ?)", [
                        ("r2016", T0, T1, "R", dt.date(2016, 3, 1), "almaty", 1),
                        ("q2016", T1, None, "Q", dt.date(2016, 4, 1), "almaty", 2)])
    con.executemany("INSERT INTO person_revision_rows (row_hash, valid_from, valid_to, period, card_id, person_id, pseudonym) "
                    "VALUES (?, ?, ?, '2016', 'X', 'k', 'B')", [("k1", T0, T1), ("k2", T1, None)])
    return con


def test_card_changes_until_the_very_moment_of_the_corrections():
    got = changes.card_changes(_revisions(), "2017", SINCE, T1)
    # by date, city, card id: on 1 March Z2 (aktobe), then X and X1 (shymkent)
    assert [(r["card_id"], r["change"], r["city"], r["fields"]) for r in got.iter_rows(named=True)] == [
        ("Z2", "added", "aktobe", []),
        ("X", "changed", "shymkent", ["city", "participants"]),
        ("X1", "added", "shymkent", []),
        ("Y", "removed", "astana", []),
        ("Z", "added", "taraz", []),
        ("W", "changed", "almaty", ["persons"]),
        ("V", "changed", "oral", ["persons"]),
        ("U", "changed", "aktau", ["persons"])]


def test_card_changes_until_a_moment_before_the_corrections_see_none():
    # one microsecond before T1 the state is still that of 01-01
    assert changes.card_changes(_revisions(), "2017", SINCE, T1 - dt.timedelta(microseconds=1)).height == 0


# 3. the sums' tolerance (assets/quality/gx_expectations.py TOLERANCE = 1e-6) ------------------------------------

def _sums_rows(total: float) -> list[tuple]:
    # Table 14, participants: almaty 10 + astana 5 = 15 by hand; the total row as given
    return [("2017", "14", "almaty", "participants", 10.0, "derived"), ("2017", "14", "astana", "participants", 5.0, "derived"),
            ("2017", "14", "total", "participants", total, "derived")]


def test_rows_that_miss_their_total_by_less_than_a_millionth_pass_and_by_two_millionths_fail(monkeypatch, tmp_path):
    from assets.quality import gx_suite
    from tests.test_check_values import _frame

    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path))  # the GX project under a temporary build folder
    near = gx_suite.validate_figures(_frame(_sums_rows(15.0000005)), "2017", data_docs=False)  # 5e-7 off: within 1e-6
    assert (near.success, [x.check for x in near.failures]) == (True, [])
    far = gx_suite.validate_figures(_frame(_sums_rows(15.000002)), "2017", data_docs=False)  # 2e-6 off: outside
    assert [x.check for x in far.failures] == ["rows_sum_to_total"]


# 4. the words of the quality gate (assets/quality/gx_outcomes.py) where the usual rows are missing --------------

def test_a_check_without_words_of_its_own_shows_the_row_as_it_is():
    from assets.quality.gx_outcomes import _explain

    assert _explain("trend_known", {"table_no": "3", "value": 2.0}) == "{'table_no': '3', 'value': 2.0}"


def test_failures_without_their_rows_are_counted_and_sampled():
    from assets.quality.gx_outcomes import _explanations

    assert _explanations("share_0_100", {"unexpected_count": 2, "partial_unexpected_list": [120.0, 101.5]}) == [
        "2 unexpected values: [120.0, 101.5]"]


def test_an_expectation_that_could_not_run_fails_and_says_why():
    from types import SimpleNamespace as NS

    from assets.quality.gx_outcomes import ExpectationOutcome, read_outcomes

    cfg = NS(meta={"check": "share_0_100"}, description="Shares lie in 0-100.", type="expect_column_values_to_be_between")
    raised = NS(expectation_config=cfg, success=False, result={},
                exception_info={"raised_exception": True, "exception_message": "no column value"})
    failed = NS(expectation_config=cfg, success=False, exception_info={"raised_exception": False},
                result={"unexpected_count": 3, "partial_unexpected_list": [101.0, 120.0, 150.0]})
    assert read_outcomes("figures", NS(results=[raised, failed])) == [
        ExpectationOutcome("share_0_100", "figures", "expect_column_values_to_be_between", "Shares lie in 0-100.", False, 0,
                           ["the expectation could not run: no column value"]),
        ExpectationOutcome("share_0_100", "figures", "expect_column_values_to_be_between", "Shares lie in 0-100.", False, 3,
                           ["3 unexpected values: [101.0, 120.0, 150.0]"])]


# 5. the remainders (sql/report/remainders.sql): a tie for second place, a total not known --------------------------

def _figures(rows) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE figures (period VARCHAR, table_no VARCHAR, row_key VARCHAR, col_key VARCHAR, value DOUBLE, provenance VARCHAR)")
    con.executemany("INSERT INTO figures VALUES (?, ?, ?, ?, ?, 'derived')", rows)
    return con


def test_a_tie_for_second_place_goes_to_the_first_row_key_in_order():
    from assets.report import stats

    # Table 1 of 2017: almaty 5, then shymkent 3 and astana 3 (a tie; inserted shymkent first), semey 1; total 12
    con = _figures([("2017", "1", "almaty", "count", 5.0), ("2017", "1", "shymkent", "count", 3.0),
                    ("2017", "1", "astana", "count", 3.0), ("2017", "1", "semey", "count", 1.0),
                    ("2017", "1", "total", "count", 12.0)])
    r = stats.remainders(con)[("2017", "1", "count")]
    # the second is astana (before shymkent by name); the remainder 12 - 5 - 3 = 4 covers shymkent and semey
    assert (r["first_row"], r["second_row"], r["remainder"], r["remainder_rows"]) == ("almaty", "astana", 4.0, 2)


def test_no_remainder_where_the_total_is_not_known():
    from assets.report import stats

    # Table 1 of 2016: three cities, the total row without a value (not published); Table 1 of 2017 complete
    con = _figures([("2016", "1", "almaty", "count", 5.0), ("2016", "1", "astana", "count", 3.0),
                    ("2016", "1", "semey", "count", 1.0), ("2016", "1", "total", "count", None),
                    ("2017", "1", "almaty", "count", 4.0), ("2017", "1", "astana", "count", 2.0),
                    ("2017", "1", "semey", "count", 1.0), ("2017", "1", "total", "count", 8.0)])
    got = stats.remainders(con)
    assert list(got) == [("2017", "1", "count")] and got[("2017", "1", "count")]["remainder"] == 8.0 - 4.0 - 2.0


# 6. a ratio in words just above a half-tenth (assets/report/fmt.times) -------------------------------------------

def test_a_ratio_just_above_a_half_tenth_is_rounded_once_to_the_tenth():
    from assets.report import fmt

    # 2.651 to the nearest tenth is 2.7 (rounded once; to 2.65 first, then to a tenth, it would print 2,6)
    assert (fmt.times(2.651, "ru"), fmt.times(2.651, "en")) == ("в 2,7 раза", "2.7 times")
    assert (fmt.times(0.151, "ru"), fmt.times(0.151, "en")) == ("в 0,2 раза", "0.2 times")


# 7. the organisers' sentence compares Table 5's share, not Table 6's (a published report may print them apart) ------

def test_the_ngo_share_compared_is_table_5s():
    import copy

    from tests.test_report_sentences_values import FIGURES, ORDER, sentences_of

    figs = copy.deepcopy(FIGURES)
    figs["2017"][("5", "ngo", "share_pct")] = 55.0  # Table 6 keeps 58.3 % (7 of 12); 2016's Table 5: 62.4 %
    ru, en = sentences_of(figs, ORDER)
    assert ru["organizers"] == ("Организаторами собраний были: общественные организации и партии — 7 (58%), одиночки — 5 (42%). "
                                "По сравнению с 2016 годом доля собраний общественных организаций снизилась с 62% до 55% "
                                "(см. табл. №5).")
    assert en["organizers"] == ("The organisers were: NGOs and parties — 7 (58%), individuals — 5 (42%). "
                                "Compared with 2016, the NGOs' share fell from 62% to 55% (Table 5).")


def test_card_changes_since_the_very_moment_of_the_corrections_see_none():
    # since T1 itself: the state at T1 is already the corrected one (x2, z1, p2, q1; y1 and r1 ended at T1)
    assert changes.card_changes(_revisions(), "2017", T1).height == 0


# 8. the appendix in Russian: no change since the last edition; a published figure as the report printed it -------

def test_no_change_since_the_last_edition_in_russian_and_english():
    import polars as pl

    since = dt.datetime(2018, 1, 15, 9, tzinfo=UTC)
    assert changes.appendix_section(pl.DataFrame(), since, None, "ru") == (
        "### Изменения с предыдущего издания\n\nС 15 января 2018 ни одна карточка не изменилась.\n")
    assert changes.appendix_section(pl.DataFrame(), since, None, "en") == (
        "### Changes since the previous edition\n\nNo card has changed since 15 January 2018.\n")


def test_the_russian_appendix_quotes_the_printed_text_of_a_published_figure():
    import dataclasses

    import polars as pl

    from assets.report import appendix
    from assets.report.period_view import PeriodView
    from tests.test_report_tables_values import FIGS, _data

    # Table 9, 2017: derived 75 %, the report printed "около 70%" (about 70 %): quoted in Russian, the number in English
    rec = pl.DataFrame({"period": ["2017"], "table_no": ["9"], "row_key": ["total"], "col_key": ["share_pct"],
                        "derived": [75.0], "published": [70.0], "printed": ["около 70%"], "decimals": [0],
                        "status": ["mismatch"]})
    data = dataclasses.replace(_data(FIGS), reconciliation=rec, audit=None)
    row = {lang: [x for x in appendix.appendix(PeriodView(data, "2017", lang)).splitlines() if x.startswith("| 9")]
           for lang in ("ru", "en")}
    assert [r.split(" | ")[4:6] for r in row["ru"]] == [["75%", "около 70%"]]
    assert [r.split(" | ")[4:6] for r in row["en"]] == [["75%", "70%"]]


def test_the_changes_section_goes_inside_an_appendix_that_follows_other_text():
    from types import SimpleNamespace

    import polars as pl

    # the appendix fragment begins with a note (not with its fence) and ends with the fence: the section goes inside
    ch = pl.DataFrame({"date": [dt.date(2017, 2, 1)], "city": ["astana"], "change": ["added"], "fields": [[]]})
    ctx = SimpleNamespace(lang="en", fragments={"appendix": "Note.\n\n::: {#appendix .appendix}\n## Appendix\n:::\n"})
    changes.add_section(ctx, (ch, dt.datetime(2018, 1, 15, tzinfo=UTC), None))
    text = ctx.fragments["appendix"]
    assert text.startswith("Note.\n\n::: {#appendix .appendix}\n## Appendix\n\n### Changes since the previous edition\n")
    # the table is a fenced div of its own (as in test_report_view_values): its fences, then the appendix's closing one
    assert text.endswith("| 1 February 2017 | Astana | added |  |\n:::\n\n:::\n") and text.count(":::") == 4


# 9. the report's tables 10 and 14-1, and a mean over exactly two periods (assets/report/period_tables.py) ---------

def test_tables_10_and_14_1_and_a_mean_over_two_periods():
    import copy

    from assets.report import period_tables
    from assets.report.period_view import PeriodView
    from tests.test_report_tables_values import FIGS, _data

    figs = copy.deepcopy(FIGS)  # Table 14-1 2017: police control index 3.25; participants 120 and police 30 added
    figs["2017"][("14-1", "total", "participants")] = 120.0
    figs["2017"][("14-1", "total", "police")] = 30.0
    figs["2017"][("10", "principled", "share_pct")] = 60.0
    del figs["2015"][("9", "total", "share_pct")]  # Table 9 in 2016 (80 %) and 2017 (75 %) only: mean 77.5 -> 78 %
    f = period_tables.fragments(PeriodView(_data(figs), "2017", "ru"))
    assert "| Принципиально, не желая подчиняться недемократическому закону | 60% |" in f["t10"].splitlines()
    assert "| **ВСЕГО** | 120 | 30 | 3,25 |" in f["t14_1"].splitlines()
    assert "| Доля несанкционированных | 80% | 75% |" in f["t09"].splitlines()
    assert f["t09"].endswith("\nВ среднем за все периоды: 78%.\n")


def test_the_changes_up_to_a_date_in_russian():
    import polars as pl

    ch = pl.DataFrame({"date": [dt.date(2017, 2, 1)], "city": ["astana"], "change": ["added"], "fields": [[]]})
    text = changes.appendix_section(ch, dt.datetime(2018, 1, 15, tzinfo=UTC), dt.datetime(2018, 2, 1, tzinfo=UTC), "ru")
    assert "Карточки, добавленные, исправленные или удалённые с 15 января 2018 по 1 февраля 2018.\n" in text


def test_card_changes_on_one_day_in_one_city_come_by_card_id():
    """Thirty cards added on one day in one city, inserted in a shuffled order: the appendix lists them by id
    (card_changes.sql's last ORDER BY key; without it the rows come in the join's order)."""
    import random

    con = _empty_warehouse()
    ids = [f"C{n:02d}" for n in range(30)]
    random.Random(14).shuffle(ids)
    con.executemany("INSERT INTO card_revision_rows (kind, row_hash, valid_from, valid_to, period, card_id, date, city, participants) "
                    "VALUES ('card', ?, ?, NULL, '2017', ?, ?, 'almaty', 1)",
                    [(f"h{c}", T1, c, dt.date(2017, 3, 1)) for c in ids])
    got = changes.card_changes(con, "2017", SINCE, T1)
    assert got["card_id"].to_list() == [f"C{n:02d}" for n in range(30)]
