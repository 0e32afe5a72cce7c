"""Session 45: tests that kill the survivors of the media extractor's mutation run (scripts/mutate.py --area media;
docs/testing.md, "Session 45"). Each asserts what the extractor must read from a short hand-written sentence, or what a
function of assets/media/ must return; the expected values are worked out from the input."""
from __future__ import annotations

import datetime as dt

from assets.media import claims


def test_a_claim_whose_evidence_is_a_note_in_brackets_is_no_claim():
    ev = {"event_key": "k", "participants": 30, "participants_low": 20, "participants_high": 40, "date": dt.date(2021, 1, 5),
          "evidence": {"participants": "Около 30 человек вышли.", "date": "(no date in the text: the publication date)"}}
    out = claims.claims_of(ev)
    assert [c["field"] for c in out] == ["participants"]
    assert (out[0]["low"], out[0]["best"], out[0]["high"]) == (20, 30, 40)
