"""The fetch step against a local HTTP server: feeds, listings, broken feeds, windows-1251 pages,
errors recorded per URL, and nothing fetched or stored twice when unchanged."""
from __future__ import annotations

import json

from assets.core import warehouse
from assets.media import pipeline, sources
from assets.media.fetch import Fetcher


def rss(base, links):
    items = "".join(f"<item><title>t{n}</title><link>{base}{l}</link><pubDate>Wed, 03 May 2017 10:00:00 +0600</pubDate></item>"
                    for n, l in enumerate(links))
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>'.encode()


ARTICLE_CP1251 = ("<html><head><meta charset='windows-1251'><title>Пикет</title></head><body><article>"
                  "<h1>Пикет в Уральске</h1><p>Около 30 жителей вышли на пикет в Уральске, требуя отремонтировать "
                  "дороги в микрорайоне. Полиция не вмешивалась, задержаний не было.</p></article></body></html>").encode("cp1251")
ARTICLE_UTF8 = ("<html><head><meta charset='utf-8'><title>Погода</title></head><body><article><h1>Погода</h1>"
                "<p>Завтра в Уральске ожидается снег и сильный ветер, температура опустится до минус 20 градусов.</p>"
                "</article></body></html>").encode()


def setup_server(server):
    base = server.base
    server.add("/feed.xml", body=rss(base, ["/news/1", "/news/2", "/news/500"]), etag='"f1"',
               headers={"Content-Type": "application/rss+xml"})
    server.add("/broken.xml", body=b"<rss><channel><item><title>half", headers={"Content-Type": "application/rss+xml"})
    server.add("/news/1", body=ARTICLE_CP1251, headers={"Content-Type": "text/html"})
    server.add("/news/2", body=ARTICLE_UTF8, headers={"Content-Type": "text/html; charset=utf-8"})
    server.add("/news/500", status=500, body=b"error")
    server.add("/list", body=f"<html><a href='/news/1'>1</a><a href='/about'>a</a><a href='{base}/news/3'>3</a></html>".encode(),
               headers={"Content-Type": "text/html"})
    server.add("/news/3", status=301, headers={"Location": "/news/2"})


def config(server, tmp_path):
    raw = {
        "fetch": {"min_interval_s": 0.0, "retries": 1, "backoff_s": 0.0, "timeout_s": 2.0},
        "sources": [
            {"name": "feed", "kind": "rss", "url": server.base + "/feed.xml", "enabled": True},
            {"name": "broken", "kind": "rss", "url": server.base + "/broken.xml", "enabled": True},
            {"name": "list", "kind": "listing", "url": server.base + "/list", "link_pattern": r"/news/\d+$", "enabled": True},
            {"name": "off", "kind": "rss", "url": server.base + "/never.xml", "enabled": False},
        ],
    }
    return sources.parse(raw, base_dir=tmp_path)


def test_fetch_archive_and_articles(home, server, clock):
    setup_server(server)
    cfg = config(server, home)
    with warehouse.connect() as con, Fetcher(cfg.fetch, clock=clock, sleep=clock.sleep) as f:
        stats = pipeline.fetch_sources(con, cfg, f)
        log = dict(con.execute("SELECT url, outcome FROM media_fetch_log").fetchall())
        errors = dict(con.execute("SELECT url, error FROM media_fetch_log WHERE error IS NOT NULL").fetchall())
        n_resp = con.execute("SELECT count(*) FROM media_responses").fetchone()[0]
        stored = con.execute("SELECT headers, body FROM media_responses WHERE url = ?", [server.base + "/news/1"]).fetchone()

        b = server.base
        assert log[b + "/feed.xml"] == "new" and log[b + "/news/1"] == "new" and log[b + "/news/2"] == "new"
        assert log[b + "/news/500"] == "error" and errors[b + "/news/500"] == "HTTP 500 (after 2 attempts)"
        assert log[b + "/broken.xml"] == "parse_error" and "feed" in errors[b + "/broken.xml"]
        assert log[b + "/news/3"] == "new"  # the redirect was followed to /news/2
        assert "/never.xml" not in server.hits  # disabled sources are not fetched
        assert len(stats.errors) == 2
        # bytes as received, headers kept
        assert bytes(stored[1]) == ARTICLE_CP1251 and json.loads(stored[0])["content-type"] == "text/html"

        # second run: the feed answers 304, articles already archived are not fetched again
        hits_before = dict(server.hits)
        stats2 = pipeline.fetch_sources(con, cfg, f)
        assert server.hits["/news/1"] == hits_before["/news/1"]
        assert server.hits["/news/2"] == hits_before["/news/2"]
        assert server.hits["/feed.xml"] == hits_before["/feed.xml"] + 1
        assert server.request_headers["/feed.xml"][-1].get("If-None-Match") == '"f1"'
        assert stats2.outcomes.get("not_modified") == 1
        assert con.execute("SELECT count(*) FROM media_responses").fetchone()[0] == n_resp  # nothing stored twice

        # articles from the archive: windows-1251 decoded, triage done
        arts, problems = pipeline.build_articles(con, cfg)
        by_url = {r["url"]: r for r in arts.iter_rows(named=True)}
        a1 = by_url[b + "/news/1"]
        assert "Около 30 жителей вышли на пикет в Уральске" in a1["text"]
        assert a1["triage_label"] == "assembly" and str(a1["published"]) == "2017-05-03"  # from the feed
        assert by_url[b + "/news/2"]["triage_label"] == "no_mention"
        assert not [r for r in by_url.values() if r["source"] == "broken"]  # a broken feed yields no article
        cands = pipeline.build_candidates(con, arts)
        assert cands.height == 1
        row = cands.row(0, named=True)
        assert row["city"] == "uralsk" and row["form"] == "picket" and row["participants"] == 30
        assert row["status"] == "queued"


