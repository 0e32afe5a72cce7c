"""scripts/page_reading_eval.py: how the project's page reading is scored on trafilatura's evaluation set of real pages
(issue 16, session 44) — here on a folder of the same shape built in the test: the counts of "with" passages found and
"without" passages kept out, per reading, and the totals the script prints."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

ARTICLE = ("<html><head><title>Жители вышли к акимату</title></head><body>"
           "<nav><a href='/'>Главная</a> <a href='/society'>Общество</a> <a href='/sport'>Спорт</a></nav>"
           "<article><h1>Жители вышли к акимату</h1>"
           "<p>Около 30 жителей Уральска собрались утром у здания акимата, требуя отремонтировать дорогу в микрорайоне.</p>"
           "<p>Аким города вышел к собравшимся через час и пообещал начать ремонт до конца месяца.</p>"
           "<div class='read-also'><b>Читайте также:</b> <a href='/n/2'>В Жанаозене нефтяники объявили голодовку</a></div>"
           "</article><footer>© 2024 Все права защищены. Перепечатка запрещена.</footer></body></html>")


def _script():
    sys.path.insert(0, str(ROOT / "scripts"))
    from mutants_common import load_script

    return load_script("page_reading_eval")


@pytest.fixture()
def tests_dir(tmp_path):
    (tmp_path / "eval").mkdir()
    (tmp_path / "eval" / "a.html").write_text(ARTICLE, encoding="utf-8")
    data = {"https://site.kz/n/1": {"file": "a.html",
                                    "with": ["Около 30 жителей Уральска собрались утром",
                                             "пообещал начать ремонт до конца месяца",
                                             "a passage the page does not hold"],
                                    "without": ["Все права защищены", "В Жанаозене нефтяники объявили голодовку"]},
            "https://site.kz/n/9": {"file": "missing.html", "with": ["x y z"], "without": ["z y x"]}}
    (tmp_path / "evaldata.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_a_page_is_scored_passage_by_passage(tests_dir):
    mod = _script()
    data = json.loads((tests_dir / "evaldata.json").read_text(encoding="utf-8"))
    mode, url, counts, cpu = mod.score_one(("ours", str(tests_dir), "https://site.kz/n/1", data["https://site.kz/n/1"]))
    # two of three "with" found, the read-also headline and the footer kept out
    assert (mode, url, counts) == ("ours", "https://site.kz/n/1", [2, 1, 0, 2]) and cpu >= 0
    # a page the folder lacks counts nothing either way (not as a miss of the reading)
    assert mod.score_one(("ours", str(tests_dir), "https://site.kz/n/9", data["https://site.kz/n/9"]))[2] == [0, 0, 0, 0]


def test_a_kept_furniture_passage_is_a_false_positive(tests_dir, monkeypatch):
    mod = _script()
    monkeypatch.setattr(mod, "extract", lambda mode, html, url: "Около 30 жителей Уральска собрались утром. Все права защищены")
    data = json.loads((tests_dir / "evaldata.json").read_text(encoding="utf-8"))
    assert mod.score_one(("recall", str(tests_dir), "https://site.kz/n/1", data["https://site.kz/n/1"]))[2] == [1, 2, 1, 1]


def test_the_totals_and_the_page_file(tests_dir, tmp_path, capsys):
    mod = _script()
    out = tmp_path / "pages.json"
    assert mod.main([str(tests_dir), "--modes", "ours", "recall", "--jobs", "1", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "2 pages of trafilatura's evaluation set" in printed
    row = next(line.split() for line in printed.splitlines() if line.startswith("ours "))
    assert row[1:5] == ["2", "1", "0", "2"] and row[5] == "1.000" and row[6] == "0.667" and row[7] == "0.800"
    pages = json.loads(out.read_text(encoding="utf-8"))
    assert set(pages) == {"ours", "recall"} and pages["ours"]["https://site.kz/n/1"] == [2, 1, 0, 2]
