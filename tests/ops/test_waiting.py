"""Honest waiting, with real processes: a `monitor` command says when it waits for DuckDB's lock and
for which process (a reader named as a reader), and when it waits for the write pool and for which
run and process; then it completes. Nothing sleeps for timing: the tests poll with deadlines.
The writer and the waiting command of the second test are new interpreters (`python -m
tests.ops.runner`, `python -m pipelines.cli`: the writer is named by its command line); the first
test's command is a child of the fork server (tests/forkserver.py)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assets.core import warehouse
from core import settings
from tests.conftest import EXAMPLE_2017
from tests.ops.test_crash_race import fifo, finish, release, start, wait_for  # noqa: F401 (fifo: a fixture)

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")

REPO = settings.repo_root()


def monitor(args: list[str], log: Path, home: Path | None = None, fork=None, **env) -> subprocess.Popen:
    """`monitor ARGS` in a process of its own: a new interpreter, or a child of the fork server `fork`
    (tests/forkserver.py; the same command without a new interpreter's imports)."""
    e = dict(os.environ, **env)
    e.pop("DAGSTER_HOME", None)
    if home:
        e["DAGSTER_HOME"] = str(home)
    if fork is not None:
        return fork.spawn("pipelines.cli", args, env=e, cwd=REPO, log=log)
    return subprocess.Popen([sys.executable, "-m", "pipelines.cli", *args], cwd=REPO, env=e,
                            stdout=open(log, "w"), stderr=subprocess.STDOUT)


def test_a_reader_holding_the_file_is_named_as_a_reader(project, dagster_home, forkserver):
    with warehouse.connect():
        pass  # the warehouse exists
    reader = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
                               "print('reading', flush=True); sys.stdin.read()", str(settings.warehouse_path())],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    log = project / "run.log"
    try:
        assert reader.stdout.readline().strip() == "reading"
        run = monitor(["backfill", "--from", "2015", "--to", "2015"], log, dagster_home, fork=forkserver, MONITOR_LOCK_WAIT_S="120")
        said = f"it is held by a reader: pid {reader.pid}"
        wait_for(lambda: said in log.read_text(), "the command to say whom it waits for", [run])
        assert "being written" not in log.read_text()
    finally:
        reader.stdin.close()  # the reader goes away: the command gets the file and completes
        reader.wait(timeout=30)
    assert finish(run, log) == 0, log.read_text()[-3000:]
    text = log.read_text()
    assert "got the warehouse after waiting" in text and "ok  2015: 0 cards" in text
    assert "Traceback" not in text


def test_waiting_for_the_write_pool_names_the_run_and_process(project, dagster_home, fifo):
    shutil.copytree(EXAMPLE_2017, project / "inbox" / "cards" / "2017")
    a = start("2017", log=project / "a.log", home=dagster_home, pause="raw_files", tmp=project, assets=("raw_cards",))
    wait_for((project / "ready-raw_files-2017").exists, "A inside its transaction", [a])
    log = project / "b.log"
    b = monitor(["report", "--period", "2017"], log, dagster_home)  # any command: it needs the same pool
    try:
        wait_for(lambda: "waits for the write pool 'duckdb_write'" in log.read_text(), "B to say it waits for the pool", [a, b])
        text = log.read_text()
        assert f"pid {a.pid}" in text and "tests.ops.runner 2017" in text and "period 2017" in text
    finally:
        release(project)
    assert finish(a, project / "a.log") == 0, (project / "a.log").read_text()[-3000:]
    finish(b, log)  # the report fails (no figures were derived): what matters here is that it waited and said so
    assert "Traceback" not in log.read_text()
