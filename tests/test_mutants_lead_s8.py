"""Tests for the survivors of issue 14's first-family run over the text figures' mutants no earlier draw reached
(assets/report/text_figures.py, `--not-drawn` the eight draws; the lead, 2026-12-02; docs/testing.md, "Measured
score"), on a tiny hand-made fixture with its expected values worked out by hand.

1. The text's variables are the summary's figures (of any period) and the narrative's, not every column of a table's
   total row.
"""
from __future__ import annotations

from assets.report import text_figures
from tests.test_mutants_i14r import _view
from tests.test_report_sentences_values import T


def test_the_text_variables_are_the_summarys_figures_not_the_tables_totals(tmp_path, monkeypatch):
    # a narrative that names no figure; 2017: the summary's 12 assemblies, Table 2's total participants 500 (no city
    # row); 2016: the summary's 3 court cases. Variables: the two summary figures (2016's "—" in 2017), the cities
    # (0: Table 2 has no city with an assembly), the four phrases — not Table 2's "participants"
    (tmp_path / "text").mkdir()
    monkeypatch.setenv("MONITOR_REPORT_SRC", str(tmp_path))
    figs = {"2016": {("summary", T, "court_cases"): 3.0},
            "2017": {("summary", T, "assemblies"): 12.0, ("2", T, "participants"): 500.0}}
    s = text_figures.text_variables(_view(figs, "en"))
    # (and the counts the narrative says with a noun, text_figures.COUNTED, their phrases and verbs, and the duration's)
    counted = ["applied", "detained_persons", "detention_cases", "participants", "participants_excl_sanctioned",
               "participants_excl_sanctioned_state", "police"]
    assert sorted(s) == sorted(["assemblies", "assemblies_phrase", "cities", "cities_phrase", "court_cases", "obstructed_gen",
                                "unsanctioned_gen", "court_cases_n", "detained_persons_verb", "duration_sentence",
                                "reaction_unsanctioned", "courts_heard", "detentions_sentence", "police_sentence",
                                "applications_sentence"]
                               + counted + [k + "_n" for k in counted])
    assert (s["assemblies"], s["cities"], s["court_cases"]) == ("12", "0", "—")
