"""The polite fetcher against a local HTTP server: robots.txt, rate limit, retries and backoff,
timeouts, redirects, size caps, conditional requests, encodings, unreachable hosts."""
from __future__ import annotations

import socket

from assets.media import parse
from assets.media.fetch import Fetcher, RateLimiter
from assets.media.sources import FetchSettings


def make(clock, **kw) -> Fetcher:
    base = dict(min_interval_s=2.0, timeout_s=2.0, retries=2, backoff_s=1.0, max_bytes=100_000, max_redirects=3)
    base.update(kw)
    return Fetcher(FetchSettings(**base), clock=clock, sleep=clock.sleep)


def test_rate_limiter_spaces_requests_per_host_without_waiting(clock):
    rl = RateLimiter(2.0, clock=clock, sleep=clock.sleep)
    assert rl.wait("http://a") == 0.0
    assert rl.wait("http://a") == 2.0  # second request to the same host waits the interval
    assert rl.wait("http://b") == 0.0  # another host is not held up
    clock.now += 5
    assert rl.wait("http://a") == 0.0
    assert clock.sleeps == [2.0]


def test_plain_get_and_rate_limit_between_two_pages(server, clock):
    u1 = server.add("/a", body=b"<html>A</html>", headers={"Content-Type": "text/html"})
    u2 = server.add("/b", body=b"<html>B</html>", headers={"Content-Type": "text/html"})
    with make(clock) as f:
        r1 = f.get(u1)
        r2 = f.get(u2)
    assert r1.ok and r1.body == b"<html>A</html>" and r1.status == 200
    assert r2.ok and r2.body == b"<html>B</html>"
    # robots.txt, /a, /b: one interval of 2 s between each request to the host
    assert clock.sleeps == [2.0, 2.0]
    assert server.hits["/robots.txt"] == 1  # read once per host


def test_robots_disallow_is_obeyed(server, clock):
    server.add("/robots.txt", body=b"User-agent: *\nDisallow: /private/\n")
    u = server.add("/private/page", body=b"secret")
    ok = server.add("/public", body=b"fine")
    with make(clock) as f:
        r = f.get(u)
        r2 = f.get(ok)
    assert r.robots_disallowed and not r.ok and "robots.txt" in r.error
    assert "/private/page" not in server.hits  # never requested
    assert r2.ok


def test_robots_crawl_delay_slows_the_host(server, clock):
    server.add("/robots.txt", body=b"User-agent: *\nCrawl-delay: 7\n")
    a = server.add("/a", body=b"a")
    b = server.add("/b", body=b"b")
    with make(clock) as f:
        f.get(a)
        f.get(b)
    assert clock.sleeps[-1] == 7.0


def test_robots_server_error_means_do_not_crawl(server, clock):
    server.add("/robots.txt", status=503, body=b"down")
    u = server.add("/a", body=b"a")
    with make(clock, retries=0) as f:
        r = f.get(u)
    assert r.robots_disallowed and "503" in r.error
    assert "/a" not in server.hits


def test_retries_with_exponential_backoff_then_success(server, clock):
    u = server.add("/flaky", statuses=[500, 502], status=200, body=b"ok now")
    with make(clock, min_interval_s=0.0, retries=3) as f:
        r = f.get(u)
    assert r.ok and r.body == b"ok now" and r.attempts == 3
    assert clock.sleeps == [1.0, 2.0]  # backoff 1 s, then 2 s


def test_persistent_500_is_an_error_and_the_run_goes_on(server, clock):
    bad = server.add("/broken", status=500, body=b"oops")
    good = server.add("/fine", body=b"fine")
    with make(clock, min_interval_s=0.0, retries=2) as f:
        results = list(f.get_many([bad, good]))
    assert results[0].error == "HTTP 500 (after 3 attempts)" and results[0].status == 500
    assert results[1].ok
    assert server.hits["/broken"] == 3


def test_retry_after_is_honoured(server, clock):
    u = server.add("/busy", statuses=[429], status=200, body=b"x", headers={"Retry-After": "5"})
    with make(clock, min_interval_s=0.0, retries=1) as f:
        r = f.get(u)
    assert r.ok and clock.sleeps == [5.0]


