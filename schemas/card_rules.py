"""The cross-field rules of a card (the methodology's rules between fields), each with the sentence a monitor
reads: polars expressions over typed cards, True where a card is fine. Read by validation (assets/validate/rules.py
makes them pandera's dataframe checks; the quarantine names the rule) and by the media review import
(assets/media/review.py), which refuses a row whose card validation would quarantine, where the monitor sees it;
the two may not import each other (assets/validate/erasure.py imports the media parser), so the rules live here,
below both. `check_card` evaluates them on one card."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import polars as pl

from core import plural
from schemas.card import codes_of, spec


@dataclass(frozen=True)
class Rule:
    fields: tuple[str, ...]  # the field the quarantine row names first, then the others involved
    expr: Callable[[], pl.Expr]  # True where the row is fine (nulls count as fine)
    message: Callable[[dict], str]


def _ok(e: pl.Expr) -> pl.Expr:
    return e.fill_null(True)


def _not_held() -> pl.Expr:
    """True for a record of an event not held (card.yaml event_status refused or prevented; empty is held)."""
    return pl.col("event_status").is_in(["refused", "prevented"]).fill_null(False)


CARD_RULES: dict[str, Rule] = {
    # participants are counted at an assembly held; a refused application or a prevented assembly (no
    # assembly took place) may leave them empty
    "participants_required_when_held": Rule(
        ("participants", "event_status"),
        lambda: pl.col("participants").is_not_null() | _not_held(),
        lambda r: "'Участники (оценка)' (participants) is required but empty (only a record of an event not held, "
                  "event_status refused or prevented, may leave it empty)",
    ),
    "participants_bounds": Rule(
        ("participants", "participants_low", "participants_high"),
        lambda: _ok((pl.col("participants_low") <= pl.col("participants")) & (pl.col("participants") <= pl.col("participants_high"))),
        lambda r: f"participants must lie between the low and high estimates: low {r['participants_low']}, best {r['participants']}, high {r['participants_high']}",
    ),
    "detained_le_participants": Rule(
        ("detained", "participants"),
        # not for an event not held: its detained are organisers detained before anything began (card.yaml event_status)
        lambda: _ok((pl.col("detained") <= pl.max_horizontal(pl.col("participants"), pl.col("participants_high"))) | _not_held()),
        lambda r: (f"{plural.en_count(r['detained'], 'person')} detained but only {plural.en_count(r['participants'], 'participant')}: "
                   "detained cannot exceed participants"),
    ),
    "preventive_le_detained": Rule(
        ("preventive_detentions", "detained"),
        lambda: _ok(pl.col("preventive_detentions") <= pl.col("detained")),
        lambda r: (f"{plural.en_count(r['preventive_detentions'], 'preventive detention')} but {r['detained']} detained in all: "
                   "preventive detentions are counted among the detained"
                   + (" (at a prevented assembly every detention was before it began: write the same number in both, or leave "
                      "detained empty)" if r.get("event_status") == "prevented" else "")),
    ),
    "requested_has_no_reason": Rule(
        ("reason_not_applied", "permission_requested"),
        lambda: _ok(~(pl.col("permission_requested") & pl.col("reason_not_applied").is_not_null())),
        lambda r: f"permission was requested, so there is no reason for not applying: clear '{r['reason_not_applied']}'",
    ),
    "not_requested_needs_reason": Rule(
        ("reason_not_applied", "permission_requested"),
        lambda: _ok(~(~pl.col("permission_requested") & pl.col("reason_not_applied").is_null())),
        lambda r: "permission was not requested: give the reason for not applying (use 'unknown' when it is not known)",
    ),
    "answer_needs_request": Rule(
        ("permission_answer", "permission_requested"),
        lambda: _ok(~(~pl.col("permission_requested") & pl.col("permission_answer").is_not_null())),
        lambda r: f"the authorities' answer is '{r['permission_answer']}' but no permission was requested",
    ),
    "request_needs_answer": Rule(
        ("permission_answer", "permission_requested"),
        lambda: _ok(~(pl.col("permission_requested") & pl.col("permission_answer").is_null())),
        lambda r: "permission was requested: give the authorities' answer (" + ", ".join(codes_of("permission_answer")) + ")",
    ),
    "refused_needs_a_refusal": Rule(
        ("event_status", "permission_answer"),
        lambda: _ok(~((pl.col("event_status") == "refused") & (pl.col("permission_answer").fill_null("") != "refused"))),
        lambda r: "event_status is 'refused' (an application refused, no assembly held): set permission_requested "
                  "to true and permission_answer to 'refused'",
    ),
    "applications_only_when_refused": Rule(
        ("applications", "event_status"),
        lambda: _ok(~(pl.col("applications").is_not_null() & (pl.col("event_status").fill_null("held") != "refused"))),
        lambda r: "'applications' counts refused applications: give it only with event_status 'refused'",
    ),
    **{
        f"{who}_warned_needs_presence": Rule(
            (f"{who}_warned", f"{who}_present"),
            (lambda who=who: _ok(~(pl.col(f"{who}_warned") & (pl.col(f"{who}_present") == False)))),  # noqa: E712
            (lambda r, who=who: f"the {who} warned the participants but is marked as not present"),
        )
        for who in ("prosecutor", "akimat", "police")
    },
    # Unique card ids: of the cards sharing an id, the one that already held it in the warehouse (or
    # else the first in file order) is kept; `_kept_at` names it (see validate.mark_duplicate_ids).
    "card_id_unique": Rule(
        ("card_id",),
        lambda: pl.col("_kept_at").is_null(),
        lambda r: f"card id '{r['card_id']}' is already used by {r['_kept_at']}; every card needs its own id (that card is kept, this one is held back)",
    ),
    # a value a field may never take (card.yaml `reserved`): a topic "total" would make the key
    # "<character>/total" of the topic lists' total row (sql/figures/t04_topics.sql, sql/reconciliation.sql)
    **{
        f"{name}_not_reserved": Rule(
            (name,),
            (lambda name=name, words=tuple(f.reserved): _ok(~pl.col(name).is_in(words))),
            (lambda r, f=f: f"'{f.ru}' ({f.name}): '{r[f.name]}' cannot be used: {f.reserved[r[f.name]]}"),
        )
        for name, f in spec().card.items() if f.reserved
    },
    "police_count_needs_presence": Rule(
        ("police_count", "police_present"),
        lambda: _ok(~((pl.col("police_count") > 0) & (pl.col("police_present") == False))),  # noqa: E712
        lambda r: f"{r['police_count']} police counted but police marked as not present",
    ),
}


@lru_cache(maxsize=1)
def _one_card_schema() -> dict[str, pl.DataType]:
    """The typed columns of one card the rules read (a time of day is read by none)."""
    return {n: f.polars_dtype for n, f in spec().card.items() if f.polars_dtype != pl.Time}


@lru_cache(maxsize=1)
def _rules_of_one_card() -> tuple[str, ...]:
    """The rules one card can be checked by: not those over columns a single card lacks (card_id_unique's
    `_kept_at`, set by validation across the period's cards)."""
    empty = pl.DataFrame(schema=_one_card_schema())
    usable = []
    for rid, rule in CARD_RULES.items():
        try:
            empty.select(rule.expr())
        except pl.exceptions.PolarsError:
            continue
        usable.append(rid)
    return tuple(usable)


@lru_cache(maxsize=1)
def _exprs() -> tuple[pl.Expr, ...]:
    return tuple(CARD_RULES[rid].expr().alias(rid) for rid in _rules_of_one_card())


def check_cards(cards: list[dict]) -> list[list[tuple[str, str]]]:
    """For each card (a dict of typed values: dates, bools, ints, codes), (field, message) of every rule it breaks;
    one polars pass over them all (3,000 cards: ~0.1 s)."""
    if not cards:
        return []
    schema = _one_card_schema()
    frame = pl.DataFrame([{n: c.get(n) for n in schema} for c in cards], schema=schema)
    ids = _rules_of_one_card()
    verdicts = frame.select(_exprs())
    out: list[list[tuple[str, str]]] = []
    for i, oks in enumerate(verdicts.iter_rows()):
        if all(ok is not False for ok in oks):
            out.append([])
            continue
        values = frame.row(i, named=True)
        out.append([(CARD_RULES[rid].fields[0], CARD_RULES[rid].message(values)) for rid, ok in zip(ids, oks) if ok is False])
    return out


def check_card(card: dict) -> list[tuple[str, str]]:
    """(field, message) of every rule one card breaks (check_cards of one)."""
    return check_cards([card])[0]
