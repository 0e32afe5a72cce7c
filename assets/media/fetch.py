"""The polite, bounded HTTP fetcher: the only code of the project that uses the network.

- robots.txt is read once per host and obeyed (its Crawl-delay too, capped at MAX_CRAWL_DELAY_S); its
  redirects are followed (at most `max_redirects`, http(s) only) and the final body read; a robots.txt
  that cannot be read because of a server error, the network or its redirects counts as "disallow" for
  this run; a 4xx other than 401/403 as "allow all" (as Google does);
- at most one request per `min_interval_s` per host (RateLimiter, with an injectable clock and
  sleep so tests never wait);
- a timeout per socket operation and an overall deadline per attempt from its start (3 x timeout_s,
  headers included: a watchdog shuts the socket down, so a server trickling header lines or bytes
  cannot hold a run), retries with exponential backoff on timeouts, connection errors, 429 and 5xx
  (Retry-After is honoured, capped);
- bodies larger than `max_bytes` are cut off and reported; redirects are followed by hand, each hop
  checked against robots.txt and the rate limit, at most `max_redirects` of them;
- conditional requests (If-None-Match / If-Modified-Since) when the caller knows the validators.

Errors never raise: every URL yields a FetchResult, with `error` set when something went wrong,
so a run goes on past a bad host.
"""
from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Iterator
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from assets.media.sources import FetchSettings

if TYPE_CHECKING:  # httpx (with rich) is imported where a Fetcher is made: not by every process that loads the assets
    import httpx

RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECTS = (301, 302, 303, 307, 308)
MAX_RETRY_AFTER_S = 60.0
MAX_CRAWL_DELAY_S = 60.0  # a robots.txt Crawl-delay above this is read as this (and said so in `notes`)


@dataclass
class FetchResult:
    url: str
    final_url: str
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    fetched_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
    error: str | None = None
    not_modified: bool = False
    truncated: bool = False
    attempts: int = 0
    redirects: list[str] = field(default_factory=list)
    robots_disallowed: bool = False
    deadline_passed: bool = False  # the attempt's overall deadline ended it (not retried: a trickling server trickles again)

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @property
    def outcome(self) -> str:
        if self.robots_disallowed:
            return "robots_disallowed"
        if self.not_modified:
            return "not_modified"
        if self.error:
            return "error"
        return "ok"


