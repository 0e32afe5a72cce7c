"""The fifth selection part of the real articles (tests/media/real/fresh5/, collected 2026-12-04 by three annotators who
write no rules; blind: rule writers read its totals only): `--split fresh5` loads it apart, its articles are in no other part, nothing trains on it, and its
annotations use the gazetteer's cities and the card's forms."""
from __future__ import annotations

from pathlib import Path

import yaml

from assets.media import evaluate_real, learned_triage

ROOT = Path(__file__).parents[2]
CITIES = set(yaml.safe_load((ROOT / "config" / "gazetteer.yaml").read_text(encoding="utf-8"))["cities"])
FORMS = set(yaml.safe_load((ROOT / "schemas" / "card.yaml").read_text(encoding="utf-8"))["card"]["form"]["codes"])


def test_fresh5_loads_apart_and_is_never_trained_on():
    items = evaluate_real.load(split="fresh5")  # refuses an article of any earlier part (by url_key)
    assert len(items) == 108 and all(name.startswith("fresh5/") for name, _ in items)
    assert not any(name.startswith("fresh5/") for name, _ in evaluate_real.load(split="all"))
    assert "fresh5" in learned_triage.NEVER_TRAIN


def test_fresh5_annotations_use_known_codes():
    for name, item in evaluate_real.load(split="fresh5"):
        ann = item["annotations"]
        assert isinstance(ann["is_event"], bool), name
        if not ann["is_event"]:
            assert ann["city"] is None and ann["form"] is None and ann["participants"] is None, name
            continue
        assert ann["city"] is None or ann["city"] in CITIES, name
        forms = ann["form"] if isinstance(ann["form"], list) else [ann["form"]]
        assert set(forms) <= FORMS, name
