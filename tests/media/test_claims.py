"""The claim ledger: every figure keeps its source; disagreeing sources stay side by side; media
attached to a card is read back with the card. Articles are written for these tests."""
from __future__ import annotations

import datetime as dt
import json

import duckdb
import polars as pl
from openpyxl import load_workbook

from assets.media import archive, claims, pipeline, review, review_export

D = dt.date
T = dt.datetime


def _articles(rows):
    return pl.DataFrame([{
        "article_id": f"a{n}", "source": "test", "kind": "web", "url": url, "title": title, "published": pub,
        "fetched_at": T(2017, 5, 4, 9, n), "lang": "ru", "text": text, "response_id": f"resp{n}",
        "triage_pass": True, "triage_label": "assembly", "triage_score": 1.0, "triage_reasons": "",
    } for n, (url, title, pub, text) in enumerate(rows)])


TWO_REPORTS = [
    ("https://a.kz/1", "Пикет против тарифов в Павлодаре", D(2017, 5, 3),
     "В Павлодаре 3 мая у здания акимата 30 человек вышли на пикет против повышения тарифов на тепло."),
    ("https://b.kz/7", "Пикетчики требовали снизить тарифы", D(2017, 5, 4),
     "Вчера у акимата Павлодара около 50 человек провели пикет против повышения тарифов на тепло. "
     "Двое пикетчиков были задержаны."),
]


def test_disagreeing_sources_are_kept_side_by_side_and_the_range_spans_them():
    con = duckdb.connect()
    archive.ensure_tables(con)
    pipeline.build_candidates(con, _articles(TWO_REPORTS))
    cands = con.execute("SELECT candidate_id, participants_low, participants, participants_high, claims "
                        "FROM media_candidates").fetchall()
    assert len(cands) == 1
    cid, low, best, high, raw = cands[0]
    assert low <= 30 and high >= 50 and 30 <= best <= 50
    side = json.loads(raw)
    assert [c["value"] for c in side["participants"]] == ["30", "50"]  # publication order
    assert {c["url"] for c in side["participants"]} == {"https://a.kz/1", "https://b.kz/7"}
    rows = con.execute("SELECT url, response_id, fetched_at, field, value, low, high, sentence, candidate_id "
                       "FROM media_claims WHERE field = 'participants' ORDER BY url").fetchall()
    assert [(r[0], r[1], r[4]) for r in rows] == [("https://a.kz/1", "resp0", "30"), ("https://b.kz/7", "resp1", "50")]
    assert rows[1][5] == 45 and rows[1][6] == 55  # "около 50"
    assert "около 50 человек" in rows[1][7]
    assert all(r[2] is not None and r[8] == cid for r in rows)
    det = con.execute("SELECT url, value FROM media_claims WHERE field = 'detained' AND value <> '0'").fetchall()
    assert det == [("https://b.kz/7", "2")]
    # the review sheet shows the disagreement with both sources
    text = review_export._claims_text(raw)
    assert "participants: 30 (https://a.kz/1) | 50 (https://b.kz/7)" in text


def test_rebuilding_replaces_the_ledger():
    con = duckdb.connect()
    archive.ensure_tables(con)
    pipeline.build_candidates(con, _articles(TWO_REPORTS))
    n = con.execute("SELECT count(*) FROM media_claims").fetchone()[0]
    pipeline.build_candidates(con, _articles(TWO_REPORTS))
    assert con.execute("SELECT count(*) FROM media_claims").fetchone()[0] == n > 0


def test_media_attached_to_a_card_is_among_its_sources_and_counted():
    con = duckdb.connect()
    con.execute("CREATE TABLE cards (period VARCHAR, card_id VARCHAR, date DATE, city VARCHAR, form VARCHAR, "
                "topic VARCHAR, participants BIGINT, source_type VARCHAR, source_links VARCHAR)")
    con.execute("INSERT INTO cards VALUES "
                "('2017', '2017-PAV-001', DATE '2017-05-03', 'pavlodar', 'picket', 'против повышения тарифов на тепло', "
                "30, 'monitor', 'https://monitor.example/1'), "
                "('2017', '2017-MED-002', DATE '2017-06-01', 'almaty', 'rally', 'x', 10, 'media', 'https://c.kz/2')")
    archive.ensure_tables(con)
    pipeline.build_candidates(con, _articles(TWO_REPORTS))
    assert con.execute("SELECT status, matched_card_id FROM media_candidates").fetchone() == ("matched", "2017-PAV-001")
    assert claims.card_sources(con, "2017-PAV-001") == ["https://monitor.example/1", "https://a.kz/1", "https://b.kz/7"]
    row = con.execute("SELECT all_links, n_media_links, media_only FROM card_sources WHERE card_id = '2017-PAV-001'").fetchone()
    assert row == ("https://a.kz/1;https://b.kz/7;https://monitor.example/1", 2, False)
    counts = con.execute("SELECT cards, cards_media_only, cards_with_attached_media, monitor_cards_confirmed_by_media "
                         "FROM media_source_counts WHERE period = '2017'").fetchone()
    assert counts == (2, 1, 1, 1)
