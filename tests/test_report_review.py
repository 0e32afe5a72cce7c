"""The report's numbers, sentences, tables and appendix at the points the hand mutants of a third reviewer
(scripts/mutate_by_hand_i14q.py) found open, on variants of the hand-made warehouse of
tests/test_report_sentences_values.py (its FIGURES table) and on a few figures typed here. Every expected
text is worked out by hand; the arithmetic is beside it. No pipeline run."""
from __future__ import annotations

import dataclasses

import polars as pl
import pytest

from assets.report import fmt, sentences, text_figures
from assets.report.period_view import PeriodView
from tests.test_report_sentences_values import FIGURES, T, _data


def _variant(changes: dict, drop=()) -> dict:
    """FIGURES with cells of (period, table, row, col) changed or dropped."""
    figs = {p: dict(cells) for p, cells in FIGURES.items()}
    for (p, *key), v in changes.items():
        figs[p][tuple(key)] = v
    for p, *key in drop:
        figs[p].pop(tuple(key))
    return figs


def _both(d, period="2017"):
    return sentences.build(PeriodView(d, period, "ru")), sentences.build(PeriodView(d, period, "en"))


# ---------------------------------------------------------------- fmt

@pytest.mark.parametrize("share,want", [(22.2, "каждое пятое собрание"), (22.6, "каждое четвёртое собрание"),
                                        (22.4, "каждое пятое собрание")])
def test_fraction_phrase_takes_the_nearest_fraction(share, want):
    # 22,2 % is 2,2 points from 1/5 and 2,8 from 1/4; 22,6 % is 2,4 from 1/4 and 2,6 from 1/5; 22,4: 2,4 / 2,6
    assert fmt.fraction_phrase(share, "ru") == want


def test_a_median_is_shown_as_a_mean_is():
    # a median of two assemblies (1 and 2 participants) is 1,5, not rounded to a count
    assert fmt.for_column("participants_median", 1.5, "ru") == "1,5"
    assert fmt.for_column("participants_median", 1.5, "en") == "1.5"


# ---------------------------------------------------------------- sentences

def test_a_first_period_of_two_years_is_written_with_an_en_dash():
    # 2011-2012: 10 assemblies, 2017: 12 (the peak is this period: no peak clause; 2016, the period before, has none)
    d = _data({"2011-2012": {("2", T, "count"): 10.0}, "2017": {("2", T, "count"): 12.0}}, ["2011-2012", "2017"])
    ru, en = _both(d)
    assert ru["general_dynamics"] == ("Данные хранилища позволяют отследить общую динамику ситуации с мирными собраниями за "
                                      "2 периода мониторинга (2011–2012 — 2017; см. табл. №2).")
    assert en["general_dynamics"] == "The warehouse holds 2 monitoring periods (2011–2012 to 2017; see Table 2)."


def test_the_mean_of_table_9_counts_the_periods_of_table_9():
    # 2015 has Table 2 but no Table 9: the mean is over 2016 and 2017, (80 + 75) / 2 = 77,5 -> 78 %, of 2 periods (not 3)
    ru, en = _both(_data(_variant({}, drop=[("2015", "9", T, "share_pct")])))
    assert "В среднем за 2 периода мониторинга без разрешения проводились 78% собраний (см. табл. №9)." in ru["law"]
    assert "Over 2 monitoring periods, 78% of assemblies on average were unsanctioned (Table 9)." in en["law"]


def test_an_index_at_the_same_level_as_the_previous_period():
    # Table 15: 2016 2.5, 2017 2.5 -> a change of 0 %: the same level
    ru, en = _both(_data(_variant({("2016", "15", T, "police_control_index"): 2.5})))
    assert "Это на том же уровне, что и в 2016 году (см. табл. №15)." in ru["police"]
    assert "That is the same as in 2016 (Table 15)." in en["police"]


# ---------------------------------------------------------------- text figures

def test_a_period_of_tables_only_counts_the_cities_of_table_2():
    # no summary: 9 assemblies in 2 cities of Table 2 (almaty 6, astana 3; a city of 0 is no city)
    d = _data({"2017": {("2", T, "count"): 9.0, ("2", "almaty", "count"): 6.0, ("2", "astana", "count"): 3.0,
                        ("2", "taraz", "count"): 0.0}}, ["2017"])
    s = text_figures.text_variables(PeriodView(d, "2017", "ru"))
    assert (s["assemblies"], s["cities"], s["assemblies_phrase"], s["cities_phrase"]) == ("9", "2", "9 мирных собраний", "в 2 городах")
    e = text_figures.text_variables(PeriodView(d, "2017", "en"))
    assert (e["assemblies_phrase"], e["cities_phrase"]) == ("9 peaceful assemblies", "in 2 cities")


