"""Tests written to kill the hand mutants of a seventh reviewer (scripts/mutate_by_hand_i14z.py) that the suite let
live: every expected value below is worked out by hand from the few figures, cards or rows typed in the test (the
comments say how), never taken from the code under test. Tiny fixtures, no pipeline run, no GX validation."""
from __future__ import annotations

from types import SimpleNamespace

import duckdb
import pytest

T = "total"


def _data(figs: dict, order: list[str]):
    from tests.test_report_sentences_values import _data as data

    return data(figs, order)


def _sentences(figs: dict, order: list[str], period: str = "2017") -> tuple[dict, dict]:
    from tests.test_report_sentences_values import sentences_of

    return sentences_of(figs, order, period)


# ---- the report's sentences
def test_an_activity_index_highest_of_two_periods_is_said_to_be_the_highest():
    # Table 3: 2016 2.0, 2017 3.0 a month: 3 / 2 = 1.5 -> "на 50% больше" (below twice: in percent), and with two
    # periods 2017 is already the highest of all ("наивысшее значение за все периоды")
    ru, en = _sentences({"2016": {("3", T, "activity_index"): 2.0}, "2017": {("3", T, "activity_index"): 3.0}},
                        ["2016", "2017"])
    assert ru["activity"] == ("В 2017 году «индекс митинговой активности» (мирных собраний в месяц) равнялся 3,0, что на 50% "
                              "больше, чем в 2016 году; это наивысшее значение за все периоды мониторинга.")
    assert en["activity"] == ("In 2017 the activity index (assemblies per month) was 3.0, 50% higher than in 2016; "
                              "the highest of all periods.")


# ---- nothing_lost: a later period's imbalance, the redacted records of every period
def test_nothing_lost_of_a_period_ignores_a_later_unbalanced_period_and_sums_the_redacted(tmp_path):
    from assets.core import warehouse as wh
    from tests.test_blocking_checks import _balanced, _cards, _nothing_lost_on, _raw

    db = tmp_path / "w.duckdb"
    _balanced(db)  # 2017 balanced, one raw record redacted
    with wh.connect(db) as con:
        _raw(con, "2018", 3)
        _cards(con, "2018", 1)  # 2018 (after 2017): 3 raw records, 1 card -> unbalanced
        _raw(con, "2016", 1)
        _cards(con, "2016", 1)  # 2016 balanced, its one raw record redacted too
        con.execute("""UPDATE raw_record_rows SET cells = '["REDACTED-0a"]' WHERE record_id = '2016-r0'""")
    assert _nothing_lost_on(db, "2017").passed is True
    assert _nothing_lost_on(db, "2016").passed is True
    r = _nothing_lost_on(db, None)  # every period: 2016, 2017, 2018; redacted 1 + 1
    assert r.passed is False
    assert r.metadata["redacted_records"].value == 2
    assert r.metadata["unbalanced"].value == "2018: raw 3 != 1+0+0"


# ---- the media counts: a card resting on media only is not a monitor's card confirmed by media
def test_media_attached_to_a_media_only_card_confirms_no_monitors_card():
    from assets.media import archive
    from assets.report import media_sources
    from tests.test_report_media_sources import _cards

    con = _cards()  # 2017: M1, M2 (monitor), S1 (media), S2 (social)
    archive.ensure_tables(con)
    con.executemany("INSERT INTO media_card_sources VALUES (?, '2017', ?, ?, 1.0, 'match')",
                    [("S1", "k1", "https://a.kz/1"), ("M2", "k2", "https://b.kz/2"), ("M2", "k3", "https://c.kz/3")])
    # attached: S1 and M2 (2 cards; M2's two links are one card); confirmed: M2 only (S1 rests on media already)
    assert media_sources.load(con, "2017") == {"cards": 4, "cards_media_only": 2, "cards_with_attached_media": 2,
                                               "monitor_cards_confirmed_by_media": 1}


