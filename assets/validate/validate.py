"""Validating one period: raw records -> clean cards and persons + quarantine.

Every raw record ends in exactly one place: its clean table, or quarantine (one quarantine row per
problem, so a card with two mistakes shows both). A file that could not be read at all appears in
quarantine as one row of kind 'file'.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from types import SimpleNamespace

import polars as pl
from pandera.errors import SchemaErrors

from assets.core.periods import Period
from assets.core.sqlfiles import sql
from assets.core import raw
from assets.core.raw import NOT_READ, notes_of
from assets.validate import columns, pseudonym, rules
from assets.validate.coerce import INVISIBLE_RX, Problem, coerce_record, fields_of, id_key, shown
from schemas.card import header_aliases, normalise_header, spec

QUARANTINE_COLUMNS = {
    "period": pl.Utf8, "record_id": pl.Utf8, "source_file": pl.Utf8, "sheet": pl.Utf8, "row_no": pl.Int64,
    "kind": pl.Utf8, "card_id": pl.Utf8, "field": pl.Utf8, "value": pl.Utf8, "reason": pl.Utf8,
    "rule": pl.Utf8, "severity": pl.Utf8,
}


# the checks that a value is there: not repeated for a field whose value was reported empty or unreadable already
NULL_RULES = ("not_nullable", "participants_required_when_held")


@dataclass
class Result:
    cards: pl.DataFrame          # assemblies held
    persons: pl.DataFrame
    quarantine: pl.DataFrame
    events: pl.DataFrame | None = None   # clean records with event_status refused | prevented (events_not_held)


def _frame(kind: str, rows: list[dict]) -> pl.DataFrame:
    schema = {name: f.polars_dtype for name, f in spec().fields(kind).items()}
    schema["_i"] = pl.Int64
    return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)


def _safe_frame(kind: str, rows: list[dict], problems: dict[int, list[Problem]]) -> pl.DataFrame:
    """The typed frame; should a record's values not fit its columns after all (nothing foreseen
    does), that record is quarantined with the reason and the others go on."""
    try:
        return _frame(kind, rows)
    except Exception:  # noqa: BLE001
        good = []
        for r in rows:
            try:
                _frame(kind, [r])
                good.append(r)
            except Exception as exc:  # noqa: BLE001
                problems.setdefault(r["_i"], []).append(Problem(
                    "", "", f"the record's values cannot be stored ({type(exc).__name__}: {str(exc)[:200]})", "unstorable_record"))
                # keep a row of nulls so that the record still has its place (and its quarantine rows)
                good.append({k: (r["_i"] if k == "_i" else None) for k in r})
        return _frame(kind, good)


def _schema_problems(df: pl.DataFrame, kind: str, period: Period | None) -> dict[int, list[Problem]]:
    """The problems pandera finds in the typed frame of `kind`, by record. A frame certain to pass (one polars
    pass, rules.passes_every_check) is not given to pandera: the same (empty) answer at a tenth of the cost."""
    out: dict[int, list[Problem]] = {}
    if rules.passes_every_check(df, kind, period):
        return out
    schema, rule_set = ((rules.card_schema(period), rules.CARD_RULES) if kind == "card"
                        else (rules.person_schema(), rules.PERSON_RULES))
    try:
        schema.validate(df, lazy=True)
        return out
    except SchemaErrors as exc:
        fc = exc.failure_cases
    fc = fc.filter(pl.col("index").is_not_null())
    at = fc["index"].cast(pl.Int64)
    ids = df["_i"].gather(at).to_list()  # each failing row's record, looked up at once
    framed = (fc["schema_context"] == "DataFrameSchema") & fc["check"].cast(pl.Utf8).is_in(list(rule_set))
    rows = iter(df[at.filter(framed)].iter_rows(named=True))  # the rows a cross-field rule fails, in order
    cases = fc.select("check", "schema_context", "column", "failure_case").iter_rows()  # tuples, not a dict per case
    for (check, context, column, failure), i, whole in zip(cases, ids, framed):
        check = str(check)
        if whole:
            rule = rule_set[check]
            values = next(rows)
            field = rule.fields[0]
            value = "" if values.get(field) is None else shown(values[field])
            out.setdefault(i, []).append(Problem(field, value, rule.message(values), check))
        elif context == "Column":
            col = str(column)
            value = "" if failure is None else shown(failure)
            out.setdefault(i, []).append(
                Problem(col, value, rules.column_message(kind, col, check, value, period), check)
            )
    return {i: _one_per_bad_cell(kind, ps, rule_set) for i, ps in out.items()}


# The fields that default to another field's value when left empty (columns._card_defaults, _by_record).
DEFAULTED_FROM = {"card": {"participants_low": "participants", "participants_high": "participants"}}


def _one_per_bad_cell(kind: str, problems: list[Problem], rule_set: dict) -> list[Problem]:
    """A record's problems naming only what the monitor typed, one per bad cell: a cross-field rule is not
    judged on a value that fails its own check (e.g. "1 detained but only -3 participants" beside
    "participants: -3 is negative"), and a field defaulted from a failing one (participants_low/high copy
    participants when left empty) is not named for the copy (a bound typed with the same value is named once,
    on the field it defaults from). At least the element problems stay: the record stays quarantined."""
    element = {p.field: p for p in problems if p.rule not in rule_set}
    defaults = DEFAULTED_FROM.get(kind, {})
    out = []
    for p in problems:
        if p.rule in rule_set:
            if any(f in element for f in rule_set[p.rule].fields):
                continue
        elif p.field in defaults and defaults[p.field] in element and p.value == element[defaults[p.field]].value:
            continue
        out.append(p)
    return out


def _no_card(card_id: str, alike: dict[str, str]) -> str:
    """Why a person's card id names no card: none has it, or one has it in another case (ids are compared ignoring
    case, so the card is this person's, but a person is linked to its card by the id as written)."""
    other = alike.get(id_key(card_id))
    if other is None or other == card_id:
        return f"there is no card '{card_id}' in this period"
    return (f"there is no card '{card_id}' in this period, but there is '{other}', which differs only in capital letters "
            "or invisible characters: write the card id in the persons' rows exactly as on its card")


