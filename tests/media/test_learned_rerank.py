"""The learned re-ranker of the counts (assets/media/learned_rerank.py), its switch and wiring, and the scoring of
every mode on a part (assets/media/learned_score.py): issue 16, round 18."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assets.media import cli, evaluate_real, extract, learned_rerank, learned_score, parse, pipeline, sources, triage
from assets.media.learned_rerank import Candidate, choose

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")

# a picket of 15 with two other numbers around: an age and a year
ARTICLE = ("В Алматы прошел пикет",
           "Вчера у здания акимата Алматы 15 жителей провели пикет, требуя отремонтировать дорогу. "
           "Среди них была 72-летняя пенсионерка. Дорогу обещали отремонтировать ещё в 2019 году. "
           "Полиция задержала 3 участников.")


class ByValue:
    """A ranker whose probability for a candidate is fixed by its best value (else `default`)."""

    def __init__(self, probs: dict[int, float], default: float = 0.0):
        self.probs, self.default, self.seen = probs, default, []

    def proba(self, cands):
        self.seen += [c.best for c in cands]
        return [self.probs.get(c.best, self.default) for c in cands]


def _event(title=ARTICLE[0], body=ARTICLE[1]):
    tri = triage.classify(title, body)
    return tri, extract.extract(title, body, triage_result=tri, url="https://example.kz/1")


cand_st = st.builds(Candidate, st.integers(0, 5000), st.integers(0, 5000), st.integers(0, 5000), st.text(max_size=5),
                    st.just({}), st.just(False))


@settings(max_examples=300, deadline=None)
@given(cands=st.lists(cand_st, max_size=6), rules_at=st.integers(-1, 5), data=st.data(),
       mode=st.sampled_from(learned_rerank.MODES), take=st.floats(0, 1), drop=st.floats(0, 1))
def test_choose_only_among_the_candidates(cands, rules_at, data, mode, take, drop):
    """Whatever the probabilities, mode and thresholds: the answer is one of the candidates (the very object) or
    none; off and rescue keep the rules' answer where there is one; veto only keeps or drops it."""
    if 0 <= rules_at < len(cands):
        cands[rules_at] = Candidate(cands[rules_at].low, cands[rules_at].best, cands[rules_at].high, "r", {}, True)
    rules = next((c for c in cands if c.rules), None)
    probs = data.draw(st.lists(st.floats(0, 1), min_size=len(cands), max_size=len(cands)))
    got = choose(cands, probs, mode, take, drop)
    assert got is None or any(got is c for c in cands)
    if mode == "off" or (mode == "rescue" and rules is not None):
        assert got is rules
    if mode == "veto":
        assert got is None or got is rules
    if mode == "override" and got is not None:
        assert max(probs) >= take and probs[[i for i, c in enumerate(cands) if c is got][0]] == max(probs)


def test_choose_refuses_an_unknown_mode():
    with pytest.raises(ValueError, match="override"):
        choose([], [], "sometimes", 0.5, 0.5)


@settings(max_examples=40, deadline=None)
@given(probs=st.dictionaries(st.sampled_from([15, 72, 2019, 3, 1]), st.floats(0, 1)),
       mode=st.sampled_from(learned_rerank.MODES), fld=st.sampled_from(learned_rerank.FIELDS))
def test_applied_step_never_gives_a_number_the_rules_extractor_did_not_read(probs, mode, fld):
    """On a real article, with any probabilities: the count after the step is the rules', none, or a number
    of the article's candidates for that field — never one invented."""
    tri, events = _event()
    ev = events[0].to_dict()
    cands = learned_rerank.candidates(fld, *ARTICLE, tri, ev)
    out = learned_rerank.apply(*ARTICLE, None, tri, ev, {fld: mode}, {fld: ByValue(probs)})
    got = (out["participants_low"], out["participants"], out["participants_high"]) if fld == "participants" \
        else out["detained"]
    allowed = [c.value if fld == "participants" else c.best for c in cands]
    assert got in allowed + [(None, None, None), None]
    if got not in ((None, None, None), None, (ev["participants_low"], ev["participants"], ev["participants_high"]),
                   ev["detained"]):
        assert out["evidence"][f"{fld}_learned"].startswith(f"(learned re-ranker ({mode})")


def test_candidates_are_the_event_sentences_numbers():
    """The head count's candidates come from the headline and the event's sentences (15 and the rules' answer),
    not from the sentence of the age or of the year; the detained count's from the detention sentence."""
    tri, events = _event()
    ev = events[0]
    assert ev.participants == 15 and ev.detained == 3
    part = learned_rerank.candidates("participants", *ARTICLE, tri, ev)
    assert 15 in [c.best for c in part] and not {72, 2019} & {c.best for c in part}
    assert [c.best for c in part if c.rules] == [15]
    det = learned_rerank.candidates("detained", *ARTICLE, tri, ev)
    assert [c.best for c in det] == [3] and det[0].rules


