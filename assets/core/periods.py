"""Monitoring periods: the partitions of every asset.

Declared periods come from config/periods.yaml (MONITOR_PERIODS names another file): the seed's
irregular periods and every period whose dates or card coverage must be stated. After the last
declared period, calendar-year periods exist up to the current year without editing any file
(`generated: true`); their coverage and basis are the file's `after_last` defaults.

Each period says how far its observation cards are digitised and what its figures rest on:

    coverage  none      no card of the period is digitised
              partial   some are (a backfill in progress): the figures stay the published ones,
                        the derived ones go to `derived_figures` and the reconciliation
              complete  every assembly of the period is on a card: its figures are derived
    basis     monitors       the monitors' own cards
              reconstructed  cards reconstructed from a published report (the 2017 example)
              published      the published report's figures
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core import settings, yamlfiles

COVERAGE = ("none", "partial", "complete")
BASIS = ("monitors", "reconstructed", "published")


@dataclass(frozen=True)
class Period:
    id: str
    start: dt.date
    end: dt.date
    months: float
    dates_inferred: bool = False
    coverage: str = "none"       # none | partial | complete (see the module's docstring)
    basis: str = "published"     # monitors | reconstructed | published
    generated: bool = False      # a calendar year after the last declared period, not in the file

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def derived(self) -> bool:
        """Its figures come from its cards (once there are any): only when declared complete."""
        return self.coverage == "complete"


def periods_file() -> Path:
    return Path(os.environ.get("MONITOR_PERIODS") or settings.config_dir() / "periods.yaml")


def _check(p: Period, where: str) -> None:
    if p.end < p.start or p.months <= 0:
        raise ValueError(f"{where}: period {p.id} has end before start or months <= 0")
    if p.coverage not in COVERAGE:
        raise ValueError(f"{where}: period {p.id}: coverage {p.coverage!r} is not one of {', '.join(COVERAGE)}")
    if p.basis not in BASIS:
        raise ValueError(f"{where}: period {p.id}: basis {p.basis!r} is not one of {', '.join(BASIS)}")
    if (p.coverage == "complete") == (p.basis == "published"):
        raise ValueError(f"{where}: period {p.id}: coverage {p.coverage} with basis {p.basis} - a complete period rests "
                         f"on cards (basis monitors or reconstructed), any other on the published figures (basis published)")


class PeriodsFileError(ValueError):
    """The periods file (config/periods.yaml or MONITOR_PERIODS) cannot be read: names the file, the entry and
    the field, and what to do (a configuration error: `monitor` exits 2)."""


def _read(path: str):
    """The parsed periods file; a YAML error or a value YAML itself refuses (a date like 2017-13-01) named
    with the file, the entry and the field."""
    import yaml

    try:
        return yamlfiles.load(path) or {}
    except FileNotFoundError:
        raise PeriodsFileError(f"{path}: the periods file does not exist (MONITOR_PERIODS names it, else "
                               "config/periods.yaml): give an existing file") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise PeriodsFileError(f"{path}: not valid YAML{at} ({getattr(exc, 'problem', None) or exc}): fix the file") from None
    except ValueError as exc:  # a value YAML types and refuses (a timestamp that is no day): find which, as text
        with open(path, encoding="utf-8") as fh:
            plain = yaml.load(fh, Loader=yaml.BaseLoader) or {}
        for i, item in enumerate(plain.get("periods") or [], start=1) if isinstance(plain, dict) else []:
            for name in ("start", "end"):
                value = item.get(name) if isinstance(item, dict) else None
                if value is not None:
                    try:
                        dt.date.fromisoformat(str(value))
                    except ValueError:
                        raise PeriodsFileError(_where(path, i, item, name, f"{value!r} is not a day (YYYY-MM-DD): {exc}")) from None
        raise PeriodsFileError(f"{path}: a value cannot be read ({exc}): fix the file") from None


def _where(path: str, i: int, item, name: str, what: str) -> str:
    pid = item.get("id") if isinstance(item, dict) else None
    return f"{path}: periods entry {i}" + (f" (id {pid})" if pid is not None else "") + f", field {name}: {what}"


def _field(path: str, i: int, item: dict, name: str, kind):
    """The entry's field `name` as `kind` (date, float, str), or an error naming the file, the entry and the field."""
    if name not in item or item[name] is None:
        raise PeriodsFileError(_where(path, i, item, name, "missing: every period has id, start, end and months"))
    value = item[name]
    if kind is dt.date:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        raise PeriodsFileError(_where(path, i, item, name, f"{value!r} is not a day (YYYY-MM-DD)"))
    if kind is float:
        try:
            return float(value)
        except (TypeError, ValueError):
            raise PeriodsFileError(_where(path, i, item, name, f"{value!r} is not a number")) from None
    return str(value)


