"""What a reader met in periods the example never produces (reader's probe rep5: scratch inboxes of one card, of
every card unsanctioned, of two cards, of no police and no application, rendered and read): "Без разрешения прошло 1
из 1 собрания", "22 of 22 assemblies were held without permission", "Все 2 мирных собрания прошли в одном городе",
"прокуратура присутствовала на 0 и вынесла предупреждения на 0. Полиция препятствовала проведению 0
несанкционированных акций", "было задействовано в целом 0 полицейских, в среднем 0 на одну акцию", "Заявки на
проведение собраний подавались в 0 случаях". Each expected string is typed by hand from the small fixtures below
(no pipeline run)."""
from __future__ import annotations

import pytest

from assets.report import fmt, render, sentences, text_figures
from assets.report.period_view import PeriodView
from tests.test_report_sentences_values import _data

T = "total"


def _built(figs: dict, key: str) -> tuple[str, str]:
    d = _data(figs, sorted(figs))
    return sentences.build(PeriodView(d, "2018", "ru"))[key], sentences.build(PeriodView(d, "2018", "en"))[key]


def _law(un: float, tot: float, share: float, prev: float | None = None) -> dict:
    figs = {"2018": {("summary", T, "unsanctioned"): un, ("summary", T, "assemblies"): tot, ("9", T, "share_pct"): share}}
    if prev is not None:
        figs["2017"] = {("9", T, "share_pct"): prev}
    return figs


# ---------------------------------------------------------------- every assembly unsanctioned

def test_every_assembly_unsanctioned_is_said_so():
    # 2018: 22 of 22 unsanctioned (100 %); 2017: 84 % → mean (100 + 84) / 2 = 92 %
    ru, en = _built(_law(22.0, 22.0, 100.0, 84.0), "law")
    assert ru == ("Все 22 собрания прошли без разрешения властей, то есть 100% (в 2017 году — 84%). В среднем за 2 периода "
                  "мониторинга без разрешения проводились 92% собраний (см. табл. №9).")
    assert en == ("All 22 assemblies were held without permission, that is 100% (84% in 2017). Over 2 monitoring periods, "
                  "92% of assemblies on average were unsanctioned (Table 9).")


def test_the_only_assembly_unsanctioned():
    ru, en = _built(_law(1.0, 1.0, 100.0), "law")
    assert ru == "Единственное собрание периода прошло без разрешения властей: 100%."
    assert en == "The period's only assembly was held without permission: 100%."


def test_some_unsanctioned_keep_their_count():
    ru, en = _built(_law(1.0, 2.0, 50.0), "law")
    assert ru == "Без разрешения прошло 1 из 2 собраний, то есть 50%."
    assert en == "1 of 2 assemblies was held without permission, that is 50%."


# ---------------------------------------------------------------- two are both, never "все 2"

@pytest.mark.parametrize("n, ru, en", [
    (2, "Оба мирных собрания", "Both assemblies"), (3, "Все 3 мирных собрания", "All 3 assemblies"),
    (5, "Все 5 мирных собраний", "All 5 assemblies"), (21, "Все 21 мирное собрание", "All 21 assemblies"),
    (22, "Все 22 мирных собрания", "All 22 assemblies"), (111, "Все 111 мирных собраний", "All 111 assemblies"),
])
def test_all_of_a_count(n, ru, en):
    assert fmt.all_of(n, "мирное собрание") == ru
    assert fmt.all_of(n, "assembly", "en", "assemblies") == en


def test_a_feminine_noun_takes_obe():
    assert fmt.all_of(2, "форма") == "Обе формы" and fmt.all_of(2, "акция") == "Обе акции"


def test_two_assemblies_are_both():
    """One city, one form, every assembly sanctioned, every one unsanctioned: of two, "оба" / "both"."""
    city = {"2018": {("1", "almaty", "count"): 2.0, ("1", "almaty", "share_pct"): 100.0, ("1", T, "count"): 2.0}}
    assert _built(city, "cities") == ("Оба мирных собрания прошли в одном городе — Алматы.",
                                      "Both assemblies were held in one city, Almaty.")
    form = {"2018": {("7", "picket", "count"): 2.0, ("7", "picket", "share_pct"): 100.0, ("7", T, "count"): 2.0}}
    assert _built(form, "forms") == ("Оба мирных собрания прошли в одной форме — пикет (см. табл. №7).",
                                     "Both assemblies took one form: picket (Table 7).")
    assert _built(_law(0.0, 2.0, 0.0), "law") == (
        "Оба собрания прошли с разрешением властей: доля собраний без разрешения — 0%.",
        "Both assemblies were held with permission: 0% without.")
    assert _built(_law(2.0, 2.0, 100.0), "law") == ("Оба собрания прошли без разрешения властей, то есть 100%.",
                                                    "Both assemblies were held without permission, that is 100%.")


