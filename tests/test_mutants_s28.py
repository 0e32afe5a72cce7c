"""Session 28's mutation work (issue 14): the survivors of the mutants that scripts/mutate.py never drew before its
excluded spans were read as characters (docs/testing.md, "Session 28"), and of the early hand batches re-run, each
killed by a fixture whose expected value is worked out by hand beside it. No pipeline run."""
from __future__ import annotations

import pytest

from assets.report import sentences


# ---------------------------------------------------------------- an organiser type's label inside a sentence

@pytest.mark.parametrize("label, inside", [
    ("Стихийные объединения граждан", "стихийные объединения граждан"),   # a plain word: lower-cased
    ("Одиночки", "одиночки"),
    ("NGOs and parties", "NGOs and parties"),                             # an abbreviation stays
    # two capitals, then a lower-case letter: an abbreviation all the same (its first two letters say so); read from
    # the first three, "MPs" would become "mPs"
    ("MPs and parties", "MPs and parties"),
    ("ОО и партии", "ОО и партии"),
])
def test_a_label_is_lower_cased_unless_it_starts_with_an_abbreviation(label, inside):
    assert sentences._lower_first(label) == inside