def _mismatch(table, row, col, published, printed, reason="Так решили.") -> pl.DataFrame:
    return pl.DataFrame({"table_no": [table], "row_key": [row], "col_key": [col], "derived": [None], "published": [published],
                         "printed": [printed], "decimals": [0], "status": ["mismatch"], "location": ["table"], "primary": [True],
                         "choice_reason_ru": [reason], "choice_reason_en": [reason]})


def test_the_participants_text_figure_carries_table_18s_footnote():
    # 240 participants in the text; Table 18 printed 250: the text figure gets that footnote
    d = dataclasses.replace(_data(FIGURES), reconciliation=_mismatch("18", T, "participants", 250.0, "250"))
    s = text_figures.text_variables(PeriodView(d, "2017", "ru"))
    assert s["participants"] == "240^[В опубликованном отчёте — 250 (Таблица №18, количество участников). Так решили.]"


# ---------------------------------------------------------------- tables

def _caption(fragment: str) -> str:
    return next(x for x in fragment.splitlines() if x.startswith(": "))


def test_table_8s_title_names_the_previous_period_only_when_it_shows_it():
    from assets.report import period_tables
    from tests.test_report_tables_values import FIGS

    # FIGURES' 2016 has no Table 7 or 8: Table 8 shows 2017 alone, and its title names no other period (no "()")
    figs = {p: dict(c) for p, c in FIGURES.items()}
    figs["2017"].update({("8", "picket", "count"): 5.0, ("8", "picket", "share_pct"): 41.7})
    for lang, want in (("ru", ": Таблица №8. Сравнительная таблица форм собраний"), ("en", ": Table 8. Forms of assemblies compared")):
        assert _caption(period_tables.fragments(PeriodView(_data(figs), "2017", lang))["t08"]) == want
    # FIGS' 2016 has Table 8 (picket 2): compared with 2016
    for lang, want in (("ru", ": Таблица №8. Сравнительная таблица форм собраний (с 2016 годом)"),
                       ("en", ": Table 8. Forms of assemblies compared (with 2016)")):
        assert _caption(period_tables.fragments(PeriodView(_data(FIGS), "2017", lang))["t08"]) == want


def test_the_mean_of_table_9_is_over_every_period_even_two_of_one_value():
    # Table 9: 62 / 75 / 75 (2016 as 2017): the mean is (62 + 75 + 75) / 3 = 70,67 -> 71 %, over 3 periods
    # (the mean of the distinct values would be 68,5 and the distinct values 2)
    ru, en = _both(_data(_variant({("2016", "9", T, "share_pct"): 75.0})))
    assert "В среднем за 3 периода мониторинга без разрешения проводились 71% собраний (см. табл. №9)." in ru["law"]
    assert "Over 3 monitoring periods, 71% of assemblies on average were unsanctioned (Table 9)." in en["law"]


# ---------------------------------------------------------------- footnotes and marks

def _recon(rows: list[tuple]) -> pl.DataFrame:
    """Reconciliation rows: (table, row, col, derived, published, printed, status, location, primary)."""
    cols = ("table_no", "row_key", "col_key", "derived", "published", "printed", "status", "location", "primary")
    df = pl.DataFrame([dict(zip(cols, r)) for r in rows])
    return df.with_columns(pl.lit(0).alias("decimals"), pl.lit(None, pl.Utf8).alias("choice_reason_ru"),
                           pl.lit(None, pl.Utf8).alias("choice_reason_en"))


def test_a_footnote_cites_the_tables_print_before_the_texts():
    # 75 % printed as 69 % in the table (a secondary print) and as 71 % in the text (primary): the table's first
    rec = _recon([("9", T, "share_pct", 75.0, 71.0, "71%", "mismatch", "text", True),
                  ("9", T, "share_pct", 75.0, 69.0, "69%", "mismatch", "table", False)])
    b = PeriodView(dataclasses.replace(_data(FIGURES), reconciliation=rec), "2017", "ru")
    b.used = set()
    b.v("9", T, "share_pct")
    assert b.text_notes("А.").startswith("А.^[В опубликованном отчёте — 69% (Таблица №9, доля).")


def test_a_cell_that_matches_approximately_has_no_mark():
    # Table 9's 75 % against a printed "около 70%" (match_approximate): shown as derived, no mark, no note
    rec = _recon([("9", T, "share_pct", 75.0, 70.0, "около 70%", "match_approximate", "table", True)])
    b = PeriodView(dataclasses.replace(_data(FIGURES), reconciliation=rec), "2017", "ru")
    assert (b.cell("9", T, "share_pct"), b.table_notes()) == ("75%", "")


