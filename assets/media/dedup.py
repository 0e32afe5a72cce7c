"""Deduplication: several articles about one event become one candidate with all its sources.

Two extracted events are the same event when they name the same city, their dates are at most a
day apart, their forms are compatible, and their topics (or titles) are similar enough
(rapidfuzz token-set ratio). Same city, same day and the same form need less topic similarity:
two reports of one picket rarely word its demand the same way.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import statistics
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from assets.media.dates import parse_date
from assets.media.social_exports import SOCIAL_KINDS

COMPATIBLE = [{"picket", "single_picket"}, {"rally", "picket"}, {"march", "flashmob"}, {"happening", "flashmob"},
              {"road_block", "rally"}, {"road_block", "picket"}]
FIELDS_VOTED = ("time_start", "city", "settlement", "place", "form", "topic", "character", "organizer_type",
                "organizer_name", "duration_min", "attributes", "permission_requested", "permission_answer",
                "reason_not_applied", "police_present", "police_count", "police_warned", "prosecutor_present",
                "prosecutor_warned", "akimat_present", "akimat_warned", "obstruction", "dispersal",
                "preventive_detentions", "state_organised", "authorities_response", "date")


def forms_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b or a == b or "other" in (a, b):
        return True
    return {a, b} in COMPATIBLE


def text_similarity(a: dict, b: dict) -> float:
    """0..100: the better of topic and title similarity."""
    best = 0.0
    for key in ("topic", "title"):
        x, y = (a.get(key) or "").lower(), (b.get(key) or "").lower()
        if x and y:
            best = max(best, fuzz.token_set_ratio(x, y))
    return best


def same_event(a: dict, b: dict) -> bool:
    if not a.get("city") or a.get("city") != b.get("city"):
        return False
    da, db = parse_date(a.get("date")), parse_date(b.get("date"))
    if da is None or db is None or abs((da - db).days) > 1:
        return False
    if not forms_compatible(a.get("form"), b.get("form")):
        return False
    sim = text_similarity(a, b)
    if a.get("url") and a.get("url") == b.get("url"):
        return False  # two events of one digest article are different events
    if da == db and a.get("form") == b.get("form"):
        return sim >= 25
    return sim >= 50


def _order_key(e: dict):
    pub = parse_date(e.get("published")) or dt.date.max
    return (pub, e.get("event_key") or "")


def cluster(events: list[dict]) -> list[list[dict]]:
    """Groups of events that report the same assembly (each group ordered by publication)."""
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_city: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        if e.get("city"):
            by_city[e["city"]].append(i)
    for idx in by_city.values():
        idx.sort(key=lambda i: parse_date(events[i].get("date")) or dt.date.min)
        for n, i in enumerate(idx):
            di = parse_date(events[i].get("date"))
            for j in idx[n + 1:]:
                dj = parse_date(events[j].get("date"))
                if di is None or dj is None:
                    continue
                if (dj - di).days > 1:
                    break
                if same_event(events[i], events[j]):
                    parent[find(j)] = find(i)
    groups: dict[int, list[dict]] = defaultdict(list)
    for i, e in enumerate(events):
        groups[find(i)].append(e)
    return [sorted(g, key=_order_key) for g in sorted(groups.values(), key=lambda g: _order_key(min(g, key=_order_key)))]


def candidate_id(group: list[dict]) -> str:
    """Stable: derived from the earliest-published member, so later articles joining the group do
    not change it (decisions stay attached)."""
    first = min(group, key=_order_key)
    return "m" + hashlib.sha1((first.get("event_key") or first.get("url") or "").encode()).hexdigest()[:11]


def _vote(values: list):
    vals = [v for v in values if v is not None and v != ""]
    if not vals:
        return None
    counts = Counter(map(repr, vals))
    top = max(counts.values())
    for v in vals:  # ties: the earliest source
        if counts[repr(v)] == top:
            return v
    return None


def merge(group: list[dict]) -> dict:
    """One candidate from a group: fields by vote (ties to the earliest source), participants as
    the widest range with the median best estimate, detentions as the largest reported number."""
    out: dict = {"candidate_id": candidate_id(group)}
    for f in FIELDS_VOTED:
        out[f] = _vote([e.get(f) for e in group])
    lows = [e["participants_low"] for e in group if e.get("participants_low") is not None]
    bests = [e["participants"] for e in group if e.get("participants") is not None]
    highs = [e["participants_high"] for e in group if e.get("participants_high") is not None]
    out["participants_low"] = min(lows) if lows else None
    out["participants"] = int(statistics.median_low(bests)) if bests else None
    out["participants_high"] = max(highs) if highs else None
    det = [e["detained"] for e in group if e.get("detained") is not None]
    out["detained"] = max(det) if det else None
    evidence: dict[str, str] = {}
    for e in group:
        for k, v in (e.get("evidence") or {}).items():
            evidence.setdefault(k, v)
    out["evidence"] = evidence
    urls: list[str] = []
    for e in group:
        if e.get("url") and e["url"] not in urls:
            urls.append(e["url"])
    out["source_links"] = ";".join(urls)
    out["titles"] = " | ".join(dict.fromkeys(e.get("title") or "" for e in group if e.get("title")))
    out["article_ids"] = ";".join(dict.fromkeys(e.get("article_id") or "" for e in group if e.get("article_id")))
    out["event_keys"] = ";".join(e.get("event_key") or "" for e in group)
    out["why_found"] = "\n".join(dict.fromkeys(
        f"{e.get('url')}: {e.get('why_found')}" for e in group if e.get("why_found"))) or None
    pubs = [parse_date(e.get("published")) for e in group if parse_date(e.get("published"))]
    out["first_seen"] = min(pubs) if pubs else None
    out["source_type"] = "social" if all(e.get("kind") in SOCIAL_KINDS for e in group) else "media"  # Telegram, VK, Facebook
    return out


def deduplicate(events: list[dict]) -> list[dict]:
    return [merge(g) for g in cluster(events)]
