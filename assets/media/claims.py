"""The claim ledger: every figure an article states about an event, with its source.

A *claim* is one field of one extracted event as one article states it: participants (low / best /
high), police, detained, date, city, place. It keeps where it came from: the article's URL, the
archived response it was read from (`media_responses.response_id`), the fetch time, the publication
date and the sentence. Claims are never merged away: when two articles disagree (30 vs 50
participants) both stay in `media_claims`, side by side on the candidate (`media_candidates.claims`),
and the candidate's low / best / high spans them (dedup.merge).

Media attached to an existing card (`media_card_sources`: an automatic match or a review merge)
is read back by the views made here: `media_card_links` (links per card), `card_sources` (each
card's own links and the media attached to it, and whether the card rests on media only) and
`media_source_counts` (per period: cards, cards resting on media only, cards with attached media)
for the report.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import duckdb

from assets.core.sqlfiles import sql

CLAIM_FIELDS = ("participants", "police_count", "detained", "date", "city", "place")
COLUMNS = ["claim_id", "candidate_id", "event_key", "article_id", "url", "response_id", "fetched_at", "published",
           "field", "value", "low", "best", "high", "sentence"]

def ensure(con: duckdb.DuckDBPyConnection) -> None:
    """sql/media/020_claims.sql; then sql/media/030_card_views.sql when the `cards` table can carry them."""
    from assets.core import layout

    con.execute(layout.ddl(con, "media/020_claims"))  # on a DuckLake: without its PRIMARY KEY
    if con.execute(sql("common/table_exists"), {"name": "cards"}).fetchone()[0]:
        cols = {r[0] for r in con.execute(sql("common/columns_of"), {"name": "cards"}).fetchall()}
        if {"period", "card_id", "source_type", "source_links"} <= cols:
            con.execute(sql("media/030_card_views"))


def _iso(v) -> str | None:
    if v is None:
        return None
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else str(v)


def claims_of(event: dict) -> list[dict]:
    """The claims one extracted event makes (an event dict from extract.Event.to_dict(), with the
    article's `article_id`, `response_id`, `fetched_at`)."""
    ev_key = event.get("event_key") or ""
    evidence = event.get("evidence") or {}
    out = []

    def add(field: str, value, low=None, best=None, high=None):
        sentence = evidence.get(field) or evidence.get({"police_count": "police_count"}.get(field, field))
        if field == "participants" and not sentence:
            sentence = evidence.get("participants")
        if sentence and sentence.startswith("("):
            return  # "(no date in the text: the publication date)", "(no detention reported)": not a claim
        out.append({
            "claim_id": hashlib.sha1(f"{ev_key}|{field}".encode()).hexdigest()[:16],
            "event_key": ev_key, "article_id": event.get("article_id"), "url": event.get("url"),
            "response_id": event.get("response_id"), "fetched_at": event.get("fetched_at"),
            "published": event.get("published"), "field": field, "value": _iso(value),
            "low": low, "best": best, "high": high, "sentence": sentence,
        })

    if event.get("participants") is not None:
        add("participants", event["participants"], event.get("participants_low"), event["participants"],
            event.get("participants_high"))
    if event.get("police_count") is not None:
        add("police_count", event["police_count"], event["police_count"], event["police_count"], event["police_count"])
    if event.get("detained") is not None:
        add("detained", event["detained"], event["detained"], event["detained"], event["detained"])
    for f in ("date", "city", "place"):
        if event.get(f) is not None:
            add(f, event[f])
    return out


def side_by_side(claims: list[dict]) -> dict[str, list[dict]]:
    """Per field, every source's claim (in publication order): what the review sheet and the card
    show when sources disagree."""
    out: dict[str, list[dict]] = {}
    for c in sorted(claims, key=lambda c: (str(c.get("published") or "9999"), c.get("url") or "")):
        out.setdefault(c["field"], []).append(
            {k: c.get(k) for k in ("url", "value", "low", "best", "high", "sentence", "published", "response_id")})
    return out


def disagreements(claims: list[dict]) -> dict[str, list[dict]]:
    """Only the fields on which the sources differ."""
    return {f: cs for f, cs in side_by_side(claims).items() if len({c["value"] for c in cs}) > 1}


def summary(claims: list[dict]) -> str:
    """One line per disagreeing field: 'participants: 30 (https://a) | 50 (https://b)'."""
    lines = []
    for f, cs in disagreements(claims).items():
        lines.append(f"{f}: " + " | ".join(f"{c['value']} ({c['url']})" for c in cs))
    return "\n".join(lines)


def to_json(claims: list[dict]) -> str:
    return json.dumps(side_by_side(claims), ensure_ascii=False, default=str)


def card_sources(con: duckdb.DuckDBPyConnection, card_id: str) -> list[str]:
    """Every source of a card: its own links and the media attached to it."""
    ensure(con)
    own = []
    if con.execute(sql("common/table_exists"), {"name": "cards"}).fetchone()[0]:
        row = con.execute(sql("media/card_own_links"), [card_id]).fetchone()
        own = [u.strip() for u in str((row or [""])[0] or "").split(";") if u.strip()]
    attached = [r[0] for r in con.execute(
        sql("media/card_attached_urls"), [card_id]).fetchall()]
    return list(dict.fromkeys(own + attached))
