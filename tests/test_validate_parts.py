"""Issue 15: validation lets the typed cards go part by part (assets/validate/validate.py, `finish`).

The typed cards of a period come in parts, one per file read (assets/ingest/streamed.py); `finish`
makes each part's clean cards and lets the part go, and cuts `_kept_at` (the duplicate ids) at the
parts' chunks, so that no frame is copied whole. What it gives must not depend on how the cards were
cut: any mix of good and bad cards and persons, spread over any number of CSV files, gives the clean
cards, persons, events and quarantine rows of the record-by-record reference, and of one frame.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings, strategies as st
from polars.testing import assert_frame_equal
import pytest

from assets.core import periods
from assets.ingest import inbox as inbox_mod
from assets.ingest.streamed import ingest_validated
from assets.validate import validate as V
from schemas.card import header_aliases, normalise_header
from tests.conftest import examples
from tests.test_vectorised import NO_FILES, _raw, _record, periods_of_cards

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")


def _write_csvs(box: Path, name: str, kind: str, recs: list[dict], cuts: list[int]) -> None:
    """`recs` as CSV files `<name>_<k>.csv`, cut before each position of `cuts`; each field under its key
    (a file naming one field twice, by key and by label, is refused whole: no cards to cut)."""
    aliases = header_aliases(kind)
    recs = [{aliases[normalise_header(k)]: v for k, v in r.items()} for r in recs]
    edges = [0, *sorted({c for c in cuts if 0 < c < len(recs)}), len(recs)]
    for k, (a, b) in enumerate(zip(edges, edges[1:])):
        part = recs[a:b]
        cols = list(dict.fromkeys(key for r in part for key in r))
        pl.DataFrame([{c: r.get(c, "") for c in cols} for r in part], schema={c: pl.Utf8 for c in cols}
                     ).write_csv(box / f"{name}_{k}.csv")


GOOD = {"date": "2017-05-03", "city": "Алматы", "form": "picket", "topic": "Тема", "character": "social",
        "organizer_type": "spontaneous", "participants": "5", "permission_requested": "нет",
        "reason_not_applied": "unknown", "source_type": "monitor"}
REFUSED = GOOD | {"permission_requested": "да", "reason_not_applied": "", "permission_answer": "refused",
                  "event_status": "refused", "applications": "2"}


def _good(draw, n: int) -> dict:
    """A card that passes every check (an assembly held, or a refused application: an event not held)."""
    return draw(st.sampled_from([GOOD, GOOD, REFUSED])) | {"card_id": f"2017-G-{n}", "participants": str(draw(st.integers(0, 9)))}


@st.composite
def cut_periods(draw):
    cards, persons, elsewhere, incumbents = draw(periods_of_cards())
    ids = ["2017-A-1", "2017-A-2", "2017-A-3", "2017-A-1", ""]
    cards += [_record("card", draw, ids) for _ in range(draw(st.integers(0, 3)))]  # several files' worth
    for n in range(draw(st.integers(1, 6))):  # clean cards (most generated ones have a mistake) among them
        cards.insert(draw(st.integers(0, len(cards))), _good(draw, n))
    cuts = draw(st.lists(st.integers(1, max(1, len(cards) - 1)), max_size=4))
    person_cuts = draw(st.lists(st.integers(1, 3), max_size=2))
    return cards, persons, elsewhere, incumbents, cuts, person_cuts


@settings(max_examples=examples(8, 100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut_periods())
def test_cards_cut_into_files_give_the_reference(case):
    cards, persons, elsewhere, incumbents, cuts, person_cuts = case
    p = periods.get("2017")
    with tempfile.TemporaryDirectory() as tmp:
        box = Path(tmp) / "cards" / "2017"
        box.mkdir(parents=True)
        _write_csvs(box, "c", "card", cards, cuts)
        if persons:
            _write_csvs(box, "c_persons", "person", persons, person_cuts)
        got = inbox_mod.ingest("2017", Path(tmp))
        records = got.records.sort(["source_file", "sheet", "row_no"])  # as the raw_cards asset hands them over
        ref = V.validate_period_by_record(p, records, got.files, elsewhere, incumbents)
        _, res = ingest_validated(p, Path(tmp), elsewhere, incumbents)
    for name in ("cards", "persons", "quarantine", "events"):
        assert_frame_equal(getattr(res, name), getattr(ref, name))
    assert ref.cards.height + ref.events.height >= 1  # the good cards are read: files are not refused whole


@settings(max_examples=examples(25, 300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut_periods())
def test_finish_of_typed_cards_in_parts_equals_finish_of_one_frame(case):
    cards, persons, elsewhere, incumbents, cuts, _ = case
    p = periods.get("2017")
    recs = _raw(cards, persons)
    meta = V._meta(recs)

    def typed():
        wide, by_record = V._wide_frames(recs, meta, {})
        return V.type_frames(wide, by_record)

    whole, found = typed()
    one = V.finish(p, whole, found, meta, NO_FILES, elsewhere, incumbents)
    assert whole == {} and found == []  # handed over: finish keeps the only reference to the typed frames
    parts, found = typed()
    card = parts["card"]
    edges = [0, *sorted({c for c in cuts if 0 < c < card.height}), card.height]
    parts["card"] = pl.concat([card.slice(a, b - a).rechunk() for a, b in zip(edges, edges[1:])], rechunk=False)
    assert parts["card"]["_i"].chunk_lengths() == [b - a for a, b in zip(edges, edges[1:])]
    cut = V.finish(p, parts, found, meta, NO_FILES, elsewhere, incumbents)
    for name in ("cards", "persons", "quarantine", "events"):
        assert_frame_equal(getattr(cut, name), getattr(one, name))


def test_parts_are_the_chunks_and_kept_at_is_cut_alike():
    df = pl.concat([pl.DataFrame({"card_id": ["a", "b", "a"], "_i": [0, 1, 2]}),
                    pl.DataFrame({"card_id": ["c", "a"], "_i": [3, 4]})], rechunk=False)
    parts = V._parts(df)
    assert [p.height for p in parts] == [3, 2] and pl.concat(parts).equals(df)
    assert V._parts(df.head(0))[0].height == 0
    meta = pl.DataFrame({"_i": [0, 1, 2, 3, 4], "record_id": [f"f.csv#s:{n}" for n in range(2, 7)],
                         "source_file": ["f.csv"] * 5, "row_no": [2, 3, 4, 5, 6]})
    kept = V._kept_at(df, meta, {})
    assert kept.chunk_lengths() == [3, 2]  # cut at the frame's chunks: the two go in one frame without a copy
    assert kept.to_list() == [None, None, "f.csv row 2", None, "f.csv row 2"]
    assert isinstance(V._kept_at(df.filter(pl.col("card_id") != "a"), meta, {}), pl.Expr)  # no duplicate: a literal
