"""Session 49: the survivors of the mutation run over the shared core (core/ and assets/core/; scripts/mutate.py's
area "core"). Each test asserts what a user relies on: the date read, the period found, the file left intact, the
message naming the file and the field (docs/testing.md, "Session 49 — the shared core (core/ and assets/core/) in
the mutation run")."""
from __future__ import annotations

import datetime as dt

from core.dates import parse_date


def test_a_russian_date_with_its_year_mark_is_the_day_it_names():
    assert parse_date("3 мая 2017 г.") == dt.date(2017, 5, 3)


# --- assets/core/periods.py: the report periods -------------------------------------------------------------------

import pytest  # noqa: E402

from assets.core import periods  # noqa: E402


def _periods_file(tmp_path, monkeypatch, text: str):
    path = tmp_path / "periods.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("MONITOR_PERIODS", str(path))
    return path


def test_calendar_years_follow_a_period_that_ends_in_september(tmp_path, monkeypatch):
    # the rest of 2019 (14 September - 31 December: 109 days, 109 / 30.44 = 3.58 months) is a period of its own, then
    # whole years to the year of `today`, with the file's after_last coverage and the basis that goes with it
    _periods_file(tmp_path, monkeypatch, "after_last: {coverage: partial}\nperiods:\n"
                  "  - {id: a, start: 2018-01-01, end: 2019-09-13, months: 20.4, coverage: complete}\n")
    got = periods.all_periods(dt.date(2021, 3, 1))
    assert [p.id for p in got] == ["a", "2019", "2020", "2021"]
    y2019, y2020 = got[1], got[2]
    assert (y2019.start, y2019.end, y2019.months) == (dt.date(2019, 9, 14), dt.date(2019, 12, 31), 3.6)
    assert (y2020.start, y2020.end, y2020.months) == (dt.date(2020, 1, 1), dt.date(2020, 12, 31), 12.0)
    assert all(p.generated and p.coverage == "partial" and p.basis == "published" for p in got[1:])
    assert got[0].basis == "monitors" and got[0].derived and not got[0].generated and not y2020.derived


def test_a_period_ending_on_the_31st_of_december_is_followed_by_the_next_whole_year(tmp_path, monkeypatch):
    _periods_file(tmp_path, monkeypatch, "periods:\n  - {id: a, start: 2019-01-01, end: 2019-12-31, months: 12, coverage: none}\n")
    got = periods.all_periods(dt.date(2020, 6, 1))
    assert [(p.id, p.start, p.months) for p in got] == [("a", dt.date(2019, 1, 1), 12.0), ("2020", dt.date(2020, 1, 1), 12.0)]
    # the defaults of after_last: complete, on the monitors' cards
    assert (got[1].coverage, got[1].basis) == ("complete", "monitors")


def test_a_year_declared_by_its_own_id_is_not_generated_again(tmp_path, monkeypatch):
    _periods_file(tmp_path, monkeypatch, "periods:\n"
                  "  - {id: '2019', start: 2019-01-01, end: 2019-06-30, months: 6, coverage: none}\n"
                  "  - {id: b, start: 2019-07-01, end: 2019-09-13, months: 2.5, coverage: none}\n")
    assert [p.id for p in periods.all_periods(dt.date(2020, 1, 1))] == ["2019", "b", "2020"]


def test_calendar_years_false_declares_only_the_files_periods(tmp_path, monkeypatch):
    _periods_file(tmp_path, monkeypatch, "after_last: {calendar_years: false}\nperiods:\n"
                  "  - {id: a, start: 2019-01-01, end: 2019-06-30, months: 6, coverage: none, dates: inferred}\n")
    (only,) = periods.all_periods(dt.date(2023, 1, 1))
    assert only.id == "a" and only.dates_inferred and only.basis == "published"


@pytest.mark.parametrize("entry, said", [
    ("{id: a, start: 2019-02-01, end: 2019-01-31, months: 1, coverage: none}", "period a has end before start or months <= 0"),
    ("{id: a, start: 2019-01-01, end: 2019-01-31, months: 0, coverage: none}", "period a has end before start or months <= 0"),
    ("{id: a, start: 2019-01-01, end: 2019-01-31, months: 1, coverage: most}", "coverage 'most' is not one of none, partial, complete"),
    ("{id: a, start: 2019-01-01, end: 2019-01-31, months: 1, coverage: none, basis: guess}",
     "basis 'guess' is not one of monitors, reconstructed, published"),
    ("{id: a, start: 2019-01-01, end: 2019-01-31, months: 1, coverage: complete, basis: published}",
     "coverage complete with basis published"),
    ("{id: a, start: 2019-01-01, end: 2019-01-31, months: 1, coverage: partial, basis: monitors}",
     "coverage partial with basis monitors"),
])
def test_a_period_that_cannot_be_is_refused_naming_it(tmp_path, monkeypatch, entry, said):
    path = _periods_file(tmp_path, monkeypatch, f"periods:\n  - {entry}\n")
    with pytest.raises(ValueError) as exc:
        periods.all_periods(dt.date(2019, 6, 1))
    assert str(exc.value).startswith(f"{path}: ") and said in str(exc.value)


def test_a_one_day_period_and_a_reconstructed_complete_one_are_accepted(tmp_path, monkeypatch):
    _periods_file(tmp_path, monkeypatch, "after_last: {calendar_years: false}\nperiods:\n"
                  "  - {id: a, start: 2019-01-01, end: 2019-01-01, months: 0.1, coverage: complete, basis: reconstructed}\n")
    (a,) = periods.all_periods(dt.date(2019, 6, 1))
    assert a.contains(dt.date(2019, 1, 1)) and a.derived and a.basis == "reconstructed"


