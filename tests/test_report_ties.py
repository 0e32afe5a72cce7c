"""Ranking sentences with ties and with one row (a reader's probe of odd inboxes): three cities tied for second
place were named and then counted again among "the other cities" ("Next come Astana, Taraz and Shymkent: 2 each.
The other 3 cities had 5" of Almaty 4, Astana 2, Shymkent 2, Taraz 2, Aktau 1), two forms with as many
assemblies were "the most common form was the picket", two cities with the same police control index had one
"tightest", and one city alone was "highest, 100% of all". Every expected string is typed by hand from the small
fixtures below (no pipeline run); the remainders come from sql/report/remainders.sql over the same figures."""
from __future__ import annotations

import dataclasses

import duckdb
import pytest

from assets.report import sentences, stats
from assets.report.period_view import PeriodView
from tests.test_report_sentences_values import _data

T = "total"


def _table(table: str, counts: dict[str, int]) -> dict:
    total = sum(counts.values())
    f = {}
    for k, n in counts.items():
        f[(table, k, "count")] = float(n)
        f[(table, k, "share_pct")] = 100.0 * n / total
    f[(table, T, "count")] = float(total)
    f[(table, T, "share_pct")] = 100.0
    return f


def _both(figs: dict, key: str, model: bool = True) -> tuple[str, str]:
    d = _data({"2018": figs}, ["2018"])
    if not model:
        d = dataclasses.replace(d, remainders={})
    return (sentences.build(PeriodView(d, "2018", "ru"))[key], sentences.build(PeriodView(d, "2018", "en"))[key])


# ---------------------------------------------------------------- cities (Table 1)

@pytest.mark.parametrize("model", [True, False])
def test_three_cities_tied_for_second_are_not_counted_again_among_the_others(model):
    # Almaty 4 of 11 (36%); Astana, Shymkent, Taraz 2 each (18%); Aktau 1: the one other city had 11 − 4 − 2·3 = 1
    ru, en = _both(_table("1", {"almaty": 4, "astana": 2, "shymkent": 2, "taraz": 2, "aktau": 1}), "cities", model)
    assert ru.endswith(": в каждом 2 (18%). Ещё в одном городе — 1 собрание.")
    assert en.endswith(": 2 (18%) each. One other city had 1.")
    for name in ("Astana", "Shymkent", "Taraz"):
        assert name in en


@pytest.mark.parametrize("model", [True, False])
def test_two_tied_for_second_and_two_others(model):
    # Almaty 5 of 11; Astana and Shymkent 2 each; Taraz 1 and Aktau 1: the other 2 cities had 2 (not 3 cities, 4)
    ru, en = _both(_table("1", {"almaty": 5, "astana": 2, "shymkent": 2, "taraz": 1, "aktau": 1}), "cities", model)
    assert ru.endswith("На втором месте — Астана и Шымкент: в каждом 2 (18%). В остальных 2 городах — 2 собрания.")
    assert en.endswith("Next come Astana and Shymkent: 2 (18%) each. The other 2 cities had 2.")


def test_every_city_named_leaves_no_other_cities():
    # Almaty 4 of 10; Astana, Shymkent, Taraz 2 each: all four named, nothing left over
    ru, en = _both(_table("1", {"almaty": 4, "astana": 2, "shymkent": 2, "taraz": 2}), "cities")
    assert ru.endswith(": в каждом 2 (20%).") and "остальных" not in ru and "Ещё" not in ru
    assert en.endswith(": 2 (20%) each.") and "other" not in en


def test_three_cities_tied_first_and_one_other():
    # Almaty, Astana, Shymkent 2 each of 7 (29%), Taraz 1
    ru, en = _both(_table("1", {"almaty": 2, "astana": 2, "shymkent": 2, "taraz": 1}), "cities")
    assert ru == ("Самая высокая митинговая активность зафиксирована сразу в 3 городах — Алматы, Астана и Шымкент: в каждом "
                  "2 мирных собрания, 29% от общего количества. Ещё в одном городе — 1 собрание.")
    assert en == "Almaty, Astana and Shymkent shared the highest activity: 2 assemblies each, 29% of all. One other city had 1."


