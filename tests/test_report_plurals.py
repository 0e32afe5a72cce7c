"""The report's words agree with its numbers (a red-team probe read «закончились 1 мирных собраний», "1 people
were detained", a Table 14 index of 0,119 printed "0", "the mean ... raise the mean" under equal mean and median,
a repository path printed as the conclusions, a tie said as "highest", and internal keys in the appendix).
Every expected string is typed by hand; the figures are small hand-made fixtures (no pipeline run)."""
from __future__ import annotations

import dataclasses
import re

import pytest

from assets.report import fmt, labels, period_tables, sentences, text_figures
from assets.report.period_view import PeriodView
from assets.report.published import Printed, column_decimals
from core import plural
from tests.test_report_sentences_values import _data

T = "total"


# ---------------------------------------------------------------- the one plural rule

@pytest.mark.parametrize("n, form", [(0, "many"), (1, "one"), (2, "few"), (4, "few"), (5, "many"), (11, "many"),
                                     (12, "many"), (14, "many"), (20, "many"), (21, "one"), (22, "few"), (25, "many"),
                                     (101, "one"), (111, "many"), (112, "many"), (122, "few")])
def test_russian_forms(n, form):
    assert plural.ru_form(n) == form


def test_english_forms():
    assert [plural.en_count(n, "card") for n in (0, 1, 2, 21)] == ["0 cards", "1 card", "2 cards", "21 cards"]
    assert plural.en_count(1, "person", "people") == "1 person" and plural.en_count(3, "person", "people") == "3 people"


# ---------------------------------------------------------------- the narrative's counts

def _summary(n: float) -> dict:
    return {"2018": {("summary", T, k): n for k in ("assemblies", "cities", "detention_cases", "detained_persons",
                                                    "court_cases", "participants", "participants_excl_sanctioned",
                                                    "participants_excl_sanctioned_state", "applied", "police")}}


@pytest.mark.parametrize("n, ru, en", [
    (1, {"detention_cases_verb": "закончилось", "detention_cases_n": "1 мирное собрание", "detained_persons_verb": "задержан",
         "detained_persons_n": "1 человек", "court_cases_n": "1 дело", "participants_n": "1 человек", "applied_n": "1 случае",
         "police_verb": "был задействован", "police_n": "1 полицейский"},
     {"detention_cases_n": "1 assembly", "detained_persons_n": "1 person", "detained_persons_verb": "was",
      "court_cases_n": "1 case", "participants_n": "1 person", "applied_n": "1 case", "police_n": "1 police officer"}),
    (2, {"detention_cases_verb": "закончились", "detention_cases_n": "2 мирных собрания", "detained_persons_verb": "задержано",
         "detained_persons_n": "2 человека", "court_cases_n": "2 дела", "participants_n": "2 человека", "applied_n": "2 случаях",
         "police_verb": "было задействовано", "police_n": "2 полицейских"},
     {"detention_cases_n": "2 assemblies", "detained_persons_n": "2 people", "detained_persons_verb": "were",
      "court_cases_n": "2 cases", "participants_n": "2 people", "applied_n": "2 cases", "police_n": "2 police officers"}),
    (3, {"detention_cases_n": "3 мирных собрания", "detained_persons_n": "3 человека", "court_cases_n": "3 дела"},
     {"detention_cases_n": "3 assemblies"}),
    (5, {"detention_cases_verb": "закончились", "detention_cases_n": "5 мирных собраний", "detained_persons_n": "5 человек",
         "court_cases_n": "5 дел", "applied_n": "5 случаях", "police_n": "5 полицейских"}, {"detained_persons_n": "5 people"}),
    (21, {"detention_cases_verb": "закончилось", "detention_cases_n": "21 мирное собрание", "detained_persons_n": "21 человек",
          "court_cases_n": "21 дело", "applied_n": "21 случае", "police_n": "21 полицейский"},
     {"detention_cases_n": "21 assemblies", "detained_persons_verb": "were"}),
])
def test_the_narrative_counts_agree_with_their_nouns_and_verbs(n, ru, en):
    d = _data(_summary(float(n)), ["2018"])
    s_ru = text_figures.text_variables(PeriodView(d, "2018", "ru"))
    s_en = text_figures.text_variables(PeriodView(d, "2018", "en"))
    assert {k: s_ru[k] for k in ru} == ru
    assert {k: s_en[k] for k in en} == en