# ---- sql/reconciliation.sql: a truncation judged on the printed digits, not on the float's last bits
def _reconcile(derived: list[tuple], published: list[tuple]) -> dict:
    import tests.test_reconciliation_values as rv

    con = rv.warehouse()
    con.executemany("INSERT INTO derived_figures (period, table_no, row_key, col_key, value, provenance) "
                    "VALUES ('2018', ?, ?, ?, ?, 'derived')", derived)
    con.executemany("INSERT INTO published_figures (source, period, table_no, row_key, col_key, value, value_status, "
                    "provenance, printed, decimals, location, \"primary\", note) "
                    "VALUES ('p', '2018', ?, ?, ?, ?, 'value', 'published', ?, ?, 'table', true, ?)", published)
    return {(r["table_no"], r["row_key"], r["col_key"]): r for r in rv.reconcile(con, "2018")}


def test_an_index_of_29_hundredths_printed_28_is_no_truncation():
    # 29 police / 100 participants = 0.29 (as a double 0.28999…, ×100 = 28.999999999999996); printed "0.28" at 2
    # decimals: 0.29 - 0.28 = 0.01 > ½ hundredth, and truncated to 2 decimals 0.29 is still 0.29 -> mismatch
    got = _reconcile([("14", T, "police_control_index", 29 / 100)],
                     [("14", T, "police_control_index", 0.28, "0.28", 2, None)])
    assert got[("14", T, "police_control_index")]["status"] == "mismatch"


# ---- redaction: a name in a refused file that a clean person marks public stays named
def test_a_refused_files_name_marked_public_on_a_clean_person_is_not_private():
    # the refused YAML names Открытов Пётр and Закрытова Анна; the persons table marks Открытов Пётр public: only
    # Закрытова Анна is a private name
    from assets.validate.redaction import private_names
    from tests.test_redaction_values import _refused

    con = _refused(("k.yaml", "- name: Открытов Пётр\n- name: Закрытова Анна\n".encode()))
    con.execute("CREATE TABLE persons (period VARCHAR, name VARCHAR, public BOOLEAN)")
    con.execute("INSERT INTO persons VALUES ('2016', 'Открытов Пётр', true)")
    assert private_names(con, "2017") == ["Закрытова Анна"]


def test_a_tab_separated_refused_file_gives_its_names_column():
    # a TSV refused whole: split by ',' or ';' its header is one column; by tab it has the name column ФИО
    from assets.validate.redaction import private_names
    from tests.test_redaction_values import _refused

    con = _refused(("t.tsv", "card_id\tФИО\nc1\tТабов Илья\n".encode()))
    assert private_names(con, "2017") == ["Табов Илья"]


# ---- the note on what the period's figures rest on: the legend of marks only where figures are derived
def test_the_legend_of_marks_only_for_a_period_with_a_derived_table():
    import polars as pl

    from assets.report import text_figures
    from assets.report.period_view import PeriodView

    d = _data({"2016": {("2", T, "count"): 5.0}, "2017": {("2", T, "count"): 4.0, ("3", T, "activity_index"): 0.3}},
              ["2016", "2017"])
    d.published = {("2016", "2"), ("2017", "2")}  # 2016 wholly published; 2017's Table 2 published, Table 3 derived
    d.reconciliation = pl.DataFrame({"table_no": ["3"], "row_key": [T], "col_key": ["activity_index"], "status": ["match"]})
    # config/labels.yaml: basis_reconstructed (2017's basis in config/periods.yaml) + div_legend; basis_published alone
    assert text_figures.basis(PeriodView(d, "2017", "en")) == (
        "::: {.basis}\nThe figures of this period are derived from observation cards reconstructed from the report published "
        "for the period (the monitors' original cards were not kept); where the reconstructed cards give a figure other "
        "than the published one, the table says so. Figures marked ¹ ² … differ from the published ones; the note under "
        "the table explains why.\n:::\n")
    assert text_figures.basis(PeriodView(d, "2016", "en")) == (
        "::: {.basis}\nThe warehouse holds no observation cards for this period: the figures are shown as published.\n:::\n")