# ---------------------------------------------------------------- zeros said in words

def _vars(summary: dict, lang: str) -> dict:
    figs = {"2018": {("summary", T, k): float(v) for k, v in summary.items()}}
    return text_figures.text_variables(PeriodView(_data(figs, ["2018"]), "2018", lang))


def _reaction(**summary) -> tuple[str, str]:
    base = dict(assemblies=6, cities=2, dispersed=0)
    return _vars(base | summary, "ru")["reaction_unsanctioned"], _vars(base | summary, "en")["reaction_unsanctioned"]


def test_the_authorities_did_nothing_at_the_unsanctioned_assemblies():
    assert _reaction(unsanctioned=4, prosecutor_present_unsanctioned=0, prosecutor_warned_unsanctioned=0,
                     obstructed_unsanctioned=0) == (
        "Прокуратура не присутствовала ни на одном из 4 несанкционированных собраний. Полиция не препятствовала ни одному "
        "из них; разогнано собраний: 0.",
        "The prosecutor attended none of the 4 unsanctioned assemblies. The police obstructed none of them; assemblies "
        "dispersed: 0.")
    assert _reaction(unsanctioned=2, prosecutor_present_unsanctioned=0, prosecutor_warned_unsanctioned=0,
                     obstructed_unsanctioned=2) == (
        "Прокуратура не присутствовала ни на одном из 2 несанкционированных собраний. Полиция препятствовала проведению 2 "
        "несанкционированных акций; разогнано собраний: 0.",
        "The prosecutor attended none of the 2 unsanctioned assemblies. The police obstructed 2 unsanctioned assemblies; "
        "assemblies dispersed: 0.")


def test_the_prosecutor_present_without_a_warning():
    assert _reaction(unsanctioned=4, prosecutor_present_unsanctioned=2, prosecutor_warned_unsanctioned=0,
                     obstructed_unsanctioned=3) == (
        "Из 4 несанкционированных собраний прокуратура присутствовала на 2, но предупреждений не выносила. Полиция "
        "препятствовала проведению 3 несанкционированных акций; разогнано собраний: 0.",
        "Of 4 unsanctioned assemblies the prosecutor attended 2 and gave no warning. The police obstructed 3 unsanctioned "
        "assemblies; assemblies dispersed: 0.")


@pytest.mark.parametrize("present, warned, obstructed, ru, en", [
    (0, 0, 0, "На единственном несанкционированном собрании периода прокуратура не присутствовала. Полиция не "
              "препятствовала его проведению; разогнано собраний: 0.",
     "At the period's only unsanctioned assembly the prosecutor was not present. The police did not obstruct it; "
     "assemblies dispersed: 0."),
    (1, 0, 1, "На единственном несанкционированном собрании периода прокуратура присутствовала, но предупреждения не "
              "выносила. Полиция препятствовала его проведению; разогнано собраний: 0.",
     "At the period's only unsanctioned assembly the prosecutor was present and gave no warning. The police obstructed "
     "it; assemblies dispersed: 0."),
    (1, 1, 0, "На единственном несанкционированном собрании периода прокуратура вынесла предупреждение. Полиция не "
              "препятствовала его проведению; разогнано собраний: 0.",
     "At the period's only unsanctioned assembly the prosecutor gave a warning. The police did not obstruct it; "
     "assemblies dispersed: 0."),
])
def test_the_only_unsanctioned_assembly(present, warned, obstructed, ru, en):
    assert _reaction(unsanctioned=1, prosecutor_present_unsanctioned=present, prosecutor_warned_unsanctioned=warned,
                     obstructed_unsanctioned=obstructed) == (ru, en)


