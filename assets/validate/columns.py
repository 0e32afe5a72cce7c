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
from assets.validate.coerce import EXCEL_ERROR, INVISIBLE_RX, LOST_LETTER, Problem, coerce_value
from schemas.card import spec

# what core.typed.not_text refuses as a Rust regular expression (C0 but \t \n \r, DEL and C1; the bidi controls)
CONTROL_RX = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x{9f}\x{202a}-\x{202e}\x{2066}-\x{2069}]"
# a text value coerce_value must see: nothing but spaces and invisible characters (empty), or a spreadsheet's error
_BLANK_RX = r"^[\s" + INVISIBLE_RX[1:-1] + r"]*$"
_INVISIBLE_ONLY_RX = r"^\s*" + INVISIBLE_RX + r"[\s" + INVISIBLE_RX[1:-1] + r"]*$"
_EXCEL_ERROR_RX = r"^\s*(?:" + EXCEL_ERROR + r")\s*$"
_EXCEL_OR_LOST_RX = "(?:" + _EXCEL_ERROR_RX + ")|(?:" + LOST_LETTER + ")"
COUNTS = ("detained", "preventive_detentions", "police_count")  # left empty: not known, unless the card says (fill_counts)


def fill_counts(values: dict, failed) -> None:
    """A count left empty is not known (None: missing everywhere, never 0), unless the card's other fields
    say what it is (`values`: one card's typed values, changed in place; `failed`: the fields given but
    unreadable, which stay empty):
    - police_count is 0 when police_present is false (no police seen: none to count);
    - preventive_detentions is 0 when detained is 0 (the preventive ones are counted among the detained);
    - at a prevented assembly (it never began) every detention was before it began: detained and
      preventive_detentions count the same persons, so either left empty is the other.
    _card_defaults does the same over a frame."""
    given = {n: values.get(n) for n in COUNTS}
    prevented = values.get("event_status") == "prevented"
    if given["police_count"] is None and "police_count" not in failed and values.get("police_present") is False:
        values["police_count"] = 0
    if given["detained"] is None and "detained" not in failed and prevented:
        values["detained"] = given["preventive_detentions"]
    if given["preventive_detentions"] is None and "preventive_detentions" not in failed:
        if given["detained"] == 0:
            values["preventive_detentions"] = 0
        elif prevented:
            values["preventive_detentions"] = given["detained"]


class _Answers:
    """coerce_value's answers for one field, kept across calls (a period typed file by file): the raw
    values seen so far, in the order first seen, with their typed value and problem; and the same as
    Polars columns (an Enum of the values, the typed values and whether each failed, by the Enum's
    position), so that a column is typed by one cast and a gather, not a hash map built per call."""

    def __init__(self, f):
        self.f = f
        self.known: dict = {}  # raw value -> (typed value or None, Problem or None)
        self._keys = pl.Series([], dtype=pl.Utf8)
        self._typed = pl.Series([], dtype=f.polars_dtype)
        self._bad = pl.Series([], dtype=pl.Boolean)
        self._enum = None

    def add(self, values, lim) -> None:
        new = [v for v in values if v not in self.known]
        if not new:
            return
        got = [coerce_value(self.f, v, lim) for v in new]
        self.known.update(zip(new, got))
        self._keys.append(pl.Series(new, dtype=pl.Utf8))
        self._typed.append(pl.Series([val if p is None else None for val, p in got], dtype=self.f.polars_dtype))
        self._bad.append(pl.Series([p is not None for _, p in got], dtype=pl.Boolean))
        self._enum = None

    def columns(self) -> tuple[pl.DataType, pl.Series, pl.Series]:
        """(the Enum of the values seen, their typed values, whether each has a problem), in one order."""
        if self._enum is None:
            self._keys, self._typed, self._bad = self._keys.rechunk(), self._typed.rechunk(), self._bad.rechunk()
            self._enum = pl.Enum(self._keys)
        return self._enum, self._typed, self._bad