def _add_rule_problems(problems: dict[int, list[Problem]], found: dict[int, list[Problem]], rule_set: dict) -> None:
    """The schema's problems `found` added to the records' `problems` so far (the values that could not be read),
    as _one_per_bad_cell words them: a cross-field rule is not judged on a field whose value could not be read
    ("arrest_days: '10-15' is a range" and not also "the outcome is an arrest: give its length in days")."""
    for i, ps in found.items():
        unread = {p.field for p in problems.get(i, ())}
        keep = [p for p in ps if not (p.rule in rule_set and any(f in unread for f in rule_set[p.rule].fields))]
        if keep:
            problems.setdefault(i, []).extend(keep)


def id_key_expr(column: str) -> pl.Expr:
    """coerce.id_key as a column expression (the same key for every id)."""
    return pl.col(column).str.replace_all(INVISIBLE_RX, "").str.normalize("NFKC").str.to_lowercase()


def mark_duplicate_ids(cards: pl.DataFrame, where: dict[int, str], incumbents: dict[str, str]) -> pl.DataFrame:
    """Add `_kept_at`: for every card but one of those sharing an id, where the kept one is.
    The kept one is the record that held the id in the warehouse before (incumbents: card_id ->
    record_id), else the first in file order. `where`: row index -> "file row N" for messages."""
    kept_at: list[str | None] = [None] * cards.height
    rows = list(cards.select("card_id", "_i").iter_rows())
    by_id: dict[str, list[int]] = {}
    for pos, (cid, _) in enumerate(rows):
        if cid:
            by_id.setdefault(id_key(cid), []).append(pos)
    incumbent_of = {id_key(k): v for k, v in incumbents.items()}
    for key, positions in by_id.items():
        if len(positions) < 2:
            continue
        incumbent = incumbent_of.get(key)
        keep = next((p for p in positions if where[rows[p][1]][1] == incumbent), positions[0])
        for p in positions:
            if p != keep:
                same = rows[p][0] == rows[keep][0]
                kept_at[p] = where[rows[keep][1]][0] + ("" if same else f" as '{rows[keep][0]}' (ids are compared ignoring case)")
    return cards.with_columns(pl.Series("_kept_at", kept_at, dtype=pl.Utf8))


