"""Tests for the survivors of issue 14's sample of the report's period view and tables with seed 61 (branch i14p;
docs/testing.md, "Measured score"), each on a tiny hand-made fixture with its expected values worked out by hand.

1. A row of the topics' table is labelled as the topic in the edition's language (the cards' English version in
   the English edition, else the topic marked untranslated), not as a row key of the dictionary.
2. Table 8 compares with the previous period when that period has figures of forms at all, Table 7's or Table 8's:
   a previous period with Table 7 only keeps its column (its cells "—") and the caption's "(с 2016 годом)".
3. PeriodView.comparison against a period that is neither the previous one nor the peak is None (the model,
   sql/report/figure_changes.sql, has no such comparison), not the peak's comparison.
4. A row key of a table of codes (Table 4's characters, Table 7's forms) is labelled by its
   code list (schemas/card.yaml), as the appendix lists it, not as a city.
5. Table 4 with a period of an earlier published report says under it that those figures are published ones.
"""
from __future__ import annotations

from tests.test_mutants_i14z import T, _view


# 1. key_label of a topic -------------------------------------------------------------------------------------------------

def test_a_topics_row_is_labelled_in_the_editions_language():
    # 2017: one topic, "жильё", whose cards give "housing" in English; another, "тарифы", without an English version
    # (marked with config/labels.yaml's words.untranslated.en, "(untranslated, Russian):")
    v = _view({"2017": {("2", T, "count"): 2.0}}, lang="en")
    v.data.topic_en.update({"жильё": "housing"})
    assert v.key_label("topics", "жильё") == "housing"
    assert v.key_label("topics", "тарифы") == "[(untranslated, Russian): тарифы]{.untranslated lang=ru}"


# 2. Table 8: a previous period with Table 7 only ---------------------------------------------------------------------------

def test_table_8_keeps_a_previous_period_that_has_only_table_7():
    from assets.report import period_tables

    # 2016: Table 7 only (rally 3); 2017: Table 8 rally 1. The comparison is with 2016: its column, with no Table 8
    # figure, reads "—", and the caption ends "(с 2016 годом)" (config/labels.yaml's title of Table 8 with {prev})
    f = period_tables.fragments(_view({
        "2016": {("7", "rally", "count"): 3.0},
        "2017": {("8", "rally", "count"): 1.0, ("2", T, "count"): 1.0}}))["t08"]
    assert [x.replace(" ", "") for x in f.splitlines() if x.startswith("| ")] == [
        "|Форма|2016|2017|", "|:---|---:|---:|", "|Митинг|—|1|"]
    assert [x for x in f.splitlines() if x.startswith(": ")] == [
        ": Таблица №8. Сравнительная таблица форм собраний (с 2016 годом)"]


# 3. comparison: only against the previous period or the peak ---------------------------------------------------------------

def test_a_comparison_with_a_period_neither_previous_nor_peak_is_none():
    # Table 2 totals: 2014 1, 2015 20 (the peak), 2016 5, 2017 10. Against 2016 (previous): 10 / 5 = 2.0, 5 / 10 = 0.5,
    # +100 %; against 2015 (the peak): 10 / 20 = 0.5, 20 / 10 = 2.0, -50 %; against 2014: no comparison
    v = _view({"2014": {("2", T, "count"): 1.0}, "2015": {("2", T, "count"): 20.0},
               "2016": {("2", T, "count"): 5.0}, "2017": {("2", T, "count"): 10.0}})
    assert v.comparison("2", T, "count", "2016") == (2.0, 0.5, 100.0)
    assert v.comparison("2", T, "count", "2015") == (0.5, 2.0, -50.0)
    assert v.comparison("2", T, "count", "2014") is None
    assert v.comparison("2", T, "count", None) is None


# 4. key_label of a code -----------------------------------------------------------------------------------------------------

def test_a_row_key_of_a_table_of_codes_is_labelled_by_its_code_list():
    # schemas/card.yaml: character political "Политический" / "Political", form rally "Митинг"; a city's row: almaty
    # "Алматы"
    v = _view({"2017": {("2", T, "count"): 1.0}})
    assert [v.key_label(t, k) for t, k in (("4", "political"), ("7", "rally"), ("1", "almaty"))] == [
        "Политический", "Митинг", "Алматы"]
    assert _view({"2017": {("2", T, "count"): 1.0}}, lang="en").key_label("4", "political") == "Political"


# 5. Table 4's note on published figures ---------------------------------------------------------------------------------------

def test_table_4_with_a_published_period_says_so_under_it():
    from assets.report import period_tables

    # Table 4: 2016 from the published report (social 100 %), 2017 from the cards (social 1, 100 %); only Table 4 of
    # 2016 is published, so the note (config/labels.yaml's words.published_note) is under Table 4 and 2016 is marked "*"
    v = _view({"2016": {("4", "social", "share_pct"): 100.0},
               "2017": {("4", "social", "count"): 1.0, ("4", "social", "share_pct"): 100.0, ("2", T, "count"): 1.0}})
    v.data.published.add(("2016", "4"))
    t04 = period_tables.fragments(v)["t04"]
    note = "\\* Опубликованные данные прошлых отчётов (карты наблюдения за этот период в хранилище отсутствуют)."
    assert t04.count(note) == 1
    assert [x.split(" | ")[0] for x in t04.splitlines() if x.startswith("| 20")] == ["| 2016*", "| 2017"]
