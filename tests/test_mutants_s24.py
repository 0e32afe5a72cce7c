"""Tests written to kill the hand mutants of session 24 (scripts/mutate_by_hand_s24.py) that the earlier tests let
live. Every expected string and number is worked out by hand from the small fixtures here (no pipeline run, nothing
written into the checkout)."""
from __future__ import annotations

import dataclasses
import datetime as dt

import polars as pl

from assets.report import text_figures
from assets.report.period_view import PeriodView
from tests.test_report_sentences_values import _data

T = "total"


def _summary(**cells) -> dict:
    return {("summary", T, k): float(v) for k, v in cells.items()}


def _text(figs: dict, lang: str, rec: pl.DataFrame | None = None) -> dict:
    d = _data(figs, sorted(figs))
    if rec is not None:
        d = dataclasses.replace(d, reconciliation=rec)
    return text_figures.text_variables(PeriodView(d, sorted(figs)[-1], lang))


def _mismatch(col: str, published: float, printed: str) -> pl.DataFrame:
    """The published report's text gave `printed` for the summary figure `col` of 2018 (the cards give another)."""
    return pl.DataFrame({"period": ["2018"], "table_no": ["summary"], "row_key": [T], "col_key": [col], "derived": [0.0],
                         "published": [published], "printed": [printed], "decimals": [0], "status": ["mismatch"],
                         "location": ["text"]})


# 1. a zero with a footnote is a figure, not "none" (text_figures._bare_zero) ---------------------------------------------

def test_a_zero_the_published_text_contradicts_is_printed_with_its_note_not_said_as_none():
    # 2018: the cards count 0 police, the published text 15: the sentence prints "0" with the footnote quoting 15, never
    # "no police were seen" (which would hide the divergence the footnote explains)
    figs = {"2018": _summary(assemblies=4, cities=1, police=0, police_per_assembly=0)}
    ru = _text(figs, "ru", _mismatch("police", 15.0, "15"))["police_sentence"]
    en = _text(figs, "en", _mismatch("police", 15.0, "15"))["police_sentence"]
    assert ru.startswith("По данным мониторинга, для контроля над мирными собраниями было задействовано в целом 0^[")
    assert ru.endswith("] полицейских, в среднем 0 на одну акцию.") and "15" in ru and "замечено не было" not in ru
    assert en.startswith("The monitoring counted 0^[") and en.endswith("] police officers in all, 0 per assembly on average.")
    assert "15" in en and "no police" not in en
    # without the note: the words (as before)
    assert _text(figs, "ru")["police_sentence"] == ("По данным мониторинга, полицейских на мирных собраниях этого периода "
                                                    "замечено не было.")


# 2. none applied for, but preventive detentions: the figures, not "nothing of the rest" ------------------------------------

def test_no_application_but_preventive_detentions_lists_the_figures():
    figs = {"2018": _summary(assemblies=4, cities=1, applied=0, applications_refused=0, assemblies_prevented=0,
                             preventive_detentions=2)}
    assert _text(figs, "ru")["applications_sentence"] == (
        "Заявок на проведение собраний в этом периоде не подавалось, отказов в проведении собраний зафиксировано: 0; не "
        "допущено собраний: 0; превентивных задержаний: 2.")
    assert _text(figs, "en")["applications_sentence"] == (
        "No organiser applied for permission in this period; applications refused: 0; assemblies prevented: 0; preventive "
        "detentions: 2.")


# 3. detained only before prevented assemblies (a bug fixed: "всего задержано 0 человек, из них превентивно — 3") -----------

def test_preventive_detentions_alone_are_said_without_a_contradiction():
    # 2018: no held assembly ended with detentions (0 cases, 0 persons), 3 people detained before assemblies that were
    # prevented (events not held count their preventive detentions; summary preventive_detentions)
    figs = {"2018": _summary(assemblies=4, cities=1, detention_cases=0, detention_cases_pct=0, detained_persons=0,
                             preventive_detentions=3)}
    assert _text(figs, "ru")["detentions_sentence"] == (
        "Задержаний участников проведённых мирных собраний в этом периоде не было; превентивно, ещё до начала акций, "
        "задержано 3 человека.")
    assert _text(figs, "en")["detentions_sentence"] == (
        "No participant of an assembly held was detained in this period; 3 people were detained preventively, before an "
        "assembly began.")
    one = {"2018": figs["2018"] | _summary(preventive_detentions=1)}
    assert _text(one, "ru")["detentions_sentence"].endswith("превентивно, ещё до начала акций, задержан 1 человек.")
    assert _text(one, "en")["detentions_sentence"].endswith("; 1 person was detained preventively, before an assembly began.")
    # nobody detained at all: one sentence of none (as before)
    none = {"2018": figs["2018"] | _summary(preventive_detentions=0)}
    assert _text(none, "ru")["detentions_sentence"] == "Задержаний участников мирных собраний в этом периоде не было."


# 4. the only unsanctioned assembly whose prosecutor figure the published text contradicts ----------------------------------

