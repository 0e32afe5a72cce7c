"""The learned step's backtest on the rules' blind verdicts (assets/media/learned_backtest.py, scripts/blind_verdicts.py;
issue 16, session 33)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assets.media import evaluate_real, learned_backtest as bt
from assets.media.sources import NEVER_TRAIN, STEP_LEFT_OUT

ROOT = Path(__file__).resolve().parents[2]


def _script():
    """scripts/blind_verdicts.py as a module, loaded as the mutation scripts load their siblings."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from mutants_common import load_script

    return load_script("blind_verdicts")


@pytest.fixture(scope="module")
def blind():
    return bt.load_blind()


@pytest.fixture(scope="module")
def truth():
    return {p: {item["url"]: bool(item["annotations"]["is_event"]) for _, item in evaluate_real.load(evaluate_real.DEFAULT_DIR, p)}
            for p in bt.OPENED}


def test_the_file_holds_every_opened_part_and_only_verdicts():
    data = json.loads(bt.BLIND_FILE.read_text(encoding="utf-8"))
    assert tuple(data) == bt.OPENED  # in the order the parts were added
    for part, d in data.items():
        assert set(d) == {"commit", "added", "verdicts"}, part  # no label, no text, no headline
        assert re.fullmatch(r"[0-9a-f]{40}", d["commit"]), part
        assert all(isinstance(v, list) and len(v) == 2 and all(isinstance(x, bool) for x in v)
                   for v in d["verdicts"].values()), part
    # an assembly said is an article the quick pass let through
    assert all(quick or not said for d in data.values() for said, quick in d["verdicts"].values())


def test_each_part_has_a_verdict_for_each_of_its_articles_and_no_other(blind, truth):
    for part in bt.OPENED:
        assert set(blind[part]) == set(truth[part]), part


def test_no_closed_part_is_in_the_file(blind):
    closed = set(NEVER_TRAIN) - set(bt.OPENED)
    assert {"holdout", "fresh3", "wide2", "fresh17"} <= closed
    assert not set(blind) & closed


# the first scorings the parts' READMEs wrote down when each was blind (tp, fp, fn), by earlier sessions' runs of
# evaluate_real: the blind verdicts must give them again
FIRST_SCORINGS = {"fresh4": (38, 4, 11), "fresh5": (44, 2, 18), "fresh7": (21, 11, 13), "fresh10": (16, 4, 3),
                  "fresh11": (21, 13, 8), "fresh12": (17, 15, 4), "fresh13": (29, 17, 10), "fresh14": (18, 11, 10),
                  "fresh16": (21, 16, 11), "fresh20": (22, 9, 9),
                  "fresh21": (25, 5, 5), "fresh22": (15, 15, 4), "fresh23": (7, 5, 3)}


@pytest.mark.parametrize("part", sorted(FIRST_SCORINGS))
def test_the_blind_verdicts_give_the_first_scorings_the_readmes_wrote(part, blind, truth):
    t = bt.score(blind[part], truth[part], None)
    assert (t.tp, t.fp, t.fn) == FIRST_SCORINGS[part]


def test_the_blind_rules_err_more_than_todays_on_an_opened_part(blind, truth):
    """Today's rules were fitted to `fresh16` after its blind scoring (session 32): they must find more of it than the
    blind verdicts do (else the file holds today's verdicts, and the backtest measures nothing)."""
    from assets.media import triage

    today = {}
    for _, item in evaluate_real.load(evaluate_real.DEFAULT_DIR, "fresh16"):
        title, body, published = evaluate_real.article(item)
        tri = triage.with_site(triage.classify(title, body, published), item["url"], title, body)
        today[item["url"]] = (tri.is_assembly, tri.passed_quick)
    then, now = bt.score(blind["fresh16"], truth["fresh16"], None), bt.score(today, truth["fresh16"], None)
    assert now.tp > then.tp and now.fp < then.fp


def test_score_combines_as_the_shipped_step_and_leaves_what_the_quick_pass_dropped():
    blind = {"a": (True, True), "b": (False, True), "c": (False, False), "d": (True, True)}
    truth = {"a": True, "b": True, "c": True, "d": False}
    probs = {"a": 0.1, "b": 0.9, "c": 0.99, "d": 0.1}
    rules = bt.score(blind, truth, None)
    assert (rules.tp, rules.fp, rules.fn, rules.tn) == (1, 1, 2, 0)
    over = bt.score(blind, truth, probs, "override", 0.2, 0.8)
    # a: dropped (p 0.1), b: taken (p 0.9), c: the quick pass dropped it, never read; d: dropped
    assert (over.tp, over.fp, over.fn, over.tn) == (1, 0, 2, 1)
    rescue = bt.score(blind, truth, probs, "rescue", 0.0, 0.8)
    assert (rescue.tp, rescue.fp, rescue.fn, rescue.tn) == (2, 1, 1, 0)
    assert over.precision == 1.0 and over.recall == pytest.approx(1 / 3)
    assert rescue.f1 == pytest.approx(2 * (2 / 3) * (2 / 3) / (4 / 3))


