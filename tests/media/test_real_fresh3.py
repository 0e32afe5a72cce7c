"""The third selection part of the real articles (tests/media/real/fresh3/, collected 2026-12-03 by an engineer who
writes no rules): `--split fresh3` scores it, `--split all` never includes it, its articles are in no other part
(dev, measured, the holdout, fresh, fresh2, wide, wide2), and nothing trains on it."""
from __future__ import annotations

import functools
from pathlib import Path

import pytest
import yaml

from assets.media import evaluate_real, learned_triage

ROOT = Path(__file__).parents[2]
CITIES = set(yaml.safe_load((ROOT / "config" / "gazetteer.yaml").read_text(encoding="utf-8"))["cities"])
FORMS = set(yaml.safe_load((ROOT / "schemas" / "card.yaml").read_text(encoding="utf-8"))["card"]["form"]["codes"])
OTHERS = ("dev", "measured", "holdout", "fresh", "fresh2", "wide", "wide2")


@functools.cache
def _real(split: str) -> list[tuple[str, dict]]:
    return evaluate_real.load(split=split)


def _article(url: str, text: str = "Митинг\nВ Алматы прошёл митинг.") -> dict:
    return {"url": url, "published": None, "lang": "ru", "text": text, "annotations": {"is_event": False}}


def _write(path: Path, article: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(article, allow_unicode=True), encoding="utf-8")


def test_loader_reads_fresh3_apart_and_refuses_a_url_of_any_other_part(tmp_path):
    _write(tmp_path / "fresh3" / "a.yaml", _article("https://example.kz/fresh3/1"))
    assert [n for n, _ in evaluate_real.load(tmp_path, split="fresh3")] == ["fresh3/a.yaml"]
    # fresh3 is read by no other split
    assert evaluate_real.load(tmp_path, split="all") == []
    assert evaluate_real.load(tmp_path, split="fresh2") == []
    # an article already in an earlier part is refused, whatever the spelling of its URL
    for part in ("holdout", "fresh", "fresh2", "wide", "wide2"):
        url = next(f"https://example.kz/{part}/{i}" for i in range(200)
                   if part not in ("wide", "wide2") or evaluate_real.wide_half(f"https://example.kz/{part}/{i}") == part)
        _write(tmp_path / part / "x.yaml", _article(url))
        _write(tmp_path / "fresh3" / "b.yaml", _article(url.replace("https://", "http://www.") + "/?utm_source=x"))
        with pytest.raises(ValueError, match=f"already in the set as {part}/x.yaml"):
            evaluate_real.load(tmp_path, split="fresh3")
        (tmp_path / "fresh3" / "b.yaml").unlink()
        (tmp_path / part / "x.yaml").unlink()
    url = "https://example.kz/news/miting/"
    _write(tmp_path / evaluate_real.split_of(url) / "d.yaml", _article(url))
    _write(tmp_path / "fresh3" / "b.yaml", _article("https://m.example.kz/news/miting/amp/"))
    with pytest.raises(ValueError, match="already in the set as (dev|measured)/d.yaml"):
        evaluate_real.load(tmp_path, split="fresh3")
    # twice in fresh3 itself
    _write(tmp_path / "fresh3" / "b.yaml", _article("https://www.example.kz/fresh3/1"))
    with pytest.raises(ValueError, match="already in the set as fresh3/a.yaml"):
        evaluate_real.load(tmp_path, split="fresh3")


def test_split_fresh3_is_scored_from_the_command_line(tmp_path, capsys):
    _write(tmp_path / "fresh3" / "f.yaml", _article("https://example.kz/fresh3/cli"))
    assert evaluate_real.main(["--split", "fresh3", "--dir", str(tmp_path)]) == 0
    assert "split fresh3: 1 (0 report an assembly)" in capsys.readouterr().out


@pytest.mark.slow
def test_fresh3_is_in_no_other_part_and_its_annotations_use_the_codes_of_the_project():
    items = _real("fresh3")
    assert len(items) >= 70 and all(name.startswith("fresh3/") for name, _ in items)
    other = {evaluate_real.url_key(item["url"]) for sub in ("all", *OTHERS[2:]) for _, item in _real(sub)}
    keys = [evaluate_real.url_key(item["url"]) for _, item in items]
    assert len(set(keys)) == len(keys) and not other & set(keys)
    events = 0
    for name, item in items:
        ann = item["annotations"]
        assert item["lang"] in ("ru", "kk") and item["text"].strip(), name
        assert set(ann) >= {"is_event", "date", "city", "form", "participants", "detained", "notes"}, name
        if not ann["is_event"]:
            assert (ann["date"], ann["city"], ann["form"], ann["participants"]) == (None, None, None, None), name
            continue
        events += 1
        assert ann["city"] is None or ann["city"] in CITIES, name
        assert set(ann["form"] if isinstance(ann["form"], list) else [ann["form"]]) <= FORMS, name
        p, d = ann["participants"], ann["detained"]
        assert p is None or isinstance(p, int) or (isinstance(p, list) and len(p) == 2 and p[0] <= p[1]), name
        assert d is None or d == "unstated" or isinstance(d, int) or (isinstance(d, list) and d[0] <= d[1]), name
    assert 0.45 <= events / len(items) <= 0.65  # the README's 39 of 73


@pytest.mark.slow
def test_no_fresh3_article_is_trained_on():
    """No training list names fresh3, and the real training set (the parts of TRAIN_SPLITS and the corpus) holds no
    headline of it."""
    assert "fresh3" not in learned_triage.TRAIN_SPLITS
    titles = {evaluate_real.article(item)[0] for _, item in _real("fresh3")}
    assert len(titles) >= 70
    assert not titles & {e.title for e in learned_triage.training_examples()}


def test_no_learned_step_may_train_on_fresh3():
    # a selection set: naming it in triage.training is refused, as the holdout's and wide2's names are
    from assets.media import learned_triage, sources
    assert "fresh3" in learned_triage.NEVER_TRAIN
    with pytest.raises(sources.SourcesError, match="fresh3"):
        sources._training(["dev", "fresh3"], "config/sources.yaml")