@pytest.mark.parametrize("text, said", [
    ("periods:\n  - {id: a, start: 2019-01-01, end: 2019-01-31, months: 1}\n  - {id: b, start: 2019-02-01, end: 2019-02-28}\n",
     "periods entry 2 (id b), field months: missing"),
    ("periods:\n  - {id: a, start: '2019-01-01', end: 2019-01-31, months: 1}\n", "periods entry 1 (id a), field start: '2019-01-01' is not a day"),
    ("periods:\n  - {start: 2019-01-01, end: 2019-01-31, months: 1}\n", "periods entry 1, field id: missing"),
    ("periods:\n  - just a name\n", "periods entry 1 is 'just a name', not a mapping"),
    ("- a list\n", "the file holds no mapping with a 'periods' list"),
    ("periods: []\n", "no periods declared"),
    ("periods:\n  - {id: a, start: 2019-01-01, end: 2019-01-31, months: 1}\n  - {id: a, start: 2019-02-01, end: 2019-02-28, months: 1}\n",
     "period ids must be unique"),
])
def test_a_periods_file_that_cannot_be_read_names_the_file_and_the_entry(tmp_path, monkeypatch, text, said):
    path = _periods_file(tmp_path, monkeypatch, text)
    with pytest.raises(ValueError) as exc:
        periods.all_periods(dt.date(2019, 6, 1))
    assert str(exc.value).startswith(f"{path}: ") and said in str(exc.value), str(exc.value)


def test_a_missing_periods_file_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_PERIODS", str(tmp_path / "gone.yaml"))
    with pytest.raises(periods.PeriodsFileError, match="gone.yaml: the periods file does not exist"):
        periods.all_periods(dt.date(2019, 6, 1))


THREE = ("after_last: {calendar_years: false}\nperiods:\n"
         "  - {id: a, start: 2019-01-01, end: 2019-03-31, months: 3, coverage: none}\n"
         "  - {id: b, start: 2019-04-01, end: 2019-06-30, months: 3, coverage: none}\n"
         "  - {id: c, start: 2019-07-01, end: 2019-09-30, months: 3, coverage: none}\n")


def test_the_periods_before_after_and_between(tmp_path, monkeypatch):
    _periods_file(tmp_path, monkeypatch, THREE)
    assert periods.period_ids() == ["a", "b", "c"]
    assert periods.previous("a") is None and periods.previous("c").id == "b"
    assert periods.later("a") == ["b", "c"] and periods.later("c") == [] and periods.later("zz") == []
    assert periods.in_range("a", "b") == ["a", "b"] and periods.in_range("b", "b") == ["b"]
    assert periods.get("b").start == dt.date(2019, 4, 1)
    # a day on a period's first or last day is in it; a day before the first in none
    assert periods.containing(dt.date(2019, 6, 30)).id == "b" and periods.containing(dt.date(2019, 7, 1)).id == "c"
    assert periods.containing(dt.date(2018, 12, 31)) is None


def test_a_range_reversed_or_with_an_unknown_end_is_refused_naming_it(tmp_path, monkeypatch):
    _periods_file(tmp_path, monkeypatch, THREE)
    with pytest.raises(ValueError, match=r"period range c\.\.a is reversed"):
        periods.in_range("c", "a")
    with pytest.raises(KeyError) as exc:
        periods.in_range("x", "b")
    assert "(--from 'x'); known: a, b, c" in str(exc.value)
    with pytest.raises(KeyError) as exc:
        periods.in_range("x", "y")
    assert "(--from 'x' and --to 'y')" in str(exc.value)
    with pytest.raises(KeyError, match="unknown monitoring period 'zz'; known: a, b, c"):
        periods.get("zz")


# --- core/warehouse_config.py: which warehouse, read at run time -------------------------------------------------

from core import settings, warehouse_config  # noqa: E402
from core.warehouse_config import WarehouseConfig, WarehouseConfigError  # noqa: E402

_LAKE_ENV = ("MONITOR_WAREHOUSE_BACKEND", "MONITOR_WAREHOUSE_CONFIG", "MONITOR_DUCKLAKE_CATALOG", "MONITOR_DUCKLAKE_SCHEMA",
             "MONITOR_DUCKLAKE_DATA", "MONITOR_WRITE_POOL_LIMIT", "MONITOR_S3_ENDPOINT", "MONITOR_S3_REGION",
             "MONITOR_S3_URL_STYLE", "MONITOR_S3_USE_SSL")


@pytest.fixture
def lake_env(monkeypatch, tmp_path):
    for name in _LAKE_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "build"))
    monkeypatch.setenv("MONITOR_WAREHOUSE", str(tmp_path / "w.duckdb"))
    return monkeypatch


def test_the_default_is_the_duckdb_file_of_monitor_warehouse_with_one_writer(lake_env, tmp_path):
    c = warehouse_config.load()
    assert (c.backend, c.path, c.write_pool, c.is_lake) == ("duckdb", tmp_path / "w.duckdb", 1, False)
    assert c.describe() == str(tmp_path / "w.duckdb")
    cfg = tmp_path / "empty.yaml"
    cfg.write_text("")  # an empty file: no settings, the defaults
    lake_env.setenv("MONITOR_WAREHOUSE_CONFIG", str(cfg))
    assert warehouse_config.load().backend == "duckdb"


def test_a_lake_from_the_environment_alone(lake_env, tmp_path):
    lake_env.setenv("MONITOR_WAREHOUSE_BACKEND", " DuckLake ")  # as typed: case and blanks
    lake_env.setenv("MONITOR_DUCKLAKE_CATALOG", "postgres:dbname=monitor host=db")
    c = warehouse_config.load()
    # the "postgres:" of DuckDB's own catalog syntax taken off; the data folder under the build, as a folder
    assert (c.backend, c.catalog, c.schema, c.write_pool) == ("ducklake", "dbname=monitor host=db", "", 4)
    assert c.data_path == str((tmp_path / "build" / "ducklake").resolve()) + "/" and c.is_lake
    assert c.describe() == f"DuckLake (catalog dbname=monitor host=db; data {c.data_path})"
    lake_env.setenv("MONITOR_DUCKLAKE_CATALOG", "postgres://mon@db/monitor")  # a URI is kept whole
    lake_env.setenv("MONITOR_DUCKLAKE_DATA", "s3://lake/monitor/")
    lake_env.setenv("MONITOR_DUCKLAKE_SCHEMA", "lake")
    lake_env.setenv("MONITOR_WRITE_POOL_LIMIT", "2")
    c = warehouse_config.load()
    assert (c.catalog, c.data_path, c.schema, c.write_pool) == ("postgres://mon@db/monitor", "s3://lake/monitor/", "lake", 2)
    assert c.describe() == "DuckLake (catalog postgres://mon@db/monitor, schema lake; data s3://lake/monitor/)"


