"""Tests for the survivors of issue 14's last runs of the second family of operators (`--family 2`, mutmut's and
cosmic-ray's: string literals changed to "XX…", values to None, …) over the report: period_view.py from line 117 (the 46
mutants branch i14ak's run did not reach) and the 76 mutants of changes.py no earlier draw ran (branch i14am;
docs/testing.md, "Measured score"). Each on a tiny hand-made fixture, its expected values worked out by hand (the words
typed from config/labels.yaml).

1. Under a table, a published figure is quoted as the report printed it ("12345", not regrouped "12 345").
2. The peak of a figure over periods passes by a period whose figure is missing (NULL), as sql/report/figure_changes.sql does.
3. changes.py: a card removed since the edition, in the Russian appendix ("удалена").
4. changes.py: no edition date in the environment (the variable not set at all): no section, not an error.
"""
from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl

from assets.report import changes

from tests.test_mutants_i14z import T, _recon, _view

MISMATCH_RU = "Карты наблюдения в том виде, в каком они записаны, дают другое число."


# 1. the published figure quoted as printed -----------------------------------------------------------------------------------

def test_under_a_table_the_published_figure_is_quoted_with_the_digits_printed():
    # Table 2's participants: the cards give 12 000 (from 10 000 up grouped by a narrow space: "12 000"); the report
    # printed "12345", ungrouped (mismatch): the note quotes "12345" as printed, not the value regrouped "12 345"
    v = _view({"2017": {("2", T, "participants"): 12000.0}})
    v.data.reconciliation = _recon(("2", T, "participants", "mismatch", 12345.0, "12345", 0, "table", True))
    assert v.cell("2", T, "participants") == "12\u202f000¹"
    assert v.table_notes() == f"\n::: {{.divergence-notes}}\n¹ В опубликованном отчёте — 12345. {MISMATCH_RU}\n:::\n"


# 2. the peak passes by a missing figure ---------------------------------------------------------------------------------------

def test_the_peak_of_a_figure_passes_by_a_period_where_it_is_missing():
    # Table 2's total: 2015 9, 2016 missing (NULL), 2017 4: the highest is 2015's 9, 2016 is passed by (not compared)
    v = _view({"2015": {("2", T, "count"): 9.0}, "2016": {("2", T, "count"): None}, "2017": {("2", T, "count"): 4.0}})
    assert v.peak_period("2", T, "count", ["2015", "2016", "2017"]) == "2015"


# 3. a removed card in Russian -------------------------------------------------------------------------------------------------

def test_a_card_removed_since_the_edition_reads_udalena_in_russian():
    # one card of 1 February 2017 in Astana removed since 15 January 2018; config/gazetteer: astana -> Астана
    ch = pl.DataFrame({"date": [dt.date(2017, 2, 1)], "city": ["astana"], "change": ["removed"], "fields": [[]]},
                      schema_overrides={"fields": pl.List(pl.Utf8)})
    ru = changes.appendix_section(ch, dt.datetime(2018, 1, 15, tzinfo=dt.timezone.utc), None, "ru")
    assert ru.splitlines()[-2] == "| 1 февраля 2017 | Астана | удалена |  |"


# 4. no edition date at all: no section --------------------------------------------------------------------------------------

def test_without_the_edition_date_in_the_environment_there_is_no_changes_section(monkeypatch):
    # MONITOR_REPORT_CHANGES_SINCE not set (not even empty) and no date given: no date, no section, no error
    monkeypatch.delenv("MONITOR_REPORT_CHANGES_SINCE", raising=False)
    assert changes.since_from_env() is None
    assert changes.changes_for(duckdb.connect(":memory:"), "2017") is None
