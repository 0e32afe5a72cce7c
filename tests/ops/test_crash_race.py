"""Crash safety and concurrent runs, with real processes: one is SIGKILLed inside its write
transaction; two write at the same time. The pause is deterministic (tests/ops/runner.py blocks
right before COMMIT and says so in a file); nothing here sleeps for timing. The processes are children
of the test process's fork server (tests/forkserver.py: separate processes, killed and locked out as
any, without a new interpreter's imports); tests/ops/test_waiting.py starts the runner as a new
interpreter (`python -m tests.ops.runner`)."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assets.core import warehouse
from core import settings
from tests.conftest import EXAMPLE_2017, write
from tests.conftest import card
from tests.ops.conftest import snapshot

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")

REPO = settings.repo_root()
# How long a wait may take before the test calls it a hang. Not a timing assumption: the machine may
# be shared and loaded (a runner process needs ~5 s of CPU to import Dagster and the project; at a
# load of 20 on 2 cores that is over a minute of wall time, and a deadline of 90 s failed this file
# under such load), so the deadline only catches a process that never gets there.
DEADLINE_S = float(os.environ.get("MONITOR_TEST_DEADLINE_S", "900"))


def start(period: str, *, log: Path, home: Path | None = None, pause: str | None = None, tmp: Path | None = None,
          locked_mark: Path | None = None, assets: tuple[str, ...] = (), fork=None) -> subprocess.Popen:
    """The runner in a new process; `home`: its DAGSTER_HOME (None: an ephemeral instance, whatever
    the environment - `make test` exports the project's DAGSTER_HOME). `fork`: the fork server
    (tests/forkserver.py), whose child is a process of its own without a new interpreter's imports;
    None: a new interpreter (`python -m tests.ops.runner`)."""
    env = dict(os.environ)
    env.pop("DAGSTER_HOME", None)
    # a process waiting for DuckDB's lock waits as long as the test would (the default, 120 s, counts
    # from its first refusal and can run out on a loaded machine while the other process still works)
    env["MONITOR_LOCK_WAIT_S"] = str(DEADLINE_S)
    if home:
        env["DAGSTER_HOME"] = str(home)
    for k in ("MONITOR_TEST_PAUSE_TABLE", "MONITOR_TEST_PAUSE_READY", "MONITOR_TEST_PAUSE_FIFO", "MONITOR_TEST_LOCKED_MARK"):
        env.pop(k, None)
    if pause:
        env.update(MONITOR_TEST_PAUSE_TABLE=pause, MONITOR_TEST_PAUSE_READY=str(tmp / f"ready-{pause}-{period}"),
                   MONITOR_TEST_PAUSE_FIFO=str(tmp / "fifo"))
    if locked_mark:
        env["MONITOR_TEST_LOCKED_MARK"] = str(locked_mark)
    if fork is not None:
        return fork.spawn("tests.ops.runner", [period, *assets], env=env, cwd=REPO, log=log)
    fh = open(log, "w")
    return subprocess.Popen([sys.executable, "-m", "tests.ops.runner", period, *assets], cwd=REPO, env=env,
                            stdout=fh, stderr=subprocess.STDOUT)


def wait_for(cond, what: str, procs=()):
    deadline = time.monotonic() + DEADLINE_S
    while not cond():
        for p in procs:
            if p.poll() is not None:
                raise AssertionError(f"process {p.args} ended (rc {p.returncode}) before {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)  # polling for a condition, with a deadline


def finish(proc: subprocess.Popen, log: Path) -> int:
    try:
        return proc.wait(timeout=DEADLINE_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise AssertionError(f"{proc.args} hung:\n{log.read_text()[-3000:]}")


def release(tmp: Path) -> None:
    with open(tmp / "fifo", "w") as fifo:  # opens when the paused process is reading it
        fifo.write("go")


@pytest.fixture()
def fifo(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    return tmp_path / "fifo"


def test_sigkill_inside_the_write_leaves_the_warehouse_as_it_was_and_the_next_run_completes(project, dagster_home, fifo,
                                                                                               forkserver, example_2017_run):
    import dagster as dg

    from pipelines.definitions import defs
    from tests.conftest import start_from

    tmp = project
    box = project / "inbox" / "cards" / "2017"
    shutil.copytree(EXAMPLE_2017, box)
    # a previous good run: a copy of the test process's one build of it (raw_cards, cards, figures of the example:
    # what tests/ops/runner.py's default selection runs; thirteenth pass, docs/testing.md), not a run of its own
    start_from(project, example_2017_run)
    with warehouse.connect():  # the copy's first write connection settles its layout (the raw layer's views name
        pass                   # their files' folder, the template's here), as the good run's own end would have
    before = snapshot()
    assert len(before["cards"]) == 36

    # the inbox changes: one card more, one less; then a run is killed in the middle of writing
    write(box / "2017-NEW-01.yaml", card("2017-NEW-01", "2017-05-05"))
    (box / "2017-ATY-01.yaml").unlink()

    def kill_inside(table: str) -> None:
        victim = start("2017", log=tmp / f"victim-{table}.log", home=dagster_home, pause=table, tmp=tmp, assets=("raw_cards", "cards"),
                       fork=forkserver)
        ready = tmp / f"ready-{table}-2017"
        wait_for(ready.exists, f"the run to be inside the {table} transaction", [victim])
        assert table in json.loads(ready.read_text())["tables"]
        victim.send_signal(signal.SIGKILL)
        assert victim.wait() == -signal.SIGKILL

    # killed inside the run's first write: the warehouse is exactly as before the run
    kill_inside("raw_files")
    assert snapshot() == before
    # raw and clean are one transaction (raw_cards writes both): killed inside the cards write, the
    # raw layer is not replaced either - the warehouse is exactly as before the run
    kill_inside("cards")
    assert snapshot() == before

    # a killed run stays "started" in Dagster and keeps its duckdb_write slot; the next process on
    # the instance (here: the second victim) or the daemon's dead_runs sensor marks it failed and
    # frees the slot
    assert "is gone - killed or crashed mid-way" in (tmp / "victim-cards.log").read_text()
    with dg.DagsterInstance.get() as instance:
        assert instance.event_log_storage.get_concurrency_info("duckdb_write").claimed_slots
        sensor = defs.get_repository_def().get_sensor_def("dead_runs")
        tick = sensor.evaluate_tick(dg.build_sensor_context(instance=instance, definitions=defs))
        assert tick.skip_message == "1 dead run marked failed"
        assert not instance.event_log_storage.get_concurrency_info("duckdb_write").claimed_slots

    # the next run (same Dagster instance) completes
    nxt = start("2017", log=tmp / "next.log", home=dagster_home, assets=("raw_cards", "cards"), fork=forkserver)
    rc = finish(nxt, tmp / "next.log")
    assert rc == 0, (tmp / "next.log").read_text()[-3000:]
    with warehouse.connect(read_only=True) as con:
        ids = {r[0] for r in con.execute("SELECT card_id FROM cards WHERE period = '2017'").fetchall()}
    assert len(ids) == 36 and "2017-NEW-01" in ids and "2017-ATY-01" not in ids
    with dg.DagsterInstance.get() as instance:
        assert sorted(r.status.value for r in instance.get_runs()) == ["FAILURE", "FAILURE", "SUCCESS"]


def test_two_writers_at_once_wait_for_each_other(project, fifo, forkserver):
    """Two processes (no shared Dagster instance, so only DuckDB's file lock stands between them)
    write different periods at the same moment: the second is refused the lock while the first is
    inside its transaction, waits (warehouse.connect retries), and both complete."""
    tmp = project
    shutil.copytree(EXAMPLE_2017, project / "inbox" / "cards" / "2017")
    write(project / "inbox" / "cards" / "2016" / "a.yaml", card("2016-A", "2016-03-01"))
    a = start("2017", log=tmp / "a.log", pause="raw_files", tmp=tmp, assets=("raw_cards", "cards"), fork=forkserver)
    wait_for((tmp / "ready-raw_files-2017").exists, "A inside its transaction", [a])

    mark = tmp / "b-was-refused"
    b = start("2016", log=tmp / "b.log", locked_mark=mark, assets=("raw_cards", "cards"), fork=forkserver)
    wait_for(mark.exists, "B to be refused the warehouse", [a, b])
    assert "lock" in mark.read_text().lower()
    # a third party meanwhile gets the clear message instead of waiting long
    with pytest.raises(warehouse.WarehouseBusy, match="being written by another process"):
        with warehouse.connect(wait_s=0.2):
            pass

    release(tmp)
    assert finish(a, tmp / "a.log") == 0, (tmp / "a.log").read_text()[-3000:]
    assert finish(b, tmp / "b.log") == 0, (tmp / "b.log").read_text()[-3000:]
    with warehouse.connect(read_only=True) as con:
        assert con.execute("SELECT period, count(*) FROM cards GROUP BY ALL ORDER BY 1").fetchall() == [("2016", 1), ("2017", 36)]
        raw = dict(con.execute("SELECT period, count(*) FROM raw_records GROUP BY ALL").fetchall())
        persons = dict(con.execute("SELECT period, count(*) FROM persons GROUP BY ALL").fetchall())
        assert raw == {"2016": 1, "2017": 36 + 1 + persons["2017"]}  # 36 assemblies, 1 refused application


def test_two_runs_of_one_instance_share_the_write_pool(project, dagster_home, fifo, forkserver):
    """Two runs on the same Dagster instance (as `monitor` commands, the sensor and the schedule
    are): the second's write step waits for the duckdb_write pool slot - Dagster says so in its
    log - and runs when the first's step is done; the warehouse is consistent afterwards."""
    tmp = project
    shutil.copytree(EXAMPLE_2017, project / "inbox" / "cards" / "2017")
    a = start("2017", log=tmp / "a.log", home=dagster_home, pause="raw_files", tmp=tmp, assets=("raw_cards",), fork=forkserver)
    wait_for((tmp / "ready-raw_files-2017").exists, "A inside its transaction", [a])
    b = start("2017", log=tmp / "b.log", home=dagster_home, assets=("raw_cards",), fork=forkserver)
    wait_for(lambda: "blocked by limit for pool duckdb_write" in (tmp / "b.log").read_text(), "B to wait for the pool", [a, b])
    release(tmp)
    assert finish(a, tmp / "a.log") == 0, (tmp / "a.log").read_text()[-3000:]
    assert finish(b, tmp / "b.log") == 0, (tmp / "b.log").read_text()[-3000:]
    assert "blocked by limit for pool" not in (tmp / "a.log").read_text()
    with warehouse.connect(read_only=True) as con:
        assert con.execute("SELECT count(DISTINCT source_file), count(*) FROM raw_files").fetchone() == (37, 37)
        assert con.execute("SELECT count(DISTINCT record_id), count(*) FROM raw_records").fetchone() == (50, 50)
