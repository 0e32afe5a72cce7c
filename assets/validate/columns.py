"""Typing whole columns: the coercions of schemas/card.yaml over a frame of raw values, with the
same values and the same problems as coerce.coerce_record gives record by record.

Input: one Utf8 column per field (null where the record has no such column) and `_i` (the
record's position in raw_records). A field's typed value and its problem depend on its raw value
alone (coerce.coerce_value), so:

- a field of few distinct values (numbers, dates, times, yes/no, codes, cities, links) is typed
  by calling coerce_value once per DISTINCT value and mapping the column through the answers;
- a text field (mostly distinct values) is stripped as a column expression; only the values that
  may hold a problem (empty but required, too long, a control character) go to coerce_value.

Python therefore runs per distinct value and per failing row, never per record.
"""
from __future__ import annotations

import polars as pl

from assets.core.limits import limits
from assets.validate.coerce import Problem, coerce_value
from schemas.card import spec

# coerce.CONTROL as a Rust regular expression (C0 but \t \n \r, DEL and C1)
CONTROL_RX = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x{9f}]"
COUNT_DEFAULTS = ("detained", "preventive_detentions", "police_count")  # 0 when empty (validate_period)


def coerce_columns(kind: str, raw: pl.DataFrame, cache: dict | None = None) -> tuple[pl.DataFrame, list[tuple[int, int, Problem]]]:
    """(typed frame: every field of `kind` in card.yaml's order with its dtype, then `_i`;
    problems as (_i, field position, Problem)). `cache` ((kind, field) -> {value: coerce_value's
    answer}) keeps the answers across calls: a period typed file by file asks once per distinct value."""
    fields = spec().fields(kind)
    lim = limits()
    raw = raw.with_columns(pl.lit(None, dtype=pl.Utf8).alias(n) for n in fields if n not in raw.columns)
    text = [n for n, f in fields.items() if f.type == "text"]
    links = [n for n, f in fields.items() if f.type == "links"]
    other = [n for n in fields if n not in text]

    def plain_link(n: str) -> pl.Expr:  # one http(s) link: typed as a column (mostly one distinct link per card)
        s = pl.col(n).str.strip_chars()
        return (s.str.contains(r"^https?://[^\s;]+$") & ~s.str.contains(CONTROL_RX)
                & (s.str.len_bytes() <= lim.max_field_chars)).fill_null(False)

    def suspect(n: str) -> pl.Expr:  # a text value that may hold a problem: coerce_value decides
        # judged on the value as received, not stripped (no copy of every text): stripping only shortens
        # a value and removes no control character that is not also whitespace at its ends, so these
        # rows are a superset of the stripped value's suspects, and coerce_value decides each alike
        s = pl.col(n)
        e = (s.str.len_bytes() > lim.max_field_chars) | s.str.contains(CONTROL_RX)
        if fields[n].required:
            e = e | s.is_null() | s.str.contains(r"^\s*$")  # empty once stripped
        return e.fill_null(False)

    # 1. every column's distinct values (but text and plain links) and the suspect text rows, in one pass
    distinct = raw.select(*[pl.col(n).filter(~plain_link(n)).unique().implode() if n in links else pl.col(n).unique().implode()
                            for n in other]).row(0) if other else ()
    masks = raw.select(*[suspect(n).alias(n) for n in text])
    # 2. Python once per distinct value
    answers: dict[str, dict] = {}
    for n, values in zip(other, distinct):
        known = {} if cache is None else cache.setdefault((kind, n), {})
        for v in values:
            if v is not None and v not in known:
                known[v] = coerce_value(fields[n], v, lim)
        answers[n] = known if cache is None else {v: known[v] for v in values if v is not None}
    # 3. the typed columns, in one pass
    exprs = []
    for n, f in fields.items():
        if n in text:
            s = pl.col(n).str.strip_chars()
            exprs.append(pl.when(s == "").then(None).otherwise(s).alias(n))
            continue
        good = {v: val for v, (val, p) in answers[n].items() if p is None and val is not None}
        e = pl.col(n).replace_strict(list(good), list(good.values()), default=None, return_dtype=f.polars_dtype) if good \
            else pl.lit(None, dtype=f.polars_dtype)
        if n in links:
            e = pl.when(plain_link(n)).then(pl.col(n).str.strip_chars()).otherwise(e)
        exprs.append(e.alias(n))
    typed = raw.select(*exprs, pl.col("_i").cast(pl.Int64))
    # 4. the rows with a problem (few): their problems, and the suspect text values as coerce_value types them
    pos = {n: k for k, n in enumerate(fields)}
    problems: list[tuple[int, int, Problem]] = []
    for n in other:
        bad = {v: p for v, (_, p) in answers[n].items() if p is not None}
        if bad:
            for i, v in raw.select("_i", n).filter(pl.col(n).is_in(list(bad))).iter_rows():
                problems.append((i, pos[n], bad[v]))
        if fields[n].required and raw[n].null_count():
            _, p = coerce_value(fields[n], None, lim)
            problems += [(i, pos[n], p) for i in raw.select("_i", n).filter(pl.col(n).is_null())["_i"].to_list()]
    for n in text:
        if not masks[n].any():
            continue
        fixed = []
        for i, v in raw.select("_i", n).filter(masks[n]).iter_rows():
            value, p = coerce_value(fields[n], v, lim)
            if p is not None:
                problems.append((i, pos[n], p))
            fixed.append(value)
        typed = typed.with_columns(typed[n].scatter(masks[n].arg_true(), pl.Series(fixed, dtype=pl.Utf8)))
    if kind == "card":
        typed = _card_defaults(typed, problems)
    problems.sort(key=lambda t: (t[0], t[1]))
    return typed, problems


def _card_defaults(typed: pl.DataFrame, problems: list[tuple[int, int, Problem]]) -> pl.DataFrame:
    """As validate_period does record by record: the bounds default to the best estimate; a count
    left empty is 0, unless it was given and could not be read."""
    failed = {n: [i for i, _, p in problems if p.field == n] for n in COUNT_DEFAULTS}
    return typed.with_columns(
        pl.col("participants_low").fill_null(pl.col("participants")),
        pl.col("participants_high").fill_null(pl.col("participants")),
        *[pl.when(pl.col(n).is_null() & ~pl.col("_i").is_in(failed[n])).then(0).otherwise(pl.col(n)).alias(n)
          for n in COUNT_DEFAULTS],
    )
