"""Deduplication of articles about one event, and matching candidates to existing cards."""
from __future__ import annotations

import datetime as dt

import duckdb

from assets.media import dedup, match

D = dt.date


def ev(key, url, city, date, form, topic, participants=None, published=None, title="", detained=0):
    return {"event_key": key, "url": url, "city": city, "date": date, "form": form, "topic": topic,
            "title": title, "participants_low": participants and participants - 3, "participants": participants,
            "participants_high": participants and participants + 3, "published": published or date,
            "detained": detained, "article_id": "a" + key, "kind": "web",
            "evidence": {"date": f"sentence of {key}"}}


def test_two_articles_about_one_picket_become_one_candidate_with_both_sources():
    a = ev("k1", "https://a.kz/1", "almaty", D(2017, 5, 3), "picket", "против передачи информации о блогере",
           15, published=D(2017, 5, 3))
    b = ev("k2", "https://b.kz/9", "almaty", D(2017, 5, 3), "picket", "против правозащитников, передавших информацию о блогере",
           20, published=D(2017, 5, 4), detained=1)
    c = ev("k3", "https://c.kz/5", "astana", D(2017, 5, 3), "picket", "против передачи информации о блогере", 10)
    cands = dedup.deduplicate([b, c, a])
    assert len(cands) == 2
    almaty = next(x for x in cands if x["city"] == "almaty")
    assert almaty["source_links"] == "https://a.kz/1;https://b.kz/9"  # in publication order
    assert almaty["participants_low"] == 12 and almaty["participants_high"] == 23
    assert almaty["participants"] == 15
    assert almaty["detained"] == 1
    assert almaty["event_keys"] == "k1;k2"


def test_candidate_id_is_stable_when_a_later_article_joins():
    a = ev("k1", "https://a.kz/1", "uralsk", D(2017, 10, 12), "hunger_strike", "предоставить социальное жилье")
    b = ev("k2", "https://b.kz/2", "uralsk", D(2017, 10, 12), "hunger_strike", "социальное жилье матерям",
           published=D(2017, 10, 13))
    alone = dedup.deduplicate([a])[0]["candidate_id"]
    both = dedup.deduplicate([b, a])
    assert len(both) == 1 and both[0]["candidate_id"] == alone


def test_different_days_forms_or_topics_stay_apart():
    base = ev("k1", "https://a.kz/1", "almaty", D(2017, 5, 3), "picket", "против повышения тарифов на тепло")
    far = ev("k2", "https://b.kz/2", "almaty", D(2017, 5, 6), "picket", "против повышения тарифов на тепло")
    clash = ev("k3", "https://c.kz/3", "almaty", D(2017, 5, 3), "hunger_strike", "против повышения тарифов на тепло")
    other_topic = ev("k4", "https://d.kz/4", "almaty", D(2017, 5, 4), "rally", "за освобождение политзаключенных")
    assert len(dedup.deduplicate([base, far, clash, other_topic])) == 4


def test_next_day_report_with_similar_topic_merges():
    a = ev("k1", "https://a.kz/1", "karaganda", D(2017, 2, 17), "picket", "рефинансировать валютные ипотечные кредиты")
    b = ev("k2", "https://b.kz/2", "karaganda", D(2017, 2, 18), "rally", "ипотечники требуют рефинансировать валютные кредиты")
    assert len(dedup.deduplicate([a, b])) == 1


def test_two_events_of_one_digest_are_never_merged():
    a = ev("k1", "https://a.kz/digest", "almaty", D(2017, 5, 3), "picket", "против тарифов")
    b = ev("k2", "https://a.kz/digest", "almaty", D(2017, 5, 3), "picket", "против тарифов")
    assert len(dedup.deduplicate([a, b])) == 2


def _cards_db():
    con = duckdb.connect()
    con.execute("CREATE TABLE cards (period VARCHAR, card_id VARCHAR, date DATE, city VARCHAR, form VARCHAR, "
                "topic VARCHAR, character VARCHAR, participants BIGINT)")
    con.execute("INSERT INTO cards VALUES ('2017', '2017-ALA-003', DATE '2017-05-03', 'almaty', 'picket', "
                "'Против передачи информации о блогере международным организациям', 'political', 15), "
                "('2017', '2017-AST-001', DATE '2017-04-14', 'astana', 'chaining', 'Встреча с прокурором', 'social', 2)")
    return con


def test_candidate_matching_a_card_is_attached_to_it():
    con = _cards_db()
    cards = match.load_cards(con)
    cand = {"city": "almaty", "date": D(2017, 5, 3), "form": "picket", "topic": "передача информации о блогере"}
    m = match.best_match(cand, cards)
    assert m is not None and m.card_id == "2017-ALA-003" and m.period == "2017" and m.score >= 0.7
    # same city and date but a clashing form, or another city: no match
    assert match.best_match({**cand, "form": "hunger_strike"}, cards) is None
    assert match.best_match({**cand, "city": "astana"}, cards) is None
    # three days off: no match
    assert match.best_match({**cand, "date": D(2017, 5, 6)}, cards) is None


def test_no_cards_table_yet_means_no_matches():
    con = duckdb.connect()
    assert match.load_cards(con) == []
    assert match.best_match({"city": "almaty", "date": D(2017, 5, 3), "form": "picket", "topic": "x"}, []) is None
