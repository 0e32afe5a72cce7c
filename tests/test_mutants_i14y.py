"""Tests written to kill the hand mutants of a sixth reviewer (scripts/mutate_by_hand_i14y.py) that the suite let
live: every expected value below is worked out by hand from the few figures, cards or rows typed in the test (the
comments say how), never taken from the code under test. Tiny fixtures, no pipeline run, no GX validation."""
from __future__ import annotations

import duckdb
import pytest

T = "total"


def _data(figs: dict, order: list[str]):
    from tests.test_report_sentences_values import _data as data

    return data(figs, order)


def _sentences(figs: dict, order: list[str], period: str = "2017") -> tuple[dict, dict]:
    from tests.test_report_sentences_values import sentences_of

    return sentences_of(figs, order, period)


# ---- the report's sentences
def test_law_abidance_of_two_periods_with_the_genitive_after_iz():
    # 2 of 3 assemblies unsanctioned (Table 9: 66.7 % -> "67%": whole percent from 10 up); "из 3 собраний" (genitive
    # plural after "из", not "3 собрания"); Table 12 of 2016 20 %, of 2017 40 %: over the two periods a mean of 30 %
    # is said already with two periods
    ru, en = _sentences({"2016": {("12", T, "law_abidance_pct"): 20.0},
                         "2017": {("summary", T, "unsanctioned"): 2.0, ("summary", T, "assemblies"): 3.0,
                                  ("9", T, "share_pct"): 66.7, ("12", T, "law_abidance_pct"): 40.0}}, ["2016", "2017"])
    assert ru["law"] == ("Без разрешения прошли 2 из 3 собраний, то есть 67%. «Индекс законопослушности» составил 40% "
                         "(в 2016 году — 20%); в среднем за все периоды — 30% (см. табл. №12).")
    assert en["law"] == ("2 of 3 assemblies were held without permission, that is 67%. The law-abidance index was 40% "
                         "(20% in 2016); 30% on average over all periods (Table 12).")


# ---- sql/reconciliation.sql at the tolerance's edge and for cells that hold no printed number
def _reconcile(derived: list[tuple], published: list[tuple]) -> dict:
    import tests.test_reconciliation_values as rv

    con = rv.warehouse()
    con.executemany("INSERT INTO derived_figures (period, table_no, row_key, col_key, value, provenance) "
                    "VALUES ('2018', ?, ?, ?, ?, 'derived')", derived)
    con.executemany("INSERT INTO published_figures (source, period, table_no, row_key, col_key, value, value_status, "
                    "provenance, printed, decimals, location, \"primary\") "
                    "VALUES ('p', '2018', ?, ?, ?, ?, ?, 'published', ?, ?, 'table', true)", published)
    return {(r["table_no"], r["row_key"], r["col_key"]): r for r in rv.reconcile(con, "2018")}


def test_a_difference_of_exactly_the_tolerance_matches_and_a_dash_has_no_published_value():
    # decimals 0: tolerance 0.5 + 1e-9; derived 0.5 + 1e-9 against a printed 0 differs by exactly that -> match (not
    # match_truncated); a dash and an unreadable cell carry a number in `value` (the reader's guess): no published value
    edge = 0.5 + 1e-9
    got = _reconcile([("2", T, "edge", edge), ("2", T, "dash", 3.0), ("2", T, "unread", 2.0)],
                     [("2", T, "edge", 0.0, "value", "0", 0), ("2", T, "dash", 0.0, "dash", "-", 0),
                      ("2", T, "unread", 1.0, "unreadable", "1?", 0)])
    assert {k: (r["status"], r["published"]) for k, r in got.items()} == {
        ("2", T, "edge"): ("match", 0.0), ("2", T, "dash"): ("mismatch", None), ("2", T, "unread"): ("not_published", None)}


def test_the_mean_duration_is_compared_only_when_the_previous_period_has_one():
    # 2016 has no Table 19: no comparison, so no sentence (not "(в 2016 году — —)"); with 2016's mean of 30 min and
    # 2017's 45.5: "45,5 мин. (в 2016 году — 30)" (a mean: one decimal unless whole)
    ru, en = _sentences({"2016": {("2", T, "count"): 4.0}, "2017": {("2", T, "count"): 5.0, ("19", T, "duration_avg_min"): 45.0}},
                        ["2016", "2017"])
    assert (ru["statistics"], en["statistics"]) == ("", "")
    ru, en = _sentences({"2016": {("2", T, "count"): 4.0, ("19", T, "duration_avg_min"): 30.0},
                         "2017": {("2", T, "count"): 5.0, ("19", T, "duration_avg_min"): 45.5}}, ["2016", "2017"])
    assert ru["statistics"] == "Средняя продолжительность собрания — 45,5 мин. (в 2016 году — 30)."
    assert en["statistics"] == "The mean duration was 45.5 min (30 in 2016)."