def validate_period_by_record(period: Period, raw_records: pl.DataFrame, raw_files: pl.DataFrame,
                              card_ids_elsewhere: dict[str, str] | None = None, incumbents: dict[str, str] | None = None) -> Result:
    """The reference: every record typed one by one in Python (validate_period gives the same
    result column by column; tests/test_vectorised.py holds them to it).
    raw_records: record_id, source_file, sheet, row_no, kind, header and cells (as inbox.ingest gives
    them; assets/core/raw.py), or data (the record's JSON object, as the raw layer held it before).
    raw_files: source_file, problem, warnings (JSON list). card_ids_elsewhere: card_id -> period.
    incumbents: card_id -> record_id of this period's clean cards before this run."""
    card_ids_elsewhere = card_ids_elsewhere or {}
    meta: dict[int, dict] = {}
    typed = {"card": [], "person": []}
    problems: dict[int, list[Problem]] = {}
    texts = raw.record_texts(raw_records)
    for i, rec in enumerate(raw_records.drop("data", "cells", "header", strict=False).iter_rows(named=True)):
        meta[i] = rec
        try:
            data = next(texts)
        except Exception as exc:  # noqa: BLE001 - one record never fails a period
            data = exc
        values, probs = _by_record(rec["kind"], data)
        values["_i"] = i
        typed[rec["kind"]].append(values)
        if probs:
            problems.setdefault(i, []).extend(probs)

    cards = _safe_frame("card", typed["card"], problems)
    where = {i: (_place(m["source_file"], m["sheet"], m["row_no"]), m["record_id"]) for i, m in meta.items()}
    cards = mark_duplicate_ids(cards, where, incumbents or {})
    persons = _safe_frame("person", typed["person"], problems)
    _add_rule_problems(problems, _schema_problems(cards, "card", period), rules.CARD_RULES)
    _add_rule_problems(problems, _schema_problems(persons, "person", None), rules.PERSON_RULES)
    elsewhere_of = {id_key(k): v for k, v in card_ids_elsewhere.items()}
    for row in cards.iter_rows(named=True):
        other = elsewhere_of.get(id_key(row["card_id"] or ""))
        if other and other != period.id:
            problems.setdefault(row["_i"], []).append(Problem(
                "card_id", row["card_id"], f"card id '{row['card_id']}' is already used by a card of period {other}; card ids are unique across periods",
                "card_id_unique_across_periods"))

    clean_card_ids = {r["card_id"] for r in cards.iter_rows(named=True) if r["_i"] not in problems}
    all_card_ids = set(cards["card_id"].to_list())
    alike = {id_key(c): c for c in all_card_ids if c}
    for row in persons.iter_rows(named=True):
        if row["card_id"] and row["card_id"] not in clean_card_ids and row["_i"] not in problems:
            exists = row["card_id"] in all_card_ids
            why = ("its card was quarantined; it will be loaded once the card is corrected" if exists
                   else _no_card(row["card_id"], alike))
            problems.setdefault(row["_i"], []).append(Problem("card_id", row["card_id"], f"person '{row['person_id']}': {why}", "person_card_exists"))

    card_id_of = {r["_i"]: r.get("card_id") for rows in typed.values() for r in rows}
    q_rows = _problem_rows(period, problems, meta, card_id_of) + _file_rows(period, raw_files)
    quarantine = pl.DataFrame(q_rows, schema=QUARANTINE_COLUMNS) if q_rows else pl.DataFrame(schema=QUARANTINE_COLUMNS)

    rec_ids = pl.DataFrame({"_i": list(meta), "record_id": [m["record_id"] for m in meta.values()],
                            "source_file": [m["source_file"] for m in meta.values()]},
                           schema={"_i": pl.Int64, "record_id": pl.Utf8, "source_file": pl.Utf8})
    bad = list(problems)
    clean_cards, events = _clean_cards(period, cards, rec_ids, bad)
    key = pseudonym.load_key()  # outside the repository; the same person has one pseudonym everywhere
    clean_persons = (persons.filter(~pl.col("_i").is_in(bad)).join(rec_ids, on="_i", how="left")
                     .with_columns(pl.lit(period.id).alias("period"),
                                   pl.struct("name", "card_id", "person_id").map_elements(
                                       lambda s: pseudonym.pseudonym(key, s["name"], s["card_id"], s["person_id"]),
                                       return_dtype=pl.Utf8).alias("pseudonym"))
                     .drop("_i"))
    return Result(clean_cards, clean_persons, quarantine, events)


def validate_in_warehouse(con, period: Period, raw_records: pl.DataFrame, raw_files: pl.DataFrame,
                          tables: dict[str, list] | None = None) -> Result:
    """validate_period with what the warehouse knows: card ids of other periods, and which record
    held each id of this period before this run (it keeps the id) - among assemblies held and
    events not held (refused applications, prevented assemblies) alike. Refused when the pseudonym key did
    not make the warehouse's pseudonyms (pseudonym.warehouse_key)."""
    pseudonym.warehouse_key(con)
    return validate_period(period, raw_records, raw_files, *known_ids(con, period), tables)


def known_ids(con, period: Period) -> tuple[dict[str, str], dict[str, str]]:
    """What the warehouse knows of card ids: (card_id -> the other period that uses it, card_id -> the
    record of this period that held it before this run)."""
    elsewhere = dict(con.execute(sql("validate/ids_elsewhere"), {"period": period.id}).fetchall())
    incumbents = dict(con.execute(sql("validate/ids_incumbent"), {"period": period.id}).fetchall())
    return elsewhere, incumbents


# ----------------------------------------------------------------------------- column by column

def validate_period(period: Period, raw_records: pl.DataFrame, raw_files: pl.DataFrame,
                    card_ids_elsewhere: dict[str, str] | None = None, incumbents: dict[str, str] | None = None,
                    tables: dict[str, list] | None = None) -> Result:
    """raw_records: record_id, source_file, sheet, row_no, kind, header and cells (or data: see
    validate_period_by_record).
    raw_files: source_file, problem, warnings (JSON list). card_ids_elsewhere: card_id -> period.
    incumbents: card_id -> record_id of this period's clean cards before this run.
    tables: the plain CSVs' records as frames (inbox.ingest), so their JSON need not be read back.

    The same result as validate_period_by_record, typed column by column (columns.py): every
    record whose values are all text (every CSV, most JSON/YAML) is typed in frames; the others
    (numbers, dates, lists as JSON/YAML/XLSX give them) record by record as before; the checks and
    rules run on the typed frames (pandera), and Python phrases the failing rows only."""
    meta = _meta(raw_records)
    wide, by_record = _wide_frames(raw_records, meta, tables or {})
    typed, found = type_frames(wide, by_record)
    return finish(period, typed, found, meta, raw_files, card_ids_elsewhere, incumbents)


