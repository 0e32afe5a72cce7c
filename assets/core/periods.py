"""Monitoring periods from config/periods.yaml: the partitions of every asset."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import yaml

from assets.core import settings


@dataclass(frozen=True)
class Period:
    id: str
    start: dt.date
    end: dt.date
    months: float
    dates_inferred: bool = False

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[Period, ...]:
    with open(path, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    periods = []
    for item in raw["periods"]:
        p = Period(
            id=str(item["id"]),
            start=item["start"],
            end=item["end"],
            months=float(item["months"]),
            dates_inferred=item.get("dates") == "inferred",
        )
        if p.end < p.start or p.months <= 0:
            raise ValueError(f"config/periods.yaml: period {p.id} has end before start or months <= 0")
        periods.append(p)
    ids = [p.id for p in periods]
    if len(set(ids)) != len(ids):
        raise ValueError("config/periods.yaml: period ids must be unique")
    return tuple(periods)


def all_periods() -> tuple[Period, ...]:
    return _load(str(settings.config_dir() / "periods.yaml"))


def period_ids() -> list[str]:
    return [p.id for p in all_periods()]


def get(period_id: str) -> Period:
    for p in all_periods():
        if p.id == period_id:
            return p
    raise KeyError(f"unknown monitoring period {period_id!r}; known: {', '.join(period_ids())}")


def previous(period_id: str) -> Period | None:
    ids = period_ids()
    i = ids.index(period_id)
    return all_periods()[i - 1] if i > 0 else None


def in_range(first: str, last: str) -> list[str]:
    ids = period_ids()
    try:
        a, b = ids.index(first), ids.index(last)
    except ValueError as exc:
        raise KeyError(f"unknown period in range {first}..{last}; known: {', '.join(ids)}") from exc
    if a > b:
        raise ValueError(f"period range {first}..{last} is reversed")
    return ids[a : b + 1]
