"""Checks, the reconciliation, the exports and the report at the points the hand mutants of a fourth reviewer
(scripts/mutate_by_hand_i14s.py) found open, and the fixes this run led to (numbers shown at 10 % and 10 000 after
rounding; the English edition's singulars). Every expected value is worked out by hand from a few rows typed
here (the arithmetic is beside it); the warehouses are in memory or under tmp_path. No pipeline run, no Great
Expectations validation."""
from __future__ import annotations

import pytest

from assets.core import warehouse as wh
from tests.test_blocking_checks import _balanced, _nothing_lost_on


# ---------------------------------------------------------------- nothing_lost

def test_a_quarantined_person_record_is_accounted_for(tmp_path):
    # _balanced: 5 raw = 2 cards + 1 event + 1 person + 1 quarantined card record; add a 6th raw record, a person
    # quarantined (two errors on it): 6 = 3 + 1 + 2, balanced — a quarantine read for cards only says 6 != 3+1+1
    db = tmp_path / "w.duckdb"
    _balanced(db)
    with wh.connect(db) as con:
        con.execute("INSERT INTO raw_record_rows VALUES ('2017', '2017-r5', 'f.csv', 's', 5, 'person', 'h0', '[]', now())")
        con.executemany("INSERT INTO quarantine (period, record_id, source_file, kind, reason, rule, severity) "
                        "VALUES ('2017', '2017-r5', 'f.csv', 'person', 'bad', ?, 'error')", [("r1",), ("r2",)])
    r = _nothing_lost_on(db)
    assert (r.passed, r.metadata["unbalanced"].value) == (True, "none")


# ---------------------------------------------------------------- reconciliation

def test_only_a_note_that_begins_approximate_makes_a_verbal_figure():
    # 'половина' printed for 50, the cards give 60 (difference 10 <= 25 % of 50 = 12.5): approximate only when the
    # note begins "approximate:"; a note that merely mentions the word leaves it a mismatch
    from tests.test_reconciliation_values import reconcile, warehouse

    con = warehouse()
    con.executemany("INSERT INTO derived_figures (period, table_no, row_key, col_key, value, provenance) "
                    "VALUES ('2017', 'summary', 'total', ?, 60, 'derived')", [("v1",), ("v2",)])
    con.executemany("INSERT INTO published_figures (source, period, table_no, row_key, col_key, value, value_status, "
                    "provenance, printed, decimals, location, line, \"primary\", note) "
                    "VALUES ('p', '2017', 'summary', 'total', ?, 50, 'value', 'published', 'половина', 0, 'text', NULL, true, ?)",
                    [("v1", "approximate: половина"), ("v2", "not approximate: printed as a word")])
    got = {r["col_key"]: r["status"] for r in reconcile(con, "2017") if r["col_key"] in ("v1", "v2")}
    assert got == {"v1": "match_approximate", "v2": "mismatch"}


# ---------------------------------------------------------------- the blocking checks are blocking

def test_the_three_blocking_checks_are_blocking_on_their_assets():
    # a check that is not blocking lets the report render on wrong numbers: each is named with its asset
    from assets.derive.assets import figures_schema
    from assets.quality.checks import figures_expectations
    from assets.validate.assets import nothing_lost

    got = {s.name: (s.blocking, s.asset_key.path) for c in (nothing_lost, figures_expectations, figures_schema)
           for s in c.check_specs}
    assert got == {"nothing_lost": (True, ["cards"]), "figures_expectations": (True, ["figures"]),
                   "figures_schema": (True, ["figures"])}


# ---------------------------------------------------------------- the report's numbers (fixes of this run)

def test_a_number_that_rounds_to_ten_thousand_is_grouped():
    from assets.report import fmt

    nb = "\u202f"
    # 9999,6 at no decimal prints 10 000 (grouped, as every number from 10 000 up); 9999,4 prints 9999;
    # 9999,96 at one decimal is 10 000,0; -9999,7 is -10 000
    assert [fmt.number(x, d) for x, d in ((9999.6, 0), (9999.4, 0), (9999.96, 1), (-9999.7, 0), (9999.94, 1))] == \
        [f"10{nb}000", "9999", f"10{nb}000,0", f"-10{nb}000", "9999,9"]
    assert fmt.count(9999.6, "en") == f"10{nb}000"