def test_the_only_unsanctioned_assembly_with_a_footnoted_figure_keeps_the_figures():
    # 2018: 1 unsanctioned assembly; the cards: the prosecutor not present (0), the published text says 1. The sentence of
    # "the only unsanctioned assembly" says the figures in words and has no place for the footnote: the figures are
    # printed instead, the 0 with its note
    figs = {"2018": _summary(assemblies=4, cities=1, unsanctioned=1, prosecutor_present_unsanctioned=0,
                             prosecutor_warned_unsanctioned=0, obstructed_unsanctioned=0, dispersed=0)}
    rec = _mismatch("prosecutor_present_unsanctioned", 1.0, "1")
    ru = _text(figs, "ru", rec)["reaction_unsanctioned"]
    en = _text(figs, "en", rec)["reaction_unsanctioned"]
    assert ru.startswith("Из 1 несанкционированного собрания прокуратура присутствовала на 0^[")
    assert ru.endswith("], но предупреждений не выносила. Полиция не препятствовала ни одному из них; разогнано собраний: 0.")
    assert en.startswith("Of 1 unsanctioned assembly the prosecutor attended 0^[")
    assert en.endswith("] and gave no warning. The police obstructed none of them; assemblies dispersed: 0.")
    # without the note: said of the one assembly (as before)
    assert _text(figs, "ru")["reaction_unsanctioned"] == (
        "На единственном несанкционированном собрании периода прокуратура не присутствовала. Полиция не препятствовала его "
        "проведению; разогнано собраний: 0.")


def test_a_warning_figure_the_published_text_contradicts_is_not_hidden_behind_none_present():
    # 2018: 3 unsanctioned; the prosecutor neither present (a bare 0) nor warning (0, but the published text says 2): the
    # sentence says both figures, the warnings' 0 with its note, never "the prosecutor attended none of them"
    figs = {"2018": _summary(assemblies=4, cities=1, unsanctioned=3, prosecutor_present_unsanctioned=0,
                             prosecutor_warned_unsanctioned=0, obstructed_unsanctioned=1, dispersed=0)}
    rec = _mismatch("prosecutor_warned_unsanctioned", 2.0, "2")
    ru = _text(figs, "ru", rec)["reaction_unsanctioned"]
    en = _text(figs, "en", rec)["reaction_unsanctioned"]
    assert ru.startswith("Из 3 несанкционированных собраний прокуратура присутствовала на 0 и вынесла предупреждения на 0^[")
    assert ru.endswith("]. Полиция препятствовала проведению 1 несанкционированной акции; разогнано собраний: 0.")
    assert en.startswith("Of 3 unsanctioned assemblies the prosecutor attended 0 and gave warnings at 0^[")
    assert en.endswith("]. The police obstructed 1 unsanctioned assembly; assemblies dispersed: 0.")


# 5. the previous period's mean duration only where it has one ---------------------------------------------------------

def test_no_previous_mean_duration_is_no_dash_in_brackets():
    # 2017 has assemblies but no Table 19 (no duration known); 2018 a mean of 30 min: nothing in brackets, never
    # "(в 2017 году — —)"
    figs = {"2017": {("2", T, "count"): 5.0},
            "2018": {("2", T, "count"): 4.0} | _summary(duration_avg_min=30, duration_median_min=30, duration_max_min=30)}
    assert _text(figs, "ru")["duration_sentence"] == ("Средняя продолжительность одного мирного собрания составила 30 мин., "
                                                      "медиана — 30 мин.")
    assert _text(figs, "en")["duration_sentence"] == "The mean duration of an assembly was 30 min, the median 30 min."


# 6. sentences.py: a period with no assembly after one with none --------------------------------------------------------

def test_no_assembly_after_none_is_no_comparison_of_zeros():
    # 2015: 5 assemblies, 2016: 0, 2017: 0. A count fallen to zero is said beside the previous one ("0 (в 2016 году —
    # 20)"); from none to none there is no change to say: the paragraph names the periods and the peak only
    from assets.report import sentences

    d = _data({"2015": {("2", T, "count"): 5.0}, "2016": {("2", T, "count"): 0.0}, "2017": {("2", T, "count"): 0.0}},
              ["2015", "2016", "2017"])
    assert sentences.build(PeriodView(d, "2017", "ru"))["general_dynamics"] == (
        "Данные хранилища позволяют отследить общую динамику ситуации с мирными собраниями за 3 периода мониторинга "
        "(2015 — 2017; см. табл. №2). Наибольшее число собраний — 5 — было в 2015 году.")
    assert sentences.build(PeriodView(d, "2017", "en"))["general_dynamics"] == (
        "The warehouse holds 3 monitoring periods (2015 to 2017; see Table 2). The most, 5, were recorded in 2015.")


# 7. notable events: an assembly of an unusual form is told once, in the list of forms ----------------------------------

def _cards_view(cards: list[dict], lang: str = "ru"):
    v = PeriodView(_data({"2017": {("2", T, "count"): float(len(cards))}}, ["2017"]), "2017", lang)
    rows = [dict(date=dt.date(2017, 3, 1 + i), city="almaty", settlement=None, participants=10, obstruction=False) | c
            for i, c in enumerate(cards)]
    return _with_cards(v, rows)