def _meta(raw_records: pl.DataFrame, offset: int = 0) -> pl.DataFrame:
    """Each record's place (`_i`: its position in raw_records) and what quarantine names it by."""
    return raw_records.select("record_id", "source_file", "sheet", "row_no", "kind").with_row_index("_i", offset).with_columns(
        pl.col("_i").cast(pl.Int64))


def type_frames(wide: dict[str, pl.DataFrame], by_record: dict[str, list], typed_parts: dict[str, list] | None = None,
                found: list | None = None, answers: dict | None = None) -> tuple[dict[str, pl.DataFrame], list]:
    """The typed frame of each kind (sorted by `_i`) and the problems found typing them, as
    (_i, position, Problem): `wide` typed column by column, `by_record` record by record, beside
    the frames typed already (`typed_parts`, with their problems in `found`; assets/ingest/streamed.py)."""
    typed: dict[str, pl.DataFrame] = {}
    found = list(found or [])
    for kind in ("card", "person"):
        frame, probs = columns.coerce_columns(kind, wide[kind], answers)
        found += probs
        ref_rows: list[dict] = []
        ref_probs: dict[int, list[Problem]] = {}
        for i, data in by_record[kind]:
            values, ps = _by_record(kind, data)
            values["_i"] = i
            ref_rows.append(values)
            if ps:
                ref_probs[i] = ps
        parts = [f for f in (typed_parts or {}).get(kind, []) if f.height]
        if frame.height or not parts:
            parts.append(frame)
        if ref_rows:
            parts.append(_safe_frame(kind, ref_rows, ref_probs))
        frame = pl.concat(parts, rechunk=False) if len(parts) > 1 else parts[0]
        found += [(i, k, p) for i, ps in ref_probs.items() for k, p in enumerate(ps)]
        typed[kind] = frame if frame["_i"].is_sorted() else frame.sort("_i")
    return typed, found


def finish(period: Period, typed: dict[str, pl.DataFrame], found: list, meta: pl.DataFrame, raw_files: pl.DataFrame,
           card_ids_elsewhere: dict[str, str] | None = None, incumbents: dict[str, str] | None = None) -> Result:
    """The checks on the typed frames (pandera, duplicates, ids of other periods, persons without a
    card), quarantine, and the clean cards and persons.

    `typed` and `found` are handed over (both are emptied): the typed cards are let go part by part
    (a part per file read) as their clean cards are made, so that a period's cards are never held twice."""
    card_ids_elsewhere = card_ids_elsewhere or {}
    found.sort(key=lambda t: (t[0], t[1]))
    problems: dict[int, list[Problem]] = {}
    for i, _, p in found:
        problems.setdefault(i, []).append(p)
    del found[:]

    cards, persons = typed.pop("card"), typed.pop("person")
    typed.clear()
    checked = cards.with_columns(_kept_at(cards, meta, incumbents or {}))  # for pandera's card_id_unique
    _add_rule_problems(problems, _schema_problems(checked, "card", period), rules.CARD_RULES)
    del checked
    _add_rule_problems(problems, _schema_problems(persons, "person", None), rules.PERSON_RULES)
    others = {id_key(cid): p for cid, p in card_ids_elsewhere.items() if p and p != period.id}
    if others:
        for cid, key, i in (cards.select("card_id", id_key_expr("card_id").alias("_key"), "_i")
                            .filter(pl.col("_key").is_in(list(others))).iter_rows()):
            problems.setdefault(i, []).append(Problem(
                "card_id", cid, f"card id '{cid}' is already used by a card of period {others[key]}; card ids are unique across periods",
                "card_id_unique_across_periods"))
    bad = pl.Series("_i", list(problems), dtype=pl.Int64)
    # the cards the persons name (their ids are the few to look up: the cards' ids are probed, not hashed)
    named = cards.select("card_id", "_i").filter(pl.col("card_id").is_in(persons["card_id"].drop_nulls().unique().implode()))
    clean_ids = named.filter(~pl.col("_i").is_in(bad.implode()))["card_id"]
    orphans = persons.select("_i", "card_id", "person_id").filter(
        pl.col("card_id").is_not_null() & ~pl.col("card_id").is_in(clean_ids.implode()) & ~pl.col("_i").is_in(bad.implode()))
    if orphans.height:
        orphans = orphans.with_columns(pl.col("card_id").is_in(named["card_id"].implode()).alias("_exists"))
        missing = orphans.filter(~pl.col("_exists"))["card_id"].unique().to_list()
        alike = {} if not missing else dict(
            cards.select(id_key_expr("card_id").alias("_key"), "card_id")
            .filter(pl.col("_key").is_in([id_key(c) for c in missing])).iter_rows())
        for i, cid, pid, exists in orphans.select("_i", "card_id", "person_id", "_exists").iter_rows():
            why = ("its card was quarantined; it will be loaded once the card is corrected" if exists
                   else _no_card(cid, alike))
            problems.setdefault(i, []).append(Problem("card_id", cid, f"person '{pid}': {why}", "person_card_exists"))

    quarantine = _quarantine(period, problems, meta, {"card": cards, "person": persons}, raw_files)
    rec_ids = meta.select("_i", "record_id", "source_file")
    bad = pl.Series("_i", list(problems), dtype=pl.Int64).implode()
    parts = _parts(cards)
    del cards  # `parts` holds the typed cards alone now: each is let go once its clean cards are made
    clean_cards, events = _clean_parts(period, parts, rec_ids, bad)
    key = pseudonym.load_key()  # outside the repository; the same person has one pseudonym everywhere
    clean_persons = _with_record_ids(persons.filter(~pl.col("_i").is_in(bad)), rec_ids)
    clean_persons = clean_persons.with_columns(pl.lit(period.id).alias("period"),
                                               _pseudonyms(key, clean_persons)).drop("_i")
    return Result(clean_cards, clean_persons, quarantine, events)


