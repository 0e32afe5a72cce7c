"""Session 52: assets/core/ducklake.py in the mutation run (scripts/mutate.py's area "store"), without Postgres.

The DuckLake extension takes a DuckDB file as its catalog as well as Postgres. ducklake.py always attaches
`ducklake:postgres:<catalog>`, so the fixture `lake` puts a recorder in place of `duckdb.connect`: a real in-memory
DuckDB that sends each statement on as written, except that the lake's Postgres target becomes a DuckDB file under
tmp_path. Every statement is kept as sent (`lake.sent`), so a test can read the SQL the code made as well as what
the lake then holds. One thing the file catalog cannot do: DuckDB attaches a catalog file once per process, so the
second, read-only attach (`warehouse_ro`) shares the first one's catalog and is not read-only here (the recorder
keeps the statement as sent, READ_ONLY and all; the refusal itself is tests/backends/test_ducklake.py's, on
Postgres). Each expected value below is worked out from what the code must do (docs/testing.md, "Session 52 —
assets/core/ducklake.py in the mutation run")."""
from __future__ import annotations

import itertools
import os
from pathlib import Path

import duckdb
import pytest

from assets.core import ducklake
from core.warehouse_config import WarehouseConfig

_REAL_CONNECT = duckdb.connect
_N = itertools.count(1)


class _Recorder:
    """A DuckDB connection (or cursor) whose statements are recorded and the Postgres target rewritten."""

    def __init__(self, con, lake: "_Lake"):
        self._con, self._lake = con, lake

    def execute(self, sql, params=None):
        self._lake.sent.append(sql)
        sql = self._lake.rewrite(sql)
        if params is None:
            self._con.execute(sql)
        else:
            self._con.execute(sql, params)
        self._lake.seen |= self._lake.files()
        return self

    def cursor(self):
        return _Recorder(self._con.cursor(), self._lake)

    def close(self):
        self._lake.closed += 1
        self._con.close()

    @property
    def description(self):
        return self._con.description

    def fetchall(self):
        return self._con.fetchall()

    def fetchone(self):
        return self._con.fetchone()

    def __getattr__(self, name):
        return getattr(self._con, name)


class _Lake:
    def __init__(self, root: Path):
        n = next(_N)
        self.root = root
        self.catalog = f"dbname=lake52_{n} host=nowhere"
        self.file = root / f"catalog-{n}.ducklake"
        self.data = root / "lake" / "data"  # its parent does not exist yet either
        self.sent: list[str] = []
        self.connects: list[tuple] = []
        self.closed = 0
        self.seen: set[str] = set()  # every data file seen after a statement

    def files(self) -> set[str]:
        return {str(p.relative_to(self.data)) for p in self.data.rglob("*.parquet")}

    def cfg(self, **kw) -> WarehouseConfig:
        return WarehouseConfig("ducklake", **{"catalog": self.catalog, "data_path": str(self.data) + "/", **kw})

    def rewrite(self, sql: str) -> str:
        target = "'ducklake:postgres:" + self.catalog + "'"
        if target not in sql:
            return sql
        sql = sql.replace(target, "'ducklake:" + str(self.file) + "'")
        if " AS warehouse_ro (" in sql:  # one attach of a catalog file per process: share the first one's
            sql = sql.replace(", READ_ONLY)", ", METADATA_CATALOG '__ducklake_metadata_warehouse')")
        return sql

    def connect(self, database=":memory:", *args, **kw):
        self.connects.append((database, kw.get("config")))
        return _Recorder(_REAL_CONNECT(database, *args, **kw), self)

    def attaches(self) -> list[str]:
        return [s for s in self.sent if s.startswith("ATTACH ")]


@pytest.fixture()
def lake(tmp_path, monkeypatch):
    fake = _Lake(tmp_path)
    monkeypatch.setattr(duckdb, "connect", fake.connect)
    yield fake
    ducklake.forget()