# ---- sql/reconciliation.sql: the audit's note on a cell printed twice in one place
def test_a_contradicted_cell_printed_twice_in_the_text_gives_two_rows_each_noted():
    # derived 4; printed "4" on lines 3 and 7 of the text; the audit finds the cell contradicted: two rows (one per
    # printing), each with the audit's note, not four
    import tests.test_reconciliation_values as rv

    con = rv.warehouse()
    con.execute("INSERT INTO derived_figures (period, table_no, row_key, col_key, value, provenance) "
                "VALUES ('2018', '3', 'total', 'k', 4, 'derived')")
    for line in (7, 3):
        con.execute("INSERT INTO published_figures (source, period, table_no, row_key, col_key, value, value_status, "
                    "provenance, printed, decimals, location, line, \"primary\") "
                    "VALUES ('p', '2018', '3', 'total', 'k', 4, 'value', 'published', '4', 0, 'text', ?, ?)", [line, line == 3])
    con.execute("INSERT INTO audit (source, rule, period, table_no, row_key, col_key, message, level, root_id) "
                "VALUES ('p', 'cell_vs_text', '2018', '3', 'total', 'k', 'printed otherwise', 'contradiction', 'r')")
    got = [(r["line"], r["status"], r["contradicted_in_report"], r["audit_note"]) for r in rv.reconcile(con, "2018")]
    assert got == [(3, "match", True, "printed otherwise"), (7, "match", True, "printed otherwise")]


# ---- sql/coverage.sql: a period without cards, declared complete or not, and two reports printing its total
def _coverage(period: str, declared: str, printed: list[tuple]) -> list[tuple]:
    import tests.test_sql_models as base
    from assets.core.sqlfiles import sql

    con = base.warehouse()  # cards of 2015, 2016, 2017; none of 2018
    con.executemany("INSERT INTO published_figures (source, period, table_no, row_key, col_key, value, value_status, provenance, "
                    "printed, decimals, location, \"primary\") VALUES (?, ?, '2', 'total', 'count', ?, 'value', "
                    "'published', ?, 0, 'table', true)", [(s, period, v, str(int(v))) for s, v in printed])
    got = con.execute(sql("coverage"), {"period": period, "declared": declared, "basis": "monitors",
                                        "provenance": "derived"}).fetchall()
    return [(r[2], r[5], r[6], r[7]) for r in got]


def test_coverage_of_a_period_without_cards_and_of_one_printed_by_two_reports():
    # 2018: no card; declared partial -> 'none'; declared complete -> 'complete' (what was declared), 0 of 8 digitised
    assert _coverage("2018", "partial", [("r2018", 8.0)]) == [("none", 0, 8.0, 0.0)]
    assert _coverage("2018", "complete", [("r2018", 8.0)]) == [("complete", 0, 8.0, 0.0)]
    # 2016 (one card): its own report prints 4, a later report's table of periods 5, each its primary printing: the
    # larger, 5, is the published count -> 1 / 5 = 0.2 digitised
    assert _coverage("2016", "partial", [("r2016", 4.0), ("r2017", 5.0)]) == [("partial", 1, 5.0, 0.2)]


# ---- the view: the footnotes of a sentence, the periods up to the report's
def _recon(*rows: tuple):
    import polars as pl

    cols = ("table_no", "row_key", "col_key", "status", "published", "printed", "decimals", "location", "primary")
    return pl.DataFrame([dict(zip(cols, r)) for r in rows])


def test_a_sentence_is_footnoted_once_for_a_mismatch_and_never_for_a_match_of_another_kind():
    from assets.report.period_view import PeriodView

    d = _data({"2017": {("1", "almaty", "count"): 4.0, ("1", "astana", "count"): 6.0, ("9", T, "share_pct"): 33.3,
                        ("12", T, "law_abidance_pct"): 66.7}}, ["2017"])
    d.reconciliation = _recon(("1", "almaty", "count", "mismatch", 5.0, "5", 0, "table", True),
                              ("1", "astana", "count", "mismatch", 5.0, "5", 0, "table", True),
                              ("9", T, "share_pct", "match_approximate", 30.0, "30", 0, "text", True),
                              ("12", T, "law_abidance_pct", "match_truncated", 66.0, "66", 0, "table", True))
    v = PeriodView(d, "2017", "en")
    # two cells of Table 1, each printed 5 against 4 and 6: one and the same note (config/labels.yaml div_published,
    # "Table " + the number, the column's label lowered, div_mismatch), given once
    v.used = {("1", "almaty", "count"), ("1", "astana", "count")}
    assert v.text_notes("S.") == ("S.^[The published report gives 5 (Table 1, number). The observation cards, as "
                                  "recorded, give a different figure.]")
    # an approximate or a truncated printing that matches is no difference: no footnote
    v.used = {("9", T, "share_pct"), ("12", T, "law_abidance_pct")}
    assert v.text_notes("S.") == "S."


