"""The holdout of real articles (tests/media/real/holdout/, issue 16 item 5): it loads, it holds what
its README says, and none of its articles is already in `dev` or `measured`."""
from __future__ import annotations

import collections
import shutil
from pathlib import Path

import pytest
import yaml

from assets.media import evaluate_real

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")

CITIES = set(yaml.safe_load((Path(__file__).parents[2] / "config" / "gazetteer.yaml").read_text(encoding="utf-8"))["cities"])
FORMS = set(yaml.safe_load((Path(__file__).parents[2] / "schemas" / "card.yaml").read_text(encoding="utf-8"))
            ["card"]["form"]["codes"])


def test_holdout_holds_the_counts_its_readme_claims():
    items = evaluate_real.load(split="holdout")
    count = collections.Counter()
    for name, item in items:
        ann = item["annotations"]
        count["all"] += 1
        count[item["lang"]] += 1
        if ann["is_event"]:
            count["events"] += 1
            if ann["detained"] is not None and ann["detained"] != 0:
                count["with detentions"] += 1
    assert (count["all"], count["events"], count["all"] - count["events"]) == (333, 194, 139)
    assert (count["ru"], count["kk"]) == (260, 73)
    assert count["with detentions"] == 66
    assert all(name.startswith("holdout/") for name, _ in items)


def test_holdout_annotations_use_the_codes_of_the_project():
    for name, item in evaluate_real.load(split="holdout"):
        ann = item["annotations"]
        assert item["lang"] in ("ru", "kk") and item["text"].strip(), name
        if not ann["is_event"]:
            continue
        assert set(ann) >= {"date", "city", "form", "participants", "detained"}, name
        assert ann["city"] is None or ann["city"] in CITIES, name
        forms = ann["form"] if isinstance(ann["form"], list) else [ann["form"]]
        assert set(forms) <= FORMS, name


def test_holdout_has_no_article_of_dev_or_measured():
    known = {evaluate_real.url_key(item["url"]) for _, item in evaluate_real.load(split="all")}
    holdout = [evaluate_real.url_key(item["url"]) for _, item in evaluate_real.load(split="holdout")]
    assert len(set(holdout)) == len(holdout)
    assert not known & set(holdout)
    assert {name.split("/")[0] for name, _ in evaluate_real.load(split="all")} == {"dev", "measured"}


@pytest.mark.parametrize("variant", [
    "http://www.example.kz/news/miting/amp/?utm_source=x",
    "https://m.example.kz./news/miting#top",
])
def test_loader_refuses_a_holdout_article_already_in_dev(tmp_path, variant):
    url = "https://example.kz/news/miting/"
    sub = evaluate_real.split_of(url)
    for part in ("dev", "measured", "holdout"):
        (tmp_path / part).mkdir()
    article = {"url": url, "published": None, "lang": "ru", "text": "Митинг\nПрошёл митинг.",
               "annotations": {"is_event": False}}
    (tmp_path / sub / "a.yaml").write_text(yaml.safe_dump(article, allow_unicode=True), encoding="utf-8")
    (tmp_path / "holdout" / "b.yaml").write_text(yaml.safe_dump({**article, "url": variant}, allow_unicode=True),
                                                 encoding="utf-8")
    with pytest.raises(ValueError, match="already in the set"):
        evaluate_real.load(tmp_path, split="holdout")
    (tmp_path / sub / "a.yaml").unlink()
    assert [name for name, _ in evaluate_real.load(tmp_path, split="holdout")] == ["holdout/b.yaml"]
    shutil.copy(tmp_path / "holdout" / "b.yaml", tmp_path / "holdout" / "c.yaml")
    with pytest.raises(ValueError, match="already in the set as holdout/b.yaml"):
        evaluate_real.load(tmp_path, split="holdout")


def test_url_key_keeps_different_articles_apart():
    assert evaluate_real.url_key("https://vlast.kz/novosti/1-a.html") != evaluate_real.url_key(
        "https://vlast.kz/novosti/2-a.html")
    assert evaluate_real.url_key("https://rus.azattyq.org/a/1.html") != evaluate_real.url_key(
        "https://azattyq.org/a/1.html")