def test_unchanged_content_without_etag_is_not_stored_twice(home, server, clock):
    server.add("/plain.xml", body=rss(server.base, []), headers={"Content-Type": "application/rss+xml"})
    cfg = sources.parse({"fetch": {"min_interval_s": 0}, "sources": [
        {"name": "p", "kind": "rss", "url": server.base + "/plain.xml", "enabled": True}]}, base_dir=home)
    with warehouse.connect() as con, Fetcher(cfg.fetch, clock=clock, sleep=clock.sleep) as f:
        pipeline.fetch_sources(con, cfg, f)
        s2 = pipeline.fetch_sources(con, cfg, f)
        assert s2.outcomes == {"unchanged": 1}
        assert con.execute("SELECT count(*) FROM media_responses").fetchone()[0] == 1


def test_nothing_enabled_means_no_network(home, server):
    cfg = sources.load()  # the shipped config/sources.yaml: everything disabled
    assert cfg.sources and not cfg.enabled()
    with warehouse.connect() as con:
        stats = pipeline.fetch_sources(con, cfg)
    assert stats.outcomes == {}


def test_a_changed_article_is_fetched_again(home, server, clock):
    base = server.base
    server.add("/feed.xml", body=rss(base, ["/news/1", "/news/2"]), headers={"Content-Type": "application/rss+xml"})
    server.add("/news/1", body=ARTICLE_CP1251, etag='"v1"', headers={"Content-Type": "text/html"})
    server.add("/news/2", body=ARTICLE_UTF8, etag='"w1"', headers={"Content-Type": "text/html; charset=utf-8"})
    cfg = sources.parse({"fetch": {"min_interval_s": 0, "refetch_after_hours": 1e-9}, "sources": [
        {"name": "feed", "kind": "rss", "url": base + "/feed.xml", "enabled": True}]}, base_dir=home)
    corrected = ARTICLE_CP1251.replace("Около 30 жителей".encode("cp1251"), "Около 40 жителей".encode("cp1251"))
    with warehouse.connect() as con, Fetcher(cfg.fetch, clock=clock, sleep=clock.sleep) as f:
        pipeline.fetch_sources(con, cfg, f)
        server.add("/news/1", body=corrected, etag='"v2"', headers={"Content-Type": "text/html"})  # the site corrects it
        stats = pipeline.fetch_sources(con, cfg, f)
        assert server.request_headers["/news/1"][-1].get("If-None-Match") == '"v1"'
        assert server.request_headers["/news/2"][-1].get("If-None-Match") == '"w1"'
        assert stats.outcomes.get("new") == 1 and stats.outcomes.get("not_modified") == 1
        arts, _ = pipeline.build_articles(con, cfg)
        text = next(r["text"] for r in arts.iter_rows(named=True) if r["url"] == base + "/news/1")
        assert "Около 40 жителей" in text
    # with the default (24 hours), an article fetched a moment ago is not asked for again
    cfg2 = sources.parse({"fetch": {"min_interval_s": 0}, "sources": [
        {"name": "feed", "kind": "rss", "url": base + "/feed.xml", "enabled": True}]}, base_dir=home)
    with warehouse.connect() as con, Fetcher(cfg2.fetch, clock=clock, sleep=clock.sleep) as f:
        before = server.hits["/news/1"]
        pipeline.fetch_sources(con, cfg2, f)
        assert server.hits["/news/1"] == before