def test_modes_change_the_count_as_documented():
    tri, events = _event()
    ev = events[0].to_dict()
    prefer_3 = {"participants": ByValue({15: 0.1, 3: 0.9})}
    # override: the model decides among the candidates (15 only: the 3 detained are in no event sentence); below
    # its threshold it says none, above it keeps 15
    over = learned_rerank.apply(*ARTICLE, None, tri, ev, {"participants": "override"}, prefer_3)
    assert over["participants"] is None and prefer_3["participants"].seen == [15]
    sure = learned_rerank.apply(*ARTICLE, None, tri, ev, {"participants": "override"},
                                {"participants": ByValue({15: 0.99})})
    assert sure == ev
    # veto: the rules' 15 at p = 0.01 is dropped; rescue: the rules gave one, so theirs stays
    veto = learned_rerank.apply(*ARTICLE, None, tri, ev, {"participants": "veto"},
                                {"participants": ByValue({15: 0.01})})
    assert veto["participants"] is None and "participants" not in veto["evidence"]
    assert veto["evidence"]["participants_learned"].startswith("(learned re-ranker (veto)")
    kept = learned_rerank.apply(*ARTICLE, None, tri, ev, {"participants": "rescue"}, prefer_3)
    assert kept["participants"] == 15 and kept == {**ev, "evidence": ev["evidence"]}
    # off never asks the model
    fake = ByValue({})
    assert learned_rerank.apply(*ARTICLE, None, tri, ev, {"participants": "off"}, {"participants": fake}) == ev
    assert fake.seen == []
    with pytest.raises(ValueError, match="learned_detained must be one of"):
        learned_rerank.apply(*ARTICLE, None, tri, ev, {"detained": "always"})


def test_switch_in_sources_yaml(tmp_path):
    assert sources.parse({}).extraction.modes() == {"participants": "off", "detained": "off"}
    cfg = sources.parse({"extraction": {"learned_participants": "Rescue", "learned_detained": False}})
    assert cfg.extraction.modes() == {"participants": "rescue", "detained": "off"}
    # the shipped choice, made on the fresh part (the selection set, 2026-12-01): triage's step is override (two
    # more assemblies, no false positive); the re-rankers stay off (detained: no gain; participants: one head count
    # of 47 for 7.5 s of CPU to train its model)
    shipped = sources.load()
    assert shipped.extraction.modes() == {"participants": "off", "detained": "off"}
    assert (shipped.triage.learned, shipped.triage.features) == ("override", "hash")
    p = tmp_path / "sources.yaml"
    p.write_text("extraction:\n  learned_detained: sometimes\nsources: []\n", encoding="utf-8")
    with pytest.raises(sources.SourcesError, match=r"sources\.yaml: extraction\.learned_detained must be one of off, "
                                                   r"override, rescue, veto"):
        sources.load(p)
    with pytest.raises(sources.SourcesError, match="extraction"):
        sources.parse({"extraction": {"learned_police": "off"}})


