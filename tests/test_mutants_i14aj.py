"""Tests for the survivors of issue 14's last run of the report's sentences (assets/report/sentences.py) with the
second family of operators (`--family 2`, mutmut's and cosmic-ray's: string literals changed to "XX…", values to
None, += → -=, …): the 165 mutants no earlier draw ran (`--not-drawn`, branch i14aj; docs/testing.md, "Measured
score"), each on a tiny hand-made fixture with its expected sentences worked out by hand (the names typed from
config/gazetteer.yaml, schemas/card.yaml and config/labels.yaml).

1. The cities sentence reads Table 1's total (its remainder is the total less the two largest cities): a total the
   published report gives otherwise footnotes it.
2. The individuals' share (a bare figure in the text, not a sentence) never gets a footnote.
3. A city's activity index with no earlier period to compare it with ends its sentence with a full stop.
"""
from __future__ import annotations

from tests.test_mutants_i14z import T, _data, _recon


def _build(d, period: str = "2017") -> tuple[dict, dict]:
    from assets.report import sentences
    from assets.report.period_view import PeriodView

    return sentences.build(PeriodView(d, period, "ru")), sentences.build(PeriodView(d, period, "en"))


# 1. the cities sentence's footnote for Table 1's total ----------------------------------------------------------------------

def test_the_cities_sentence_is_footnoted_for_a_mismatch_of_table_1s_total():
    # Table 1 of 2017: Almaty 4 (40 %), Astana 3 (30 %), Shymkent 2, Taraz 1, total 10: the rest is 10 - 4 - 3 = 3 in
    # 2 cities; 40 % is no simple fraction (1/2 is 10 points off, 1/3 6.7). The published report printed the total
    # 11 (status mismatch): the sentence gets the note div_published + div_mismatch ("Таблица №1", "количество")
    d = _data({"2017": {("1", "almaty", "count"): 4.0, ("1", "astana", "count"): 3.0, ("1", "shymkent", "count"): 2.0,
                        ("1", "taraz", "count"): 1.0, ("1", T, "count"): 10.0,
                        ("1", "almaty", "share_pct"): 40.0, ("1", "astana", "share_pct"): 30.0}}, ["2017"])
    d.reconciliation = _recon(("1", T, "count", "mismatch", 11.0, "11", 0, "table", True))
    ru, en = _build(d)
    assert ru["cities"] == (
        "Самая высокая митинговая активность зафиксирована в городе Алматы — 4 мирных собрания, 40% от общего количества. "
        "На втором месте — Астана: 3 (30%). В остальных 2 городах — 3 собрания."
        "^[В опубликованном отчёте — 11 (Таблица №1, количество). "
        "Карты наблюдения в том виде, в каком они записаны, дают другое число.]")
    assert en["cities"] == (
        "Activity was highest in Almaty: 4 assemblies, 40% of all. Next comes Astana: 3 (30%). The other 2 cities had 3."
        "^[The published report gives 11 (Table 1, number). The observation cards, as recorded, give a different figure.]")


# 2. the individuals' share: a bare figure, no footnote -------------------------------------------------------------------------

def test_the_individuals_share_is_never_footnoted():
    # Table 6 of 2017: NGOs 3 (60 %), individuals 2 (40 %); the published report printed the individuals' share 50
    # (status mismatch): the organisers' sentence, which gives 40 %, is footnoted; the bare figure "40%" the narrative
    # puts in its own sentence is not (a footnote is the sentence's)
    d = _data({"2017": {("6", "ngo", "count"): 3.0, ("6", "ngo", "share_pct"): 60.0,
                        ("6", "individual", "count"): 2.0, ("6", "individual", "share_pct"): 40.0}}, ["2017"])
    d.reconciliation = _recon(("6", "individual", "share_pct", "mismatch", 50.0, "50", 0, "table", True))
    ru, en = _build(d)
    assert (ru["individual_share"], en["individual_share"]) == ("40%", "40%")
    assert ru["organizers"] == (
        "Организаторами собраний были: общественные организации и партии — 3 (60%), одиночки — 2 (40%)."
        "^[В опубликованном отчёте — 50% (Таблица №6, доля). "
        "Карты наблюдения в том виде, в каком они записаны, дают другое число.]")
    assert en["organizers"] == (
        "The organisers were: NGOs and parties — 3 (60%), individuals — 2 (40%)."
        "^[The published report gives 50% (Table 6, share). The observation cards, as recorded, give a different figure.]")


