"""The learned triage step (assets/media/learned_triage.py): how it combines with the rules, its switch in
config/sources.yaml, and its wiring into the pipeline and `monitor extract` (issue 16, item 2)."""
from __future__ import annotations

import json

import pytest

from assets.media import cli, learned_triage, parse, pipeline, sources, triage
from assets.media.learned_triage import combine

# what the rules doubt and the step may take: a gathering at an akimat with no protest cue near it (until session 48 a
# refusal of an akimat served here; a refusal told in the headline or lead is now kept from the step)
DOUBTED = ("Жители вышли к акимату", "Жители микрорайона Строитель вышли к зданию акимата Уральска 5 мая.")
REFUSAL = ("Акимат отказал активистам", "Акимат Уральска отказал активистам в проведении митинга 5 мая. "
           "Заявку подавали жители микрорайона Строитель.")
PICKET = ("В Алматы прошел пикет", "Вчера у здания акимата Алматы 15 жителей провели пикет, требуя "
          "отремонтировать дорогу. Полиция никого не задержала.")


class FakeModel:
    """A model whose probability of an assembly is fixed per headline."""

    def __init__(self, by_title: dict[str, float]):
        self.by_title = by_title
        self.seen: list[str] = []

    def proba(self, examples):
        self.seen += [e.title for e in examples]
        return [self.by_title[e.title] for e in examples]


@pytest.mark.parametrize("rule,p,mode,expected", [
    (False, 0.35, "override", True), (False, 0.25, "override", False),  # a model fairly sure adds (p >= 0.3)
    (True, 0.15, "override", False), (True, 0.25, "override", True),  # ... only a confident "no" drops (p <= 0.2)
    (True, 0.05, "rescue", True), (False, 0.85, "rescue", True), (False, 0.75, "rescue", False),
    (True, 0.15, "veto", False), (False, 0.99, "veto", False),
    (True, 0.0, "rules", True), (False, 0.51, "model", True), (True, 0.49, "model", False),
])
def test_combine(rule, p, mode, expected):
    low, high = learned_triage.THRESHOLDS.get(mode, (0.2, 0.8))
    assert combine(rule, p, mode, low, high) is expected


def test_apply_changes_only_confident_disagreements_and_says_why():
    arts = [DOUBTED, PICKET]
    rules = [triage.classify(*a) for a in arts]
    assert [r.is_assembly for r in rules] == [False, True]
    out = learned_triage.apply(arts, rules, "override", FakeModel({DOUBTED[0]: 0.9, PICKET[0]: 0.5}))
    assert out[0].is_assembly and out[0].label == "assembly"
    assert out[0].reasons[0].startswith("learned step (override): p(assembly) = 0.90, the rules said mention_only")
    assert out[1] is rules[1]  # not confident: the rules' verdict, untouched
    vetoed = learned_triage.apply(arts, rules, "override", FakeModel({DOUBTED[0]: 0.25, PICKET[0]: 0.1}))
    assert vetoed[0] is rules[0] and not vetoed[1].is_assembly and vetoed[1].label == "mention_only"
    # rescue never drops what the rules took; off never asks the model
    kept = learned_triage.apply(arts, rules, "rescue", FakeModel({DOUBTED[0]: 0.5, PICKET[0]: 0.0}))
    assert [r.is_assembly for r in kept] == [False, True]
    fake = FakeModel({})
    assert learned_triage.apply(arts, rules, "off", fake) == rules and fake.seen == []
    with pytest.raises(ValueError, match="override"):
        learned_triage.apply(arts, rules, "sometimes", fake)


def test_switch_in_sources_yaml(tmp_path):
    assert sources.parse({}).triage.learned == "off"
    assert sources.parse({"triage": {"learned": False}}).triage.learned == "off"  # YAML's bare `off`
    assert sources.parse({"triage": {"learned": "Override"}}).triage.learned == "override"
    p = tmp_path / "sources.yaml"
    p.write_text("triage:\n  learned: always\nsources: []\n", encoding="utf-8")
    with pytest.raises(sources.SourcesError, match=r"sources\.yaml: triage\.learned must be one of off, override, rescue"):
        sources.load(p)
    with pytest.raises(sources.SourcesError, match=r"`triage` takes the settings .*unknown: threshold$"):
        sources.parse({"triage": {"learned": "off", "threshold": 0.9}})