def test_a_report_of_an_earlier_period_never_reads_a_later_one():
    # figures of 2016 and 2017: the report of 2016 has no earlier period of Table 2 (2017 comes after it)
    from assets.report.period_view import PeriodView

    d = _data({"2016": {("2", T, "count"): 5.0}, "2017": {("2", T, "count"): 4.0}}, ["2016", "2017"])
    assert PeriodView(d, "2016", "ru").periods_with("2", "count") == ["2016"]
    ru, en = _sentences({"2016": {("2", T, "count"): 5.0}, "2017": {("2", T, "count"): 4.0}}, ["2016", "2017"], "2016")
    assert ru["general_dynamics"] == "Данных за прошлые периоды в хранилище нет, поэтому динамику по годам проследить нельзя."
    assert en["general_dynamics"] == "The warehouse holds no earlier period, so there is no comparison by year."


def test_a_titles_years_are_the_span_of_its_periods_in_any_order():
    # 2014, 2011-2012, 2010 (out of order): from the first year to the last, 2010–2014
    from assets.report.period_view import PeriodView

    v = PeriodView(_data({"2017": {("2", T, "count"): 1.0}}, ["2017"]), "2017", "ru")
    assert v.title_subs(["2014", "2011-2012", "2010"])["over_years"] == "за 2010–2014 годы"


def test_a_quoted_name_of_a_refused_csv_is_the_name_without_its_quotes():
    from assets.validate.redaction import private_names
    from tests.test_redaction_values import _refused

    con = _refused(("q.csv", 'card_id,ФИО\nc1,"Кавычкин Лев"\n'.encode()))
    assert private_names(con, "2017") == ["Кавычкин Лев"]


# ---- coercion: a dash is "no", a number typed with no-break spaces is a number (both validations)
from tests.test_validation_values import card, rows, validate  # noqa: E402,F401  (validate: both validations)


def test_a_dash_is_no_and_thousands_with_no_break_spaces_are_one_number(validate):
    # obstruction "-": false (a dash is "no" on the monitors' forms); participants "1 200" with a no-break space
    # (U+00A0, as a spreadsheet groups thousands): 1200, its bounds defaulting to it
    res = validate(card(obstruction="-", participants="1\u00a0200"))
    assert rows(res) == []
    c = res.cards.row(0, named=True)
    assert (c["obstruction"], c["participants_low"], c["participants"], c["participants_high"]) == (False, 1200, 1200, 1200)


def test_a_fractional_count_from_a_spreadsheet_is_no_whole_number(validate):
    # participants 12.5 as a number (a spreadsheet's or JSON's float, not text): quarantined, not cut to 12; 12.0 is 12
    res = validate(card(participants=12.5))
    assert rows(res) == [(2, "card", "2017-V-1", "participants", "12.5", "type:int",
                          "'Участники (оценка)' (participants): '12.5' is not a whole number")]
    res = validate(card(participants=12.0))
    assert rows(res) == [] and res.cards["participants"].to_list() == [12]


def test_a_field_at_its_length_limit_is_read_and_one_character_more_is_not():
    # config/limits.yaml file.max_field_chars: a text of exactly that many characters is read; one more is refused
    # (rule limit:field_chars); quarantine shows a value of 200 characters whole, of 201 cut to 200 and its length
    from assets.core.limits import limits
    from assets.validate.coerce import coerce_value, shown
    from schemas.card import spec

    lim = limits()
    n, topic = lim.max_field_chars, spec().card["topic"]
    assert coerce_value(topic, "т" * n, lim) == ("т" * n, None)
    value, problem = coerce_value(topic, "т" * (n + 1), lim)
    assert value is None and problem.rule == "limit:field_chars"
    assert shown("x" * 200) == "x" * 200
    assert shown("x" * 201) == "x" * 200 + "… (201 characters)"