def _kept_at(cards: pl.DataFrame, meta: pl.DataFrame, incumbents: dict[str, str]) -> pl.Series | pl.Expr:
    """The column `_kept_at` of _mark_duplicates (null unless the card shares its id), cut at the chunks of
    `cards`: an eager operation on a frame whose columns are cut differently first copies every column."""
    kept = _mark_duplicates(cards.select("card_id", "_i"), meta, incumbents)["_kept_at"]
    if not kept.is_not_null().any():
        return pl.lit(None, dtype=pl.Utf8).alias("_kept_at")
    return _aligned(kept, cards["_i"])


def _parts(df: pl.DataFrame) -> list[pl.DataFrame]:
    """`df` cut where its chunks are (a typed part per file: assets/ingest/streamed.py), without a copy."""
    lengths = df["_i"].chunk_lengths() if df.height else []
    out, at = [], 0
    for n in lengths:
        out.append(df.slice(at, n))
        at += n
    return out or [df]


def _aligned(s: pl.Series, like: pl.Series) -> pl.Series:
    """`s` cut into the chunks of `like` (zero-copy slices), so that the two go in one frame without a copy."""
    if s.n_chunks() > 1 or like.n_chunks() < 2:
        return s
    at = 0
    pieces = []
    for n in like.chunk_lengths():
        pieces.append(s.slice(at, n))
        at += n
    return pl.concat(pieces, rechunk=False)


def _by_position(rec_ids: pl.DataFrame) -> bool:
    """Whether `_i` is each record's row in rec_ids (always so but in tests of hand-made records)."""
    return rec_ids["_i"].equals(pl.int_range(0, rec_ids.height, dtype=pl.Int64, eager=True), check_names=False)


def _with_record_ids(frame: pl.DataFrame, rec_ids: pl.DataFrame, by_position: bool | None = None) -> pl.DataFrame:
    """`frame` with the record_id and source_file of each of its records (`_i`, kept). `by_position`:
    _by_position(rec_ids), when known already."""
    if _by_position(rec_ids) if by_position is None else by_position:
        # `_i` is each record's row in rec_ids: its ids by position, without a join's copy of every row
        ids = rec_ids.select(pl.all().exclude("_i").gather(frame["_i"]))
        return frame.with_columns(*[ids[c] for c in ids.columns])
    return frame.join(rec_ids, on="_i", how="left")


def _clean_parts(period: Period, parts: list[pl.DataFrame], rec_ids: pl.DataFrame, bad) -> tuple[pl.DataFrame, pl.DataFrame]:
    """_clean_cards of the typed cards in `parts` (the list is emptied: each part let go once its clean
    cards are made), the clean cards of every part in one frame (a chunk per part, no copy)."""
    clean: list[pl.DataFrame] = []
    events: list[pl.DataFrame] = []
    parts.reverse()
    by_position = _by_position(rec_ids)
    while parts:
        part = parts.pop()
        c, e = _clean_cards(period, part, rec_ids, bad, by_position)
        del part
        clean.append(c)
        if e.height or not events:
            events.append(e)
    return (pl.concat(clean, rechunk=False) if len(clean) > 1 else clean[0],
            pl.concat(events, rechunk=False) if len(events) > 1 else events[0])