def test_a_lake_is_written_read_and_labelled_through_connect(lake):
    cfg = lake.cfg()
    con = ducklake.connect(cfg)
    con.execute("CREATE TABLE figures (period TEXT, value INTEGER)")
    con.execute("BEGIN")
    ducklake.set_commit_message(con, "figures of period 2017")
    con.execute("INSERT INTO figures VALUES ('2017', 5)")
    con.execute("COMMIT")
    ro = ducklake.connect(cfg, read_only=True)
    assert ro.execute("SELECT * FROM figures").fetchall() == [("2017", 5)]
    assert ducklake.is_lake(con) and ducklake.is_lake(ro)
    last = ducklake.snapshots(ro)[-1]
    assert (last["author"], last["commit_message"]) == (f"monitor pid {os.getpid()}", "figures of period 2017")
    con.close()
    ro.close()


# --- the SQL the connection sends, and the connections it keeps ------------------------------------------------------

_NO_AUTO = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def _ext(package: str, name: str) -> Path:
    import importlib

    return Path(importlib.import_module(package).__file__).parent / "extensions" / "v1.5.5" / f"{name}.duckdb_extension"


def test_the_lake_is_attached_twice_with_its_settings_quoted_and_no_extension_fetched(lake, tmp_path, monkeypatch):
    assert duckdb.__version__ == "1.5.5"  # the wheels' version (pyproject.toml)
    monkeypatch.setattr(ducklake.tempfile, "tempdir", str(tmp_path))  # the postgres link's folder: this test's own
    cfg = lake.cfg(schema="lake's")
    con = ducklake.connect(cfg)
    link = tmp_path / f"assembly-monitor-ext-{os.getuid()}" / "v1.5.5" / "postgres_scanner.duckdb_extension"
    data = str(lake.data) + "/"
    target = f"'ducklake:postgres:{lake.catalog}'"
    assert lake.connects == [(":memory:", _NO_AUTO)]
    assert lake.sent[:2] == [f"LOAD '{_ext('duckdb_extension_ducklake', 'ducklake')}'", f"LOAD '{link}'"]
    assert lake.attaches() == [f"ATTACH {target} AS warehouse (DATA_PATH '{data}', METADATA_SCHEMA 'lake''s')",
                               f"ATTACH {target} AS warehouse_ro (DATA_PATH '{data}', METADATA_SCHEMA 'lake''s', READ_ONLY)"]
    assert lake.sent[-1] == "USE warehouse"
    assert lake.data.is_dir()  # made before the first write, its parent too
    assert con.execute("SELECT current_setting('autoinstall_known_extensions'), "
                       "current_setting('autoload_known_extensions')").fetchone() == (False, False)
    assert con.execute("SELECT count(*) FROM duckdb_secrets()").fetchone()[0] == 0  # a folder: no S3 secret


def test_without_a_schema_the_attach_names_none(lake):
    ducklake.connect(lake.cfg())
    assert [s.split(" (", 1)[1] for s in lake.attaches()] == [f"DATA_PATH '{lake.data}/')", f"DATA_PATH '{lake.data}/', READ_ONLY)"]


def test_one_instance_per_process_and_lake_each_connection_its_cursor(lake):
    cfg = lake.cfg()
    first = ducklake.connect(cfg)
    reader = ducklake.connect(cfg, read_only=True)
    second = ducklake.connect(cfg, read_only=False)
    assert first.execute("SELECT current_database()").fetchone() == ("warehouse",)
    assert reader.execute("SELECT current_database()").fetchone() == ("warehouse_ro",)
    assert second.execute("SELECT current_database()").fetchone() == ("warehouse",)
    assert len(lake.connects) == 1 and len(lake.attaches()) == 2  # the extensions loaded and the lake attached once
    first.execute("CREATE TABLE t (a INTEGER)")
    first.execute("INSERT INTO t VALUES (1), (2)")
    assert reader.execute("SELECT sum(a) FROM t").fetchone() == (3,)  # another cursor: the same lake
    for c in (first, reader, second):
        c.close()
    assert lake.closed == 3
    ducklake.forget()  # the instance closed: the next connection opens it anew
    assert lake.closed == 4
    again = ducklake.connect(cfg)
    assert len(lake.connects) == 2 and again.execute("SELECT count(*) FROM t").fetchone() == (2,)