def test_the_environment_wins_over_the_file_key_by_key(lake_env, tmp_path):
    cfg = tmp_path / "warehouse.yaml"
    cfg.write_text("backend: ducklake\nducklake:\n  catalog: dbname=filecat\n  schema: fileschema\n  data_path: rel/data\n"
                   "  write_pool: 5\n  s3: {endpoint: 'file:9000', region: file-1}\n")
    lake_env.setenv("MONITOR_WAREHOUSE_CONFIG", str(cfg))
    lake_env.chdir(tmp_path)
    c = warehouse_config.load()
    assert (c.catalog, c.schema, c.write_pool, c.s3) == ("dbname=filecat", "fileschema", 5, {"endpoint": "file:9000", "region": "file-1"})
    assert c.data_path == str((tmp_path / "rel" / "data").resolve()) + "/"
    lake_env.setenv("MONITOR_S3_REGION", "env-2")
    lake_env.setenv("MONITOR_S3_USE_SSL", "false")
    lake_env.setenv("MONITOR_DUCKLAKE_SCHEMA", "envschema")
    lake_env.setenv("MONITOR_DUCKLAKE_CATALOG", "dbname=envcat")
    c = warehouse_config.load()
    assert c.s3 == {"endpoint": "file:9000", "region": "env-2", "use_ssl": "false"}
    assert (c.catalog, c.schema) == ("dbname=envcat", "envschema")


@pytest.mark.parametrize("pool", ["0", "-1", "four", "2.5"])
def test_a_write_pool_that_is_no_whole_number_from_one_is_refused(lake_env, pool):
    lake_env.setenv("MONITOR_WAREHOUSE_BACKEND", "ducklake")
    lake_env.setenv("MONITOR_DUCKLAKE_CATALOG", "dbname=m")
    lake_env.setenv("MONITOR_WRITE_POOL_LIMIT", pool)
    # (a number below 1 is shown as the number read, a word as typed)
    with pytest.raises(WarehouseConfigError, match=f"MONITOR_WRITE_POOL_LIMIT / ducklake.write_pool = '?{pool}'?: a whole number >= 1"):
        warehouse_config.load()
    lake_env.setenv("MONITOR_WRITE_POOL_LIMIT", "1")
    assert warehouse_config.load().write_pool == 1


def test_a_bad_setting_is_said_with_where_it_was_set(lake_env, tmp_path):
    lake_env.setenv("MONITOR_WAREHOUSE_CONFIG", str(tmp_path / "none.yaml"))
    with pytest.raises(WarehouseConfigError, match=r"MONITOR_WAREHOUSE_CONFIG=.*none\.yaml: no such file"):
        warehouse_config.load()
    cfg = tmp_path / "w.yaml"
    cfg.write_text("- ducklake\n")
    lake_env.setenv("MONITOR_WAREHOUSE_CONFIG", str(cfg))
    with pytest.raises(WarehouseConfigError, match=r"w\.yaml: expected a mapping \(backend:, ducklake:\), got list"):
        warehouse_config.load()
    cfg.write_text("backend: sqlite\n")
    with pytest.raises(WarehouseConfigError) as exc:
        warehouse_config.load()
    assert str(exc.value) == f"{cfg}: backend = 'sqlite': choose one of duckdb, ducklake"
    lake_env.setenv("MONITOR_WAREHOUSE_BACKEND", "Lake")
    with pytest.raises(WarehouseConfigError) as exc:
        warehouse_config.load()
    assert str(exc.value) == "MONITOR_WAREHOUSE_BACKEND = 'lake': choose one of duckdb, ducklake"
    cfg.write_text("backend: ducklake\n")
    lake_env.delenv("MONITOR_WAREHOUSE_BACKEND")
    with pytest.raises(WarehouseConfigError) as exc:
        warehouse_config.load()
    assert str(exc.value).endswith(f"or ducklake.catalog in {cfg}")


@pytest.mark.parametrize("dsn, shown", [
    ("dbname=m host=db password=s3cret user=u", "dbname=m host=db password=*** user=u"),
    ("dbname=m PASSWORD = s3cret", "dbname=m PASSWORD = ***"),
    ("postgresql://mon:s3cret@db:5432/monitor", "postgresql://mon:***@db:5432/monitor"),
    ("postgresql://mon@db:5432/monitor", "postgresql://mon@db:5432/monitor"),
])
def test_a_password_is_never_shown(dsn, shown):
    assert warehouse_config.mask(dsn) == shown
    assert WarehouseConfig("ducklake", catalog=dsn, data_path="/d/").describe() == f"DuckLake (catalog {shown}; data /d/)"


# --- core/settings.py: where things live, read when asked ---------------------------------------------------------

def test_every_folder_follows_its_variable_and_else_the_home(monkeypatch, tmp_path):
    for name in ("MONITOR_BUILD", "MONITOR_WAREHOUSE", "MONITOR_INBOX", "MONITOR_REPORT_SRC"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MONITOR_HOME", str(tmp_path))
    home = tmp_path.resolve()
    assert settings.project_root() == home
    assert settings.build_dir() == home / "build" and settings.warehouse_path() == home / "build" / "warehouse.duckdb"
    assert settings.inbox_dir() == home / "inbox" and settings.cards_inbox("2017") == home / "inbox" / "cards" / "2017"
    # the sources come from the checkout whatever the home
    repo = settings.repo_root()
    assert (repo / "core" / "settings.py").is_file() and repo != home
    assert (settings.config_dir(), settings.sql_dir(), settings.schemas_dir()) == (repo / "config", repo / "sql", repo / "schemas")
    assert settings.report_src() == repo / "report" == settings.report_src_dir()
    assert settings.example_dir() == repo / "data" / "example"
    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "b"))
    assert settings.warehouse_path() == tmp_path / "b" / "warehouse.duckdb"
    monkeypatch.setenv("MONITOR_WAREHOUSE", str(tmp_path / "w.duckdb"))
    monkeypatch.setenv("MONITOR_INBOX", str(tmp_path / "in"))
    monkeypatch.setenv("MONITOR_REPORT_SRC", str(tmp_path / "r"))
    assert (settings.warehouse_path(), settings.inbox_dir(), settings.report_src()) == (tmp_path / "w.duckdb", tmp_path / "in", tmp_path / "r")
    monkeypatch.setenv("MONITOR_HOME", "")  # set but empty: the checkout
    assert settings.project_root() == repo.resolve()


# --- assets/core/limits.py: config/limits.yaml ---------------------------------------------------------------------

from assets.core import limits as limits_mod  # noqa: E402


