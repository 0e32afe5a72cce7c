"""Tests for the survivors of issue 14's second draw of the report's code with the second family of operators
(`--family 2`, mutmut's and cosmic-ray's: string literals changed to "XX…", values to None, continue → break, …),
seed 97 (branch i14ac; docs/testing.md, "Measured score"), each on a tiny hand-made fixture with its expected values
worked out by hand (the words typed from config/labels.yaml).

1. A cell printed twice, first matching (in a table), then not (in the text): the text's footnote still names the
   published figure that differs (a match is skipped, the rows after it are still read).
2. The appendix whole, of one matching figure and no finding of the audit: its heading, intro, summary, audit.
3. The changes since an edition up to a date, and none, in English (and none in Russian); a changed field the card
   spec does not name reads as its name in words.
4. The charts' fragments (titles, files) and the figures each chart is drawn from; the charts not drawn are empty.
"""
from __future__ import annotations

from tests.test_mutants_i14z import T, _recon, _view


# 1. a match, then a mismatch, of one cell ---------------------------------------------------------------------------------------

def test_a_match_in_a_table_then_a_mismatch_in_the_text_is_footnoted():
    # Table 2's total: the cards give 4; the published Table 2 printed 4 (a match), its text printed 5 (a mismatch).
    # The table's row is read first (rows in a table before those in the text): it is skipped, the text's is noted.
    v = _view({"2017": {("2", T, "count"): 4.0}})
    v.data.reconciliation = _recon(("2", T, "count", "match", 4.0, "4", 0, "table", True),
                                   ("2", T, "count", "mismatch", 5.0, "5", 0, "text", False))
    assert v.divergence_mark("2", T, "count", "4", in_text=True) == (
        "^[В опубликованном отчёте — 5. Карты наблюдения в том виде, в каком они записаны, дают другое число.]")
    # under the table: the table printed what the cards give, no mark
    assert v.divergence_mark("2", T, "count", "4") == ""


# 2. the appendix whole ------------------------------------------------------------------------------------------------------------

def test_the_appendix_whole_of_one_matching_figure_and_no_audit():
    # one figure compared (Table 2's total: cards 4, printed 4: "matches"), no finding of the audit; the words of
    # config/labels.yaml (sections.appendix, words.recon_*, tables.audit, words.audit_*), English
    import polars as pl

    from assets.report import appendix

    v = _view({"2017": {("2", T, "count"): 4.0}}, lang="en")
    v.data.reconciliation = pl.DataFrame({"table_no": ["2"], "row_key": [T], "col_key": ["count"], "derived": [4.0],
                                          "published": [4.0], "printed": ["4"], "decimals": [0], "location": ["table"],
                                          "status": ["match"]})
    assert appendix.appendix(v) == (
        "::: {#appendix .appendix}\n\n"
        "## Appendix. Reconciliation with the published figures\n\n"
        "The figures of the period derived from the observation cards are set beside those published in the report, "
        "compared at the precision they were printed with.\n\n"
        "::: {.table-wrap}\n| Result | Number |\n| :--- | ---: |\n| matches | 1 |\n\n: Summary of the reconciliation\n:::\n\n"
        "Every compared figure matches.\n\n"
        "### Contradictions in the published report\n\n"
        "Places where the published report contradicts itself (columns that do not add up to their total, percentages "
        "that do not follow from the counts, one figure given differently in two places).\n\n"
        "No contradictions found.\n\n"
        ":::\n")


# 3. the changes since an edition, up to a date; none ---------------------------------------------------------------------------