def _clean_cards(period: Period, cards: pl.DataFrame, rec_ids: pl.DataFrame, bad,
                 by_position: bool | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The cards of no failing record (`bad`: their `_i`) with their record ids, split into assemblies
    held and events not held (refused applications, prevented assemblies)."""
    clean = _with_record_ids(cards.filter(~pl.col("_i").is_in(bad)), rec_ids, by_position)
    clean = clean.with_columns(pl.lit(period.id).alias("period"),
                               (pl.col("permission_answer") == "granted").fill_null(False).alias("sanctioned")
                               ).drop("_i", "_kept_at", strict=False)
    if "event_status" not in clean.columns:
        return clean, clean.head(0)
    clean = clean.with_columns(pl.col("event_status").fill_null("held"))
    held = pl.col("event_status") == "held"
    if clean.select(held.all()).item():  # nearly always: no copy of every card
        return clean, clean.head(0)
    return clean.filter(held), clean.filter(~held)


def _pseudonyms(key: bytes, persons: pl.DataFrame) -> pl.Series:
    """pseudonym.pseudonym of every person (name, card_id, person_id): computed once per distinct name that
    has a word (it depends on the name alone then) and mapped onto the column; per person for the others
    (no name, or none with a word), whose pseudonym is of their card and person id."""
    names = persons["name"]
    by_name = {n: pseudonym.pseudonym(key, n, "", "") for n in names.drop_nulls().unique().to_list()
               if pseudonym.normalise_name(n)}
    out = (names.replace_strict(list(by_name), list(by_name.values()), default=None, return_dtype=pl.Utf8) if by_name
           else pl.Series(values=[None] * persons.height, dtype=pl.Utf8))
    rest = out.is_null()
    if rest.any():
        out = out.scatter(rest.arg_true(), pl.Series([pseudonym.pseudonym(key, n, c, p) for n, c, p in persons.filter(rest).select(
            "name", "card_id", "person_id").iter_rows()], dtype=pl.Utf8))
    return out.alias("pseudonym")


def _by_record(kind: str, data) -> tuple[dict, list[Problem]]:
    """One record typed by the reference's own steps (validate_period_by_record, and the fallback of the by-column
    path): `data` is the record's object, or the exception met while reading it (an unreadable record)."""
    try:
        if isinstance(data, Exception):
            raise data
        values, probs = coerce_record(kind, data if isinstance(data, dict) else {})
    except Exception as exc:  # noqa: BLE001 - one record never fails a period
        values = {name: None for name in spec().fields(kind)}
        probs = [Problem("", "", f"the record could not be read ({type(exc).__name__}: {str(exc)[:200]})", "unreadable_record")]
    if kind == "card":
        for bound in ("participants_low", "participants_high"):
            if values[bound] is None:
                values[bound] = values["participants"]
        columns.fill_counts(values, {p.field for p in probs})
    return values, probs


def _wide_frames(raw_records: pl.DataFrame, meta: pl.DataFrame, tables: dict[str, list]):
    """Per kind, a frame of raw text values (a column per field, `_i`) for every record whose values
    are all text, and the (_i, data) of the others, which are typed record by record."""
    wide: dict[str, list[pl.DataFrame]] = {"card": [], "person": []}
    framed: list[str] = []  # source files whose every record comes from its tables
    if tables:
        by_file = meta.filter(pl.col("source_file").is_in(list(tables))).select("source_file", "sheet", "kind", "row_no", "_i") \
            .partition_by("source_file", as_dict=True)
        for rel, ts in tables.items():
            frames = table_frames(ts, by_file.get((rel,)))
            if frames is not None:
                framed.append(rel)
                for kind, f in frames:
                    wide[kind].append(f)
    rest = raw_records.select("kind", *[c for c in ("data", "header", "cells") if c in raw_records.columns]
                              ).with_columns(meta["_i"])
    if framed:
        rest = rest.filter(~meta["source_file"].is_in(framed))
    return rest_frames(rest, wide)


def table_frames(ts: list, where: pl.DataFrame | None) -> list[tuple[str, pl.DataFrame]] | None:
    """(kind, frame of raw text values: a column per field and `_i`) of each table of one file
    (fastcsv.Table; `where`: the file's records' sheet, kind, row_no and `_i`), or None when the file's
    records are to be typed from their cells (a header naming one field twice, records not all there)."""
    frames = []
    if where is None:
        return None
    for t in ts:
        aliases = header_aliases(t.kind)
        names = [aliases.get(normalise_header(h)) for h in t.headers]
        mapped = [n for n in names if n]
        if len(mapped) != len(set(mapped)):
            return None  # two columns for one field (the readers refuse such files): record by record
        rows = where.filter((pl.col("sheet") == t.sheet) & (pl.col("kind") == t.kind)).select("row_no", "_i")
        f = t.frame.select("row_no", *[pl.col(f"c{j}").alias(n) for j, n in enumerate(names) if n])
        if rows["row_no"].equals(f["row_no"], check_names=False):  # the records are the table's rows, in order (always
            frames.append((t.kind, f.drop("row_no").with_columns(rows["_i"])))  # so from ingest): no join's copy
        else:
            frames.append((t.kind, f.join(rows, on="row_no", how="inner").drop("row_no")))
    if sum(f.height for _, f in frames) != where.height:
        return None
    return frames


def full_frame(kind: str, f: pl.DataFrame) -> pl.DataFrame:
    """A frame of raw values with every field of `kind` (Utf8; null where the record has no such column) and `_i`."""
    schema = {name: pl.Utf8 for name in spec().fields(kind)} | {"_i": pl.Int64}
    return f.select(*[(pl.col(c).cast(dt) if c in f.columns else pl.lit(None, dtype=dt)).alias(c) for c, dt in schema.items()])


