"""Tests written to kill the hand mutants of a fifth reviewer (scripts/mutate_by_hand_i14v.py) outside the SQL
models: schemas/card.yaml's court flags read through the real code lists, the blocking checks, the exports, the
validation rules and the report's sentences. Every expected value is worked out by hand from the few rows typed
here (the comments say how); nothing is produced by the code under test. No pipeline run."""
from __future__ import annotations

import duckdb

import tests.test_sql_models as base
from assets.core.codes import COLUMNS, codes_frame


def _warehouse_with_the_cards_code_lists() -> duckdb.DuckDBPyConnection:
    """tests/test_sql_models.py's warehouse, its hand-made code lists replaced by schemas/card.yaml's own."""
    con = base.warehouse()
    con.execute("DELETE FROM codes")
    con.executemany(f"INSERT INTO codes ({', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?)", codes_frame().select(COLUMNS).rows())
    return con


def test_the_card_marks_which_court_outcomes_reached_a_court():
    # period 2017 of tests/test_sql_models.py: judged p1 fine, p4 warning, p6 pending, p7 fine (c2), p2, p10 arrest
    # (c3), p8 acquitted (c1); released p3 (c3), p11 (c4): three cases, seven defendants — by the methodology an
    # acquittal and a pending case went to court, a release without charge did not
    courts = base.run_model(_warehouse_with_the_cards_code_lists(), "t16_courts")
    assert {k: courts[("courts", "total", k)] for k in ("court_cases", "defendants", "acquittals", "released_without_charge")} == {
        "court_cases": 3, "defendants": 7, "acquittals": 1, "released_without_charge": 2}
    # c1 is sanctioned, so Table 17 counts c2 and c3 of the unsanctioned c2, c3, c4
    t17 = base.run_model(_warehouse_with_the_cards_code_lists(), "t17_unsanctioned_to_court")
    assert t17 == {("17", "total", "share_pct"): 200 / 3}


def test_nothing_lost_counts_every_person_of_a_card(tmp_path):
    # tests/test_blocking_checks.py's balanced 2017 (5 raw = 2 cards + 1 event + 1 person + 1 quarantined) and one raw
    # record more, a second person on the same card 2017-c0: 6 = 2 + 1 + 2 + 1, balanced
    from assets.core import warehouse as wh
    from tests.test_blocking_checks import _balanced, _nothing_lost_on, _raw

    db = tmp_path / "w.duckdb"
    _balanced(db)
    with wh.connect(db) as con:
        _raw(con, "2017", 1, start=5)
        con.execute("INSERT INTO persons (period, person_id, card_id, role, pseudonym, record_id, source_file) "
                    "VALUES ('2017', 'p2', '2017-c0', 'participant', 'y', '2017-r5', 'f.csv')")
    r = _nothing_lost_on(db)
    assert (r.passed, r.metadata["unbalanced"].value) == (True, "none")
    with wh.connect(db) as con:  # the second person lost: 6 raw != 2 + 1 + 1 + 1
        con.execute("DELETE FROM persons WHERE person_id = 'p2'")
    r = _nothing_lost_on(db)
    assert (r.passed, r.metadata["unbalanced"].value) == (False, "2017: raw 6 != 3+1+1")


def test_card_ids_of_earlier_and_later_periods_are_known():
    # tests/test_sql_models.py's warehouse: cards c6-c8 of 2015, c1-c4 and events e1, e2, e4 of 2017, c5 and e3 of 2016
    from types import SimpleNamespace

    from assets.validate.validate import known_ids

    elsewhere, incumbents = known_ids(base.warehouse(), SimpleNamespace(id="2016"))
    assert elsewhere == {"c6": "2015", "c7": "2015", "c8": "2015", "c1": "2017", "c2": "2017", "c3": "2017", "c4": "2017",
                         "e1": "2017", "e2": "2017", "e4": "2017"}
    assert incumbents == {"c5": "r-c5", "e3": "r-e3"}


# ---- the report: tests/test_report_sentences_values.py's three hand-typed periods, varied
def _report(changes: dict, drop=()):
    from tests.test_report_sentences_values import _data, _variant

    return _data(_variant(changes, drop))


def test_no_individual_organiser_is_zero_percent_not_missing():
    # 2017's organisers: ngo 7 (100 %), individual 0 (0 %): the share said is "0%", not "—"
    from assets.report import sentences
    from assets.report.period_view import PeriodView

    d = _report({("2017", "6", "ngo", "count"): 7.0, ("2017", "6", "ngo", "share_pct"): 100.0,
                 ("2017", "6", "individual", "count"): 0.0, ("2017", "6", "individual", "share_pct"): 0.0})
    assert sentences.build(PeriodView(d, "2017", "ru"))["individual_share"] == "0%"
    assert sentences.build(PeriodView(d, "2017", "en"))["individual_share"] == "0%"


