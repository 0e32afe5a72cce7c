"""The observation card, read from schemas/card.yaml: field specs, code lists, labels, and the
pandera schemas that validate typed cards and persons.

card.yaml is the single source of truth: the codebook (schemas/codebook.md), the spreadsheet
template and the validation all derive from it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import polars as pl

from core import yamlfiles

SCHEMA_FILE = Path(__file__).with_name("card.yaml")


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool
    ru: str
    en: str
    meaning: str = ""
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    reserved: dict[str, str] = field(default_factory=dict)  # a value the field may never take -> why (quarantine)
    pattern: str = ""  # a text field's values must match this (Python and Rust regex alike), else quarantine
    alone: tuple[str, ...] = ()  # codes of a `codes` field that cannot go with another code (none, unknown)
    units: tuple[str, ...] = ()  # words of a count's unit a monitor may type after the number ('50 человек')

    @property
    def polars_dtype(self) -> pl.DataType:
        return {
            "int": pl.Int64(),
            "bool": pl.Boolean(),
            "date": pl.Date(),
            "time": pl.Time(),
        }.get(self.type, pl.Utf8())


@dataclass(frozen=True)
class Spec:
    version: int
    card: dict[str, Field]
    person: dict[str, Field]

    def fields(self, kind: str) -> dict[str, Field]:
        return self.card if kind == "card" else self.person


def _fields(raw: dict) -> dict[str, Field]:
    out = {}
    for name, f in raw.items():
        out[name] = Field(
            name=name,
            type=f["type"],
            required=bool(f.get("required", False)),
            ru=f["ru"],
            en=f["en"],
            meaning=f.get("meaning", ""),
            codes={k: dict(v) for k, v in (f.get("codes") or {}).items()},
            reserved={str(k): str(v) for k, v in (f.get("reserved") or {}).items()},
            pattern=str(f.get("pattern") or ""),
            alone=tuple(str(c) for c in f.get("alone") or ()),
            units=tuple(str(u) for u in f.get("units") or ()),
        )
    return out


@lru_cache(maxsize=1)
def spec() -> Spec:
    raw = yamlfiles.load(SCHEMA_FILE)
    return Spec(version=raw["version"], card=_fields(raw["card"]), person=_fields(raw["person"]))


def codes_of(field_name: str) -> tuple[str, ...]:
    """The codes of a field of the card or of a person, in card.yaml's order: every code list in Python
    comes from here (never retyped)."""
    f = spec().card.get(field_name) or spec().person[field_name]
    return tuple(f.codes)


def header_aliases(kind: str) -> dict[str, str]:
    """Column headers a file may use for each field: the key, the Russian and the English label
    (built once per kind: the map is shared, so callers read it and never change it)."""
    return _header_aliases(kind)


@lru_cache(maxsize=4)
def _header_aliases(kind: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in spec().fields(kind).values():
        for alias in (f.name, f.ru, f.en):
            out[_norm(alias)] = f.name
    return out


def _norm(s: str) -> str:
    return " ".join(str(s).strip().lower().replace("ё", "е").replace("_", " ").split())


def nearest_fields(header: str, kind: str, limit: int = 3) -> list[str]:
    """The fields a column name that is none of them may have meant, as "'Дата проведения' (date)", best first: a
    label it is the beginning of ("Дата", "Участники"), a label it begins with ("Город проведения", "Форма акции") or one
    within a few letters of it ("Примечание", "participant").
    For a message only: an unknown column is never read as a field."""
    from rapidfuzz import fuzz

    n = _norm(header)
    if len(n) < 3:
        return []
    scored: dict[str, float] = {}
    for alias, name in _header_aliases(kind).items():
        score = fuzz.ratio(n, alias)
        if len(n) >= 4 and (alias.startswith(n + " ") or alias.startswith(n + ",") or alias.startswith(n + "(")):
            score = max(score, 95.0)  # the label's first words: "Дата" of "Дата проведения"
        if len(alias) >= 4 and n.startswith(alias + " "):
            score = max(score, 90.0)  # the label and more words: "Город проведения", "Форма акции"
        if score >= 85:
            scored[name] = max(scored.get(name, 0.0), score)
    fields = spec().fields(kind)
    best = sorted(scored, key=lambda k: (-scored[k], list(fields).index(k)))[:limit]
    return [f"'{fields[k].ru}' ({k})" for k in best]


def normalise_header(h: str) -> str:
    if isinstance(h, str):
        return _norm_cached(h)
    return _norm(h)


@lru_cache(maxsize=65536)
def _norm_cached(h: str) -> str:  # headers and code values repeat on every record
    return _norm(h)
