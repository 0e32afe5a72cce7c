"""Failed runs are reported with the asset and the reason, in the log and (when configured) to a
webhook - here a real HTTP server on 127.0.0.1."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import dagster as dg
import pytest

from pipelines import notify
from pipelines.definitions import defs
from tests.conftest import card
from tests.conftest import write


@pytest.fixture()
def webhook():
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append({"path": self.path, "type": self.headers["Content-Type"], "json": json.loads(body)})
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    server.shutdown()
    server.server_close()


def test_notifications_are_off_by_default():
    cfg = notify.load(notify.settings.config_dir() / "notifications.yaml")
    assert not cfg.enabled and not cfg.webhook.enabled and not cfg.email.enabled
    assert notify.notify({"summary": "x"}, cfg) == ["notifications disabled (config/notifications.yaml)"]


def test_failed_run_is_reported_with_asset_and_reason_to_the_webhook(project, webhook, monkeypatch, tmp_path):
    url, received = webhook
    monkeypatch.setenv("MONITOR_TEST_HOOK_URL", url)
    conf = write(tmp_path / "notifications.yaml", "enabled: true\nui_url: http://127.0.0.1:3000\n"
                 "webhook:\n  enabled: true\n  url_env: MONITOR_TEST_HOOK_URL\n")
    monkeypatch.setenv("MONITOR_NOTIFICATIONS", str(conf))
    write(project / "inbox" / "cards" / "2017" / "a.yaml", card("2017-A", "2017-03-01"))
    # a warehouse file that is no DuckDB database: raw_cards fails when it opens it
    write(project / "warehouse.duckdb", b"this is not a database" * 100)

    sensor = defs.get_repository_def().get_sensor_def("run_failed")
    with dg.instance_for_test() as instance:
        ctx = dg.build_sensor_context(instance=instance, definitions=defs)
        sensor.evaluate_tick(ctx)  # the first tick only sets the cursor ("from now on")
        cursor = ctx.cursor
        result = dg.materialize(
            [*defs.assets, *defs.asset_checks], selection=dg.AssetSelection.assets("raw_cards", "cards"),
            partition_key="2017", resources=defs.resources, instance=instance, raise_on_error=False)
        assert not result.success
        ctx = dg.build_sensor_context(instance=instance, cursor=cursor, definitions=defs)
        sensor.evaluate_tick(ctx)

    assert len(received) == 1
    hit = received[0]
    assert hit["path"] == "/hook" and hit["type"].startswith("application/json")
    payload = hit["json"]
    assert payload["event"] == "run_failed" and payload["run_id"] == result.run_id and payload["partition"] == "2017"
    assert [f["asset"] for f in payload["failed"]] == ["raw_cards"]
    assert "not a valid DuckDB database file" in payload["failed"][0]["error"]  # the cause, not Dagster's wrapper
    assert "raw_cards" in payload["summary"] and payload["url"].endswith(f"/runs/{result.run_id}")


def test_unreachable_webhook_never_raises(tmp_path):
    cfg = notify.NotificationConfig(enabled=True, webhook=notify.WebhookConfig(enabled=True, url="http://127.0.0.1:9/x", timeout_s=2))
    out = notify.notify({"summary": "x", "run_id": "r"}, cfg)
    assert len(out) == 1 and out[0].startswith("webhook FAILED")


def test_email_message():
    cfg = notify.EmailConfig(enabled=True, smtp_host="localhost", sender="m@example.org", to=["a@example.org"])
    msg = notify.email_message(cfg, {"job": "period_job", "partition": "2017", "summary": "run r failed in cards: boom",
                                     "failed": [{"step": "cards", "asset": "cards", "error": "boom"}]})
    assert msg["Subject"] == "[assembly monitor] period_job failed for period 2017"
    assert "- cards: boom" in msg.get_content()


