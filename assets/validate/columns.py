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


def coerce_columns(kind: str, raw: pl.DataFrame) -> tuple[pl.DataFrame, list[tuple[int, int, Problem]]]:
    """(typed frame: every field of `kind` in card.yaml's order with its dtype, then `_i`;
    problems as (_i, field position, Problem))."""
    fields = spec().fields(kind)
    lim = limits()
    exprs: list[pl.Expr] = []
    problems: list[tuple[int, int, Problem]] = []
    fixes: dict[str, dict[int, object]] = {}
    for pos, (name, f) in enumerate(fields.items()):
        dtype = f.polars_dtype
        if name not in raw.columns:
            raw = raw.with_columns(pl.lit(None, dtype=pl.Utf8).alias(name))
        col = raw[name]
        if f.type == "text":
            stripped = col.str.strip_chars()
            suspect = (stripped.str.len_chars() > lim.max_field_chars) | stripped.str.contains(CONTROL_RX)
            if f.required:
                suspect = suspect | stripped.is_null() | (stripped == "")
            suspect = suspect.fill_null(False)
            if suspect.any():
                for i, v in raw.filter(suspect).select("_i", name).iter_rows():
                    value, problem = coerce_value(f, v, lim)
                    if problem is not None:
                        problems.append((i, pos, problem))
                    fixes.setdefault(name, {})[i] = value
            exprs.append(pl.when(pl.col(name).str.strip_chars() == "").then(None)
                         .otherwise(pl.col(name).str.strip_chars()).alias(name))
            continue
        plain = None
        if f.type == "links":  # mostly one distinct link per card: the plain single link is typed as a column
            stripped = col.str.strip_chars()
            plain = (stripped.str.contains(r"^https?://[^\s;]+$") & ~stripped.str.contains(CONTROL_RX)
                     & (stripped.str.len_chars() <= lim.max_field_chars)).fill_null(False)
            col = col.filter(~plain)
        answers = {v: coerce_value(f, v, lim) for v in col.drop_nulls().unique().to_list()}
        bad = {v: p for v, (_, p) in answers.items() if p is not None}
        if bad:
            for i, v in raw.filter(pl.col(name).is_in(list(bad))).select("_i", name).iter_rows():
                problems.append((i, pos, bad[v]))
        if f.required and raw[name].null_count():
            _, p = coerce_value(f, None, lim)
            problems += [(i, pos, p) for i in raw.filter(pl.col(name).is_null())["_i"].to_list()]
        good = {v: val for v, (val, p) in answers.items() if p is None and val is not None}
        if plain is not None:
            exprs.append(pl.when(pl.lit(plain)).then(pl.col(name).str.strip_chars()).otherwise(
                pl.col(name).replace_strict(list(good), list(good.values()), default=None, return_dtype=dtype)).alias(name))
        elif good:
            exprs.append(pl.col(name).replace_strict(list(good), list(good.values()), default=None, return_dtype=dtype).alias(name))
        else:
            exprs.append(pl.lit(None, dtype=dtype).alias(name))
    typed = raw.select(*exprs, pl.col("_i").cast(pl.Int64))
    for name, by_i in fixes.items():  # the suspect text values, as coerce_value typed them
        patch = pl.DataFrame({"_i": list(by_i), name: list(by_i.values())}, schema={"_i": pl.Int64, name: pl.Utf8})
        typed = typed.join(patch, on="_i", how="left", suffix="__fix").with_columns(
            pl.when(pl.col("_i").is_in(patch["_i"].implode())).then(pl.col(f"{name}__fix")).otherwise(pl.col(name)).alias(name)
        ).drop(f"{name}__fix")
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