# 3. a city's activity index and no earlier period ------------------------------------------------------------------------------

def test_a_citys_activity_index_without_a_comparison_ends_the_sentence():
    # one period (nothing to compare with): Table 1 Almaty 3 of 3 (100 %, no simple fraction), Table 3 Almaty 1.5 a
    # month: the sentence says the index and ends there
    d = _data({"2017": {("1", "almaty", "count"): 3.0, ("1", T, "count"): 3.0, ("1", "almaty", "share_pct"): 100.0,
                        ("3", "almaty", "activity_index"): 1.5}}, ["2017"])
    ru, en = _build(d)
    # (one city: no ranking among one, tests/test_report_ties.py)
    assert ru["cities"] == "Все 3 мирных собрания прошли в одном городе — Алматы. В среднем там проходило 1,5 собрания в месяц."
    assert en["cities"] == "All 3 assemblies were held in one city, Almaty. That is 1.5 a month."


# 4. the individuals' share leaves no footnote behind for the next sentence -----------------------------------------------------

def test_the_forms_sentence_gets_no_footnote_of_the_individuals_share():
    # Table 6 of 2017: NGOs 3 (60 %), individuals 2 (40 %), the individuals' share printed 50 (mismatch); Table 7: 5
    # pickets (100 %). The organisers' sentence carries the note on Table 6; the forms sentence, written after the bare
    # individuals' share, carries none (it had Table 6's note: the share's figure was still among those read)
    d = _data({"2017": {("6", "ngo", "count"): 3.0, ("6", "ngo", "share_pct"): 60.0,
                        ("6", "individual", "count"): 2.0, ("6", "individual", "share_pct"): 40.0,
                        ("7", "picket", "count"): 5.0, ("7", "picket", "share_pct"): 100.0, ("7", T, "count"): 5.0}}, ["2017"])
    d.reconciliation = _recon(("6", "individual", "share_pct", "mismatch", 50.0, "50", 0, "table", True))
    ru, en = _build(d)
    assert en["forms"] == "All 5 assemblies took one form: picket (Table 7)."
    assert ru["forms"] == "Все 5 мирных собраний прошли в одной форме — пикет (см. табл. №7)."
    assert "^[" in en["organizers"] and "^[" in ru["organizers"]


def test_the_number_of_forms_agrees_with_its_verb_in_russian():
    # "всего зафиксирована 1 форма" (above), "зафиксировано 11 форм" (11, not 1: the 11 forms of card.yaml, one each)
    codes = ["rally", "picket", "single_picket", "march", "road_block", "chaining", "hunger_strike", "crane_climb",
             "happening", "flashmob", "other"]
    # (rallies 2 of 12, the other ten forms 1 each: one most common form, not a tie of all eleven)
    figs = ({("7", c, "count"): 1.0 for c in codes} | {("7", c, "share_pct"): 8.3 for c in codes}
            | {("7", "rally", "count"): 2.0, ("7", "rally", "share_pct"): 16.7, ("7", T, "count"): 12.0})
    ru, en = _build(_data({"2017": figs}, ["2017"]))
    assert ru["forms"].endswith(": 2 (17%); всего зафиксировано 11 форм мирных собраний (см. табл. №7).")
    assert en["forms"].endswith(": 2 (17%); 11 forms were recorded in all (Table 7).")


def test_the_verb_of_the_forms_follows_the_number_beyond_eleven():
    # the rule of Russian agreement, not only for card.yaml's 11 forms today: 10 and 12 forms "зафиксировано", 21
    # "зафиксирована" (Table 7's rows are the period's form keys, whatever they are; "f01" … here, largest first)
    for n, tail in ((10, "всего зафиксировано 10 форм"), (12, "всего зафиксировано 12 форм"),
                    (21, "всего зафиксирована 21 форма"), (111, "всего зафиксировано 111 форм")):
        figs = {("7", f"f{i:03d}", "count"): float(n + 1 - i) for i in range(1, n + 1)} | {("7", T, "count"): 99.0}
        ru, _ = _build(_data({"2017": figs}, ["2017"]))
        assert tail + " мирных собраний (см. табл. №7)." in ru["forms"], (n, ru["forms"])