@pytest.mark.parametrize("model", [True, False])
def test_every_city_tied_is_the_same_count_not_the_highest(model):
    # Almaty, Astana, Shymkent 2 each of 6 (33%): no city is highest over the others, and none is left over
    ru, en = _both(_table("1", {"almaty": 2, "astana": 2, "shymkent": 2}), "cities", model)
    assert ru == "В городах Алматы, Астана и Шымкент прошло одинаковое число мирных собраний — по 2 (33% от общего количества)."
    assert en == "Almaty, Astana and Shymkent had 2 assemblies each (33% of all)."


def test_one_city_is_no_ranking():
    ru, en = _both(_table("1", {"almaty": 3}), "cities")
    assert ru == "Все 3 мирных собрания прошли в одном городе — Алматы."
    assert en == "All 3 assemblies were held in one city, Almaty."
    ru, en = _both(_table("1", {"astana": 1}), "cities")
    assert ru == "Единственное мирное собрание периода прошло в городе Астана."
    assert en == "The period's only assembly was held in Astana."


def test_the_remainders_model_names_the_whole_tie():
    con = duckdb.connect()
    con.execute("CREATE TABLE figures (period VARCHAR, table_no VARCHAR, row_key VARCHAR, col_key VARCHAR, value DOUBLE, "
                "provenance VARCHAR)")
    rows = [("1", "almaty", 4.0), ("1", "astana", 2.0), ("1", "shymkent", 2.0), ("1", "taraz", 2.0), ("1", "aktau", 1.0),
            ("1", T, 11.0), ("7", "rally", 2.0), ("7", "march", 2.0), ("7", "picket", 2.0), ("7", "other", 1.0), ("7", T, 7.0)]
    con.executemany("INSERT INTO figures VALUES ('2018', ?, ?, 'count', ?, 'derived')", rows)
    rem = stats.remainders(con)
    one = rem[("2018", "1", "count")]
    # one first (almaty), three second: 4 named, 11 − 4 − 6 = 1 left in 1 row; the top-two columns stay as they were
    assert (one["named_rows"], one["named_remainder"], one["named_remainder_rows"]) == (4, 1.0, 1)
    assert (one["first_row"], one["second_row"], one["remainder"], one["remainder_rows"]) == ("almaty", "astana", 5.0, 3)
    seven = rem[("2018", "7", "count")]
    # three tied first: only they are named (no second place after a tie), 7 − 6 = 1 left in 1 row
    assert (seven["named_rows"], seven["named_remainder"], seven["named_remainder_rows"]) == (3, 1.0, 1)


# ---------------------------------------------------------------- forms (Table 7)

def test_forms_tied_for_most_common_are_named_together():
    # rally, march, picket 2 each of 7 (29%), other 1
    ru, en = _both(_table("7", {"rally": 2, "march": 2, "picket": 2, "other": 1}), "forms")
    assert ru == ("Самые распространённые формы — шествие, пикет и митинг: по 2 (29%); всего зафиксировано 4 формы мирных "
                  "собраний (см. табл. №7).")
    assert en == "The most common forms were march, picket and rally: 2 (29%) each; 4 forms were recorded in all (Table 7)."


def test_forms_all_equally_common_and_one_form_only():
    ru, en = _both(_table("7", {"rally": 2, "march": 2}), "forms")
    assert ru == "Формы мирных собраний встречались одинаково часто — шествие и митинг: по 2 (50%) (см. табл. №7)."
    assert en == "The 2 forms recorded were equally common, march and rally: 2 (50%) each (Table 7)."
    ru, en = _both(_table("7", {"picket": 3}), "forms")
    assert ru == "Все 3 мирных собрания прошли в одной форме — пикет (см. табл. №7)."
    assert en == "All 3 assemblies took one form: picket (Table 7)."
    ru, en = _both(_table("7", {"hunger_strike": 1}), "forms")
    assert ru == "Единственное мирное собрание периода прошло в форме «голодовка» (см. табл. №7)."
    assert en == "The period's only assembly took the form: hunger strike (Table 7)."


