"""PeriodView (a figure as the report shows it) and the report's tables on cases the fixtures of
tests/test_report_sentences_values.py and tests/test_report_tables_values.py do not hold: footnotes of
this period's figures only, the reconciliation row a footnote cites, the printed decimals, means and
peaks with and without sql/report/figure_changes.sql, the first period of all, a previous period
without Tables 7/8, a form of the previous period only, a share without its count, a form held by no
assembly. Every expected cell is worked out by hand from the figures typed here and in FIGURES
(see the table at the top of tests/test_report_sentences_values.py). Kills survivors of
scripts/mutate.py's `report` area in period_view.py and period_tables.py.
"""
from __future__ import annotations

import dataclasses

import polars as pl
import pytest

from assets.report import period_tables
from assets.report.period_view import PeriodView
from assets.report.published import Printed
from tests.test_report_sentences_values import FIGURES, ORDER, T, _data
from tests.test_report_tables_values import FIGS, rows


@pytest.fixture(scope="module")
def data():
    return _data(FIGURES)


def _recon(*recs: tuple) -> pl.DataFrame:
    """Reconciliation rows of ('9', 'total', 'share_pct'): (published, printed, location, primary, reason)."""
    return pl.DataFrame({
        "table_no": ["9"] * len(recs), "row_key": [T] * len(recs), "col_key": ["share_pct"] * len(recs),
        "derived": [75.0] * len(recs), "published": [r[0] for r in recs], "printed": [r[1] for r in recs],
        "decimals": [0] * len(recs), "status": ["mismatch"] * len(recs), "location": [r[2] for r in recs],
        "primary": [r[3] for r in recs], "choice_reason_ru": [r[4] for r in recs], "choice_reason_en": [r[4] for r in recs]})


def test_a_footnote_is_for_a_figure_of_this_period_only(data):
    b = PeriodView(dataclasses.replace(data, reconciliation=_recon((70.0, "70%", "table", True, "Так решили."))), "2017", "ru")
    b.used = set()
    b.v("9", T, "share_pct")  # 2017's 75 %, which the published report prints as 70 %
    assert b.text_notes("А.") == "А.^[В опубликованном отчёте — 70% (Таблица №9, доля). Так решили.]"
    b.used = set()
    b.v("9", T, "share_pct", "2016")  # 2016's figure: 2017's reconciliation says nothing about it
    assert b.text_notes("Б.") == "Б."


def test_a_footnote_cites_the_primary_figure_of_the_table(data):
    # the same cell printed three times: in the text (71 %), in the table as a secondary print (69 %), in the
    # table as the primary one (70 %): the note cites the table's primary print whatever the rows' order
    rec = _recon((71.0, "71%", "text", True, "Текст."), (69.0, "69%", "table", False, "Второй."),
                 (70.0, "70%", "table", True, "Так решили."))
    b = PeriodView(dataclasses.replace(data, reconciliation=rec), "2017", "ru")
    b.used = set()
    b.v("9", T, "share_pct")
    assert b.text_notes("А.") == "А.^[В опубликованном отчёте — 70% (Таблица №9, доля). Так решили.]"


def test_a_footnote_gives_the_number_as_printed(data):
    # printed "70,0%" with its decimals not recorded: the note keeps the printed digits (not 70% from the value)
    rec = _recon((70.0, "70,0%", "table", True, "Так решили.")).with_columns(pl.lit(None, pl.Int64).alias("decimals"))
    b = PeriodView(dataclasses.replace(data, reconciliation=rec), "2017", "ru")
    b.used = set()
    b.v("9", T, "share_pct")
    assert b.text_notes("А.") == "А.^[В опубликованном отчёте — 70,0% (Таблица №9, доля). Так решили.]"
    # no printed text kept, one decimal recorded: 70.04 at one decimal
    rec = _recon((70.04, None, "table", True, "Так решили.")).with_columns(pl.lit(1).alias("decimals"))
    b = PeriodView(dataclasses.replace(data, reconciliation=rec), "2017", "ru")
    b.used = set()
    b.v("9", T, "share_pct")
    assert b.text_notes("А.") == "А.^[В опубликованном отчёте — 70,0% (Таблица №9, доля). Так решили.]"


def test_labels_of_a_city_and_of_a_topic(data):
    b = PeriodView(data, "2017", "ru")
    assert (b.key_label("1", "almaty"), b.key_label("topics", "жильё")) == ("Алматы", "жильё")


def test_a_derived_figure_at_the_decimals_the_published_report_printed(data):
    printed = {("2017", "9", T, "share_pct"): Printed("70,0%", 1, 70.0)}
    b = PeriodView(dataclasses.replace(data, printed=printed, col_decimals={}), "2017", "ru")
    assert b.cell("9", T, "share_pct") == "75,0%"  # one decimal, as printed; the column's default would give 75%
    assert b.cell("12", T, "law_abidance_pct") == "25%"