def test_the_changes_up_to_a_date_and_none_in_english():
    # one card of 10 March 2017 in Almaty removed between 15 January 2018 and 1 February 2018; then no change at all
    import datetime as dt

    import polars as pl

    from assets.report import changes

    ch = pl.DataFrame({"date": [dt.date(2017, 3, 10)], "city": ["almaty"], "change": ["removed"], "fields": [[]]},
                      schema_overrides={"fields": pl.List(pl.Utf8)})
    since, until = dt.datetime(2018, 1, 15, tzinfo=dt.timezone.utc), dt.datetime(2018, 2, 1, tzinfo=dt.timezone.utc)
    assert changes.appendix_section(ch, since, until, "en") == (
        "### Changes since the previous edition\n\n"
        "Cards added, corrected or removed since 15 January 2018 up to 1 February 2018.\n\n"
        "::: {.table-wrap}\n| Date | City | Change | Fields |\n| :--- | :--- | :--- | :--- |\n"
        "| 10 March 2017 | Almaty | removed |  |\n:::\n")
    assert changes.appendix_section(ch.clear(), since, None, "en") == (
        "### Changes since the previous edition\n\nNo card has changed since 15 January 2018.\n")
    assert changes.appendix_section(ch.clear(), since, None, "ru") == (
        "### Изменения с предыдущего издания\n\nС 15 января 2018 ни одна карточка не изменилась.\n")


def test_a_changed_field_the_card_spec_does_not_name_reads_as_words():
    # a card corrected in a column schemas/card.yaml has no label for ("police_units": a later warehouse's column)
    # and in its place ("place": "Place"): the unknown one is its name with spaces for the underscores
    import datetime as dt

    import polars as pl

    from assets.report import changes

    ch = pl.DataFrame({"date": [dt.date(2017, 3, 10)], "city": ["almaty"], "change": ["changed"],
                       "fields": [["police_units", "place"]]})
    section = changes.appendix_section(ch, dt.datetime(2018, 1, 15, tzinfo=dt.timezone.utc), None, "en")
    assert section.splitlines()[-2] == "| 10 March 2017 | Almaty | corrected | police units, Place |"


# 4. the charts' fragments and what they are drawn from ---------------------------------------------------------------------------

def test_the_charts_fragments_and_their_figures(monkeypatch):
    # Table 2: 2016 5, 2017 4; Table 1 of 2017: Almaty 3 (75 %); Table 15: 2016 1.5, 2017 0.5; no Table 4, no Table 7:
    # the dynamics, cities and police charts are drawn (titles from config/labels.yaml charts), character and forms
    # are empty fragments
    from types import SimpleNamespace

    from assets.report import chart_fragments, charts

    calls = []
    monkeypatch.setattr(charts, "by_period_bars", lambda *a, **k: calls.append(("bars", a, k["ylabel"])) or {"svg": b"s"})
    monkeypatch.setattr(charts, "ranked", lambda *a, **k: calls.append(("ranked", a)) or {"svg": b"r"})
    v = _view({"2016": {("2", T, "count"): 5.0, ("15", T, "police_control_index"): 1.5},
               "2017": {("2", T, "count"): 4.0, ("1", "almaty", "count"): 3.0, ("1", "almaty", "share_pct"): 75.0,
                        ("15", T, "police_control_index"): 0.5}}, lang="en")
    ctx = SimpleNamespace(files={}, fragments={})
    chart_fragments.add_charts(v, ctx)
    assert calls == [
        ("bars", (["2016", "2017"], [5.0, 4.0], [False, False]), "Number of assemblies"),
        ("ranked", (["Almaty"], [3.0], ["75%"], "en", "Number of assemblies")),
        ("bars", (["2016", "2017"], [1.5, 0.5], [False, False]), "Police control index")]
    assert ctx.fragments == {
        "chart_dynamics": "![Number of peaceful assemblies by year](_generated/dynamics.svg){#fig-dynamics width=100%}\n",
        "chart_cities": "![Peaceful assemblies by city in 2017](_generated/cities.svg){#fig-cities width=100%}\n",
        "chart_police": "![Police control index by year](_generated/police.svg){#fig-police width=100%}\n",
        "chart_character": "", "chart_forms": ""}
    assert ctx.files == {"dynamics.svg": b"s", "cities.svg": b"r", "police.svg": b"s"}
