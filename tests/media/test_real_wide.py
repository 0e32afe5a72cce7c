"""The wide parts of the real articles (round 20, issue 16): Russian- and Kazakh-language reporting from anywhere,
split by the hash of the URL into `wide` (open to the rule writers) and `wide2` (a selection set nobody fits on,
never trained on). Abroad articles report no assembly in Kazakhstan; their head counts and detentions are scored
apart (`participants_not_scored`, `detained_not_scored`)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from assets.media import evaluate_real, learned_triage


def _article(url: str, text: str = "Митинг\nВ Алматы прошёл митинг.", **ann) -> dict:
    return {"url": url, "published": None, "lang": "ru", "text": text, "annotations": {"is_event": False, **ann}}


def _write(path: Path, article: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(article, allow_unicode=True), encoding="utf-8")


def _url_in(half: str, stem: str = "https://example.ru/news/") -> str:
    return next(f"{stem}{i}" for i in range(200) if evaluate_real.wide_half(f"{stem}{i}") == half)


def test_wide_half_is_the_first_hex_digit_of_the_url_keys_sha1():
    for i in range(50):
        url = f"https://www.example.ru/a/{i}/?utm_source=x"
        first = hashlib.sha1(evaluate_real.url_key(url).encode("utf-8")).hexdigest()[0]
        assert evaluate_real.wide_half(url) == ("wide2" if first >= "8" else "wide")
    # both halves occur, and the same article under another address form falls in the same half
    halves = {evaluate_real.wide_half(f"https://example.ru/b/{i}") for i in range(20)}
    assert halves == {"wide", "wide2"}
    u = _url_in("wide2")
    assert evaluate_real.wide_half(u.replace("https://", "http://m.") + "/") == "wide2"


def test_loader_reads_each_half_apart_and_refuses_the_other_half_and_known_urls(tmp_path):
    a, b = _url_in("wide"), _url_in("wide2")
    _write(tmp_path / "wide" / "a.yaml", _article(a))
    _write(tmp_path / "wide2" / "b.yaml", _article(b))
    assert [n for n, _ in evaluate_real.load(tmp_path, split="wide")] == ["wide/a.yaml"]
    assert [n for n, _ in evaluate_real.load(tmp_path, split="wide2")] == ["wide2/b.yaml"]
    assert evaluate_real.load(tmp_path, split="all") == []
    _write(tmp_path / "wide" / "c.yaml", _article(_url_in("wide2", "https://example.ru/other/")))
    with pytest.raises(ValueError, match="stored under wide but its URL hashes to wide2"):
        evaluate_real.load(tmp_path, split="wide")
    (tmp_path / "wide" / "c.yaml").unlink()
    _write(tmp_path / "fresh2" / "f.yaml", _article("https://example.kz/fresh2/1"))
    _write(tmp_path / "wide" / "c.yaml", _article(a.replace("https://", "http://www.")))
    with pytest.raises(ValueError, match="already in the set as wide/a.yaml"):
        evaluate_real.load(tmp_path, split="wide")
    (tmp_path / "wide" / "c.yaml").unlink()
    # wide2 refuses an article of wide (a URL of the other half cannot be stored there: same article, same half)
    _write(tmp_path / "holdout" / "h.yaml", _article(b + "/amp"))
    with pytest.raises(ValueError, match="already in the set as holdout/h.yaml"):
        evaluate_real.load(tmp_path, split="wide2")


def test_abroad_head_counts_and_detentions_are_scored_apart(tmp_path, capsys):
    text = ("В Москве задержали участников акции\n"
            "В центре Москвы около 300 человек вышли на несанкционированную акцию, полиция задержала 12 человек.")
    _write(tmp_path / "wide" / "m.yaml", _article(_url_in("wide"), text, participants=300, detained=12))
    _write(tmp_path / "wide" / "n.yaml", _article(_url_in("wide", "https://example.ru/n/"), text,
                                                  participants=5000, detained=1))
    res = evaluate_real.evaluate(tmp_path, "wide")
    assert (res.total["participants_not_scored"], res.ok["participants_not_scored"]) == (2, 1)
    assert (res.total["detained_not_scored"], res.ok["detained_not_scored"]) == (2, 1)
    assert res.total["participants"] == 0 and res.total["detained"] == 0
    assert evaluate_real.main(["--split", "wide", "--dir", str(tmp_path)]) == 0
    assert "split wide: 2 (0 report an assembly)" in capsys.readouterr().out


def test_abroad_articles_stating_no_count_are_scored_for_none_invented_apart(tmp_path):
    # annotated as stating no count although the rule reads one: the score must count it as invented
    invented = "Акция протеста у здания парламента\nВ Тбилиси у здания парламента собрались около 300 человек."
    none = "Акция протеста у здания парламента\nВ Тбилиси у здания парламента прошла акция протеста."
    _write(tmp_path / "wide" / "a.yaml", _article(_url_in("wide"), none, participants=None))
    _write(tmp_path / "wide" / "b.yaml", _article(_url_in("wide", "https://example.ru/b/"), invented, participants=None))
    _write(tmp_path / "wide" / "c.yaml", _article(_url_in("wide", "https://example.ru/c/"), none))  # not annotated
    res = evaluate_real.evaluate(tmp_path, "wide")
    key = "participants_none_invented_not_scored"
    assert res.total[key] == 2
    assert res.total["participants_none_invented"] == 0 and res.total["participants_not_scored"] == 0
    assert res.ok[key] == 1
    assert [e.split(":")[0] for e in res.errors if key in e] == ["wide/b.yaml"]


def test_wide2_never_trains():
    assert "wide2" in learned_triage.NEVER_TRAIN
    assert "wide2" not in learned_triage.TRAIN_SPLITS