def test_a_published_period_without_its_printed_cells(data):
    b = PeriodView(dataclasses.replace(data, published={("2016", "2")}), "2017", "ru")
    assert (b.cell("2", T, "count", "2016"), b.cell("2", "astana", "count", "2016")) == ("20", "—")


def test_means_and_peaks_with_and_without_the_sql_comparisons(data):
    for d in (data, dataclasses.replace(data, changes={})):
        b = PeriodView(d, "2017", "ru")
        assert b.mean_over_periods("15", "police_control_index") == pytest.approx((1.75, 2))  # (1.0 + 2.5) / 2
        assert b.mean_over_periods("9", "share_pct") == pytest.approx(((62 + 80 + 75) / 3, 3))
        assert b.mean_over_periods("1", "count", "almaty") is None  # 2017 only
        assert b.peak_period("2", T, "count", ORDER) == "2015"      # 45 > 20 > 12


def test_the_first_period_of_all_has_no_previous_one():
    figs = {"2010": {("2", T, "count"): 5.0}, "2025": {("2", T, "count"): 6.0}, "2026": {("2", T, "count"): 7.0}}
    d = _data(figs, ["2010", "2025", "2026"])  # 2010 is the first period of config/periods.yaml, 2026 the last
    assert PeriodView(d, "2010", "ru").prev is None
    assert PeriodView(d, "2026", "ru").prev == "2025"
    gap = _data({p: figs[p] for p in ("2010", "2026")} | {"2024": {("2", T, "count"): 4.0}}, ["2010", "2024", "2026"])
    assert PeriodView(gap, "2026", "ru").prev is None  # 2025, the period before, has no figures (2024 is not "previous")
    assert PeriodView(gap, "2010", "ru").prev is None


def test_no_notable_events_from_cards_without_notes(data):
    from assets.report import notable_events

    cards = pl.DataFrame({"character": ["political"], "form": ["rally"], "detained": [3], "obstruction": [True]})
    b = PeriodView(dataclasses.replace(data, cards=cards), "2017", "ru")
    assert [notable_events.events(b, w) for w in ("political", "forms", "detentions")] == ["", "", ""]


# ------------------------------------------------------------------------------ the tables

def test_table_8_without_a_previous_period_of_forms(data):
    figs = {p: dict(c) for p, c in FIGURES.items()}  # 2016 has no Table 7 or 8
    figs["2017"].update({("8", "picket", "count"): 5.0, ("8", "picket", "share_pct"): 41.7,
                         ("8", "rally", "count"): 4.0, ("8", "rally", "share_pct"): 33.3})
    t08 = period_tables.fragments(PeriodView(_data(figs), "2017", "ru"))["t08"]
    assert "| Форма | 2017 |" in t08
    assert rows(t08) == ["| Пикет | 5 (42%) |", "| Митинг | 4 (33%) |"]


def test_table_8_keeps_a_form_of_the_previous_period_only():
    figs = {p: dict(c) for p, c in FIGS.items()}
    figs["2016"].update({("8", "march", "count"): 10.0, ("8", "march", "share_pct"): 50.0})
    t08 = period_tables.fragments(PeriodView(_data(figs), "2017", "ru"))["t08"]
    # by this period's count (picket 5, rally 4), then the largest over both (march: none now, 10 in 2016)
    assert rows(t08) == ["| Пикет | 2 (20%) | 5 (42%) |", "| Митинг | — | 4 (33%) |", "| Шествие | 10 (50%) | — |"]


def test_a_share_without_its_count_and_a_form_of_no_assembly():
    figs = {p: dict(c) for p, c in FIGURES.items()}
    figs["2016"][("6", "ngo", "share_pct")] = 62.4  # 2016: the share of NGOs, not their number
    figs["2017"].update({("7", "march", "count"): 0.0, ("7", "march", "share_pct"): 0.0})
    f = period_tables.fragments(PeriodView(_data(figs), "2017", "ru"))
    assert rows(f["t06"]) == ["| Общественные организации | 62% | 7 (58%) |", "| Стихийные объединения граждан | — | — |",
                              "| Одиночки | — | 5 (42%) |"]
    assert rows(f["t07"]) == ["| Пикет | 5 (42%) |", "| Митинг | 4 (33%) |", "| Голодовка | 3 (25%) |", "| **ВСЕГО** | 12 |"]


