"""The fresh parts of the real articles (tests/media/real/fresh/ and fresh2/, issue 16): `--split fresh` /
`--split fresh2` score them, `--split all` never includes them, and their articles are in no other part (fresh2's in
no part at all, fresh included). `fresh` was a selection set until round 19, when it was opened to the rule writers
and the learned triage step began to train on it; `fresh2`, the selection set since, was opened later and trains since
session 36, with every opened part; the closed parts (the holdout, `wide2`, `fresh3`, `fresh17` … `fresh19`) never do."""
from __future__ import annotations

import collections
import functools
import re
from pathlib import Path

import pytest
import yaml

from assets.media import evaluate_real, learned_triage, sources

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")

ROOT = Path(__file__).parents[2]
CITIES = set(yaml.safe_load((ROOT / "config" / "gazetteer.yaml").read_text(encoding="utf-8"))["cities"])
FORMS = set(yaml.safe_load((ROOT / "schemas" / "card.yaml").read_text(encoding="utf-8"))["card"]["form"]["codes"])



@functools.cache
def _real(split: str) -> list[tuple[str, dict]]:
    """A part of the real set as committed, read once per process (each read of a part kept apart also reads the
    parts it must not overlap: ~1,000 YAML files)."""
    return evaluate_real.load(split=split)

def _article(url: str, text: str = "Митинг\nВ Алматы прошёл митинг.") -> dict:
    return {"url": url, "published": None, "lang": "ru", "text": text, "annotations": {"is_event": False}}


def _write(path: Path, article: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(article, allow_unicode=True), encoding="utf-8")


# What each fresh part's README claims, as lower bounds (and the share of assemblies as a range): the articles, the
# share that report an assembly, the share in Kazakh, the assemblies in Kazakh, those with a head count and those
# with a number of detained (fresh's README: 137 articles, 81 assemblies, 30 in Kazakh with 16 assemblies, 47 head
# counts, 19 with detentions; fresh2's: 118, 60, 37 with 16 assemblies, 32, 3). A new part gets its row here.
README_CLAIMS = {
    #          articles  assemblies' share  Kazakh share  Kazakh assemblies  counted  detained
    "fresh": dict(all=120, events=(0.55, 0.65), kk_share=0.20, events_kk=15, counted=40, detained=15),
    "fresh2": dict(all=100, events=(0.45, 0.65), kk_share=0.25, events_kk=15, counted=30, detained=3),
}


@pytest.mark.parametrize("part", sorted(README_CLAIMS))
def test_a_fresh_part_holds_what_its_readme_claims(part):
    claim = README_CLAIMS[part]
    items = _real(split=part)
    count = collections.Counter()
    for name, item in items:
        ann = item["annotations"]
        count["all"] += 1
        count[item["lang"]] += 1
        if ann["is_event"]:
            count["events"] += 1
            count["events_" + item["lang"]] += 1
            count["detained"] += ann.get("detained") is not None
            count["counted"] += ann.get("participants") is not None
    assert all(name.startswith(part + "/") for name, _ in items)
    assert count["all"] >= claim["all"]
    low, high = claim["events"]
    assert low <= count["events"] / count["all"] <= high
    assert count["kk"] / count["all"] >= claim["kk_share"]
    assert count["events_kk"] >= claim["events_kk"]
    assert count["counted"] >= claim["counted"]
    assert count["detained"] >= claim["detained"]


@pytest.mark.parametrize("part", ["fresh", "fresh2"])
def test_fresh_annotations_use_the_codes_of_the_project(part):
    for name, item in _real(split=part):
        ann = item["annotations"]
        assert item["lang"] in ("ru", "kk") and item["text"].strip(), name
        assert set(ann) >= {"is_event", "date", "city", "form", "participants", "detained", "notes"}, name
        if not ann["is_event"]:
            assert (ann["date"], ann["city"], ann["form"], ann["participants"]) == (None, None, None, None), name
            continue
        assert ann["city"] is None or ann["city"] in CITIES, name
        forms = ann["form"] if isinstance(ann["form"], list) else [ann["form"]]
        assert set(forms) <= FORMS, name
        p = ann["participants"]
        assert p is None or isinstance(p, int) or (isinstance(p, list) and len(p) == 2 and p[0] <= p[1]), name
        d = ann["detained"]
        assert d is None or d == "unstated" or isinstance(d, int) or (isinstance(d, list) and d[0] <= d[1]), name