def rest_frames(rest: pl.DataFrame, wide: dict[str, list[pl.DataFrame]]):
    """(wide frames per kind, as _wide_frames gives them; by_record) of the records `rest` (kind, `_i`,
    and header + cells, or data) beside the frames in `wide` already."""
    by_record: dict[str, list[tuple[int, object]]] = {"card": [], "person": []}
    if "cells" in rest.columns and "header" in rest.columns and rest.height:
        rest = _text_cells(rest, wide)  # records read back from the warehouse: by header, as columns
    rows: dict[str, list[dict]] = {"card": [], "person": []}
    for (i, kind), data in zip(rest.select("_i", "kind").iter_rows(), raw.record_texts(rest)):
        if isinstance(data, dict) and all(v is None or isinstance(v, str) for v in data.values()):
            row = fields_of(kind, data)
            row["_i"] = i
            rows[kind].append(row)
        else:
            by_record[kind].append((i, data))  # typed one by one; an unreadable record (its exception) too
    out = {}
    for kind in ("card", "person"):
        schema = {name: pl.Utf8 for name in spec().fields(kind)} | {"_i": pl.Int64}
        frames = list(wide[kind])
        if rows[kind]:
            frames.append(pl.DataFrame(rows[kind], schema=schema, orient="row"))
        frames = [full_frame(kind, f) for f in frames]
        frames.sort(key=lambda f: f["_i"].min() if f.height else -1)  # each in record order already (file, row)
        frame = pl.concat(frames) if frames else pl.DataFrame(schema=schema)
        out[kind] = frame if frame["_i"].is_sorted() else frame.sort("_i")
    return out, by_record


# cells that are all text (or null): a JSON array of strings, as every CSV record's and most JSON/YAML ones'
_ALL_TEXT = r'^\[(?:(?:"(?:[^"\\]|\\.)*"|null)(?:,(?:"(?:[^"\\]|\\.)*"|null))*)?\]$'


def _text_cells(rest: pl.DataFrame, wide: dict[str, list[pl.DataFrame]]) -> pl.DataFrame:
    """The records whose cells are all text, decoded per header as columns into `wide` (what
    fields_of gives record by record: a header's field takes its column); the others returned, for
    the record-by-record path (values that are not text, a header naming one field twice, a record
    whose cells do not match its header)."""
    text = rest.filter(pl.col("cells").str.contains(_ALL_TEXT))
    done: list[pl.Series] = []
    for (kind, header), g in text.partition_by("kind", "header", as_dict=True).items():
        heads = raw.header_list(str(header))
        aliases = header_aliases(kind)
        names = [aliases.get(normalise_header(h)) for h in heads]
        mapped = [n for n in names if n]
        if len(mapped) != len(set(mapped)):
            continue
        try:
            cells = g["cells"].str.json_decode(pl.List(pl.String))
        except Exception:  # noqa: BLE001 - record by record, as the reference reads them
            continue
        fits = cells.is_not_null() & (cells.list.len() == len(heads)).fill_null(False)
        if not fits.all():
            g, cells = g.filter(fits), cells.filter(fits)
        wide[kind].append(pl.DataFrame([g["_i"], *[cells.list.get(j).alias(n) for j, n in enumerate(names) if n]]))
        done.append(g["_i"])
    if not done:
        return rest
    return rest.filter(~pl.col("_i").is_in(pl.concat(done).implode()))


def _place(source_file: str, sheet: str | None, row_no) -> str:
    """Where a record is, as a duplicate's reason names the card kept: the sheet too in a workbook (or a zip of
    exports), whose sheets count their rows each from 1 (as `monitor quarantine` names a workbook's sheet)."""
    in_sheet = f", sheet '{sheet}'," if sheet and source_file.lower().endswith((".xlsx", ".zip")) else ""
    return f"{source_file}{in_sheet} row {row_no}"


def _mark_duplicates(cards: pl.DataFrame, meta: pl.DataFrame, incumbents: dict[str, str]) -> pl.DataFrame:
    """mark_duplicate_ids on the cards that share an id only (the rest keep `_kept_at` null)."""
    # the ids whose 64-bit hash another id shares (a superset of the ids used twice: equal ids hash alike), then
    # the ids used twice among those: hashing the strings once is half the cost of is_duplicated on them
    key = id_key_expr("card_id")
    dup = cards.select("card_id", "_i").with_row_index("_pos").filter(
        pl.col("card_id").is_not_null() & key.hash().is_duplicated()).filter(key.is_duplicated())
    if not dup.height:
        return cards.with_columns(pl.lit(None, dtype=pl.Utf8).alias("_kept_at"))
    where_rows = meta.filter(pl.col("_i").is_in(dup["_i"].implode()))
    sheet = pl.col("sheet") if "sheet" in where_rows.columns else pl.lit(None, dtype=pl.Utf8)  # _meta's frame has it
    where = {i: (_place(src, sh, row_no), rid)
             for i, rid, src, sh, row_no in where_rows.select("_i", "record_id", "source_file", sheet, "row_no").iter_rows()}
    marked = mark_duplicate_ids(dup.drop("_pos"), where, incumbents).with_columns(dup["_pos"])
    kept_at = pl.Series("_kept_at", [None] * cards.height, dtype=pl.Utf8).scatter(marked["_pos"].to_list(), marked["_kept_at"])
    return cards.with_columns(kept_at)


