"""Sentences that said nothing but zeros or read wrongly for the data (a reader's probe of odd inboxes: every assembly
sanctioned, no court case): "0 of 6 assemblies were held without permission, that is 0%", "The courts warned 0,
fined 0 (0 MRP in all) and sent 0 to administrative arrest (0 days in all). So 0% of unsanctioned assemblies reached
court." Every expected string is typed by hand from the small fixtures below (no pipeline run)."""
from __future__ import annotations

from assets.report import sentences
from assets.report.period_view import PeriodView
from tests.test_report_sentences_values import _data

T = "total"


def _both(figs: dict, key: str) -> tuple[str, str]:
    d = _data(figs, sorted(figs))
    return sentences.build(PeriodView(d, "2018", "ru"))[key], sentences.build(PeriodView(d, "2018", "en"))[key]


def test_every_assembly_sanctioned_is_said_so():
    # 2018: 6 assemblies, none unsanctioned (Table 9: 0 %); 2017: 86,5 % → mean (0 + 86.5) / 2 = 43.25 → 43 %;
    # 2017's share as its table shows it (a derived 86.5 at no decimals: 87 %, half up)
    figs = {"2017": {("9", T, "share_pct"): 86.5},
            "2018": {("summary", T, "unsanctioned"): 0.0, ("summary", T, "assemblies"): 6.0, ("9", T, "share_pct"): 0.0}}
    ru, en = _both(figs, "law")
    assert ru == ("Все 6 собраний прошли с разрешением властей: доля собраний без разрешения — 0% (в 2017 году — 87%). "
                  "В среднем за 2 периода мониторинга без разрешения проводились 43% собраний (см. табл. №9).")
    assert en == ("All 6 assemblies were held with permission: 0% without (87% in 2017). Over 2 monitoring periods, 43% of "
                  "assemblies on average were unsanctioned (Table 9).")


def test_the_only_assembly_sanctioned():
    ru, en = _both({"2018": {("summary", T, "unsanctioned"): 0.0, ("summary", T, "assemblies"): 1.0,
                             ("9", T, "share_pct"): 0.0}}, "law")
    assert ru == "Единственное собрание периода прошло с разрешением властей: доля собраний без разрешения — 0%."
    assert en == "The period's only assembly was held with permission: 0% without."


def test_some_unsanctioned_as_before():
    ru, en = _both({"2018": {("summary", T, "unsanctioned"): 2.0, ("summary", T, "assemblies"): 3.0,
                             ("9", T, "share_pct"): 66.7}}, "law")
    assert ru == "Без разрешения прошли 2 из 3 собраний, то есть 67%."
    assert en == "2 of 3 assemblies were held without permission, that is 67%."


def _courts(**cells) -> dict:
    return {("courts", T, k): float(v) for k, v in cells.items()}


def test_no_court_outcome_is_no_sentence_of_zeros_and_none_reached_court():
    # 2018: nobody warned, fined or arrested, nobody released; Table 17: 0 % (2017: 25 %; mean 12.5 → 13 %: fmt.number
    # rounds half up, as a reader and Excel do; Python's own formatting would print 12)
    figs = {"2017": {("17", T, "share_pct"): 25.0},
            "2018": _courts(warnings=0, fines=0, fine_mrp_total=0, arrests=0, arrest_days_total=0, released_without_charge=0)
            | {("17", T, "share_pct"): 0.0}}
    ru, en = _both(figs, "courts")
    assert ru == ("Ни одно несанкционированное собрание не дошло до суда: 0% (в 2017 году — 25%); в среднем за 2 периода — "
                  "13% (см. табл. №17).")
    assert en == "No unsanctioned assembly reached court: 0% (25% in 2017); 13% on average over 2 periods (Table 17)."