# ---- sql/coverage.sql: a period of one card, its primary printing of Table 2's total
def test_one_card_of_four_published_is_a_partial_quarter():
    # tests/test_sql_models.py's warehouse holds one card of 2016 (c5); the 2016 report printed 4 assemblies in Table 2
    # (its primary printing; another printing says 10): coverage partial, 1 / 4 = 0.25 digitised
    import tests.test_sql_models as base
    from assets.core.sqlfiles import sql

    con = base.warehouse()
    con.executemany("INSERT INTO published_figures (source, period, table_no, row_key, col_key, value, value_status, provenance, "
                    "printed, decimals, location, \"primary\") VALUES ('p', '2016', '2', 'total', 'count', ?, 'value', "
                    "'published', ?, 0, 'table', ?)", [(4.0, "4", True), (10.0, "10", False)])
    got = con.execute(sql("coverage"), {"period": "2016", "declared": "partial", "basis": "monitors",
                                        "provenance": "derived"}).fetchall()
    assert [(r[2], r[5], r[6], r[7]) for r in got] == [("partial", 1, 4.0, 0.25)]


# ---- the view: a cell of 0 against its printing, cities of equal totals in the report's (Russian) order
def test_a_derived_zero_is_shown_as_the_report_printed_it_a_dash_only_for_a_dash():
    # Table 2's total 0 where the report printed "0" (a number): "0"; where it printed "-" (none): "—", as printed
    from assets.report.period_view import PeriodView
    from assets.report.published import Printed

    d = _data({"2017": {("2", T, "count"): 0.0, ("2", "almaty", "count"): 0.0}}, ["2017"])
    d.printed[("2017", "2", T, "count")] = Printed("0", 0, 0.0, "value")
    d.printed[("2017", "2", "almaty", "count")] = Printed("-", 0, None, "dash")
    v = PeriodView(d, "2017", "ru")
    assert (v.cell("2", T, "count"), v.cell("2", "almaty", "count")) == ("0", "—")


def test_cities_of_equal_sums_are_in_the_order_of_their_russian_names():
    # Table 18: Шымкент (shymkent) 5 and Тараз (taraz) 5 participants: a tie, broken by the Russian name, Т before Ш
    # (by the key it would be shymkent first), in both editions; the total row last
    from assets.report import period_tables
    from assets.report.period_view import PeriodView

    d = _data({"2017": {("18", "shymkent", "participants"): 5.0, ("18", "taraz", "participants"): 5.0,
                        ("18", T, "participants"): 10.0}}, ["2017"])
    for lang, want in (("ru", ["Тараз", "Шымкент", "**ВСЕГО**"]), ("en", ["Taraz", "Shymkent", "**Total**"])):
        md = period_tables.periods_by_city(PeriodView(d, "2017", lang), "18", [("participants", "P")])
        rows = [line.split(" | ")[0].lstrip("| ") for line in md.splitlines() if line.startswith("| ")][2:]
        assert rows == want


# ---- the quality gate: provenance is derived or published, nothing else
def test_a_figure_of_another_provenance_fails_the_gate(tmp_path, monkeypatch):
    # one figure, Table 2's total of 1 assembly, "estimated" (neither derived nor published): only `provenance` fails
    from assets.quality import gx_suite
    from tests.test_check_values import _frame

    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path))  # the GX project under a temporary folder, not the checkout
    o = gx_suite.validate_figures(_frame([("2017", "2", T, "count", 1.0, "estimated")]), "2017", data_docs=False)
    assert (o.success, [x.check for x in o.failures]) == (False, ["provenance"])


def test_a_police_index_of_zero_over_unsanctioned_assemblies_is_said_and_a_missing_earlier_share_is_not():
    # Table 14's index 0.5, Table 14-1's 0 (no police at an unsanctioned assembly): "0,00" is said, not left out (an
    # index at 2 decimals); Table 17 of 2017 25 %, none in 2016: no "(в 2016 году — …)"
    ru, en = _sentences({"2016": {("2", T, "count"): 4.0},
                         "2017": {("14", T, "police_control_index"): 0.5, ("14-1", T, "police_control_index"): 0.0,
                                  ("17", T, "share_pct"): 25.0}}, ["2016", "2017"])
    assert ru["police"] == "«Индекс полицейского контроля» по всем собраниям составил 0,50, по несанкционированным — 0,00 (см. табл. №14-1)."
    assert en["police"] == "The police control index over all assemblies was 0.50, over unsanctioned ones 0.00 (Table 14-1)."
    assert (ru["courts"], en["courts"]) == ("Таким образом, до суда дошли 25% несанкционированных собраний.",
                                            "So 25% of unsanctioned assemblies reached court.")


