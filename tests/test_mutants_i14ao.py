"""Tests for the survivors of issue 14's run of the report's sentences (assets/report/sentences.py) with the first
family of operators: 40 % of the mutants no earlier first-family draw reached (`--not-drawn 0.1:15 0.05:23 0.05:31
0.03:17 0.1:53 0.1:59 0.1:71 --sample 0.4 --seed 127`; branch i14ao; docs/testing.md, "Measured score"), each on a
tiny hand-made fixture with its expected sentences worked out by hand (the names typed from config/gazetteer.yaml,
schemas/card.yaml and config/labels.yaml).

1. The city of the tightest police control is read from Table 14's index alone, not from its other columns
   (participants, police).
2. Arrests without their number of days still say "— days" in English.
"""
from __future__ import annotations

from tests.test_report_sentences_values import T, sentences_of


# 1. the tightest police control: Table 14's index, not its participants -------------------------------------------------

def test_the_tightest_control_reads_the_index_not_the_participants():
    # Table 14 as sql/figures/t14_police_control.sql gives it: Almaty 200 participants, 100 police (index 0.5);
    # Astana 20 participants, 40 police (index 2.0). The tightest control is Astana's 2.0 (Almaty's 200 participants
    # are no index)
    figs = {"2017": {("14", "almaty", "participants"): 200.0, ("14", "almaty", "police"): 100.0,
                     ("14", "almaty", "police_control_index"): 0.5,
                     ("14", "astana", "participants"): 20.0, ("14", "astana", "police"): 40.0,
                     ("14", "astana", "police_control_index"): 2.0}}
    ru, en = sentences_of(figs, ["2017"])
    assert ru["police"] == "Самый плотный контроль — в городе Астана (индекс 2,00)."
    assert en["police"] == "Control was tightest in Astana (index 2.00)."


# 2. arrests without their days -------------------------------------------------------------------------------------------

def test_arrests_without_their_days_say_a_dash():
    # the courts of 2017: 2 warned, 3 fined (150 MRP), 1 arrested, the days of arrest not known; nobody released
    figs = {"2017": {("courts", T, "warnings"): 2.0, ("courts", T, "fines"): 3.0, ("courts", T, "fine_mrp_total"): 150.0,
                     ("courts", T, "arrests"): 1.0}}
    ru, en = sentences_of(figs, ["2017"])
    assert en["courts"] == ("The courts warned 2, fined 3 (150 MRP in all) and sent 1 to administrative arrest "
                            "(— days in all).")
    assert ru["courts"] == ("В ходе судебного разбирательства предупреждения получили 2 человека, денежные штрафы — 3 "
                            "(всего 150 МРП), административный арест — 1 (всего — сут.).")