def test_a_change_that_prints_as_zero_percent_is_the_same_level():
    from assets.report import fmt

    # +0,4 % prints "0" at no decimal: "на том же уровне", never "на 0% больше"; +0,5 % rounds half up to 1 %, +0,6 % is 1 %
    assert fmt.change(1.004, 1 / 1.004, 0.4) == "на том же уровне"
    assert fmt.change(1.004, 1 / 1.004, 0.4, "en") == "the same"
    assert fmt.change(1.005, 1 / 1.005, 0.5, "en") == "1% higher"
    assert fmt.change(1.006, 1 / 1.006, 0.6) == "на 1% больше"
    assert fmt.change(0.994, 1 / 0.994, -0.6, "en", kind="count") == "1% fewer"


# ---------------------------------------------------------------- sentences: singulars, zeros, ties, kinds

def _one_period(cells: dict):
    from tests.test_report_sentences_values import _data

    return _data({"2017": cells}, ["2017"])


def _sentences(d, lang, period="2017"):
    from assets.report import sentences
    from assets.report.period_view import PeriodView

    return sentences.build(PeriodView(d, period, lang))


def test_one_form_one_day_one_detainee_in_the_singular():
    # one form (rally, 3 assemblies = 100 %); the courts: 1 warned, 0 fined, 1 arrested for 1 day, 1 released
    d = _one_period({("7", "rally", "count"): 3.0, ("7", "rally", "share_pct"): 100.0, ("7", "total", "count"): 3.0,
                     ("courts", "total", "warnings"): 1.0, ("courts", "total", "fines"): 0.0,
                     ("courts", "total", "fine_mrp_total"): 0.0, ("courts", "total", "arrests"): 1.0,
                     ("courts", "total", "arrest_days_total"): 1.0, ("courts", "total", "released_without_charge"): 1.0})
    ru, en = _sentences(d, "ru"), _sentences(d, "en")
    assert en["forms"] == "All 3 assemblies took one form: rally (Table 7)."  # no "most common" among one
    assert ru["forms"] == "Все 3 мирных собрания прошли в одной форме — митинг (см. табл. №7)."
    assert en["courts"] == ("The courts warned 1, fined 0 (0 MRP in all) and sent 1 to administrative arrest (1 day in all). "
                            "1 detainee was released without charge.")
    assert ru["courts"] == ("В ходе судебного разбирательства предупреждения получил 1 человек, денежные штрафы — 0 "
                            "(всего 0 МРП), административный арест — 1 (всего 1 сут.). Задержанных, отпущенных без суда: 1.")


def test_two_forms_two_days_two_detainees_in_the_plural():
    d = _one_period({("7", "rally", "count"): 2.0, ("7", "rally", "share_pct"): 66.7, ("7", "picket", "count"): 1.0,
                     ("7", "picket", "share_pct"): 33.3, ("courts", "total", "warnings"): 0.0, ("courts", "total", "fines"): 0.0,
                     ("courts", "total", "fine_mrp_total"): 0.0, ("courts", "total", "arrests"): 1.0,
                     ("courts", "total", "arrest_days_total"): 2.0, ("courts", "total", "released_without_charge"): 2.0})
    en = _sentences(d, "en")
    assert en["forms"] == "The most common form was the rally: 2 (67%); 2 forms were recorded in all (Table 7)."
    assert en["courts"] == ("The courts warned 0, fined 0 (0 MRP in all) and sent 1 to administrative arrest (2 days in all). "
                            "2 detainees were released without charge.")


# ---------------------------------------------------------------- the quality gate without GX

def test_a_column_that_misses_a_total_row_of_100_is_explained_against_that_row():
    from assets.quality.gx_outcomes import _explain

    # Table 1's counts: the category rows sum to 99, the total row is 100 — not a share that "must make 100"
    row = {"table_no": "1", "col_key": "count", "rows": "category rows", "sum_of_rows": 99.0, "total": 100.0,
           "against": "the total row"}
    assert _explain("rows_sum_to_total", row) == ("table 1, column count: the category rows sum to 99 but the total row "
                                                  "is 100 (difference -1)")
    row = {**row, "col_key": "share_pct", "sum_of_rows": 99.5, "against": "100"}
    assert _explain("rows_sum_to_total", row) == ("table 1, column share_pct: the category rows sum to 99.5 but they must "
                                                  "make 100 (difference -0.5)")