def _quarantine(period: Period, problems: dict[int, list[Problem]], meta: pl.DataFrame, typed: dict[str, pl.DataFrame],
                raw_files: pl.DataFrame) -> pl.DataFrame:
    bad = pl.Series("_i", list(problems), dtype=pl.Int64).implode()
    recs = {r["_i"]: r for r in meta.filter(pl.col("_i").is_in(bad)).iter_rows(named=True)}
    card_id_of = {i: cid for f in typed.values() for i, cid in f.select("_i", "card_id").filter(pl.col("_i").is_in(bad)).iter_rows()}
    q_rows = _problem_rows(period, problems, recs, card_id_of) + _file_rows(period, raw_files)
    return pl.DataFrame(q_rows, schema=QUARANTINE_COLUMNS) if q_rows else pl.DataFrame(schema=QUARANTINE_COLUMNS)


def _problem_rows(period: Period, problems: dict[int, list[Problem]], recs: dict[int, dict],
                  card_id_of: dict[int, str | None]) -> list[dict]:
    """One quarantine row per distinct (field, reason) of each failing record (recs: its raw record)."""
    out = []
    for i, ps in problems.items():
        rec = recs[i]
        ps = _not_a_card(rec["kind"], ps) or ps
        seen = set()
        for p in ps:
            # a field already reported as empty/unreadable is not reported again as null
            if p.rule in NULL_RULES and any(q.field == p.field for q in ps if q is not p):
                continue
            key = (p.field, p.reason)
            if key in seen:
                continue
            seen.add(key)
            out.append({
                "period": period.id, "record_id": rec["record_id"], "source_file": rec["source_file"],
                "sheet": rec["sheet"], "row_no": rec["row_no"], "kind": rec["kind"], "card_id": card_id_of.get(i),
                "field": p.field or None, "value": p.value, "reason": p.reason, "rule": p.rule, "severity": "error",
            })
    return out


_TOTAL_WORDS = re.compile(r"\s*(?:итого|всего|итог|сумма|total|totals|sum|барлығы|жиыны)\b.*", re.IGNORECASE)


def _not_a_card(kind: str, ps: list[Problem]) -> list[Problem] | None:
    """One problem instead of a row's many where the row is no card at all: a spreadsheet's total row ('Итого' where
    the card id belongs) or the header again (two tables pasted one below the other: three or more cells hold their
    own column's name). None for any other row."""
    aliases = header_aliases(kind)
    own_names = [p for p in ps if p.value and aliases.get(normalise_header(p.value)) == p.field]
    if len(own_names) >= 3:
        return [Problem("", "", "the row repeats the header (" + ", ".join(f"'{p.value}'" for p in own_names[:3])
                        + ", …): two tables pasted one below the other? It is no card: delete the row", "repeated_header")]
    total = next((p for p in ps if p.field == "card_id" and p.value and _TOTAL_WORDS.fullmatch(p.value)), None)
    if total is not None:
        return [Problem("card_id", total.value, f"'{total.value}' where the card id belongs: a total row of the "
                        "spreadsheet, not a card (the figures are counted from the cards); delete the row", "total_row")]
    return None


def _legacy_warning_rule(w: str) -> str:
    """The rule of a note stored as bare text, by a warehouse written before notes carried their rule (raw.Note):
    read from its wording as then written. Every note written since names its rule where it is made."""
    if w.startswith("sheet '"):
        return "sheet_not_read" if "not read:" in w or "hidden, so it was not read" in w else "title_above_header"
    return "unknown_column"


def inbox_quarantine(level: str, rows: list[dict]) -> pl.DataFrame:
    """The quarantine rows of what lies in the inbox's cards/ outside every period's folder (inbox.stray_rows:
    raw_files-like rows), under the quarantine period `level` (inbox.INBOX_LEVEL): one row per item, once."""
    files = pl.DataFrame(rows, schema={"source_file": pl.Utf8, "format": pl.Utf8, "problem": pl.Utf8, "warnings": pl.Utf8})
    q_rows = _file_rows(SimpleNamespace(id=level), files)
    return pl.DataFrame(q_rows, schema=QUARANTINE_COLUMNS) if q_rows else pl.DataFrame(schema=QUARANTINE_COLUMNS)


def _file_rows(period: Period, raw_files: pl.DataFrame) -> list[dict]:
    out = []
    wanted = [c for c in ("source_file", "format", "problem", "warnings") if c in raw_files.columns]  # not the bytes
    for f in raw_files.select(wanted).iter_rows(named=True):
        refused = f.get("format") in NOT_READ  # the inbox jail: links, hidden, strays, ... never opened
        if f.get("problem"):
            out.append({"period": period.id, "record_id": f["source_file"], "source_file": f["source_file"],
                        "sheet": None, "row_no": None, "kind": "file", "card_id": None, "field": None,
                        "value": None, "reason": f["problem"], "rule": "inbox_refused" if refused else "file_unreadable",
                        "severity": "error"})
        for rule, w in notes_of(f.get("warnings")):
            out.append({"period": period.id, "record_id": f["source_file"], "source_file": f["source_file"],
                        "sheet": None, "row_no": None, "kind": "file", "card_id": None, "field": None,
                        "value": None, "reason": w,
                        "rule": rule or ("inbox_skipped" if refused else _legacy_warning_rule(w)),
                        "severity": "warning"})
    return out
