"""The report's generated sentences on variants of the hand-made warehouse of
tests/test_report_sentences_values.py that the hand mutants of a second reviewer (scripts/mutate_by_hand_i14m.py)
found untested: a warehouse of two periods whose earlier one is the peak, a city and a form of zero
assemblies (never a rank of a top-N list, never counted among the forms). Every expected sentence is worked
out by hand from the figures (the arithmetic is beside it)."""
from __future__ import annotations

from assets.report import sentences
from assets.report.period_view import PeriodView
from tests.test_report_sentences_values import FIGURES, T, _data, _variant


def _both(d):
    return sentences.build(PeriodView(d, "2017", "ru")), sentences.build(PeriodView(d, "2017", "en"))


def test_two_periods_whose_earlier_one_is_the_peak():
    # 2016: 20 assemblies, 2017: 12 -> 12/20 = 0.6: 40 % fewer; the peak (20) is the previous period: said once
    d = _data({p: FIGURES[p] for p in ("2016", "2017")}, ["2016", "2017"])
    ru, en = _both(d)
    assert ru["general_dynamics"] == (
        "Данные хранилища позволяют отследить общую динамику ситуации с мирными собраниями за 2 периода мониторинга "
        "(2016 — 2017; см. табл. №2). Количество мирных собраний — 12, на 40% меньше, чем в 2016 году (20).")
    assert en["general_dynamics"] == (
        "The warehouse holds 2 monitoring periods (2016 to 2017; see Table 2). The number of assemblies, 12, is 40% lower "
        "than in 2016 (20).")


def test_a_city_of_no_assembly_takes_no_rank():
    # Almaty 12 of 12 (100 %: no 'every second'), Astana 0: one city ranked, no second place
    d = _data(_variant({("2017", "1", "almaty", "count"): 12.0, ("2017", "1", "almaty", "share_pct"): 100.0,
                        ("2017", "1", "astana", "count"): 0.0, ("2017", "1", "astana", "share_pct"): 0.0},
                       drop=[("1", c, k) for c in ("shymkent", "taraz") for k in ("count", "share_pct")]))
    ru, en = _both(d)
    assert ru["cities"] == (
        "Все 12 мирных собраний прошли в одном городе — Алматы. "
        "В среднем там проходило 0,6 собрания в месяц; индекс активности на 25% меньше, чем в 2016 году.")
    assert en["cities"] == "All 12 assemblies were held in one city, Almaty. That is 0.6 a month; the index is 25% lower than in 2016."


def test_a_form_of_no_assembly_is_not_among_the_forms_recorded():
    # picket 5, rally 4, hunger strike 3, march 0: three forms recorded, not four
    d = _data(_variant({("2017", "7", "march", "count"): 0.0, ("2017", "7", "march", "share_pct"): 0.0}))
    ru, en = _both(d)
    assert ru["forms"] == "Самая распространённая форма — пикет: 5 (42%); всего зафиксировано 3 формы мирных собраний (см. табл. №7)."
    assert en["forms"] == "The most common form was the picket: 5 (42%); 3 forms were recorded in all (Table 7)."


def test_the_previous_share_to_court_is_the_previous_periods_even_when_the_first_has_none():
    # 2015 has no Table 17: 2016's 50 % is still shown; the mean is over 2016 and 2017: (50 + 33.3) / 2 = 41.65 -> 42 %
    figs = _variant({})
    del figs["2015"][("17", T, "share_pct")]
    ru, en = _both(_data(figs))
    assert ru["courts"].endswith("Таким образом, до суда дошли 33% несанкционированных собраний (в 2016 году — 50%); "
                                 "в среднем за 2 периода — 42% (см. табл. №17).")
    assert en["courts"].endswith("So 33% of unsanctioned assemblies reached court (50% in 2016); 42% on average over 2 periods "
                                 "(Table 17).")


def test_tables_of_two_periods_give_the_mean_and_rank_cities_by_their_sum():
    # Table 9 over 2016 (80 %) and 2017 (75 %): the mean of two periods is printed, (80 + 75) / 2 = 77.5 -> 78 %.
    # Table 18: Almaty 100 + 10 = 110, Astana 5 + 20 = 25: Almaty first (by the sum), though Astana leads in 2017
    from assets.report import period_tables

    figs = {p: dict(FIGURES[p]) for p in ("2016", "2017")}
    figs["2016"].update({("18", "almaty", "participants"): 100.0, ("18", "astana", "participants"): 5.0})
    figs["2017"].update({("18", "almaty", "participants"): 10.0, ("18", "astana", "participants"): 20.0})
    f = period_tables.fragments(PeriodView(_data(figs, ["2016", "2017"]), "2017", "ru"))
    assert "\nВ среднем за все периоды: 78%.\n" in f["t09"]
    rows = [x.split(" | ")[0] for x in f["t18"].splitlines() if x.startswith("| ") and ("Алматы" in x or "Астана" in x)]
    assert rows == ["| Алматы", "| Астана"]