def test_as_of_opens_the_lake_as_it_was_in_an_instance_of_its_own(lake):
    cfg = lake.cfg()
    con = ducklake.connect(cfg)
    con.execute("CREATE TABLE t (a INTEGER)")
    con.execute("INSERT INTO t VALUES (1)")
    snaps = ducklake.snapshots(con)
    con.execute("INSERT INTO t VALUES (2)")
    con.close()
    ducklake.forget()  # a catalog file is attached once per process (Postgres has no such limit)
    lake.sent.clear()
    lake.closed = 0
    old = ducklake.connect(cfg, as_of=snaps[-1]["snapshot_id"])
    assert lake.attaches() == [f"ATTACH 'ducklake:postgres:{lake.catalog}' AS warehouse "
                               f"(DATA_PATH '{lake.data}/', SNAPSHOT_VERSION {snaps[-1]['snapshot_id']})"]
    assert lake.sent[-1] == "USE warehouse"
    assert old.execute("SELECT current_database(), sum(a) FROM t").fetchone() == ("warehouse", 1)
    old.close()  # its own instance: closed with it, nothing kept
    assert lake.closed == 1 and ducklake._OPEN == {} and len(lake.connects) == 2


# --- where the extensions come from ------------------------------------------------------------------------------------

def _wheel(root: Path, module: str, versions: list[str], name: str = "foo") -> None:
    pkg = root / module
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    for v in versions:
        (pkg / "extensions" / v).mkdir(parents=True)
        (pkg / "extensions" / v / f"{name}.duckdb_extension").write_bytes(b"\0")


def test_an_extension_is_its_wheels_file_for_this_duckdb_or_a_message_naming_what_is_there(tmp_path, monkeypatch):
    import sys

    monkeypatch.syspath_prepend(str(tmp_path))
    _wheel(tmp_path, "s52_right_wheel", ["v1.4.4", "v1.5.5"])
    _wheel(tmp_path, "s52_old_wheel", ["v1.5.0", "v1.4.4"])
    _wheel(tmp_path, "s52_empty_wheel", [])
    try:
        assert ducklake._wheel_file("s52_right_wheel", "foo") == tmp_path / "s52_right_wheel" / "extensions" / "v1.5.5" / "foo.duckdb_extension"
        with pytest.raises(RuntimeError) as exc:
            ducklake._wheel_file("s52_old_wheel", "foo")
        assert str(exc.value) == ("the foo extension for DuckDB 1.5.5 is not installed (found: v1.4.4, v1.5.0); the DuckLake "
                                  "backend needs duckdb==1.5.5 with s52-old-wheel==1.5.5 (make install)")
        with pytest.raises(RuntimeError, match=r"\(found: none\)"):
            ducklake._wheel_file("s52_empty_wheel", "foo")
    finally:
        for m in ("s52_right_wheel", "s52_old_wheel", "s52_empty_wheel"):
            sys.modules.pop(m, None)
    assert ducklake.ducklake_extension() == _ext("duckdb_extension_ducklake", "ducklake")


def test_the_postgres_extension_is_a_link_named_postgres_scanner_made_once(tmp_path, monkeypatch):
    monkeypatch.setattr(ducklake.tempfile, "tempdir", str(tmp_path))  # no folder of ours there yet
    folder = tmp_path / f"assembly-monitor-ext-{os.getuid()}" / "v1.5.5"
    link = ducklake.postgres_extension()
    assert link == folder / "postgres_scanner.duckdb_extension"
    assert link.is_symlink() and Path(os.readlink(link)) == _ext("duckdb_extension_postgres", "postgres")
    assert sorted(p.name for p in folder.iterdir()) == ["postgres_scanner.duckdb_extension"]  # no temporary link left
    assert folder.stat().st_mode & 0o777 == 0o700
    made = link.lstat().st_ino
    assert ducklake.postgres_extension() == link and link.lstat().st_ino == made  # a right link is left as it is
    link.unlink()
    link.symlink_to(tmp_path / "elsewhere.duckdb_extension")  # a wrong one (another wheel's) is replaced
    ducklake.postgres_extension()
    assert Path(os.readlink(link)) == _ext("duckdb_extension_postgres", "postgres")
    link.unlink()
    link.write_text("not a link")  # neither is a file in its place
    ducklake.postgres_extension()
    assert link.is_symlink() and Path(os.readlink(link)) == _ext("duckdb_extension_postgres", "postgres")
    (folder / f".link-{os.getpid()}").write_text("left by a crash")  # a temporary link of a crashed process of the same pid
    link.unlink()
    ducklake.postgres_extension()
    assert sorted(p.name for p in folder.iterdir()) == ["postgres_scanner.duckdb_extension"]