@pytest.mark.parametrize("n, said", [(52_400_000, "52.4 MB"), (1_000_000, "1.0 MB"), (999_999, "1000 KB"), (300_000, "300 KB"),
                                     (1_000, "1 KB"), (999, "999 bytes"), (12, "12 bytes"), (0, "0 bytes")])
def test_a_byte_count_as_people_say_it(n, said):
    assert limits_mod.mb(n) == said


def test_the_limits_file_is_read_field_by_field(tmp_path):
    path = tmp_path / "limits.yaml"
    path.write_text("file: {max_bytes: 11, max_records: 12, max_columns: 13, max_field_chars: 14, max_nesting: 15, max_line_chars: 16}\n"
                    "yaml: {max_aliases: 21, max_nodes: 22}\nxlsx: {max_unpacked_bytes: 31, max_parts: 32}\n"
                    "inbox: {max_files: 41, refuse_hardlinks: false}\ncounts: {detained: 51}\n")
    got = limits_mod._load(str(path))
    assert (got.max_bytes, got.max_records, got.max_columns, got.max_field_chars, got.max_nesting, got.max_line_chars) == (11, 12, 13, 14, 15, 16)
    assert (got.yaml_max_aliases, got.yaml_max_nodes, got.xlsx_max_unpacked_bytes, got.xlsx_max_parts) == (21, 22, 31, 32)
    assert (got.inbox_max_files, got.refuse_hardlinks, got.counts) == (41, False, {"detained": 51})
    assert got.xlsx_max_rows == 100000  # not in the file: the default
    shipped = limits_mod.limits()
    assert shipped.refuse_hardlinks is True and shipped.counts["arrest_days"] == 3650 and shipped.max_bytes == 50_000_000


# --- assets/core/atomic.py and core/processes.py: a set of files replaced whole -------------------------------------

import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

from assets.core import atomic  # noqa: E402
from core.processes import pid_alive  # noqa: E402


def _files(folder):
    return {p.name: p.read_text() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_seeded_write_keeps_the_files_it_does_not_rewrite_and_touches_nothing_live_before_it_ends(tmp_path):
    target = tmp_path / "report" / "2017"
    with atomic.atomic_dir(target) as tmp:
        (tmp / "report.html").write_text("v1")
        (tmp / "report.docx").write_text("v1")
        (tmp / "charts").mkdir()
    with atomic.atomic_dir(target, seed=True) as tmp:
        assert _files(tmp) == {"report.docx": "v1", "report.html": "v1"} and not (tmp / "charts").exists()
        (tmp / "report.html").write_text("v2")
        assert (target / "report.html").read_text() == "v1"  # a copy, not a link: the live set is untouched
    assert _files(target) == {"report.docx": "v1", "report.html": "v2"}
    with atomic.atomic_dir(target) as tmp:  # no seed: what is written, nothing else
        assert list(tmp.iterdir()) == []
        (tmp / "report.html").write_text("v3")
    assert _files(target) == {"report.html": "v3"}
    assert sorted(p.name for p in target.parent.iterdir()) == ["2017"]


def test_a_live_writers_folders_are_left_and_a_dead_ones_removed(tmp_path):
    target = tmp_path / "exports" / "2017"
    target.mkdir(parents=True)
    (target / "a.csv").write_text("live set")
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        live_tmp = target.parent / f".2017{atomic.TMP_TAG}{child.pid}-abcd1234"
        live_old = target.parent / f".2017{atomic.OLD_TAG}{child.pid}-abcd1234"
        mine = target.parent / f".2017{atomic.TMP_TAG}{os.getpid()}-0000aaaa"  # this process's own, from before
        dead = target.parent / f".2017{atomic.TMP_TAG}999999999-deadbeef"
        dead_old = target.parent / f".2017{atomic.OLD_TAG}999999999-deadbeef"  # parked, while the set is there
        other = target.parent / f".2018{atomic.TMP_TAG}999999999-deadbeef"  # another folder's
        for d in (live_tmp, live_old, mine, dead, dead_old, other):
            d.mkdir()
        atomic.recover(target)
        assert live_tmp.is_dir() and live_old.is_dir() and other.is_dir()
        assert not mine.exists() and not dead.exists() and not dead_old.exists()
        assert _files(target) == {"a.csv": "live set"}  # the live set stays: a parked one is not put over it
    finally:
        child.stdin.close()
        child.wait()
    assert not pid_alive(child.pid)  # waited for: gone


def test_a_killed_child_not_yet_waited_for_is_dead_and_this_process_alive():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)  # it has ended, and is not reaped: a zombie
    assert "Z" in open(f"/proc/{child.pid}/status").read().split("State:")[1].split()[0]
    assert not pid_alive(child.pid)
    child.wait()
    assert not pid_alive(child.pid)
    assert pid_alive(os.getpid()) and pid_alive(1)  # pid 1 may be another user's: alive (PermissionError or not)


# --- assets/core/writes.py: a period's rows replaced in one transaction, never appended twice -----------------------

import duckdb  # noqa: E402
import polars as pl  # noqa: E402
import pyarrow as pa  # noqa: E402

from assets.core import warehouse, writes  # noqa: E402


def _quarantine(period: str, *ids: str) -> pl.DataFrame:
    return pl.DataFrame([{"period": period, "record_id": i, "source_file": f"cards/{period}/a.csv", "sheet": None, "row_no": 2,
                          "kind": "card", "card_id": i, "field": "city", "value": "x", "reason": "unknown city",
                          "rule": "code", "severity": "error"} for i in ids])


def _held(con, table: str = "quarantine") -> list[tuple]:
    return con.execute(f"SELECT period, record_id FROM {table} ORDER BY ALL").fetchall()


def test_a_rerun_replaces_the_periods_rows_and_leaves_the_others(tmp_path):
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        assert writes.replace_partition(con, "quarantine", "2016", _quarantine("2016", "a")) == 1
        assert writes.replace_partition(con, "quarantine", "2017", _quarantine("2017", "b", "c")) == 2
        assert writes.replace_partition(con, "quarantine", "2017", _quarantine("2017", "d")) == 1  # again: replaced
        assert _held(con) == [("2016", "a"), ("2017", "d")]
        assert writes.replace_partition(con, "quarantine", "2017", None) == 0  # nothing now: the period's rows go
        assert writes.replace_partition(con, "quarantine", "2016", _quarantine("2016").clear()) == 0  # an empty frame too
        assert _held(con) == []
        writes.replace_partition(con, "quarantine", "2016", _quarantine("2016", "a"))
        assert writes.replace_table(con, "quarantine", _quarantine("2015", "z")) == 1  # every period's rows replaced
        assert _held(con) == [("2015", "z")]


