"""Every field as the rules of the day read the blind parts (assets/media/blind_fields.py, scripts/blind_verdicts.py;
issue 16, session 34)."""
from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pytest

from assets.media import blind_fields as bf, evaluate_real, extract, triage
from assets.media.learned_backtest import BLIND_FILE, OPENED, load_blind
from assets.media.sources import NEVER_TRAIN


@pytest.fixture(scope="module")
def per_part():
    return bf.measure(end_to_end=True)


@pytest.fixture(scope="module")
def forced():
    return bf.measure(end_to_end=False)


def test_the_file_holds_every_opened_part_and_only_fields():
    data = json.loads(bf.FIELDS_FILE.read_text(encoding="utf-8"))
    verdicts = json.loads(BLIND_FILE.read_text(encoding="utf-8"))
    assert tuple(data) == OPENED
    assert not set(data) & (set(NEVER_TRAIN) - set(OPENED))
    for part, d in data.items():
        assert set(d) == {"commit", "added", "fields"}, part  # no label, no text
        assert d["commit"] == verdicts[part]["commit"], part  # the same rules as the verdicts
        assert set(d["fields"]) == set(verdicts[part]["verdicts"]), part
        for row in d["fields"].values():
            assert row is None or len(row) == len(bf.KEYS)


# the first scorings end to end that the parts' READMEs wrote down when each was blind (date, city, form,
# participants, none invented, detained), by earlier sessions' runs of evaluate_real --end-to-end: given again
FIRST_SCORINGS = {"fresh8": ((2, 5), (23, 32), (19, 32), (14, 18), (13, 14), (6, 8)),
                  "fresh9": ((5, 8), (24, 34), (23, 34), (10, 12), (20, 22), (2, 2)),
                  "fresh13": ((9, 13), (25, 39), (23, 39), (13, 18), (19, 21), (1, 3)),
                  "fresh16": ((9, 16), (24, 32), (19, 32), (9, 11), (20, 21), (0, 1)),
                  # fresh20/README.md, 9d9f8d64, rules alone, end to end (session 38, when it was blind)
                  "fresh20": ((11, 15), (20, 31), (19, 31), (7, 13), (16, 18), (1, 2)),
                  # fresh21/README.md (session 38), fresh22/README.md and fresh23/README.md (session 39): rules alone,
                  # end to end, when each was blind
                  "fresh21": ((9, 12), (18, 30), (25, 30), (8, 10), (17, 20), (0, 0)),
                  "fresh22": ((5, 7), (14, 19), (15, 19), (4, 8), (9, 11), (1, 2)),
                  "fresh23": ((5, 6), (6, 10), (6, 10), (5, 6), (4, 4), (0, 0))}


@pytest.mark.parametrize("part", sorted(FIRST_SCORINGS))
def test_the_blind_fields_give_the_first_scorings_the_readmes_wrote(part, per_part):
    r = per_part[part]
    keys = ("date", "city", "form", "participants", "participants_none_invented", "detained")
    assert tuple((r.ok[k], r.total[k]) for k in keys) == FIRST_SCORINGS[part]


def test_forced_the_fields_are_those_the_readme_wrote_for_fresh9(forced):
    r = forced["fresh9"]
    # fresh9/README.md, 92dc9c7, rules alone (forced): date 7/8, city 29/34, form 31/34, participants 10/12
    assert [(r.ok[k], r.total[k]) for k in ("date", "city", "form", "participants")] == [(7, 8), (29, 34), (31, 34),
                                                                                           (10, 12)]


def test_pooled_adds_every_part_and_end_to_end_loses_the_missed_assemblies(per_part, forced):
    total = bf.pooled(list(per_part.values()))
    assert total.n == sum(r.n for r in per_part.values()) == 1898
    assert (total.tp, total.fp, total.fn) == (493, 190, 160)  # the blind verdicts' pooled triage (README)
    assert total.total["city"] == total.tp + total.fn  # every assembly scored for its city
    forced = bf.pooled(list(forced.values()))
    assert forced.total["city"] == total.total["city"]
    assert forced.ok["city"] > total.ok["city"] and forced.ok["form"] > total.ok["form"]
    # end to end, an assembly triage missed has no event, so invents no count: never fewer "none invented"
    assert total.ok["participants_none_invented"] >= forced.ok["participants_none_invented"]