COUNT_VAR = re.compile(r"\{\{<\s*var\s+s\.(\w+)\s*>\}\}\s+([^\s{]+)")
# what may follow a bare count variable: no noun (a noun after a count is the phrase variable's: s.<key>_n)
MAY_FOLLOW = {"of", "per", "на", "и", "and", "от", "мин.", "мин.,", "min", "min,", "прокуратура"}


def test_no_narrative_file_types_a_noun_after_a_count():
    """The class of «закончились 1 мирных собраний»: report/text/ never puts a fixed noun after a count."""
    from core.settings import report_src

    found = []
    for f in sorted((report_src() / "text").rglob("*.md")):
        for var, word in COUNT_VAR.findall(f.read_text(encoding="utf-8")):
            if var.endswith(("_n", "_verb", "_phrase", "_gen", "_sentence")) or word.startswith(("(", ")", ";", ",", ".")):
                continue
            if word not in MAY_FOLLOW:
                found.append((f.name, var, word))
    assert found == []


def test_the_sentences_agree_with_one():
    figs = {"2018": {("summary", T, "unsanctioned"): 1.0, ("summary", T, "assemblies"): 1.0, ("9", T, "share_pct"): 100.0,
                     ("4", "political", "count"): 1.0, ("4", "political", "share_pct"): 100.0,
                     ("courts", T, "warnings"): 1.0, ("courts", T, "fines"): 0.0, ("courts", T, "fine_mrp_total"): 0.0,
                     ("courts", T, "arrests"): 0.0, ("courts", T, "arrest_days_total"): 0.0,
                     ("7", "picket", "count"): 1.0, ("7", "picket", "share_pct"): 100.0}}
    d = _data(figs, ["2018"])
    ru, en = sentences.build(PeriodView(d, "2018", "ru")), sentences.build(PeriodView(d, "2018", "en"))
    # the only assembly, unsanctioned: said of it, not "1 из 1 собрания" / "1 of 1 assembly" (tests/test_report_reader_probe.py)
    assert ru["law"] == "Единственное собрание периода прошло без разрешения властей: 100%."
    assert en["law"] == "The period's only assembly was held without permission: 100%."
    assert ru["courts"].startswith("В ходе судебного разбирательства предупреждения получил 1 человек, денежные штрафы — 0")
    assert en["character"] == "In 2018, 1 (100%) was political."
    # one assembly of one form: no "most common" form among one (tests/test_report_ties.py)
    assert ru["forms"] == "Единственное мирное собрание периода прошло в форме «пикет» (см. табл. №7)."
    two = _data({"2018": {("summary", T, "unsanctioned"): 2.0, ("summary", T, "assemblies"): 3.0, ("9", T, "share_pct"): 66.7}},
                ["2018"])
    assert sentences.build(PeriodView(two, "2018", "ru"))["law"] == "Без разрешения прошли 2 из 3 собраний, то есть 67%."
    assert sentences.build(PeriodView(two, "2018", "en"))["law"] == "2 of 3 assemblies were held without permission, that is 67%."


