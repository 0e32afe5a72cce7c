"""An article that changed after a monitor decided its event (a count corrected, a date added, a second article's
figures): the decision stood, the card kept the old values, and nobody was told. The decision now keeps what the
extraction gave when it was made (`snapshot`, stored in the decision's `fields` as `_extracted`); when a later build
of the candidates extracts other values for a decided event (`changes`), the candidate goes back to the queue with
status `changed`, saying what changed. The monitor's next decision replaces the old one (a card corrected by hand is
still never overwritten: review.py)."""
from __future__ import annotations

import datetime as dt

FIELDS = ("date", "city", "form", "participants_low", "participants", "participants_high", "detained")
KEY = "_extracted"
COUNT = ("participants_low", "participants", "participants_high")


def _plain(v):
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()[:10]
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def snapshot(row: dict) -> dict:
    """The extracted fields of a candidate row, JSON-ready."""
    return {k: _plain(row.get(k)) for k in FIELDS}


def changes(before: dict | None, cand: dict) -> list[str]:
    """What the candidate's extraction now says differently from `before` ('participants 20 → 50'); [] when nothing
    changed or no snapshot was kept (a decision made before snapshots were)."""
    if not before:
        return []
    now = snapshot(cand)
    out = [f"{k} {_shown(before.get(k))} → {_shown(now[k])}" for k in ("date", "city", "form")
           if k in before and before.get(k) != now[k]]
    if any(k in before and before.get(k) != now[k] for k in COUNT):  # one count with its range: "50 (45–55) → 300 (270–330)"
        out.append(f"participants {_count(before)} → {_count(now)}")
    if "detained" in before and before.get("detained") != now["detained"]:
        out.append(f"detained {_shown(before.get('detained'))} → {_shown(now['detained'])}")
    return out


def _shown(v) -> str:
    return "—" if v is None else str(v)


def _count(s: dict) -> str:
    low, best, high = (s.get(k) for k in COUNT)
    return _shown(best) + (f" ({_shown(low)}–{_shown(high)})" if (low, high) != (best, best) and (low, high) != (None, None) else "")


def why(diff: list[str]) -> str:
    return ("the articles changed after the decision: " + "; ".join(diff)
            + " — decide again (a card corrected by hand is kept as it is)")
