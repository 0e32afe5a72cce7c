"""What the report reads from the warehouse for one period, loaded once for both languages (ReportData):
the figures of every period, which of them are published, the period's cards (notable events), the
names to redact, the reconciliation and the audit, the published figures as printed, and the
comparisons of sql/report/."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import duckdb
import polars as pl

from assets.core.sqlfiles import sql
from assets.core.warehouse import query
from assets.report import media_sources, published as pubfig
from assets.validate import redaction


@dataclass
class ReportData:
    """What the report reads of the warehouse for one period (not the warehouse: a read view of it)."""
    figs: dict[str, dict]                # period -> {(table_no, row_key, col_key): value}
    published: set[tuple[str, str]]      # (period, table_no) whose figures are published, not derived
    cards: pl.DataFrame                  # the period's cards (for notable events)
    private_names: list[str]             # names of persons not marked public (only to redact them)
    reconciliation: pl.DataFrame | None
    audit: pl.DataFrame | None
    printed: dict = field(default_factory=dict)       # (period, table, row, col) -> published.Printed
    col_decimals: dict = field(default_factory=dict)  # (table, col) -> decimals the published report uses
    topic_en: dict = field(default_factory=dict)      # topic (as in `figures`) -> its English version from the cards
    changes: dict = field(default_factory=dict)       # sql/report/figure_changes.sql by (period, table, row, col)
    remainders: dict = field(default_factory=dict)    # sql/report/remainders.sql by (period, table, col)
    media: dict = field(default_factory=dict)         # assets/report/media_sources.py: what the cards rest on


def _has_table(con, name: str) -> bool:
    return bool(con.execute(sql("common/table_exists"), {"name": name}).fetchone()[0])


def english_topics(cards: pl.DataFrame, names: list[str]) -> dict[str, str]:
    """Each topic's first English version (topic_en), under the topic as the cards hold it and as the figures' keys
    hold it: with private names cut (assets/derive/figures.py), so that a topic that named a person still finds its
    English version (cut in its turn where it is shown), not the Russian key marked untranslated."""
    if cards.is_empty() or "topic_en" not in cards.columns:
        return {}
    first = cards.select("topic", "topic_en").drop_nulls().unique(subset="topic", keep="first", maintain_order=True)
    out = dict(first.iter_rows())
    for topic, en in list(out.items()):
        out.setdefault(redaction.redact(topic, names), en)
    for topic, en in list(out.items()):  # an erased name's marker (REDACTED-…) cut or not, in one form
        out.setdefault(cut_key(topic), en)
    return out


_CUTS = re.compile(r"(?:\[…\]|REDACTED-[0-9a-f]+)(?:[\s-]*(?:\[…\]|REDACTED-[0-9a-f]+))*")


def cut_key(topic: str) -> str:
    """A topic with each run of cut words (‘[…] […]’, an erasure's marker ‘REDACTED-…’ or that marker cut, ‘[…]-[…]’)
    as one ‘[…]’: the figures keep the topic as cut when they were derived, an erasure since changes the cards'."""
    return _CUTS.sub("[…]", topic)


def load(con: duckdb.DuckDBPyConnection, period_id: str) -> ReportData:
    df = query(con, sql("report/all_figures"))
    figs: dict[str, dict] = {}
    published: set[tuple[str, str]] = set()
    for r in df.iter_rows(named=True):
        figs.setdefault(r["period"], {})[(r["table_no"], r["row_key"], r["col_key"])] = r["value"]
        if r["provenance"] == "published":
            published.add((r["period"], r["table_no"]))
    cards = query(con, sql("report/cards_of_period"), {"period": period_id}) \
        if _has_table(con, "cards") else pl.DataFrame()
    # read only to keep private names out of the public text (never printed): assets/validate/redaction.py
    names = redaction.private_names(con, period_id)
    recon = audit = None
    if _has_table(con, "reconciliation"):
        recon = query(con, sql("report/reconciliation_of_period"), {"period": period_id})
    if _has_table(con, "audit"):
        audit = query(con, sql("report/audit_of_period"), {"period": period_id})
    printed = pubfig.load_printed(con)
    topic_en = english_topics(cards, names)
    from assets.report import stats

    return ReportData(figs, published, cards, names, recon, audit, printed, pubfig.column_decimals(printed), topic_en,
                     stats.changes(con), stats.remainders(con), media_sources.load(con, period_id))
