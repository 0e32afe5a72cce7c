"""Round 21: the learned triage step measured leave-one-part-out over the open parts (assets/media/learned_parts.py),
and the step's settings read from config/sources.yaml (`triage: thresholds / training / class_weights`).

The measurement runs on a few hand-made articles in a temporary tests/media/real/-like folder (never the real parts)."""
from __future__ import annotations

import itertools

import pytest
import yaml

from assets.media import evaluate_real, learned_parts, learned_triage, sources, triage
from assets.media.learned_parts import Setting

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")

EVENTS = [("В {c} прошел митинг", "Вчера у здания акимата {c} {n} жителей провели митинг, требуя отремонтировать "
           "дорогу. Полиция никого не задержала."),
          ("Жители {c} вышли на пикет", "Сегодня у акимата {c} около {n} человек вышли на пикет против роста цен на "
           "газ. Участники держали плакаты.")]
OTHERS = [("Матч в {c} завершился вничью", "Футбольный матч на центральном стадионе {c} собрал {n} болельщиков и "
           "завершился вничью."),
          ("В {c} открыли новую школу", "В {c} открыли школу на {n} мест, сообщает пресс-служба акимата.")]
CITIES = ("Алматы", "Уральска", "Актобе", "Шымкента")


def _url(part: str, i: int) -> str:
    """A URL of a made-up article that the loader files under `part` (the parts' hashes are fixed)."""
    for k in itertools.count():
        url = f"https://example.kz/{part}/{i}-{k}"
        if part in ("dev", "measured") and evaluate_real.split_of(url) != part:
            continue
        if part == "wide" and evaluate_real.wide_half(url) != "wide":
            continue
        return url