def test_court_outcomes_with_one_penalty_keep_their_sentence():
    figs = {"2018": _courts(warnings=0, fines=1, fine_mrp_total=50, arrests=0, arrest_days_total=0, released_without_charge=0)
            | {("17", T, "share_pct"): 50.0}}
    ru, en = _both(figs, "courts")
    assert ru == ("В ходе судебного разбирательства предупреждения получили 0 человек, денежные штрафы — 1 (всего 50 МРП), "
                  "административный арест — 0 (всего 0 сут.). Таким образом, до суда дошли 50% несанкционированных собраний.")
    assert en == ("The courts warned 0, fined 1 (50 MRP in all) and sent 0 to administrative arrest (0 days in all). "
                  "So 50% of unsanctioned assemblies reached court.")
    # released without charge alone is said
    figs = {"2018": _courts(warnings=0, fines=0, fine_mrp_total=0, arrests=0, arrest_days_total=0, released_without_charge=2)}
    ru, en = _both(figs, "courts")
    assert en.endswith("2 detainees were released without charge.") and ru.endswith("Задержанных, отпущенных без суда: 2.")


def _text(summary: dict) -> tuple[str, str]:
    from assets.report import text_figures

    figs = {"2018": {("summary", T, k): float(v) for k, v in summary.items()}}
    d = _data(figs, ["2018"])
    return (text_figures.text_variables(PeriodView(d, "2018", "ru"))["reaction_unsanctioned"],
            text_figures.text_variables(PeriodView(d, "2018", "en"))["reaction_unsanctioned"])


def test_the_authorities_at_no_unsanctioned_assembly():
    """report/text/*/authorities.md read "Of 0 unsanctioned assemblies the prosecutor attended 0 and gave warnings at 0.
    The police obstructed 0 unsanctioned assemblies; assemblies dispersed: 0."."""
    zero = dict(assemblies=6, cities=3, unsanctioned=0, prosecutor_present_unsanctioned=0, prosecutor_warned_unsanctioned=0,
                obstructed_unsanctioned=0, dispersed=0)
    assert _text(zero) == ("Несанкционированных собраний в этом периоде не было.", "No assembly of the period was unsanctioned.")
    assert _text(zero | {"dispersed": 1}) == ("Несанкционированных собраний в этом периоде не было. Разогнано собраний: 1.",
                                              "No assembly of the period was unsanctioned. Assemblies dispersed: 1.")


def test_the_authorities_at_the_unsanctioned_assemblies_as_before():
    some = dict(assemblies=6, cities=3, unsanctioned=3, prosecutor_present_unsanctioned=2, prosecutor_warned_unsanctioned=1,
                obstructed_unsanctioned=1, dispersed=0)
    assert _text(some) == (
        "Из 3 несанкционированных собраний прокуратура присутствовала на 2 и вынесла предупреждения на 1. Полиция "
        "препятствовала проведению 1 несанкционированной акции; разогнано собраний: 0.",
        "Of 3 unsanctioned assemblies the prosecutor attended 2 and gave warnings at 1. The police obstructed 1 "
        "unsanctioned assembly; assemblies dispersed: 0.")


def test_the_narrative_of_the_authorities_reads_the_sentence():
    """report/text/<lang>/authorities.md as the renderer resolves it, for a period without an unsanctioned assembly."""
    from assets.report import render, text_figures
    from core.settings import report_src

    zero = {("summary", T, k): float(v) for k, v in dict(assemblies=6, cities=3, unsanctioned=0, dispersed=0,
                                                          prosecutor_present_unsanctioned=0, prosecutor_warned_unsanctioned=0,
                                                          obstructed_unsanctioned=0).items()}
    d = _data({"2018": zero}, ["2018"])
    for lang, said, never in (("ru", "Несанкционированных собраний в этом периоде не было.", "Из 0"),
                              ("en", "No assembly of the period was unsanctioned.", "Of 0")):
        src = report_src() / "text" / lang
        text = render.resolve_shortcodes((src / "authorities.md").read_text(encoding="utf-8"), src,
                                         {"s": text_figures.text_variables(PeriodView(d, "2018", lang))})
        assert said in " ".join(text.split()) and never not in text, text


