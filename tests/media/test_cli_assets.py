"""The `extract` command and the Dagster assets."""
from __future__ import annotations

import json

import dagster as dg

from assets.core import warehouse
from assets.media.assets import MEDIA_ASSETS, MEDIA_CHECKS
from assets.media.cli import main
from assets.resources import DUCKDB_WRITE_POOL, WarehouseResource

from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"


def test_extract_file_prints_json_lines(capsys):
    rc = main(["extract", str(CORPUS / "a02_roadblock_almaty.txt"), "--published", "2017-05-18"])
    out = capsys.readouterr().out.strip().splitlines()
    assert rc == 0 and len(out) == 1
    d = json.loads(out[0])
    assert d["date"] == "2017-05-18" and d["city"] == "almaty" and d["form"] == "road_block"
    assert d["participants_low"] == 40 and d["detained"] == 0
    assert d["evidence"]["participants"].startswith("18 мая в Алматы один из крупных проспектов")
    assert d["triage"]["label"] == "assembly"


def test_extract_windows_1251_html_file(capsys):
    rc = main(["extract", str(CORPUS / "a13_picket_ukg.html")])
    d = json.loads(capsys.readouterr().out.strip().splitlines()[0])
    assert rc == 0 and d["city"] == "ust-kamenogorsk" and d["published"] == "2016-11-15" and d["date"] == "2016-11-14"


def test_extract_non_assembly_prints_nothing_unless_all(capsys):
    assert main(["extract", str(CORPUS / "n01_shareholders.txt")]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no assembly" in captured.err
    assert main(["extract", str(CORPUS / "n01_shareholders.txt"), "--all"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["triage"]["label"] == "mention_only"


def test_extract_url_from_local_server(server, capsys, monkeypatch, tmp_path):
    cfg = tmp_path / "s.yaml"
    cfg.write_text("fetch: {min_interval_s: 0}\nsources: []\n", encoding="utf-8")
    monkeypatch.setenv("MONITOR_MEDIA_SOURCES", str(cfg))
    body = (CORPUS / "a14_rally_nursultan.html").read_bytes()
    url = server.add("/a14", body=body, headers={"Content-Type": "text/html; charset=windows-1251"})
    assert main(["extract", url]) == 0
    d = json.loads(capsys.readouterr().out.strip().splitlines()[0])
    assert d["url"] == url and d["city"] == "astana" and d["form"] == "rally" and d["participants"] == 300


def test_extract_missing_file_is_a_clear_error(capsys):
    assert main(["extract", "/no/such/file.txt"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_assets_write_with_the_pool_and_are_idempotent(home, monkeypatch):
    folder = home / "inbox" / "media" / "saved"
    folder.mkdir(parents=True)
    for name in ("a01_picket_almaty.txt", "a13_picket_ukg.html", "n02_concert.txt"):
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    cfg = home / "sources.yaml"
    cfg.write_text("sources:\n  - {name: saved, kind: folder, path: media/saved, enabled: true}\n", encoding="utf-8")
    monkeypatch.setenv("MONITOR_MEDIA_SOURCES", str(cfg))
    assert [a.op.pool for a in MEDIA_ASSETS] == [DUCKDB_WRITE_POOL] * len(MEDIA_ASSETS)
    counts = []
    for _ in range(2):
        res = dg.materialize([*MEDIA_ASSETS, *MEDIA_CHECKS], resources={"warehouse": WarehouseResource()})
        assert res.success
        with warehouse.connect() as con:
            counts.append(tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                                for t in ("media_articles", "media_candidates", "media_review_decisions")))
    assert counts[0] == counts[1] == (3, 2, 0)
    assert (home / "build" / "media" / "review_queue.xlsx").exists()
