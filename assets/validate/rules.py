"""The pandera schemas of typed cards and persons, built from schemas/card.yaml, and the
cross-field rules of the methodology — each with the sentence a monitor reads in quarantine.

Element checks (types, codes, ranges, the period's dates, unique ids) are column checks;
cross-field rules are dataframe checks whose name is the rule id (a card's rules, CARD_RULES, live in
schemas/card_rules.py, where the media review import reads them too; a person's are below).
"""
from __future__ import annotations

import pandera.polars as pa
import polars as pl

from assets.core.periods import Period
from schemas.card import spec
from schemas.card_rules import CARD_RULES, Rule, _ok  # noqa: F401 (the card's cross-field rules live in schemas/)

# a name cell that holds several persons ("Иванов И.И., Петров П.П.", "Иванов Иван; Петров Пётр", "Иванов Иван и Петров
# Пётр"): each person is a row of their own (their own pseudonym, detention, court outcome); never "Ли, Жанна" (one
# person, surname first) nor "Иванова Анна, 1980 г.р." (Rust regex: no look-around)
_UP = "А-ЯЁӘҒҚҢӨҰҮҺІA-Z"
_LOW = "а-яёәғқңөұүһіa-z"
SEVERAL_PERSONS_RX = (rf"\S\s*;\s*\S|[{_UP}]\.\s*(?:[{_UP}]\.)?\s*,\s*[{_UP}][{_LOW}]+|"
                      rf"[{_UP}]\.\s*(?:[{_UP}]\.\s*)?[{_UP}][{_LOW}-]+\s*,\s*[{_UP}]\.|"
                      rf"^\s*[{_UP}][{_LOW}-]+\s+[{_UP}][{_LOW}.-]*[^,]*,\s*[{_UP}][{_LOW}-]+\s+[{_UP}]|"
                      rf"^\s*[{_UP}][{_LOW}-]+\s+[{_UP}][{_LOW}.-]*\s+(?:и|мен|және)\s+[{_UP}][{_LOW}-]+\s+[{_UP}]")

PERSON_RULES: dict[str, Rule] = {
    "one_person_per_row": Rule(
        ("name",),
        lambda: _ok(~pl.col("name").str.contains(SEVERAL_PERSONS_RX)),
        lambda r: (f"the name '{r['name']}' holds more than one person: write one person per row, each with a person_id "
                   "of their own (their detention and court outcome are theirs)"),
    ),
    "fine_needs_amount": Rule(
        ("fine_mrp", "court_outcome"),
        lambda: _ok(~((pl.col("court_outcome") == "fine") & ~(pl.col("fine_mrp") > 0).fill_null(False))),
        lambda r: "the court outcome is a fine: give the fine in MRP (fine_mrp)",
    ),
    "arrest_needs_days": Rule(
        ("arrest_days", "court_outcome"),
        lambda: _ok(~((pl.col("court_outcome") == "arrest") & ~(pl.col("arrest_days") > 0).fill_null(False))),
        lambda r: "the court outcome is an arrest: give its length in days (arrest_days)",
    ),
    "person_id_unique": Rule(
        ("person_id", "card_id"),
        lambda: ~pl.struct("card_id", "person_id").is_duplicated(),
        lambda r: f"person id '{r['person_id']}' is used twice on card '{r['card_id']}'",
    ),
}


def _column_checks(f, period: Period | None) -> list[tuple[pa.Check, pl.Expr]]:
    """A field's element checks: pandera's check, and the polars expression pandera evaluates for it
    (its builtin `ge`, `isin`, `in_range`; True where the value passes, null where it is null)."""
    col = pl.col(f.name)
    checks = []
    if f.type == "int":
        checks.append((pa.Check.ge(0), col.ge(0)))
    if f.type == "code":
        codes = sorted(f.codes)
        checks.append((pa.Check.isin(codes), col.is_in(codes)))
    if f.type == "date" and f.name == "date" and period is not None:
        checks.append((pa.Check.in_range(period.start, period.end), col.ge(period.start).and_(col.le(period.end))))
    return checks


def _column(f, period: Period | None) -> pa.Column:
    return pa.Column(f.polars_dtype, checks=[c for c, _ in _column_checks(f, period)], nullable=not f.required)


def _frame_checks(rules: dict[str, Rule]) -> list[pa.Check]:
    return [
        pa.Check(lambda data, rule=rule: data.lazyframe.select(rule.expr()), name=rid)
        for rid, rule in rules.items()
    ]


def card_schema(period: Period | None) -> pa.DataFrameSchema:
    cols = {name: _column(f, period) for name, f in spec().card.items()}
    return pa.DataFrameSchema(cols, checks=_frame_checks(CARD_RULES), name="card", strict=False)


def person_schema() -> pa.DataFrameSchema:
    cols = {name: _column(f, None) for name, f in spec().person.items()}
    return pa.DataFrameSchema(cols, checks=_frame_checks(PERSON_RULES), name="person", strict=False)


def passes_every_check(df: pl.DataFrame, kind: str, period: Period | None) -> bool:
    """True only if pandera's validation of `df` by the kind's schema (card_schema / person_schema) finds
    nothing: every field present with exactly its dtype, no null in a required field (nor NaN in a float
    one), every element check and every cross-field rule true or null (pandera's `ignore_na`). One polars
    pass instead of pandera's ~40 (a column at a time, ~0.02 CPU s a frame); a frame that is not certain to
    pass (a missing column, another dtype, a failing value) goes to pandera, which names every failure."""
    fields = spec().fields(kind)
    schema = df.schema
    exprs = []
    for name, f in fields.items():
        if schema.get(name) != f.polars_dtype:
            return False
        if f.required:
            exprs.append(pl.col(name).is_not_null() & pl.col(name).is_not_nan() if schema[name].is_float()
                         else pl.col(name).is_not_null())
        exprs += [e | e.is_null() for _, e in _column_checks(f, period)]
    exprs += [e | e.is_null() for e in (rule.expr() for rule in (CARD_RULES if kind == "card" else PERSON_RULES).values())]
    if not df.height:
        return True
    try:
        return all(df.select(e.all().alias(str(k)) for k, e in enumerate(exprs)).row(0))
    except pl.exceptions.PolarsError:  # e.g. a rule's column absent: pandera says what is wrong
        return False


def column_message(kind: str, field: str, check: str, value: str, period: Period | None) -> str:
    f = spec().fields(kind)[field]
    what = f"'{f.ru}' ({field})"
    if check.startswith("greater_than_or_equal_to"):
        return f"{what}: '{value}' is negative; it cannot be below zero"
    if check.startswith("isin"):
        return f"{what}: '{value}' is not one of the codes: {', '.join(f.codes)}"
    if (check == "in_period" or check.startswith("in_range")) and field == "date" and period is not None:
        return f"{what}: {value} lies outside the monitoring period {period.id} ({period.start} – {period.end}); put the card in the folder of its period"
    if check == "not_nullable":
        return f"{what} is required but empty"
    if check.startswith("dtype"):
        return f"{what}: '{value}' has the wrong type"
    return f"{what}: '{value}' fails the check {check}"
