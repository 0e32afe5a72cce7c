"""Tests written to kill the hand mutants of session 25 (scripts/mutate_by_hand_s25.py) that the earlier tests let
live: the published figure as the report prints it, the report's tables, the derived cells a model cannot compute,
`monitor quarantine`'s rows, the quarantine's messages, the published figures' loader and schema, why a period has no
figures. Every expected string and number is worked out by hand from the small fixtures here (no pipeline run;
files only under pytest's tmp_path, nothing written into the checkout)."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import duckdb
import polars as pl
import pytest

from assets.core import periods
from assets.core.sqlfiles import sql
from assets.derive import figures as derive_figures
from assets.derive.published import MAX_MESSAGES, PublishedDataError, load_choices, load_published
from assets.report import published as pubfig
from assets.report import tables
from assets.validate import coerce
from assets.validate import validate as V
from assets.validate.coerce import Problem
from schemas import published as pubschema

HEADER = "source,period,table_no,row_key,col_key,value,value_status,printed,decimals,location,line,primary,note\n"


# 1. the published figure as the report prints it (assets/report/published.py) ------------------------------------------

def test_a_column_s_decimals_are_those_of_its_printed_values_and_a_tie_takes_the_fewer():
    # Table 1's share column: one share printed with one decimal, one whole: a tie, the column prints whole numbers
    tie = {("2017", "1", "a", "share_pct"): pubfig.Printed("5.5", 1, 5.5),
           ("2017", "1", "b", "share_pct"): pubfig.Printed("47", 0, 47.0)}
    assert pubfig.column_decimals(tie) == {("1", "share_pct"): 0}
    # two dashes transcribed with decimals 1 print no digit: they do not outvote the one whole share
    dashes = {("2017", "1", "b", "share_pct"): pubfig.Printed("47", 0, 47.0),
              ("2017", "1", "c", "share_pct"): pubfig.Printed("-", 1, None, "dash"),
              ("2017", "1", "d", "share_pct"): pubfig.Printed("-", 1, None, "dash")}
    assert pubfig.column_decimals(dashes) == {("1", "share_pct"): 0}


def test_a_published_figure_keeps_its_digits_with_the_edition_s_separator_and_its_percent_sign():
    assert pubfig.number_as_printed(pubfig.Printed("86,5", 1, 86.5), "participants_avg", "en") == "86.5"
    assert pubfig.number_as_printed(pubfig.Printed("86.5", 1, 86.5), "participants_avg", "ru") == "86,5"
    assert pubfig.number_as_printed(pubfig.Printed("47", 0, 47.0), "share_pct", "ru") == "47%"
    assert pubfig.number_as_printed(pubfig.Printed("47", 0, 47.0), "count", "ru") == "47"
    # "12 345" printed with a plain space: the edition's own grouping (a narrow no-break space), not the transcription's
    assert pubfig.number_as_printed(pubfig.Printed("12 345", 0, 12345.0), "participants", "ru") == "12\u202f345"
    # a cell printed as a dash is a dash, whatever number a transcription gave it
    assert pubfig.number_as_printed(pubfig.Printed("—", 0, 5.0), "count", "ru") == "—"


def test_a_note_given_again_keeps_its_first_marker():
    n = pubfig.Notes("ru")
    assert [n.add("a"), n.add("b"), n.add("a")] == ["¹", "²", "¹"]
    assert n.items == ["a", "b"]


def test_the_reason_of_a_divergence():
    assert pubfig.reason({"status": "mismatch", "contradicted_in_report": True}, "ru") == (
        "Опубликованный отчёт в этом месте противоречит сам себе (см. приложение).")
    assert pubfig.reason({"status": "not_derived"}, "en") == "This figure cannot be derived from the observation cards."
    assert pubfig.reason({"status": "not_published"}, "en") == "The published report does not give this figure."


def test_a_published_table_without_value_status_reads_a_cell_without_a_number_as_a_dash():
    # a published_figures table written before value_status existed: a NULL value was a printed dash
    con = duckdb.connect()
    con.execute('CREATE TABLE published_figures (period VARCHAR, table_no VARCHAR, row_key VARCHAR, col_key VARCHAR, '
                'printed VARCHAR, decimals INTEGER, value DOUBLE, location VARCHAR, "primary" BOOLEAN, line INTEGER)')
    con.execute("INSERT INTO published_figures VALUES ('2014', '2', 'aktobe', 'count', '-', 0, NULL, 'table', true, 5), "
                "('2014', '2', 'almaty', 'count', '12', 0, 12, 'table', true, 6)")
    printed = pubfig.load_printed(con)
    assert printed[("2014", "2", "aktobe", "count")].status == "dash"
    assert printed[("2014", "2", "almaty", "count")].status == "value"


# 2. the report's tables (assets/report/tables.py) ------------------------------------------------------------------------

def test_rows_go_from_the_largest_and_the_total_is_no_row_of_the_order():
    fig = {("1", "a", "count"): 1.0, ("1", "b", "count"): 5.0, ("1", "total", "count"): 6.0}
    assert tables.ordered_rows(fig, "1", "count") == ["b", "a"]


def test_a_count_without_its_share_is_printed_alone_and_no_total_row_is_made_up():
    fig = {("4", "political", "count"): 17.0, ("4", "political", "share_pct"): 47.0, ("4", "social", "count"): 3.0}
    md = tables.keyed_table(fig, "4", ["count", "share_pct"], "ru", "2017", row_field="character",
                            share_with={"count": "share_pct"})
    body = [line for line in md.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert body == ["| Политический | 17 (47%) |", "| Социальный | 3 |"]


def test_table_14_1_is_captioned_as_a_numbered_table():
    assert tables.caption("14-1", "ru", "2017").startswith(": Таблица №14-1. ")
    assert tables.caption("topics", "ru", "2017").startswith(": ") and "Таблица" not in tables.caption("topics", "ru", "2017")


def test_a_line_break_in_outside_text_is_a_space():
    assert tables.md_escape("митинг\nу акимата") == "митинг у акимата"


# 3. the derived figures' cells a model cannot compute, and which figures a period keeps (assets/derive/figures.py) -------

def _figures_of(tmp_path: Path, monkeypatch, select: str) -> pl.DataFrame:
    """_figures over one hand-written model (sql/figures/ replaced by it) and one staged card."""
    model = tmp_path / "t01_x.sql"
    model.write_text(select, encoding="utf-8")
    monkeypatch.setattr(derive_figures, "model_files", lambda root=None: [model])
    con = duckdb.connect()
    con.execute("CREATE TEMP TABLE stg_cards AS SELECT 'C1' AS card_id")
    df, origin = derive_figures._figures(con, periods.get("2017"))
    assert origin == {"1": "sql/figures/t01_x.sql"}
    return df.sort("row_key")


def test_a_share_of_nothing_is_a_blank_cell_not_a_number(tmp_path, monkeypatch):
    df = _figures_of(tmp_path, monkeypatch,
                     "SELECT '1' AS table_no, 'a' AS row_key, 'share_pct' AS col_key, 'NaN'::DOUBLE AS value "
                     "UNION ALL SELECT '1', 'b', 'share_pct', NULL UNION ALL SELECT '1', 'c', 'share_pct', 40.0")
    assert df.select("row_key", "value", "value_status", "provenance").rows() == [
        ("a", None, "blank", "derived"), ("b", None, "blank", "derived"), ("c", 40.0, "value", "derived")]


def test_a_period_not_declared_complete_keeps_its_published_figures():
    derived = pl.DataFrame({"value": [1.0]})
    published = pl.DataFrame({"value": [2.0]})
    assert derive_figures.choose_figures(SimpleNamespace(derived=False), derived, published) is published
    assert derive_figures.choose_figures(SimpleNamespace(derived=True), derived, published) is derived
    assert derive_figures.choose_figures(SimpleNamespace(derived=True), derived.clear(), published) is published


def test_impossible_cells_name_their_model_once():
    df = pl.DataFrame({"table_no": ["7", "7"], "row_key": ["a", "b"], "col_key": ["share_pct", "share_pct"],
                       "value": [120.0, 130.0]})
    cases = pl.DataFrame({"index": [0, 1], "check": ["in_range(0, 100)"] * 2, "column": ["value"] * 2})
    shown, models = derive_figures.impossible_cases(df, cases, {"7": "sql/figures/t07_forms.sql"})
    assert shown == ["table 7, row a, share_pct = 120 (in_range(0, 100))", "table 7, row b, share_pct = 130 (in_range(0, 100))"]
    assert models == ["sql/figures/t07_forms.sql"]


def test_a_period_without_a_coverage_row_is_labelled_none():
    con = duckdb.connect()
    con.execute("CREATE TABLE coverage (period VARCHAR, coverage VARCHAR, digitised_share DOUBLE)")
    con.execute("INSERT INTO coverage VALUES ('2018', 'partial', 0.5)")
    rec = pl.DataFrame({"cell": ["x"]})
    out, label, share = derive_figures.label_coverage(con, periods.get("2017"), rec)
    assert (label, share) == ("none", None)
    assert out.row(0, named=True) == {"cell": "x", "coverage": "none", "digitised_share": None}
    assert derive_figures.label_coverage(con, periods.get("2018"), rec)[1:] == ("partial", 0.5)


# 4. `monitor quarantine`'s rows (sql/cli/quarantine.sql) ----------------------------------------------------------------

def _quarantine_rows(period: str | None) -> list[tuple]:
    con = duckdb.connect()
    con.execute("CREATE TABLE quarantine (period VARCHAR, source_file VARCHAR, sheet VARCHAR, row_no INTEGER, field VARCHAR, "
                "value VARCHAR, reason VARCHAR, record_id VARCHAR, severity VARCHAR)")
    con.execute("INSERT INTO quarantine VALUES ('2017', 'b.csv', NULL, 2, 'date', 'x', 'r1', 'b2', 'error'), "
                "('2016', 'a.csv', NULL, 3, 'date', 'y', 'r2', 'a3', 'error'), "
                "('inbox', 'stray.csv', NULL, NULL, NULL, NULL, 'outside every period', 'stray.csv', 'error')")
    return [(r[0], r[1]) for r in con.execute(sql("cli/quarantine"), {"period": period, "inbox": "inbox"}).fetchall()]


def test_monitor_quarantine_lists_what_lies_outside_every_period_first_and_with_any_period():
    assert _quarantine_rows(None) == [("inbox", "stray.csv"), ("2016", "a.csv"), ("2017", "b.csv")]
    assert _quarantine_rows("2017") == [("inbox", "stray.csv"), ("2017", "b.csv")]


# 5. the quarantine's messages (assets/validate/validate.py, coerce.py) --------------------------------------------------

def test_a_duplicate_s_kept_card_in_a_zip_of_exports_is_named_with_its_sheet():
    assert V._place("cards.zip", "Лист1", 5) == "cards.zip, sheet 'Лист1', row 5"
    assert V._place("cards.xlsx", "Лист1", 5) == "cards.xlsx, sheet 'Лист1', row 5"
    assert V._place("cards.csv", "Лист1", 5) == "cards.csv row 5"


def test_a_repeated_header_is_quoted_by_three_of_its_names():
    ps = [Problem("card_id", "Номер карты", "x", "r"), Problem("date", "Дата проведения", "x", "type:date"),
          Problem("city", "Город", "x", "type:city"), Problem("topic", "Тема", "x", "t")]
    (p,) = V._not_a_card("card", ps)
    assert p.rule == "repeated_header"
    assert p.reason == ("the row repeats the header ('Номер карты', 'Дата проведения', 'Город', …): two tables pasted one "
                        "below the other? It is no card: delete the row")


@pytest.mark.parametrize("word", ["Итого", "ИТОГО:", "Барлығы", "Всего"])
def test_a_total_row_is_told_as_one(word):
    (p,) = V._not_a_card("card", [Problem("card_id", word, "x", "card_id_format"), Problem("date", "", "x", "required")])
    assert (p.field, p.value, p.rule) == ("card_id", word, "total_row")


def test_of_two_cards_sharing_an_id_the_one_held_before_is_kept_and_a_case_difference_is_named():
    cards = pl.DataFrame({"card_id": ["A-1", "a-1", "B-1"], "_i": [0, 1, 2]})
    where = {0: ("f.csv row 2", "r1"), 1: ("f.csv row 3", "r2"), 2: ("f.csv row 4", "r3")}
    kept = V.mark_duplicate_ids(cards, where, {"A-1": "r2"})["_kept_at"].to_list()
    assert kept == ["f.csv row 3 as 'a-1' (ids are compared ignoring case)", None, None]
    same = pl.DataFrame({"card_id": ["A-1", "A-1"], "_i": [0, 1]})
    assert V.mark_duplicate_ids(same, where, {})["_kept_at"].to_list() == [None, "f.csv row 2"]


def test_a_file_s_notes_keep_their_rules():
    assert V._legacy_warning_rule("sheet 'Скрытый' is hidden, so it was not read") == "sheet_not_read"
    assert V._legacy_warning_rule("sheet 'Лист2' was not read: it has no header") == "sheet_not_read"
    assert V._legacy_warning_rule("sheet 'Лист1': 2 rows above the header") == "title_above_header"
    files = pl.DataFrame({"source_file": ["x.lnk"], "format": ["link"], "problem": [None],
                          "warnings": ['["a link, not followed"]']},
                         schema={"source_file": pl.Utf8, "format": pl.Utf8, "problem": pl.Utf8, "warnings": pl.Utf8})
    (row,) = V._file_rows(SimpleNamespace(id="2017"), files)
    assert (row["rule"], row["severity"], row["reason"]) == ("inbox_skipped", "warning", "a link, not followed")


def _reason(field: str, value: str) -> str:
    _, problems = coerce.coerce_record("card", {field: value})
    (p,) = [p for p in problems if p.field == field]
    return p.reason


def test_a_spreadsheet_s_day_number_is_told_as_its_date():
    # 42 860 days after 1899-12-30: 2017-01-01 is day 42 736, and 124 days later is 5 May
    assert _reason("date", "42860") == ("'Дата проведения' (date): '42860' is not a date but a number; as a spreadsheet "
                                        "counts days it is 2017-05-05: format the cell as a date, or type 05.05.2017")


def test_a_spreadsheet_s_fraction_of_a_day_is_told_as_its_time_rounded_to_the_minute():
    # 0.41666 × 1440 = 599.99 minutes: 10:00, not 09:59
    assert _reason("time_start", "0.41666") == ("'Время начала' (time_start): '0.41666' is not a time but a number; as a "
                                                "spreadsheet counts a day it is 10:00: format the cell as a time, or type 10:00")
    # 0.9999 × 1440 = 1439.86: 24:00 is no time of a day
    assert _reason("time_start", "0.9999") == "'Время начала' (time_start): '0.9999' is not a time (write 15:00)"


def test_an_ambiguous_number_offers_both_readings_only_with_one_separator():
    assert _reason("participants", "1,500").endswith("write the whole number without separators: 1500 or 1")
    assert _reason("participants", "1.500.000").endswith("write the whole number without separators: 1500000")


def test_an_unknown_yes_no_is_told_as_not_known():
    assert _reason("police_present", "н/д") == ("'Присутствие полиции' (police_present): 'н/д' says it is not known: leave "
                                                 "the cell empty when it is not known")


def test_a_card_id_in_cyrillic_letters_with_digits_is_not_said_to_mix_latin():
    assert _reason("card_id", "2017-АЛА-001").startswith("'Номер карты' (card_id): '2017-АЛА-001' is written in Cyrillic "
                                                         "letters (А, Л); ")
    assert _reason("card_id", "2017-ALА-001").startswith("'Номер карты' (card_id): '2017-ALА-001' mixes Latin and "
                                                         "Cyrillic letters (А)")


# 6. the published figures' loader and schema (assets/derive/published.py, schemas/published.py) ------------------------

ROW = "kibhr-2017,2017,1,almaty,count,17.0,value,17,0,table,{line},{primary},\n"


def _write(tmp_path: Path, body: str, name: str = "x.csv") -> Path:
    p = tmp_path / name
    p.write_text(HEADER + body, encoding="utf-8")
    return p


def _problems(path: Path) -> list[str]:
    with pytest.raises(PublishedDataError) as e:
        load_published(path)
    return e.value.problems


def test_exactly_fifty_problems_are_all_shown_with_no_tail():
    assert "more" not in str(PublishedDataError([f"p{i}" for i in range(MAX_MESSAGES)]))
    assert str(PublishedDataError([f"p{i}" for i in range(MAX_MESSAGES + 2)])).endswith("\n... and 2 more")


def test_a_folder_s_choices_file_is_no_figures_file_and_a_blank_row_is_skipped(tmp_path):
    _write(tmp_path, ROW.format(line=141, primary="true") + ",,,,,,,,,,,,\n"
           + "kibhr-2017,2017,1,aktau,count,3.0,value,3,0,table,142,true,\n")
    (tmp_path / "choices.csv").write_text("period,table_no,row_key,col_key,published,used,reason_ru,reason_en\n",
                                          encoding="utf-8")
    df = load_published(tmp_path)
    assert df.select("row_key", "value").rows() == [("almaty", 17.0), ("aktau", 3.0)]


def test_messages_name_the_bound_the_count_of_primaries_and_come_in_line_order(tmp_path):
    # lines 2-8: good cells of Almaty in seven other tables; lines 9 and 10: Table 1's count of Almaty printed twice,
    # neither primary; line 11: a negative number of decimals
    rows = "".join(ROW.format(line=100 + i, primary="true").replace(",1,almaty,count,", f",{t},almaty,{c},")
                   for i, (t, c) in enumerate((("1", "share_pct"), ("2", "count"), ("3", "activity_index"), ("11", "count"),
                                               ("14", "participants"), ("16", "detention_cases"), ("18", "participants"))))
    bad = (ROW.format(line=200, primary="false") + ROW.format(line=201, primary="false")
           + "kibhr-2017,2017,1,aktau,count,3.0,value,3,-1,table,202,true,\n")
    problems = [m.split("x.csv", 1)[1] for m in _problems(_write(tmp_path, rows + bad))]
    key = "('kibhr-2017', '2017', '1', 'almaty', 'count')"
    assert [m.split(":")[0] for m in problems] == [", line 9, field 'primary'", ", line 10, field 'primary'",
                                                   ", line 11, field 'decimals'"], problems
    assert problems[0].startswith(f", line 9, field 'primary': 0 primary rows for key {key} (rows at ")
    assert problems[2] == ", line 11, field 'decimals': must be >= 0 (got -1)"


def test_a_choice_without_its_published_figure_is_refused(tmp_path):
    pub = load_published(_write(tmp_path, ROW.format(line=141, primary="true")))
    choices = tmp_path / "choices.csv"
    choices.write_text("period,table_no,row_key,col_key,published,used,reason_ru,reason_en\n"
                       "2017,1,almaty,count,,16,причина,reason\n", encoding="utf-8")
    with pytest.raises(PublishedDataError) as e:
        load_choices(choices, pub)
    (problem,) = e.value.problems
    assert problem.endswith("choices.csv, line 2, field 'published': None, but the published figure of "
                            "('2017', '1', 'almaty', 'count') is 17.0")


def test_the_rows_and_columns_a_published_table_may_have():
    assert not pubschema.row_key_allowed("13", "total")          # Table 13 has no total row
    assert pubschema.row_key_allowed("13", "police")
    assert pubschema.row_key_allowed("18", "total_excl_sanctioned")
    assert not pubschema.row_key_allowed("1", "total_excl_sanctioned")
    assert not pubschema.row_key_allowed("topics", "political/ ")
    assert pubschema.row_key_allowed("topics", "political/выборы")


def test_a_dash_has_no_value_and_passes_the_finite_check(tmp_path):
    df = load_published(_write(tmp_path, "kibhr-2017,2014,2,aktobe,count,,dash,-,0,table,12,true,\n"))
    assert df.select("value", "value_status").rows() == [(None, "dash")]


# 7. why a period has no figures (assets/quality/gx_suite.py no_figures_reason) -----------------------------------------

def test_why_a_period_has_no_figures():
    from assets.quality import gx_suite

    con = duckdb.connect()
    con.execute("CREATE TABLE cards (period VARCHAR)")
    con.execute("CREATE TABLE events_not_held (period VARCHAR, event_status VARCHAR)")
    con.execute("INSERT INTO cards VALUES ('2016'), ('2016'), ('2018')")
    con.execute("INSERT INTO events_not_held VALUES ('2017', 'refused'), ('2017', 'prevented'), ('2019', 'prevented'), "
                "('2016', 'refused')")
    no = "the warehouse holds no figures of period"
    # 2017: two records of events not held (one refused application, one prevented assembly), no card
    assert gx_suite.no_figures_reason(con, "2017") == (
        f"{no} 2017: it has no assembly held, only 2 records of events not held (refused applications, prevented "
        "assemblies), and a report counts assemblies held, so it has no report")
    # 2019: only a prevented assembly
    assert gx_suite.no_figures_reason(con, "2019").startswith(f"{no} 2019: it has no assembly held, only 1 record of ")
    # 2016 (coverage not complete): two cards and a refused application: the cards wait for the coverage
    assert gx_suite.no_figures_reason(con, "2016") == (
        f"{no} 2016: its 2 cards make its figures only once its card coverage is declared complete (config/periods.yaml, "
        "coverage), and none was published for it")
    # 2018 (complete): one card not yet derived
    assert gx_suite.no_figures_reason(con, "2018") == (
        f"{no} 2018, though it holds 1 card of it: materialize `figures` for 2018 (e.g. `monitor run --period 2018`) "
        "before rendering its report")
    assert gx_suite.no_figures_reason(con, "2015").startswith(f"{no} 2015: it holds no valid card of it, so it has no report")


# 8. the audit's levels (assets/derive/audit/findings.py) ----------------------------------------------------------------

def _fig(value: float, printed: str, decimals: int, note: str | None = None):
    from assets.derive.audit.printed import Fig

    return Fig("kibhr-2017", "2017", "4", "political", "share_pct", value, printed, decimals, "table", 200, True, note)


def test_a_dash_where_the_counts_give_a_share_is_a_contradiction_not_a_rounding():
    from assets.derive.audit.findings import Findings

    # Table 4 prints whole percents (the column's decimals: 0); a "-" is exactly 0 (printed.py), and the counts give
    # 0.4%: within half a percent of the dash, but a dash is no rounded number
    out = Findings(False, ["2017"], SimpleNamespace(column_decimals=lambda source, table, col: 0))
    out.add("share_from_counts", _fig(0.0, "-", 0), 0.4, "Table 4 prints -, but 2 / 500 x 100 = 0.4")
    assert out.frame().select("rule", "level", "expected").rows() == [("share_from_counts", "contradiction", 0.4)]
    # the same share printed "12.3" in a column of whole percents, 12.34 derived: the column's precision, a rounding
    out = Findings(False, ["2017"], SimpleNamespace(column_decimals=lambda source, table, col: 0))
    out.add("share_from_counts", _fig(12.3, "12.3", 1), 12.44, "Table 4 prints 12.3, but 62.2 / 500 x 100 = 12.4")
    assert out.frame()["level"].to_list() == ["rounding"]


def test_a_judgement_cell_carries_only_the_findings_about_its_whole_row():
    from assets.derive.audit.findings import Findings

    placed = _fig(30.0, "30", 0, note="judgement: placed in 2017 by the transcriber")
    out = Findings(False, ["2017"])
    out.add("share_from_counts", placed, 20.0, "Table 4 prints 30, but 1 / 5 x 100 = 20")
    out.add("impossible_row", placed, None, "Table 4's row political adds up to more than its total")
    assert out.frame().select("rule", "message").rows() == [
        ("impossible_row", "Table 4's row political adds up to more than its total")]