class RateLimiter:
    """At most one request per `min_interval` seconds per host. `clock` and `sleep` are injectable."""

    def __init__(self, min_interval: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.min_interval = float(min_interval)
        self.clock = clock
        self.sleep = sleep
        self._next: dict[str, float] = {}
        self._interval: dict[str, float] = {}

    def set_interval(self, host: str, seconds: float) -> None:
        """A longer interval for one host (robots.txt Crawl-delay)."""
        self._interval[host] = max(self.min_interval, float(seconds))

    def wait(self, host: str) -> float:
        """Block until a request to `host` is allowed; returns the seconds waited."""
        now = self.clock()
        ready = self._next.get(host, now)
        waited = 0.0
        if ready > now:
            waited = ready - now
            self.sleep(waited)
            now = ready
        self._next[host] = now + self._interval.get(host, self.min_interval)
        return waited


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class Fetcher:
    def __init__(self, settings: FetchSettings | None = None, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings or FetchSettings()
        self.sleep = sleep
        self.clock = clock
        self.limiter = RateLimiter(self.settings.min_interval_s, clock=clock, sleep=sleep)
        self._robots: dict[str, RobotFileParser | None] = {}
        self._robots_error: dict[str, str] = {}
        self.notes: list[str] = []  # what the fetcher changed of a site's wishes (a capped Crawl-delay), for the report
        import httpx

        self.client = httpx.Client(
            headers={"User-Agent": self.settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(self.settings.timeout_s),
            follow_redirects=False,
            # a new connection per request: the deadline's watchdog knows the socket it has to shut down
            limits=httpx.Limits(max_keepalive_connections=0),
            transport=transport,
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- robots.txt --------------------------------------------------------------------------
    def _robots_for(self, url: str) -> RobotFileParser | None:
        host = _host(url)
        if host in self._robots:
            return self._robots[host]
        rp = RobotFileParser()
        res, where = self._robots_response(host + "/robots.txt")
        if res.error and res.status is None:
            # network trouble (or redirects that lead nowhere): be polite, do not crawl this host in this run
            self._robots[host] = None
            self._robots_error[host] = f"robots.txt could not be read ({res.error})"
            return None
        status = res.status or 0
        if status >= 500:
            self._robots[host] = None
            self._robots_error[host] = f"robots.txt answered HTTP {status}" + (f" (at {where})" if where else "")
            return None
        if status in (401, 403):
            rp.disallow_all = True
        elif status >= 400:
            rp.allow_all = True
        else:
            rp.parse(res.body.decode("utf-8", errors="replace").splitlines())
            delay = rp.crawl_delay(self.settings.user_agent)
            if delay:
                delay = float(delay)
                if delay > MAX_CRAWL_DELAY_S:
                    self.notes.append(f"{host}/robots.txt asks for a Crawl-delay of {delay:g} s; "
                                      f"{MAX_CRAWL_DELAY_S:g} s (the cap) used")
                    delay = MAX_CRAWL_DELAY_S
                self.limiter.set_interval(host, delay)
        self._robots[host] = rp
        return rp

    def _robots_response(self, url: str) -> tuple[FetchResult, str | None]:
        """robots.txt of a host, its redirects followed as `get` follows them (at most `max_redirects`, http(s)
        only; robots.txt itself is not asked about): the final answer, and the URL it came from when that is not
        `url`. A redirect that cannot be followed gives a result with an error and no status (read as "could
        not be read")."""
        res = self.get(url, robots=False)
        if res.status in REDIRECTS:  # no Location, or too many of them
            res.status = None
        return res, (res.final_url if res.final_url != url else None)

    def allowed(self, url: str) -> tuple[bool, str | None]:
        if not self.settings.respect_robots:
            return True, None
        rp = self._robots_for(url)
        if rp is None:
            return False, self._robots_error.get(_host(url), "robots.txt unavailable")
        if rp.can_fetch(self.settings.user_agent, url):
            return True, None
        return False, "disallowed by robots.txt"

    # -- one request, with retries -----------------------------------------------------------
    def _request(self, url: str, extra_headers: dict[str, str]) -> FetchResult:
        res = FetchResult(url=url, final_url=url)
        attempts_allowed = 1 + max(0, int(self.settings.retries))
        for attempt in range(attempts_allowed):
            res = self._once(url, extra_headers)
            res.attempts = attempt + 1
            retry_after = None
            if res.error is None and res.status not in RETRY_STATUSES:
                return res
            if res.truncated or res.deadline_passed:  # too big, or too slow as a whole: a retry would not help
                return res
            if res.status in RETRY_STATUSES:
                retry_after = _retry_after(res.headers.get("retry-after"))
                if res.error is None:
                    res.error = f"HTTP {res.status}"
            if attempt + 1 < attempts_allowed:
                delay = self.settings.backoff_s * (2 ** attempt)
                if retry_after is not None:
                    delay = max(delay, min(retry_after, MAX_RETRY_AFTER_S))
                self.sleep(delay)
        if res.error:
            res.error = f"{res.error} (after {res.attempts} attempt{'s' if res.attempts > 1 else ''})"
        return res

    def _once(self, url: str, extra_headers: dict[str, str]) -> FetchResult:
        import httpx

        res = FetchResult(url=url, final_url=url)
        self.limiter.wait(_host(url))
        started = self.clock()
        deadline = 3 * self.settings.timeout_s
        # the overall deadline of this attempt, from its start, in real time: the timeouts of httpx bound each
        # socket read, not the whole answer (a header line every 3 s never times out). A watchdog shuts the
        # socket down when the deadline passes, which ends whatever read is waiting.
        socks: list[socket.socket] = []
        expired = threading.Event()

        def trace(event: str, info: dict) -> None:
            if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
                stream = info.get("return_value")
                sock = stream.get_extra_info("socket") if stream is not None else None
                if sock is not None:
                    socks.append(sock)
                    if expired.is_set():
                        _shut(sock)

        def fire() -> None:
            expired.set()
            for sock in list(socks):
                _shut(sock)

        watchdog = threading.Timer(deadline, fire)
        watchdog.daemon = True
        watchdog.start()
        try:
            with self.client.stream("GET", url, headers=extra_headers, extensions={"trace": trace}) as resp:
                res.status = resp.status_code
                res.headers = {k.lower(): v for k, v in resp.headers.items()}
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.settings.max_bytes:
                    res.truncated = True
                    res.error = f"response too large: {declared} bytes declared, the limit is {self.settings.max_bytes}"
                    return res
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > self.settings.max_bytes:
                        keep = self.settings.max_bytes - (size - len(chunk))
                        chunks.append(chunk[:keep])
                        res.truncated = True
                        res.error = f"response too large: cut off at {self.settings.max_bytes} bytes"
                        break
                    chunks.append(chunk)
                    if self.clock() - started > deadline:
                        res.error = f"download took longer than {deadline:.0f} s; abandoned"
                        res.deadline_passed = True  # (session 46) as the watchdog's: too slow as a whole, not retried
                        break
                res.body = b"".join(chunks)
        except httpx.TimeoutException as exc:
            res.error = f"timeout ({type(exc).__name__})"
        except httpx.HTTPError as exc:
            res.error = f"network error: {type(exc).__name__}: {exc}"
        except Exception as exc:  # noqa: BLE001 - a bad URL or a broken server must not end the run
            res.error = f"error: {type(exc).__name__}: {exc}"
        finally:
            watchdog.cancel()
        if expired.is_set() and not res.truncated:
            # whatever the shut socket made httpx say, or a body that was complete a moment too late
            res.error = f"timeout: no complete answer from {url} within {deadline:g} s (3 x timeout_s, headers included)"
            res.status, res.body, res.deadline_passed = None, b"", True
        res.fetched_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        return res

    # -- public ------------------------------------------------------------------------------
    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            robots: bool = True) -> FetchResult:
        """GET `url` politely: robots.txt (robots=False: not asked, for robots.txt itself), rate limit, retries,
        size cap, bounded redirects."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        hops: list[str] = []
        while True:
            try:
                parts = urlsplit(current)
                if parts.scheme not in ("http", "https") or not parts.netloc:
                    what = "redirect to a URL that is not http(s)" if hops else "not an http(s) URL"
                    return FetchResult(url=url, final_url=current, error=f"{what}: {current}", redirects=hops)
            except ValueError as exc:
                return FetchResult(url=url, final_url=current, error=f"bad URL: {exc}", redirects=hops)
            ok, why = self.allowed(current) if robots else (True, None)
            if not ok:
                return FetchResult(url=url, final_url=current, error=why, robots_disallowed=True, redirects=hops)
            res = self._request(current, headers if not hops else {})
            res.url = url
            res.final_url = current
            res.redirects = hops
            if res.status in REDIRECTS and res.error is None:
                location = res.headers.get("location")
                if not location:
                    res.error = f"HTTP {res.status} redirect without a Location header"
                    return res
                if len(hops) >= self.settings.max_redirects:
                    res.error = f"too many redirects (more than {self.settings.max_redirects})"
                    return res
                hops.append(current)
                try:
                    current = urljoin(current, location)
                except ValueError as exc:
                    res.error = f"redirect to a bad URL {location!r}: {exc}"
                    return res
                continue
            if res.status == 304:
                res.not_modified = True
            elif res.error is None and res.status is not None and res.status >= 400:
                res.error = f"HTTP {res.status}"
            return res

    def get_many(self, urls: Iterable[str], *, validators: dict[str, tuple[str | None, str | None]] | None = None,
                 progress: bool = False, desc: str = "fetching") -> Iterator[FetchResult]:
        """Fetch several URLs one by one (a progress bar on stderr when `progress`)."""
        from tqdm import tqdm

        urls = list(urls)
        validators = validators or {}
        for u in tqdm(urls, desc=desc, unit="url", disable=not progress or len(urls) < 2, leave=False):
            etag, lm = validators.get(u, (None, None))
            yield self.get(u, etag=etag, last_modified=lm)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        from email.utils import parsedate_to_datetime

        when = parsedate_to_datetime(value)
        return max(0.0, (when - dt.datetime.now(when.tzinfo)).total_seconds())
    except (TypeError, ValueError):
        return None