def test_the_mean_duration_is_said_once_with_the_previous_periods():
    """A period after one with a mean duration said it twice: "The mean duration was 30 min (26 in 2017). The mean
    duration of an assembly was 30 min, the median 30 min." (c.statistics, then s.duration_sentence)."""
    from assets.report import text_figures

    figs = {"2017": {("19", T, "duration_avg_min"): 26.0, ("2", T, "count"): 36.0},
            "2018": {("19", T, "duration_avg_min"): 30.0, ("2", T, "count"): 4.0, ("summary", T, "duration_avg_min"): 30.0,
                     ("summary", T, "duration_median_min"): 30.0, ("summary", T, "duration_max_min"): 30.0}}
    d = _data(figs, ["2017", "2018"])
    for lang, said in (("ru", "Средняя продолжительность одного мирного собрания составила 30 мин. (в 2017 году — 26), "
                              "медиана — 30 мин."),
                       ("en", "The mean duration of an assembly was 30 min (26 in 2017), the median 30 min.")):
        v = PeriodView(d, "2018", lang)
        assert sentences.build(v)["statistics"] == ""
        assert text_figures.text_variables(PeriodView(d, "2018", lang))["duration_sentence"] == said


def test_the_tables_of_unsanctioned_assemblies_say_why_a_period_without_them_has_none():
    """Tables 10, 14-1, 15 and 17 of a period whose assemblies were all sanctioned: "—" for the period, and a line
    under each saying why (before: "—" in every row of Table 10 and nothing said)."""
    from assets.report import period_tables

    note = {"ru": "В этом периоде не было несанкционированных собраний, поэтому за него этот показатель не рассчитывается.",
            "en": "No assembly of this period was unsanctioned, so this figure is not defined for it."}
    zero = {("summary", T, "unsanctioned"): 0.0, ("summary", T, "assemblies"): 4.0, ("9", T, "share_pct"): 0.0}
    some = {("summary", T, "unsanctioned"): 1.0, ("summary", T, "assemblies"): 4.0, ("9", T, "share_pct"): 25.0}
    for lang in ("ru", "en"):
        f = period_tables.fragments(PeriodView(_data({"2018": zero}, ["2018"]), "2018", lang))
        assert [k for k, v in f.items() if note[lang] in v] == ["t10", "t14_1", "t15", "t17"]
        f = period_tables.fragments(PeriodView(_data({"2018": some}, ["2018"]), "2018", lang))
        assert not [k for k, v in f.items() if note[lang] in v]


def test_no_court_case_and_no_detention_are_said_so_in_the_narrative():
    """report/text/*/courts.md read "В административных судах рассматривалось 0 дел ...; организаторы и участники
    привлекались к административной ответственности" and detentions.md "Задержаниями участников закончились 0 мирных
    собраний (0% от всех); всего задержано 0 человек, из них превентивно ... — 0"."""
    from assets.report import render, text_figures
    from core.settings import report_src

    zero = {("summary", T, k): float(v) for k, v in dict(assemblies=4, cities=1, unsanctioned=4, court_cases=0, detention_cases=0,
                                                          detention_cases_pct=0, detained_persons=0,
                                                          preventive_detentions=0).items()}
    d = _data({"2018": zero}, ["2018"])
    expected = {"ru": ("Дел участников несанкционированных мирных собраний в административных судах в этом периоде не было.",
                       "Задержаний участников мирных собраний в этом периоде не было."),
                "en": ("No case of a participant of an unsanctioned assembly came before the administrative courts in this period.",
                       "No participant of an assembly was detained in this period.")}
    for lang, (courts, detentions) in expected.items():
        src = report_src() / "text" / lang
        v = {"s": text_figures.text_variables(PeriodView(d, "2018", lang)), "c": {"courts": "", "detentions": ""}}
        text = " ".join(render.resolve_shortcodes((src / "courts.md").read_text(encoding="utf-8"), src, v).split())
        assert text == courts
        text = " ".join(render.resolve_shortcodes((src / "detentions.md").read_text(encoding="utf-8"), src, v).split())
        assert text.startswith(detentions) and " 0 " not in text, text


