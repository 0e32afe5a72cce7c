"""Where things live. Every path is read from the environment when a function is called, never at
import time, so tests and the CLI can point the pipeline somewhere else.

MONITOR_HOME       project root (default: the checkout this file is in)
MONITOR_WAREHOUSE  the DuckDB file (default: build/warehouse.duckdb); a DuckLake warehouse instead
                   (MONITOR_WAREHOUSE_BACKEND=ducklake, catalog in Postgres): core/warehouse_config.py
MONITOR_INBOX      the inbox folder (default: inbox/)
MONITOR_BUILD      build outputs: report, exports, data docs (default: build/)
"""
from __future__ import annotations

import os
from pathlib import Path

_REPO = Path(__file__).resolve().parents[1]


def project_root() -> Path:
    return Path(os.environ.get("MONITOR_HOME") or _REPO).resolve()


def repo_root() -> Path:
    """The checkout itself: sources (sql/, config/, schemas/, report/) always come from here."""
    return _REPO


def build_dir() -> Path:
    return Path(os.environ.get("MONITOR_BUILD") or project_root() / "build")


def warehouse_path() -> Path:
    return Path(os.environ.get("MONITOR_WAREHOUSE") or build_dir() / "warehouse.duckdb")


def inbox_dir() -> Path:
    return Path(os.environ.get("MONITOR_INBOX") or project_root() / "inbox")


def cards_inbox(period: str) -> Path:
    return inbox_dir() / "cards" / period


def config_dir() -> Path:
    return repo_root() / "config"


def sql_dir() -> Path:
    return repo_root() / "sql"


def schemas_dir() -> Path:
    return repo_root() / "schemas"


def report_src_dir() -> Path:
    return repo_root() / "report"


def report_src() -> Path:
    """The Quarto project: report/ of the checkout, or MONITOR_REPORT_SRC (a copy to try edits on)."""
    return Path(os.environ.get("MONITOR_REPORT_SRC") or report_src_dir())


def example_dir() -> Path:
    return repo_root() / "data" / "example"
