"""The report says how many assemblies rest on media reports only and marks them (issue 16 item 3):
assets/report/media_sources.py over sql/report/media_sources_*.sql, on hand-made cards."""
from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl
import pytest

from assets.media import archive, pipeline
from assets.report import media_sources

D = dt.date
CARDS = ("CREATE TABLE cards (period VARCHAR, card_id VARCHAR, date DATE, city VARCHAR, form VARCHAR, topic VARCHAR, "
         "participants BIGINT, source_type VARCHAR, source_links VARCHAR)")
ROWS = ("INSERT INTO cards VALUES "
        "('2017', 'M1', DATE '2017-05-03', 'pavlodar', 'picket', 'против повышения тарифов на тепло', 30, 'monitor', 'https://m/1'), "
        "('2017', 'M2', DATE '2017-07-01', 'almaty', 'rally', 'y', 12, 'monitor', NULL), "
        "('2017', 'S1', DATE '2017-06-01', 'almaty', 'rally', 'x', 10, 'media', 'https://c.kz/2'), "
        "('2017', 'S2', DATE '2017-06-02', 'aktau', 'picket', 'z', 3, 'social', 'https://t.me/x/1'), "
        "('2016', 'O1', DATE '2016-06-02', 'aktau', 'picket', 'z', 3, 'media', 'https://o/1')")
ARTICLE = ("В Павлодаре 3 мая у здания акимата 30 человек вышли на пикет против повышения тарифов на тепло.")


def _cards() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(CARDS)
    con.execute(ROWS)
    return con


def test_counts_from_cards_alone_when_no_media_was_read():
    con = _cards()
    assert media_sources.load(con, "2017") == {"cards": 4, "cards_media_only": 2, "cards_with_attached_media": 0,
                                               "monitor_cards_confirmed_by_media": 0}
    assert media_sources.load(con, "2016")["cards_media_only"] == 1
    assert media_sources.load(con, "2015") == {}


def test_counts_with_media_attached_to_a_monitors_card():
    con = _cards()
    archive.ensure_tables(con)  # media tables and the views card_sources / media_source_counts
    articles = pl.DataFrame([{
        "article_id": "a0", "source": "test", "kind": "web", "url": "https://a.kz/1", "title": "Пикет в Павлодаре",
        "published": D(2017, 5, 3), "fetched_at": dt.datetime(2017, 5, 4, 9), "lang": "ru", "text": ARTICLE,
        "response_id": "r0", "triage_pass": True, "triage_label": "assembly", "triage_score": 1.0, "triage_reasons": ""}])
    pipeline.build_candidates(con, articles)
    assert con.execute("SELECT matched_card_id FROM media_candidates").fetchone() == ("M1",)
    got = media_sources.load(con, "2017")
    assert got == {"cards": 4, "cards_media_only": 2, "cards_with_attached_media": 1,
                   "monitor_cards_confirmed_by_media": 1}


def test_no_cards_no_paragraph():
    assert media_sources.load(duckdb.connect(), "2017") == {}
    assert media_sources.fragment({}, "ru") == ""


@pytest.mark.parametrize("lang, parts", [
    ("ru", ["только по сообщениям СМИ и социальных сетей: 2 из 4", "знаком ◊", "подтверждённых публикациями СМИ: 1."]),
    ("en", ["known only from media and social-media reports: 2 of 4", "marked ◊", "confirmed by media reports: 1."]),
])
def test_paragraph_in_both_editions(lang, parts):
    text = media_sources.fragment({"cards": 4, "cards_media_only": 2, "cards_with_attached_media": 1,
                                   "monitor_cards_confirmed_by_media": 1}, lang)
    for p in parts:
        assert p in text, (p, text)
    if lang == "en":
        assert not any("а" <= ch <= "я" for ch in text.lower())


def test_mark_only_on_media_only_cards():
    assert media_sources.mark({"source_type": "media"}, "ru") == " ◊"
    assert media_sources.mark({"source_type": "social"}, "en") == " ◊"
    assert media_sources.mark({"source_type": "monitor"}, "ru") == ""
    assert media_sources.mark({}, "ru") == ""


def test_media_codes_are_codes_of_the_card():
    from schemas.card import spec

    assert set(media_sources.MEDIA_SOURCE_TYPES) < set(spec().card["source_type"].codes)
