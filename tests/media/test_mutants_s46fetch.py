"""Session 46 (the fetch batch): what the mutation run of assets/media/fetch.py and assets/media/archive.py left
alive, pinned by behaviour. Every server is a local http.server on 127.0.0.1 (tests/media/conftest.py); no test
uses the network or waits on a clock: the rate limiter and the backoff read a FakeClock. Each expected value is
worked out from the input."""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import duckdb
import pytest

from assets.media import archive
from assets.media.fetch import MAX_CRAWL_DELAY_S, FetchResult, Fetcher, RateLimiter, _host, _retry_after
from assets.media.sources import FetchSettings


def make(clock, **kw) -> Fetcher:
    base = dict(min_interval_s=0.0, timeout_s=2.0, retries=0, backoff_s=1.0, max_bytes=100_000, max_redirects=3)
    base.update(kw)
    return Fetcher(FetchSettings(**base), clock=clock, sleep=clock.sleep)


def sent(server, path: str, n: int = 0) -> dict[str, str]:
    """The headers of the n-th request to `path`, names in lower case."""
    return {k.lower(): v for k, v in server.request_headers[path][n].items()}


# -- the result ---------------------------------------------------------------------------------
@pytest.mark.parametrize("status, error, ok", [(200, None, True), (299, None, True), (300, None, False),
                                               (199, None, False), (None, None, False), (200, "cut", False)])
def test_ok_is_a_2xx_answer_without_an_error(status, error, ok):
    assert FetchResult(url="u", final_url="u", status=status, error=error).ok is ok


def test_the_outcome_names_robots_first_then_not_modified_then_an_error():
    r = FetchResult(url="u", final_url="u", robots_disallowed=True, not_modified=True, error="disallowed")
    assert r.outcome == "robots_disallowed"
    assert FetchResult(url="u", final_url="u", not_modified=True, error="x").outcome == "not_modified"
    assert FetchResult(url="u", final_url="u", status=500, error="HTTP 500").outcome == "error"
    assert FetchResult(url="u", final_url="u", status=200).outcome == "ok"


def test_the_fetch_time_is_now_in_utc_without_a_zone():
    before = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    r = FetchResult(url="u", final_url="u")
    after = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    assert r.fetched_at.tzinfo is None and before <= r.fetched_at <= after


def test_a_fetched_result_carries_the_time_of_its_answer(server, clock):
    u = server.add("/t", body=b"t")
    before = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    with make(clock) as f:
        r = f.get(u)
    after = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    assert r.ok and r.fetched_at.tzinfo is None and before <= r.fetched_at <= after


# -- the rate limit ------------------------------------------------------------------------------
def test_the_limiter_waits_what_is_left_of_the_interval_and_a_longer_one_per_host(clock):
    rl = RateLimiter(2.0, clock=clock, sleep=clock.sleep)
    rl.set_interval("g", 5.0)
    rl.set_interval("h", 1.0)  # shorter than the minimum: the minimum holds
    assert rl.wait("g") == 0.0  # t=1000, next at 1005
    clock.now += 1.0
    assert rl.wait("g") == 4.0  # 1005 - 1001; now 1005, next at 1010
    assert rl.wait("g") == 5.0  # the whole interval from the moment it was let through
    assert rl.wait("h") == 0.0  # t=1010, next at 1012
    clock.now += 0.5
    assert rl.wait("h") == 1.5
    assert clock.sleeps == [4.0, 5.0, 1.5]


def test_the_host_is_scheme_and_netloc_in_lower_case():
    assert _host("HTTP://Example.ORG:8080/a/b?c=1") == "http://example.org:8080"
    assert _host("https://x.kz/") == "https://x.kz"


def test_two_hosts_are_limited_and_asked_for_robots_separately(server, clock):
    server.add("/a", body=b"a")
    other = server.base.replace("127.0.0.1", "localhost")
    with make(clock, min_interval_s=3.0) as f:
        assert f.get(server.base + "/a").ok
        assert f.get(other + "/a").ok
    # robots.txt then /a on each host: one wait of 3 s per host, none across hosts
    assert server.hits["/robots.txt"] == 2 and clock.sleeps == [3.0, 3.0]