def test_pools_never_hold_the_part_scored_nor_a_closed_part():
    assert bt.pool("fresh4", "forward") == ("dev", "measured", "fresh", "fresh2", "wide")
    assert bt.pool("fresh", "forward") == ("dev", "measured")
    assert bt.pool("fresh", "s35") == ("dev", "measured")  # the step until session 35: dev, measured, fresh
    # since session 36: every other opened part; since session 39 less the parts the shipped step leaves out
    left_out = {"fresh20", "fresh21", "fresh22", "fresh23"}
    assert bt.pool("fresh9", "shipped") == tuple(p for p in bt.pool("fresh9", "lopo") if p not in left_out)
    assert left_out <= set(bt.pool("fresh9", "lopo"))
    lopo = bt.pool("fresh9", "lopo")
    assert "fresh9" not in lopo and {"fresh16", "fresh", "dev", "measured"} <= set(lopo)
    for part in bt.OPENED:
        for scheme in ("lopo", "forward", "shipped", "s35"):
            got = bt.pool(part, scheme)
            assert part not in got
            assert not set(got) & {"holdout", "fresh3", "wide2", "fresh17"}
    with pytest.raises(ValueError, match="lopo, forward, shipped or s35"):
        bt.pool("fresh4", "all")


def test_a_file_naming_a_closed_part_is_refused(tmp_path):
    f = tmp_path / "blind.json"
    f.write_text(json.dumps({"fresh3": {"commit": "0" * 40, "added": "x", "verdicts": {}}}), encoding="utf-8")
    with pytest.raises(ValueError, match="fresh3"):
        bt.load_blind(f)


def test_the_script_refuses_a_closed_part_and_writes_one_line_an_article(capsys):
    mod = _script()
    assert mod.main(["fresh17"]) == 2
    assert "never here" in capsys.readouterr().err
    data = {"fresh": {"commit": "a" * 40, "added": "2026-12-01", "verdicts": {"u1": [True, True], "u2": [False, False]}},
            "fresh2": {"commit": "b" * 40, "added": "2026-12-02", "verdicts": {"u3": [False, True]}}}
    text = mod.dumps(data)
    assert json.loads(text) == data
    assert text.count("\n") == 9  # {, a part's line, its two articles, its end, the second part's three, }, the last newline


def test_each_commit_is_the_parent_of_the_one_that_added_its_part():
    if not (ROOT / ".git").exists():
        pytest.skip("not a git clone")
    data = json.loads(bt.BLIND_FILE.read_text(encoding="utf-8"))
    for part in ("fresh", "fresh10", "fresh16"):
        added = subprocess.run(["git", "-C", str(ROOT), "log", "--diff-filter=A", "--format=%H", "--",
                                f"tests/media/real/{part}"], capture_output=True, text=True, check=True).stdout.split()
        if not added:
            pytest.skip("a shallow clone")
        parent = subprocess.run(["git", "-C", str(ROOT), "rev-parse", f"{added[-1]}^"], capture_output=True, text=True)
        if parent.returncode:
            pytest.skip("a shallow clone")
        assert data[part]["commit"] == parent.stdout.strip(), part


@pytest.mark.slow
def test_measure_scores_the_rules_and_a_setting_over_parts():
    lines = []
    setting = bt.Setting("forward, override 0.2/0.8", pool="forward")
    res = bt.measure([setting], parts=["fresh10", "fresh15"], out=lines.append)
    rules = res["rules of the part's day, alone"]
    assert (rules.tp, rules.fp, rules.fn) == (16, 5, 3)  # fresh10 16, 4, 3 and fresh15 0, 1, 0
    step = res[setting.name]
    assert step.tp + step.fn == rules.tp + rules.fn and step.tp + step.fp + step.fn + step.tn == 53 + 17
    assert len(lines) == 2 and all("pooled" in line for line in lines)


