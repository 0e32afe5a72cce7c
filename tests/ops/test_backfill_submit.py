"""`monitor backfill --submit` creates an asset backfill the daemon runs through Dagster's public
GraphQL mutation `launchPartitionBackfill` (pipelines/backfill_submit.py), no private Dagster API.

- sent to a real `dagster-webserver` started here on a free port (`--webserver URL`), the route of a
  running UI; the default route (the `dagster-graphql` command on the project's workspace) is the
  one tests/ops/test_postgres_instance.py takes, followed by one iteration of the backfill daemon;
- what the mutation carries, and how a refusal or an absent server is reported, against a stand-in
  HTTP server (no Dagster needed to answer).
"""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import dagster as dg
import pytest

from pipelines import backfill_submit, cli
from tests.ops.conftest import REPO

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _location_loaded(url: str) -> bool:
    query = b'{"query": "{ workspaceOrError { ... on Workspace { locationEntries { loadStatus } } } }"}'
    req = urllib.request.Request(url + "/graphql", data=query, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            entries = json.loads(resp.read())["data"]["workspaceOrError"]["locationEntries"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return bool(entries) and all(e["loadStatus"] == "LOADED" for e in entries)


@pytest.fixture()
def webserver(project, dagster_home, tmp_path):
    """`dagster-webserver` on the project's workspace and the test's instance (DAGSTER_HOME)."""
    port = _free_port()
    log = (tmp_path / "webserver.log").open("w")
    proc = subprocess.Popen([str(Path(sys.executable).with_name("dagster-webserver")), "-w", str(REPO / "workspace.yaml"),
                             "-h", "127.0.0.1", "-p", str(port)], cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while not _location_loaded(url):
            assert proc.poll() is None, (tmp_path / "webserver.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "the webserver did not load the code location in 180 s"
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_backfill_submitted_to_a_running_webserver_for_the_daemon(webserver, capsys):
    assert cli.main(["backfill", "--from", "2014", "--to", "2016", "--submit", "--webserver", webserver]) == 0
    out = capsys.readouterr().out
    with dg.DagsterInstance.get() as instance:
        [bf] = instance.get_backfills()
        assert bf.status.value == "REQUESTED" and bf.is_asset_backfill
        subset = bf.asset_backfill_data.target_subset
        assert sorted(subset.get_partitions_subset(dg.AssetKey("raw_cards")).get_partition_keys()) == ["2014", "2015", "2016"]
        assert sorted(subset.get_partitions_subset(dg.AssetKey("report")).get_partition_keys()) == ["2014", "2015", "2016"]
        assert {dg.AssetKey("published_figures"), dg.AssetKey("audit")} <= set(subset.non_partitioned_asset_keys)
        assert bf.tags.get("monitor/trigger") == "backfill" and bf.title == "periods 2014..2016"
    assert f"submitted backfill {bf.backfill_id}" in out and f"{webserver}/runs/b/{bf.backfill_id}" in out


# --------------------------------------------------------------------------- a stand-in server

@pytest.fixture()
def stand_in():
    """An HTTP server that records the POSTs it gets and answers `stand_in.answer` (JSON)."""
    seen: list[tuple[str, dict]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            seen.append((self.path, json.loads(self.rfile.read(int(self.headers["Content-Length"])))))
            body = json.dumps(server.answer).encode()
            self.send_response(server.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    server.seen, server.status = seen, 200
    server.answer = {"data": {"launchPartitionBackfill": {"__typename": "LaunchBackfillSuccess", "backfillId": "abcdefgh"}}}
    server.url = f"http://127.0.0.1:{server.server_address[1]}/prefix/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_the_mutation_carries_the_periods_the_assets_and_the_tags(stand_in, project, monkeypatch, capsys):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)  # a remote webserver needs no local instance
    monkeypatch.setenv(backfill_submit.WEBSERVER_ENV, stand_in.url)  # the variable, when --webserver is left out
    assert cli.main(["backfill", "--from", "2015", "--to", "2016", "--submit"]) == 0
    [(path, body)] = stand_in.seen
    assert path == "/prefix/graphql"  # a webserver under a path prefix is reached under it
    assert "launchPartitionBackfill(backfillParams: $params)" in body["query"]
    params = body["variables"]["params"]
    assert params["partitionNames"] == ["2015", "2016"]
    assert "selector" not in params  # a pure asset backfill, not a job's partition set
    assert sorted("/".join(k["path"]) for k in params["assetSelection"]) == \
        ["audit", "cards", "exports", "figures", "published_figures", "raw_cards", "reconciliation", "report"]
    assert {"key": "monitor/trigger", "value": "backfill"} in params["tags"]
    assert "submitted backfill abcdefgh: 2015, 2016" in capsys.readouterr().out


@pytest.mark.parametrize("answer, status, said", [
    ({"data": {"launchPartitionBackfill": {"__typename": "PythonError", "message": "DagsterInvalidSubsetError: no such asset"}}},
     200, "PythonError: DagsterInvalidSubsetError: no such asset"),
    ({"data": {"launchPartitionBackfill": {"__typename": "UnauthorizedError", "message": "read-only webserver"}}},
     200, "UnauthorizedError: read-only webserver"),
    ({"errors": [{"message": "Unknown argument 'backfillParams'"}]}, 200, "Unknown argument 'backfillParams'"),
    ({"error": "bad gateway"}, 502, "answered HTTP 502"),
], ids=["python-error", "read-only", "graphql-error", "http-error"])
def test_a_refused_backfill_is_an_error_with_dagsters_reason(stand_in, project, dagster_home, capsys, answer, status, said):
    stand_in.answer, stand_in.status = answer, status
    assert cli.main(["backfill", "--from", "2015", "--to", "2016", "--submit", "--webserver", stand_in.url]) == 1
    captured = capsys.readouterr()
    assert "submitted backfill" not in captured.out
    assert "backfill 2015..2016 not submitted" in captured.err and said in captured.err


def test_no_webserver_at_the_address_is_named(project, dagster_home, capsys):
    url = f"http://127.0.0.1:{_free_port()}"
    assert cli.main(["backfill", "--from", "2015", "--to", "2015", "--submit", "--webserver", url]) == 1
    assert f"no Dagster webserver at {url}/graphql" in capsys.readouterr().err
