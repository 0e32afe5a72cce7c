"""Fixtures of the media tests: a private project home (warehouse, inbox, build) and a local HTTP
server on 127.0.0.1 whose routes a test declares. Nothing here touches the internet."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture
def home(tmp_path, monkeypatch):
    """MONITOR_* pointed at a temporary folder; returns it."""
    monkeypatch.setenv("MONITOR_HOME", str(tmp_path))
    monkeypatch.setenv("MONITOR_WAREHOUSE", str(tmp_path / "build" / "warehouse.duckdb"))
    monkeypatch.setenv("MONITOR_INBOX", str(tmp_path / "inbox"))
    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "build"))
    monkeypatch.delenv("MONITOR_MEDIA_SOURCES", raising=False)
    return tmp_path


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (the "slow server" case; the client times out)
    statuses: list[int] | None = None  # one status per successive request (then `status`)
    etag: str | None = None  # answer 304 when If-None-Match matches
    stream_bytes: int = 0  # send this many bytes without Content-Length (chunked), for size caps


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.request_headers: dict[str, list[dict]] = {}
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):  # quiet
                pass

            def do_GET(self):  # noqa: N802
                path = self.path
                outer.hits[path] = outer.hits.get(path, 0) + 1
                outer.request_headers.setdefault(path, []).append(dict(self.headers))
                route = outer.routes.get(path)
                if route is None:
                    self._send(404, b"not found", {"Content-Type": "text/plain"})
                    return
                if route.delay:
                    time.sleep(route.delay)  # server side: simulates a slow host
                status = route.status
                if route.statuses:
                    n = outer.hits[path] - 1
                    status = route.statuses[n] if n < len(route.statuses) else route.status
                headers = dict(route.headers)
                if route.etag:
                    headers["ETag"] = route.etag
                    if self.headers.get("If-None-Match") == route.etag:
                        self._send(304, b"", headers)
                        return
                if route.stream_bytes:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    chunk = b"x" * 65536
                    sent = 0
                    try:
                        while sent < route.stream_bytes:
                            part = chunk[: min(len(chunk), route.stream_bytes - sent)]
                            self.wfile.write(f"{len(part):X}\r\n".encode() + part + b"\r\n")
                            sent += len(part)
                        self.wfile.write(b"0\r\n\r\n")
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    return
                self._send(status, route.body, headers)

            def _send(self, status, body, headers):
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if body:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):  # a client that hung up is expected here
                pass

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self.thread.start()

    def add(self, path: str, **kw) -> str:
        self.routes[path] = Route(**kw)
        return self.base + path

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = LocalServer()
    s.add("/robots.txt", body=b"User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"})
    yield s
    s.close()


class FakeClock:
    """A clock the rate limiter and the backoff read and 'sleep' on, without waiting."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def triage_fits(monkeypatch) -> list[int]:
    """learned_backtest's TriageModel replaced by one that fits nothing and says 0.5 of every article: the list holds
    the size of each training set a model was fitted on."""
    from assets.media import learned_backtest

    fits: list[int] = []

    class Fake:
        def __init__(self, features, c, balanced):
            pass

        def fit(self, train):
            fits.append(len(train))
            return self

        def proba(self, examples):
            return [0.5] * len(examples)

    monkeypatch.setattr(learned_backtest, "TriageModel", Fake)
    return fits