def test_the_inbox_level_rows_are_replaced_whole_in_the_same_write(tmp_path):
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        writes.replace_partitions(con, "2017", {"quarantine": _quarantine("2017", "a")}, inbox_level=("inbox", _quarantine("inbox", "s1", "s2")))
        writes.replace_partitions(con, "2017", {"quarantine": _quarantine("2017", "a")}, inbox_level=("inbox", _quarantine("inbox", "s3")))
        assert _held(con) == [("2017", "a"), ("inbox", "s3")]
        writes.replace_partitions(con, "2017", {"quarantine": _quarantine("2017", "a")}, inbox_level=("inbox", _quarantine("inbox").clear()))
        assert _held(con) == [("2017", "a")]


def test_a_write_that_fails_half_way_leaves_every_table_as_it_was(tmp_path):
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        writes.replace_partition(con, "quarantine", "2017", _quarantine("2017", "a"))
        bad = pl.DataFrame({"period": ["2017"], "no_such_column": [1]})
        with pytest.raises(duckdb.Error):
            writes.replace_partitions(con, "2017", {"quarantine": _quarantine("2017", "b"), "persons": bad})
        assert _held(con) == [("2017", "a")]  # the first table's delete and insert rolled back with the second's failure


def test_row_group_batches_keep_every_row_in_order_whatever_the_chunks():
    n = writes.ROW_GROUP_ROWS
    short = pa.concat_tables([pa.table({"i": list(range(a, min(a + 50_000, 2 * n + 7)))})
                           for a in range(0, 2 * n + 7, 50_000)])
    assert short.column("i").num_chunks > 1
    got = writes.row_group_batches(short)
    assert isinstance(got, pa.RecordBatchReader)
    batches = list(got)
    assert [b.num_rows for b in batches] == [n, n, 7] and pa.Table.from_batches(batches).column("i").to_pylist() == list(range(2 * n + 7))
    long = pa.table({"i": list(range(2 * n + 7))})  # one chunk: cut without a copy
    cut = writes.row_group_batches(long)
    assert isinstance(cut, pa.Table) and [b.num_rows for b in cut.to_batches()] == [n, n, 7]
    assert cut.column("i").to_pylist() == list(range(2 * n + 7))


class _Conflict:
    """A transaction that loses `times` commits to a concurrent writer, then commits."""

    def __init__(self, times: int, message: str = "Transaction conflict: another writer committed"):
        self.times, self.calls, self.message = times, 0, message

    def __call__(self):
        self.calls += 1
        if self.calls <= self.times:
            raise duckdb.TransactionException(self.message)
        return "done"


def test_a_lost_commit_is_tried_again_and_told(caplog):
    fn = _Conflict(2)
    with caplog.at_level("INFO", logger="monitor.wait"):
        assert writes.retry_conflicts(fn, "replacing figures", wait_s=60) == "done"
    assert fn.calls == 3
    assert "replacing figures: committed after 2 conflicts with concurrent writers" in caplog.text
    assert "replacing figures: commit conflict with a concurrent writer (try 2), trying again" in caplog.text
    once = _Conflict(0)
    with caplog.at_level("INFO", logger="monitor.wait"):
        caplog.clear()
        assert writes.retry_conflicts(once, "x", wait_s=60) == "done" and once.calls == 1
    assert "committed after" not in caplog.text  # no conflict, nothing said


def test_a_transaction_error_that_is_no_conflict_or_past_the_wait_is_raised(monkeypatch):
    other = _Conflict(1, "Transaction error: out of memory")
    with pytest.raises(duckdb.TransactionException, match="out of memory"):
        writes.retry_conflicts(other, "x", wait_s=60)
    assert other.calls == 1
    late = _Conflict(5)
    with pytest.raises(duckdb.TransactionException, match="conflict"):
        writes.retry_conflicts(late, "x", wait_s=0)
    assert late.calls == 1
    monkeypatch.setenv("MONITOR_LOCK_WAIT_S", "0")  # the wait's default: the lock wait
    env = _Conflict(5)
    with pytest.raises(duckdb.TransactionException):
        writes.retry_conflicts(env, "x")
    assert env.calls == 1


# --- assets/core/warehouse.py: the connection and its refusals ----------------------------------------------------

from assets.core.lockinfo import Holder  # noqa: E402

HOLD = "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == 'ro'); print('ready', flush=True); sys.stdin.read()"


def test_the_busy_message_names_the_holder_and_what_to_do(tmp_path):
    w = tmp_path / "w.duckdb"
    assert warehouse._busy_message(w, Holder(4711, "writer", "monitor run"), 2) == (
        f"the warehouse {w} is being written by another process (a writer: pid 4711, monitor run) for more than 2 s "
        "(MONITOR_LOCK_WAIT_S); wait for that process to finish or stop it (kill 4711), then try again")
    assert warehouse._busy_message(w, Holder(12, "reader", ""), 0.5).startswith(
        f"the warehouse {w} is held open by another process that only reads it (a reader: pid 12) for more than 0.5 s")
    assert warehouse._busy_message(w, None, 120) == (
        f"the warehouse {w} is locked by another process for more than 120 s (MONITOR_LOCK_WAIT_S); wait for that "
        "process to finish, then try again")


def test_a_warehouse_another_process_writes_is_waited_for_then_refused_naming_it(tmp_path, caplog):
    w = tmp_path / "w.duckdb"
    with warehouse.connect(w):
        pass  # made, with its tables
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(w), "rw"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        with caplog.at_level("WARNING", logger="monitor.wait"), pytest.raises(warehouse.WarehouseBusy) as exc:
            with warehouse.connect(w, wait_s=0.3):
                pass
        busy = exc.value
        assert busy.holder.pid == child.pid and busy.holder.role == "writer" and busy.path == w and busy.waited_s >= 0.3
        assert f"is being written by another process (a writer: pid {child.pid}" in str(busy) and f"(kill {child.pid})" in str(busy)
        assert caplog.text.count(f"waiting up to 0.3 s for the warehouse {w}: it is held by a writer: pid {child.pid}") == 1
    finally:
        child.stdin.close()
        child.wait()
    with warehouse.connect(w, read_only=True) as con:  # the holder gone: open at once
        assert con.execute("SELECT 1").fetchone() == (1,)


