"""Tests for the survivors of issue 14's larger sample of the report's text figures (assets/report/text_figures.py,
`--sample 0.35 --seed 61`; branch i14r; docs/testing.md, "Measured score"), each on a tiny hand-made fixture with its
expected values worked out by hand.

1. A text figure that a table also holds (the detention cases: Table 16's total) is footnoted where the published
   table gives another number, not only where the published text does.
2. Every phrase (`obstructed_gen`, ...) is a variable of every period, "—" where it has no figure, even where the
   narrative (MONITOR_REPORT_SRC) does not name it; and every figure the narrative names is one.
"""
from __future__ import annotations

from assets.report import text_figures
from assets.report.period_view import PeriodView
from tests.test_mutants_i14z import _recon
from tests.test_report_sentences_values import T, _data


def _view(figs: dict, lang: str, recon=None, period: str = "2017") -> PeriodView:
    d = _data(figs, sorted(figs))
    d.reconciliation = recon
    return PeriodView(d, period, lang)


# 1. the detention cases' footnote from Table 16 -------------------------------------------------------------------------

def test_the_detention_cases_are_footnoted_where_table_16_was_printed_otherwise():
    # the cards give 7 detention cases (text and Table 16's total alike); the published Table 16 printed 8 (a mismatch
    # of the table, none of the text): config/labels.yaml's div_published with 8, "Table 16" and the column's label
    # lowered, then div_mismatch
    figs = {"2017": {("summary", T, "assemblies"): 12.0, ("summary", T, "detention_cases"): 7.0,
                     ("16", T, "detention_cases"): 7.0}}
    recon = _recon(("16", T, "detention_cases", "mismatch", 8.0, "8", 0, "table", True))
    en = text_figures.text_variables(_view(figs, "en", recon))
    assert en["detention_cases"] == ("7^[The published report gives 8 (Table 16, assemblies with detentions). "
                                     "The observation cards, as recorded, give a different figure.]")
    assert en["assemblies"] == "12"  # Table 2's total is not in the fixture: no footnote


# 2. every phrase and every variable of the narrative ----------------------------------------------------------------------

def test_every_phrase_and_every_variable_of_the_narrative_is_there(tmp_path, monkeypatch):
    # a narrative (MONITOR_REPORT_SRC) that names two figures, one with spaces inside the braces, and no phrase: a period
    # with none of them gives "—" for both, for the assemblies and cities, and for each phrase
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "a.md").write_text("{{< var s.court_cases >}} and {{<var s.dispersed>}}", encoding="utf-8")
    monkeypatch.setenv("MONITOR_REPORT_SRC", str(tmp_path))
    s = text_figures.text_variables(_view({"2017": {("7", "picket", "count"): 3.0}}, "ru"))
    # and the counts the narrative says with a noun (text_figures.COUNTED): "—" with the noun's plural, the verbs in the
    # plural, no duration sentence
    counted = ("detention_cases", "detained_persons", "participants", "participants_excl_sanctioned",
               "participants_excl_sanctioned_state", "applied", "police")
    assert s == {**{k: "—" for k in ("court_cases", "dispersed", "assemblies", "cities", "assemblies_phrase", "cities_phrase",
                                     "unsanctioned_gen", "obstructed_gen") + counted},
                 "detention_cases_n": "— мирных собраний", "detained_persons_n": "— человек", "court_cases_n": "— дел",
                 "participants_n": "— человек", "participants_excl_sanctioned_n": "— человек",
                 "participants_excl_sanctioned_state_n": "— человек", "applied_n": "— случаях", "police_n": "— полицейских",
                 "detention_cases_verb": "закончились", "detained_persons_verb": "задержано", "police_verb": "было задействовано",
                 "duration_sentence": "",
                 # the authorities' sentence of the narrative, of figures not known (tests/test_report_zero_sentences.py)
                 "reaction_unsanctioned": "Из — прокуратура присутствовала на — и вынесла предупреждения на —. Полиция "
                                          "препятствовала проведению —; разогнано собраний: —.",
                 # the courts' and the detentions' sentences of the narrative, of figures not known
                 "courts_heard": "В административных судах рассматривалось — дел участников несанкционированных мирных "
                                 "собраний; организаторы и участники привлекались к административной ответственности по "
                                 "статье 488 КоАП (нарушение порядка проведения мирных собраний).",
                 "detentions_sentence": "Задержаниями участников закончились — мирных собраний (— от всех); всего задержано "
                                        "— человек, из них превентивно, ещё до начала акции, — —.",
                 # the police's and the applications' sentences of the narrative, of figures not known
                 "police_sentence": "По данным мониторинга, для контроля над мирными собраниями было задействовано в целом "
                                    "— полицейских, в среднем — на одну акцию.",
                 "applications_sentence": "Заявки на проведение собраний подавались в — случаях, отказов в проведении "
                                          "собраний зафиксировано: —; не допущено собраний: —; превентивных задержаний: —."}