def test_the_previous_periods_share_is_quoted_as_its_report_printed_it():
    # 2016 published Table 9 printed "86,5" (one decimal): quoted so, "86,5%", not re-rounded to "86%"; 1 of 4 in 2017
    # = 25 %; the mean of 86.5 and 25 over 2 periods = 55.75 -> "56%"
    from assets.report import sentences
    from assets.report.period_view import PeriodView
    from assets.report.published import Printed

    d = _data({"2016": {("9", T, "share_pct"): 86.5},
               "2017": {("summary", T, "unsanctioned"): 1.0, ("summary", T, "assemblies"): 4.0, ("9", T, "share_pct"): 25.0}},
              ["2016", "2017"])
    d.published.add(("2016", "9"))
    d.printed[("2016", "9", T, "share_pct")] = Printed("86,5", 1, 86.5, "value")
    assert sentences.build(PeriodView(d, "2017", "ru"))["law"] == (
        "Без разрешения прошло 1 из 4 собраний, то есть 25% (в 2016 году — 86,5%). В среднем за 2 периода мониторинга "
        "без разрешения проводились 56% собраний (см. табл. №9).")
    assert sentences.build(PeriodView(d, "2017", "en"))["law"] == (
        "1 of 4 assemblies was held without permission, that is 25% (86.5% in 2016). Over 2 monitoring periods, 56% of "
        "assemblies on average were unsanctioned (Table 9).")


def test_a_city_whose_known_durations_are_all_zero_keeps_its_row():
    # Table 19: almaty 30 min in all, astana 0 (known: every duration 0 minutes) -> a row "Астана | 0", not left out
    from assets.report import period_tables
    from assets.report.period_view import PeriodView

    d = _data({"2017": {("19", "almaty", "duration_total_min"): 30.0, ("19", "astana", "duration_total_min"): 0.0,
                        ("19", T, "duration_total_min"): 30.0}}, ["2017"])
    md = period_tables.periods_by_city(PeriodView(d, "2017", "ru"), "19", [("duration_total_min", "Минуты")])
    assert [line for line in md.splitlines() if line.startswith("| ")][2:] == [
        "| Алматы | 30 |", "| Астана | 0 |", "| **ВСЕГО** | 30 |"]


def test_table_5_has_no_mean_and_table_9_the_mean_of_its_periods():
    # the seed prints a mean under its Table 9 ("В среднем 86%"), none under Table 5: Table 5 (NGOs 40 % in 2016, 60 % in
    # 2017) without one; Table 9 (50 %, 70 %): "В среднем за все периоды: 60%."
    from assets.report import period_tables
    from assets.report.period_view import PeriodView

    d = _data({"2016": {("5", "ngo", "share_pct"): 40.0, ("9", T, "share_pct"): 50.0},
               "2017": {("5", "ngo", "share_pct"): 60.0, ("9", T, "share_pct"): 70.0}}, ["2016", "2017"])
    f = period_tables.fragments(PeriodView(d, "2017", "ru"))
    assert "| Общественные организации | 40% | 60% |" in f["t05"].splitlines() and "В среднем" not in f["t05"]
    assert "В среднем за все периоды: 60%." in f["t09"].splitlines()


# ---- redaction: a short name in a file refused as a whole is still a name
def test_a_short_name_of_a_refused_file_is_private():
    # "Ким Ан" (3 + 2 letters) under `name:` in a YAML file refused whole: a name to keep out (a word of 3 letters is
    # enough; a lone "Ли" of 2 is not taken for one)
    from assets.validate.redaction import private_names
    from tests.test_redaction_values import _refused

    con = _refused(("k.yaml", "- name: Ким Ан\n- name: Ли\n".encode()))
    assert private_names(con, "2017") == ["Ким Ан"]


# ---- coercion: a time YAML read as a number of minutes
def test_a_yaml_time_is_read_as_typed_not_as_minutes(tmp_path):
    # YAML 1.1 reads `time_start: 15:30` as the base-60 15 * 60 + 30 = 930; the card reader keeps the text it was
    import datetime as dt

    import yaml

    from assets.ingest.readers import read_file
    from assets.validate.coerce import parse_time

    assert yaml.safe_load("a: 15:30\nb: 9:05\n") == {"a": 930, "b": 545}
    fr = read_file(tmp_path / "c.yaml", "card_id: 2017-T-1\ntime_start: 15:30\ntime_end: 9:05\nduration: 1:30:00\n".encode())
    assert fr.problem is None
    data = fr.records[0].data
    assert (data["time_start"], data["time_end"], data["duration"]) == ("15:30", "9:05", "1:30:00")
    assert (parse_time(data["time_start"]), parse_time(data["time_end"])) == (dt.time(15, 30), dt.time(9, 5))