def test_a_model_is_fitted_once_for_each_pool(triage_fits):
    fits = triage_fits
    ex = {p: [(f"{p}-url", object())] for p in (*bt.FIRST, *bt.OPENED)}
    models: dict = {}
    s35 = next(s for s in bt.SETTINGS if s.pool == "s35")
    for part in ("fresh4", "fresh5", "fresh"):
        assert bt.probabilities(s35, part, ex, [], models) == {f"{part}-url": 0.5}
    # fresh4 and fresh5 share the pool of the step until session 35 (dev, measured, fresh); fresh's own lacks fresh
    assert fits == [3, 2]
    # the shipped step (every opened part): a pool of its own for each part, which it never holds
    for part in ("fresh4", "fresh5"):
        bt.probabilities(bt.SHIPPED, part, ex, [], models)
        bt.probabilities(bt.SHIPPED, part, ex, [], models)
    n = len(bt.FIRST) + len(bt.OPENED) - 1 - len(STEP_LEFT_OUT)
    assert fits == [3, 2, n, n]


def test_at_mix_weighs_the_non_events_to_the_mix_asked():
    """(session 41) 60 assemblies found of 80, 30 false positives among 120 non-events: at 22:10 the 120 non-events
    count as 80 x 10 / 22 = 36.4, so the 30 false ones as 30 x 36.4 / 120 = 9.09."""
    t = bt.Totals(tp=60, fp=30, fn=20, tn=90)
    p, r, f1 = t.at_mix(22, 10)
    assert r == t.recall == 0.75
    assert p == pytest.approx(60 / (60 + 30 * (80 * 10 / 22) / 120))
    assert f1 == pytest.approx(2 * p * r / (p + r))
    assert t.at_mix(80, 120)[0] == pytest.approx(t.precision)  # the set's own mix: its own precision
    assert t.at_mix(1, 1)[0] > t.precision > t.at_mix(1, 3)[0]  # fewer non-events, fewer false positives
    with pytest.raises(ValueError, match="both sides"):
        bt.Totals(tp=5, fn=1).at_mix(22, 10)


@pytest.mark.parametrize("mix", ["22", "22:ten", "0:10", "22:-1"])
def test_the_cli_refuses_a_mix_that_is_not_two_numbers_above_zero(mix, capsys):
    with pytest.raises(SystemExit) as exc:
        bt.main(["--mix", mix])
    assert exc.value.code == 2 and "--mix takes" in capsys.readouterr().err


def test_pooled_totals_count_every_part_and_logit_stays_finite():
    blind = {"a": {"u1": (True, True), "u2": (False, True)}, "b": {"u3": (False, False), "u4": (True, False)}}
    truth = {"a": {"u1": True, "u2": True}, "b": {"u3": False, "u4": False}}
    t = bt.pooled_totals(blind, truth, ["a", "b"], lambda p, u, rule, quick: rule)
    assert (t.tp, t.fp, t.fn, t.tn) == (1, 1, 1, 1)
    only_a = bt.pooled_totals(blind, truth, ["a"], lambda p, u, rule, quick: quick)
    assert (only_a.tp, only_a.fp, only_a.fn, only_a.tn) == (2, 0, 0, 0)
    assert bt.logit(0.5) == 0.0 and bt.logit(0.0) == pytest.approx(-9.2102, abs=1e-3)
    assert bt.logit(1.0) == pytest.approx(9.2102, abs=1e-3) and bt.logit(0.9) == pytest.approx(2.1972, abs=1e-3)


def _files(tmp_path, verdicts: dict, reasons: dict, part: str = "fresh"):
    v, r = tmp_path / "blind_verdicts.json", tmp_path / "blind_reasons.json"
    v.write_text(json.dumps({part: {"commit": "a" * 40, "added": "x", "verdicts": verdicts}}), encoding="utf-8")
    r.write_text(json.dumps({part: {"commit": "a" * 40, "added": "x", "reasons": reasons}}), encoding="utf-8")
    return v, r


def test_the_backtest_keeps_an_abroad_refusal_as_the_shipped_step_does(tmp_path):
    """(session 43) learned_triage.apply never overturns a refusal the rules gave because the event is abroad; until
    session 43 the backtest did, and counted each such article the step's probability took as a false positive."""
    from assets.media.triage import ABROAD_REASON

    v, r = _files(tmp_path, {"u1": [False, True], "u2": [False, True], "u3": [True, True], "u4": [False, False]},
                  {"u1": ["sentence 0: form+verb", f"{ABROAD_REASON} (no city of Kazakhstan named)"],
                   "u2": ["no sentence tells that an assembly was held or is under way"],
                   "u3": [f"{ABROAD_REASON} (no city of Kazakhstan named)"], "u4": []})
    blind = bt.load_blind(v, r)["fresh"]
    assert blind == {"u1": (False, False), "u2": (False, True), "u3": (True, True), "u4": (False, False)}
    assert bt.load_blind(v, None)["fresh"]["u1"] == (False, True)  # the step without its guard
    said = bt.with_step(blind, dict.fromkeys(blind, 0.99), "override", 0.2, 0.3)
    assert said == {"u1": False, "u2": True, "u3": True, "u4": False}