def test_a_missing_warehouse_is_refused_for_a_reader_and_without_create_and_never_made(tmp_path):
    w = tmp_path / "sub" / "w.duckdb"
    for kw in ({"read_only": True}, {"create": False}):
        with pytest.raises(FileNotFoundError) as exc:
            with warehouse.connect(w, **kw):
                pass
        assert str(exc.value) == warehouse.missing_message(w) == (
            f"no warehouse at {w}: run `make run` (or `monitor run`) first, or point MONITOR_WAREHOUSE at the warehouse's file")
    assert not (tmp_path / "sub").exists()
    with pytest.raises(ValueError, match=r"time travel \(as_of\) needs the DuckLake warehouse"):
        with warehouse.connect(tmp_path / "x.duckdb", as_of=3):
            pass
    assert not (tmp_path / "x.duckdb").exists()


def test_an_error_that_is_no_sign_of_a_non_database_is_not_taken_for_one(tmp_path):
    assert warehouse.unreadable(tmp_path / "w.duckdb", OSError("IO Error: No space left on device")) is None
    gone = warehouse.unreadable(tmp_path / "gone.duckdb", OSError("the file is not a valid DuckDB database"))
    assert "is not a DuckDB database (DuckDB: the file is not a valid DuckDB database)" in str(gone)  # cannot stat: said plainly


def test_query_takes_named_and_positional_parameters(tmp_path):
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        assert warehouse.query(con, "SELECT $a AS a", {"a": 5}).to_dicts() == [{"a": 5}]
        assert warehouse.query(con, "SELECT ? AS a", [6]).to_dicts() == [{"a": 6}]
        assert warehouse.query(con, "SELECT 7 AS a").to_dicts() == [{"a": 7}]
        assert "FROM duckdb_databases()" in warehouse.read_sql("warehouse/is_lake")


# --- core/dates.py: times of day and the dates' edges ----------------------------------------------------------------

from core.dates import date_or_none, parse_time  # noqa: E402


@pytest.mark.parametrize("typed, want", [("15:30", dt.time(15, 30)), ("9:05", dt.time(9, 5)), (" 15:30:00 ", dt.time(15, 30)),
                                         ("15.30", dt.time(15, 30)), ("0:00", dt.time(0, 0)), ("23:59:59", dt.time(23, 59, 59)),
                                         (dt.time(9, 30), dt.time(9, 30))])
def test_a_time_as_a_monitor_types_it(typed, want):
    assert parse_time(typed) == want


@pytest.mark.parametrize("typed", ["9.3", "15", "1530", "24:00", "15:60", "15.30.00", "15:3", "15:30 pm", "", "9.300"])
def test_what_is_no_time_of_day_is_refused(typed):
    with pytest.raises(ValueError):
        parse_time(typed)


def test_an_empty_or_unreadable_date_is_none_and_a_date_object_itself():
    assert date_or_none(None) is None and date_or_none("") is None and date_or_none("soon") is None
    assert date_or_none(dt.date(2017, 5, 3)) == dt.date(2017, 5, 3) and date_or_none("03.05.2017") == dt.date(2017, 5, 3)
    with pytest.raises(ValueError, match="not a date: '31 мая 2017x'"):
        parse_date("31 мая 2017x")
    with pytest.raises(ValueError, match="not a date: '31 июня 2017'"):  # a named month's day it has not
        parse_date("31 июня 2017")


# --- assets/core/codes.py: the `codes` table's rows ---------------------------------------------------------------

from assets.core import codes  # noqa: E402


def test_the_code_rows_hold_every_label_and_the_courts(tmp_path):
    df = codes.codes_frame()
    rows = {(r["field"], r["code"]): r for r in df.iter_rows(named=True)}
    assert rows[("court_outcome", "fine")] == {"field": "court_outcome", "code": "fine", "ru": "Штраф", "en": "Fine", "court": True}
    assert rows[("court_outcome", "released")]["court"] is False  # no `court: true`: not a court's outcome
    assert rows[("city", "almaty")] == {"field": "city", "code": "almaty", "ru": "Алматы", "en": "Almaty", "court": False}
    assert df.height == len(rows)  # no code twice
    with warehouse.connect(tmp_path / "w.duckdb") as con:  # the warehouse fills them when it makes its tables
        assert not codes.differs(con, df) and not codes.differs(con, df.reverse())
        assert codes.digest(df) == codes.digest(df.reverse()) == codes.digest(codes.current(con))
        con.execute("INSERT INTO codes SELECT * FROM codes WHERE code = 'fine'")  # one code twice: not the same rows
        assert codes.differs(con, df) and codes.digest(codes.current(con)) != codes.digest(df)
        con.execute("DELETE FROM codes WHERE code = 'fine'")
        assert codes.differs(con, df)
    changed = df.with_columns(pl.when(pl.col("code") == "fine").then(pl.lit("Пеня")).otherwise(pl.col("ru")).alias("ru"))
    assert codes.digest(changed) != codes.digest(df)  # a label changed is another fingerprint


# --- core/plural.py and core/typed.py: counts in words, typed cells ------------------------------------------------

from core import plural, typed  # noqa: E402


@pytest.mark.parametrize("n, form", [(0, "many"), (1, "one"), (2, "few"), (4, "few"), (5, "many"), (11, "many"), (12, "many"),
                                     (14, "many"), (21, "one"), (22, "few"), (25, "many"), (101, "one"), (111, "many"),
                                     (112, "many"), (1.6, "few"), (-1, "one"), (-3, "few"), (1.4, "one")])
def test_the_russian_form_after_a_number(n, form):
    assert plural.ru_form(n) == form
    assert plural.ru(n, "карточка", "карточки", "карточек") == {"one": "карточка", "few": "карточки", "many": "карточек"}[form]


def test_the_english_form_after_a_number():
    assert (plural.en(1, "card"), plural.en(0, "card"), plural.en(2, "person", "people"), plural.en(0.6, "card")) == (
        "card", "cards", "people", "card")
    assert (plural.en_count(1, "card"), plural.en_count(0, "card"), plural.en_count(2.4, "card"), plural.en_count(3, "person", "people")) == (
        "1 card", "0 cards", "2 cards", "3 people")
    assert plural.en_count(None, "card") == "None cards" and plural.en_count(None, "person", "people") == "None people"


