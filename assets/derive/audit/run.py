"""audit_published: every rule of the audit over the published figures."""
from __future__ import annotations

import polars as pl

from assets.derive.audit.book import Book
from assets.derive.audit.derived import rule_derived
from assets.derive.audit.findings import Findings
from assets.derive.audit.impossible import rule_impossible
from assets.derive.audit.reader import careful_reader_rules
from assets.derive.audit.same_figure import rule_same_figure
from assets.derive.audit.sums import rule_shares_sum, rule_sum_total


def audit_published(published: pl.DataFrame, include_truncated: bool = False) -> pl.DataFrame:
    """One row per contradiction of the published report(s) with itself (see assets/derive/audit/__init__.py)."""
    book = Book(published)
    out = Findings(include_truncated, book.periods, book)
    rule_sum_total(book, out)
    rule_derived(book, out)
    rule_shares_sum(book, out)
    rule_same_figure(book, out)
    rule_impossible(book, out)
    careful_reader_rules(book, out)
    return out.frame()