def test_fresh_is_in_no_other_part_and_never_in_all():
    other = {evaluate_real.url_key(item["url"]) for sub in ("all", "holdout")
             for _, item in _real(split=sub)}
    fresh = [evaluate_real.url_key(item["url"]) for _, item in _real(split="fresh")]
    assert len(set(fresh)) == len(fresh)
    assert not other & set(fresh)
    assert {name.split("/")[0] for name, _ in _real(split="all")} == {"dev", "measured"}


def test_fresh2_is_in_no_other_part_fresh_included():
    other = {evaluate_real.url_key(item["url"]) for sub in ("all", "holdout", "fresh")
             for _, item in _real(split=sub)}
    fresh2 = [evaluate_real.url_key(item["url"]) for _, item in _real(split="fresh2")]
    assert len(set(fresh2)) == len(fresh2)
    assert not other & set(fresh2)
    assert not {name.split("/")[0] for name, _ in _real(split="all")} & {"fresh", "fresh2"}


def test_the_step_trains_on_every_opened_part_and_never_on_a_closed_one(tmp_path, monkeypatch):
    """Since session 36 the learned triage step trains on dev, measured and every part collected blind and opened
    since (`fresh` from round 19; `fresh2`, `wide`, `fresh4` … `fresh16` from session 36: learned_triage.TRAIN_SPLITS,
    the one list) but `fresh20` … `fresh23` (opened in sessions 38–40), which the shipped step leaves out; the closed
    parts (the holdout, `wide2`, `fresh3`, `fresh17` … `fresh19`, `fresh24` … `fresh28`, `wide3`) never train."""
    assert learned_triage.TRAIN_SPLITS == ("dev", "measured", "fresh", "fresh2", "wide", *(f"fresh{i}" for i in range(4, 17)))
    assert set(learned_triage.NEVER_TRAIN) == {"holdout", "wide2", "fresh3", "fresh17", "fresh18", "fresh19", "fresh24", "fresh25", "fresh26", "fresh27", "fresh28",
                                               "wide3"}
    # `fresh20` … `fresh23`, opened, are no closed parts: a `triage: training:` list may name them, the shipped step
    # leaves them out
    assert {"fresh20", "fresh21", "fresh22", "fresh23"} <= set(sources.TRIAGE_TRAINING_PARTS)
    assert sources.STEP_LEFT_OUT == ("fresh20", "fresh21", "fresh22", "fresh23")
    assert not set(learned_triage.TRAIN_SPLITS) & set(learned_triage.NEVER_TRAIN)
    # every fresh and fresh16 article is among what the real step trains on
    titles = {e.title for e in learned_triage.training_examples()}
    for part in ("fresh", "fresh16"):
        part_titles = {evaluate_real.article(item)[0] for _, item in _real(split=part)}
        assert len(part_titles) >= 120 and part_titles <= titles, part
    # a copy of the set's layout with one article a part: the opened parts reach the training set, the closed do not
    for part in ("dev", "measured", "fresh", "fresh2", "fresh16", "holdout", "fresh17"):
        urls = (f"https://example.kz/{part}/{i}" for i in range(200))  # dev and measured: the URL's hash places it
        url = next(u for u in urls if part not in ("dev", "measured") or evaluate_real.split_of(u) == part)
        _write(tmp_path / part / "a.yaml", _article(url, f"Заголовок части {part}\nВ Алматы прошёл митинг."))
    monkeypatch.setattr(evaluate_real, "DEFAULT_DIR", tmp_path)
    monkeypatch.setattr(learned_triage, "corpus_examples", lambda rules=True: [])
    got = {e.title for e in learned_triage.training_examples()}
    assert got == {f"Заголовок части {p}" for p in ("dev", "measured", "fresh", "fresh2", "fresh16")}
    # naming a part that must never train is refused, not trained on
    monkeypatch.setattr(learned_triage, "TRAIN_SPLITS", ("dev", "measured", "fresh", "fresh17"))
    with pytest.raises(RuntimeError, match="must never train"):
        learned_triage.training_examples()


def _shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}


