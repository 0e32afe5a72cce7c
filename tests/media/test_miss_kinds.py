"""`evaluate_real --kinds`: each field's misses counted by kind — nothing found, or which wrong thing — in totals that
name no article, so a closed part can be read so (issue 16, session 44)."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml

from assets.media import evaluate_real


@pytest.mark.parametrize("key,expected,got,published,kind", [
    ("date", [dt.date(2021, 5, 5)], None, dt.date(2021, 5, 6), "no date"),
    ("date", [dt.date(2021, 5, 5)], dt.date(2021, 5, 6), dt.date(2021, 5, 6), "the publication date"),
    ("date", [dt.date(2021, 5, 5)], dt.date(2021, 5, 4), dt.date(2021, 5, 6), "another day"),
    ("date", [dt.date(2021, 5, 5)], dt.date(2021, 5, 4), None, "another day"),
    ("city", "uralsk", None, None, "no city"),
    ("city", None, "uralsk", None, "a city where the place is none"),
    ("city", "uralsk", "aktobe", None, "another city"),
    ("form", "rally", None, None, "no form"),
    ("form", ["rally", "other"], "picket", None, "another form"),
    ("participants", 40, None, None, "no number"),
    ("participants", 40, 400, None, "another number"),
    ("detained", 5, None, None, "no number"),
    ("detained", 5, 0, None, "no number"),  # "no one was detained" where five were
    ("detained", 5, 4, None, "another number"),
    ("participants_not_scored", 40, 0, None, "another number"),  # a head count of 0 is a number
    ("participants_none_invented", None, 40, None, "a number invented"),
    ("detained_none_invented", None, 3, None, "a number invented"),
])
def test_miss_kind(key, expected, got, published, kind):
    assert evaluate_real.miss_kind(key, expected, got, published) == kind


def _part(tmp_path):
    for part in ("dev", "measured", "holdout"):
        (tmp_path / part).mkdir()
    texts = {  # (text, annotations)
        "a.yaml": ("Митинг в Уральске\nВ Уральске 5 мая прошёл митинг, собрались 40 человек. Полиция задержала пятерых.",
                   {"is_event": True, "date": "2021-05-05", "city": "uralsk", "form": "rally", "participants": 400,
                    "detained": 7}),
        "b.yaml": ("Пикет в Астане\nВ Астане активист вышел на одиночный пикет.",
                   {"is_event": True, "date": "2021-05-01", "city": "aktobe", "form": "rally", "participants": None,
                    "detained": None}),
    }
    for i, (name, (text, ann)) in enumerate(texts.items()):
        article = {"url": f"https://example.kz/news/{i}", "published": "2021-05-06", "lang": "ru", "text": text,
                   "annotations": ann}
        (tmp_path / "holdout" / name).write_text(yaml.safe_dump(article, allow_unicode=True), encoding="utf-8")


def test_the_kinds_of_a_part_and_their_lines(tmp_path, capsys):
    _part(tmp_path)
    res = evaluate_real.evaluate(tmp_path, "holdout")
    # a: date, city and form right; 40 read where 400 is annotated; five detained where seven
    # b: no date in the text (the publication date taken), another city, a single picket for a rally; one person read
    assert res.kinds == {("participants", "another number"): 1, ("detained", "another number"): 1,
                         ("date", "the publication date"): 1, ("city", "another city"): 1, ("form", "another form"): 1,
                         ("participants_none_invented", "a number invented"): 1}
    assert sum(res.kinds.values()) == sum(res.total.values()) - sum(res.ok.values())
    assert evaluate_real.main(["--dir", str(tmp_path), "--split", "holdout", "--kinds"]) == 0
    out = capsys.readouterr().out
    assert "misses by kind:" in out and "  city                        another city 1" in out
    assert "example.kz" not in out and "a.yaml" not in out  # totals only: no article named
