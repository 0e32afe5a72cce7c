"""(session 53) The part `wide3` (tests/media/real/wide3/, its README): reports of assemblies from anywhere, collected
blind for head counts and detentions. It loads (no article of an earlier part, none twice), every form and city is a
code of schemas/card.yaml and config/gazetteer.yaml, abroad articles annotate only their counts, the counts its
README's table states are the annotations' own, and its halves split it by the rule written before it was scored
(MD5 of "session53:" + the URL: even = half A, opened; odd = half B, closed and never trained on)."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml

from assets.media import evaluate_real, sources

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "tests" / "media" / "real" / "wide3" / "README.md"


@pytest.fixture(scope="module")
def articles() -> list[tuple[str, dict]]:
    return evaluate_real.load(split="wide3")


def _codes(path: Path, *keys: str) -> set[str]:
    node = yaml.safe_load(path.read_text(encoding="utf-8"))
    for k in keys:
        node = node[k]
    return set(node)


def _as_list(v) -> list:
    return v if isinstance(v, list) else [v]


def counts(items: list[tuple[str, dict]]) -> dict[str, int]:
    """What the README's table counts, from the annotations alone."""
    anns = [item["annotations"] for _, item in items]
    return {
        "articles": len(items),
        "half A (opened)": sum(name.split("/", 1)[-1] in _names("wide3-a") for name, _ in items),
        "half B (closed)": sum(name.split("/", 1)[-1] in _names("wide3-b") for name, _ in items),
        "report detentions": sum(a["detained"] not in (None, 0) for a in anns),
        "detentions with a number or range": sum(isinstance(a["detained"], (int, list)) and a["detained"] != 0
                                                 for a in anns),
        "detentions without a number (unstated)": sum(a["detained"] == "unstated" for a in anns),
        "say nobody was detained (0)": sum(a["detained"] == 0 for a in anns),
        "state a head count": sum(a["participants"] is not None for a in anns),
        "head count as a range": sum(isinstance(a["participants"], list) for a in anns),
        "neither a head count nor a detention": sum(a["participants"] is None and a["detained"] in (None, 0)
                                                    for a in anns),
        "traps (notes begin with trap:)": sum(str(a.get("notes") or "").lower().startswith("trap:") for a in anns),
        "assemblies in Kazakhstan (is_event true)": sum(bool(a["is_event"]) for a in anns),
        "in Kazakh": sum(item["lang"] == "kk" for _, item in items),
        "in Russian": sum(item["lang"] == "ru" for _, item in items),
    }


def _names(half: str) -> set[str]:
    return {name.split("/", 1)[-1] for name, _ in evaluate_real.load(split=half)}


def readme_table() -> dict[str, int]:
    rows = re.findall(r"^\| ([^|]+?) \| (\d+) \|$", README.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return {k: int(v) for k, v in rows}


def test_wide3_loads_with_no_article_twice_nor_of_an_earlier_part(articles):
    assert len(articles) >= 100
    assert len({evaluate_real.url_key(item["url"]) for _, item in articles}) == len(articles)
    earlier = {evaluate_real.url_key(item["url"])
               for part in ("all", *evaluate_real.APART[:evaluate_real.APART.index("wide3")])
               for _, item in evaluate_real.load(split=part)}
    assert not earlier & {evaluate_real.url_key(item["url"]) for _, item in articles}


def test_the_halves_partition_the_part_by_the_hash_written_before_it_was_scored(articles):
    def half(url: str) -> str:
        return "wide3-a" if int(hashlib.md5(("session53:" + url).encode()).hexdigest(), 16) % 2 == 0 else "wide3-b"

    a, b = evaluate_real.load(split="wide3-a"), evaluate_real.load(split="wide3-b")
    assert {n for n, _ in a} | {n for n, _ in b} == {n for n, _ in articles}
    assert not {n for n, _ in a} & {n for n, _ in b}
    assert all(half(item["url"]) == "wide3-a" for _, item in a) and all(half(item["url"]) == "wide3-b" for _, item in b)
    assert min(len(a), len(b)) >= 0.35 * len(articles)


def test_only_half_b_is_scored_as_unread_text_and_neither_half_trains_the_step():
    assert "wide3-b" in sources.CLOSED_PARTS and "wide3-a" not in sources.CLOSED_PARTS
    assert "wide3" in sources.NEVER_TRAIN and "wide3" not in sources.CLOSED_PARTS
    assert not {"wide3", "wide3-a", "wide3-b"} & set(sources.STEP_TRAINING_PARTS)


def test_every_form_and_city_is_a_code_and_abroad_articles_annotate_only_their_counts(articles):
    forms = _codes(ROOT / "schemas" / "card.yaml", "card", "form", "codes")
    cities = _codes(ROOT / "config" / "gazetteer.yaml", "cities")
    for name, item in articles:
        ann = item["annotations"]
        assert item["lang"] in ("ru", "kk"), name
        assert all(f in forms for f in _as_list(ann["form"]) if f is not None), (name, ann["form"])
        assert ann["city"] is None or ann["city"] in cities, (name, ann["city"])
        if ann["is_event"]:
            assert ann["form"] is not None, name
        else:  # abroad or no assembly: nothing of the card is scored but the counts
            assert (ann["date"], ann["city"], ann["form"]) == (None, None, None), name
        if str(ann.get("notes") or "").lower().startswith("trap:"):
            assert not ann["is_event"] and ann["participants"] is None, name
        for key in ("participants", "detained"):
            v = ann[key]
            assert v is None or v == "unstated" and key == "detained" or isinstance(v, int) or (
                isinstance(v, list) and len(v) == 2 and 0 <= v[0] <= v[1]), (name, key, v)


def test_the_readme_table_states_the_counts_of_the_annotations(articles):
    table = readme_table()
    got = counts(articles)
    assert set(table) == set(got), "the README's table and counts() name different rows"
    assert table == got
    # what the part was collected for
    assert got["report detentions"] >= 30 and got["state a head count"] >= 40
