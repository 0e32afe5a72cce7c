"""What a reader met on the pages of the 2017 example's report, read page by page (session 25r: every PDF page as
PNG, the HTML at full width and at 480 px), each on a small hand-made fixture (no pipeline run):

1. The footnote on Table 19's mean duration (the published report gives 24, the cards 25,7) sat on the sentence
   about the participants, a paragraph before the one on the duration: "…чем в 2016 году (5745).⁷".
2. The bar charts of cities and forms labelled a share otherwise than the table beside them: "3 (8,3%)",
   "1 (2,8%)" under Table 7's "3 (8%)", "1 (3%)".
3. Table 8 printed a form the published report gave a dash in both columns as "— (—)".
4. The English appendix named the court cases "№1", "№2" (the Russian sign).
5. The Russian conclusions wrote a dash as a hyphen or an en dash ("законодательства - не", "тренд – боязнь"), and
   "под любой из многочисленных оговоренных в законе причине" (of the reasons: "причин").
"""
from __future__ import annotations

import re

from assets.report import labels
from assets.report.period_view import PeriodView
from assets.report.published import Printed
from core import settings
from tests.test_mutants_i14z import _recon
from tests.test_report_sentences_values import _data

T = "total"


# 1. the footnote of a figure sits on the sentence that says it ------------------------------------------------------------

def _duration_data():
    # 2016: 40 participants; 2017: 20 participants (half: "в 2 раза меньше"), a mean duration of 25,7 min (a text
    # figure, said by the narrative's duration sentence) that Table 19's total the published report printed as 24
    d = _data({"2016": {("18", T, "participants"): 40.0},
               "2017": {("18", T, "participants"): 20.0, ("19", T, "duration_avg_min"): 25.7,
                        ("summary", T, "duration_avg_min"): 25.7, ("summary", T, "duration_median_min"): 15.0}},
              ["2016", "2017"])
    d.reconciliation = _recon(("19", T, "duration_avg_min", "mismatch", 24.0, "24", 0, "text", True))
    return d


def test_the_mean_durations_footnote_is_on_the_duration_not_on_the_participants():
    from assets.report import sentences, text_figures

    d = _duration_data()
    for lang, stats, dur in (
            ("ru", "Участников было в 2 раза меньше, чем в 2016 году (40).",
             "Средняя продолжительность одного мирного собрания составила 25,7^[В опубликованном отчёте — 24 "
             "(Таблица №19, средняя продолжительность, мин.). Карты наблюдения в том виде, в каком они записаны, дают "
             "другое число.] мин., медиана — 15 мин."),
            ("en", "The number of participants was 50% lower than in 2016 (40).",
             "The mean duration of an assembly was 25.7^[The published report gives 24 (Table 19, mean duration, min). "
             "The observation cards, as recorded, give a different figure.] min, the median 15 min.")):
        assert sentences.build(PeriodView(d, "2017", lang))["statistics"] == stats
        assert text_figures.text_variables(PeriodView(d, "2017", lang))["duration_sentence"] == dur


def test_without_the_text_figure_the_statistics_say_the_mean_with_its_footnote():
    # a period whose mean duration is no text figure: the statistics' own sentence says it, and carries its note
    from assets.report import sentences

    d = _duration_data()
    d.figs["2016"][("19", T, "duration_avg_min")] = 30.0
    for k in ("duration_avg_min", "duration_median_min"):
        del d.figs["2017"][("summary", T, k)]
    got = sentences.build(PeriodView(d, "2017", "ru"))["statistics"]
    assert got.startswith("Участников было в 2 раза меньше, чем в 2016 году (40). Средняя продолжительность собрания — "
                          "25,7 мин."), got
    assert got.endswith("^[В опубликованном отчёте — 24 (Таблица №19, средняя продолжительность, мин.). Карты наблюдения в "
                        "том виде, в каком они записаны, дают другое число.]"), got


# 2. a chart's share is its table's --------------------------------------------------------------------------------------------

