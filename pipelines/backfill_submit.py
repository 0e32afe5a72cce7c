"""`monitor backfill --submit`: an asset backfill the Dagster daemon runs, created through Dagster's
public GraphQL API - the mutation `launchPartitionBackfill`, the one the UI's *Launch backfill* sends.

Two routes, the same mutation and variables:
- a running webserver (`--webserver URL`, or MONITOR_DAGSTER_WEBSERVER): an HTTP POST to URL/graphql;
- none given: the `dagster-graphql` command (package dagster-graphql, beside dagster-webserver)
  executes the mutation against the project's workspace.yaml and the instance of DAGSTER_HOME, in
  its own process and without a server or a port (about 5 s: it loads the code location as the
  webserver does, then stops it).

Either way the backfill is recorded in the instance (REQUESTED) and the daemon launches its runs;
it shows under *Overview -> Backfills*.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from core import settings

WEBSERVER_ENV = "MONITOR_DAGSTER_WEBSERVER"

LAUNCH_BACKFILL = """
mutation LaunchBackfill($params: LaunchBackfillParams!) {
  launchPartitionBackfill(backfillParams: $params) {
    __typename
    ... on LaunchBackfillSuccess { backfillId }
    ... on Error { message }
    ... on RunConfigValidationInvalid { errors { message } }
  }
}
"""


class SubmitError(Exception):
    """The backfill was not created; the message says why."""


def variables(periods: list[str], asset_keys: list[str], tags: dict[str, str]) -> dict:
    """The mutation's variables: a pure asset backfill (no partition set selector) of `asset_keys`
    over `periods`; unpartitioned assets among them are materialized once."""
    return {"params": {
        "partitionNames": list(periods),
        "assetSelection": [{"path": k.split("/")} for k in asset_keys],
        "tags": [{"key": k, "value": v} for k, v in tags.items()],
        "title": f"periods {periods[0]}..{periods[-1]}",
        "description": "monitor backfill --submit",
    }}


def backfill_id(response: dict) -> str:
    """The backfill's id from the GraphQL response, or SubmitError with Dagster's own message."""
    if response.get("errors"):
        raise SubmitError("; ".join(str(e.get("message", e)) for e in response["errors"])[:2000])
    result = (response.get("data") or {}).get("launchPartitionBackfill") or {}
    if result.get("__typename") == "LaunchBackfillSuccess" and result.get("backfillId"):
        return result["backfillId"]
    why = result.get("message") or "; ".join(e["message"] for e in result.get("errors") or []) or json.dumps(response)[:500]
    raise SubmitError(f"{result.get('__typename', 'no result')}: {why}")


def via_webserver(url: str, variables_: dict, timeout: float = 120) -> dict:
    """POST the mutation to a running dagster-webserver (`dg dev`, `dagster-webserver`, the deploy's)."""
    endpoint = url.rstrip("/") + "/graphql"
    body = json.dumps({"query": LAUNCH_BACKFILL, "variables": variables_}).encode()
    req = urllib.request.Request(endpoint, data=body, headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:500]
        raise SubmitError(f"{endpoint} answered HTTP {exc.code}: {detail}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise SubmitError(f"no Dagster webserver at {endpoint} ({getattr(exc, 'reason', exc)}); "
                          f"start one (`make dev`) or leave out --webserver") from exc
    except json.JSONDecodeError as exc:
        raise SubmitError(f"{endpoint} did not answer JSON: is it a Dagster webserver?") from exc


def via_cli(variables_: dict, workspace: Path | None = None, timeout: float = 600) -> dict:
    """Run the mutation with the `dagster-graphql` command against the project's workspace."""
    exe = Path(sys.executable).with_name("dagster-graphql")
    workspace = workspace or settings.repo_root() / "workspace.yaml"
    with tempfile.TemporaryDirectory(prefix="monitor-backfill-") as tmp:
        out = Path(tmp) / "response.json"
        cmd = [str(exe if exe.exists() else "dagster-graphql"), "--workspace", str(workspace),
               "--text", LAUNCH_BACKFILL, "--variables", json.dumps(variables_), "--output", str(out)]
        try:
            done = subprocess.run(cmd, cwd=workspace.parent, env=os.environ.copy(), capture_output=True,
                                  text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SubmitError(f"dagster-graphql did not run: {exc}") from exc
        if done.returncode != 0 or not out.exists():
            tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-15:])
            raise SubmitError(f"dagster-graphql exited with {done.returncode}:\n{tail}")
        return json.loads(out.read_text(encoding="utf-8"))


def submit(periods: list[str], asset_keys: list[str], tags: dict[str, str], webserver: str | None = None) -> str:
    """Create the backfill; its id. SubmitError when Dagster refused it or could not be reached."""
    v = variables(periods, asset_keys, tags)
    return backfill_id(via_webserver(webserver, v) if webserver else via_cli(v))
