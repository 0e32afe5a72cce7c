"""The report of a period exactly as it was at a past moment (issue 18):

    monitor report --period 2017 --as-of 2026-11-30            # the end of that day (UTC)
    monitor report --period 2017 --as-of 2026-11-30T09:15:00    # that moment

On one read-only connection, TEMP tables named `cards`, `events_not_held` and `persons` hold the
rows valid at that moment (card_revisions / person_revisions, assets/core/revisions.py) and hide the
current ones; TEMP copies of `figures`, `derived_figures`, `coverage` and `reconciliation` receive the
figures that the same SQL models (sql/figures/), the same coverage and reconciliation SQL compute
from them, for every period that has had cards. The report is then rendered from that connection by
the same code as always (refresh.refresh) into its own folder, build/report/<period>-as-of-<moment>/;
the current report and the warehouse are never touched.

Only the periods whose figures existed at that moment are in the edition (figure_bases: a period first
run later, e.g. by a backfill, is left out, its figures, coverage and reconciliation dropped from the
copies). Plain SQL tables, so it works on any warehouse backend. What is not versioned: the published
figures and their audit (data/published/, in git), the media sources' counts, the narrative (report/text/,
in git) and the code; an as-of report uses today's. A warehouse written before figure_bases existed shows
its periods of then as there at every moment.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import duckdb

from assets.core import periods, revisions
from assets.core import warehouse as wh, writes
from assets.core.sqlfiles import for_table, sql
from core import settings

DERIVED = ("figures", "derived_figures", "coverage", "reconciliation")
# The DDL that adds columns to the derived tables of an older warehouse (sql/tables/, each file only
# `ALTER TABLE <one of DERIVED> ADD COLUMN IF NOT EXISTS`): run on the TEMP copies too, so that an as-of
# report on a warehouse last written by an older version (read-only: its own tables not upgraded yet)
# takes the rows the reconciliation SQL gives now. A new column of a DERIVED table: its file goes here.
WIDEN_COPIES = ("tables/091_reconciliation_coverage", "tables/092_reconciliation_source")


class NothingThen(LookupError):
    """The warehouse recorded no card of the period at or before the moment asked for."""


def label(moment_text: str) -> str:
    """The folder suffix: the date as given, or the moment in UTC without separators (2026-11-30T091500): three
    zones' "12:00" are three moments and three folders, not one folder each overwrote."""
    from assets.report.changes import parse_moment

    text = moment_text.strip()
    if len(text) == 10:
        return re.sub(r"[^0-9-]", "", text)
    return parse_moment(text).astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H%M%S")


def out_dir(period: str, moment_text: str) -> Path:
    return settings.build_dir() / "report" / f"{period}-as-of-{label(moment_text)}"


def copy_derived(con: duckdb.DuckDBPyConnection) -> None:
    """TEMP copies of the DERIVED tables that hide the warehouse's own on `con`, with today's columns."""
    for t in DERIVED:
        con.execute(for_table("revisions/copy_to_temp", t))
    for name in WIDEN_COPIES:   # resolved to the TEMP copy, which comes first in DuckDB's search path
        con.execute(sql(name))


def recompute_as_of(con: duckdb.DuckDBPyConnection, period_id: str, as_of: dt.datetime) -> None:
    """Make `con` (read-only is fine) see the warehouse as it was at `as_of` (see the module's text)."""
    from assets.derive.figures import choose_figures, coverage_row, derive_figures_with_models, label_coverage, published_as_figures, reconcile

    first = con.execute(sql("revisions/first_revision"), {"period": period_id}).fetchone()[0]
    if first is None or first > as_of:
        since = f" (the first revision of {period_id} is of {first:%Y-%m-%d %H:%M:%S %Z})" if first else ""
        raise NothingThen(f"the warehouse recorded no card of {period_id} at or before {as_of:%Y-%m-%d %H:%M:%S %Z}{since}")
    copy_derived(con)
    revisions.shadow_as_of(con, as_of)
    later = set(revisions.figures_later(con, as_of)) - {period_id}
    for pid in sorted(later):  # periods first run after the moment (a backfill): not in that edition
        writes.replace_partitions(con, pid, {t: None for t in DERIVED}, temp_copies=True)
    for (pid,) in con.execute(sql("revisions/periods_with_revisions")).fetchall():
        if pid in later:
            continue
        try:
            period = periods.get(pid)
        except (KeyError, ValueError, LookupError):
            continue
        derived, _ = derive_figures_with_models(con, period)
        figs = choose_figures(period, derived, published_as_figures(con, period))
        provenance = figs["provenance"][0] if figs.height else "none"
        cov = coverage_row(con, period, provenance)
        writes.replace_partitions(con, period.id, {"figures": figs, "derived_figures": derived, "coverage": cov}, temp_copies=True)
        rec, _, _ = label_coverage(con, period, reconcile(con, period))
        writes.replace_partitions(con, period.id, {"reconciliation": rec}, temp_copies=True)


def render_as_of(period_id: str, moment_text: str, formats: tuple[str, ...] | None = None,
                 changes_since: dt.datetime | None = None):
    """Render the report of `period_id` as it was at `moment_text` into out_dir(); returns (folder, results)."""
    from assets.core.atomic import atomic_dir
    from assets.report.changes import parse_moment
    from assets.report.refresh import refresh

    as_of = parse_moment(moment_text)
    target = out_dir(period_id, moment_text)
    with wh.connect(read_only=True) as con:
        recompute_as_of(con, period_id, as_of)
        with atomic_dir(target) as tmp:
            results = refresh(con, period_id, formats, out_dir=tmp, changes_since=changes_since, changes_until=as_of)
    return target, [(lang, r, {f: target / p.relative_to(tmp) for f, p in r.files.items()}) for lang, r in results]