def _narrative(name: str, summary: dict, lang: str) -> str:
    from core.settings import report_src

    src = report_src() / "text" / lang
    v = {"s": _vars(summary, lang), "c": {"police": "", "law": ""}}
    return " ".join(render.resolve_shortcodes((src / name).read_text(encoding="utf-8"), src, v).split())


def test_no_police_is_said_so_in_the_narrative():
    none = dict(assemblies=4, cities=2, police=0, police_per_assembly=0)
    ru, en = _narrative("police.md", none, "ru"), _narrative("police.md", none, "en")
    assert "По данным мониторинга, полицейских на мирных собраниях этого периода замечено не было. Данные могут" in ru
    assert "The monitoring counted no police officers at the assemblies of this period. The count may be low" in en
    assert " 0 " not in ru and " 0 " not in en
    some = dict(assemblies=4, cities=2, police=10, police_per_assembly=2.5)
    assert ("для контроля над мирными собраниями было задействовано в целом 10 полицейских, в среднем 2,5 на одну акцию. "
            "Данные могут") in _narrative("police.md", some, "ru")
    assert "The monitoring counted 10 police officers in all, 2.5 per assembly on average. The count may" in \
        _narrative("police.md", some, "en")
    one = dict(assemblies=1, cities=1, police=1, police_per_assembly=1)
    assert "был задействован в целом 1 полицейский, в среднем 1 на одну акцию" in _narrative("police.md", one, "ru")


def test_no_application_is_said_so_in_the_narrative():
    nothing = dict(assemblies=4, cities=2, applied=0, applications_refused=0, assemblies_prevented=0, preventive_detentions=0)
    assert ("Заявок на проведение собраний в этом периоде не подавалось; отказов, недопущенных собраний и превентивных "
            "задержаний не было.") in _narrative("law.md", nothing, "ru")
    assert ("No organiser applied for permission in this period; there was no refusal, no assembly prevented and no "
            "preventive detention.") in _narrative("law.md", nothing, "en")
    prevented = nothing | {"assemblies_prevented": 1}
    assert ("Заявок на проведение собраний в этом периоде не подавалось, отказов в проведении собраний зафиксировано: 0; "
            "не допущено собраний: 1; превентивных задержаний: 0.") in _narrative("law.md", prevented, "ru")
    assert ("No organiser applied for permission in this period; applications refused: 0; assemblies prevented: 1; "
            "preventive detentions: 0.") in _narrative("law.md", prevented, "en")
    applied = nothing | {"applied": 3, "applications_refused": 1}
    assert ("Заявки на проведение собраний подавались в 3 случаях, отказов в проведении собраний зафиксировано: 1; не "
            "допущено собраний: 0; превентивных задержаний: 0.") in _narrative("law.md", applied, "ru")
    assert "Organisers applied for permission in 3 cases; applications refused: 1;" in _narrative("law.md", applied, "en")


def test_detentions_without_a_preventive_one():
    """"1 person was detained, 0 of them preventively" / "из них превентивно, ещё до начала акции, — 0"."""
    one = dict(assemblies=1, cities=1, detention_cases=1, detention_cases_pct=100, detained_persons=1, preventive_detentions=0)
    assert _vars(one, "ru")["detentions_sentence"] == ("Задержаниями участников закончилось 1 мирное собрание (100% от всех); "
                                                       "всего задержан 1 человек, превентивных задержаний, ещё до начала "
                                                       "акции, не было.")
    assert _vars(one, "en")["detentions_sentence"] == ("1 assembly (100% of all) ended with detentions; 1 person was detained, "
                                                       "none of them preventively, before the assembly began.")


# ---------------------------------------------------------------- a point at zero

def test_a_point_at_zero_is_drawn_whole():
    """The police control index by year of a period with no police: its point, 0,00 on the floor of the plot, was drawn
    as half a dot (the axes clipped it)."""
    from assets.report import charts

    charts.by_period_bars.__wrapped__(["2016", "2017", "2018"], [0.14, 0.32, 0.0], [True, True, False], ylabel="Индекс",
                                      legend=("по картам", "опубликовано"), decimals=2, lang="ru", line=True)
    assert charts.LAST_LAYOUT["clipped"] == [] and charts.LAST_LAYOUT["overlaps"] == []
