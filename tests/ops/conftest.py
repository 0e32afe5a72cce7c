"""Fixtures of the operations tests: a private Dagster instance (DAGSTER_HOME in tmp_path, with the
project's dagster.yaml) besides the private MONITOR_* environment of tests/conftest.py."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from core import settings

REPO = settings.repo_root()



@pytest.fixture()
def dagster_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    return home


def snapshot(path: Path | None = None) -> dict[str, list]:
    """Every row of every table of the warehouse, sorted; load timestamps (loaded_at) left out."""
    con = duckdb.connect(str(path or settings.warehouse_path()), read_only=True)
    try:
        out = {}
        # the raw layer as readers see it (the views raw_files / raw_records), not its manifest: a records
        # part is named by the hash of a Parquet file that holds loaded_at (assets/core/rawstore.py)
        tables = [t for (t, kind) in con.execute("SELECT table_name, table_type FROM information_schema.tables ORDER BY 1").fetchall()
                  if (kind == "BASE TABLE" and t != "raw_record_parts") or t in ("raw_files", "raw_records")]
        for t in tables:
            cols = [c for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [t]).fetchall()
                if c != "loaded_at"]
            sel = ", ".join(f'"{c}"' for c in cols)
            out[t] = con.execute(f'SELECT {sel} FROM "{t}" ORDER BY ALL').fetchall()
        return out
    finally:
        con.close()