def test_the_cli_and_the_quarantine_say_their_counts():
    from assets.validate.rules import CARD_RULES
    from pipelines.commands.cards import quarantine_total
    from pipelines.commands.runs import summary_line

    assert summary_line("2018", 1, 1, 1, None) == "2018: 1 card, 1 quarantined record, 1 figure"
    assert summary_line("2018", 2, 0, 12, "derived") == "2018: 2 cards, 0 quarantined records, 12 derived figures"
    # one record with two bad fields: two rows, one record refused
    assert quarantine_total(2, 2, 1) == "2 quarantine rows (2 errors refusing 1 record)"
    assert quarantine_total(3, 1, 1) == "3 quarantine rows (1 error refusing 1 record, 2 warnings)"
    assert quarantine_total(0, 0, 0) == "0 quarantine rows"
    msg = CARD_RULES["detained_le_participants"].message
    assert msg({"detained": 1, "participants": 0}) == "1 person detained but only 0 participants: detained cannot exceed participants"
    assert msg({"detained": 2, "participants": 1}) == "2 persons detained but only 1 participant: detained cannot exceed participants"


# ---------------------------------------------------------------- precision of an index in a new period

def test_an_index_of_a_new_period_keeps_its_decimals():
    """2026: Almaty 336 participants, 40 police = 0,119; the 2017 edition printed Table 14's indices as whole
    numbers (col_decimals 0): a period without a published table prints 0,12, not 0."""
    figs = {"2017": {("14", "almaty", "participants"): 10.0, ("14", "almaty", "police"): 6.0,
                     ("14", "almaty", "police_control_index"): 0.6},
            "2026": {("14", "almaty", "participants"): 336.0, ("14", "almaty", "police"): 40.0,
                     ("14", "almaty", "police_control_index"): 40 / 336, ("14", T, "participants"): 378.0,
                     ("14", T, "police"): 61.0, ("14", T, "police_control_index"): 61 / 378,
                     ("1", "almaty", "count"): 1.0, ("1", "almaty", "share_pct"): 100.0,
                     ("1", T, "count"): 1.0, ("1", T, "share_pct"): 100.0}}
    printed = {("2017", "14", "almaty", "police_control_index"): Printed("1", 0, 0.6),
               ("2017", "1", "almaty", "share_pct"): Printed("100,0%", 1, 100.0)}
    d = dataclasses.replace(_data(figs, ["2017", "2026"]), printed=printed, col_decimals=column_decimals(printed))
    for lang, row, total, t01 in (("ru", "| Алматы | 336 | 40 | 0,12 |", "| **ВСЕГО** | 378 | 61 | 0,16 |", "| Алматы | 1 (100%) |"),
                                  ("en", "| Almaty | 336 | 40 | 0.12 |", "| **Total** | 378 | 61 | 0.16 |", "| Almaty | 1 (100%) |")):
        f = period_tables.fragments(PeriodView(d, "2026", lang))
        assert row in f["t14"] and total in f["t14"]
        assert t01 in f["t01"]  # one percent format: '1 (100%)', not '1 (100,0%)'
    # the edition whose table was published keeps the decimals it printed
    assert "| Алматы | 10 | 6 | 1 |" in period_tables.fragments(PeriodView(d, "2017", "ru"))["t14"]


# ---------------------------------------------------------------- the duration sentence

@pytest.mark.parametrize("avg, med, longest, ru, en", [
    (5.0, 5.0, 5.0, "Средняя продолжительность одного мирного собрания составила 5 мин., медиана — 5 мин.",
     "The mean duration of an assembly was 5 min, the median 5 min."),
    (40.0, 15.0, 55.0, "Средняя продолжительность одного мирного собрания составила 40 мин., медиана — 15 мин.",
     "The mean duration of an assembly was 40 min, the median 15 min."),   # none lasted an hour
    (18.0, 15.0, 240.0, "Средняя продолжительность одного мирного собрания составила 18 мин., медиана — 15 мин.",
     "The mean duration of an assembly was 18 min, the median 15 min."),   # 3 min above: not clearly
    (25.7, 15.0, 240.0, "Средняя продолжительность одного мирного собрания составила 25,7 мин., медиана — 15 мин.: "
     "средний показатель завышен несколькими протестными акциями, длившимися часами.",
     "The mean duration of an assembly was 25.7 min, the median 15 min: a few protests that lasted hours raise the mean."),
])
def test_the_duration_sentence_says_why_only_where_the_figures_do(avg, med, longest, ru, en):
    figs = {"2018": {("summary", T, "duration_avg_min"): avg, ("summary", T, "duration_median_min"): med,
                     ("summary", T, "duration_max_min"): longest}}
    d = _data(figs, ["2018"])
    assert text_figures.text_variables(PeriodView(d, "2018", "ru"))["duration_sentence"] == ru
    assert text_figures.text_variables(PeriodView(d, "2018", "en"))["duration_sentence"] == en


