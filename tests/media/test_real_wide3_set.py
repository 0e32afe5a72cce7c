"""(session 53) The part `wide3` (tests/media/real/wide3/, its README): reports of assemblies from anywhere, collected
blind for head counts and detentions. It loads (no article of an earlier part, none twice), every form and city is a
code of schemas/card.yaml and config/gazetteer.yaml, abroad articles annotate only their counts, the counts its
README's table states are the annotations' own, and its halves split it by the rule written before it was scored
(MD5 of "session53:" + the URL: even = half A, opened; odd = half B, closed and never trained on)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assets.media import evaluate_real, sources
from tests.media.test_real_wide2_set import assert_annotations_are_codes, readme_table
from tests.media.test_real_wide2_set import counts as wide2_counts

README = Path(__file__).resolve().parents[2] / "tests" / "media" / "real" / "wide3" / "README.md"


@pytest.fixture(scope="module")
def articles() -> list[tuple[str, dict]]:
    return evaluate_real.load(split="wide3")


def counts(items: list[tuple[str, dict]]) -> dict[str, int]:
    """What the README's table counts, from the annotations alone: wide2's rows and the halves."""
    halves = [evaluate_real.wide3_half(item["url"]) for _, item in items]
    return {**wide2_counts(items), "half A (opened)": halves.count("wide3-a"), "half B (closed)": halves.count("wide3-b")}


def test_wide3_loads_with_no_article_twice_nor_of_an_earlier_part(articles):
    # (the loader refuses an article already in `dev`, `measured` or a part kept apart before `wide3`)
    assert evaluate_real.APART[-1] == "wide3" and len(articles) >= 100
    assert len({evaluate_real.url_key(item["url"]) for _, item in articles}) == len(articles)


def test_the_halves_partition_the_part_by_the_hash_written_before_it_was_scored(articles):
    def half(url: str) -> str:
        return "wide3-a" if int(hashlib.md5(("session53:" + url).encode()).hexdigest(), 16) % 2 == 0 else "wide3-b"

    a, b = evaluate_real.load(split="wide3-a"), evaluate_real.load(split="wide3-b")
    assert {n for n, _ in a} | {n for n, _ in b} == {n for n, _ in articles}
    assert not {n for n, _ in a} & {n for n, _ in b}
    assert all(half(item["url"]) == "wide3-a" for _, item in a) and all(half(item["url"]) == "wide3-b" for _, item in b)
    assert min(len(a), len(b)) >= 0.35 * len(articles)


def test_only_half_b_is_scored_as_unread_text_and_neither_half_trains_the_step():
    assert "wide3-b" in sources.CLOSED_PARTS and "wide3-a" not in sources.CLOSED_PARTS
    assert "wide3" in sources.NEVER_TRAIN and "wide3" not in sources.CLOSED_PARTS
    assert not {"wide3", "wide3-a", "wide3-b"} & set(sources.STEP_TRAINING_PARTS)


def test_every_form_and_city_is_a_code_and_abroad_articles_annotate_only_their_counts(articles):
    assert_annotations_are_codes(articles)
    for name, item in articles:  # a look-alike counts nothing
        ann = item["annotations"]
        if str(ann.get("notes") or "").lower().startswith("trap:"):
            assert not ann["is_event"] and ann["participants"] is None, name


def test_the_readme_table_states_the_counts_of_the_annotations(articles):
    table = readme_table(README)
    got = counts(articles)
    assert set(table) == set(got), "the README's table and counts() name different rows"
    assert table == got
    # what the part was collected for
    assert got["report detentions"] >= 30 and got["state a head count"] >= 40
