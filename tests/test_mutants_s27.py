"""Session 27's mutation work (issue 14): the survivor of `scripts/mutate.py --area report --sample 0.04 --seed 137`
and the survivors of the hand batch scripts/mutate_by_hand_s26.py (the report's generated sentences, fmt's words
and numbers, the blocking checks), each killed by a fixture whose expected value is worked out by hand beside it
(docs/testing.md, "Measured score"). No pipeline run: the sentences are built from typed figures
(tests/test_report_sentences_values.py's `_data`)."""
from __future__ import annotations

import pytest

from assets.report import fmt


# ---------------------------------------------------------------- «оба» / «обе»: the gender of the noun's first parse

@pytest.mark.parametrize("word, two", [
    # 'стена': pymorphy's first parse is the feminine nominative, its second the masculine genitive plural of «стен»:
    # read from the second, the two would be «Оба стены»
    ("стена", "Обе стены"), ("пара", "Обе пары"),
    # one parse only: no second to read
    ("форма", "Обе формы"), ("акция", "Обе акции"),
    # masculine and neuter nouns, and an adjective before the noun (the noun is the last word)
    ("пикет", "Оба пикета"), ("митинг", "Оба митинга"), ("мирное собрание", "Оба мирных собрания"),
    ("мирная акция", "Обе мирные акции"),
])
def test_two_of_a_noun_agree_oba_or_obe_with_its_gender(word, two):
    assert fmt.all_of(2, word) == two
    assert fmt.all_of(3, word).startswith("Все 3 ")


# ---------------------------------------------------------------- forms: the verb agrees with the number of forms

def test_the_forms_recorded_agree_with_their_number_not_with_the_most_common_form_s_count():
    # 2017: picket 21 (75 %), rally 4 (14.3 %), hunger strike 3 (10.7 %) of 28: «21» takes a singular verb, «3 формы»
    # a plural one: «всего зафиксировано 3 формы», never «зафиксирована» (the verb agreed with 21)
    from tests.test_report_sentences_values import sentences_of

    t = "total"
    figs = {"2017": {("7", "picket", "count"): 21.0, ("7", "picket", "share_pct"): 75.0,
                     ("7", "rally", "count"): 4.0, ("7", "rally", "share_pct"): 14.3,
                     ("7", "hunger_strike", "count"): 3.0, ("7", "hunger_strike", "share_pct"): 10.7,
                     ("7", t, "count"): 28.0}}
    ru, en = sentences_of(figs, ["2017"])
    assert ru["forms"] == ("Самая распространённая форма — пикет: 21 (75%); всего зафиксировано 3 формы мирных собраний "
                           "(см. табл. №7).")
    assert en["forms"] == "The most common form was the picket: 21 (75%); 3 forms were recorded in all (Table 7)."


# ---------------------------------------------------------------- the report's gate: one failing expectation is enough

def test_the_report_s_gate_refuses_figures_that_fail_one_expectation_alone(tmp_path, monkeypatch):
    # the passing figures of tests/test_check_values.py and one more of a table «20», which the report has not (its
    # tables are 1–19, 14-1, topics, courts, summary): only the table_no expectation fails, and that one is enough
    import duckdb

    from assets.quality import gx_suite
    from assets.quality.gx_outcomes import FiguresNotValid
    from tests.test_check_values import GOOD

    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "build"))
    monkeypatch.setenv("MONITOR_GX_DATA_DOCS", "off")
    con = duckdb.connect()
    con.execute("CREATE TABLE figures (period VARCHAR, table_no VARCHAR, row_key VARCHAR, col_key VARCHAR, value DOUBLE, "
                "provenance VARCHAR)")
    # (GOOD alone passes all 13: tests/test_check_values.py; the one failure below shows the rest still pass)
    con.executemany("INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?)", [*GOOD, ("2017", "20", "total", "count", 1.0, "derived")])
    with pytest.raises(FiguresNotValid) as e:
        gx_suite.assert_figures_ok(con, "2017")
    o = e.value.outcome
    assert (o.failed, [x.check for x in o.failures]) == (1, ["table_no"])
    assert o.failures[0].explanations == ["table 20, row total, column count: table_no '20' is no table of the report"]
    assert str(e.value).startswith("refusing to use wrong numbers: the figures of 2017 failed 1 of 13 quality expectations")


# ---------------------------------------------------------------- the duplicate warning: one card without a place

def test_a_card_without_a_place_is_paired_by_topic_whichever_of_the_two_it_is(tmp_path):
    # a place on one card only: the two are compared by topic («Тарифы» both: a pair), never by the one place against
    # nothing (Jaro-Winkler of a place and '' is 0: no pair); the card without a place first (B1) and second (A2)
    from assets.core import warehouse as wh
    from tests.test_mutants_s26 import _cards

    res = _cards(tmp_path / "w.duckdb", [("A1", "2017-05-03", "у акимата", "Тарифы", "a.yaml"),
                                         ("A2", "2017-05-03", None, "тарифы ", "b.yaml"),
                                         ("B1", "2017-05-04", "", "Тарифы", "c.yaml"),
                                         ("B2", "2017-05-04", "у акимата", "Тарифы", "d.yaml"),
                                         ("C1", "2017-05-05", "у акимата", "Тарифы", "e.yaml"),
                                         ("C2", "2017-05-05", None, "Экология", "f.yaml")])
    with wh.connect(res.database, read_only=True) as con:
        pairs = con.execute(wh.read_sql("checks/possible_duplicate_events"), {"period": "2017"}).fetchall()
    assert [(a, b) for a, b, *_ in pairs] == [("A1", "A2"), ("B1", "B2")]