def test_reasons_of_other_articles_than_the_verdicts_are_refused(tmp_path):
    v, r = _files(tmp_path, {"u1": [False, True]}, {"u9": []})
    with pytest.raises(ValueError, match="fresh.*blind_verdicts.py fresh"):
        bt.load_blind(v, r)


def test_every_abroad_or_foreign_site_refusal_of_the_blind_rules_is_kept_from_the_step(blind):
    from assets.media.triage import ABROAD_REASON

    raw = json.loads(bt.BLIND_FILE.read_text(encoding="utf-8"))
    reasons = bt.load_reasons()
    kept = [(p, u) for p, d in raw.items() for u, (said, quick) in d["verdicts"].items()
            if quick and not said and any(r.startswith(ABROAD_REASON) for r in reasons[p][u])]
    assert len(kept) > 100  # the wide part alone holds over a hundred
    assert all(blind[p][u] == (False, False) for p, u in kept)
    # and the refusals on a foreign site, which triage.with_site refuses again after the step (6 the step takes)
    on_sites = [(p, u) for p, d in raw.items() for u, (said, quick) in d["verdicts"].items()
                if quick and not said and u in bt.foreign_sites(p)]
    assert on_sites and all(blind[p][u] == (False, False) for p, u in on_sites)
    # (session 48) and the refusals whose headline or lead tells a permission, a refusal or a warning (read from the
    # text, or the blind rules' "title is about: … permission")
    told = [(p, u) for p, d in raw.items() for u, (said, quick) in d["verdicts"].items()
            if quick and not said and (u in bt.permission_told(p) or any(
                r.startswith("title is about") and "permission" in r for r in reasons[p][u]))]
    assert len(told) >= 10 and all(blind[p][u] == (False, False) for p, u in told)
    kept_set = set(kept) | set(on_sites) | set(told)
    others = [(p, u) for p, d in raw.items() for u in d["verdicts"] if (p, u) not in kept_set]
    assert all(blind[p][u] == tuple(raw[p]["verdicts"][u]) for p, u in others)


@pytest.mark.parametrize("p", [0.99, 0.01])
def test_the_backtest_decides_as_the_shipped_pipeline_on_real_articles(tmp_path, p):
    """(session 43) The backtest combines the step with stored verdicts; the shipped pipeline runs the rules, the step
    (learned_triage.apply) and then triage.with_site. Given today's rules' verdicts and reasons as if they were blind
    ones, and a model that says `p` of every article, the two agree on every article of the `wide` part — which holds
    refusals for "abroad" and articles on foreign sites, the two ways the pipeline keeps a refusal the step would
    overturn (until session 43 the backtest knew neither)."""
    from assets.media import learned_triage, triage

    items = evaluate_real.load(evaluate_real.DEFAULT_DIR, "wide")
    arts = [evaluate_real.article(item)[:2] for _, item in items]
    urls = [item["url"] for _, item in items]
    rules = [triage.with_site(triage.classify(*a), u, *a) for a, u in zip(arts, urls)]

    class Model:
        def proba(self, examples):
            return [p] * len(examples)

    shipped = [triage.with_site(v, u, *a).is_assembly
               for v, u, a in zip(learned_triage.apply(arts, rules, "override", Model()), urls, arts)]
    v, r = _files(tmp_path, {u: [t.is_assembly, t.passed_quick] for u, t in zip(urls, rules)},
                  {u: list(t.reasons) for u, t in zip(urls, rules)}, "wide")
    blind = bt.load_blind(v, r)["wide"]
    low, high = learned_triage.THRESHOLDS["override"]
    said = bt.with_step(blind, dict.fromkeys(blind, p), "override", low, high)
    assert [said[u] for u in urls] == shipped
    # both ways are there: a refusal for "abroad", and a refusal on a foreign site the step would have taken
    refusals = [(u, t) for u, t in zip(urls, rules) if t.passed_quick and not t.is_assembly]
    assert any(learned_triage.kept_from_step(False, t.reasons) for _, t in refusals)
    assert any(u in bt.foreign_sites("wide") and not learned_triage.kept_from_step(False, t.reasons) for u, t in refusals)