# ---------------------------------------------------------------- the conclusions

def test_no_conclusions_written_no_section_and_no_path(tmp_path):
    from assets.report import render
    from assets.report.prepare import Context

    for lang in ("ru", "en"):
        staged = render.stage(Context(period="2026", lang=lang), tmp_path / lang)
        assert (staged / "_text" / "conclusions.md").read_text(encoding="utf-8") == ""
        own = render.stage(Context(period="2017", lang=lang), tmp_path / f"{lang}-2017")
        assert (own / "_text" / "conclusions.md").read_text(encoding="utf-8").startswith("## {{< var h.conclusions >}}\n\n")
        index = (staged / "index.qmd").read_text(encoding="utf-8")
        assert "h.conclusions" not in index  # the heading comes with the analysts' text only
    assert [p.parts[-4:] for p in render.conclusions_missing("2026")] == [
        ("ru", "periods", "2026", "conclusions.md"), ("en", "periods", "2026", "conclusions.md")]
    assert render.conclusions_missing("2017") == []


# ---------------------------------------------------------------- ties and shares

def test_a_tie_is_said_as_a_tie():
    figs = {"2018": {("1", "almaty", "count"): 1.0, ("1", "almaty", "share_pct"): 50.0, ("1", "astana", "count"): 1.0,
                     ("1", "astana", "share_pct"): 50.0, ("1", T, "count"): 2.0, ("1", T, "share_pct"): 100.0}}
    d = _data(figs, ["2018"])
    # every city has as many (both cities, 1 each): the same count, never "highest in 2 cities"
    assert sentences.build(PeriodView(d, "2018", "ru"))["cities"] == (
        "В городах Алматы и Астана прошло одинаковое число мирных собраний — по 1 (50% от общего количества).")
    assert sentences.build(PeriodView(d, "2018", "en"))["cities"] == "Almaty and Astana had 1 assembly each (50% of all)."


def test_a_share_falling_to_zero_is_said_in_points():
    figs = {"2017": {("summary", T, "detention_cases_pct"): 100.0}, "2018": {("summary", T, "detention_cases_pct"): 0.0}}
    d = _data(figs, ["2017", "2018"])
    assert sentences.build(PeriodView(d, "2018", "ru"))["detentions"] == (
        "По сравнению с 2017 годом доля собраний с задержаниями снизилась с 100% до 0%.")
    assert sentences.build(PeriodView(d, "2018", "en"))["detentions"] == (
        "Compared with 2017, the share of assemblies with detentions fell from 100% to 0%.")


# ---------------------------------------------------------------- labels, never keys

def test_the_appendix_shows_labels_in_the_readers_language():
    assert labels.row("event/2017-01-11/kalamkas", "ru") == "2017-01-11, Каламкас"
    assert labels.row("event/2017-10-21/osdp", "en") == "2017-10-21, OSDP"
    assert labels.row("topics/economic", "ru") == "Экономический" and labels.row("topics/social", "en") == "Social"
    assert labels.column("applied_listed", "en") == "Assemblies in the list of applications"
    assert labels.column("announced_list_total", "ru") == "Итог списка тем"
    d = _data({"2017": {("2", T, "count"): 1.0}}, ["2017"])
    d = dataclasses.replace(d, topic_en={"Поддержка действующего президента": "Support for the incumbent president"})
    en, ru = PeriodView(d, "2017", "en"), PeriodView(d, "2017", "ru")
    assert en.key_label("topics", "political/Поддержка действующего президента") == "Political: Support for the incumbent president"
    assert ru.key_label("topics", "economic/total") == "Экономический: ВСЕГО"
    assert en.key_label("topics", "social/total") == "Social: Total"