def coerce_columns(kind: str, raw: pl.DataFrame, cache: dict | None = None,
                   controls: bool = True) -> tuple[pl.DataFrame, list[tuple[int, int, Problem]]]:
    """(typed frame: every field of `kind` in card.yaml's order with its dtype, then `_i`;
    problems as (_i, field position, Problem)). `cache` ((kind, field) -> its _Answers) keeps the
    answers across calls: a period typed file by file asks coerce_value once per distinct value.
    `controls=False`: no value holds a control character (fastcsv.Table.controls), so none is looked for."""
    fields = spec().fields(kind)
    lim = limits()
    cache = {} if cache is None else cache
    raw = raw.with_columns(pl.lit(None, dtype=pl.Utf8).alias(n) for n in fields if n not in raw.columns)
    text = [n for n, f in fields.items() if f.type == "text"]
    links = [n for n, f in fields.items() if f.type == "links"]
    other = [n for n in fields if n not in text]
    answers = {n: cache.setdefault((kind, n), _Answers(fields[n])) for n in other}

    def plain_link(n: str) -> pl.Expr:  # one http(s) link: typed as a column (mostly one distinct link per card)
        s = pl.col(n).str.strip_chars()
        e = s.str.contains(r"^https?://[^\s;]+$") & (s.str.len_bytes() <= lim.max_field_chars)
        return (e & ~s.str.contains(CONTROL_RX) if controls else e).fill_null(False)

    def physical(names: list[str]) -> pl.DataFrame:  # each value's position among its field's answered values (null: none)
        return raw.select(*[pl.col(n).cast(answers[n].columns()[0], strict=False).to_physical().alias(n) for n in names])

    # 1. each value's place among the values answered so far; 2. Python once per value not answered yet
    # (a value not among them has no place: those are few after a period's first files), then their places
    plain = raw.select(*[plain_link(n).alias(n) for n in links])
    phys = physical(other)
    todo: dict[str, pl.Series] = {}
    for n in other:
        if phys[n].null_count() > raw[n].null_count():  # some value has no place (plain links never have one)
            unknown = phys[n].is_null() & raw[n].is_not_null()
            if n in links:
                unknown = unknown & ~plain[n]
            values = raw[n].filter(unknown).unique()
            if values.len():
                answers[n].add(values.to_list(), lim)
                todo[n] = unknown.arg_true()

    def placed(n: str, at: pl.Series) -> pl.Series:  # the rows without a place placed among the values now answered
        # only those rows cast again (a few hundred of a file's rows, e.g. a heavy-tailed count's new values):
        # the answers keep their order as they grow, so every other row's place stays what it was
        new = raw[n].gather(at).cast(answers[n].columns()[0], strict=False).to_physical().cast(pl.UInt32)
        return phys[n].cast(pl.UInt32).scatter(at, new)

    if todo:
        phys = phys.with_columns(*[placed(n, at) for n, at in todo.items()])
    # 3. the typed columns and each value's problem flag, by the place of the value
    exprs = []
    flags = []
    for n, f in fields.items():
        if n in text:  # stripped, empty as null (`replace`: one pass, not a when/then over every text)
            exprs.append(pl.col(n).str.strip_chars().replace("", None).alias(n))
            continue
        _, typed_of, bad_of = answers[n].columns()
        e = pl.lit(typed_of).gather(phys[n]) if typed_of.len() else pl.lit(None, dtype=f.polars_dtype)
        if n in links:
            e = pl.when(plain[n]).then(pl.col(n).str.strip_chars()).otherwise(e)
        exprs.append(e.alias(n))
        bad = pl.lit(bad_of).gather(phys[n]).fill_null(False) if bad_of.any() else None
        if f.required:
            bad = pl.col(n).is_null() if bad is None else (bad | pl.col(n).is_null())
        if bad is not None:
            flags.append(bad.alias(n))

    def suspect(n: str) -> pl.Expr:  # a text value that may hold a problem: coerce_value decides
        # judged on the value as received, not stripped (no copy of every text): stripping only shortens
        # a value and removes no control character that is not also whitespace at its ends, so these
        # rows are a superset of the stripped value's suspects, and coerce_value decides each alike
        s = pl.col(n)
        e = s.str.len_bytes() > lim.max_field_chars
        if controls:
            e = e | s.str.contains(CONTROL_RX)
        if fields[n].required:
            e = e | s.is_null() | s.str.contains(_BLANK_RX)  # empty once stripped (of invisible characters too)
        else:
            e = e | s.str.contains(_INVISIBLE_ONLY_RX)  # invisible characters alone: empty
        e = e | s.str.contains(_EXCEL_OR_LOST_RX)  # one pass: a spreadsheet's error, or a letter lost
        if fields[n].pattern:  # not of the field's form (card.yaml pattern): coerce_value words why
            e = e | ~s.str.strip_chars().str.contains(fields[n].pattern)
        return e.fill_null(False)

    typed = raw.select(*exprs, pl.col("_i").cast(pl.Int64))
    del phys
    # 4. the rows with a problem (few): their problems, and the suspect text values as coerce_value types them
    pos = {n: k for k, n in enumerate(fields)}
    problems: list[tuple[int, int, Problem]] = []
    if flags:
        flagged = raw.select(*flags)
        hit = flagged.select(pl.any_horizontal(pl.all())).to_series()
        if hit.any():
            names = flagged.columns
            null_problem = {n: coerce_value(fields[n], None, lim)[1] for n in names if fields[n].required}
            rows = raw.select("_i", *names).filter(hit)
            for i, values, marks in zip(rows["_i"], rows.select(names).iter_rows(), flagged.filter(hit).iter_rows()):
                for n, v, m in zip(names, values, marks):
                    if m:
                        problems.append((i, pos[n], null_problem[n] if v is None else answers[n].known[v][1]))
    masks = raw.select(*[suspect(n).alias(n) for n in text])
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
    """As validate_period does record by record: the bounds default to the best estimate; a count left
    empty stays empty (not known) unless the card says what it is (fill_counts), nor one given and unreadable."""
    failed = {n: [i for i, _, p in problems if p.field == n] for n in COUNTS}
    empty = {n: pl.col(n).is_null() & ~pl.col("_i").is_in(failed[n]) for n in COUNTS}
    prevented = (pl.col("event_status") == "prevented").fill_null(False)
    return typed.with_columns(
        pl.col("participants_low").fill_null(pl.col("participants")),
        pl.col("participants_high").fill_null(pl.col("participants")),
        pl.when(empty["police_count"] & (pl.col("police_present") == False).fill_null(False))  # noqa: E712
        .then(0).otherwise(pl.col("police_count")).alias("police_count"),
        pl.when(empty["detained"] & prevented).then(pl.col("preventive_detentions")).otherwise(pl.col("detained")).alias("detained"),
        pl.when(empty["preventive_detentions"] & (pl.col("detained") == 0).fill_null(False)).then(0)
        .when(empty["preventive_detentions"] & prevented).then(pl.col("detained"))
        .otherwise(pl.col("preventive_detentions")).alias("preventive_detentions"),
    )