@lru_cache(maxsize=8)
def _load(path: str, year: int) -> tuple[Period, ...]:
    raw = _read(path)
    if not isinstance(raw, dict):
        raise PeriodsFileError(f"{path}: the file holds no mapping with a 'periods' list: see config/periods.yaml")
    periods = []
    for i, item in enumerate(raw.get("periods") or [], start=1):
        if not isinstance(item, dict):
            raise PeriodsFileError(f"{path}: periods entry {i} is {item!r}, not a mapping (id, start, end, months)")
        coverage = str(item.get("coverage", "none"))
        p = Period(
            id=_field(path, i, item, "id", str),
            start=_field(path, i, item, "start", dt.date),
            end=_field(path, i, item, "end", dt.date),
            months=_field(path, i, item, "months", float),
            dates_inferred=item.get("dates") == "inferred",
            coverage=coverage,
            basis=str(item.get("basis", "monitors" if coverage == "complete" else "published")),
        )
        _check(p, path)
        periods.append(p)
    if not periods:
        raise ValueError(f"{path}: no periods declared")
    ids = [p.id for p in periods]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: period ids must be unique")
    after = raw.get("after_last") or {}
    if after.get("calendar_years", True):
        coverage = str(after.get("coverage", "complete"))
        basis = str(after.get("basis", "monitors" if coverage == "complete" else "published"))
        last = max(p.end for p in periods)
        for y in range(last.year + (1 if last >= dt.date(last.year, 12, 31) else 0), year + 1):
            start = max(dt.date(y, 1, 1), last + dt.timedelta(days=1))
            if str(y) in ids or start > dt.date(y, 12, 31):
                continue
            p = Period(id=str(y), start=start, end=dt.date(y, 12, 31),
                       months=12.0 if start == dt.date(y, 1, 1) else round(((dt.date(y, 12, 31) - start).days + 1) / 30.44, 1),
                       coverage=coverage, basis=basis, generated=True)
            _check(p, f"{path} (after_last)")
            periods.append(p)
    return tuple(periods)


def all_periods(today: dt.date | None = None) -> tuple[Period, ...]:
    """Every period: the declared ones, then calendar years up to the year of `today`."""
    return _load(str(periods_file()), (today or dt.date.today()).year)


def period_ids() -> list[str]:
    return [p.id for p in all_periods()]


def get(period_id: str) -> Period:
    for p in all_periods():
        if p.id == period_id:
            return p
    raise KeyError(f"unknown monitoring period {period_id!r}; known: {', '.join(period_ids())}")


def containing(day: dt.date) -> Period | None:
    """The period a date lies in (a card's or a media report's), or None."""
    for p in all_periods(max(day, dt.date.today())):
        if p.contains(day):
            return p
    return None


def previous(period_id: str) -> Period | None:
    ids = period_ids()
    i = ids.index(period_id)
    return all_periods()[i - 1] if i > 0 else None


def later(period_id: str) -> list[str]:
    """The periods after `period_id`: their reports compare with it (multi-period tables)."""
    ids = period_ids()
    return ids[ids.index(period_id) + 1:] if period_id in ids else []


def in_range(first: str, last: str) -> list[str]:
    ids = period_ids()
    try:
        a, b = ids.index(first), ids.index(last)
    except ValueError as exc:  # which end is unknown, by its option's name (both may be)
        bad = " and ".join(f"{opt} {p!r}" for opt, p in (("--from", first), ("--to", last)) if p not in ids)
        raise KeyError(f"unknown period in range {first}..{last} ({bad}); known: {', '.join(ids)}") from exc
    if a > b:
        raise ValueError(f"period range {first}..{last} is reversed")
    return ids[a : b + 1]