# -- the User-Agent and robots.txt ---------------------------------------------------------------
def test_the_user_agent_is_sent_and_robots_rules_are_read_for_it(server, clock):
    server.add("/robots.txt", body=b"User-agent: TestBot\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    u = server.add("/page", body=b"p")
    with make(clock, user_agent="TestBot/9") as f:
        r = f.get(u)
    with make(clock, user_agent="OtherBot/1") as f:
        r2 = f.get(u)
    assert r.robots_disallowed and r.error == "disallowed by robots.txt"
    assert r2.ok and server.hits["/page"] == 1
    assert sent(server, "/robots.txt", 0)["user-agent"] == "TestBot/9"
    assert sent(server, "/page", 0)["user-agent"] == "OtherBot/1"


def test_robots_is_not_asked_when_the_settings_say_so(server, clock):
    server.add("/robots.txt", body=b"User-agent: *\nDisallow: /\n")
    u = server.add("/page", body=b"p")
    with make(clock, respect_robots=False) as f:
        assert f.get(u).ok
    assert "/robots.txt" not in server.hits


@pytest.mark.parametrize("status", [401, 403])
def test_robots_refused_means_nothing_is_crawled(server, clock, status):
    server.add("/robots.txt", status=status, body=b"User-agent: *\nAllow: /\n")
    u = server.add("/page", body=b"p")
    with make(clock) as f:
        r = f.get(u)
    assert r.robots_disallowed and r.error == "disallowed by robots.txt" and "/page" not in server.hits


@pytest.mark.parametrize("status", [400, 404, 410, 499])
def test_robots_missing_means_everything_is_allowed_whatever_its_body(server, clock, status):
    server.add("/robots.txt", status=status, body=b"User-agent: *\nDisallow: /\n")
    u = server.add("/page", body=b"p")
    with make(clock) as f:
        r = f.get(u)
    assert r.ok and r.body == b"p"


def test_robots_server_error_is_named_with_its_status_and_where_it_came_from(server, clock):
    server.add("/robots.txt", status=500, body=b"down")
    u = server.add("/page", body=b"p")
    with make(clock) as f:
        r = f.get(u)
    assert r.robots_disallowed and r.error == "robots.txt answered HTTP 500"
    server.routes.clear()
    server.add("/robots.txt", status=302, headers={"Location": "/gone.txt"})
    server.add("/gone.txt", status=502, body=b"down")
    other = server.base.replace("127.0.0.1", "localhost")
    with make(clock) as f:
        r = f.get(other + "/page")
    assert r.robots_disallowed and r.error == f"robots.txt answered HTTP 502 (at {other}/gone.txt)"


def test_robots_redirect_without_a_location_means_do_not_crawl(server, clock):
    server.add("/robots.txt", status=302)
    u = server.add("/page", body=b"p")
    with make(clock) as f:
        r = f.get(u)
    assert r.robots_disallowed and r.error.startswith("robots.txt could not be read (HTTP 302 redirect without")
    assert "/page" not in server.hits


@pytest.mark.parametrize("delay, wait, noted", [(60, 60.0, False), (61, 60.0, True), (1, 2.0, False)])
def test_crawl_delay_up_to_the_cap_is_obeyed_and_never_below_the_minimum(server, clock, delay, wait, noted):
    server.add("/robots.txt", body=f"User-agent: *\nCrawl-delay: {delay}\n".encode())
    a = server.add("/a", body=b"a")
    b = server.add("/b", body=b"b")
    with make(clock, min_interval_s=2.0) as f:
        f.get(a)
        f.get(b)
        notes = f.notes
    # robots.txt (no wait), /a (the 2 s set before robots.txt was read), /b (the host's interval)
    assert MAX_CRAWL_DELAY_S == 60.0 and clock.sleeps == [2.0, wait]
    assert notes == ([f"{server.base}/robots.txt asks for a Crawl-delay of {delay} s; 60 s (the cap) used"]
                     if noted else [])


# -- retries ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_each_passing_trouble_is_retried(server, clock, status):
    u = server.add("/x", statuses=[status], status=200, body=b"fine")
    with make(clock, retries=1) as f:
        r = f.get(u)
    assert r.ok and r.body == b"fine" and r.attempts == 2 and server.hits["/x"] == 2 and clock.sleeps == [1.0]


@pytest.mark.parametrize("status", [501, 505, 400])
def test_other_errors_are_not_retried(server, clock, status):
    u = server.add("/x", statuses=[status], status=200, body=b"fine")
    with make(clock, retries=2) as f:
        r = f.get(u)
    assert r.error == f"HTTP {status}" and r.status == status and r.attempts == 1 and server.hits["/x"] == 1


def test_backoff_doubles_from_its_base_and_the_error_counts_the_attempts(server, clock):
    u = server.add("/x", status=503, body=b"busy")
    one = server.add("/y", status=500, body=b"broken")
    with make(clock, retries=3, backoff_s=0.5) as f:
        r = f.get(u)
    with make(clock, retries=0) as f:
        r1 = f.get(one)
    assert clock.sleeps == [0.5, 1.0, 2.0]
    assert r.error == "HTTP 503 (after 4 attempts)" and r.attempts == 4 and r.status == 503
    assert r1.error == "HTTP 500 (after 1 attempt)" and r1.attempts == 1


@pytest.mark.parametrize("value, waited", [("100", 60.0), ("0.25", 1.0), ("Fri, 01 Jan 2099 00:00:00 GMT", 60.0),
                                           ("Mon, 01 Jan 2001 00:00:00 GMT", 1.0), ("soon", 1.0)])
def test_retry_after_is_capped_and_never_shortens_the_backoff(server, clock, value, waited):
    u = server.add("/busy", statuses=[503], status=200, body=b"x", headers={"Retry-After": value})
    with make(clock, retries=1, backoff_s=1.0) as f:
        assert f.get(u).ok
    assert clock.sleeps == [waited]


def test_retry_after_values():
    assert _retry_after(None) is None and _retry_after("") is None and _retry_after("soon") is None
    assert _retry_after("7") == 7.0 and _retry_after("-5") == 0.0
    assert _retry_after("Mon, 01 Jan 2001 00:00:00 GMT") == 0.0
    far = _retry_after("Fri, 01 Jan 2100 00:00:00 GMT")
    assert far is not None and far > 60 * 60 * 24 * 365 * 70  # more than 70 years from 2026


# -- size cap ------------------------------------------------------------------------------------------
def test_a_body_of_exactly_the_limit_is_whole_and_one_byte_more_is_refused(server, clock):
    a = server.add("/exact", body=b"z" * 1000)
    b = server.add("/over", body=b"z" * 1001)
    with make(clock, max_bytes=1000, retries=2) as f:
        ra, rb = f.get(a), f.get(b)
    assert ra.ok and not ra.truncated and ra.body == b"z" * 1000
    assert rb.truncated and rb.error == "response too large: 1001 bytes declared, the limit is 1000"
    assert rb.body == b"" and server.hits["/over"] == 1  # nothing read, and no retry


def test_a_streamed_body_is_cut_at_the_limit_exactly_and_not_retried(server, clock):
    a = server.add("/exact", stream_bytes=100_000)
    b = server.add("/over", stream_bytes=100_001)
    with make(clock, max_bytes=100_000, retries=2) as f:
        ra, rb = f.get(a), f.get(b)
    assert ra.ok and not ra.truncated and ra.body == b"x" * 100_000
    assert rb.truncated and rb.body == b"x" * 100_000 and rb.error == "response too large: cut off at 100000 bytes"
    assert rb.status == 200 and rb.attempts == 1 and server.hits["/over"] == 1


# -- conditional requests and redirects ------------------------------------------------------------------
def test_the_validators_are_sent_on_the_first_hop_only(server, clock):
    server.add("/old", status=301, headers={"Location": "/new"})
    server.add("/new", body=b"n")
    plain = server.add("/plain", body=b"p")
    lm = "Wed, 21 Oct 2026 07:28:00 GMT"
    with make(clock) as f:
        r = f.get(server.base + "/old", etag='"e1"', last_modified=lm)
        f.get(plain)
    first = sent(server, "/old")
    assert first["if-none-match"] == '"e1"' and first["if-modified-since"] == lm
    assert "if-none-match" not in sent(server, "/new") and "if-modified-since" not in sent(server, "/new")
    assert "if-none-match" not in sent(server, "/plain") and "if-modified-since" not in sent(server, "/plain")
    assert r.ok and r.url == server.base + "/old" and r.final_url == server.base + "/new"
    assert r.redirects == [server.base + "/old"]


def test_get_many_sends_each_url_its_own_validators(server, clock):
    a = server.add("/a", body=b"a")
    b = server.add("/b", body=b"b")
    with make(clock) as f:
        out = list(f.get_many([a, b], validators={a: ('"ea"', None), b: (None, "Thu, 01 Jan 2026 00:00:00 GMT")}))
    assert [r.body for r in out] == [b"a", b"b"]
    assert sent(server, "/a").get("if-none-match") == '"ea"' and "if-modified-since" not in sent(server, "/a")
    assert sent(server, "/b").get("if-modified-since") == "Thu, 01 Jan 2026 00:00:00 GMT"
    assert "if-none-match" not in sent(server, "/b")


def test_not_modified_is_no_error(server, clock):
    u = server.add("/feed", body=b"<rss/>", etag='"v1"')
    with make(clock) as f:
        r = f.get(u, etag='"v1"')
    assert r.not_modified and r.error is None and r.outcome == "not_modified" and r.status == 304


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_every_redirect_status_is_followed_and_the_final_url_kept(server, clock, status):
    server.add("/from", status=status, headers={"Location": "/to"})
    server.add("/to", body=b"here")
    with make(clock) as f:
        r = f.get(server.base + "/from")
    assert r.ok and r.body == b"here" and r.final_url == server.base + "/to" and r.redirects == [server.base + "/from"]


def test_exactly_max_redirects_hops_are_followed_and_one_more_is_refused(server, clock):
    server.add("/r1", status=302, headers={"Location": "/r2"})
    server.add("/r2", status=302, headers={"Location": "/end"})
    server.add("/end", body=b"end")
    server.add("/s0", status=302, headers={"Location": "/r1"})
    with make(clock, max_redirects=2) as f:
        ok = f.get(server.base + "/r1")
        over = f.get(server.base + "/s0")
    assert ok.ok and ok.redirects == [server.base + "/r1", server.base + "/r2"]
    assert over.error == "too many redirects (more than 2)" and over.status == 302
    assert over.final_url == server.base + "/r2" and server.hits["/end"] == 1  # the first chain's end only


def test_a_redirect_without_location_is_named(server, clock):
    u = server.add("/nowhere", status=302)
    with make(clock) as f:
        r = f.get(u)
    assert r.error == "HTTP 302 redirect without a Location header" and r.status == 302 and not r.ok


def test_a_redirect_out_of_http_is_refused_and_the_hops_kept(server, clock):
    server.add("/go", status=302, headers={"Location": "ftp://example.org/f"})
    with make(clock) as f:
        r = f.get(server.base + "/go")
    assert r.error == "redirect to a URL that is not http(s): ftp://example.org/f"
    assert r.redirects == [server.base + "/go"] and r.final_url == "ftp://example.org/f"


def test_a_url_that_cannot_be_split_is_a_bad_url(clock):
    with make(clock) as f:
        r = f.get("http://[::1/x")
    assert r.error.startswith("bad URL: ") and r.status is None


# -- the archive -------------------------------------------------------------------------------------
ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"  # FIPS 180-2's example "abc"
T1 = dt.datetime(2026, 12, 1, 10, 0)
T2 = dt.datetime(2026, 12, 2, 10, 0)


@pytest.fixture
def con():
    c = duckdb.connect()
    archive.ensure_tables(c)
    yield c
    c.close()


def res(url="http://s/a", body=b"abc", status=200, at=T1, **kw) -> FetchResult:
    return FetchResult(url=url, final_url=kw.pop("final_url", url), status=status, body=body, fetched_at=at, **kw)


def rows(con, table="media_responses") -> list[dict]:
    cur = con.execute(f"SELECT * FROM {table} ORDER BY 1")
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def test_sha256_is_the_hex_digest():
    assert archive.sha256(b"abc") == ABC_SHA256
    assert archive.sha256(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_a_response_is_archived_once_with_its_fetch_time(con):
    first = res(final_url="http://s/a2", headers={"etag": '"e"'}, attempts=2)
    assert archive.store(con, first, source="src", role="article") == "new"
    assert archive.store(con, res(at=T2), source="src", role="article") == "unchanged"
    [row] = rows(con)
    assert (row["url"], row["final_url"], row["fetched_at"], row["status"], row["source"], row["role"]) == \
        ("http://s/a", "http://s/a2", T1, 200, "src", "article")
    assert bytes(row["body"]) == b"abc" and row["content_sha256"] == ABC_SHA256
    assert json.loads(row["headers"]) == {"etag": '"e"'} and row["truncated"] is False and row["error"] is None
    [log] = rows(con, "media_fetch_log")  # one row per URL: the last attempt
    assert (log["last_attempt"], log["outcome"], log["status"], log["response_id"]) == (T2, "unchanged", 200,
                                                                                      row["response_id"])


def test_a_changed_article_is_archived_again_and_its_newest_validators_read(con):
    archive.store(con, res(headers={"etag": '"1"', "last-modified": "L1"}), source="s", role="article")
    assert archive.store(con, res(body=b"abd", at=T2, headers={"etag": '"2"', "last-modified": "L2"}),
                         source="s", role="article") == "new"
    assert sorted(bytes(r["body"]) for r in rows(con)) == [b"abc", b"abd"]
    assert archive.validators(con) == {"http://s/a": ('"2"', "L2")}
    [latest] = archive.latest_responses(con)
    assert latest["body"] == b"abd" and latest["headers"] == {"etag": '"2"', "last-modified": "L2"}
    assert latest["fetched_at"] == T2
    [log] = rows(con, "media_fetch_log")
    assert log["response_id"] == latest["response_id"] and log["outcome"] == "new"


def test_the_same_bytes_under_another_status_or_url_are_another_response(con):
    assert archive.store(con, res(), source="s", role="article") == "new"
    assert archive.store(con, res(status=404, error="HTTP 404", at=T2), source="s", role="article") == "error"
    assert archive.store(con, res(url="http://s/b"), source="s", role="article") == "new"
    assert sorted((r["url"], r["status"]) for r in rows(con)) == [("http://s/a", 200), ("http://s/a", 404),
                                                                  ("http://s/b", 200)]
    assert len({r["response_id"] for r in rows(con)}) == 3


def test_an_error_answer_is_kept_but_never_read_as_the_article(con):
    assert archive.store(con, res(status=500, body=b"oops", error="HTTP 500"), source="s", role="article") == "error"
    assert archive.store(con, res(status=500, body=b"oops", error="HTTP 500", at=T2),
                         source="s", role="article") == "error"  # already archived, still an error
    [row] = rows(con)
    assert row["status"] == 500 and row["error"] == "HTTP 500"
    assert archive.archived_ok(con) == set() and archive.latest_responses(con) == [] and archive.validators(con) == {}
    [log] = rows(con, "media_fetch_log")
    assert log["outcome"] == "error" and log["error"] == "HTTP 500" and log["response_id"] == row["response_id"]


def test_a_truncated_body_is_kept_but_never_read_as_the_article(con):
    r = res(body=b"ab", truncated=True, error="response too large: cut off at 2 bytes")
    assert archive.store(con, r, source="s", role="article") == "error"
    assert rows(con)[0]["truncated"] is True
    assert archive.archived_ok(con) == set() and archive.latest_responses(con) == []


def test_no_answer_and_not_modified_store_no_bytes(con):
    assert archive.store(con, res(status=None, body=b"", error="timeout"), source="s", role="article") == "error"
    assert archive.store(con, res(url="http://s/f", status=304, body=b"", not_modified=True),
                         source="s", role="feed") == "not_modified"
    assert archive.store(con, res(url="http://s/p", status=None, body=b"", error="disallowed by robots.txt",
                                  robots_disallowed=True), source="s", role="article") == "robots_disallowed"
    assert rows(con) == []
    logs = {r["url"]: r for r in rows(con, "media_fetch_log")}
    assert {u: (r["outcome"], r["status"], r["error"], r["response_id"]) for u, r in logs.items()} == {
        "http://s/a": ("error", None, "timeout", None), "http://s/f": ("not_modified", 304, None, None),
        "http://s/p": ("robots_disallowed", None, "disallowed by robots.txt", None)}


def test_validators_and_last_fetched_of_the_urls_asked(con):
    archive.store(con, res(headers={"etag": '"a"'}), source="s", role="article")
    archive.store(con, res(url="http://s/b", at=T2, headers={"last-modified": "LB"}), source="s", role="article")
    assert archive.validators(con, ["http://s/b"]) == {"http://s/b": (None, "LB")}
    assert archive.validators(con, []) == {}
    assert archive.validators(con) == {"http://s/a": ('"a"', None), "http://s/b": (None, "LB")}
    assert archive.last_fetched(con, []) == {}
    assert archive.last_fetched(con, ["http://s/b", "http://s/never"]) == {"http://s/b": T2}
    assert archive.archived_ok(con) == {"http://s/a", "http://s/b"}


def test_latest_responses_of_one_role(con):
    archive.store(con, res(url="http://s/feed", body=b"<rss/>"), source="s", role="feed")
    archive.store(con, res(url="http://s/a", body=b"<p>a</p>"), source="s", role="article")
    feeds = archive.latest_responses(con, "feed")
    assert [(r["url"], r["role"], r["body"]) for r in feeds] == [("http://s/feed", "feed", b"<rss/>")]
    assert [r["url"] for r in archive.latest_responses(con)] == ["http://s/a", "http://s/feed"]
    assert isinstance(feeds[0]["body"], bytes) and feeds[0]["headers"] == {}
    assert set(feeds[0]) == {"response_id", "source", "role", "url", "final_url", "fetched_at", "status", "headers",
                             "body"}


# -- a body cut short by the server is no complete article (a fault found in session 46) -----------------
class _Listener:
    """A socket on 127.0.0.1 that accepts in a daemon thread and hands each connection to `_serve_one`."""

    def __init__(self) -> None:
        import socket
        import threading

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.base = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                c, _ = self.sock.accept()
            except OSError:
                return
            self._serve_one(c)

    def _serve_one(self, c) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.sock.close()


class ShortBodyServer(_Listener):
    """Answers every GET with 200, "Content-Length: 1000" and ten bytes, then closes the connection."""

    def __init__(self) -> None:
        self.hits = 0
        super().__init__()

    def _serve_one(self, c) -> None:
        with c:
            data = b""
            while b"\r\n\r\n" not in data:
                part = c.recv(4096)
                if not part:
                    break
                data += part
            self.hits += 1
            c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nETag: \"cut\"\r\nContent-Length: 1000\r\n\r\n"
                      b"<p>0123456")


def test_a_body_cut_short_is_an_error_and_never_archived_as_the_article(clock, con):
    srv = ShortBodyServer()
    try:
        with make(clock, respect_robots=False, retries=1) as f:
            r = f.get(srv.base + "/a")
    finally:
        srv.close()
    assert srv.hits == 2 and r.attempts == 2  # a connection that broke is tried again
    assert not r.ok and r.error.startswith("network error: ") and r.error.endswith("(after 2 attempts)")
    assert archive.store(con, r, source="s", role="article") == "error"
    # kept as received, but neither a done article (it is asked for again), nor read, nor a source of validators
    assert archive.archived_ok(con) == set() and archive.latest_responses(con) == [] and archive.validators(con) == {}


# -- the overall deadline: one connection per request, the watchdog shuts its socket ---------------------------
class RawServer(_Listener):
    """A server of raw sockets. mode "keepalive": every request on a connection gets "ok" and the connection is
    kept open for the next (the connections accepted are counted). mode "trickle": one header line every `gap` s
    for `total` s, then an answer; `hung_up` says whether the client closed the connection before."""

    def __init__(self, mode: str, gap: float = 0.02, total: float = 5.0) -> None:
        import threading

        self.mode, self.gap, self.total = mode, gap, total
        self.accepted, self.lines, self.hung_up = 0, 0, False
        self.done = threading.Event()
        self._threading = threading
        super().__init__()

    def _serve_one(self, c) -> None:
        self.accepted += 1
        self._threading.Thread(target=self._conn, args=(c,), daemon=True).start()

    def _conn(self, c) -> None:
        import time

        with c:
            data = b""
            try:
                while True:
                    while b"\r\n\r\n" not in data:
                        part = c.recv(4096)
                        if not part:
                            return
                        data += part
                    data = data.split(b"\r\n\r\n", 1)[1]
                    if self.mode == "keepalive":
                        c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok")
                        continue
                    c.sendall(b"HTTP/1.1 200 OK\r\n")
                    end = time.monotonic() + self.total
                    while time.monotonic() < end:
                        c.sendall(b"X-A: b\r\n")
                        self.lines += 1
                        self.done.wait(self.gap)
                    c.sendall(b"Content-Length: 2\r\n\r\nok")
                    return
            except OSError:
                self.hung_up = True
            finally:
                self.done.set() if self.mode == "trickle" and self.hung_up else None


def test_each_request_has_a_connection_of_its_own(clock):
    srv = RawServer("keepalive")
    try:
        with make(clock, respect_robots=False) as f:
            r1, r2 = f.get(srv.base + "/a"), f.get(srv.base + "/b")
    finally:
        srv.close()
    assert r1.body == b"ok" and r2.body == b"ok" and srv.accepted == 2


def test_the_watchdog_shuts_the_socket_of_a_server_trickling_headers(clock):
    srv = RawServer("trickle")
    try:
        with make(clock, respect_robots=False, timeout_s=0.1, retries=1) as f:
            r = f.get(srv.base + "/slow")
        srv.done.wait(5.0)
    finally:
        srv.close()
    url = srv.base + "/slow"
    assert r.error == f"timeout: no complete answer from {url} within 0.3 s (3 x timeout_s, headers included)"
    assert r.status is None and r.body == b"" and r.deadline_passed and r.attempts == 1
    # the client hung up at 0.3 s, long before the server's 5 s of header lines (250 of them) were sent
    assert srv.hung_up and srv.lines < 250


class StepClock:
    """A clock that gives the values listed (then the last one again); sleeping moves nothing."""

    def __init__(self, *values: float) -> None:
        self.values, self.sleeps = list(values), []

    def __call__(self) -> float:
        return self.values.pop(0) if len(self.values) > 1 else self.values[0]

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)