def _check_with(monkeypatch, tmp_path, success: bool):
    """The Dagster check over a warehouse of one good figure, with the suite's outcome made by hand: which of the
    report gate's cache calls it makes."""
    from types import SimpleNamespace

    from assets.quality import checks, gx_cache, gx_suite
    from assets.quality.gx_outcomes import ExpectationOutcome, SuiteOutcome
    from assets.resources import WarehouseResource
    from tests.test_blocking_checks import GOOD, _figures

    db = tmp_path / f"w-{success}.duckdb"
    _figures(db, GOOD)
    calls = []
    outcome = SuiteOutcome("2017", [ExpectationOutcome("share_0_100", "figures", "e", "d", success)])
    monkeypatch.setattr(gx_suite, "validate_figures", lambda df, p, **kw: outcome)
    monkeypatch.setattr(gx_cache, "record_pass", lambda p, df: calls.append(("record_pass", p, df.height)))
    monkeypatch.setattr(gx_cache, "forget", lambda p: calls.append(("forget", p)))
    log = SimpleNamespace(info=lambda m: None, error=lambda m: None)
    ctx = SimpleNamespace(has_partition_key=True, partition_key="2017", log=log)
    r = checks._figures_expectations(ctx, WarehouseResource(database=str(db)))
    return r, calls


def test_a_failing_check_forgets_the_passed_record_and_a_passing_one_records_it(monkeypatch, tmp_path):
    # the report's gate renders without validating again when the cache says the figures passed: a failure must
    # forget, never record (GOOD: 7 figures of 2017)
    r, calls = _check_with(monkeypatch, tmp_path, False)
    assert (r.passed, calls) == (False, [("forget", "2017")])
    r, calls = _check_with(monkeypatch, tmp_path, True)
    assert (r.passed, calls) == (True, [("record_pass", "2017", 7)])


def test_figures_schema_validates_every_row_not_the_first_thousand(tmp_path):
    from assets.derive.assets import figures_schema
    from assets.resources import WarehouseResource
    from tests.test_blocking_checks import GOOD, _figures

    # 7 good figures, 1000 good counts, then one negative count: 1008 rows, one failure (the last row)
    filler = [("2017", "2", f"c{i}", "count", 1.0, "derived", "value") for i in range(1000)]
    bad = [("2017", "2", "last", "count", -1.0, "derived", "value")]
    db = tmp_path / "w.duckdb"
    _figures(db, GOOD + filler + bad)
    r = figures_schema(warehouse=WarehouseResource(database=str(db)))
    assert r.passed is False and r.metadata["failures"].value == 1


def test_ties_zeros_and_the_first_of_equals():
    # 2016: political 40 %, economic 30 %, social 30 %. 2017: political 1 (20 %), economic 2 (40 %), social 2 (40 %):
    # the main character is the first of the two at 40 % in the code list's order (economic), not the last by name;
    # organisers: NGOs 5 (100 %), the two others 0 — not listed ("— 0 (0%)" said nothing); none unsanctioned (all 5 with permission, 0 %) is said;
    # police control 0,5 in almaty and astana, the only two cities: no city is tightest (tests/test_report_ties.py)
    from tests.test_report_sentences_values import _data

    cur = {("4", "political", "count"): 1.0, ("4", "political", "share_pct"): 20.0, ("4", "economic", "count"): 2.0,
           ("4", "economic", "share_pct"): 40.0, ("4", "social", "count"): 2.0, ("4", "social", "share_pct"): 40.0,
           ("6", "ngo", "count"): 5.0, ("6", "ngo", "share_pct"): 100.0, ("6", "spontaneous", "count"): 0.0,
           ("6", "spontaneous", "share_pct"): 0.0, ("6", "individual", "count"): 0.0, ("6", "individual", "share_pct"): 0.0,
           ("summary", "total", "unsanctioned"): 0.0, ("summary", "total", "assemblies"): 5.0, ("9", "total", "share_pct"): 0.0,
           ("14", "almaty", "police_control_index"): 0.5, ("14", "astana", "police_control_index"): 0.5,
           ("14", "total", "police_control_index"): 0.5}
    prev = {("4", "political", "share_pct"): 40.0, ("4", "economic", "share_pct"): 30.0, ("4", "social", "share_pct"): 30.0}
    d = _data({"2016": prev, "2017": cur}, ["2016", "2017"])
    ru, en = _sentences(d, "ru"), _sentences(d, "en")
    assert ru["character"] == ("В 2017 году политическим темам было посвящено 1 собрание (20%), экономическим — 2 (40%), "
                               "социальным — 2 (40%). По сравнению с 2016 годом доля экономических собраний выросла с 30% до 40%.")
    assert en["character"] == ("In 2017, 1 (20%) was political, 2 (40%) were economic, 2 (40%) were social. Compared with "
                               "2016, the share of economic assemblies rose from 30% to 40%.")
    assert ru["organizers"] == "Организаторами собраний были: общественные организации и партии — 5 (100%)."
    assert en["organizers"] == "The organisers were: NGOs and parties — 5 (100%)."  # an organiser of none is not listed
    assert ru["law"] == "Все 5 собраний прошли с разрешением властей: доля собраний без разрешения — 0%."
    assert en["law"] == "All 5 assemblies were held with permission: 0% without."
    assert ru["police"] == "«Индекс полицейского контроля» по всем собраниям составил 0,50. Во всех городах индекс одинаков — 0,50."
    assert en["police"] == "The police control index over all assemblies was 0.50. The index was the same in every city, 0.50."