# ---- the view's cells and order; the report's tables 8, 11 and of topics
def _body(md: str) -> list[list[str]]:
    lines = [line for line in md.splitlines() if line.startswith("| ")]
    return [line[2:-2].split(" | ") for line in lines]


def _view(figs: dict, period: str = "2017", lang: str = "ru"):
    from assets.report.period_view import PeriodView

    return PeriodView(_data(figs, sorted(figs)), period, lang)


def test_a_derived_figure_where_a_dash_was_printed_keeps_its_columns_decimals():
    # Table 9's share printed "-" (a dash, no decimals of its own); the column prints 1 decimal elsewhere: 12.3 -> "12,3%"
    from assets.report.published import Printed

    v = _view({"2017": {("9", T, "share_pct"): 12.3}})
    v.data.printed[("2017", "9", T, "share_pct")] = Printed("-", 0, None, "dash")
    v.data.col_decimals[("9", "share_pct")] = 1
    assert v.cell("9", T, "share_pct") == "12,3%"


def test_no_mark_where_the_cell_reads_as_the_printing_it_is_compared_with():
    # a row of the reconciliation against the printing "5" (status mismatch); the cell shows 5: the reader sees the
    # published figure, so no mark and no note
    v = _view({"2017": {("2", T, "count"): 5.0}})
    v.data.reconciliation = _recon(("2", T, "count", "mismatch", 5.0, "5", 0, "table", True))
    assert (v.cell("2", T, "count"), v.table_notes()) == ("5", "")


def test_cities_of_one_count_this_period_follow_their_count_over_the_periods():
    # 2017: Астана 2, Алматы 2 (a tie); over 2016–2017 Астана 7, Алматы 3: Астана first (by name Алматы would be)
    v = _view({"2016": {("2", "astana", "count"): 5.0, ("2", "almaty", "count"): 1.0},
               "2017": {("2", "astana", "count"): 2.0, ("2", "almaty", "count"): 2.0}})
    assert v.cities_over("2", "count", ["2016", "2017"]) == ["astana", "almaty"]


def test_table_8_shows_the_previous_period_that_has_table_7():
    # 2016 has Table 7 (forms) but no Table 8: its column is shown, empty; 2017: rally 2 (100 %); march 0 in 2017 and
    # no other period: no row
    from assets.report import period_tables

    v = _view({"2016": {("7", "rally", "count"): 3.0, ("7", T, "count"): 3.0},
               "2017": {("8", "rally", "count"): 2.0, ("8", "rally", "share_pct"): 100.0,
                        ("8", "march", "count"): 0.0, ("8", "march", "share_pct"): 0.0}})
    body = _body(period_tables.fragments(v)["t08"])
    assert body[0][1:] == ["2016", "2017"] and body[2:] == [["Митинг", "—", "2 (100%)"]]


def test_forms_of_no_assembly_this_period_follow_their_largest_count_before():
    # 2017: march 1, rally 0, picket 0; 2016: rally 5, picket 1 -> march, rally (5), picket (1): Шествие, Митинг, Пикет
    from assets.report import period_tables

    v = _view({"2016": {("8", "rally", "count"): 5.0, ("8", "picket", "count"): 1.0},
               "2017": {("8", "march", "count"): 1.0, ("8", "rally", "count"): 0.0, ("8", "picket", "count"): 0.0}})
    assert [r[0] for r in _body(period_tables.fragments(v)["t08"])[2:]] == ["Шествие", "Митинг", "Пикет"]


def test_topics_of_one_count_are_in_alphabetical_order():
    # social topics Ясли 2 and Аренда 2 (Ясли first in the figures): a tie, in alphabetical order; the total 4
    from assets.report import period_tables

    v = _view({"2017": {("topics", "social/Ясли", "count"): 2.0, ("topics", "social/Аренда", "count"): 2.0}})
    assert _body(period_tables.topics(v))[2:] == [["Аренда", "2"], ["Ясли", "2"], ["**ВСЕГО**", "4"]]


