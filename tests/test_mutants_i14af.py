"""Tests for the survivors of issue 14's fifth draw of the report's sentences (assets/report/sentences.py) with the
second family of operators (`--family 2`, mutmut's and cosmic-ray's: string literals changed to "XX…", values to
None, += → -=, …), 40 %, seed 107 (branch i14af; docs/testing.md, "Measured score"), each on a tiny hand-made fixture
with its expected sentences worked out by hand (the words typed from config/labels.yaml).

1. The first sentence (the general dynamics) gets the footnote of a figure it reads that the published report
   gives otherwise, as every later sentence does.
"""
from __future__ import annotations

from tests.test_mutants_i14z import T, _data, _recon


# 1. the first sentence's footnote ---------------------------------------------------------------------------------------------

def test_the_general_dynamics_sentence_is_footnoted_for_a_mismatch_of_table_2():
    # Table 2's total: 20 in 2016, 12 in 2017 (12/20 = 0.6: 40 % fewer); the published report of 2017 printed 13
    # (status mismatch): the sentence that reads 2017's total gets the note div_published + div_mismatch, with
    # "Таблица №2" / "Table 2" and the column's label "Количество" / "Number" lowered
    from assets.report import sentences
    from assets.report.period_view import PeriodView

    d = _data({"2016": {("2", T, "count"): 20.0}, "2017": {("2", T, "count"): 12.0}}, ["2016", "2017"])
    d.reconciliation = _recon(("2", T, "count", "mismatch", 13.0, "13", 0, "table", True))
    ru, en = sentences.build(PeriodView(d, "2017", "ru")), sentences.build(PeriodView(d, "2017", "en"))
    assert ru["general_dynamics"] == (
        "Данные хранилища позволяют отследить общую динамику ситуации с мирными собраниями за 2 периода мониторинга "
        "(2016 — 2017; см. табл. №2). Количество мирных собраний — 12, на 40% меньше, чем в 2016 году (20)."
        "^[В опубликованном отчёте — 13 (Таблица №2, количество). "
        "Карты наблюдения в том виде, в каком они записаны, дают другое число.]")
    assert en["general_dynamics"] == (
        "The warehouse holds 2 monitoring periods (2016 to 2017; see Table 2). The number of assemblies, 12, is 40% lower "
        "than in 2016 (20).^[The published report gives 13 (Table 2, number). "
        "The observation cards, as recorded, give a different figure.]")