def _write(root, part: str, flip: bool = False) -> None:
    d = root / part
    d.mkdir(parents=True, exist_ok=True)
    for i, (city, (kind, (title, text))) in enumerate(itertools.product(
            CITIES, [(True, a) for a in EVENTS] + [(False, a) for a in OTHERS])):
        is_event = kind != flip
        if part == "wide":  # (as the real `wide` part: reports that are no assembly in Kazakhstan)
            is_event = False
        ann = {"is_event": is_event, "date": None, "city": None, "form": "rally" if kind else None,
               "participants": None, "detained": None}
        item = {"url": _url(part, i), "published": "2024-05-0%d" % (1 + i % 9), "lang": "ru",
                "text": title.format(c=city, n=10 + i) + "\n" + text.format(c=city, n=10 + i) + "\n",
                "annotations": ann}
        (d / f"made-{i:08x}.yaml").write_text(yaml.safe_dump(item, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def real(tmp_path):
    for part in learned_parts.OPEN_PARTS:
        _write(tmp_path, part)
    return tmp_path


SMALL = (Setting("hash override", "hash", 10.0, False, learned_parts.TRAIN_SPLITS, "override", 0.2, 0.8),
         Setting("hash + wide rescue", "hash", 10.0, False, learned_parts.WITH_WIDE, "rescue", 0.0, 0.7))


def test_totals_per_part_deterministic(real):
    lines: list[str] = []
    a = learned_parts.measure(real, settings=SMALL, corpus=False, out=lines.append)
    b = learned_parts.measure(real, settings=SMALL, corpus=False, out=lambda _: None)
    assert set(a) == {"rules alone", "hash override", "hash + wide rescue"}
    for name, scores in a.items():
        assert set(scores) == {*learned_parts.OPEN_PARTS, "all"}
        for part in learned_parts.OPEN_PARTS:
            s = scores[part]
            assert s.tp + s.fp + s.fn + s.tn == 16  # every article of the part counted once
            assert (s.tp, s.fp, s.fn, s.tn, s.fields) == (b[name][part].tp, b[name][part].fp, b[name][part].fn,
                                                          b[name][part].tn, b[name][part].fields)
        assert scores["all"].tp + scores["all"].fp + scores["all"].fn + scores["all"].tn == 64
        assert scores["wide"].tp == scores["wide"].fn == 0  # wide: no assembly in Kazakhstan
    assert len(lines) == 3 * 5  # one line per setting and part, and the sum; totals only: no headline
    assert not any(t.format(c=c, n="")[:12] in line for line in lines for t, _ in EVENTS + OTHERS for c in CITIES)


def test_the_part_scored_never_trains_its_own_model(real):
    """The probabilities on `dev` do not move when dev's labels are flipped (dev never trains the model that scores
    it), and do move when the labels of a part it trains on are."""
    setting = SMALL[0]
    probs = learned_parts.held_out_probs(learned_parts.load_parts(real, learned_parts.OPEN_PARTS), setting, "dev", [])
    _write(real, "dev", flip=True)
    same = learned_parts.held_out_probs(learned_parts.load_parts(real, learned_parts.OPEN_PARTS), setting, "dev", [])
    assert same == probs and any(p is not None for p in probs)
    _write(real, "measured", flip=True)
    moved = learned_parts.held_out_probs(learned_parts.load_parts(real, learned_parts.OPEN_PARTS), setting, "dev", [])
    assert moved != probs


@pytest.mark.parametrize("part", ["holdout", "wide2", "fresh17"])
def test_refuses_the_parts_never_opened(real, part, capsys):
    with pytest.raises(ValueError, match=f"part '{part}' is never opened, trained on nor scored"):
        learned_parts.measure(real, parts=["dev", part], settings=SMALL, corpus=False)
    with pytest.raises(ValueError, match=f"part '{part}' is never opened"):
        learned_parts.measure(real, parts=["dev"], corpus=False,
                              settings=[Setting("sneaky", parts=("dev", "measured", part))])
    assert learned_parts.main(["--dir", str(real), "--parts", part]) == 2
    assert f"part '{part}' is never opened" in capsys.readouterr().err


def test_refuses_a_part_that_is_not_open(real):
    with pytest.raises(ValueError, match="'all' is not an open part"):
        learned_parts.measure(real, parts=["all"], settings=SMALL, corpus=False)


# -- the step's settings in config/sources.yaml (round 21) ---------------------------------------------------------

def test_triage_settings_read_from_the_file(tmp_path):
    p = tmp_path / "sources.yaml"
    p.write_text("triage:\n  learned: override\n  features: hash+lemmas\n  thresholds: [0.1, 0.7]\n"
                 "  training: [dev, measured, fresh, wide]\n  class_weights: balanced\nsources: []\n", encoding="utf-8")
    t = sources.load(p).triage
    assert (t.learned, t.features, t.thresholds, t.training, t.class_weights) == (
        "override", "hash+lemmas", (0.1, 0.7), ("dev", "measured", "fresh", "wide"), "balanced")
    t = sources.parse({"triage": {"learned": "override"}}).triage
    assert (t.thresholds, t.training, t.class_weights) == (None, None, None)  # the shipped step's own


@pytest.mark.parametrize("raw,match", [
    ({"thresholds": [0.8, 0.2]}, r"sources\.yaml: triage\.thresholds must be \[low, high\].*not \[0\.8, 0\.2\]"),
    ({"thresholds": 0.5}, r"triage\.thresholds must be \[low, high\]"),
    ({"thresholds": [0.1, 1.5]}, r"triage\.thresholds must be"),
    ({"thresholds": ["low", 0.8]}, r"triage\.thresholds must be"),
    ({"training": ["dev", "holdout"]}, r"triage\.training names holdout, a part the learned step must never train"),
    ({"training": ["dev", "wide2"]}, r"triage\.training names wide2"),
    ({"training": ["dev", "all"]}, r"triage\.training must be a list of parts .*dev, measured, fresh, fresh2, wide, fresh4"),
    ({"training": "dev"}, r"triage\.training must be a list"),
    ({"class_weights": "heavy"}, r"triage\.class_weights must be one of none, balanced"),
    ({"features": "words"}, r"triage\.features must be one of hash, lite, hash\+lemmas, lite\+lemmas"),
])
def test_an_invalid_triage_setting_is_named(tmp_path, raw, match):
    p = tmp_path / "sources.yaml"
    p.write_text(yaml.safe_dump({"triage": {"learned": "override", **raw}, "sources": []}), encoding="utf-8")
    with pytest.raises(sources.SourcesError, match=match):
        sources.load(p)


class FakeModel:
    def __init__(self, p: float):
        self.p = p

    def proba(self, examples):
        return [self.p for _ in examples]


def test_the_thresholds_of_the_file_decide():
    """p = 0.25: the shipped override (0.2 / 0.3) keeps the rules' "no" (p = 0.35 overturns it); with `thresholds:
    [0.1, 0.22]` p = 0.25 does too."""
    # (a gathering the rules doubt; a refusal told in the headline is kept from the step since session 48)
    art = ("Жители вышли к акимату", "Жители микрорайона Строитель вышли к зданию акимата Уральска 5 мая.")
    rules = [triage.classify(*art)]
    assert rules[0].passed_quick and not rules[0].is_assembly
    shipped = sources.TriageSettings(learned="override")
    assert not learned_triage.apply([art], rules, "override", FakeModel(0.25), config=shipped)[0].is_assembly
    assert learned_triage.apply([art], rules, "override", FakeModel(0.35), config=shipped)[0].is_assembly
    lower = sources.TriageSettings(learned="override", thresholds=(0.1, 0.22))
    assert learned_triage.apply([art], rules, "override", FakeModel(0.25), config=lower)[0].is_assembly


def test_model_for_refuses_a_never_train_part_and_trains_on_the_parts_named(monkeypatch):
    with pytest.raises(ValueError, match="triage: training names holdout"):
        learned_triage.model_for("hash", ("dev", "holdout"))
    asked = []

    def fake_examples(rules=False, splits=learned_triage.TRAIN_SPLITS):
        asked.append(tuple(splits))
        return [learned_triage.Example("Митинг у акимата", "Жители вышли на митинг.", None, True),
                learned_triage.Example("Матч завершился", "Футбольный матч завершился вничью.", None, False)]

    monkeypatch.setattr(learned_triage, "training_examples", fake_examples)
    monkeypatch.setenv("MONITOR_MODEL_CACHE", "off")
    monkeypatch.setattr(learned_triage, "_OTHER", {})
    model = learned_triage.model_for("hash", ("dev", "wide"), balanced=True)
    assert asked == [("dev", "wide")] and model.balanced


def test_learned_score_rows_carry_the_step_settings(monkeypatch):
    """A row of learned_score.SETTINGS with a 6th item trains on its parts and combines at its thresholds: p = 0.82
    takes the rules' "no" at 0.1/0.8 (candidate D, + wide), not at 0.1/0.85 (candidate B)."""
    from assets.media import learned_score

    art = "Жители вышли к акимату\nЖители микрорайона Строитель вышли к зданию акимата Уральска 5 мая."
    item = {"url": "https://example.kz/r21", "text": art, "published": None, "annotations": {"is_event": True}}
    base = {item["url"]: evaluate_real.run_one(item)}
    assert not base[item["url"]][0]
    asked = []

    def fake_model_for(features, training=None, balanced=False):
        asked.append((features, training, balanced))
        return FakeModel(0.82)

    monkeypatch.setattr(learned_triage, "model_for", fake_model_for)
    rows = {r[0][:5]: r for r in learned_score.SETTINGS}
    for key, said, training in (("r21 D", True, ("dev", "measured", "fresh", "wide")),
                                ("r21 B", False, ("dev", "measured", "fresh"))):
        _, tmode, tmodel, pmode, dmode, step = rows[key]
        run = learned_score.runner([("x.yaml", item)], tmode, tmodel, {"participants": pmode, "detained": dmode},
                                   base, step)
        assert run(item)[0] is said and asked[-1] == ("hash", training, False)