def test_table_11_columns_in_the_published_order():
    # the published Table 11: number, unsanctioned, sanctioned, law-abidance (config/labels.yaml columns)
    from assets.report import period_tables

    v = _view({"2017": {("11", "almaty", "count"): 3.0, ("11", "almaty", "unsanctioned"): 1.0,
                        ("11", "almaty", "sanctioned"): 2.0, ("11", "almaty", "law_abidance_pct"): 200 / 3}})
    head, _, row = _body(period_tables.fragments(v)["t11"])
    assert head[1:] == ["Количество", "Несанкционированные собрания", "Санкционированные собрания", "Индекс законопослушности"]
    assert row == ["Алматы", "3", "1", "2", "67%"]


def test_an_empty_police_count_is_not_known_unless_no_police_came_in_both_validations(validate):
    # police_count left empty with police present: not known (None, never 0); with no police present: 0 --
    # by column and record by record alike
    res = validate(card(police_count=""), card(card_id="2017-V-2", police_count="", police_present="нет"))
    assert rows(res) == [] and res.cards["police_count"].to_list() == [None, 0]


def test_the_cities_chart_shows_the_cities_with_assemblies_only(monkeypatch):
    # Table 1: Алматы 3 (100 %), Астана 0 (0 %): the chart of cities gets Алматы alone (the chart is drawn by
    # charts.ranked, replaced here by a recorder)
    from assets.report import chart_fragments

    got = []
    monkeypatch.setattr(chart_fragments.charts, "ranked", lambda *a, **k: got.append(a[:3]) or {"svg": b""})
    v = _view({"2017": {("1", "almaty", "count"): 3.0, ("1", "almaty", "share_pct"): 100.0,
                        ("1", "astana", "count"): 0.0, ("1", "astana", "share_pct"): 0.0,
                        ("1", T, "count"): 3.0, ("1", T, "share_pct"): 100.0}})
    ctx = SimpleNamespace(files={}, fragments={})
    chart_fragments.add_charts(v, ctx)
    assert got == [(["Алматы"], [3.0], ["100%"])]
    assert ctx.fragments["chart_cities"].startswith("![") and ctx.fragments["chart_dynamics"] == ""


def test_a_single_picket_is_a_common_form_not_a_new_one():
    # a single-person picket with a detention: a common form, so among the detentions, not among the unusual forms
    import dataclasses
    import datetime as dt

    import polars as pl

    from assets.report import notable_events

    v = _view({"2017": {("2", T, "count"): 1.0}})
    cards = pl.DataFrame([dict(date=dt.date(2017, 5, 4), city="taraz", settlement=None, form="single_picket",
                               character="social", detained=1, obstruction=False, participants=1, notes="Один задержан.")])
    v.data = dataclasses.replace(v.data, cards=cards)
    assert notable_events.events(v, "forms") == ""
    assert [x for x in notable_events.events(v, "detentions").splitlines() if x.startswith("- ")] == [
        "- **4 мая, Тараз** (одиночный пикет). Один задержан."]


def test_an_unknown_obstruction_is_none_and_a_political_hunger_strike_is_told_once():
    # a social rally with nobody detained and obstruction not recorded: not among detentions and obstruction; a
    # political hunger strike: among the political events only, not again among the unusual forms
    import dataclasses
    import datetime as dt

    import polars as pl

    from assets.report import notable_events

    v = _view({"2017": {("2", T, "count"): 2.0}})
    cards = pl.DataFrame([
        dict(date=dt.date(2017, 5, 4), city="taraz", settlement=None, form="rally", character="social", detained=0,
             obstruction=None, participants=30, notes="Тихо."),
        dict(date=dt.date(2017, 6, 1), city="almaty", settlement=None, form="hunger_strike", character="political",
             detained=0, obstruction=False, participants=3, notes="Голодовка."),
    ], schema_overrides={"obstruction": pl.Boolean})
    v.data = dataclasses.replace(v.data, cards=cards)
    assert (notable_events.events(v, "detentions"), notable_events.events(v, "forms")) == ("", "")
    assert [x for x in notable_events.events(v, "political").splitlines() if x.startswith("- ")] == [
        "- **1 июня, Алматы** (голодовка). Голодовка."]