def test_a_city_of_no_assembly_is_not_one_of_the_other_cities():
    # Table 1 of 2017: almaty 6, astana 3, taraz 0 (shymkent dropped), total 12 -> no "other cities" clause (taraz held none)
    from assets.report import sentences
    from assets.report.period_view import PeriodView

    d = _report({("2017", "1", "taraz", "count"): 0.0, ("2017", "1", "taraz", "share_pct"): 0.0},
                drop=[("1", "shymkent", "count"), ("1", "shymkent", "share_pct")])
    ru, en = sentences.build(PeriodView(d, "2017", "ru")), sentences.build(PeriodView(d, "2017", "en"))
    assert ru["cities"].endswith("чем в 2016 году. На втором месте — Астана: 3 (25%).")
    assert en["cities"].endswith("than in 2016. Next comes Astana: 3 (25%).")


def test_cities_of_a_published_period_are_those_with_assemblies():
    # a period of published tables only: Table 2 almaty 5, astana 0, total 5 -> 1 city ("в 1 городе"), not 2
    from assets.report import text_figures
    from assets.report.period_view import PeriodView
    from tests.test_report_sentences_values import _data

    d = _data({"2017": {("2", "total", "count"): 5.0, ("2", "almaty", "count"): 5.0, ("2", "astana", "count"): 0.0}}, ["2017"])
    s = text_figures.text_variables(PeriodView(d, "2017", "ru"))
    assert (s["assemblies"], s["cities"], s["cities_phrase"], s["assemblies_phrase"]) == ("5", "1", "в 1 городе", "5 мирных собраний")
    e = text_figures.text_variables(PeriodView(d, "2017", "en"))
    assert (e["cities"], e["cities_phrase"]) == ("1", "in 1 city")


def test_police_per_assembly_is_a_mean_with_its_decimal():
    # the summary's police per assembly 5.4 is a mean: "5,4" / "5.4" (a count would be "5"); a whole 6.0 is "6"
    from assets.report import fmt

    assert (fmt.for_column("police_per_assembly", 5.4, "ru"), fmt.for_column("police_per_assembly", 5.4, "en")) == ("5,4", "5.4")
    assert fmt.for_column("police_per_assembly", 6.0, "ru") == "6"
    assert (fmt.for_column("police", 5.4, "ru"), fmt.for_column("participants_avg", 5.4, "ru")) == ("5", "5,4")


# ---- validation: the best estimate outside both bounds given (the bounds themselves in order)
def test_participants_outside_bounds_that_are_in_order_are_quarantined():
    from assets.core import periods
    from tests.test_validation_values import NO_FILES, VALIDATORS, card, raw, rows

    for f in VALIDATORS.values():
        for low, best, high in (("10", "25", "20"), ("20", "5", "30")):
            res = f(periods.get("2017"), raw(card(participants_low=low, participants=best, participants_high=high)), NO_FILES)
            assert rows(res) == [(2, "card", "2017-V-1", "participants", best, "participants_bounds",
                                  f"participants must lie between the low and high estimates: low {low}, best {best}, high {high}")]
            assert res.cards.height == 0
        res = f(periods.get("2017"), raw(card(participants_low="10", participants="20", participants_high="20")), NO_FILES)
        assert rows(res) == [] and res.cards.height == 1


def test_tables_18_and_19_show_a_city_of_an_earlier_period_only():
    # Table 18: Astana 50 participants in 2016 only, Almaty 40 in 2017 only; rows ordered by the sum over the periods
    # (Astana 50 before Almaty 40), each period a column, "—" where a city had none
    from assets.report import period_tables
    from assets.report.period_view import PeriodView
    from tests.test_report_sentences_values import _data

    d = _data({"2016": {("18", "astana", "participants"): 50.0, ("18", "total", "participants"): 50.0},
               "2017": {("18", "almaty", "participants"): 40.0, ("18", "total", "participants"): 40.0}}, ["2016", "2017"])
    ru = period_tables.periods_by_city(PeriodView(d, "2017", "ru"), "18", [("participants", "Участники")])
    assert [line for line in ru.splitlines() if line.startswith("| ")] == [
        "| Город | Участники, 2016 | Участники, 2017 |", "| :--- | ---: | ---: |",
        "| Астана | 50 | — |", "| Алматы | — | 40 |", "| **ВСЕГО** | 50 | 40 |"]
    en = period_tables.periods_by_city(PeriodView(d, "2017", "en"), "18", [("participants", "Participants")])
    assert "| Astana | 50 | — |" in en.splitlines()


def test_remainders_rank_cities_never_a_total_row():
    # Table 1 of 2017: almaty 6, astana 3, shymkent 2, taraz 1, total 12, and a `total_excl_state` row of 11 (a total,
    # not a city): first almaty, second astana, the other 2 cities 12 - 6 - 3 = 3
    from assets.report import stats

    con = duckdb.connect()
    con.execute("CREATE TABLE figures (period VARCHAR, table_no VARCHAR, row_key VARCHAR, col_key VARCHAR, value DOUBLE)")
    con.executemany("INSERT INTO figures VALUES ('2017', '1', ?, 'count', ?)", [
        ("almaty", 6.0), ("astana", 3.0), ("shymkent", 2.0), ("taraz", 1.0), ("total", 12.0), ("total_excl_state", 11.0)])
    got = stats.remainders(con)[("2017", "1", "count")]
    assert {k: got[k] for k in ("first_row", "second_row", "remainder", "remainder_rows")} == {
        "first_row": "almaty", "second_row": "astana", "remainder": 3.0, "remainder_rows": 2}