def test_the_blind_fields_are_not_todays(per_part):
    """Today's rules were fitted to `fresh16` after its blind scoring: end to end, they must place and name more of its
    assemblies than the blind fields do (else the file holds today's fields and measures nothing unseen)."""
    blind = per_part["fresh16"]
    today = evaluate_real.evaluate(evaluate_real.DEFAULT_DIR, "fresh16", end_to_end=True)
    assert today.ok["city"] > blind.ok["city"] and today.ok["form"] > blind.ok["form"]


def test_a_part_is_scored_from_the_file_not_from_the_rules(monkeypatch):
    """The scorer never runs today's triage or extraction: it reads what the blind commit said."""
    def refuse(*a, **k):
        raise AssertionError("today's rules were run")

    monkeypatch.setattr(triage, "classify", refuse)
    monkeypatch.setattr(extract, "extract", refuse)
    verdicts, fields = load_blind(), bf.load_fields()
    assert bf.score_part("fresh10", verdicts["fresh10"], fields["fresh10"]).n == 53


def test_an_article_without_blind_fields_is_named(tmp_path):
    verdicts = load_blind()["fresh10"]
    fields = dict(bf.load_fields()["fresh10"])
    gone = sorted(fields)[0]
    del fields[gone]
    with pytest.raises(ValueError, match="blind_verdicts.py fresh10") as err:
        bf.score_part("fresh10", verdicts, fields)
    assert gone in str(err.value)


def test_a_file_naming_a_closed_part_or_a_short_row_is_refused(tmp_path):
    f = tmp_path / "f.json"
    f.write_text(json.dumps({"holdout": {"commit": "0" * 40, "added": "x", "fields": {}}}), encoding="utf-8")
    with pytest.raises(ValueError, match="holdout"):
        bf.load_fields(f)
    f.write_text(json.dumps({"fresh": {"commit": "0" * 40, "added": "x", "fields": {"u": [None, "almaty"]}}}),
                 encoding="utf-8")
    with pytest.raises(ValueError, match="u: 2 values, expected 7"):
        bf.load_fields(f)


def test_a_row_reads_as_the_extractions_event(tmp_path):
    f = tmp_path / "f.json"
    f.write_text(json.dumps({"fresh": {"commit": "0" * 40, "added": "x", "fields": {
        "u": ["2021-03-04", "almaty", "rally", 100, 150, 200, 3], "v": None}}}), encoding="utf-8")
    got = bf.load_fields(f)["fresh"]
    assert got["v"] is None
    assert got["u"] == SimpleNamespace(date=dt.date(2021, 3, 4), city="almaty", form="rally", participants_low=100,
                                       participants=150, participants_high=200, detained=3)


