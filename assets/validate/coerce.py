"""Turning a raw record (strings as typed by a monitor, or spreadsheet/JSON values) into typed
fields. Each field that cannot be read gives a Problem with a reason a monitor understands."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from schemas import gazetteer
from schemas.card import Field, header_aliases, normalise_header, spec

TRUE = {"1", "true", "yes", "y", "да", "д", "+", "истина", "иә", "x", "х"}
FALSE = {"0", "false", "no", "n", "нет", "н", "-", "ложь", "жоқ"}


@dataclass
class Problem:
    field: str
    value: str
    reason: str
    rule: str


def _empty(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _s(v) -> str:
    return str(v).strip()


def parse_int(v) -> int:
    if isinstance(v, bool):
        raise ValueError
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        if v.is_integer():
            return int(v)
        raise ValueError
    s = _s(v).replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"[-+]?\d+", s):
        return int(s)
    if re.fullmatch(r"[-+]?\d+[.,]0+", s):
        return int(re.split(r"[.,]", s)[0])
    raise ValueError


def parse_bool(v) -> bool:
    if isinstance(v, bool):
        return v
    s = _s(v).lower()
    if s in TRUE:
        return True
    if s in FALSE:
        return False
    raise ValueError


def parse_date(v) -> dt.date:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    s = _s(v)
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise ValueError


def parse_time(v) -> dt.time:
    if isinstance(v, dt.time):
        return v
    if isinstance(v, int) and not isinstance(v, bool):  # YAML reads 15:00 as 900 (sexagesimal)
        return dt.time(v // 60, v % 60)
    s = _s(v)
    for fmt in ("%H:%M", "%H:%M:%S", "%H.%M"):
        try:
            return dt.datetime.strptime(s, fmt).time()
        except ValueError:
            continue
    raise ValueError


def _code_index(f: Field) -> dict[str, str]:
    idx = {}
    for key, labels in f.codes.items():
        for alias in (key, labels.get("ru", ""), labels.get("en", "")):
            if alias:
                idx[normalise_header(alias)] = key
    return idx


def parse_code(f: Field, v) -> str:
    key = _code_index(f).get(normalise_header(_s(v)))
    if key is None:
        raise ValueError
    return key


def _codes_hint(f: Field) -> str:
    return ", ".join(f"{k} ({v['ru']})" for k, v in f.codes.items())


def coerce_record(kind: str, data: dict) -> tuple[dict, list[Problem]]:
    """Typed values for every field of `kind` (None where empty or unreadable) and the problems."""
    fields = spec().fields(kind)
    aliases = header_aliases(kind)
    by_field: dict[str, object] = {}
    for header, value in data.items():
        name = aliases.get(normalise_header(header))
        if name and not (name in by_field and _empty(value)):
            by_field[name] = value
    out: dict[str, object] = {}
    problems: list[Problem] = []
    for name, f in fields.items():
        v = by_field.get(name)
        if _empty(v):
            out[name] = None
            if f.required:
                problems.append(Problem(name, "", f"'{f.ru}' ({name}) is required but empty", "required"))
            continue
        try:
            out[name] = _coerce(f, v)
        except ValueError:
            problems.append(Problem(name, _s(v), _type_reason(f, v), f"type:{f.type}"))
            out[name] = None
    return out, problems


def _coerce(f: Field, v):
    t = f.type
    if t == "text":
        return _s(v)
    if t == "int":
        return parse_int(v)
    if t == "bool":
        return parse_bool(v)
    if t == "date":
        return parse_date(v)
    if t == "time":
        return parse_time(v)
    if t == "code":
        return parse_code(f, v)
    if t == "codes":
        parts = [p for p in re.split(r"[;,]", _s(v)) if p.strip()]
        return ";".join(parse_code(f, p) for p in parts)
    if t == "city":
        key = gazetteer.lookup(_s(v))
        if key is None:
            raise ValueError
        return key
    if t == "links":
        links = [p.strip() for p in re.split(r"[;\s]+", _s(v)) if p.strip()]
        bad = [u for u in links if not re.match(r"https?://\S+$", u)]
        if bad:
            raise ValueError
        return ";".join(links)
    raise AssertionError(f"unknown field type {t}")


def _type_reason(f: Field, v) -> str:
    what = f"'{f.ru}' ({f.name})"
    s = _s(v)
    return {
        "int": f"{what}: '{s}' is not a whole number",
        "bool": f"{what}: '{s}' is not yes/no (да/нет, 1/0, true/false)",
        "date": f"{what}: '{s}' is not a date (write 2017-05-03 or 03.05.2017)",
        "time": f"{what}: '{s}' is not a time (write 15:00)",
        "code": f"{what}: '{s}' is not one of the codes: {_codes_hint(f)}",
        "codes": f"{what}: '{s}' has a value that is not one of the codes: {_codes_hint(f)}",
        "city": f"{what}: '{s}' is not a city of the gazetteer (config/gazetteer.yaml); "
                "write the city as Алматы, Астана, Шымкент, ... or add it to the gazetteer",
        "links": f"{what}: '{s}' has something that is not an http(s) link",
    }.get(f.type, f"{what}: '{s}' cannot be read")