def test_court_cases_and_detentions_as_before():
    from assets.report import text_figures

    some = {("summary", T, k): float(v) for k, v in dict(assemblies=36, cities=9, court_cases=5, detention_cases=7,
                                                          detention_cases_pct=19.4, detained_persons=8,
                                                          preventive_detentions=1).items()}
    d = _data({"2018": some}, ["2018"])  # (a share of 10 % and more is printed whole: 19,4 → 19 %, fmt.pct)
    ru = text_figures.text_variables(PeriodView(d, "2018", "ru"))
    en = text_figures.text_variables(PeriodView(d, "2018", "en"))
    assert ru["courts_heard"] == ("В административных судах рассматривалось 5 дел участников несанкционированных мирных собраний; "
                                  "организаторы и участники привлекались к административной ответственности по статье 488 КоАП "
                                  "(нарушение порядка проведения мирных собраний).")
    assert en["courts_heard"] == ("The administrative courts heard 5 cases of participants of unsanctioned assemblies, under "
                                  "Article 488 of the Code of Administrative Offences.")
    assert ru["detentions_sentence"] == ("Задержаниями участников закончились 7 мирных собраний (19% от всех); всего задержано "
                                         "8 человек, из них превентивно, ещё до начала акции, — 1.")
    assert en["detentions_sentence"] == ("7 assemblies (19% of all) ended with detentions; 8 people were detained, 1 of them "
                                         "preventively, before the assembly began.")


def test_a_character_or_an_organiser_of_no_assembly_is_not_listed():
    """The character and organisers sentences listed every code, zeros too: "политическим — 0 (0%)", "individuals — 0
    (0%)". 2017 of the fixture with no political assembly and no individual organiser: the others only."""
    from tests.test_report_sentences_values import _variant

    d = _data(_variant({("2017", "4", "political", "count"): 0.0, ("2017", "4", "political", "share_pct"): 0.0,
                        ("2017", "6", "individual", "count"): 0.0, ("2017", "6", "individual", "share_pct"): 0.0}))
    ru, en = sentences.build(PeriodView(d, "2017", "ru")), sentences.build(PeriodView(d, "2017", "en"))
    # economic 4 of 12 (33.3 → 33 %), social 5 (41.7 → 42 %); social's share was 30 % in 2016
    assert ru["character"] == ("В 2017 году экономическим темам было посвящено 4 собрания (33%), социальным — 5 (42%). "
                               "По сравнению с 2016 годом доля социальных собраний выросла с 30% до 42%.")
    assert en["character"] == ("In 2017, 4 (33%) were economic, 5 (42%) were social. Compared with 2016, the share of "
                               "social assemblies rose from 30% to 42%.")
    assert ru["organizers"].startswith("Организаторами собраний были: общественные организации и партии — 7 (58%). ")
    assert " 0 (0%)" not in ru["organizers"] + en["organizers"] + ru["character"] + en["character"]


def test_a_figure_fallen_to_zero_is_no_hundred_percent_fewer():
    """No assembly in 2017 (2016: 20; the peak 45 in 2015), an activity index of 0 (2016: 1,7; peak 3,8): before, "на 100%
    меньше, чем в 2016 году" and "this period had 100% fewer"; now the earlier figure beside the zero, and the peak
    named without a comparison."""
    from tests.test_report_sentences_values import _variant

    d = _data(_variant({("2017", "3", T, "activity_index"): 0.0, ("2017", "2", T, "count"): 0.0}))
    ru, en = sentences.build(PeriodView(d, "2017", "ru")), sentences.build(PeriodView(d, "2017", "en"))
    assert ru["general_dynamics"].endswith("Количество мирных собраний — 0 (в 2016 году — 20). "
                                           "Наибольшее число собраний — 45 — было в 2015 году.")
    assert en["general_dynamics"].endswith("The number of assemblies was 0 (20 in 2016). The most, 45, were recorded in 2015.")
    assert ru["activity"] == "В 2017 году «индекс митинговой активности» (мирных собраний в месяц) равнялся 0,0 (в 2016 году — 1,7)."
    assert en["activity"] == "In 2017 the activity index (assemblies per month) was 0.0 (1.7 in 2016)."
    assert "100%" not in " ".join(ru.values()) + " ".join(en.values()) and "None" not in " ".join(ru.values()) + " ".join(en.values())
