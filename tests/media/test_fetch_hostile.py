"""The fetch and the sources file against hostile servers and files (a red-team probe's findings,
2026-12-02): a server trickling header lines, malformed links in feeds, listings and redirects, a
robots.txt that redirects, sources values of the wrong type or out of range, and what used to be
dropped without a word (items without a link, a broken feed's lost items, items past max_items, a huge
Crawl-delay, the exit code of a fetch with errors)."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assets.core import warehouse
from assets.media import cli, parse, pipeline, sources
from assets.media.fetch import MAX_CRAWL_DELAY_S, Fetcher
from assets.media.sources import FetchSettings


class TrickleServer:
    """/robots.txt allows all; /slowheaders sends one header line every `gap` s for `total` s, then an empty
    answer (the probe's server: a line every 3 s for 90 s; here shorter, the same shape)."""

    def __init__(self, gap: float = 0.1, total: float = 4.0) -> None:
        self.stop = threading.Event()
        outer = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def do_GET(self):  # noqa: N802
                try:
                    if self.path == "/robots.txt":
                        body = b"User-agent: *\nAllow: /\n"
                        self.send_response(200)
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        self.wfile.write(body)
                        return
                    self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                    self.wfile.flush()
                    t0 = time.monotonic()
                    while time.monotonic() - t0 < total and not outer.stop.is_set():
                        self.wfile.write(b"X-A: b\r\n")
                        self.wfile.flush()
                        outer.stop.wait(gap)
                    self.wfile.write(b"Content-Length: 2\r\n\r\nok")
                except OSError:
                    pass

        class S(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass

        self.httpd = S(("127.0.0.1", 0), H)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()

    def close(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def trickle():
    s = TrickleServer()
    yield s
    s.close()


def make(clock, **kw) -> Fetcher:
    base = dict(min_interval_s=0.0, timeout_s=2.0, retries=0, backoff_s=0.0, max_bytes=100_000, max_redirects=3)
    base.update(kw)
    return Fetcher(FetchSettings(**base), clock=clock, sleep=clock.sleep)


# -- 1. an overall deadline per request, headers included -----------------------------------------
def test_header_lines_trickled_slowly_hit_the_deadline(trickle, clock):
    # each header line comes well within the socket timeout (0.1 s < 0.3 s), so only an overall deadline
    # (3 x timeout_s = 0.9 s) ends it; the old code waited for the server's 4 s and called it a success
    url = trickle.base + "/slowheaders"
    with make(clock, timeout_s=0.3, retries=2) as f:
        r = f.get(url)
    assert not r.ok and r.status is None and r.attempts == 1  # not retried: it would trickle again
    assert r.error.startswith("timeout") and url in r.error and "headers included" in r.error


# -- 2. a malformed link is named and skipped ------------------------------------------------------
def rss(items: list[str | None]) -> bytes:
    body = "".join(f"<item><title>t{i}</title>" + (f"<link>{link}</link>" if link is not None else "") + "</item>"
                   for i, link in enumerate(items))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title>{body}'
            f"</channel></rss>").encode()


ARTICLE = ("<html><head><meta charset='utf-8'><title>Пикет</title></head><body><article><h1>Пикет в Уральске</h1>"
           "<p>Около 30 жителей вышли на пикет в Уральске.</p></article></body></html>").encode()


def _fetch(home, server, clock, srcs, **fetch):
    cfg = sources.parse({"fetch": {"min_interval_s": 0, "retries": 0, "backoff_s": 0, **fetch}, "sources": srcs},
                        base_dir=home)
    with warehouse.connect() as con, Fetcher(cfg.fetch, clock=clock, sleep=clock.sleep) as f:
        stats = pipeline.fetch_sources(con, cfg, f)
        arts, problems = pipeline.build_articles(con, cfg)
    return stats, arts, problems


def test_a_malformed_link_in_a_feed_or_listing_is_named_and_the_others_go_on(home, server, clock):
    b = server.base
    server.add("/feed.xml", body=rss(["http://[::1", b + "/a1"]), headers={"Content-Type": "application/rss+xml"})
    server.add("/list", body=b"<html><a href='/a2'>1</a><a href='http://[::1/x'>bad</a><a href='/a3'>2</a></html>",
               headers={"Content-Type": "text/html"})
    server.add("/redir", status=302, headers={"Location": "http://[::1/x"})
    for p in ("/a1", "/a2", "/a3", "/after"):
        server.add(p, body=ARTICLE, headers={"Content-Type": "text/html; charset=utf-8"})
    stats, arts, problems = _fetch(home, server, clock, [
        {"name": "feed", "kind": "rss", "url": b + "/feed.xml", "enabled": True},
        {"name": "list", "kind": "listing", "url": b + "/list", "link_pattern": ".", "enabled": True},
        {"name": "redir", "kind": "html", "url": b + "/redir", "enabled": True},
        {"name": "after", "kind": "html", "url": b + "/after", "enabled": True},
    ])
    assert all(server.hits.get(p) == 1 for p in ("/a1", "/a2", "/a3", "/after"))  # the others went on
    errs = "\n".join(stats.errors)
    assert "feed: http://[::1: bad link skipped" in errs
    assert "list: http://[::1/x: bad link skipped" in errs
    assert any(e.startswith(f"redir: {b}/redir: ") and "URL" in e for e in stats.errors)  # a redirect to it too
    # the feed holding the bad link is archived: reading the archive names it and reads the rest
    assert {r["url"] for r in arts.iter_rows(named=True)} >= {b + "/a1", b + "/a2", b + "/a3", b + "/after"}
    assert any(p.startswith(b + "/feed.xml: ") and "http://[::1" in p for p in problems)


def test_reading_the_archive_survives_a_response_that_cannot_be_read(home, monkeypatch):
    # a feed archived with a malformed link: `media articles` used to die on it ("Invalid IPv6 URL") on every
    # run; now the link is named by its feed's URL, and whatever else a feed does to the parser too
    from assets.media import archive
    from assets.media.fetch import FetchResult

    with warehouse.connect() as con:
        archive.ensure_tables(con)
        for u, links in (("http://s/f1", ["http://[::1", "http://s/a"]), ("http://s/f2", ["http://s/b"])):
            archive.store(con, FetchResult(url=u, final_url=u, status=200, body=rss(links),
                                           headers={"content-type": "application/rss+xml"}), source="s", role="feed")
        _, problems = pipeline.collect_articles(con, sources.SourcesConfig())
        assert problems == ["http://s/f1: http://[::1: bad link skipped (Invalid IPv6 URL)"]
        real = parse.feedparser.parse
        monkeypatch.setattr(parse.feedparser, "parse", lambda body, **kw: (_ for _ in ()).throw(RecursionError("deep"))
                            if b"http://s/b" in body else real(body, **kw))
        _, problems = pipeline.collect_articles(con, sources.SourcesConfig())
    assert "http://s/f2: cannot be read as a feed (RecursionError: deep)" in problems


# -- 3. a robots.txt that redirects ----------------------------------------------------------------
def test_robots_txt_redirect_is_followed_to_its_final_body(server, clock):
    server.add("/robots.txt", status=301, headers={"Location": "/real-robots.txt"})
    server.add("/real-robots.txt", body=b"User-agent: *\nDisallow: /\n", headers={"Content-Type": "text/plain"})
    u = server.add("/page", body=b"secret")
    with make(clock) as f:
        r = f.get(u)
    assert r.robots_disallowed and r.error == "disallowed by robots.txt"
    assert "/page" not in server.hits


@pytest.mark.parametrize("status,allowed", [(500, False), (404, True)])
def test_robots_txt_redirect_to_an_error_follows_the_rules_of_a_failed_robots(server, clock, status, allowed):
    server.add("/robots.txt", status=302, headers={"Location": "/gone.txt"})
    server.add("/gone.txt", status=status, body=b"x")
    u = server.add("/page", body=b"fine")
    with make(clock) as f:
        r = f.get(u)
    assert r.ok is allowed
    if not allowed:
        assert r.robots_disallowed and "HTTP 500" in r.error


def test_robots_txt_redirect_loop_or_bad_target_means_do_not_crawl(server, clock):
    server.add("/robots.txt", status=302, headers={"Location": "file:///etc/passwd"})
    u = server.add("/page", body=b"x")
    with make(clock) as f:
        r = f.get(u)
    assert r.robots_disallowed and "not http(s)" in r.error and "/page" not in server.hits


def test_a_huge_crawl_delay_is_capped_and_said(server, clock):
    server.add("/robots.txt", body=b"User-agent: *\nCrawl-delay: 86400\n")
    a = server.add("/a", body=b"a")
    b = server.add("/b", body=b"b")
    with make(clock) as f:
        f.get(a)
        f.get(b)
        notes = list(f.notes)
    assert clock.sleeps[-1] == MAX_CRAWL_DELAY_S
    assert notes == [f"{server.base}/robots.txt asks for a Crawl-delay of 86400 s; 60 s (the cap) used"]


# -- 4. the sources file's values ------------------------------------------------------------------
def _write(tmp_path, text: str):
    p = tmp_path / "src.yaml"
    p.write_text(text, encoding="utf-8")
    return p


SRC = "  - name: x\n    kind: rss\n    url: http://127.0.0.1:1/feed\n"


@pytest.mark.parametrize("text,where", [
    ('sources:\n' + SRC + '    enabled: "false"\n', "source #1 (x): `enabled` must be true or false"),
    ('sources:\n' + SRC + '    enabled: "no"\n', "source #1 (x): `enabled` must be true or false"),
    ('sources:\n' + SRC + '    enabled: true\n    max_items: abc\n', "source #1 (x): `max_items` must be a whole number, not 'abc'"),
    ('sources:\n' + SRC + '    enabled: true\n    max_items: 0\n', "source #1 (x): `max_items` must be more than 0"),
    ('fetch:\n  respect_robots: "no"\n', "fetch.respect_robots must be true or false"),
    ('fetch:\n  min_interval_s: -5\n', "fetch.min_interval_s must be at least 0, not -5"),
    ('fetch:\n  max_bytes: -1\n', "fetch.max_bytes must be more than 0, not -1"),
    ('fetch:\n  max_bytes: 0\n', "fetch.max_bytes must be more than 0, not 0"),
    ('fetch:\n  retries: -3\n', "fetch.retries must be at least 0, not -3"),
    ('fetch:\n  retries: 1.5\n', "fetch.retries must be a whole number, not 1.5"),
    ('fetch:\n  timeout_s: 0\n', "fetch.timeout_s must be more than 0, not 0"),
    ('fetch:\n  timeout_s: .nan\n', "fetch.timeout_s must be a number"),
    ('fetch:\n  backoff_s: "1"\n', "fetch.backoff_s must be a number, not '1'"),
    ('fetch: 5\n', "`fetch` must be a mapping of settings, not 5"),
    ('sources: abc\n', "`sources` must be a list of sources"),
])
def test_a_wrong_value_in_the_sources_file_is_named_with_file_source_and_field(tmp_path, text, where):
    p = _write(tmp_path, text)
    with pytest.raises(sources.SourcesError) as e:
        sources.load(p, base_dir=tmp_path)
    assert str(e.value).startswith(f"{p}: {where}")


def test_yaml_booleans_and_numbers_are_read(tmp_path):
    p = _write(tmp_path, "fetch:\n  respect_robots: false\n  max_bytes: 1000\n  min_interval_s: 0\n  retries: 2.0\n"
                         "sources:\n" + SRC + "    enabled: true\n    max_items: 3\n")
    cfg = sources.load(p, base_dir=tmp_path)
    assert cfg.fetch.respect_robots is False and cfg.fetch.max_bytes == 1000 and cfg.fetch.retries == 2
    assert [s.max_items for s in cfg.enabled()] == [3]


def test_a_missing_sources_file_is_an_error_naming_it(home, tmp_path, capsys):
    missing = tmp_path / "nonexistent.yaml"
    for cmd in ("fetch", "articles"):
        assert cli.main([cmd, "--sources", str(missing)]) == 2
        assert f"{missing}: no such sources file" in capsys.readouterr().err


def test_nothing_enabled_names_the_file_read(home, tmp_path, capsys):
    p = _write(tmp_path, "sources:\n" + SRC + "    enabled: false\n")
    assert cli.main(["fetch", "--sources", str(p), "--no-progress"]) == 0
    assert f"no enabled web source in the sources file ({p})" in capsys.readouterr().out


# -- 5. nothing dropped without a word; the exit status ----------------------------------------------
def test_what_a_feed_drops_is_said_and_the_fetch_exits_1(home, server, tmp_path, capsys):
    b = server.base
    server.add("/nolink.xml", body=rss([None, b + "/a1", None]), headers={"Content-Type": "application/rss+xml"})
    server.add("/broken.xml", body=(f"<?xml version='1.0'?><rss version='2.0'><channel><item><title>x</title>"
                                    f"<link>{b}/a2</link></item><item><title>&bogus; <unclosed>").encode(),
               headers={"Content-Type": "application/rss+xml"})
    server.add("/big.xml", body=rss([f"{b}/n{i}" for i in range(1200)]), headers={"Content-Type": "application/rss+xml"})
    for p in ("/a1", "/a2", *(f"/n{i}" for i in range(3))):
        server.add(p, body=ARTICLE, headers={"Content-Type": "text/html; charset=utf-8"})
    p = _write(tmp_path, "fetch:\n  min_interval_s: 0\n  retries: 0\n  timeout_s: 5\nsources:\n"
               f"  - {{name: nolink, kind: rss, url: '{b}/nolink.xml', enabled: true}}\n"
               f"  - {{name: broken, kind: rss, url: '{b}/broken.xml', enabled: true}}\n"
               f"  - {{name: big, kind: rss, url: '{b}/big.xml', enabled: true, max_items: 3}}\n")
    rc = cli.main(["fetch", "--sources", str(p), "--no-progress"])
    err = capsys.readouterr().err
    assert "nolink: 2 of 3 items without a link skipped" in err
    assert "broken: the feed is broken (" in err and "): 2 items read, any after the break lost" in err
    assert "note: big: 3 of 1,200 items taken (max_items)" in err
    assert server.hits.get("/n2") == 1 and "/n3" not in server.hits
    assert rc == 1  # something was dropped: not a clean run


def test_a_clean_fetch_exits_0(home, server, tmp_path, capsys):
    server.add("/ok.xml", body=rss([server.base + "/a1"]), headers={"Content-Type": "application/rss+xml"})
    server.add("/a1", body=ARTICLE, headers={"Content-Type": "text/html; charset=utf-8"})
    p = _write(tmp_path, f"fetch:\n  min_interval_s: 0\nsources:\n  - {{name: ok, kind: rss, url: '{server.base}/ok.xml', "
                         "enabled: true}\n")
    assert cli.main(["fetch", "--sources", str(p), "--no-progress"]) == 0
    assert capsys.readouterr().err == ""


def test_a_fetch_with_a_failed_item_exits_1(home, server, tmp_path, capsys):
    server.add("/ok.xml", body=rss([server.base + "/gone"]), headers={"Content-Type": "application/rss+xml"})
    p = _write(tmp_path, f"fetch:\n  min_interval_s: 0\n  retries: 0\nsources:\n  - {{name: ok, kind: rss, "
                         f"url: '{server.base}/ok.xml', enabled: true}}\n")
    assert cli.main(["fetch", "--sources", str(p), "--no-progress"]) == 1
    assert f"ok: {server.base}/gone: HTTP 404" in capsys.readouterr().err


# -- 1b. no warehouse connection (and so no write lock) held while the network is used ------------------
def test_the_warehouse_is_not_held_while_the_network_is_used(home, server, clock):
    b = server.base
    server.add("/feed.xml", body=rss([b + "/a1", b + "/a2"]), headers={"Content-Type": "application/rss+xml"})
    for p in ("/a1", "/a2"):
        server.add(p, body=ARTICLE, headers={"Content-Type": "text/html; charset=utf-8"})
    cfg = sources.parse({"fetch": {"min_interval_s": 0, "retries": 0}, "sources": [
        {"name": "feed", "kind": "rss", "url": b + "/feed.xml", "enabled": True}]}, base_dir=home)
    open_now, seen = [0], []

    class Watched(Fetcher):
        def _once(self, url, extra_headers):
            seen.append((url, open_now[0]))  # how many warehouse connections are open during this request
            return super()._once(url, extra_headers)

    from contextlib import contextmanager

    @contextmanager
    def session():
        with warehouse.connect() as con:
            open_now[0] += 1
            try:
                yield con
            finally:
                open_now[0] -= 1

    with Watched(cfg.fetch, clock=clock, sleep=clock.sleep) as f:
        stats = pipeline.fetch_sources(None, cfg, f, session=session)
    assert stats.outcomes == {"new": 3} and not stats.errors
    assert [u for u, _ in seen] == [b + "/robots.txt", b + "/feed.xml", b + "/a1", b + "/a2"]
    assert all(n == 0 for _, n in seen)
    with warehouse.connect() as con:
        assert con.execute("SELECT count(*) FROM media_responses").fetchone()[0] == 3


def test_media_articles_exits_1_when_it_reports_a_problem(home, tmp_path, capsys):
    # `monitor media articles` named what it could not read on stderr and still exited 0: a scheduler saw success.
    # Now 1, as `review import` and `media fetch` (each problem named, the rest built); 0 when nothing went wrong
    from assets.media import archive
    from assets.media.fetch import FetchResult

    with warehouse.connect() as con:
        archive.ensure_tables(con)
        archive.store(con, FetchResult(url="http://s/f1", final_url="http://s/f1", status=200,
                                       body=rss(["http://[::1", "http://s/a"]),
                                       headers={"content-type": "application/rss+xml"}), source="s", role="feed")
    empty = _write(tmp_path, "sources: []\n")
    assert cli.main(["articles", "--sources", str(empty)]) == 1
    err = capsys.readouterr().err
    assert "http://s/f1: http://[::1: bad link skipped (Invalid IPv6 URL)" in err and "1 problem (above)" in err

    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a.txt").write_text("Около 30 жителей вышли на пикет в Уральске.", encoding="utf-8")
    gone = tmp_path / "gone"
    two = _write(tmp_path, "sources:\n"
                 f"  - {{name: saved, kind: folder, path: '{folder}', enabled: true}}\n"
                 f"  - {{name: lost, kind: folder, path: '{gone}', enabled: true}}\n")
    assert cli.main(["articles", "--sources", str(two)]) == 1
    err = capsys.readouterr().err
    assert f"lost: no folder {gone}" in err and "2 problems (above)" in err


def test_media_articles_exits_0_when_everything_was_read(home, tmp_path, capsys):
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a.txt").write_text("Около 30 жителей вышли на пикет в Уральске.", encoding="utf-8")
    p = _write(tmp_path, f"sources:\n  - {{name: saved, kind: folder, path: '{folder}', enabled: true}}\n")
    assert cli.main(["articles", "--sources", str(p)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("1 article, ") and "problem" not in captured.err