# ---------------------------------------------------------------- the report's context (prepare)

def test_a_period_of_two_years_starts_and_ends_in_its_own_years_and_its_events_go_to_their_lists(tmp_path, monkeypatch):
    # 2011-2012 runs from 2011-10-16 to 2012-08-31 (config/periods.yaml); a political rally on 5 November 2011 in
    # Almaty goes to the political events, a social hunger strike on 8 March 2012 in Astana to the unusual forms
    import dataclasses
    import datetime as dt

    import polars as pl

    from assets.report import prepare
    from tests.test_report_sentences_values import _data

    cards = pl.DataFrame({"card_id": ["a", "b"], "date": [dt.date(2011, 11, 5), dt.date(2012, 3, 8)],
                          "city": ["almaty", "astana"], "settlement": [None, None], "form": ["rally", "hunger_strike"],
                          "character": ["political", "social"], "notes": ["Митинг у акимата.", "Голодовка жильцов."],
                          "detained": [0, 0], "obstruction": [False, False], "participants": [10, 3],
                          "source_type": ["observer", "observer"]})
    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "build"))  # the charts' cache: never the checkout's build/
    d = dataclasses.replace(_data({"2011-2012": {("2", "total", "count"): 2.0}}, ["2011-2012"]), cards=cards)
    ctx = prepare.Builder(d, "2011-2012", "ru").build()
    assert (ctx.variables["start"], ctx.variables["end"]) == ("16 октября 2011", "31 августа 2012")
    note = "\n\n*Описания событий взяты из заметок карт наблюдения.*\n:::\n"
    assert ctx.fragments["events_political"] == ("::: {.card-notes}\n**Собрания политического характера**\n\n"
                                                 "- **5 ноября, Алматы** (митинг). Митинг у акимата." + note)
    assert ctx.fragments["events_forms"] == ("::: {.card-notes}\n**Новые и необычные формы протеста**\n\n"
                                             "- **8 марта, Астана** (голодовка). Голодовка жильцов." + note)


def test_figures_schema_takes_a_steady_trend_of_0(tmp_path):
    from assets.derive.assets import figures_schema
    from assets.resources import WarehouseResource
    from tests.test_blocking_checks import GOOD, _figures

    # a trend word's direction is -1, 0 ("на том же уровне") or +1: 0 is one of them; 0.5 is none
    db = tmp_path / "w.duckdb"
    _figures(db, GOOD + [("2017", "15", "total", "trend", 0.0, "published", "value")])
    r = figures_schema(warehouse=WarehouseResource(database=str(db)))
    assert (r.passed, r.metadata["figures"].value) == (True, 8)
    db = tmp_path / "w2.duckdb"
    _figures(db, GOOD + [("2017", "15", "total", "trend", 0.5, "published", "value")])
    assert figures_schema(warehouse=WarehouseResource(database=str(db))).passed is False