def test_the_links_folder_of_another_user_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(ducklake.tempfile, "tempdir", str(tmp_path))
    mine = os.getuid()
    monkeypatch.setattr(ducklake.os, "getuid", lambda: mine + 4242)  # the folder of uid+4242, made (and owned) by us
    with pytest.raises(RuntimeError) as exc:
        ducklake.postgres_extension()
    assert str(exc.value) == f"{tmp_path / f'assembly-monitor-ext-{mine + 4242}'} belongs to another user: remove it"


# --- the data path: a folder, file:// or S3 -----------------------------------------------------------------------------

def test_a_file_url_data_path_is_a_folder_made_where_it_points(lake, tmp_path, monkeypatch):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    con = ducklake.connect(lake.cfg(data_path=f"file://{lake.data}/"))
    assert lake.data.is_dir()
    assert list(cwd.iterdir()) == []  # not a folder "file:" where the command ran
    assert con.execute("SELECT count(*) FROM duckdb_secrets()").fetchone()[0] == 0
    assert lake.attaches()[0].endswith(f"(DATA_PATH 'file://{lake.data}/')")


def test_an_s3_data_path_makes_the_secret_and_no_folder(lake, tmp_path, monkeypatch):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKID52")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "s3cret")
    con = ducklake.connect(lake.cfg(data_path="s3://lake52/monitor/", s3={"endpoint": "minio:9000"}))
    assert con.execute("SELECT name FROM duckdb_secrets()").fetchall() == [("monitor_lake",)]
    assert list(cwd.iterdir()) == [] and not lake.data.exists()
    assert lake.attaches()[0].endswith("(DATA_PATH 's3://lake52/monitor/')")


def _secret(monkeypatch, s3: dict, key: str = "AKID52") -> str:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", key)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "s3cret")
    con = duckdb.connect()
    try:
        ducklake._s3_secret(con, WarehouseConfig("ducklake", catalog="dbname=x", data_path="s3://lake52/", s3=s3))
        return con.execute("SELECT secret_string FROM duckdb_secrets() WHERE name = 'monitor_lake'").fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("value, ssl", [("1", "true"), ("0", "false"), ("yes", "true"), ("true", "true"), ("TRUE", "true"),
                                        (True, "true"), (False, "false"), ("no", "false"), (1, "true")])
def test_use_ssl_is_true_for_1_true_and_yes_in_any_case(monkeypatch, value, ssl):
    assert f"use_ssl={ssl}" in _secret(monkeypatch, {"use_ssl": value})


def test_s3_settings_left_out_or_empty_are_not_sent(monkeypatch):
    said = _secret(monkeypatch, {"endpoint": "", "region": "kz-1"}, key="")  # no key id, no endpoint, no url_style
    assert "region=kz-1" in said
    assert "key_id" not in said and "minio" not in said and "url_style=path" not in said
    assert "use_ssl" not in said  # absent: not sent (DuckDB's own default)


# --- the snapshot of as_of, commit conflicts --------------------------------------------------------------------------

import datetime as dt  # noqa: E402
import time  # noqa: E402


