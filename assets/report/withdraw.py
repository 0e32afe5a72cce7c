"""Withdrawing a period's public outputs: a period that has no assembly held any more (every card
removed or quarantined, or only refused applications and prevented assemblies left) has no report,
so the report and exports rendered from its earlier cards must not stay published beside the
warehouse, which no longer holds those cards.

Each folder (build/report/<period>, build/exports/<period>, and the report's staged sources
build/report_src/<period>-<lang>, which hold the same text) goes in one rename, out of the public
folders, into a hidden folder of the build directory, which is then deleted: a reader sees the whole
earlier set or nothing, never part of it. What a process killed before the deletion left behind
(`.withdrawn-<pid>-…`, never public) is deleted by the next withdrawal.
"""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from assets.core import atomic
from assets.report.labels import LANGS
from core import settings
from core.processes import pid_alive

PUBLIC = ("report", "exports")  # the folders under build/ that hold a period's public outputs


def _folders(period: str, build: Path) -> list[Path]:
    """The period's output folders: its report and exports, and the report's staged sources (render.py)."""
    return [build / part / period for part in PUBLIC] + [build / "report_src" / f"{period}-{lang}" for lang in LANGS]
TRASH_TAG = ".withdrawn-"


def public_folders(period: str, build: Path | None = None) -> list[Path]:
    """The period's public output folders that exist now."""
    build = build or settings.build_dir()
    return [f for f in _folders(period, build) if f.exists()]


def withdraw(period: str, build: Path | None = None) -> list[Path]:
    """Take the period's report, exports and staged report sources away; returns the folders withdrawn."""
    build = build or settings.build_dir()
    _remove_leftovers(build)
    gone = []
    for target in _folders(period, build):
        atomic.recover(target)  # a set parked by a write killed mid-swap comes back first, then goes with the rest
        if not target.exists():
            continue
        trash = build / f"{TRASH_TAG}{os.getpid()}-{uuid.uuid4().hex[:8]}"
        trash.mkdir()
        os.rename(target, trash / target.name)  # one rename: public as a whole, or gone as a whole
        atomic._fsync(target.parent)
        shutil.rmtree(trash, ignore_errors=True)
        gone.append(target)
    return gone


def withdraw_when_nothing_held(con, period: str, build: Path | None = None) -> tuple[str, list[Path]] | None:
    """For the report and exports assets (the nightly job, the UI), as `monitor run` does for a period: None when
    the warehouse holds an assembly held of the period; else why it has no report (gx_suite.no_figures_reason)
    and the public folders withdrawn, so the report and exports of cards it no longer has do not stay
    published."""
    from assets.core.warehouse import read_sql

    held, _, _ = con.execute(read_sql("checks/records_of_period"), {"period": period}).fetchone()
    if held:
        return None
    refuse_if_never_held(con, period, build)
    from assets.quality.gx_suite import no_figures_reason

    return no_figures_reason(con, period), withdraw(period, build)


class NeverHeld(ValueError):
    """A period's public outputs exist, but the warehouse never held a card of it: they were rendered from another
    warehouse (a wrong MONITOR_WAREHOUSE, a fresh or restored file) - not withdrawn on its word."""


def refuse_if_never_held(con, period: str, build: Path | None = None) -> None:
    """Raise NeverHeld when the period's report or exports exist and the warehouse of `con` never held a card, event
    not held or person of it (no revision, stored or implied: sql/revisions/recorded.sql) and holds no file of its
    inbox folder. Only a warehouse that read the period's cards withdraws what was rendered from them; an empty or another warehouse
    says nothing about them (before, `monitor report` on a warehouse created empty by a wrong MONITOR_WAREHOUSE
    deleted the published report and exports, and said "rendered")."""
    from assets.core.warehouse import describe, read_sql

    found = public_folders(period, build)
    if not found or con.execute(read_sql("revisions/recorded"), {"period": period}).fetchone()[0] \
            or con.execute(read_sql("raw/files_of_period_count"), {"period": period}).fetchone()[0]:
        return  # it held the period's cards once, or holds files of its inbox (every one refused): its word counts
    raise NeverHeld(
        f"the warehouse {describe()} never held a card of {period}, but {', '.join(str(f) for f in found)} exist: "
        f"rendered from another warehouse (is MONITOR_WAREHOUSE right?); left as they are. Point MONITOR_WAREHOUSE at "
        f"the warehouse that holds {period}, or load its cards (monitor run --period {period})")


def _remove_leftovers(build: Path) -> None:
    if not build.is_dir():
        return
    for p in build.iterdir():
        if p.name.startswith(TRASH_TAG):
            pid = p.name[len(TRASH_TAG):].split("-")[0]
            if pid.isdigit() and int(pid) != os.getpid() and pid_alive(int(pid)):
                continue  # another live process is withdrawing: not ours to touch
            shutil.rmtree(p, ignore_errors=True)
