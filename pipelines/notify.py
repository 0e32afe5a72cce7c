"""Optional notifications of failed runs: a JSON POST to a webhook and/or an e-mail.

Configured in config/notifications.yaml (MONITOR_NOTIFICATIONS points elsewhere); everything is
off by default. Secrets are never in the file: it names the environment variables that hold them.
A notification that cannot be delivered is logged and never raises (a broken webhook must not
hide the failure it reports).
"""
from __future__ import annotations

import json
import logging
import os
import smtplib
import urllib.request
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from core import settings, yamlfiles

log = logging.getLogger("monitor.notify")


@dataclass
class WebhookConfig:
    enabled: bool = False
    url: str = ""
    url_env: str = ""  # or: the name of an environment variable holding the URL (a secret)
    timeout_s: float = 10.0
    headers: dict[str, str] = field(default_factory=dict)

    def target(self) -> str:
        return (os.environ.get(self.url_env, "") if self.url_env else "") or self.url


@dataclass
class EmailConfig:
    enabled: bool = False
    smtp_host: str = ""
    smtp_port: int = 587
    starttls: bool = True
    username_env: str = ""
    password_env: str = ""
    sender: str = ""
    to: list[str] = field(default_factory=list)
    timeout_s: float = 20.0


@dataclass
class NotificationConfig:
    enabled: bool = False
    webhook: WebhookConfig = field(default_factory=WebhookConfig)
    email: EmailConfig = field(default_factory=EmailConfig)
    ui_url: str = ""  # e.g. http://127.0.0.1:3000, for a link to the run


def config_path() -> Path:
    return Path(os.environ.get("MONITOR_NOTIFICATIONS") or settings.config_dir() / "notifications.yaml")


def load(path: Path | None = None) -> NotificationConfig:
    path = path or config_path()
    if not path.exists():
        return NotificationConfig()
    raw = yamlfiles.load(path) or {}
    wh = raw.get("webhook") or {}
    em = dict(raw.get("email") or {})
    if "from" in em:
        em["sender"] = em.pop("from")
    unknown = (set(wh) - set(WebhookConfig.__dataclass_fields__)) | (set(em) - set(EmailConfig.__dataclass_fields__))
    if unknown:
        raise ValueError(f"{path}: unknown notification settings {sorted(unknown)}")
    return NotificationConfig(
        enabled=bool(raw.get("enabled", False)),
        webhook=WebhookConfig(**{**wh, "headers": dict(wh.get("headers") or {})}),
        email=EmailConfig(**{**em, "to": list(em.get("to") or [])}),
        ui_url=str(raw.get("ui_url") or ""),
    )


def post_webhook(cfg: WebhookConfig, payload: dict) -> int:
    """POST `payload` as JSON; returns the HTTP status."""
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    req = urllib.request.Request(cfg.target(), data=body, method="POST",
                                 headers={"Content-Type": "application/json; charset=utf-8", **cfg.headers})
    with urllib.request.urlopen(req, timeout=cfg.timeout_s) as resp:  # noqa: S310 (URL from the operator's config)
        return resp.status


def email_message(cfg: EmailConfig, payload: dict) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = f"[assembly monitor] {payload.get('job')} failed" + (
        f" for period {payload['partition']}" if payload.get("partition") else "")
    msg["From"] = cfg.sender
    msg["To"] = ", ".join(cfg.to)
    lines = [payload.get("summary", ""), ""]
    for f in payload.get("failed", []):
        lines.append(f"- {f.get('asset') or f.get('step')}: {f.get('error')}")
        for label, key in (("file", "file"), ("first cases", "cases"), ("what to do", "what_to_do")):
            if f.get(key):
                lines.append(f"  {label}: {f[key]}")
    if payload.get("url"):
        lines += ["", payload["url"]]
    msg.set_content("\n".join(lines))
    return msg


def send_email(cfg: EmailConfig, payload: dict) -> None:
    msg = email_message(cfg, payload)
    with smtplib.SMTP(cfg.smtp_host, cfg.smtp_port, timeout=cfg.timeout_s) as smtp:
        if cfg.starttls:
            smtp.starttls()
        user = os.environ.get(cfg.username_env, "") if cfg.username_env else ""
        if user:
            smtp.login(user, os.environ.get(cfg.password_env, "") if cfg.password_env else "")
        smtp.send_message(msg)


def notify(payload: dict, cfg: NotificationConfig | None = None) -> list[str]:
    """Send `payload` through every enabled channel; returns what was done (for the log)."""
    cfg = cfg or load()
    if not cfg.enabled:
        return ["notifications disabled (config/notifications.yaml)"]
    if cfg.ui_url and payload.get("run_id"):
        payload = {**payload, "url": f"{cfg.ui_url.rstrip('/')}/runs/{payload['run_id']}"}
    done: list[str] = []
    if cfg.webhook.enabled and cfg.webhook.target():
        try:
            done.append(f"webhook: HTTP {post_webhook(cfg.webhook, payload)}")
        except Exception as exc:  # noqa: BLE001 - report, never raise
            done.append(f"webhook FAILED: {exc}")
    if cfg.email.enabled and cfg.email.smtp_host and cfg.email.to:
        try:
            send_email(cfg.email, payload)
            done.append(f"e-mail sent to {', '.join(cfg.email.to)}")
        except Exception as exc:  # noqa: BLE001
            done.append(f"e-mail FAILED: {exc}")
    for d in done:
        (log.warning if "FAILED" in d else log.info)(d)
    return done or ["notifications enabled but no channel is configured"]