def test_monitor_extract_and_the_pipeline_run_the_step(monkeypatch, tmp_path, capsys):
    fake = ByValue({15: 0.01})
    monkeypatch.setattr(learned_rerank, "step_model", lambda fld: fake)
    f = tmp_path / "picket.txt"
    f.write_text("\n".join(ARTICLE), encoding="utf-8")
    assert cli.main(["extract", str(f), "--published", "2024-05-01", "--learned-participants", "off"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["participants"] == 15 and fake.seen == []
    # rescue keeps the rules' count even where the model finds it unlikely
    assert cli.main(["extract", str(f), "--published", "2024-05-01", "--learned-participants", "rescue"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["participants"] == 15
    assert cli.main(["extract", str(f), "--published", "2024-05-01", "--learned-participants", "veto"]) == 0
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert line["participants"] is None and line["detained"] == 3
    assert line["evidence"]["participants_learned"].startswith("(learned re-ranker (veto)")
    # the pipeline: build_candidates' step on the events of an article of one event
    arts = [parse.Article(article_id="a0", source="t", kind="file", url="https://example.kz/0", title=ARTICLE[0],
                          text=ARTICLE[1])]
    df, _ = pipeline.triage_articles(arts)
    events = pipeline.events_of(df)
    assert events[0]["participants"] == 15
    out = pipeline.rerank_counts(df, events, {"participants": "veto", "detained": "off"})
    assert out[0]["participants"] is None and out[0]["detained"] == 3 and out[0]["event_key"] == events[0]["event_key"]


def test_trained_only_on_dev_and_measured_deterministically(monkeypatch):
    """The ranker asks the loader for dev and measured only (never holdout or fresh), refuses any other part, and
    trained twice on the same rows gives the same probabilities (a few articles of each part, for speed)."""
    import yaml

    asked = []

    def load(directory=evaluate_real.DEFAULT_DIR, split="all"):
        asked.append(split)
        files = sorted((directory / split).glob("*.yaml"))[:30] if split in ("dev", "measured") else []
        items = [(f"{split}/{p.name}", yaml.safe_load(p.read_text(encoding="utf-8"))) for p in files]
        return [(n, i) for n, i in items if i["annotations"]["is_event"]][:10]

    monkeypatch.setattr(evaluate_real, "load", load)
    rows = learned_rerank.training_rows()
    assert set(asked) == {"dev", "measured"} and {r.name.split("/")[0] for r in rows} == {"dev", "measured"}
    with pytest.raises(ValueError, match="trains only on"):
        learned_rerank.training_rows(("dev", "holdout"))
    with pytest.raises(ValueError, match="trains only on"):
        learned_rerank.training_rows(("fresh",))
    for fld in learned_rerank.FIELDS:
        data = [(r.cands, r.expected) for r in rows if r.fld == fld]
        if len({learned_rerank.right(fld, e, c) for cs, e in data for c in cs}) < 2:
            continue
        cands = [c for cs, _ in data for c in cs]
        a = learned_rerank.Ranker(fld).fit(data).proba(cands)
        b = learned_rerank.Ranker(fld).fit(data).proba(cands)
        assert a == b and len(set(a)) > 1


def test_score_prints_totals_only(monkeypatch, tmp_path, capsys):
    """The scoring command on a part: one line a setting, the rules' line equal to evaluate_real's own scores, no
    file name or headline of an article; a part the loader does not know is refused."""
    names = sorted(p.name for p in (evaluate_real.DEFAULT_DIR / "dev").glob("*.yaml"))[:8]
    (tmp_path / "dev").mkdir()
    for n in names:
        shutil.copy(evaluate_real.DEFAULT_DIR / "dev" / n, tmp_path / "dev" / n)
    monkeypatch.setattr(learned_rerank, "step_model", lambda fld: ByValue({}, 0.0))
    setts = [s for s in learned_score.SETTINGS if s[1] == "off"]
    res = learned_score.score("dev", tmp_path, setts, end_to_end=False)
    out = capsys.readouterr().out
    ref = evaluate_real.evaluate(tmp_path, "dev")
    assert (res["rules alone"].tp, res["rules alone"].fp, res["rules alone"].ok) == (ref.tp, ref.fp, ref.ok)
    assert len(out.strip().splitlines()) == 1 + len(setts) and "TRAINED on this part" in out
    assert not any(n[:-5] in out for n in names)
    titles = [yaml_title for yaml_title in (evaluate_real.load(tmp_path, "dev")[i][1]["text"].split("\n")[0]
                                            for i in range(len(names)))]
    assert not any(t and t in out for t in titles)
    # the override at p = 0 everywhere says none: it can only lose head counts the rules had
    over = res["participants override"]
    assert over.ok["participants"] <= ref.ok["participants"] and over.total == ref.total
    with pytest.raises(ValueError, match="no article"):
        learned_score.score("fresh", tmp_path, setts, end_to_end=False)


def test_end_to_end_scores_a_triage_miss_as_every_field_lost(tmp_path, monkeypatch, capsys):
    """evaluate_real scores the fields on the forced extraction; end to end (as `monitor extract` gives them) an
    assembly its triage drops has no event. A hand-set run: triage says no, the forced event is right."""
    name = "365info-c567ee4c.yaml"  # dev: an assembly in Astana, 2019-05-01, 80 detained, no head count
    (tmp_path / "dev").mkdir()
    shutil.copy(evaluate_real.DEFAULT_DIR / "dev" / name, tmp_path / "dev" / name)
    right = extract.Event(date=dt.date(2019, 5, 1), city="astana", form="rally", detained=80)
    miss = triage.TriageResult(passed_quick=True, is_assembly=False, score=0.1, reasons=["hand-set"], event_sentences=[])
    forced = evaluate_real.evaluate(tmp_path, "dev", run=lambda item: (False, [right], miss))
    e2e = evaluate_real.evaluate(tmp_path, "dev", run=lambda item: (False, [right], miss), end_to_end=True)
    assert forced.fn == e2e.fn == 1
    assert {k: forced.ok[k] for k in ("date", "city", "form", "detained")} == {"date": 1, "city": 1, "form": 1,
                                                                              "detained": 1}
    assert {k: e2e.ok[k] for k in ("date", "city", "form", "detained")} == {"date": 0, "city": 0, "form": 0,
                                                                           "detained": 0}
    assert e2e.total == forced.total
    said = evaluate_real.evaluate(tmp_path, "dev", run=lambda item: (True, [right], miss), end_to_end=True)
    assert said.ok["city"] == said.ok["detained"] == 1  # an article triage keeps is scored the same either way
    # learned_score's last line: the shipped configuration end to end (here: the rules' triage, no re-ranker)
    cfg = sources.load()
    monkeypatch.setattr(sources, "load", lambda *a, **k: dataclasses.replace(
        cfg, triage=dataclasses.replace(cfg.triage, learned="off")))
    res = learned_score.score("dev", tmp_path, [learned_score.SETTINGS[0]])
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 3 and out[-1].startswith("shipped, end to end (monitor extract)")
    ref = evaluate_real.evaluate(tmp_path, "dev", end_to_end=True)
    assert res["shipped, end to end (monitor extract)"].ok == ref.ok
