"""The learned triage step's `lite` model (round 18): hashed n-grams + the rules' own signals without their
verdict, behind `triage: features: lite` in config/sources.yaml."""
from __future__ import annotations

import dataclasses

import pytest

from assets.media import learned_triage, parse, pipeline, sources, triage

PICKET = ("В Алматы прошел пикет", "Вчера у здания акимата Алматы 15 жителей провели пикет, требуя "
          "отремонтировать дорогу. Полиция никого не задержала.")
REFUSAL = ("Акимат отказал активистам", "Акимат Уральска отказал активистам в проведении митинга 5 мая. "
           "Заявку подавали жители микрорайона Строитель.")
MOSCOW = ("В Москве задержали участников акции", "В Москве полиция задержала 20 участников несогласованной акции "
          "у здания мэрии.")
CONCERT = ("Концерт на площади", "На площади Астаны прошел концерт, собрались тысячи зрителей.")


class Fake:
    def __init__(self, p: float):
        self.p, self.seen = p, 0

    def proba(self, examples):
        self.seen += len(examples)
        return [self.p] * len(examples)


@pytest.mark.parametrize("art", [PICKET, REFUSAL, MOSCOW, CONCERT])
def test_lite_signals_do_not_read_the_rules_verdict(art):
    """The same reasons and event sentences with the verdict flipped give the same signals: the model cannot copy
    the verdict itself (docs/media-accuracy.md, round 18)."""
    tri = triage.classify(*art)
    flipped = dataclasses.replace(tri, is_assembly=not tri.is_assembly, score=1.0 - tri.score)
    row = learned_triage.lite_signals(*art, tri)
    assert len(row) == len(learned_triage.LITE_NAMES)
    assert row == learned_triage.lite_signals(*art, flipped)


def test_lite_signals_tell_a_picket_from_a_refusal():
    names = learned_triage.LITE_NAMES
    picket = dict(zip(names, learned_triage.lite_signals(*PICKET, triage.classify(*PICKET))))
    refusal = dict(zip(names, learned_triage.lite_signals(*REFUSAL, triage.classify(*REFUSAL))))
    assert picket["event_sentence_found"] == 1.0 and refusal["event_sentence_found"] == 0.0
    assert picket["kz_city_place"] == 1.0 and picket["lead_form"] == 1.0
    assert refusal["lead_mode"] == 1.0 and picket["lead_mode"] == 0.0 and refusal["kz_mark"] == 1.0


def test_lite_model_is_deterministic_and_ranks():
    train = [learned_triage.Example(t, x, triage.classify(t, x), label) for (t, x), label in
             ((PICKET, True), (REFUSAL, False), (MOSCOW, False), (CONCERT, False),
              (("Митинг в Уральске", "В Уральске 40 жителей вышли на митинг у акимата против застройки."), True))]
    a = learned_triage.TriageModel("lite", learned_triage.STEP_C).fit(train).proba(train)
    b = learned_triage.TriageModel("lite", learned_triage.STEP_C).fit(train).proba(train)
    assert a == b and a[0] > a[1] and a[4] > a[3]


def test_features_switch_and_wiring(monkeypatch, tmp_path):
    assert sources.parse({}).triage.features == "hash"
    assert sources.parse({"triage": {"learned": "override", "features": "Lite"}}).triage.features == "lite"
    p = tmp_path / "sources.yaml"
    p.write_text("triage:\n  features: words\nsources: []\n", encoding="utf-8")
    with pytest.raises(sources.SourcesError, match=r"triage\.features must be one of hash, lite"):
        sources.load(p)
    with pytest.raises(ValueError, match="hash, lite"):
        learned_triage.model_for("words")
    lite, hashed = Fake(0.95), Fake(0.0)
    monkeypatch.setattr(learned_triage, "lite_model", lambda: lite)
    monkeypatch.setattr(learned_triage, "step_model", lambda: hashed)
    doubted = ("Жители вышли к акимату", "Жители микрорайона Строитель вышли к зданию акимата Уральска 5 мая.")
    arts = [parse.Article(article_id="a0", source="t", kind="file", url="https://example.kz/0", title=doubted[0],
                          text=doubted[1])]  # (a refusal told in the headline is kept from the step since session 48)
    df, results = pipeline.triage_articles(arts, "rescue", "lite")
    # the lite model was asked, at its own threshold (rescue takes p >= 0.9 with it)
    assert lite.seen == 1 and hashed.seen == 0 and df["triage_label"].to_list() == ["assembly"]
    assert 0.75 < learned_triage.LITE_THRESHOLDS["rescue"][1] <= 0.95
    lite.p = 0.75
    df, _ = pipeline.triage_articles(arts, "rescue", "lite")
    assert df["triage_label"].to_list() == ["mention_only"]


def test_triage_steps_train_on_their_parts_by_name(monkeypatch):
    """The triage models ask the loader for `dev`, `measured` and every opened part (`fresh` since round 19, the rest
    since session 36; not `fresh20`, left out in session 39) by name — never `all` (which a later part could join) nor a closed part."""
    from assets.media import evaluate_real

    asked = []
    monkeypatch.setattr(evaluate_real, "load", lambda directory=None, split="all": asked.append(split) or [])
    monkeypatch.setattr(learned_triage, "corpus_examples", lambda rules=True: [])
    with pytest.raises(FileNotFoundError):
        learned_triage.training_examples()
    assert asked == ["dev", "measured", "fresh", "fresh2", "wide", *(f"fresh{i}" for i in range(4, 17))]
    assert not set(asked) & {"all", "holdout", "wide2", "fresh3", "fresh17", "fresh18", "fresh19", "fresh20", "fresh21", "fresh22", "fresh23", "fresh24", "fresh25", "fresh26", "fresh27", "fresh28"}