@pytest.mark.parametrize("text, answer", [("Да.", True), (" NO ", False), ("жоқ", False), ("x", True), ("Иә!", True),
                                          ("-", False), ("+", True), ("-.", None), ("1.", None), ("maybe", None), ("", None)])
def test_a_yes_no_answer_as_typed(text, answer):
    assert typed.yes_no(text) is answer


def test_what_is_no_typed_text_is_said_with_its_position():
    assert typed.not_text("a\x1b[31mb") == ("contains the control character '\\x1b' at position 2, which is not text (copied from a "
                                            "terminal or a damaged file?); retype the value")
    assert typed.not_text("ok\x7f") is not None and typed.not_text("\x9f") is not None and typed.not_text("\x00") is not None
    assert typed.not_text("tab\tline\nreturn\r no\u00a0break, מִ\u200f") is None  # tabs, line ends, a right-to-left mark: text
    assert typed.not_text("pay \u202etxt.exe") == ("contains the invisible direction control U+202E at position 5, which shows the "
                                                  "text after it in another order than it is stored; retype the value")
    assert typed.not_text("\u2069") is not None and typed.not_text("\u2066x") is not None


@pytest.mark.parametrize("s, ambiguous", [("1,000", True), ("2.000", True), ("1.000.000", True), ("-1,000", True),
                                          ("1\u00a0000,000", True), ("1,5", False), ("1,0000", False), ("1 000", False),
                                          ("1000", False), ("1,000.5", False)])
def test_a_number_whose_separator_may_be_thousands_is_never_guessed(s, ambiguous):
    assert typed.ambiguous_thousands(s) is ambiguous


def test_a_cell_of_links_and_what_a_web_link_is():
    assert typed.links("https://a.kz/1; https://b.kz/2  http://c.kz\n") == ["https://a.kz/1", "https://b.kz/2", "http://c.kz"]
    assert typed.links(None) == [] and typed.links(";;") == []
    assert typed.WEB_LINK.match("https://a.kz/x") and typed.WEB_LINK.match("http://a.kz")
    assert not typed.WEB_LINK.match("file:///home/m/a.html") and not typed.WEB_LINK.match("ftp://a.kz")


# --- assets/core/rawstore.py: the raw layer's store ------------------------------------------------------------------

import hashlib  # noqa: E402
import time  # noqa: E402

from assets.core import rawstore  # noqa: E402
from tests.test_rawstore import _frames, _store_files, _visible  # noqa: E402


def test_a_file_stored_twice_is_one_file_and_its_time_refreshed(tmp_path):
    store = tmp_path / "store"
    rawstore._dirs(store)
    sha = rawstore.put_bytes(store, b"card_id\n1\n")
    assert sha == hashlib.sha256(b"card_id\n1\n").hexdigest() and (store / "files" / sha).read_bytes() == b"card_id\n1\n"
    old = time.time() - 10_000
    os.utime(store / "files" / sha, (old, old))
    assert rawstore.put_bytes(store, b"card_id\n1\n") == sha
    assert (store / "files" / sha).stat().st_mtime > old + 5_000  # refreshed: a gc with a grace leaves it
    assert rawstore.put_bytes(store, b"other", sha="f" * 64) == "f" * 64  # the caller's digest names it, not hashed again
    assert (store / "files" / ("f" * 64)).read_bytes() == b"other" and list((store / "tmp").iterdir()) == []
    # a part placed where the same part already is: the new temporary file goes, the one there is kept and refreshed
    tmp = store / "tmp" / "x"
    tmp.write_bytes(b"card_id\n1\n")
    os.utime(store / "files" / sha, (old, old))
    rawstore._place(tmp, store / "files" / sha)
    assert not tmp.exists() and (store / "files" / sha).stat().st_mtime > old + 5_000


def test_where_the_store_is(tmp_path, monkeypatch):
    monkeypatch.delenv("MONITOR_RAW_STORE", raising=False)
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        assert rawstore.location(con) == tmp_path / "w.duckdb.raw"
        monkeypatch.setenv("MONITOR_RAW_STORE", str(tmp_path / "elsewhere"))
        assert rawstore.location(con) == (tmp_path / "elsewhere").resolve()
        monkeypatch.setenv("MONITOR_RAW_STORE", " inside ")
        assert rawstore.location(con) is None and rawstore.views_store(con) is None  # nothing in a store yet
        with pytest.raises(FileNotFoundError, match="no raw store for this warehouse \\(file abc\\)"):
            rawstore.read_bytes(con, "abc")
    with duckdb.connect() as mem:
        assert rawstore.location(mem) is None and rawstore.database_path(mem) is None


def test_a_warehouse_switched_inside_still_reads_the_periods_in_its_store(tmp_path, monkeypatch):
    monkeypatch.delenv("MONITOR_RAW_STORE", raising=False)
    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as con:
        writes.replace_partitions(con, "2016", _frames("2016", "v1"))
        seen = _visible(con)
        sha = con.execute("SELECT sha256 FROM raw_file_index WHERE stored LIMIT 1").fetchone()[0]
        assert rawstore.read_bytes(con, sha) == (tmp_path / "w.duckdb.raw" / "files" / sha).read_bytes()
    monkeypatch.setenv("MONITOR_RAW_STORE", "inside")
    with warehouse.connect(path) as con:
        assert rawstore.location(con) is None and rawstore.views_store(con) == tmp_path / "w.duckdb.raw"
        writes.replace_partitions(con, "2017", _frames("2017", "v1"))  # kept inside; 2016 still read from the store
        after = _visible(con)
    assert [r for r in after["files"] if r[0] == "2016"] == seen["files"] and len(after["files"]) == 6
    assert [r for r in after["records"] if r[0] == "2016"] == seen["records"] and len(after["records"]) == 4