def test_pipeline_extracts_what_the_learned_step_took(monkeypatch):
    fake = FakeModel({DOUBTED[0]: 0.95, PICKET[0]: 0.6})
    monkeypatch.setattr(learned_triage, "step_model", lambda: fake)
    arts = [parse.Article(article_id=f"a{i}", source="t", kind="file", url=f"https://example.kz/{i}", title=t, text=x)
            for i, (t, x) in enumerate([DOUBTED, PICKET])]
    off, _ = pipeline.triage_articles(arts)
    assert off["triage_label"].to_list() == ["mention_only", "assembly"] and fake.seen == []
    df, results = pipeline.triage_articles(arts, "override")
    assert df["triage_label"].to_list() == ["assembly", "assembly"]
    assert results["a0"].reasons[0].startswith("learned step (override)")
    events = pipeline.events_of(df)
    assert sorted(e["article_id"] for e in events) == ["a0", "a1"]
    assert next(e for e in events if e["article_id"] == "a0")["why_found"].startswith("learned step (override)")


def test_monitor_extract_with_the_learned_switch(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(learned_triage, "step_model", lambda: FakeModel({DOUBTED[0]: 0.95}))
    f = tmp_path / "refusal.txt"
    f.write_text("\n".join(DOUBTED), encoding="utf-8")
    assert cli.main(["extract", str(f), "--published", "2024-05-01", "--learned", "off"]) == 0
    assert capsys.readouterr().out == ""
    assert cli.main(["extract", str(f), "--published", "2024-05-01", "--learned", "override"]) == 0
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert line["triage"]["label"] == "assembly" and line["city"] == "uralsk"
    assert line["triage"]["reasons"][0].startswith("learned step (override)")


@pytest.mark.slow  # trains the step twice on the corpus (`make test-slow`)
def test_step_model_is_trained_on_dev_and_measured_deterministically():
    """The real step: trained on tests/media/real/dev + measured and the corpus, twice, the same probabilities;
    an article reporting a picket is rated above a refusal."""
    ex = [learned_triage.Example(t, x, triage.classify(t, x)) for t, x in (PICKET, DOUBTED)]
    train = learned_triage.training_examples()
    assert len(train) > 500 and {e.label for e in train} == {True, False}
    a = learned_triage.TriageModel(learned_triage.STEP_FEATURES, learned_triage.STEP_C).fit(train).proba(ex)
    b = learned_triage.TriageModel(learned_triage.STEP_FEATURES, learned_triage.STEP_C).fit(train).proba(ex)
    assert a == b and a[0] > a[1]


@pytest.mark.parametrize("docs", [
    ["митинг у акимата\nвчера 15 жителей  вышли", "a", "", "жалғыз адамдық пикет өткізді", "x  y\tz w"],
    ["Ереуіл: жұмысшылар жалақы талап етті. 2022 жылы", "ё ъ 1 2 3 — «пикет»"],
])
def test_hashed_counts_are_scikit_learns_hashed_char_ngrams(docs):
    """The speed path's vectoriser gives the very matrix of scikit-learn's HashingVectorizer (char_wb 2-5)."""
    from sklearn.feature_extraction.text import HashingVectorizer

    ref = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=False, n_features=2 ** 18,
                            alternate_sign=False, norm=None).transform(docs)
    got = learned_triage.hashed_counts(docs)
    assert got.shape == ref.shape and (got != ref).nnz == 0 and ref.nnz > 0


def test_apply_reads_only_what_the_quick_pass_let_through():
    """Speed: an article that mentions no form of assembly keeps the rules' no_mention and is never given to the
    model, even in a mode that could take it."""
    weather = ("Погода в Алматы", "Завтра в Алматы ожидается снег и до минус десяти градусов.")
    arts = [DOUBTED, weather, PICKET]
    rules = [triage.classify(*a) for a in arts]
    assert [r.label for r in rules] == ["mention_only", "no_mention", "assembly"]
    fake = FakeModel({DOUBTED[0]: 0.95, weather[0]: 0.99, PICKET[0]: 0.5})
    out = learned_triage.apply(arts, rules, "rescue", fake)
    assert fake.seen == [DOUBTED[0], PICKET[0]]
    assert out[1] is rules[1] and [r.is_assembly for r in out] == [True, False, True]


