"""Loading the published figures (data/published/*.csv), validated by schemas/published.py.

    load_published()                 every data/published/*.csv of the checkout
    load_published(Path("x.csv"))    one file (or every *.csv of a directory)

A bad file raises `PublishedDataError` whose message names the file, the line and the field of every
bad row (at most 50), e.g.

    data/published/kibhr-2017.csv, line 17, field 'decimals': must be >= 0 (got '-1')
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl
from pandera.errors import SchemaError, SchemaErrors

from core import settings
from schemas.published import CHECK_FIELD, COLUMNS, KEY, PublishedFigures

MAX_MESSAGES = 50
CHOICES_FILE = "choices.csv"   # the recorded readings of self-contradicting reports (load_choices), not figures
CHOICE_COLUMNS = ("period", "table_no", "row_key", "col_key", "published", "used", "reason_ru", "reason_en")

SCHEMA = {"source": pl.Utf8, "period": pl.Utf8, "table_no": pl.Utf8, "row_key": pl.Utf8, "col_key": pl.Utf8,
          "value": pl.Float64, "value_status": pl.Utf8, "printed": pl.Utf8, "decimals": pl.Int64, "location": pl.Utf8, "line": pl.Int64,
          "primary": pl.Boolean, "note": pl.Utf8}


class PublishedDataError(ValueError):
    """A published-figures file that cannot be used, with one message per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = problems[:MAX_MESSAGES]
        more = f"\n... and {len(problems) - MAX_MESSAGES} more" if len(problems) > MAX_MESSAGES else ""
        super().__init__("invalid published figures:\n" + "\n".join(shown) + more)


def default_dir() -> Path:
    return settings.repo_root() / "data" / "published"


def _files(path: Path | None) -> list[Path]:
    if path is None:
        path = default_dir()
    path = Path(path)
    if path.is_dir():
        files = sorted(f for f in path.glob("*.csv") if f.name != CHOICES_FILE)
        if not files:
            raise PublishedDataError([f"{path}: no *.csv file"])
        return files
    if not path.exists():
        raise PublishedDataError([f"{path}: no such file"])
    return [path]


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(settings.repo_root()))
    except ValueError:
        return str(path)


def _parse_bool(s: str) -> bool | None:
    return {"true": True, "false": False}.get(s.strip().lower())