def _alone(changes: dict, drop=()) -> dict:
    """2017 of the fixture alone (no earlier period: no comparison), with some cells changed or dropped."""
    cells = {k: v for k, v in FIGURES["2017"].items() if k not in drop}
    cells.update(changes)
    return {"2017": cells}


PCI = "police_control_index"


def test_the_police_index_of_all_assemblies_is_table_14s_not_table_15s():
    # Table 15's total is Table 14-1's index (the unsanctioned: 3.25), Table 14's is 2.50
    ru, en = _both(_data(_alone({("15", T, PCI): 3.25})))
    assert ru["police"] == ("«Индекс полицейского контроля» по всем собраниям составил 2,50, по несанкционированным — 3,25 "
                            "(см. табл. №14-1). Самый плотный контроль — в городе Астана (индекс 4,00).")
    assert en["police"] == ("The police control index over all assemblies was 2.50, over unsanctioned ones 3.25 (Table 14-1). "
                            "Control was tightest in Astana (index 4.00).")


def test_the_police_index_without_table_14_1():
    ru, en = _both(_data(_alone({}, drop={("14-1", T, PCI)})))
    assert ru["police"] == ("«Индекс полицейского контроля» по всем собраниям составил 2,50. "
                            "Самый плотный контроль — в городе Астана (индекс 4,00).")
    assert en["police"] == "The police control index over all assemblies was 2.50. Control was tightest in Astana (index 4.00)."


def test_forms_tied_at_the_top_are_named_together():
    # picket, rally and hunger_strike 3 each of 9 (33 %): every form as common as the others, named in code order
    ru, en = _both(_data(_alone({("7", "picket", "count"): 3.0, ("7", "picket", "share_pct"): 33.3,
                                 ("7", "rally", "count"): 3.0, ("7", "rally", "share_pct"): 33.3,
                                 ("7", "hunger_strike", "count"): 3.0, ("7", "hunger_strike", "share_pct"): 33.3,
                                 ("7", T, "count"): 9.0})))
    assert ru["forms"] == "Формы мирных собраний встречались одинаково часто — голодовка, пикет и митинг: по 3 (33%) (см. табл. №7)."
    assert en["forms"] == "The 3 forms recorded were equally common, hunger strike, picket and rally: 3 (33%) each (Table 7)."


SENTENCES = {"general_dynamics", "activity", "cities", "character", "organizers", "individual_share", "forms", "law",
             "police", "detentions", "courts", "statistics"}


def test_every_sentence_is_there_even_when_empty():
    # the narrative asks for each by name ({{< var c.NAME >}}): a period with none of the tables still has every key
    d = _data({"2017": {("summary", T, "assemblies"): 12.0}})
    for lang in ("ru", "en"):
        out = sentences.build(PeriodView(d, "2017", lang))
        assert set(out) == SENTENCES
        assert {k for k, v in out.items() if v} == {"general_dynamics", "individual_share"}


def test_the_text_figure_of_assemblies_is_the_texts_when_table_2_differs():
    # a published period whose text says 12 assemblies and whose Table 2 says 13: the text figure stays 12
    from assets.report import text_figures

    d = _data({"2017": {("summary", T, "assemblies"): 12.0, ("summary", T, "cities"): 2.0, ("2", T, "count"): 13.0}})
    ru, en = text_figures.text_variables(PeriodView(d, "2017", "ru")), text_figures.text_variables(PeriodView(d, "2017", "en"))
    assert ru["assemblies"] == en["assemblies"] == "12"
    assert (ru["assemblies_phrase"], ru["cities_phrase"]) == ("12 мирных собраний", "в 2 городах")
    assert (en["assemblies_phrase"], en["cities_phrase"]) == ("12 peaceful assemblies", "in 2 cities")
    # no unsanctioned figure: the phrases of the unsanctioned are there, as a dash (the narrative asks for them)
    assert (ru["unsanctioned_gen"], ru["obstructed_gen"], en["unsanctioned_gen"], en["obstructed_gen"]) == ("—",) * 4