def test_hashed_step_model_rates_real_reports(monkeypatch):
    """The step's own features (hashed n-grams, TF-IDF) trained on a few hand-made articles: deterministic, and an
    unseen picket rated above an unseen refusal."""
    train = [learned_triage.Example(t, x, None, lab) for t, x, lab in [
        ("Жители вышли на митинг", "В Уральске жители провели митинг у здания акимата, требуя ремонта.", True),
        ("Пикет у акимата", "Вчера активисты провели пикет у акимата Актобе.", True),
        ("Ереуіл", "Жұмысшылар ереуілге шықты, жалақы талап етті.", True),
        ("Акимат отказал", "Акимат отказал в проведении митинга, заявку отклонили.", False),
        ("Суд оштрафовал", "Суд оштрафовал активиста за призывы к митингу.", False),
        ("Акция скидок", "В торговом центре проходит акция: скидки до 50 процентов.", False)]]
    ex = [learned_triage.Example(t, x, None) for t, x in (PICKET, REFUSAL)]
    a = learned_triage.TriageModel("hash", 10.0).fit(train).proba(ex)
    b = learned_triage.TriageModel("hash", 10.0).fit(train).proba(ex)
    assert a == b and a[0] > 0.5 > a[1]


@pytest.mark.parametrize("features, weights, used", [
    ("hash", None, "step"),                                   # absent: the step's own (session 36: balanced)
    ("lite", None, "lite"),                                   # the lite model's own: equal weights (round 18)
    ("hash", "none", ("triage-hash", "hash C=10.0 balanced=False")),
    ("hash", "balanced", "step"),
    ("lite", "balanced", ("triage-lite", "lite C=10.0 balanced=True")),
])
def test_the_model_the_class_weights_choose(monkeypatch, features, weights, used):
    seen = []

    class Tagged(FakeModel):
        def __init__(self, tag):
            super().__init__({DOUBTED[0]: 0.5})
            self.tag = tag

        def proba(self, examples):
            seen.append(self.tag)
            return super().proba(examples)

    monkeypatch.setattr(learned_triage, "step_model", lambda: Tagged("step"))
    monkeypatch.setattr(learned_triage, "lite_model", lambda: Tagged("lite"))
    monkeypatch.setattr(learned_triage, "_OTHER", {})
    monkeypatch.setattr(learned_triage.model_cache, "trained", lambda name, params, parts, build: Tagged((name, params)))
    rules = [triage.classify(*DOUBTED)]
    config = sources.TriageSettings(learned="override", features=features, class_weights=weights)
    learned_triage.apply([DOUBTED], rules, "override", config=config)
    assert seen == [used]


def test_the_shipped_settings_reach_the_one_step_model(monkeypatch):
    """The step's own settings (every opened part, balanced) are the model kept as the step's (step_model); any other
    weights or parts train a model of their own."""
    monkeypatch.setattr(learned_triage, "step_model", lambda: "the step's model")
    monkeypatch.setattr(learned_triage, "lite_model", lambda: "the lite model")
    monkeypatch.setattr(learned_triage, "_OTHER", {})
    monkeypatch.setattr(learned_triage.model_cache, "trained", lambda name, params, parts, build: (name, params, parts))
    assert learned_triage.STEP_BALANCED is True and "balanced=True" in learned_triage.STEP_PARAMS
    assert learned_triage.model_for("hash") == "the step's model"
    assert learned_triage.model_for("hash", learned_triage.TRAIN_SPLITS, True) == "the step's model"
    assert learned_triage.model_for("hash", balanced=False) == (
        "triage-hash", "hash C=10.0 balanced=False", learned_triage.TRAIN_SPLITS)
    assert learned_triage.model_for("hash", ("dev", "measured", "fresh"), True)[2] == ("dev", "measured", "fresh")
    assert learned_triage.model_for("lite", balanced=False) == "the lite model"  # the lite model's own: equal weights
    assert learned_triage.model_for("lite", balanced=True)[:2] == ("triage-lite", "lite C=10.0 balanced=True")


ABROAD = [("Бішкекте митинг өтті", "Кеше Бішкекте Жогорку Кеңеш ғимаратының алдында 500-ге жуық адам митингке шықты. Олар "
           "үкіметтің отставкаға кетуін талап етті."),
          ("Митинг в Тбилиси", "Вчера в Тбилиси у здания парламента около тысячи человек вышли на митинг против закона.")]