def _read_file(path: Path, problems: list[str]) -> list[dict]:
    name = _shown(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(f"{name}: not UTF-8 ({exc.reason} at byte {exc.start}); save the file as UTF-8")
        return []
    if not text.strip():
        problems.append(f"{name}: the file is empty")
        return []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except csv.Error as exc:
        problems.append(f"{name}, line 1: cannot read the header: {exc}")
        return []
    header = [h.strip() for h in header]
    if tuple(header) != COLUMNS:
        missing = [c for c in COLUMNS if c not in header]
        extra = [c for c in header if c not in COLUMNS]
        detail = "; ".join(x for x in (f"missing {missing}" if missing else "", f"unexpected {extra}" if extra else "")
                           if x) or "columns in the wrong order"
        problems.append(f"{name}, line 1: the header must be {','.join(COLUMNS)} ({detail})")
        return []
    rows: list[dict] = []
    line = 1
    while True:
        start = reader.line_num + 1
        try:
            rec = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(f"{name}, line {start}: cannot read the row: {exc}")
            break
        line = start
        if not any(c.strip() for c in rec):
            continue
        if len(rec) != len(COLUMNS):
            problems.append(f"{name}, line {line}: {len(rec)} fields, expected {len(COLUMNS)}")
            continue
        raw = dict(zip(COLUMNS, rec))
        row: dict = {"_file": name, "_line": line}
        ok = True
        for col, dtype in SCHEMA.items():
            s = raw[col]
            if dtype == pl.Utf8:
                row[col] = s.strip() if col not in ("note", "printed") else (s.strip() or None)
                continue
            if dtype == pl.Float64 and not s.strip():
                row[col] = None          # missing is not zero: value_status says why
                continue
            try:
                if dtype == pl.Float64:
                    row[col] = float(s.strip())
                elif dtype == pl.Int64:
                    row[col] = int(s.strip())
                else:
                    b = _parse_bool(s)
                    if b is None:
                        raise ValueError
                    row[col] = b
            except ValueError:
                kind = {pl.Float64: "a number", pl.Int64: "a whole number", pl.Boolean: "true or false"}[dtype]
                problems.append(f"{name}, line {line}, field '{col}': must be {kind} (got {s!r})")
                ok = False
        if ok:
            rows.append(row)
    return rows


def _schema_problems(df: pl.DataFrame, err: SchemaErrors | SchemaError) -> list[str]:
    cases = err.failure_cases if isinstance(err, SchemaErrors) else getattr(err, "failure_cases", None)
    if cases is None or not isinstance(cases, pl.DataFrame) or "index" not in cases.columns:
        return [f"the published figures do not match the schema: {err}"]
    out = []
    for case in cases.iter_rows(named=True):
        idx = case.get("index")
        check = str(case.get("check") or "")
        field = CHECK_FIELD.get(check, case.get("column") or "")
        if idx is None:
            out.append(f"field '{field}': {check} failed ({case.get('failure_case')})")
            continue
        row = df.row(int(idx), named=True)
        where = f"{row['_file']}, line {row['_line']}, field '{field}'"
        if check == "one_primary_per_key":
            key = tuple(row[k] for k in KEY)
            same = df.filter(pl.all_horizontal([pl.col(k) == row[k] for k in KEY]))
            n = int(same["primary"].sum())
            lines = ", ".join(f"{f}:{ln}" for f, ln in same.select("_file", "_line").iter_rows())
            out.append(f"{where}: {n} primary rows for key {key} (rows at {lines}); exactly one must be primary")
        elif check == "row_key_known":
            out.append(f"{where}: {row['row_key']!r} is not a row of table {row['table_no']}")
        elif check == "value_matches_status":
            out.append(f"{where}: value {row['value']!r} with value_status {row['value_status']!r} and printed "
                       f"{row['printed']!r}: a number is given exactly when value_status is 'value'; 'dash' prints "
                       f"'-' or '—'")
        elif check == "col_key_known":
            out.append(f"{where}: {row['col_key']!r} is not a column of table {row['table_no']}")
        else:
            value = row.get(field, case.get("failure_case"))
            out.append(f"{where}: {_explain(check)} (got {value!r})")
    return out


def _explain(check: str) -> str:
    """A pandera check name in words."""
    import re

    m = re.fullmatch(r"(\w+)\((.*)\)", check)
    name, arg = (m.group(1), m.group(2)) if m else (check, "")
    return {
        "greater_than_or_equal_to": f"must be >= {arg}",
        "less_than_or_equal_to": f"must be <= {arg}",
        "isin": f"must be one of {arg}",
        "str_matches": f"must match {arg}",
        "not_nullable": "must not be empty",
        "non_empty": "must not be empty",
        "period_known": "is not a period of config/periods.yaml",
        "finite": "must be a finite number",
    }.get(name, f"fails the check {check}")


def _order(msg: str) -> tuple:
    import re

    m = re.match(r"(.*?), line (\d+)", msg)
    return (m.group(1), int(m.group(2)), msg) if m else ("", 0, msg)


def load_published(path: Path | None = None) -> pl.DataFrame:
    """Every published figure of `path` (a CSV file or a directory of them; default data/published/),
    validated; columns as in the CSV, typed."""
    problems: list[str] = []
    rows: list[dict] = []
    for f in _files(path):
        rows.extend(_read_file(f, problems))
    if problems:
        raise PublishedDataError(problems)
    df = pl.DataFrame(rows, schema={"_file": pl.Utf8, "_line": pl.Int64, **SCHEMA}, orient="row") if rows else \
        pl.DataFrame(schema={"_file": pl.Utf8, "_line": pl.Int64, **SCHEMA})
    if df.height == 0:
        raise PublishedDataError([f"{', '.join(_shown(f) for f in _files(path))}: no figures"])
    try:
        PublishedFigures.validate(df, lazy=True)
    except (SchemaErrors, SchemaError) as err:
        msgs = _schema_problems(df, err)
        raise PublishedDataError(sorted(set(msgs), key=_order)) from None
    return df.select(list(COLUMNS))


def load_choices(path: Path | None = None, published: pl.DataFrame | None = None) -> pl.DataFrame:
    """data/published/choices.csv: one row per cell where the example cards follow one reading of a
    self-contradicting report — period, table_no, row_key, col_key, the value the report prints there
    (`published`, empty when the report has no such cell), the value the cards give (`used`) and the reason in
    Russian and English. Validated: columns, numbers, both reasons present, one row per cell, and (given the
    published figures) `published` equal to the cell's primary printing. A bad file raises
    PublishedDataError naming file, line and field."""
    path = Path(path) if path is not None else default_dir() / CHOICES_FILE
    schema = {"period": pl.Utf8, "table_no": pl.Utf8, "row_key": pl.Utf8, "col_key": pl.Utf8,
              "published": pl.Float64, "used": pl.Float64, "reason_ru": pl.Utf8, "reason_en": pl.Utf8}
    if not path.exists():
        return pl.DataFrame(schema=schema)
    name = _shown(path)
    problems: list[str] = []
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader, [])]
    if tuple(header) != CHOICE_COLUMNS:
        raise PublishedDataError([f"{name}, line 1: the header must be {','.join(CHOICE_COLUMNS)}"])
    rows, seen = [], {}
    for rec in reader:
        line = reader.line_num
        if not any(c.strip() for c in rec):
            continue
        if len(rec) != len(CHOICE_COLUMNS):
            problems.append(f"{name}, line {line}: {len(rec)} fields, expected {len(CHOICE_COLUMNS)}")
            continue
        row = {k: v.strip() for k, v in zip(CHOICE_COLUMNS, rec)}
        for k in ("period", "table_no", "row_key", "col_key", "reason_ru", "reason_en"):
            if not row[k]:
                problems.append(f"{name}, line {line}, field '{k}': must not be empty")
        for k in ("published", "used"):
            try:
                row[k] = float(row[k]) if row[k] else None
            except ValueError:
                problems.append(f"{name}, line {line}, field '{k}': must be a number or empty (got {row[k]!r})")
                row[k] = None
        key = (row["period"], row["table_no"], row["row_key"], row["col_key"])
        if key in seen:
            problems.append(f"{name}, line {line}, field 'col_key': a second choice for the cell {key} (line {seen[key]})")
        seen[key] = line
        if published is not None:
            hit = published.filter((pl.col("period") == key[0]) & (pl.col("table_no") == key[1])
                                   & (pl.col("row_key") == key[2]) & (pl.col("col_key") == key[3]) & pl.col("primary"))
            printed = hit["value"][0] if hit.height else None
            if (printed is None) != (row["published"] is None) or (
                    printed is not None and abs(printed - row["published"]) > 1e-9):
                problems.append(f"{name}, line {line}, field 'published': {row['published']!r}, but the published "
                                f"figure of {key} is {printed!r}")
        rows.append(row)
    if problems:
        raise PublishedDataError(problems)
    return pl.DataFrame(rows, schema=schema, orient="row")