def test_no_closed_article_is_trained_on():
    """The real training set (dev, measured, the opened parts and the corpus) holds no article of a closed part: no
    URL (as the loader compares them), and no copy of one under another URL — an article sharing half its five-word
    shingles with a closed one — unless it is in learned_triage.NOT_TRAINED, which training leaves out."""
    closed = [(n, item) for part in learned_triage.NEVER_TRAIN for n, item in _real(split=part)]
    assert len(closed) >= 600
    trained = [(n, item) for part in learned_triage.TRAIN_SPLITS for n, item in _real(split=part)]
    assert not {evaluate_real.url_key(i["url"]) for _, i in closed} & {evaluate_real.url_key(i["url"]) for _, i in trained}
    where: dict[str, set[str]] = {}
    for n, item in closed:
        for sh in _shingles(item["text"]):
            where.setdefault(sh, set()).add(n)
    copies = {}
    for n, item in trained:
        own = _shingles(item["text"])
        shared: dict[str, int] = {}
        for sh in own:
            for c in where.get(sh, ()):
                shared[c] = shared.get(c, 0) + 1
        copies.update({n: c for c, k in shared.items() if k >= len(own) / 2})
    assert set(copies) == set(learned_triage.NOT_TRAINED), copies
    # and what training reads holds none of them
    left_out = {evaluate_real.article(item)[1] for n, item in trained if n in copies}
    assert left_out and not left_out & {e.text for e in learned_triage.training_examples()}


def test_loader_reads_fresh_apart_and_refuses_a_known_url(tmp_path):
    url = "https://example.kz/news/miting/"
    # a URL whose hash points to `measured` is accepted in fresh: the part is not split by the hash
    fresh_url = next(f"https://example.kz/fresh/{i}" for i in range(100)
                     if evaluate_real.split_of(f"https://example.kz/fresh/{i}") == "measured")
    _write(tmp_path / evaluate_real.split_of(url) / "a.yaml", _article(url))
    _write(tmp_path / "fresh" / "f.yaml", _article(fresh_url))
    assert [n for n, _ in evaluate_real.load(tmp_path, split="fresh")] == ["fresh/f.yaml"]
    assert "fresh/f.yaml" not in [n for n, _ in evaluate_real.load(tmp_path, split="all")]
    _write(tmp_path / "fresh" / "g.yaml", _article("http://www.example.kz/news/miting/amp/?utm_source=x"))
    with pytest.raises(ValueError, match="already in the set as (dev|measured)/a.yaml"):
        evaluate_real.load(tmp_path, split="fresh")
    (tmp_path / "fresh" / "g.yaml").unlink()
    _write(tmp_path / "holdout" / "h.yaml", _article("https://example.kz/holdout/1"))
    _write(tmp_path / "fresh" / "g.yaml", _article("https://m.example.kz/holdout/1/"))
    with pytest.raises(ValueError, match="already in the set as holdout/h.yaml"):
        evaluate_real.load(tmp_path, split="fresh")
    (tmp_path / "fresh" / "g.yaml").unlink()
    _write(tmp_path / "fresh" / "g.yaml", _article(fresh_url + "/"))
    with pytest.raises(ValueError, match="already in the set as fresh/f.yaml"):
        evaluate_real.load(tmp_path, split="fresh")


def test_split_fresh_is_scored_from_the_command_line(tmp_path, capsys):
    _write(tmp_path / "fresh" / "f.yaml", _article("https://example.kz/fresh/cli"))
    assert evaluate_real.main(["--split", "fresh", "--dir", str(tmp_path)]) == 0
    assert "split fresh: 1 (0 report an assembly)" in capsys.readouterr().out


def test_loader_reads_fresh2_apart_and_refuses_a_url_of_fresh(tmp_path):
    _write(tmp_path / "fresh" / "f.yaml", _article("https://example.kz/fresh/1"))
    _write(tmp_path / "fresh2" / "a.yaml", _article("https://example.kz/fresh2/1"))
    assert [n for n, _ in evaluate_real.load(tmp_path, split="fresh2")] == ["fresh2/a.yaml"]
    # fresh2 is read by no other split, and fresh does not look into fresh2
    assert [n for n, _ in evaluate_real.load(tmp_path, split="fresh")] == ["fresh/f.yaml"]
    assert evaluate_real.load(tmp_path, split="all") == []
    _write(tmp_path / "fresh2" / "b.yaml", _article("http://m.example.kz/fresh/1/?utm_source=x"))
    with pytest.raises(ValueError, match="already in the set as fresh/f.yaml"):
        evaluate_real.load(tmp_path, split="fresh2")
    (tmp_path / "fresh2" / "b.yaml").unlink()
    _write(tmp_path / "fresh2" / "b.yaml", _article("https://www.example.kz/fresh2/1"))
    with pytest.raises(ValueError, match="already in the set as fresh2/a.yaml"):
        evaluate_real.load(tmp_path, split="fresh2")


def test_split_fresh2_is_scored_from_the_command_line(tmp_path, capsys):
    _write(tmp_path / "fresh2" / "f.yaml", _article("https://example.kz/fresh2/cli"))
    assert evaluate_real.main(["--split", "fresh2", "--dir", str(tmp_path)]) == 0
    assert "split fresh2: 1 (0 report an assembly)" in capsys.readouterr().out