def test_gc_deletes_only_what_no_committed_row_references_and_counts_it(tmp_path):
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        writes.replace_partitions(con, "2017", _frames("2017", "v1"))
        store = rawstore.location(con)
        kept = _store_files(store)
        part = next((store / "records").iterdir())
        (store / "records" / ("0" * 64 + ".parquet")).write_bytes(b"12345")  # an orphan part
        (store / "files" / ("1" * 64)).write_bytes(b"123")  # an orphan file
        young = store / "tmp" / "young"
        young.write_bytes(b"1")
        assert rawstore.gc(con, grace_s=3600) == {"files": 0, "bytes": 0, "store": str(store)}
        old = time.time() - 7200
        for p in (store / "records" / ("0" * 64 + ".parquet"), store / "files" / ("1" * 64), part):
            os.utime(p, (old, old))
        assert rawstore.gc(con, grace_s=3600) == {"files": 2, "bytes": 8, "store": str(store)}  # the referenced part stays
        assert _store_files(store) == kept and young.exists()
        assert rawstore.gc(con)["files"] == 1 and not young.exists()  # no grace: the tmp leftover goes too
        assert len(_visible(con)["records"]) == 2
        # superseded files: only those nothing references are deleted, one gone already is no error
        assert rawstore.collect(store, con, {"records/" + part.name[:-8], "files/" + "2" * 64}) == 0
        assert rawstore.collect(None, con, {"files/x"}) == 0
    with duckdb.connect() as mem:
        assert rawstore.gc(mem) == {"files": 0, "bytes": 0, "store": None}


def test_a_store_path_with_a_quote_is_quoted(tmp_path):
    assert rawstore.quoted(tmp_path / "o'brien") == "'" + str(tmp_path / "o''brien") + "'"
    assert rawstore.parts_source(["'a.parquet'", "'b.parquet'"]) == "read_parquet(['a.parquet', 'b.parquet'], union_by_name = true)"
    assert "--" not in rawstore.parts_source([]) and "--" not in rawstore.part_records_sql()  # the comments left out


def test_a_period_without_records_or_with_an_unread_file_is_staged_as_such(tmp_path):
    store = tmp_path / "store"
    frames = _frames("2017", "v1")
    out = rawstore.stage(store, {"raw_files": frames["raw_files"], "raw_records": frames["raw_records"].clear(), "cards": None})
    assert out["raw_record_parts"] is None and out["raw_record_rows"] is None and out["raw_file_rows"] is None and out["cards"] is None
    index = out["raw_file_index"]
    assert "content" not in index.columns
    link = index.filter(pl.col("source_file").str.ends_with("link.csv")).row(0, named=True)
    assert link["stored"] is False and link["sha256"] == ""  # never read: nothing stored, the frame's sha256 kept
    assert index["stored"].sum() == 2 and len(list((store / "files").iterdir())) == 2
    inside = rawstore.inside({"raw_files": frames["raw_files"], "cards": None})
    assert set(inside) == {"raw_file_rows", "raw_file_index", "cards"} and inside["raw_file_index"] is None


def test_the_counts_of_a_write_are_the_raw_layers_rows_not_the_stores_internals(tmp_path, monkeypatch):
    monkeypatch.delenv("MONITOR_RAW_STORE", raising=False)
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        assert writes.replace_partitions(con, "2017", _frames("2017", "v1")) == {"raw_headers": 1, "raw_files": 3, "raw_records": 2}
        # the raw layer put into the store while it was read (the streamed ingest): its manifest rows, counted as rows
        staged = rawstore.stage(rawstore.location(con), _frames("2017", "v2"))
        manifest = {t: staged[t] for t in ("raw_file_index", "raw_record_parts")}
        assert writes.replace_partitions(con, "2017", manifest) == {"raw_files": 3, "raw_records": 2}
        seen = _visible(con)
        assert len(seen["files"]) == 3 and ("2017", "cards/2017/a.csv#:2", '["2017-1","Алматы v2"]') in seen["records"]
    monkeypatch.setenv("MONITOR_RAW_STORE", "inside")
    with warehouse.connect(tmp_path / "in.duckdb") as con:
        with pytest.raises(ValueError, match="the raw layer was put into a raw store, but this warehouse keeps it inside"):
            writes.replace_partitions(con, "2017", manifest)
        assert con.execute("SELECT count(*) FROM raw_file_index").fetchone() == (0,)


def test_a_settings_file_in_utf8_with_a_cyrillic_folder_is_read_as_written(lake_env, tmp_path):
    cfg = tmp_path / "warehouse.yaml"
    cfg.write_text("backend: ducklake\nducklake:\n  catalog: 'dbname=монитор user=m+1'\n  data_path: s3://озеро/данные\n",
                   encoding="utf-8")
    lake_env.setenv("MONITOR_WAREHOUSE_CONFIG", str(cfg))
    c = warehouse_config.load()
    assert (c.catalog, c.data_path) == ("dbname=монитор user=m+1", "s3://озеро/данные/")


def test_a_warehouse_freed_while_waited_for_is_opened_and_the_wait_told(tmp_path, caplog, monkeypatch):
    w = tmp_path / "w.duckdb"
    with warehouse.connect(w):
        pass
    with caplog.at_level("WARNING", logger="monitor.wait"):
        with warehouse.connect(w):
            pass
    assert caplog.text == ""  # no wait: nothing said
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(w), "rw"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    backed_off = []

    def holder_ends(delay):  # instead of backing off: the holder finishes, and the next try gets the file
        backed_off.append(delay)
        child.stdin.close()
        child.wait()

    monkeypatch.setattr(warehouse.time, "sleep", holder_ends)
    with caplog.at_level("WARNING", logger="monitor.wait"):
        with warehouse.connect(w, wait_s=60) as con:
            assert con.execute("SELECT 1").fetchone() == (1,)
    assert backed_off == [0.05]
    assert f"waiting up to 60 s for the warehouse {w}: it is held by a writer: pid {child.pid}" in caplog.text
    assert "got the warehouse after waiting" in caplog.text


def test_a_write_of_a_periods_files_alone_leaves_its_records_where_they_are(tmp_path):
    frames = _frames("2017", "v1")
    out = rawstore.stage(tmp_path / "store", {"raw_files": frames["raw_files"]})
    assert set(out) == {"raw_file_rows", "raw_file_index"}  # the records kept inside are not deleted with no records given
    out = rawstore.stage(tmp_path / "store", {"raw_records": frames["raw_records"]})
    assert set(out) == {"raw_record_rows", "raw_record_parts"} and out["raw_record_parts"]["records"].to_list() == [2]


def test_a_disk_error_that_is_no_lock_and_no_wrong_file_is_said_as_it_is(tmp_path, monkeypatch):
    def failing(*a, **k):
        raise duckdb.IOException("IO Error: Could not read from file: Input/output error")

    monkeypatch.setattr(warehouse.duckdb, "connect", failing)
    with pytest.raises(duckdb.IOException, match="Input/output error"):  # DuckDB's own error, not retried, not renamed
        with warehouse.connect(tmp_path / "w.duckdb", wait_s=60):
            pass