def test_404_is_not_retried(server, clock):
    u = server.base + "/missing"
    with make(clock, min_interval_s=0.0) as f:
        r = f.get(u)
    assert r.status == 404 and r.error == "HTTP 404" and server.hits["/missing"] == 1


def test_slow_response_times_out(server, clock):
    u = server.add("/slow", body=b"late", delay=1.0)
    with make(clock, timeout_s=0.2, retries=0, min_interval_s=0.0) as f:
        r = f.get(u)
    assert not r.ok and r.error.startswith("timeout")


def test_redirects_are_followed_and_bounded(server, clock):
    server.add("/r1", status=301, headers={"Location": "/r2"})
    server.add("/r2", status=302, headers={"Location": server.base + "/final"})
    server.add("/final", body=b"landed")
    server.add("/loop", status=302, headers={"Location": "/loop2"})
    server.add("/loop2", status=302, headers={"Location": "/loop"})
    with make(clock, min_interval_s=0.0, max_redirects=3) as f:
        r = f.get(server.base + "/r1")
        loop = f.get(server.base + "/loop")
    assert r.ok and r.body == b"landed" and r.final_url == server.base + "/final"
    assert r.url == server.base + "/r1" and len(r.redirects) == 2
    assert not loop.ok and loop.error == "too many redirects (more than 3)"


def test_redirect_into_disallowed_path_is_stopped(server, clock):
    server.add("/robots.txt", body=b"User-agent: *\nDisallow: /private\n")
    server.add("/go", status=302, headers={"Location": "/private/x"})
    server.add("/private/x", body=b"secret")
    with make(clock, min_interval_s=0.0) as f:
        r = f.get(server.base + "/go")
    assert r.robots_disallowed and "/private/x" not in server.hits


def test_huge_body_with_content_length_is_refused(server, clock):
    u = server.add("/huge", body=b"y" * 300_000)
    with make(clock, max_bytes=100_000, min_interval_s=0.0) as f:
        r = f.get(u)
    assert r.truncated and not r.ok and "300000 bytes declared" in r.error
    assert r.attempts == 1  # no retry for a body that is too large


def test_huge_streamed_body_is_cut_off(server, clock):
    u = server.add("/stream", stream_bytes=2_000_000)
    with make(clock, max_bytes=100_000, min_interval_s=0.0) as f:
        r = f.get(u)
    assert r.truncated and len(r.body) == 100_000 and "cut off at 100000" in r.error


def test_conditional_request_gets_304(server, clock):
    u = server.add("/feed", body=b"<rss/>", etag='"v1"')
    with make(clock, min_interval_s=0.0) as f:
        first = f.get(u)
        second = f.get(u, etag=first.headers.get("etag"))
    assert first.ok and first.headers["etag"] == '"v1"'
    assert second.not_modified and second.status == 304 and second.body == b""
    assert server.request_headers["/feed"][1].get("If-None-Match") == '"v1"'


def test_windows_1251_page_decodes(server, clock):
    html = "<html><head><title>Пикет</title></head><body><p>Около 30 пенсионеров вышли на пикет в Уральске.</p></body></html>"
    u = server.add("/cp", body=html.encode("cp1251"), headers={"Content-Type": "text/html; charset=windows-1251"})
    u2 = server.add("/cp-undeclared", body=html.encode("cp1251"), headers={"Content-Type": "text/html"})
    with make(clock, min_interval_s=0.0) as f:
        r = f.get(u)
        r2 = f.get(u2)
    text, enc = parse.decode(r.body, r.headers.get("content-type"))
    assert enc == "cp1251" and "пенсионеров вышли на пикет в Уральске" in text
    text2, enc2 = parse.decode(r2.body, r2.headers.get("content-type"))
    assert enc2 == "cp1251" and "Уральске" in text2


def test_unreachable_host_is_an_error_not_an_exception(clock):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with make(clock, retries=1, min_interval_s=0.0) as f:
        r = f.get(f"http://127.0.0.1:{port}/x")
    assert not r.ok and r.status is None and "robots.txt could not be read" in r.error


def test_not_http_url_is_refused(clock):
    with make(clock) as f:
        r = f.get("ftp://example.org/file")
    assert not r.ok and r.error.startswith("not an http(s) URL")
