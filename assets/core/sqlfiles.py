"""SQL text lives in sql/*.sql (issue 14): `sql("exports/figures")` is the text of sql/exports/figures.sql,
read once and cached. Values are bound parameters ($name or ?), never formatted in.

Where a statement must name a table chosen at run time (replacing a partition of any warehouse table),
the .sql file writes the identifier as `__table__`, and `for_table` puts in a name only from TABLES, the
allow-list of the warehouse's tables (the tables and views its DDL files create). Nothing else is spliced.
"""
from __future__ import annotations

import re
from functools import lru_cache

from core import settings

_CREATED = re.compile(r"CREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?\"?(\w+)\"?", re.I)
_DDL_DIRS = ("tables", "media")


@lru_cache(maxsize=None)
def sql(name: str) -> str:
    """The text of sql/<name>.sql (read once)."""
    path = settings.sql_dir() / f"{name}.sql"
    if not path.is_file():
        raise FileNotFoundError(f"no SQL file {path}")
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def tables() -> frozenset[str]:
    """The allow-list: every table and view the warehouse's DDL (sql/tables/, sql/media/) creates."""
    names: set[str] = set()
    for d in _DDL_DIRS:
        for f in sorted((settings.sql_dir() / d).glob("*.sql")):
            names.update(m.group(1) for m in _CREATED.finditer(f.read_text(encoding="utf-8")))
    return frozenset(names)


def check_table(table: str, allowed: frozenset[str] | set[str] | None = None) -> str:
    """`table` itself if it is one of the warehouse's tables (or of `allowed`, names read from the
    warehouse's own catalog); else a ValueError."""
    allowed = tables() if allowed is None else allowed
    if table not in allowed:
        raise ValueError(f"{table!r} is not a table of the warehouse (allowed: {', '.join(sorted(allowed))})")
    return table


_COLUMN = re.compile(r"\w+")


def for_table(name: str, table: str, column: str | None = None, allowed: frozenset[str] | set[str] | None = None) -> str:
    """sql/<name>.sql with its `__table__` identifier set to an allow-listed warehouse table (and its
    `__column__` to a column name, which must be a plain identifier (letters, digits, _))."""
    text = sql(name).replace("__table__", check_table(table, allowed))
    if column is not None:
        if not _COLUMN.fullmatch(column):
            raise ValueError(f"{column!r} is not a column name of the warehouse")
        text = text.replace("__column__", column)
    return text