def test_the_headings_of_the_topics_tables_agree_with_topics():
    # one topic of each character: the heading's adjective agrees with "темы" (nominative plural), never the code's
    # label "Политический" lowered ("Темы собраний: политический")
    figs = {"2017": {("topics", "political/выборы", "count"): 1.0, ("topics", "economic/аренда", "count"): 1.0,
                     ("topics", "social/жильё", "count"): 1.0}}
    d = _data(figs, ["2017"])
    heads = {lang: re.findall(r"^: (.*)$", period_tables.topics(PeriodView(d, "2017", lang)), re.M) for lang in ("ru", "en")}
    assert heads["ru"] == ["Темы собраний: политические", "Темы собраний: экономические", "Темы собраний: социальные"]
    assert heads["en"] == ["Topics of assemblies: political", "Topics of assemblies: economic", "Topics of assemblies: social"]


def test_the_appendix_prints_a_dash_where_a_figure_was_not_printed():
    import polars as pl

    from assets.report import appendix

    rec = pl.DataFrame({"table_no": ["2"], "row_key": ["almaty"], "col_key": ["count"], "derived": [3.0], "published": [None],
                        "printed": [None], "decimals": [None], "status": ["not_published"], "location": [None]},
                       schema_overrides={"published": pl.Float64, "printed": pl.Utf8, "decimals": pl.Int64, "location": pl.Utf8})
    d = dataclasses.replace(_data({"2017": {("2", "almaty", "count"): 3.0}}, ["2017"]), reconciliation=rec)
    out = appendix.appendix(PeriodView(d, "2017", "en"))
    assert "| 2 | Almaty | Number | — | 3 | — |" in out
    assert fmt.counted("3", 3, ("case", "cases"), "en") == "3 cases"


def test_a_tie_of_two_and_the_other_cities():
    # Almaty 3, Astana 3, Taraz 1, Aktau 1: total 8; the other two cities together 2 (sql/report/remainders.sql)
    figs = {"2018": {("1", "almaty", "count"): 3.0, ("1", "almaty", "share_pct"): 37.5, ("1", "astana", "count"): 3.0,
                     ("1", "astana", "share_pct"): 37.5, ("1", "taraz", "count"): 1.0, ("1", "taraz", "share_pct"): 12.5,
                     ("1", "aktau", "count"): 1.0, ("1", "aktau", "share_pct"): 12.5,
                     ("1", T, "count"): 8.0, ("1", T, "share_pct"): 100.0}}
    d = _data(figs, ["2018"])
    assert sentences.build(PeriodView(d, "2018", "ru"))["cities"] == (
        "Самая высокая митинговая активность зафиксирована сразу в 2 городах — Алматы и Астана: в каждом 3 мирных собрания, "
        "38% от общего количества. В остальных 2 городах — 2 собрания.")
    assert sentences.build(PeriodView(d, "2018", "en"))["cities"] == (
        "Almaty and Astana shared the highest activity: 3 assemblies each, 38% of all. The other 2 cities had 2.")


@pytest.mark.parametrize("k, rest, lang, expected", [
    (1, 2, "ru", " Ещё в одном городе — 2 собрания."),  # not «В остальных 1 городе»
    (1, 1, "en", " One other city had 1."),  # not "The other 1 city"
    (3, 5, "ru", " В остальных 3 городах — 5 собраний."),
    (2, 21, "ru", " В остальных 2 городах — 21 собрание."),
    (2, 4, "en", " The other 2 cities had 4."),
])
def test_the_cities_not_named_are_one_other_city_or_the_other_ones(k, rest, lang, expected):
    from assets.report import sentences

    assert sentences.other_cities(k, rest, lang) == expected


