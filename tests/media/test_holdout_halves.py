"""(session 50) The holdout's two halves: half A opened to the rule writers, half B closed. Each article is in exactly
one half, by the rule written before any score (MD5 of "session50:" + its URL: even = A), and the closed parts
scored as unread text take half B only."""
from __future__ import annotations

import hashlib

from assets.media import evaluate_real, sources


def _half(url: str) -> str:
    return "holdout-a" if int(hashlib.md5(("session50:" + url).encode()).hexdigest(), 16) % 2 == 0 else "holdout-b"


def test_the_halves_partition_the_holdout_by_the_hash():
    whole = evaluate_real.load(split="holdout")
    a = evaluate_real.load(split="holdout-a")
    b = evaluate_real.load(split="holdout-b")
    names_a, names_b = {n for n, _ in a}, {n for n, _ in b}
    assert not names_a & names_b
    assert names_a | names_b == {n for n, _ in whole}
    assert all(_half(item["url"]) == "holdout-a" for _, item in a)
    assert all(_half(item["url"]) == "holdout-b" for _, item in b)
    assert (len(a), len(b)) == (145, 188)


def test_only_half_b_is_scored_as_unread_text_and_neither_half_trains_the_step():
    assert "holdout-b" in sources.CLOSED_PARTS and "holdout-a" not in sources.CLOSED_PARTS
    assert "holdout" not in sources.CLOSED_PARTS
    # (session 53) and of `wide3` likewise only its half B (tests/media/test_real_wide3_set.py)
    assert set(sources.CLOSED_PARTS) - {"holdout-b", "wide3-b"} == set(sources.NEVER_TRAIN) - {"holdout", "wide3"}
    assert "holdout" in sources.NEVER_TRAIN
