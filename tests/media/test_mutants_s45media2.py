"""Session 45, the second media batch of the mutation run (docs/testing.md, "Session 45 — a second media batch"):
each test kills a survivor of `scripts/mutate.py --area media` in assets/media/detentions.py, detention_counts.py,
reason_words.py, review_columns.py or counts.py; every expected value is worked out by hand from the input."""
from __future__ import annotations

from assets.media import review_columns


def test_a_column_without_its_own_width_is_narrow():
    assert review_columns.width("police_count") == review_columns.NARROW == 14
    assert review_columns.width("evidence") == 70
