"""Tests for the survivors of a ninth batch of hand mutants (scripts/mutate_by_hand_i14zzz.py, issue 14): the
exports' and the validation's SQL, the checks' SQL, the media views and ledger, the media counts of the report,
and which card, person or line the JSON / YAML readers' messages name. Each SQL file is run as it stands on tiny
hand-made tables; every expected value is counted here by hand."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

from assets.core.sqlfiles import sql
from assets.ingest.readers import read_file
from assets.media import archive, claims
from assets.report import media_sources


def _rows(con, name, period="2017"):
    return con.execute(sql(name), {"period": period}).fetchall()


# ---------------------------------------------------------------------------------------------- sql/exports
def _export_tables() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE TABLE figures (period VARCHAR, table_no VARCHAR, row_key VARCHAR, col_key VARCHAR, "
                "value DOUBLE, provenance VARCHAR)")
    con.execute("INSERT INTO figures VALUES ('2016', '1', 'a', 'count', 1, 'derived'), "
                "('2017', '2', 'a', 'count', 5, 'derived'), ('2017', '1', 'b', 'count', 3, 'derived'), "
                "('2017', '1', 'a', 'share_pct', 40, 'published'), ('2017', '1', 'a', 'count', 2, 'derived'), "
                "('2018', '1', 'a', 'count', 9, 'derived')")
    con.execute("CREATE TABLE cards (period VARCHAR, card_id VARCHAR)")
    con.execute("INSERT INTO cards VALUES ('2016', 'A0'), ('2017', 'C2'), ('2017', 'C1'), ('2018', 'Z9')")
    for t in ("audit", "reconciliation"):
        con.execute(f"CREATE TABLE {t} (period VARCHAR, x INTEGER)")
        con.execute(f"INSERT INTO {t} VALUES ('2016', 1), ('2017', 2), ('2018', 3)")
    return con


def test_exports_read_the_period_alone_in_their_order():
    con = _export_tables()
    assert [r[1:5] for r in _rows(con, "exports/figures")] == [
        ("1", "a", "count", 2), ("1", "a", "share_pct", 40), ("1", "b", "count", 3), ("2", "a", "count", 5)]
    assert _rows(con, "exports/cards_public") == [("2017", "C1"), ("2017", "C2")]
    assert _rows(con, "exports/audit") == [("2017", 2)]
    assert _rows(con, "exports/reconciliation") == [("2017", 2)]


# ---------------------------------------------------------------------------------------------- sql/validate
def test_card_ids_elsewhere_and_incumbent_read_cards_and_events_not_held():
    con = duckdb.connect()
    for t in ("cards", "events_not_held"):
        con.execute(f"CREATE TABLE {t} (card_id VARCHAR, period VARCHAR, record_id VARCHAR)")
    con.execute("INSERT INTO cards VALUES ('A', '2016', 'ra'), ('B', '2017', 'rb'), ('C', '2018', 'rc')")
    con.execute("INSERT INTO events_not_held VALUES ('D', '2017', 'rd'), ('E', '2018', 're')")
    assert sorted(_rows(con, "validate/ids_elsewhere")) == [("A", "2016"), ("C", "2018"), ("E", "2018")]
    assert sorted(_rows(con, "validate/ids_incumbent")) == [("B", "rb"), ("D", "rd")]


def test_names_of_persons_and_individual_organisers():
    con = duckdb.connect()
    con.execute("CREATE TABLE persons (name VARCHAR, public BOOLEAN)")
    con.execute("INSERT INTO persons VALUES ('Аким Петров', true), ('Иван Иванов', false), (NULL, false)")
    assert sorted(con.execute(sql("validate/persons_names")).fetchall()) == [("Аким Петров", True), ("Иван Иванов", False)]
    con.execute("CREATE TABLE cards (organizer_type VARCHAR, organizer_name VARCHAR)")
    con.execute("INSERT INTO cards VALUES ('individual', 'Мария'), ('ngo', 'ОСДП'), ('group', 'Жители'), "
                "('individual', NULL)")
    assert con.execute(sql("validate/individual_organisers")).fetchall() == [("Мария",)]


def _raw_tables() -> duckdb.DuckDBPyConnection:
    """Two periods whose header ids collide (each period numbers its headers from 1)."""
    con = duckdb.connect()
    con.execute("CREATE TABLE raw_headers (period VARCHAR, header_id INTEGER, header VARCHAR)")
    con.execute("""INSERT INTO raw_headers VALUES ('2016', 1, '["old"]'), ('2017', 1, '["name"]'), ('2017', 2, '["fio"]')""")
    con.execute("CREATE TABLE raw_records (period VARCHAR, record_id VARCHAR, kind VARCHAR, header_id INTEGER, "
                "cells VARCHAR, source_file VARCHAR, sheet VARCHAR, row_no INTEGER)")
    con.execute("""INSERT INTO raw_records VALUES
        ('2017', 'c1', 'card', 1, '["clean card"]', 'b.csv', 's', 1),
        ('2017', 'c2', 'card', 1, '["bad card"]', 'a.csv', 's', 2),
        ('2017', 'p1', 'person', 2, '["clean person"]', 'a.csv', 's', 3),
        ('2017', 'p2', 'person', 2, '["bad person"]', 'a.csv', 't', 1),
        ('2017', 'f1', 'file', 1, '["a file"]', 'c.csv', 's', 1),
        ('2016', 'o1', 'card', 1, '["other period"]', 'a.csv', 's', 1)""")
    con.execute("CREATE TABLE cards (period VARCHAR, record_id VARCHAR)")
    con.execute("INSERT INTO cards VALUES ('2017', 'c1'), ('2017', NULL)")
    con.execute("CREATE TABLE persons (period VARCHAR, record_id VARCHAR)")
    con.execute("INSERT INTO persons VALUES ('2017', 'p1')")
    return con


def test_raw_headers_and_people_of_the_period():
    con = _raw_tables()
    assert sorted(_rows(con, "validate/raw_headers_of_period")) == [(1, '["name"]'), (2, '["fio"]')]
    assert sorted(_rows(con, "validate/raw_people_of_period")) == [
        ("card", '["name"]', '["bad card"]'), ("card", '["name"]', '["clean card"]'),
        ("person", '["fio"]', '["bad person"]'), ("person", '["fio"]', '["clean person"]')]
    got = [(r[1], r[5], r[6], r[7]) for r in _rows(con, "validate/raw_records_of_period")]
    assert got == [("c2", "a.csv", "s", 2), ("p1", "a.csv", "s", 3), ("p2", "a.csv", "t", 1),
                   ("c1", "b.csv", "s", 1), ("f1", "c.csv", "s", 1)]


def test_raw_records_not_clean_are_the_cards_and_persons_that_did_not_become_clean():
    con = _raw_tables()
    assert sorted(r[0] for r in _rows(con, "validate/raw_records_not_clean_ids")) == ["c2", "p2"]
    assert sorted(_rows(con, "validate/raw_records_not_clean")) == [
        ("card", '["name"]', '["bad card"]'), ("person", '["fio"]', '["bad person"]')]
    con.execute("CREATE TABLE raw_record_rows AS SELECT period, record_id, kind, header_id, cells FROM raw_records")
    con.execute("CREATE TABLE _not_clean_ids AS SELECT 'c2' AS record_id UNION ALL SELECT 'p2'")
    assert sorted(_rows(con, "validate/raw_record_rows_not_clean")) == [
        ("card", 1, '["bad card"]'), ("person", 2, '["bad person"]')]


def test_parts_files_and_refused_files_of_the_period():
    con = duckdb.connect()
    con.execute("CREATE TABLE raw_record_parts (period VARCHAR, sha256 VARCHAR)")
    con.execute("INSERT INTO raw_record_parts VALUES ('2017', 'bb'), ('2016', 'cc'), ('2017', 'aa')")
    assert _rows(con, "validate/parts_of_period") == [("aa",), ("bb",)]
    con.execute("CREATE TABLE raw_files (period VARCHAR, source_file VARCHAR, format VARCHAR, problem VARCHAR, warnings VARCHAR)")
    con.execute("INSERT INTO raw_files VALUES ('2017', 'a.json', 'json', 'not valid JSON', 'w1'), ('2016', 'b.csv', 'csv', NULL, NULL)")
    assert _rows(con, "validate/raw_files_of_period") == [("a.json", "json", "not valid JSON", "w1")]
    con.execute("CREATE TABLE raw_file_rows (period VARCHAR, problem VARCHAR, content BLOB, size_bytes BIGINT)")
    con.execute("INSERT INTO raw_file_rows VALUES ('2017', 'refused', 'refused bytes'::BLOB, 13), "
                "('2017', NULL, 'accepted bytes'::BLOB, 14), ('2016', 'refused', 'old'::BLOB, 3)")
    con.execute("CREATE TABLE raw_file_index (period VARCHAR, problem VARCHAR, stored BOOLEAN, size_bytes BIGINT, sha256 VARCHAR)")
    con.execute("INSERT INTO raw_file_index VALUES ('2017', 'refused', true, 10, 's1'), ('2017', NULL, true, 10, 's2'), "
                "('2017', 'refused', false, 10, 's3')")
    got = _rows(con, "validate/refused_files_of_period")
    assert sorted(((bytes(c) if c is not None else b""), s or "") for c, s in got) == [(b"", "s1"), (b"refused bytes", "")]


# ---------------------------------------------------------------------------------------------- sql/checks
def test_nothing_lost_counts_each_part_of_every_period():
    con = duckdb.connect()
    con.execute("CREATE TABLE raw_records (period VARCHAR, cells VARCHAR)")
    con.execute("INSERT INTO raw_records VALUES ('2016', 'a'), ('2016', 'b'), ('2017', 'x'), ('2017', 'REDACTED-1 y'), "
                "('2017', 'z'), ('2017', 'w')")
    con.execute("CREATE TABLE cards (period VARCHAR)")
    con.execute("INSERT INTO cards VALUES ('2016'), ('2016'), ('2017')")
    con.execute("CREATE TABLE events_not_held (period VARCHAR)")
    con.execute("INSERT INTO events_not_held VALUES ('2017')")
    con.execute("CREATE TABLE persons (period VARCHAR)")
    con.execute("INSERT INTO persons VALUES ('2017')")
    con.execute("CREATE TABLE quarantine (period VARCHAR, record_id VARCHAR, severity VARCHAR, kind VARCHAR)")
    con.execute("INSERT INTO quarantine VALUES ('2017', 'q1', 'error', 'card'), ('2017', 'q1', 'error', 'card'), "
                "('2017', 'q2', 'warning', 'card'), ('2017', 'f', 'error', 'file')")
    assert con.execute(sql("checks/nothing_lost")).fetchall() == [("2016", 2, 2, 0, 0, 0), ("2017", 4, 2, 1, 1, 1)]


def test_records_of_period_counts_held_refused_and_prevented_of_its_period_only():
    # the one model of a period's valid records: `monitor run`'s counts and the reason a period has no figure
    con = duckdb.connect()
    con.execute("CREATE TABLE cards (period VARCHAR)")
    con.execute("INSERT INTO cards VALUES ('2017'), ('2017'), ('2016')")
    con.execute("CREATE TABLE events_not_held (period VARCHAR, event_status VARCHAR)")
    con.execute("INSERT INTO events_not_held VALUES ('2017', 'refused'), ('2017', 'prevented'), ('2017', 'prevented'), "
                "('2016', 'refused'), ('2016', 'prevented')")
    assert con.execute(sql("checks/records_of_period"), {"period": "2017"}).fetchall() == [(2, 1, 2)]
    assert con.execute(sql("checks/records_of_period"), {"period": "2016"}).fetchall() == [(1, 1, 1)]
    assert con.execute(sql("checks/records_of_period"), {"period": "2018"}).fetchall() == [(0, 0, 0)]


def _figures(con, rows):
    con.execute("CREATE TABLE figures (period VARCHAR, table_no VARCHAR, row_key VARCHAR, col_key VARCHAR, "
                "value DOUBLE, provenance VARCHAR)")
    con.executemany("INSERT INTO figures VALUES ('2017', ?, ?, ?, ?, 'derived')", rows)


def test_figure_sums_compare_each_table_with_its_own_total():
    con = duckdb.connect()
    _figures(con, [("1", "total", "count", 10), ("1", "total", "share_pct", 100),
                   ("4", "x", "share_pct", 60), ("4", "y", "share_pct", 40), ("4", "x", "count", 6), ("4", "y", "count", 4),
                   ("14", "total_excl_x", "police", 7), ("14", "a", "police", 3), ("14", "b", "police", 4),
                   ("14", "total", "police", 8)])
    got = {(r[1], r[2], r[3]): (r[5], r[7]) for r in _rows(con, "checks/figure_sums")}
    assert got[("4", "share_pct", "category rows")] == (100, 100)
    assert got[("4", "count", "category rows")] == (10, 10)
    assert got[("14", "police", "category rows")] == (7, 8)


def test_the_checks_read_every_figure_once_per_period():
    con = duckdb.connect()
    _figures(con, [("1", "total", "count", 10), ("1", "a", "count", 10)])
    con.execute("INSERT INTO figures VALUES ('2017', '1', 'a', 'share_pct', 100, 'published')")
    assert con.execute(sql("checks/figure_periods")).fetchall() == [("2017",)]
    assert len(_rows(con, "checks/figures_of_period")) == 3
    assert len(con.execute(sql("checks/all_figures")).fetchall()) == 3


# ---------------------------------------------------------------------------------------------- media views
def _media_con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE TABLE cards (period VARCHAR, card_id VARCHAR, source_type VARCHAR, source_links VARCHAR)")
    con.execute("INSERT INTO cards VALUES ('2017', 'M1', 'monitor', 'https://m/1; '), ('2017', 'M2', 'monitor', NULL), "
                "('2017', 'M3', 'monitor', 'https://m/3; https://a/3'), ('2017', 'M4', 'monitor', NULL), ('2017', 'S1', 'media', 'https://s/1'), "
                "('2017', 'N1', NULL, NULL)")
    archive.ensure_tables(con)
    claims.ensure(con)
    con.execute("INSERT INTO media_card_sources VALUES ('M1', '2017', 'c1', 'https://a/1', 1, 'auto'), "
                "('M1', '2017', 'c2', 'https://a/1', 1, 'review_merge'), ('M1', '2017', 'c3', 'https://m/1', 1, 'auto'), "
                "('S1', '2017', 'c4', 'https://a/2', 1, 'auto'), ('M3', '2017', 'c5', 'https://a/3', 1, 'auto')")
    return con


def test_card_sources_and_media_links_per_card():
    con = _media_con()
    got = {r[0]: r[1:] for r in con.execute(
        "SELECT card_id, own_links, media_links, n_media_links, all_links, media_only FROM card_sources").fetchall()}
    assert got["M1"] == ("https://m/1; ", "https://a/1;https://m/1", 2, "https://a/1;https://m/1", False)
    assert got["M2"] == (None, None, 0, None, False)
    assert got["S1"] == ("https://s/1", "https://a/2", 1, "https://a/2;https://s/1", True)
    assert sorted(got) == ["M1", "M2", "M3", "M4", "N1", "S1"]
    assert claims.card_sources(con, "M1") == ["https://m/1", "https://a/1"]
    assert claims.card_sources(con, "M3") == ["https://m/3", "https://a/3"]


def test_media_source_counts_and_the_report_reading_them():
    con = _media_con()
    assert con.execute("SELECT * FROM media_source_counts").fetchall() == [("2017", 6, 1, 3, 2)]
    assert media_sources.load(con, "2017") == {"cards": 6, "cards_media_only": 1, "cards_with_attached_media": 3,
                                               "monitor_cards_confirmed_by_media": 2}


def test_cards_only_counts_count_every_card():
    con = duckdb.connect()
    con.execute("CREATE TABLE cards (period VARCHAR, source_type VARCHAR)")
    con.execute("INSERT INTO cards VALUES ('2017', 'monitor'), ('2017', NULL), ('2017', 'social'), ('2017', 'media')")
    assert _rows(con, "report/media_sources_cards_only") == [(4, 2, 0, 0)]
    # a ledger without the views (no cards table when it was made) still counts from the cards
    con.execute("CREATE TABLE media_claims (claim_id VARCHAR)")
    assert media_sources.load(con, "2017") == {"cards": 4, "cards_media_only": 2, "cards_with_attached_media": 0,
                                               "monitor_cards_confirmed_by_media": 0}


def test_the_paragraph_is_written_when_no_card_rests_on_media_only():
    text = media_sources.fragment({"cards": 7, "cards_media_only": 0, "cards_with_attached_media": 0,
                                   "monitor_cards_confirmed_by_media": 0}, "en")
    assert text.startswith("::: {.media-sources}") and "7" in text


# ---------------------------------------------------------------------------------------------- the claim ledger
EVENT = {"event_key": "a1#0", "article_id": "a1", "url": "https://a/1", "participants": 30, "participants_low": 20,
         "participants_high": 40, "city": "pavlodar", "place": "akimat", "date": dt.date(2017, 5, 3), "evidence": {}}


def test_claims_of_an_event_without_evidence():
    got = {c["field"]: c for c in claims.claims_of(EVENT)}
    assert sorted(got) == ["city", "date", "participants", "place"]
    assert got["participants"]["value"] == "30" and got["date"]["value"] == "2017-05-03"
    assert got["participants"]["sentence"] is None
    assert len({c["claim_id"] for c in got.values()}) == 4


def test_side_by_side_in_publication_order_and_the_summary():
    cs = [{"field": "participants", "value": "50", "url": "https://a/1", "published": dt.date(2017, 5, 4)},
          {"field": "participants", "value": "30", "url": "https://b/1", "published": dt.date(2017, 5, 3)}]
    assert [c["url"] for c in claims.side_by_side(cs)["participants"]] == ["https://b/1", "https://a/1"]
    assert claims.summary(cs) == "participants: 30 (https://b/1) | 50 (https://a/1)"


# ---------------------------------------------------------------------------------------------- the readers' messages
def _read(name: str, data) -> object:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return read_file(Path(name), raw=raw)


def test_json_messages_name_the_card_and_the_person():
    assert "card 2 in the file is not a set of fields" in _read("x.json", [{"card_id": "A"}, 5]).problem
    assert "card 2: person 1 is not a set of fields" in _read(
        "x.json", [{"card_id": "A"}, {"card_id": "B", "persons": [3, {"name": "x"}]}]).problem
    recs = _read("x.json", [{"card_id": "A"}, {"card_id": "B", "persons": [{"name": "x"}, {"name": "y", "card_id": "Q"}]}]).records
    assert [(r.kind, r.sheet, r.row_no) for r in recs] == [("card", "card 1", 1), ("card", "card 2", 2),
                                                             ("person", "card 2 persons", 1), ("person", "card 2 persons", 2)]
    assert [r.data.get("card_id") for r in recs] == ["A", "B", "B", "Q"]


def test_yaml_key_given_twice_names_both_lines():
    got = _read("x.yaml", b"card_id: A\ncity: almaty\ncard_id: B\n").problem
    assert "line 3: the field 'card_id' is given twice (first on line 1)" in got


def test_json_limits_are_inclusive():
    from assets.core.limits import limits

    lim = limits()
    ok = _read("x.json", [{f"f{i}": 1 for i in range(lim.max_columns)}])
    assert ok.problem is None and len(ok.records) == 1
    assert _read("x.json", [{f"f{i}": 1 for i in range(lim.max_columns + 1)}]).problem
    many = _read("x.json", [{"card_id": str(i)} for i in range(lim.max_records)])
    assert many.problem is None and len(many.records) == lim.max_records


def test_xlsx_rows_are_numbered_from_one_by_the_strict_reader():
    import io

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["card_id", "city"])
    ws.append(["A", "almaty"])
    ws.append(["B", "aktau"])
    buf = io.BytesIO()
    wb.save(buf)
    recs = read_file(Path("x.xlsx"), raw=buf.getvalue(), fast=False).records
    fast = read_file(Path("x.xlsx"), raw=buf.getvalue(), fast=True).records
    assert [r.row_no for r in recs] == [r.row_no for r in fast] == [2, 3]
