"""Matching candidates to existing cards: same city, a date at most two days off, a compatible
form and a similar topic. A matched candidate is attached to the card as a source instead of
going to the review queue."""
from __future__ import annotations

from dataclasses import dataclass

import duckdb
from rapidfuzz import fuzz

from assets.core.sqlfiles import sql

from assets.media.dates import parse_date
from assets.media.dedup import forms_compatible

THRESHOLD = 0.7


@dataclass(frozen=True)
class Match:
    card_id: str
    period: str | None
    score: float


def table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute(sql("common/table_exists"), {"name": name}).fetchone()[0])


def load_cards(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """The cards to match against; none when the `cards` table does not exist yet."""
    if not table_exists(con, "cards"):
        return []
    cur = con.execute(sql("media/cards_to_match"))
    names = [d[0] for d in cur.description]
    wanted = [c for c in ("period", "card_id", "date", "city", "form", "topic", "participants") if c in names]
    if not {"card_id", "date", "city"} <= set(wanted):
        return []
    at = [names.index(c) for c in wanted]
    return [{c: r[i] for c, i in zip(wanted, at)} for r in cur.fetchall()]


def score(candidate: dict, card: dict) -> float:
    """0..1; 0 when city differs, the dates are more than two days apart or the forms clash."""
    if not candidate.get("city") or candidate.get("city") != card.get("city"):
        return 0.0
    dc, dk = parse_date(candidate.get("date")), parse_date(card.get("date"))
    if dc is None or dk is None:
        return 0.0
    gap = abs((dc - dk).days)
    if gap > 2:
        return 0.0
    if not forms_compatible(candidate.get("form"), card.get("form")):
        return 0.0
    date_s = {0: 1.0, 1: 0.7, 2: 0.4}[gap]
    form_s = 1.0 if candidate.get("form") == card.get("form") else 0.5
    topic_s = fuzz.token_set_ratio((candidate.get("topic") or "").lower(), (card.get("topic") or "").lower()) / 100
    return round(0.4 * date_s + 0.3 * form_s + 0.3 * topic_s, 3)


def best_match(candidate: dict, cards: list[dict], threshold: float = THRESHOLD) -> Match | None:
    best: Match | None = None
    for card in cards:
        s = score(candidate, card)
        if s >= threshold and (best is None or s > best.score):
            best = Match(str(card["card_id"]), card.get("period"), s)
    return best