# ---------------------------------------------------------------- the appendix

def test_the_appendix_lists_statuses_alphabetically_and_differences_by_table_number():
    from assets.report import appendix

    # 1 match, 1 match_truncated, 3 mismatches: the summary in the order of the statuses' keys, not by count;
    # the differences (mismatches only, not the truncated match) by table number: 9, 10, then the text's
    rec = _recon([("summary", T, "police", 31.0, 30.0, "30", "mismatch", "text", True),
                  ("10", "fear", "share_pct", 20.0, 25.0, "25", "mismatch", "table", True),
                  ("9", T, "share_pct", 75.0, 70.0, "70", "mismatch", "table", True),
                  ("12", T, "law_abidance_pct", 25.0, 25.0, "25", "match", "table", True),
                  ("4", "social", "share_pct", 41.7, 41.0, "41", "match_truncated", "table", True)])
    app = appendix.appendix(PeriodView(dataclasses.replace(_data(FIGURES), reconciliation=rec), "2017", "ru"))
    lines = [x for x in app.splitlines() if x.startswith("| ")]
    assert lines[2:5] == ["| совпадает | 1 |", "| совпадает при отбрасывании знаков | 1 |", "| расхождение | 3 |"]
    assert [x.split(" | ")[0] for x in lines[7:]] == ["| 9", "| 10", "| текст отчёта"]


# ---------------------------------------------------------------- notable events, charts, changes

def test_a_march_is_a_common_form_and_one_detainee_is_a_detention():
    import datetime as dt

    from assets.report import notable_events

    # an economic march with a note, nobody detained: not an unusual form; a social picket with 1 detained: a detention
    cards = pl.DataFrame([
        dict(date=dt.date(2017, 5, 8), city="taraz", settlement=None, form="march", character="economic", detained=0,
             obstruction=False, participants=9, notes="Шествие прошло."),
        dict(date=dt.date(2017, 5, 9), city="astana", settlement=None, form="picket", character="social", detained=1,
             obstruction=False, participants=2, notes="Одного задержали.")])
    b = PeriodView(dataclasses.replace(_data(FIGURES), cards=cards), "2017", "ru")
    assert notable_events.events(b, "forms") == ""
    assert [x for x in notable_events.events(b, "detentions").splitlines() if x.startswith("- ")] == \
        ["- **9 мая, Астана** (пикет). Одного задержали."]


def test_the_forms_chart_ranks_the_forms_by_count(monkeypatch):
    from types import SimpleNamespace

    from assets.report import chart_fragments, charts

    drawn = []

    def ranked(labels_, values, shares, *a, **k):  # what would be drawn, not drawn
        drawn.append((labels_, values))
        return {}

    monkeypatch.setattr(charts, "ranked", ranked)
    monkeypatch.setattr(charts, "by_period_bars", lambda *a, **k: {})
    monkeypatch.setattr(charts, "stacked_shares", lambda *a, **k: {})
    ctx = SimpleNamespace(files={}, fragments={})
    chart_fragments.add_charts(PeriodView(_data(FIGURES), "2017", "ru"), ctx)
    # cities first (Алматы 6, Астана 3, Шымкент 2, Тараз 1), then forms (пикет 5, митинг 4, голодовка 3)
    assert drawn[0] == (["Алматы", "Астана", "Шымкент", "Тараз"], [6.0, 3.0, 2.0, 1.0])
    assert drawn[1] == (["Пикет", "Митинг", "Голодовка"], [5.0, 4.0, 3.0])


def test_no_change_since_the_very_moment_of_the_corrections():
    # tests/test_report_changes_hand.py's revisions, since 2026-02-01 00:00 exactly, when X, Y, Z and W's person changed:
    # at that moment the new revisions already hold (a revision is valid from its start, up to but not at its end),
    # so nothing changed since
    from assets.report import changes
    from tests.test_report_changes_hand import T1, _warehouse

    assert changes.card_changes(_warehouse(), "2017", T1).height == 0


def test_the_media_paragraph_gives_the_confirmed_cards_not_the_cards_with_media_attached():
    from assets.report import media_sources

    # 5 cards, 2 known from media only; media attached to 3, of which 1 a monitor's card confirmed
    counts = {"cards": 5, "cards_media_only": 2, "cards_with_attached_media": 3, "monitor_cards_confirmed_by_media": 1}
    assert "подтверждённых публикациями СМИ: 1." in media_sources.fragment(counts, "ru")
    assert "confirmed by media reports: 1." in media_sources.fragment(counts, "en")