def _with_cards(v, rows):
    v.data = dataclasses.replace(v.data, cards=pl.DataFrame(rows))
    return v


def test_a_detention_at_an_unusual_form_is_listed_with_the_forms_not_again_with_the_detentions():
    # 1 March: a flash mob (social) where 2 were detained; 2 March: a rally (social) where 1 was detained. The flash mob is
    # a new form (listed with the forms); the detentions' list holds the rally alone ("not told above")
    from assets.report import notable_events

    v = _cards_view([dict(form="flashmob", character="social", detained=2, notes="Флешмоб у акимата."),
                     dict(form="rally", character="social", detained=1, notes="Митинг у завода.")])
    forms, detentions = notable_events.events(v, "forms"), notable_events.events(v, "detentions")
    assert [x for x in forms.splitlines() if x.startswith("- ")] == ["- **1 марта, Алматы** (флешмоб). Флешмоб у акимата."]
    assert [x for x in detentions.splitlines() if x.startswith("- ")] == ["- **2 марта, Алматы** (митинг). Митинг у завода."]


# 8. changes.py: the edition's moments ------------------------------------------------------------------------------------

NOW = dt.datetime(2026, 12, 2, 6, 30, tzinfo=dt.timezone.utc)


def test_a_date_written_without_dashes_is_the_whole_day_too():
    # --as-of 20261130 (ISO's basic form of 30 November 2026) is that day's end, as 2026-11-30 is; it was read as its
    # first moment (00:00), an edition a day older. --changes-since of either form is the day's first moment
    from assets.report import changes

    utc = dt.timezone.utc
    end, start = dt.datetime(2026, 11, 30, 23, 59, 59, 999999, tzinfo=utc), dt.datetime(2026, 11, 30, tzinfo=utc)
    for text in ("2026-11-30", "20261130", " 20261130 "):
        assert changes.parse_moment(text) == end
        assert changes.parse_moment(text, end_of_day=False) == start
    # a date and time stays that moment (no zone: UTC)
    assert changes.parse_moment("2026-11-30T10:15") == dt.datetime(2026, 11, 30, 10, 15, tzinfo=utc)
    assert changes.parse_moment("20261130T1015", end_of_day=False) == dt.datetime(2026, 11, 30, 10, 15, tzinfo=utc)


def test_changes_since_the_as_of_moment_itself_are_taken():
    # since == as-of (the same minute): an empty range, not a range that ends before it begins
    from assets.report import changes

    changes.check_moments("2026-11-15T10:00", "2026-11-15T10:00", NOW)  # raises nothing
    changes.check_moments("20261115", "20261115", NOW)                  # the day's first moment to its end


# 9. period_view.decimals: a figure quoted by the published text only is no printed table -----------------------------------

def test_a_table_the_edition_quoted_only_in_its_text_keeps_the_columns_own_precision():
    # Table 9 of 2017: derived 12.34 %; the published text (not a table) gave 12 %; other editions print the column with
    # 1 decimal. The table was not printed for 2017, so its cell has the column's own precision (fmt.pct: whole from 10 %),
    # "12%", never the other editions' "12,3%"
    from tests.test_mutants_i14z import _view

    v = _view({"2017": {("9", T, "share_pct"): 12.34}})
    v.data = dataclasses.replace(v.data, reconciliation=pl.DataFrame({
        "period": ["2017"], "table_no": ["9"], "row_key": [T], "col_key": ["share_pct"], "derived": [12.34],
        "published": [12.0], "printed": ["12%"], "decimals": [0], "status": ["mismatch"], "location": ["text"]}))
    v.data.col_decimals[("9", "share_pct")] = 1
    assert v.decimals("2017", "9", T, "share_pct") is None
    assert v.cell("9", T, "share_pct") == "12%"


# 10. the duplicate warning compares topics in any case ---------------------------------------------------------------------

def test_topics_that_differ_only_in_case_and_spaces_pair(tmp_path):
    # two rallies of one day and city, no place on either, one topic typed in capitals with a trailing space: a pair (the
    # topics compared lower-cased and trimmed; as typed, "ТАРИФЫ " and "тарифы" share no letter)
    from assets.core import warehouse as wh

    db = tmp_path / "w.duckdb"
    with wh.connect(db) as con:
        con.executemany("INSERT INTO cards (period, card_id, date, city, form, place, topic, character, organizer_type, "
                        "participants, permission_requested, source_type, sanctioned, record_id, source_file) "
                        "VALUES ('2017', ?, '2017-04-01', 'almaty', 'rally', NULL, ?, 'social', 'ngo', 1, false, 'monitor', "
                        "false, ?, ?)", [("K1", "ТАРИФЫ ", "r-K1", "k1.yaml"), ("K2", "тарифы", "r-K2", "k2.yaml")])
    with wh.connect(db, read_only=True) as con:
        pairs = con.execute(wh.read_sql("checks/possible_duplicate_events"), {"period": "2017"}).fetchall()
    assert pairs == [("K1", "K2", "k1.yaml", "k2.yaml", dt.date(2017, 4, 1), "almaty", "rally")]
