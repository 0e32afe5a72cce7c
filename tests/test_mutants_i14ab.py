"""Tests for the survivors of issue 14's sample of the report's code with the second family of operators
(`--family 2`, mutmut's and cosmic-ray's: string literals changed to "XX…", values to None, …), seed 89 (branch
i14ab; docs/testing.md, "Measured score"), each on a tiny hand-made fixture with its expected values worked out by
hand (the words typed from config/labels.yaml and schemas/card.yaml).

1. The narrative's phrases of a period of one assembly in one city are singular in both editions: "1 peaceful
   assembly", "in 1 city", "1 unsanctioned assembly"; "1 мирное собрание", "в 1 городе".
2. A figure's divergence as an inline footnote (`divergence_mark(..., in_text=True)`) is "^[…]" with the published
   figure, and one the published report gives in its text is no mark under a table.
3. Table 14-1's fragment: the table, then its note, then nothing more.
4. The topics' tables of two characters: each table whole, one after the other, with nothing between them.
5. Table 8's forms of one count this period follow their largest count over the periods compared, not their names.
6. The appendix's captions (the summary of the reconciliation, its differences, the audit) and the alignment of the
   differences' columns (the derived and the published figures to the right).
7. The paragraph on sources, whole, in both editions.
8. The Russian list of the changes since an edition, whole: its header, the persons as "Лица" (the
   fields' labels escaped: md_escape writes a bracket as &#40;); the section after a report without an appendix, or
   inside the appendix's fenced div.
9. The charts by period are given their legend: "по картам", "опубликовано".
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import polars as pl

from assets.report import appendix, changes, media_sources, period_tables, text_figures
from assets.report.period_view import PeriodView
from tests.test_mutants_i14z import T, _recon, _view


def _text(figs: dict, lang: str) -> dict:
    return text_figures.text_variables(_view(figs, lang=lang))


def _lines(fragment: str, start: str) -> list[str]:
    return [x for x in fragment.splitlines() if x.startswith(start)]


# 1. one assembly, one city: the singular -------------------------------------------------------------------------------------

def test_the_phrases_of_one_assembly_in_one_city_are_singular():
    # the text gives 1 assembly in 1 city, 1 of them unsanctioned, none obstructed (0: the plural)
    figs = {"2017": {("summary", T, "assemblies"): 1.0, ("summary", T, "cities"): 1.0, ("summary", T, "unsanctioned"): 1.0}}
    en, ru = _text(figs, "en"), _text(figs, "ru")
    assert (en["assemblies_phrase"], en["cities_phrase"], en["unsanctioned_gen"], en["obstructed_gen"]) == (
        "1 peaceful assembly", "in 1 city", "1 unsanctioned assembly", "0 unsanctioned assemblies")
    assert (ru["assemblies_phrase"], ru["cities_phrase"], ru["unsanctioned_gen"], ru["obstructed_gen"]) == (
        "1 мирное собрание", "в 1 городе", "1 несанкционированного собрания", "0 несанкционированных акций")


# 2. a divergence as an inline footnote -----------------------------------------------------------------------------------------

def test_a_divergence_in_the_text_is_an_inline_footnote():
    # Table 2's total: the cards give 4, the published report's text printed 5 (a mismatch located in the text)
    v = _view({"2017": {("2", T, "count"): 4.0}})
    v.data.reconciliation = _recon(("2", T, "count", "mismatch", 5.0, "5", 0, "text", True))
    assert v.divergence_mark("2", T, "count", "4", in_text=True) == (
        "^[В опубликованном отчёте — 5. Карты наблюдения в том виде, в каком они записаны, дают другое число.]")
    # under a table only what the published tables print is marked: a printing in the text is not
    assert (v.divergence_mark("2", T, "count", "4"), v.table_notes()) == ("", "")


# 3. Table 14-1 and its note -------------------------------------------------------------------------------------------------------

def test_table_14_1_ends_with_its_note():
    # Table 14-1 of 2017: 40 participants, 10 police, index 0.25; one row "ВСЕГО" (bold)
    f = period_tables.fragments(_view({"2017": {("14-1", T, "participants"): 40.0, ("14-1", T, "police"): 10.0,
                                                ("14-1", T, "police_control_index"): 0.25}}))["t14_1"]
    assert f == ("::: {.table-wrap}\n"
                 "| Показатель | Количество участников | Количество полицейских | Индекс полицейского контроля |\n"
                 "| :--- | ---: | ---: | ---: |\n"
                 "| **ВСЕГО** | 40 | 10 | 0,25 |\n\n"
                 ": Таблица №14-1. Общий «Индекс полицейского контроля» за 2017 год\n"
                 ":::\n\n"
                 "Индекс рассчитан по несанкционированным мирным собраниям (санкционированные исключены), "
                 "как в опубликованном отчёте.\n")


# 4. the topics' tables ---------------------------------------------------------------------------------------------------------------

def test_the_topics_tables_follow_one_another():
    # topics of 2017: political "выборы" 2; social "жильё" 3, "тарифы" 1 (characters in the code list's order,
    # captioned by the character agreed with "темы": "политические", "социальные")
    f = period_tables.fragments(_view({"2017": {("topics", "political/выборы", "count"): 2.0,
                                                ("topics", "social/жильё", "count"): 3.0,
                                                ("topics", "social/тарифы", "count"): 1.0}}))["topics"]
    assert f == ("::: {.table-wrap}\n| Тема | Количество |\n| :--- | ---: |\n| выборы | 2 |\n| **ВСЕГО** | 2 |\n\n"
                 ": Темы собраний: политические\n:::\n"
                 "\n"
                 "::: {.table-wrap}\n| Тема | Количество |\n| :--- | ---: |\n| жильё | 3 |\n| тарифы | 1 |\n| **ВСЕГО** | 4 |\n\n"
                 ": Темы собраний: социальные\n:::\n")


# 5. Table 8: a tie this period --------------------------------------------------------------------------------------------------------

def test_table_8_breaks_a_tie_by_the_largest_count_over_the_periods():
    # Table 8: 2016 rally 5, picket 1; 2017 rally 1, picket 1 (a tie): rally first (5 > 1), though "picket" < "rally"
    f = period_tables.fragments(_view({
        "2016": {("8", "rally", "count"): 5.0, ("8", "picket", "count"): 1.0},
        "2017": {("8", "rally", "count"): 1.0, ("8", "picket", "count"): 1.0}}))["t08"]
    assert [x.replace(" ", "") for x in _lines(f, "| ")] == [
        "|Форма|2016|2017|", "|:---|---:|---:|", "|Митинг|5|1|", "|Пикет|1|1|"]


# 6. the appendix's captions and alignment -------------------------------------------------------------------------------------------

def test_the_appendix_tables_are_captioned_and_aligned():
    # one difference (Table 2's total: cards 4, printed 5) and one finding of the audit (Table 2's total)
    v = _view({"2017": {("2", T, "count"): 4.0}})
    rec = pl.DataFrame({"table_no": ["2"], "row_key": [T], "col_key": ["count"], "derived": [4.0], "published": [5.0],
                        "printed": ["5"], "decimals": [0], "location": ["table"], "status": ["mismatch"]})
    aud = pl.DataFrame({"rule": ["sum_total"], "table_no": ["2"], "row_key": [T], "col_key": ["count"],
                        "published": [5.0], "expected": [4.0]})
    app = appendix.appendix(PeriodView(dataclasses.replace(v.data, reconciliation=rec, audit=aud), "2017", "ru"))
    assert _lines(app, ": ") == [": Итоги сверки", ": Расхождения", ": Противоречия в опубликованном отчёте"]
    # the differences: table, row, column, where, derived, published, status; the figures to the right
    assert _lines(app, "| ")[3:5] == ["| Таблица | Строка | Столбец | Где опубликовано | Рассчитано по картам | Опубликовано | Результат |",
                                      "| :--- | :--- | :--- | :--- | ---: | ---: | :--- |"]


# 7. the paragraph on sources -----------------------------------------------------------------------------------------------------------

def test_the_paragraph_on_sources_whole():
    counts = {"cards": 4, "cards_media_only": 2, "cards_with_attached_media": 1, "monitor_cards_confirmed_by_media": 1}
    assert media_sources.fragment(counts, "ru") == (
        "::: {.media-sources}\nСобраний, известных только по сообщениям СМИ и социальных сетей: 2 из 4 (в описаниях "
        "событий отмечены знаком ◊). Карт мониторов, подтверждённых публикациями СМИ: 1.\n:::\n")
    assert media_sources.fragment(counts, "en") == (
        "::: {.media-sources}\nAssemblies known only from media and social-media reports: 2 of 4 (marked ◊ in the "
        "accounts of events). Monitors' cards confirmed by media reports: 1.\n:::\n")


# 8. the changes since an edition, in Russian ---------------------------------------------------------------------------------------------

def test_the_changes_are_listed_under_their_russian_header():
    # one card of 10 March 2017 in Almaty corrected (its participants and its persons) since 15 January 2018
    ch = pl.DataFrame({"date": [dt.date(2017, 3, 10)], "city": ["almaty"], "change": ["changed"],
                       "fields": [["participants", "persons"]]})
    ru = changes.appendix_section(ch, dt.datetime(2018, 1, 15, tzinfo=dt.timezone.utc), None, "ru")
    assert ru == ("### Изменения с предыдущего издания\n\n"
                  "Карточки, добавленные, исправленные или удалённые с 15 января 2018.\n\n"
                  "::: {.table-wrap}\n| Дата | Город | Изменение | Поля |\n| :--- | :--- | :--- | :--- |\n"
                  "| 10 марта 2017 | Алматы | исправлена | Участники &#40;оценка&#41;, Лица |\n:::\n")


def test_the_changes_go_into_the_appendix_or_after_it():
    # a report without an appendix of its own: the section after a blank line, ending with one newline
    from types import SimpleNamespace

    ch = pl.DataFrame({"date": [dt.date(2017, 3, 10)], "city": ["almaty"], "change": ["added"], "fields": [[]]},
                      schema_overrides={"fields": pl.List(pl.Utf8)})
    since = dt.datetime(2018, 1, 15, tzinfo=dt.timezone.utc)
    ctx = SimpleNamespace(lang="en", fragments={})
    changes.add_section(ctx, (ch, since, None))
    section = ("### Changes since the previous edition\n\nCards added, corrected or removed since 15 January 2018.\n\n"
               "::: {.table-wrap}\n| Date | City | Change | Fields |\n| :--- | :--- | :--- | :--- |\n"
               "| 10 March 2017 | Almaty | added |  |\n:::\n")
    assert ctx.fragments["appendix"] == "\n" + section + "\n"
    # inside the appendix's fenced div when there is one
    ctx = SimpleNamespace(lang="en", fragments={"appendix": "::: {#appendix .appendix}\nA\n:::\n"})
    changes.add_section(ctx, (ch, since, None))
    assert ctx.fragments["appendix"] == "::: {#appendix .appendix}\nA\n\n" + section + "\n:::\n"


# 9. the charts' legend ---------------------------------------------------------------------------------------------------------------------

def test_the_charts_by_period_are_given_their_legend(monkeypatch):
    # Table 2 of 2016 (published) and 2017, Table 15 of both: both charts by period get the legend of the derived and
    # the published bars (config/labels.yaml derived_legend, published_legend), which they draw where periods differ
    from types import SimpleNamespace

    from assets.report import chart_fragments, charts

    calls = []
    monkeypatch.setattr(charts, "by_period_bars", lambda *a, **k: calls.append(k) or {"svg": b""})
    v = _view({"2016": {("2", T, "count"): 5.0, ("15", T, "police_control_index"): 1.0},
               "2017": {("2", T, "count"): 4.0, ("15", T, "police_control_index"): 2.0}})
    v.data.published.add(("2016", "2"))
    chart_fragments.add_charts(v, SimpleNamespace(files={}, fragments={}))
    assert [(k["legend"], k["ylabel"]) for k in calls] == [(("по картам", "опубликовано"), "Количество собраний"),
                                                          (("по картам", "опубликовано"), "Индекс полицейского контроля")]