def test_url_key_keeps_sites_that_name_pages_by_query_apart():
    # bureau.kz names its articles `/?p=N`: dropping the query made every one the same article
    assert evaluate_real.url_key("https://bureau.kz/?p=101") != evaluate_real.url_key(
        "https://bureau.kz/?p=202")
    assert evaluate_real.url_key("https://bureau.kz/?p=101&utm_source=tg") == evaluate_real.url_key(
        "https://www.bureau.kz/?p=101")


def test_url_key_reads_percent_escapes_in_either_case():
    assert evaluate_real.url_key("https://tengrinews.kz/%D0%BC%D0%B8%D1%82%D0%B8%D0%BD%D0%B3/") == \
        evaluate_real.url_key("https://tengrinews.kz/%d0%bc%d0%b8%d1%82%d0%b8%d0%bd%d0%b3")


def test_url_key_drops_tracking_parameters_only():
    base = evaluate_real.url_key("https://vlast.kz/novosti/1-a.html")
    assert evaluate_real.url_key("https://vlast.kz/novosti/1-a.html?utm_medium=x&fbclid=y") == base
    assert evaluate_real.url_key("https://vlast.kz/novosti/1-a.html?id=7") != base


def _tiny_set(tmp_path):
    for part in ("dev", "measured", "holdout"):
        (tmp_path / part).mkdir()
    texts = {"a-1.yaml": "Митинг в Уральске\nВ Уральске 5 мая прошёл митинг, собрались 40 человек.",
             "a-2.yaml": "Акция скидок\nВ магазинах Алматы началась акция: скидки до 50%.",
             "b-3.yaml": "Пикет в Астане\nВ Астане активист вышел на одиночный пикет."}
    for i, (name, text) in enumerate(texts.items()):
        article = {"url": f"https://example.kz/news/{i}", "published": "2021-05-06", "lang": "ru", "text": text,
                   "annotations": {"is_event": name != "a-2.yaml", "date": None, "city": None, "form": "rally",
                                   "participants": None, "detained": None}}
        (tmp_path / "holdout" / name).write_text(yaml.safe_dump(article, allow_unicode=True), encoding="utf-8")


def test_files_option_scores_only_the_chosen_articles(tmp_path):
    _tiny_set(tmp_path)
    items = evaluate_real.load(tmp_path, split="holdout")
    assert [n for n, _ in evaluate_real.select(items, ["a-*.yaml"])] == ["holdout/a-1.yaml", "holdout/a-2.yaml"]
    assert [n for n, _ in evaluate_real.select(items, ["holdout/b-*"])] == ["holdout/b-3.yaml"]
    (tmp_path / "batch.txt").write_text("# a batch\nb-3.yaml\na-2.yaml  # a sale\n", encoding="utf-8")
    assert [n for n, _ in evaluate_real.select(items, [f"@{tmp_path / 'batch.txt'}"])] == [
        "holdout/a-2.yaml", "holdout/b-3.yaml"]
    res = evaluate_real.evaluate(tmp_path, "holdout", [f"@{tmp_path / 'batch.txt'}"])
    assert res.n == 2 and res.tp + res.fn == 1 and res.fp + res.tn == 1
    assert evaluate_real.evaluate(tmp_path, "holdout").n == 3


def test_files_option_refuses_a_listed_file_not_in_the_split(tmp_path):
    _tiny_set(tmp_path)
    items = evaluate_real.load(tmp_path, split="holdout")
    (tmp_path / "batch.txt").write_text("a-1.yaml\nc-9.yaml\n", encoding="utf-8")
    with pytest.raises(ValueError, match="c-9.yaml"):
        evaluate_real.select(items, [f"@{tmp_path / 'batch.txt'}"])
    with pytest.raises(ValueError, match="no article"):
        evaluate_real.select(items, ["zzz-*.yaml"])


def test_batch3_list_names_holdout_files_only():
    listed = [line for line in (Path(evaluate_real.DEFAULT_DIR) / "holdout" / "batch3.txt").read_text(
        encoding="utf-8").splitlines() if line and not line.startswith("#")]
    names = {name.split("/", 1)[1] for name, _ in evaluate_real.load(split="holdout")}
    assert len(listed) == len(set(listed)) == 129
    assert set(listed) <= names