def test_a_count_without_a_figure_takes_the_plural_and_russian_is_the_default():
    from assets.report import fmt

    assert fmt.counted("—", None, ("case", "cases"), "en") == "— cases"
    assert fmt.counted("—", None, ("дело", "дела", "дел")) == "— дел"
    assert fmt.counted("5", 5, ("дело", "дела", "дел")) == "5 дел"
    assert fmt.counted("1", 1, ("case", "cases"), "en") == "1 case"


@pytest.mark.parametrize("avg, median, longest, said", [
    (25, 20, 60, True),      # at the bounds: the longest lasted 60 min, the mean 5 min above the median (5 ≥ 4)
    (25, 20, 59, False),     # nobody stayed an hour
    (24.9, 20, 60, False),   # the mean under 5 min above the median
    (36, 30, 60, True),      # a fifth of the median (6) is the larger bound, and is met
    (35.9, 30, 60, False),
    (5, 5, 240, False),      # mean = median: nothing to explain
    (None, 5, 240, False),   # any of the three figures missing: nothing said
    (25, None, 240, False),
    (25, 20, None, False),
])
def test_long_protests_raise_the_mean_only_when_the_figures_say_so(avg, median, longest, said):
    from assets.report import text_figures

    assert text_figures.long_protests_raise_the_mean(avg, median, longest) is said


def test_the_duration_sentence_in_each_language():
    from assets.report import text_figures

    s = {"duration_avg_min": 25.7, "duration_median_min": 15.0, "duration_max_min": 240.0}
    sv = {"duration_avg_min": "25,7", "duration_median_min": "15"}
    assert text_figures.duration_sentence(s, sv, "ru") == (
        "Средняя продолжительность одного мирного собрания составила 25,7 мин., медиана — 15 мин.: средний "
        "показатель завышен несколькими протестными акциями, длившимися часами.")
    flat = {**s, "duration_max_min": 30.0}
    assert text_figures.duration_sentence(flat, {**sv, "duration_avg_min": "25.7"}, "en") == (
        "The mean duration of an assembly was 25.7 min, the median 15 min.")
    assert text_figures.duration_sentence({}, {}, "en") == ""


@pytest.mark.parametrize("key, ru, en", [
    ("detention_cases", ("1 мирное собрание", "2 мирных собрания", "5 мирных собраний"), ("1 assembly", "2 assemblies")),
    ("detained_persons", ("1 человек", "2 человека", "5 человек"), ("1 person", "2 people")),
    ("court_cases", ("1 дело", "2 дела", "5 дел"), ("1 case", "2 cases")),
    ("participants", ("1 человек", "2 человека", "5 человек"), ("1 person", "2 people")),
    ("participants_excl_sanctioned", ("1 человек", "2 человека", "5 человек"), ("1 person", "2 people")),
    ("participants_excl_sanctioned_state", ("1 человек", "2 человека", "5 человек"), ("1 person", "2 people")),
    ("applied", ("1 случае", "2 случаях", "5 случаях"), ("1 case", "2 cases")),
    ("police", ("1 полицейский", "2 полицейских", "5 полицейских"), ("1 police officer", "2 police officers")),
])
def test_every_counted_text_figure_takes_its_noun(key, ru, en):
    from assets.report import fmt, text_figures

    forms_ru, forms_en = text_figures.COUNTED[key]
    assert tuple(fmt.counted(str(n), n, forms_ru, "ru") for n in (1, 2, 5)) == ru
    assert tuple(fmt.counted(str(n), n, forms_en, "en") for n in (1, 2)) == en
