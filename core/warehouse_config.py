"""Which warehouse the pipeline writes: the local DuckDB file (the default) or a DuckLake.

Read when a connection is opened (never at import). Environment variables win over the file:

MONITOR_WAREHOUSE_BACKEND  duckdb (default: one local file, nothing to start) | ducklake
MONITOR_WAREHOUSE_CONFIG   a YAML file with the same settings (keys below); absent = none
MONITOR_WAREHOUSE          duckdb: the file (default build/warehouse.duckdb)
MONITOR_DUCKLAKE_CATALOG   ducklake: the Postgres catalog, a libpq DSN ("dbname=monitor host=db user=monitor")
                           or URI ("postgresql://monitor@db:5432/monitor"); the password from PGPASSWORD
                           or ~/.pgpass as libpq reads them, never from this file
MONITOR_DUCKLAKE_SCHEMA    ducklake: the Postgres schema holding the catalog's tables (default: public)
MONITOR_DUCKLAKE_DATA      ducklake: where the Parquet data files go: a folder (default build/ducklake/)
                           or s3://bucket/prefix/ (S3-compatible: MONITOR_S3_ENDPOINT, MONITOR_S3_REGION,
                           MONITOR_S3_URL_STYLE path|vhost, MONITOR_S3_USE_SSL true|false; keys from
                           AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)
MONITOR_WRITE_POOL_LIMIT   how many steps may write at once (the Dagster pool `duckdb_write`):
                           always 1 for the file; default 4 for DuckLake

The YAML file (config/warehouse.example.yaml shows every key):

    backend: ducklake
    ducklake: {catalog: "dbname=monitor host=db user=monitor", data_path: "s3://monitor-lake/",
               schema: lake, write_pool: 4, s3: {endpoint: "minio:9000", url_style: path, use_ssl: false}}
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from core import settings

BACKENDS = ("duckdb", "ducklake")
DUCKLAKE_WRITE_POOL = 4


class WarehouseConfigError(ValueError):
    """A warehouse setting that cannot work, said with where it was set."""


@dataclass(frozen=True)
class WarehouseConfig:
    backend: str = "duckdb"
    path: Path = field(default_factory=settings.warehouse_path)  # the DuckDB file (backend duckdb)
    catalog: str = ""            # ducklake: Postgres DSN or URI
    schema: str = ""             # ducklake: Postgres schema of the catalog ("" = public)
    data_path: str = ""          # ducklake: folder or s3://...
    write_pool: int = 1          # limit of the Dagster pool duckdb_write
    s3: dict = field(default_factory=dict)  # endpoint, region, url_style, use_ssl

    @property
    def is_lake(self) -> bool:
        return self.backend == "ducklake"

    def describe(self) -> str:
        """Where the warehouse is, for messages (never a password)."""
        if not self.is_lake:
            return str(self.path)
        return f"DuckLake (catalog {mask(self.catalog)}{', schema ' + self.schema if self.schema else ''}; data {self.data_path})"


def mask(dsn: str) -> str:
    """A DSN or URI with any password replaced by ***."""
    import re

    dsn = re.sub(r"(password\s*=\s*)(\S+)", r"\1***", dsn, flags=re.I)
    return re.sub(r"(://[^:/@]*:)([^@]*)@", r"\1***@", dsn)


def _file_settings() -> tuple[dict, str]:
    src = os.environ.get("MONITOR_WAREHOUSE_CONFIG", "")
    if not src:
        return {}, ""
    p = Path(src)
    if not p.is_file():
        raise WarehouseConfigError(f"MONITOR_WAREHOUSE_CONFIG={src}: no such file")
    data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise WarehouseConfigError(f"{p}: expected a mapping (backend:, ducklake:), got {type(data).__name__}")
    return data, str(p)


def load() -> WarehouseConfig:
    """The warehouse settings in force now (environment over MONITOR_WAREHOUSE_CONFIG over defaults)."""
    data, where = _file_settings()
    env = os.environ.get
    lake = data.get("ducklake") or {}
    backend = (env("MONITOR_WAREHOUSE_BACKEND") or data.get("backend") or "duckdb").strip().lower()
    if backend not in BACKENDS:
        said = "MONITOR_WAREHOUSE_BACKEND" if env("MONITOR_WAREHOUSE_BACKEND") else f"{where}: backend"
        raise WarehouseConfigError(f"{said} = {backend!r}: choose one of {', '.join(BACKENDS)}")
    path = settings.warehouse_path()  # the file: MONITOR_WAREHOUSE only (every command reads it from there)
    if backend == "duckdb":
        return WarehouseConfig("duckdb", path, write_pool=1)
    catalog = env("MONITOR_DUCKLAKE_CATALOG") or str(lake.get("catalog") or "")
    if not catalog:
        raise WarehouseConfigError("the DuckLake backend needs its Postgres catalog: set MONITOR_DUCKLAKE_CATALOG "
                                   "(e.g. 'dbname=monitor host=localhost user=monitor') or ducklake.catalog in "
                                   + (where or "the file of MONITOR_WAREHOUSE_CONFIG"))
    if catalog.startswith("postgres:") and not catalog.startswith("postgres://"):
        catalog = catalog[len("postgres:"):]
    data_path = env("MONITOR_DUCKLAKE_DATA") or str(lake.get("data_path") or "") or str(settings.build_dir() / "ducklake")
    if "://" not in data_path:
        data_path = str(Path(data_path).resolve()) + "/"
    elif not data_path.endswith("/"):
        data_path += "/"
    pool = env("MONITOR_WRITE_POOL_LIMIT") or lake.get("write_pool") or DUCKLAKE_WRITE_POOL
    try:
        pool = int(pool)
        assert pool >= 1
    except (ValueError, AssertionError):
        raise WarehouseConfigError(f"MONITOR_WRITE_POOL_LIMIT / ducklake.write_pool = {pool!r}: a whole number >= 1") from None
    s3 = dict(lake.get("s3") or {})
    for key in ("endpoint", "region", "url_style", "use_ssl"):
        if env(f"MONITOR_S3_{key.upper()}"):
            s3[key] = env(f"MONITOR_S3_{key.upper()}")
    schema = env("MONITOR_DUCKLAKE_SCHEMA") or str(lake.get("schema") or "")
    return WarehouseConfig("ducklake", path, catalog, schema, data_path, pool, s3)