def test_main_prints_each_part_and_the_pooled_lines(capsys, monkeypatch, per_part, forced):
    monkeypatch.setattr(bf, "measure", lambda parts=None, end_to_end=True, lang=None: per_part if end_to_end else forced)
    assert bf.main(["--per-part"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(OPENED) + 2
    assert out[-2].startswith("pooled, end to end") and "(493/190/160)" in out[-2]
    assert out[-1].startswith("pooled, forced")
    for line, parts in ((out[-2], per_part), (out[-1], forced)):
        ok, total = sum(r.ok["form"] for r in parts.values()), sum(r.total["form"] for r in parts.values())
        assert f"form {ok}/{total} {ok / total:.2f};" in line


def test_the_script_writes_the_fields_one_line_an_article():
    from tests.media.test_learned_backtest import _script

    mod = _script()
    data = {"fresh": {"commit": "a" * 40, "added": "2026-12-01", "fields": {
        "u1": ["2020-01-02", "almaty", "rally", None, 5, None, 0], "u2": None}}}
    text = mod.dumps(data, "fields")
    assert json.loads(text) == data
    assert text.count("\n") == 6 and '"fields": {' in text


def test_a_step_changes_only_what_the_quick_pass_let_through_and_a_rescued_assembly_keeps_its_fields(monkeypatch,
                                                                                                     per_part):
    """A step sure of every article (p 0.99, override) makes an assembly of each article the quick pass let through;
    those the quick pass dropped stay dropped, and an assembly it takes is scored on the blind extraction's fields."""
    verdicts = load_blind()["fresh10"]
    monkeypatch.setattr(bf, "examples", lambda part: [])
    monkeypatch.setattr(bf, "corpus_examples", lambda rules=False: [])
    monkeypatch.setattr(bf, "probabilities", lambda setting, part, ex, corpus, models=None: dict.fromkeys(verdicts, 0.99))
    got = bf.measure(["fresh10"], step=bf.SHIPPED)["fresh10"]
    truth = {item["url"]: bool(item["annotations"]["is_event"])
             for _, item in evaluate_real.load(evaluate_real.DEFAULT_DIR, "fresh10")}
    quick = {u for u, (_, q) in verdicts.items() if q}
    assert got.tp == sum(truth[u] for u in quick) and got.fp == sum(not truth[u] for u in quick)
    assert got.fn == sum(truth[u] for u in verdicts if u not in quick)
    rules = per_part["fresh10"]
    assert got.tp > rules.tp and got.total["city"] == rules.total["city"]
    assert got.ok["city"] >= rules.ok["city"]  # the rescued assemblies bring their cities (forced fields) back


@pytest.mark.slow
def test_as_shipped_the_triage_is_the_backtests_shipped_line():
    from assets.media import learned_backtest as bt

    step = bf.pooled(list(bf.measure(step=bf.SHIPPED).values()))
    back = bt.measure([bt.SHIPPED], out=lambda line: None)[bt.SHIPPED.name]
    assert (step.tp, step.fp, step.fn, step.tn) == (back.tp, back.fp, back.fn, back.tn)


def test_the_two_languages_split_a_part_article_for_article(per_part):
    whole = per_part["fresh12"]
    ru, kk = (bf.measure(["fresh12"], lang=lang)["fresh12"] for lang in ("ru", "kk"))
    assert ru.n and kk.n and ru.n + kk.n == whole.n
    for k in ("tp", "fp", "fn", "tn"):
        assert getattr(ru, k) + getattr(kk, k) == getattr(whole, k), k
    for k in bf.SHOWN:
        assert (ru.ok[k] + kk.ok[k], ru.total[k] + kk.total[k]) == (whole.ok[k], whole.total[k]), k
    langs = {name: item["lang"] for name, item in evaluate_real.load(evaluate_real.DEFAULT_DIR, "fresh12")}
    assert set(bf.in_language("fresh12", "kk")) == {n.split("/", 1)[-1] for n, lang in langs.items() if lang == "kk"}


def test_a_part_with_no_article_in_the_language_is_left_out(monkeypatch):
    real = bf.in_language
    monkeypatch.setattr(bf, "in_language", lambda part, lang: [] if part == "fresh15" else real(part, lang))
    got = bf.measure(["fresh15", "fresh10"], lang="kk")
    assert list(got) == ["fresh10"] and got["fresh10"].n == 24  # fresh10: 24 Kazakh articles of 53


def test_measure_keeps_the_fitted_models_for_the_next_call(triage_fits):
    """A caller's `models` (agreement.py scores the shipped step twice) holds each part's model: the second call fits
    nothing, and without it each call fits its own."""
    fits = triage_fits
    models: dict = {}
    first = bf.measure(["fresh10"], step=bf.SHIPPED, models=models)
    again = bf.measure(["fresh10"], step=bf.SHIPPED, models=models)
    assert len(fits) == 1 and len(models) == 1
    assert (first["fresh10"].tp, first["fresh10"].fp) == (again["fresh10"].tp, again["fresh10"].fp)
    bf.measure(["fresh10"], step=bf.SHIPPED)
    assert len(fits) == 2
