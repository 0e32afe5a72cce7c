"""What the period's figures rest on, source by source (issue 16 item 3): how many assemblies are
known only from media or social-media reports, how many monitors' cards media reports confirm, and
the mark that singles out the media-only events in the report's accounts of events.

The counts come from the warehouse (sql/report/media_sources_of_period.sql reads the view
`media_source_counts`; a warehouse that never read media has no such view, and
sql/report/media_sources_cards_only.sql counts the cards' own source instead); this module only
words them, in both editions (config/labels.yaml `words.media_*`)."""
from __future__ import annotations

import duckdb

from assets.core.sqlfiles import sql
from assets.report import fmt, labels

MEDIA_SOURCE_TYPES = ("media", "social")  # the card's `source_type` codes that are not a monitor's own observation
COUNTS = ("cards", "cards_media_only", "cards_with_attached_media", "monitor_cards_confirmed_by_media")


def _exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute(sql("common/table_exists"), {"name": name}).fetchone()[0])


def load(con: duckdb.DuckDBPyConnection, period_id: str) -> dict[str, int]:
    """{count name: value} for the period ({} when the warehouse holds no cards)."""
    if _exists(con, "media_source_counts"):
        query = sql("report/media_sources_of_period")
    elif _exists(con, "cards"):
        query = sql("report/media_sources_cards_only")
    else:
        return {}
    row = con.execute(query, {"period": period_id}).fetchone()
    if row is None or not row[0]:
        return {}
    return {k: int(v or 0) for k, v in zip(COUNTS, row)}


def is_media_only(card: dict) -> bool:
    return card.get("source_type") in MEDIA_SOURCE_TYPES


def mark(card: dict, lang: str) -> str:
    """' ◊' after an event resting on media reports only, else ''."""
    return " " + labels.word("media_mark", lang) if is_media_only(card) else ""


def fragment(counts: dict[str, int], lang: str) -> str:
    """The report's paragraph on sources ('' for a period without cards: its figures are published)."""
    if not counts:
        return ""
    n = {k: fmt.count(counts[k], lang) for k in COUNTS}
    text = labels.word("media_only_line", lang).format(n=n["cards_media_only"], total=n["cards"],
                                                        mark=labels.word("media_mark", lang))
    text += " " + labels.word("media_confirmed_line", lang).format(n=n["monitor_cards_confirmed_by_media"])
    return f"::: {{.media-sources}}\n{text}\n:::\n"