@pytest.mark.parametrize("art", ABROAD)
def test_the_step_never_brings_an_event_placed_abroad_into_scope(art):
    """(session 36) A confident model does not override the rules' "abroad": on the opened parts the shipped step (each
    part scored by a model that never saw it) would have done so 18 times, every one of them wrong."""
    rules = [triage.classify(*art)]
    assert not rules[0].is_assembly and any(r.startswith(triage.ABROAD_REASON) for r in rules[0].reasons)
    for mode in ("override", "rescue"):
        assert learned_triage.apply([art], rules, mode, FakeModel({art[0]: 0.99})) == rules
    # the same model still brings in a refusal the rules set aside (no abroad in it)
    refusal = [triage.classify(*DOUBTED)]
    assert learned_triage.apply([DOUBTED], refusal, "override", FakeModel({DOUBTED[0]: 0.99}))[0].is_assembly


@pytest.mark.parametrize("art", ABROAD)
def test_every_measurement_of_the_step_keeps_the_abroad_refusal_as_the_step_does(art, monkeypatch):
    """(session 43) The backtest counted the abroad refusals a confident model would overturn as the step's false
    positives, though `apply` never overturns them: every tool that measures the step decides with the same
    `kept_from_step`, and a refusal for another reason is still the step's to overturn."""
    from types import SimpleNamespace

    from assets.media import learned_cv, learned_eval, learned_parts

    abroad, refusal = triage.classify(*art), triage.classify(*DOUBTED)
    assert learned_triage.kept_from_step(abroad.is_assembly, abroad.reasons)
    assert not learned_triage.kept_from_step(refusal.is_assembly, refusal.reasons)
    assert not learned_triage.kept_from_step(True, abroad.reasons)  # only a refusal is kept
    examples = [learned_triage.Example(*art, abroad, False), learned_triage.Example(*DOUBTED, refusal, True)]
    part = SimpleNamespace(items=[("a", {"url": "a"}), ("r", {"url": "r"})], examples=examples)
    override = SimpleNamespace(mode="override", low=0.2, high=0.3)
    assert learned_parts.verdicts(part, [0.99, 0.99], override) == {"a": False, "r": True}
    kept = [learned_triage.kept_from_step(e.tri.is_assembly, e.tri.reasons) for e in examples]
    assert learned_cv.verdicts([False, False], [0.99, 0.99], "override", 0.2, 0.3, kept) == [False, True]
    assert learned_cv.verdicts([False, False], [0.99, 0.99], "rescue", 0.0, 0.8, kept) == [False, True]

    class Confident:
        def __init__(self, *a, **k):
            pass

        def fit(self, train):
            return self

        def proba(self, test):
            return [0.99] * len(test)

    monkeypatch.setattr(learned_eval, "TriageModel", Confident)
    cand = learned_eval.TriageSetup("override", mode="override", low=0.2, high=0.3)
    assert learned_eval.predict(cand, [], examples) == [False, True]


@pytest.mark.parametrize("art", [
    REFUSAL,  # the "a refusal letter became a rally"
    ("Акимат не разрешил митинг", "Акимат Алматы отказал активистам в проведении митинга, запланированного на 30 августа."),
    ("Прокуратура предупредила о недопустимости митингов",
     "Прокуратура Атырауской области предупредила жителей о недопустимости участия в несанкционированных митингах."),
])
def test_a_refusal_told_in_the_headline_or_lead_is_kept_from_the_step(art):
    """(session 48) Whatever the step's probability: on the 20 blind parts it overturned 10 such refusals, 9 wrongly."""
    rules = [triage.classify(*art)]
    assert not rules[0].is_assembly and triage.PERMISSION_TOLD in rules[0].reasons
    assert learned_triage.kept_from_step(False, rules[0].reasons)
    out = learned_triage.apply([art], rules, "override", FakeModel({art[0]: 0.99}))
    assert out[0] is rules[0]


def test_a_rally_held_despite_a_refusal_is_no_refusal():
    res = triage.classify("Митинг прошел, несмотря на отказ акимата",
                          "В Уральске около 200 человек вышли на митинг у акимата, хотя им отказали в разрешении.")
    assert res.is_assembly and triage.PERMISSION_TOLD not in res.reasons
    doubted = triage.classify(*DOUBTED)
    assert not doubted.is_assembly and not learned_triage.kept_from_step(False, doubted.reasons)
    # a headline of another kind (a plan) is not kept; the rules' assembly is never "kept"
    assert not learned_triage.kept_from_step(False, ["title is about: planned", "sentence 1 not counted (planned)"])
    assert not learned_triage.kept_from_step(True, [triage.PERMISSION_TOLD])