def test_table_18_lists_the_total_before_the_totals_without_sanctioned_assemblies():
    from assets.report import period_tables
    from tests.test_report_tables_values import FIGS, rows

    figs = {p: dict(c) for p, c in FIGS.items()}
    figs["2017"].update({("18", "total_excl_sanctioned", "participants"): 200.0,
                         ("18", "total_excl_sanctioned_state", "participants"): 120.0})
    t18 = period_tables.fragments(PeriodView(_data(figs), "2017", "ru"))["t18"]
    assert rows(t18) == ["| Алматы | — | 150 | 25 |", "| Астана | — | 90 | 15 |", "| **ВСЕГО** | 300 | 240 | 20 |",
                         "| **ВСЕГО (с вычетом санкционированных МС)** | — | 200 | — |",
                         "| **ВСЕГО (с вычетом санкционированных и организованных властями МС)** | — | 120 | — |"]


def test_the_peak_is_compared_by_its_own_change():
    # Table 2: 2015 14 (the peak), 2016 10, 2017 12: +20 % against 2016, 12 / 14 - 1 = -14,3 % against the peak
    d = _data({"2015": {("2", T, "count"): 14.0}, "2016": {("2", T, "count"): 10.0}, "2017": {("2", T, "count"): 12.0}})
    ru, en = _both(d)
    assert ru["general_dynamics"] == (
        "Данные хранилища позволяют отследить общую динамику ситуации с мирными собраниями за 3 периода мониторинга "
        "(2015 — 2017; см. табл. №2). Количество мирных собраний — 12, на 20% больше, чем в 2016 году (10). "
        "Наибольшее число собраний — 14 — было в 2015 году; с тех пор количество собраний стало на 14% меньше.")
    assert en["general_dynamics"] == (
        "The warehouse holds 3 monitoring periods (2015 to 2017; see Table 2). The number of assemblies, 12, is 20% higher "
        "than in 2016 (10). The most, 14, were recorded in 2015; this period had 14% fewer.")


# ---------------------------------------------------------------- agreement where 1, 2–4 and 5+ differ

def test_a_city_of_one_assembly_in_both_editions():
    # Almaty 1 of 1 (100 %): 'мирное собрание' and 'assembly' in the singular
    d = _data({"2017": {("1", "almaty", "count"): 1.0, ("1", "almaty", "share_pct"): 100.0, ("1", T, "count"): 1.0,
                        ("1", T, "share_pct"): 100.0}}, ["2017"])
    ru, en = _both(d)
    # (one city: no "highest, 100% of all" among one; tests/test_report_ties.py)
    assert ru["cities"] == "Единственное мирное собрание периода прошло в городе Алматы."
    assert en["cities"] == "The period's only assembly was held in Almaty."


def test_twenty_two_assemblies_in_the_nominative():
    d = _data({"2017": {("summary", T, "assemblies"): 22.0, ("summary", T, "cities"): 21.0}}, ["2017"])
    s = text_figures.text_variables(PeriodView(d, "2017", "ru"))
    assert (s["assemblies_phrase"], s["cities_phrase"]) == ("22 мирных собрания", "в 21 городе")


def test_twenty_one_described_assemblies_in_the_genitive():
    import datetime as dt

    from assets.report import notable_events

    # 21 political rallies with notes: 12 shown, "из 21 описанного собрания", 9 more
    cards = pl.DataFrame([dict(date=dt.date(2017, 6, 1 + i), city="almaty", settlement=None, form="rally", character="political",
                               detained=0, obstruction=False, participants=10 + i, notes=f"Событие {i}.") for i in range(21)])
    text = notable_events.events(PeriodView(dataclasses.replace(_data(FIGURES), cards=cards), "2017", "ru"), "political")
    assert "Здесь — 12 самых заметных из 21 описанного собрания (больше всего задержанных, затем участников); ещё 9 — " in text


def test_a_number_above_ten_thousand_keeps_its_decimals():
    assert fmt.number(12345.67, 1, "ru") == "12\u202f345,7"
    assert fmt.number(12345.67, 2, "en") == "12\u202f345.67"


def test_the_english_changes_name_the_fields_in_english():
    import datetime as dt

    from assets.report import changes

    ch = pl.DataFrame({"date": [dt.date(2017, 3, 10)], "city": ["almaty"], "change": ["changed"], "fields": [["participants", "persons"]]})
    en = changes.appendix_section(ch, dt.datetime(2018, 1, 15, tzinfo=dt.timezone.utc), None, "en")
    # md_escape writes the parentheses as entities
    assert "| 10 March 2017 | Almaty | corrected | Participants &#40;best estimate&#41;, Persons |" in en