def test_one_most_common_form_as_before():
    ru, en = _both(_table("7", {"rally": 3, "march": 1}), "forms")
    assert ru == "Самая распространённая форма — митинг: 3 (75%); всего зафиксировано 2 формы мирных собраний (см. табл. №7)."
    assert en == "The most common form was the rally: 3 (75%); 2 forms were recorded in all (Table 7)."


def test_the_code_other_leading_the_forms_is_said_as_other_forms():
    # `other` ("Другое" / "Other") stands for forms outside the list: never "the other" nor "форма — другое"
    # other 3 of 5 (60%), rally 1, march 1
    ru, en = _both(_table("7", {"other": 3, "rally": 1, "march": 1}), "forms")
    assert ru == "Чаще всего встречались другие формы: 3 (60%); всего зафиксировано 3 формы мирных собраний (см. табл. №7)."
    assert en == "Forms listed as other were the most common: 3 (60%); 3 forms were recorded in all (Table 7)."
    # other and rally 2 each of 5 (40%), picket 1: tied, named together
    ru, en = _both(_table("7", {"other": 2, "rally": 2, "picket": 1}), "forms")
    assert ru == ("Самые распространённые формы — другие формы и митинг: по 2 (40%); всего зафиксировано 3 формы мирных "
                  "собраний (см. табл. №7).")
    assert en == "The most common forms were forms listed as other and rally: 2 (40%) each; 3 forms were recorded in all (Table 7)."
    # every assembly (2) in `other`; the only assembly in `other`
    ru, en = _both(_table("7", {"other": 2}), "forms")
    # (two are "оба" / "both", never "Все 2" / "All 2": tests/test_report_reader_probe.py)
    assert ru == "Оба мирных собрания прошли в формах, отмеченных как «другое» (см. табл. №7)."
    assert en == "Both assemblies took forms listed as other (Table 7)."
    ru, en = _both(_table("7", {"other": 3}), "forms")
    assert ru == "Все 3 мирных собрания прошли в формах, отмеченных как «другое» (см. табл. №7)."
    assert en == "All 3 assemblies took forms listed as other (Table 7)."
    ru, en = _both(_table("7", {"other": 1}), "forms")
    assert ru == "Единственное мирное собрание периода прошло в форме, отмеченной как «другое» (см. табл. №7)."
    assert en == "The period's only assembly took a form listed as other (Table 7)."


# ---------------------------------------------------------------- police control (Table 14)

def _police(idx: dict[str, float]) -> tuple[str, str]:
    return _both({("14", k, "police_control_index"): v for k, v in idx.items()}, "police")


def test_police_control_tied_tightest_named_together():
    ru, en = _police({"almaty": 0.5, "astana": 0.5, "taraz": 0.2})
    assert ru == "Самый плотный контроль — в городах Алматы и Астана (индекс 0,50 в каждом)."
    assert en == "Control was tightest in Almaty and Astana (index 0.50 each)."
    # a tie as printed: 0.501 and 0.499 both read 0,50
    ru, en = _police({"almaty": 0.499, "astana": 0.501, "taraz": 0.2})
    assert en == "Control was tightest in Almaty and Astana (index 0.50 each)."


def test_police_control_the_same_everywhere_one_city_or_none():
    ru, en = _police({"almaty": 0.5, "astana": 0.5})
    assert ru == "Во всех городах индекс одинаков — 0,50." and en == "The index was the same in every city, 0.50."
    assert _police({"almaty": 0.5}) == ("", "")            # one city: no "tightest" among one
    assert _police({"almaty": 0.0, "astana": 0.0}) == ("", "")  # no police anywhere: nothing is tight
    ru, en = _police({"almaty": 0.22, "astana": 0.21, "shymkent": 0.2})
    assert ru == "Самый плотный контроль — в городе Алматы (индекс 0,22)." and en == "Control was tightest in Almaty (index 0.22)."