def test_the_bar_charts_label_each_share_as_its_table_prints_it(monkeypatch):
    from types import SimpleNamespace

    from assets.report import chart_fragments, charts

    # 2017, 36 assemblies: Almaty 17 (47,2 %), Shymkent 3 (8,3 %), Uralsk 2 (5,6 %); pickets 3 (8,3 %), chaining 1
    # (2,8 %). The published report printed Table 1's shares with one decimal for Uralsk (5,5: a mismatch, marked
    # in the table, never in the chart) and whole ones for the others; Table 7's all whole: 8%, 3%.
    d = _data({"2017": {("1", "almaty", "count"): 17.0, ("1", "almaty", "share_pct"): 17 / 36 * 100,
                        ("1", "shymkent", "count"): 3.0, ("1", "shymkent", "share_pct"): 3 / 36 * 100,
                        ("1", "uralsk", "count"): 2.0, ("1", "uralsk", "share_pct"): 2 / 36 * 100,
                        ("7", "picket", "count"): 3.0, ("7", "picket", "share_pct"): 3 / 36 * 100,
                        ("7", "chaining", "count"): 1.0, ("7", "chaining", "share_pct"): 1 / 36 * 100}}, ["2017"])
    d.printed = {("2017", "1", "almaty", "share_pct"): Printed("47%", 0, 47.0),
                 ("2017", "1", "shymkent", "share_pct"): Printed("8%", 0, 8.0),
                 ("2017", "1", "uralsk", "share_pct"): Printed("5,5%", 1, 5.5),
                 ("2017", "7", "picket", "share_pct"): Printed("8%", 0, 8.0),
                 ("2017", "7", "chaining", "share_pct"): Printed("3%", 0, 3.0)}
    d.reconciliation = _recon(("1", "uralsk", "share_pct", "mismatch", 5.5, "5,5%", 1, "table", True))
    drawn = []
    monkeypatch.setattr(charts, "ranked", lambda labels_, values, shares, *a, **k: drawn.append(shares) or {})
    monkeypatch.setattr(charts, "by_period_bars", lambda *a, **k: {})
    monkeypatch.setattr(charts, "stacked_shares", lambda *a, **k: {})
    for lang, cities, forms in (("ru", ["47%", "8%", "5,6%"], ["8%", "3%"]), ("en", ["47%", "8%", "5.6%"], ["8%", "3%"])):
        drawn.clear()
        b = PeriodView(d, "2017", lang)
        chart_fragments.add_charts(b, SimpleNamespace(files={}, fragments={}))
        assert drawn == [cities, forms]
        assert b.table_notes() == ""  # the chart left no note for the next table to print


def test_a_ranked_charts_label_is_the_share_it_is_given():
    from assets.report import charts

    with charts.drawing(("html",)):
        svg = charts.ranked(["Пикет", "Голодовка"], [3.0, 1.0], ["8%", "3%"], "ru", "Количество собраний")["svg"].decode()
    assert "3 (8%)" in svg and "1 (3%)" in svg and "8,3" not in svg and "2,8" not in svg


# 3. one dash where the published report printed dashes ---------------------------------------------------------------------

def test_a_count_and_share_printed_as_dashes_show_one_dash():
    from assets.report import period_tables

    # 2017, Table 8: pickets 12 (33 %), happenings none, which the published report printed "-" and "-"
    d = _data({"2017": {("8", "picket", "count"): 12.0, ("8", "picket", "share_pct"): 100 / 3,
                        ("8", "happening", "count"): 0.0, ("8", "happening", "share_pct"): 0.0}}, ["2017"])
    d.printed = {("2017", "8", "happening", "count"): Printed("-", None, None, "dash"),
                 ("2017", "8", "happening", "share_pct"): Printed("-", None, None, "dash")}
    got = period_tables.by_period(PeriodView(d, "2017", "ru"), "8", ["picket", "happening"], "count",
                                  share_col="share_pct", field="form", first_header="Форма")
    assert "| Хэппенинг | — |" in got and "(—)" not in got, got
    assert "| Пикет | 12 (33%) |" in got, got


# 4. a court case in English -----------------------------------------------------------------------------------------------------

def test_a_court_case_is_no_in_english_and_the_number_sign_in_russian():
    assert labels.row("case_3", "en") == "No. 3"
    assert labels.row("case_3", "ru") == "№3"


# 5. the narrative's dashes ---------------------------------------------------------------------------------------------------------

def test_the_narrative_writes_a_dash_as_a_dash():
    """A dash between words is an em dash in Russian ('компонент — это'), never a hyphen or an en dash set between
    spaces (an en dash between numbers, '2011–2012', is a span, not this)."""
    bad = []
    for f in sorted((settings.report_src() / "text").rglob("*.md")):
        text = f.read_text(encoding="utf-8")
        for m in re.finditer(r"(?m)(?:\S[ \t]+[-–](?=[ \t]|$))", text):
            line = text.count("\n", 0, m.start()) + 1
            bad.append(f"{f.relative_to(settings.report_src())}:{line}: {text.splitlines()[line - 1].strip()[:80]}")
    assert not bad, "\n".join(bad)


def test_the_conclusions_refuse_on_any_of_the_reasons():
    text = (settings.report_src() / "text" / "ru" / "periods" / "2017" / "conclusions.md").read_text(encoding="utf-8")
    assert re.search(r"под любой из многочисленных\s+оговоренных в законе причин\.", text)