@pytest.fixture()
def almaty(monkeypatch):
    """The process's local time is not UTC: a naive time must still be read as UTC."""
    monkeypatch.setenv("TZ", "Asia/Almaty")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("as_of, option", [
    (7, "SNAPSHOT_VERSION 7"),
    (" 12 ", "SNAPSHOT_VERSION 12"),
    ("3", "SNAPSHOT_VERSION 3"),
    (dt.date(2018, 3, 1), "SNAPSHOT_TIME '2018-03-01 23:59:59.999999+00:00'"),
    ("2018-03-01", "SNAPSHOT_TIME '2018-03-01 23:59:59.999999+00:00'"),
    (" 2018-03-01 ", "SNAPSHOT_TIME '2018-03-01 23:59:59.999999+00:00'"),
    (dt.datetime(2018, 3, 1, 12, 30), "SNAPSHOT_TIME '2018-03-01 12:30:00+00:00'"),
    ("2018-03-01T12:30:00", "SNAPSHOT_TIME '2018-03-01 12:30:00+00:00'"),
    ("2018-03-01 12:30", "SNAPSHOT_TIME '2018-03-01 12:30:00+00:00'"),
    ("2018-03-01T12:00:00+06:00", "SNAPSHOT_TIME '2018-03-01 06:00:00+00:00'"),
    (dt.datetime(2018, 3, 2, 3, 0, tzinfo=dt.timezone(dt.timedelta(hours=5))), "SNAPSHOT_TIME '2018-03-01 22:00:00+00:00'"),
])
def test_as_of_is_a_snapshot_number_or_a_time_in_utc(almaty, as_of, option):
    assert ducklake.as_of_option(as_of) == option


def test_as_of_that_is_no_number_date_or_time_is_refused_saying_what_it_takes():
    for bad in (True, False):
        with pytest.raises(TypeError) as exc:
            ducklake.as_of_option(bad)
        assert str(exc.value) == "as_of: a snapshot number, a date or a time"
    with pytest.raises(TypeError) as exc:
        ducklake.as_of_option(3.5)
    assert str(exc.value) == "as_of: a snapshot number, a date or a time, not float"
    with pytest.raises(ValueError) as exc:
        ducklake.as_of_option("yesterday")
    assert str(exc.value) == ("as_of 'yesterday': a snapshot number, a date (2018-03-01) or a time "
                              "(2018-03-01T12:00:00+06:00)")


def test_a_conflict_is_a_transaction_error_that_says_conflict_in_any_case():
    assert ducklake.is_conflict(duckdb.TransactionException("Transaction conflict: another writer committed"))
    assert ducklake.is_conflict(duckdb.TransactionException("TransactionContext Error: Failed to commit: CONFLICT on figures"))
    assert not ducklake.is_conflict(duckdb.TransactionException("cannot commit: no transaction is active"))
    assert not ducklake.is_conflict(duckdb.IOException("Conflict: could not write the file"))  # no transaction error


def test_the_quote_is_doubled_in_a_literal():
    assert ducklake._q("it's a 'lake'") == "'it''s a ''lake'''"
    assert ducklake._q(Path("/a/b")) == "'/a/b'"


# --- erasing the lake's history ------------------------------------------------------------------------------------------

def test_purging_history_keeps_the_present_only_and_counts_the_files_it_deleted(lake):
    con = ducklake.connect(lake.cfg())
    con.execute("CREATE TABLE persons (id INTEGER, name TEXT)")
    con.execute("INSERT INTO persons SELECT i, 'name ' || i FROM range(3000) r(i)")  # beyond inlining: a Parquet file
    con.execute("INSERT INTO persons VALUES (-1, 'Erased Person')")  # a small insert: inlined in the catalog
    con.execute("DELETE FROM persons WHERE id < 100 OR id = -1")
    assert len(ducklake.snapshots(con)) > 1
    deleted = ducklake.purge_history(con)  # its steps' files seen after each statement (lake.seen)
    after = lake.files()
    # every file seen and gone: at least the big insert's file and the file of its deleted rows (the purge's own
    # steps make more: the inlined row flushed to a file, the rewrite)
    assert deleted == len(lake.seen - after) and deleted >= 2
    assert len(ducklake.snapshots(con)) == 1  # no earlier snapshot to travel to
    assert con.execute("SELECT count(*), min(id) FROM persons").fetchone() == (2900, 100)
    for f in after:  # every file left holds only the present rows
        assert con.execute("SELECT count(*) FROM read_parquet(?) WHERE id < 100", [str(lake.data / f)]).fetchone() == (0,)