def test_the_titles_of_tables_2_and_17_say_the_span_of_their_periods(data):
    # Table 2 over 2012-2013 and 2014: 2 periods, 3 calendar years; Table 17 over 2016 and 2017
    from assets.report import labels
    b, e = PeriodView(data, "2017", "ru"), PeriodView(data, "2017", "en")
    assert labels.title("2", "ru", **b.title_subs(["2012-2013", "2014"])) == (
        "Общая динамика ситуации с мирными собраниями за 2012–2014 годы")
    assert labels.title("2", "en", **e.title_subs(["2012-2013", "2014"])) == "Overall dynamics of peaceful assemblies in 2012–2014"
    assert labels.title("17", "ru", **b.title_subs(["2016", "2017"])) == (
        "Процент несанкционированных мирных собраний доходящих до суда за 2016–2017 годы")
    assert labels.title("17", "en", **e.title_subs(["2016", "2017"])) == (
        "Share of unsanctioned assemblies that reach court in 2016–2017")
    assert labels.title("2", "en", **e.title_subs([])) == "Overall dynamics of peaceful assemblies"


def test_the_appendix_table_of_differences_whole(data):
    from assets.report import appendix

    rec = pl.DataFrame({"table_no": ["9"], "row_key": [T], "col_key": ["share_pct"], "derived": [75.0], "published": [70.0],
                        "printed": ["70%"], "decimals": [0], "status": ["mismatch"], "location": ["text"]})
    app = appendix.appendix(PeriodView(dataclasses.replace(data, reconciliation=rec), "2017", "ru"))
    lines = [x for x in app.splitlines() if x.startswith("| ")]
    # the summary (header, separator, 1 row), then the differences (header, separator, 1 row), then the audit's nothing
    assert lines[3] == "| Таблица | Строка | Столбец | Где опубликовано | Рассчитано по картам | Опубликовано | Результат |"
    assert lines[4] == "| :--- | :--- | :--- | :--- | ---: | ---: | :--- |"
    cells = lines[5].strip("| ").split(" | ")
    assert (cells[0], cells[2], cells[3], cells[4], cells[5], cells[6]) == ("9", "Доля", "текст", "75%", "70%", "расхождение")


def test_the_appendix_table_of_the_audit_whole(data):
    from assets.report import appendix

    aud = pl.DataFrame({"source": ["s", "s"], "rule": ["sum_total", "same_figure"], "period": ["2017", "2017"],
                        "table_no": ["2", "9"], "row_key": [T, None], "col_key": ["count", None],
                        "published": [30.0, None], "expected": [12.0, None], "message": ["m", "m"]})
    app = appendix.appendix(PeriodView(dataclasses.replace(data, audit=aud), "2017", "ru"))
    lines = [x for x in app.splitlines() if x.startswith("| ")]
    assert lines == ["| Таблица | Строка | Столбец | Правило | Опубликовано | Следует из данных |",
                     "| :--- | :--- | :--- | :--- | ---: | ---: |",
                     "| 2 | ВСЕГО | Количество | Сумма строк не равна итогу | 30 | 12 |",
                     "| 9 |  |  | Одно число приведено по-разному | — | — |"]


def test_the_edition_date_from_the_environment(monkeypatch):
    import datetime as dt

    from assets.report import changes

    monkeypatch.setenv("MONITOR_REPORT_CHANGES_SINCE", " 2018-01-15 ")  # a date: the end of that day, UTC
    assert changes.since_from_env() == dt.datetime(2018, 1, 15, 23, 59, 59, 999999, tzinfo=dt.timezone.utc)
    monkeypatch.setenv("MONITOR_REPORT_CHANGES_SINCE", "  ")
    assert changes.since_from_env() is None


def test_the_changes_section_goes_inside_the_appendix():
    import datetime as dt
    from types import SimpleNamespace

    from assets.report import changes

    ch = pl.DataFrame({"date": [dt.date(2017, 2, 1)], "city": ["astana"], "change": ["added"], "fields": [[]]})
    found = (ch, dt.datetime(2018, 1, 15, tzinfo=dt.timezone.utc), None)
    fenced = SimpleNamespace(lang="ru", fragments={"appendix": "::: {#appendix .appendix}\n## Приложение\n:::\n"})
    changes.add_section(fenced, found)
    text = fenced.fragments["appendix"]
    assert text.startswith("::: {#appendix .appendix}\n## Приложение\n\n### Изменения с предыдущего издания\n")
    assert text.endswith("| 1 февраля 2017 | Астана | добавлена |  |\n:::\n\n:::\n") and text.count(":::") == 4
    bare = SimpleNamespace(lang="en", fragments={})  # no appendix yet: the section alone
    changes.add_section(bare, found)
    assert bare.fragments["appendix"].startswith("\n### Changes since the previous edition\n")
    untouched = SimpleNamespace(lang="ru", fragments={"appendix": "A"})
    changes.add_section(untouched, None)  # no edition date: nothing added
    assert untouched.fragments == {"appendix": "A"}