@pytest.mark.parametrize("after, abandoned", [(6.0, False), (6.5, True)])
def test_a_download_longer_than_three_timeouts_by_the_clock_is_abandoned(server, con, after, abandoned):
    u = server.add("/small", body=b"hello")
    # the clock read by the rate limiter, at the attempt's start, and after the body's one chunk
    clock = StepClock(100.0, 100.0, 100.0 + after)
    with make(clock, respect_robots=False, timeout_s=2.0) as f:  # the deadline: 3 x 2 s = 6 s
        r = f.get(u)
    if not abandoned:
        assert r.ok and r.body == b"hello"
        return
    assert r.error == "download took longer than 6 s; abandoned" and not r.ok and r.deadline_passed
    # the part read is no complete article
    assert archive.store(con, r, source="s", role="article") == "error" and archive.archived_ok(con) == set()


def test_a_download_abandoned_by_the_clock_is_not_retried(server):
    """(session 46) As the watchdog's deadline: a page too slow as a whole is not asked for again (it was, by the
    clock's path alone, up to `retries` more times)."""
    u = server.add("/slow", body=b"hello")
    clock = StepClock(100.0, 100.0, 107.0)  # after the body's one chunk: 7 s, past the deadline of 3 x 2 s
    with make(clock, respect_robots=False, timeout_s=2.0, retries=2) as f:
        r = f.get(u)
    assert r.attempts == 1 and r.deadline_passed and clock.sleeps == []
    assert r.error == "download took longer than 6 s; abandoned"  # as the watchdog's: one attempt, no count


def test_an_https_url_is_asked_for(server, clock):
    # the local server speaks plain HTTP: the TLS handshake fails, but the URL was tried, not refused
    with make(clock, respect_robots=False) as f:
        r = f.get(server.base.replace("http://", "https://") + "/a")
    assert r.status is None and r.error.startswith("network error: ") and r.error.endswith("(after 1 attempt)")


def test_the_progress_bar_shows_only_when_asked_and_for_two_urls_or_more(server, clock, capsys):
    a = server.add("/a", body=b"a")
    b = server.add("/b", body=b"b")
    with make(clock) as f:
        list(f.get_many([a, b]))
        assert capsys.readouterr().err == ""
        list(f.get_many([a], progress=True))
        assert capsys.readouterr().err == ""
        list(f.get_many([a, b], progress=True))
        err = capsys.readouterr().err
    assert "fetching: " in err and "0/2" in err  # the bar of two URLs (leave=False clears it at the end)


def test_loading_the_fetcher_does_not_import_httpx():
    import subprocess
    import sys

    code = "import sys, assets.media.fetch; print('httpx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