def test_the_audits_findings_of_one_table_are_in_the_order_of_their_rules():
    # two findings of Table 7, shares_sum_100 first in the audit: listed same_figure, then shares_sum_100
    # (config/labels.yaml rules: "One figure given differently", "Shares do not sum to 100%")
    import polars as pl

    from assets.report import appendix

    v = _view({"2017": {("7", T, "count"): 5.0}}, lang="en")
    v.data.audit = pl.DataFrame({"table_no": ["7", "7"], "row_key": [T, "rally"], "col_key": ["share_pct", "count"],
                                 "rule": ["shares_sum_100", "same_figure"], "published": [99.0, 5.0], "expected": [100.0, 6.0]})
    rows_ = _body(appendix.appendix(v))[2:]
    assert [r[3] for r in rows_] == ["One figure given differently", "Shares do not sum to 100%"]
    assert [r[4:] for r in rows_] == [["5", "6"], ["99%", "100%"]]


# ---- labels: a column without a label, a city's key without its field
def test_a_column_without_a_label_reads_as_words_and_a_city_key_is_its_name():
    from assets.report import labels

    assert labels.column("no_such_column", "ru") == "no such column"
    assert (labels.row("almaty", "ru"), labels.row("almaty", "en")) == ("Алматы", "Almaty")
    assert labels.row("case_12", "ru") == "№12"  # a court case's key: its number


# ---- the media claims ledger: a count of 0 is a claim; undated sources last; only fields the sources differ on
def test_a_count_of_none_detained_is_a_claim_of_0():
    from assets.media import claims

    # and a police count is one number: low = best = high = 40
    got = claims.claims_of({"event_key": "k", "detained": 0, "police_count": 40, "url": "https://a",
                            "evidence": {"detained": "Никто не задержан.", "police_count": "Было 40 полицейских."}})
    assert [(c["field"], c["value"], c["low"], c["best"], c["high"], c["sentence"]) for c in got] == [
        ("police_count", "40", 40, 40, 40, "Было 40 полицейских."), ("detained", "0", 0, 0, 0, "Никто не задержан.")]


def test_sources_side_by_side_undated_last_and_only_the_fields_they_differ_on():
    # participants 30 (https://b, 2017-05-04) and 50 (https://a, no date): the dated source first, the undated last;
    # both say Almaty: only participants disagree
    from assets.media import claims

    cs = [{"field": "participants", "value": "50", "url": "https://a", "published": None},
          {"field": "participants", "value": "30", "url": "https://b", "published": "2017-05-04"},
          {"field": "city", "value": "almaty", "url": "https://a", "published": None},
          {"field": "city", "value": "almaty", "url": "https://b", "published": "2017-05-04"}]
    assert [c["url"] for c in claims.side_by_side(cs)["participants"]] == ["https://b", "https://a"]
    assert list(claims.disagreements(cs)) == ["participants"]
    assert claims.summary(cs) == "participants: 30 (https://b) | 50 (https://a)"


def test_a_candidate_of_an_article_and_a_post_is_media_and_lists_each_source_once():
    # three reports of one picket: a web article (https://a) twice (its two event readings) and a Telegram post
    # (https://t.me/x/1): the candidate rests on media (not only on social networks), its sources a and the post once each;
    # participants 30 / 40 / 50 (low 25 / 40 / 45, high 35 / 40 / 60): low 25, best the median 40, high 60
    from assets.media import dedup

    def ev(url, kind, best, low, high, key):
        return {"url": url, "kind": kind, "event_key": key, "participants": best, "participants_low": low,
                "participants_high": high, "published": "2017-05-04"}

    got = dedup.merge([ev("https://a", "web", 30, 25, 35, "a1"), ev("https://a", "web", 40, 40, 40, "a2"),
                       ev("https://t.me/x/1", "telegram", 50, 45, 60, "t1")])
    assert (got["source_type"], got["source_links"]) == ("media", "https://a;https://t.me/x/1")
    assert (got["participants_low"], got["participants"], got["participants_high"]) == (25, 40, 60)
    assert dedup.merge([ev("https://t.me/x/1", "telegram", 5, 5, 5, "t1")])["source_type"] == "social"