def test_cities_by_this_period_or_by_the_sum_over_periods():
    figs = {"2016": {("2", "shymkent", "count"): 50.0, ("2", "astana", "count"): 20.0, ("2", "almaty", "count"): 9.0},
            "2017": {("2", "almaty", "count"): 6.0, ("2", "astana", "count"): 3.0, ("2", "taraz", "count"): 1.0}}
    b = PeriodView(_data(figs, ["2016", "2017"]), "2017", "ru")
    # by this period's count (shymkent has none now: last, whatever its 50 of 2016), then by the sum
    assert b.cities_over("2", "count", ["2016", "2017"]) == ["almaty", "astana", "taraz", "shymkent"]
    # by the sum: shymkent 50, astana 23, almaty 15, taraz 1
    assert b.cities_over("2", "count", ["2016", "2017"], by_sum=True) == ["shymkent", "astana", "almaty", "taraz"]


def test_tables_without_a_number_by_their_name():
    from assets.report.period_view import table_name

    assert [table_name(t, "ru") for t in ("11", "14-1", "summary", "courts")] == ["11", "14-1", "текст отчёта", "суды"]
    assert table_name("topics", "en") == "topics" and table_name("summary", "en") == "report text"


def test_every_table_fragment_is_the_one_the_report_includes():
    import re
    from pathlib import Path

    figs = {p: dict(c) for p, c in FIGURES.items()}
    figs["2017"].update({("16", "almaty", "detention_cases"): 2.0, ("16", "almaty", "detained_persons"): 5.0,
                         ("16", T, "detention_cases"): 2.0, ("16", T, "detained_persons"): 5.0})
    f = period_tables.fragments(PeriodView(_data(figs), "2017", "ru"))
    qmd = (Path(__file__).resolve().parents[1] / "report" / "index.qmd").read_text(encoding="utf-8")
    assert sorted(f) == sorted(set(re.findall(r"_generated/(t\d\w*|topics|courts)\.md", qmd)))
    assert rows(f["t16"]) == ["| Алматы | 2 | 5 |", "| **ВСЕГО** | 2 | 5 |"]


def test_table_2_lists_a_city_of_an_earlier_period_only():
    figs = {p: dict(c) for p, c in FIGS.items()}
    figs["2016"][("2", "shymkent", "count")] = 5.0  # 2016 only; 2017's Table 1 does not have it
    t02 = period_tables.fragments(PeriodView(_data(figs), "2017", "ru"))["t02"]
    assert rows(t02) == ["| Алматы | — | 9 | 6 |", "| Астана | — | 11 | 3 |", "| Шымкент | — | 5 | — |",
                         "| **ВСЕГО** | 45 | 20 | 12 |"]


def test_the_previous_value_is_of_the_same_table_row_and_column(data):
    # 2016 has Table 2's total (20) but no Table 1: Table 1's total of 2017 has no previous value
    assert (data.changes[("2017", "1", T, "count")]["prev_value"], data.changes[("2017", "2", T, "count")]["prev_value"]) \
        == (None, 20.0)
    figs = {"2016": {("14", T, "participants"): 100.0, ("14", T, "police"): 10.0},
            "2017": {("14", T, "participants"): 120.0, ("14", T, "police"): 30.0}}
    ch = _data(figs, ["2016", "2017"]).changes
    # participants 120 / 100: +20 %; police 30 / 10: +200 %
    assert (ch[("2017", "14", T, "participants")]["change_pct"], ch[("2017", "14", T, "police")]["change_pct"]) \
        == pytest.approx((20.0, 200.0))


def test_the_appendix_shows_the_published_figure_as_printed_in_english(data):
    # the English edition prints the published digits, not the value re-formatted: "1234" (no thousands
    # separator added), "12,50%" with its decimals not recorded -> "12.50%" (the English decimal point, both decimals)
    from assets.report import appendix

    rec = pl.DataFrame({"table_no": ["9", "9"], "row_key": [T, T], "col_key": ["count", "share_pct"],
                        "derived": [1200.0, 11.0], "published": [1234.0, 12.5], "printed": ["1234", "12,50%"],
                        "decimals": [0, None], "status": ["mismatch", "mismatch"], "location": ["table", "text"]})
    app = appendix.appendix(PeriodView(dataclasses.replace(data, reconciliation=rec), "2017", "en"))
    rows_ = [x.strip("| ").split(" | ") for x in app.splitlines() if x.startswith("| 9 |")]
    assert [r[5] for r in rows_] == ["1234", "12.50%"]
