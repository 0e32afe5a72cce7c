"""A data engineer's bad day (a probe of the operations, 2026-12-03): a wrong MONITOR_WAREHOUSE, a file that is no
warehouse, a report against a warehouse that never held the period, Ctrl-C in the middle of `monitor run`,
`dg launch --partition 1999`, a copy that fails half-way. Each case was a traceback, a silent success that did
nothing (or destroyed something), a vague message, or a half-written output before."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import click
import dagster as dg
import duckdb
import pytest

from pipelines import cli
from pipelines.commands import runs
from tests.conftest import use_root

MAINTENANCE = [
    ["gc"],
    ["pseudonym-key", "--rekey"],
    ["pseudonym-key", "--rotate"],
    ["erase-person", "--pseudonym", "P-0000"],
    ["warehouse-encrypt", "DEST"],
    ["report", "--period", "2017"],
]


@pytest.mark.parametrize("argv", MAINTENANCE, ids=lambda a: " ".join(a))
def test_a_command_that_needs_the_warehouse_never_creates_one(tmp_path, monkeypatch, capsys, dagster_home, argv):
    """A typo in MONITOR_WAREHOUSE: gc, pseudonym-key --rekey/--rotate created an empty warehouse (and its folder)
    there and said they were done (exit 0; --rotate also changed the key the real warehouse's pseudonyms are made
    with), erase-person answered "no such person" after creating it, a later `monitor report` on that empty file
    withdrew the published report. Now each refuses in one line naming the path, exit 2, nothing made or changed."""
    use_root(monkeypatch, tmp_path)
    wrong = tmp_path / "typo" / "warehouse.duckdb"
    monkeypatch.setenv("MONITOR_WAREHOUSE", str(wrong))
    monkeypatch.setenv("MONITOR_WAREHOUSE_KEY", "k" * 32)
    key = tmp_path / "pseudonym.key"
    key.write_text("ab" * 32 + "\n")
    monkeypatch.setenv("MONITOR_PSEUDONYM_KEY_FILE", str(key))
    argv = [str(tmp_path / "enc.duckdb") if a == "DEST" else a for a in argv]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert f"no warehouse at {wrong}" in err and "MONITOR_WAREHOUSE" in err and "Traceback" not in err
    assert not wrong.parent.exists()  # no warehouse, not even its folder
    assert key.read_text() == "ab" * 32 + "\n" and sorted(p.name for p in tmp_path.iterdir() if "key" in p.name) == ["pseudonym.key"]
    assert not (tmp_path / "enc.duckdb").exists()


def _real_warehouse(path):
    from assets.core import warehouse

    with warehouse.connect(path):
        pass
    return path


@pytest.mark.parametrize("what, make, said", [
    ("text", lambda p: p.write_text("hello\n"), "is not a DuckDB database"),
    ("empty", lambda p: p.write_bytes(b""), "is an empty file"),
    ("truncated", lambda p: p.write_bytes(_real_warehouse(p.with_name("real.duckdb")).read_bytes()[:100_000]),
     "is a DuckDB file cut short (100,000 bytes"),
    ("folder", lambda p: p.mkdir(), "is a folder"),
])
@pytest.mark.parametrize("argv", [["quarantine"], ["gc"]])
def test_a_file_that_is_no_warehouse_is_named_with_what_it_is(tmp_path, monkeypatch, capsys, what, make, said, argv):
    """Before: `monitor: IOException: IO Error: ... not a valid DuckDB database file!`, exit 1 and "fix the cause" -
    or for a truncated copy "Could not read enough bytes ... from location 1585152". Now the path, what it is, what
    to do; exit 2 (what the user gave)."""
    use_root(monkeypatch, tmp_path)
    bad = tmp_path / "warehouse.duckdb"
    make(bad)
    before = bad.read_bytes() if bad.is_file() else None
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert f"the warehouse {bad} (MONITOR_WAREHOUSE) {said}" in err and "IOException" not in err
    assert (bad.read_bytes() if bad.is_file() else None) == before  # untouched


def test_report_leaves_the_outputs_of_a_period_the_warehouse_never_held(tmp_path, monkeypatch, capsys, dagster_home):
    """A fresh warehouse (a wrong MONITOR_WAREHOUSE, a restored empty file) holds no card of 2017: `monitor report
    --period 2017` withdrew build/report/2017 and build/exports/2017 - rendered from the real warehouse - and said
    "rendered report 2017". Now the report fails naming the warehouse and the folders, which stay."""
    root = use_root(monkeypatch, tmp_path)
    _real_warehouse(root / "warehouse.duckdb")
    build = root / "build"
    for f in ("report/2017/report-2017-en.html", "exports/2017/figures.csv"):
        (build / f).parent.mkdir(parents=True, exist_ok=True)
        (build / f).write_text("rendered from the real warehouse")
    assert cli.main(["report", "--period", "2017"]) == 1
    out = capsys.readouterr().out
    assert "never held a card of 2017" in out and str(build / "report" / "2017") in out and "rendered report" not in out
    assert (build / "report/2017/report-2017-en.html").exists() and (build / "exports/2017/figures.csv").exists()
    from assets.core import warehouse
    from assets.report.withdraw import NeverHeld, withdraw_when_nothing_held

    with warehouse.connect(read_only=True) as con, pytest.raises(NeverHeld):  # the job's report and exports assets
        withdraw_when_nothing_held(con, "2017")
    assert (build / "exports/2017/figures.csv").exists()


def _interrupting_defs(ran: list):
    """Stand-in definitions: the published step receives Ctrl-C (SIGINT to this process, as from the terminal),
    the period steps record that they ran."""
    from assets.partitions import periods_partitions

    @dg.asset(name="published_figures")
    def published_figures():
        os.kill(os.getpid(), signal.SIGINT)
        return None

    @dg.asset(name="audit")
    def audit():
        ran.append("audit")

    def period_asset(name):
        @dg.asset(name=name, partitions_def=periods_partitions)
        def _a(context):
            ran.append(f"{name} {context.partition_key}")
        return _a

    return dg.Definitions(assets=[published_figures, audit,
                                  *(period_asset(n) for n in ("raw_cards", "cards", "figures", "reconciliation"))],
                          asset_checks=[])


def test_ctrl_c_stops_the_whole_command_and_says_so(tmp_path, monkeypatch, capsys, dagster_home):
    """Ctrl-C during `monitor run`: Dagster caught it as a failed step ("DagsterExecutionInterruptedError") and the
    command went on with the next periods (measured: interrupted in 2010, it then ran 2011-2012 ... 2017). Now it
    stops there, says what was left and how to finish, exit 130."""
    import pipelines.definitions

    use_root(monkeypatch, tmp_path)
    ran: list = []
    monkeypatch.setattr(pipelines.definitions, "defs", _interrupting_defs(ran))
    monkeypatch.setattr(runs, "_say_inbox_level", lambda: None)
    code = cli.main(["run", "--period", "2016", "--period", "2017"])
    captured = capsys.readouterr()
    assert code == 130 and [r for r in ran if r != "audit"] == []  # no period step ran after the interruption
    assert "interrupted (Ctrl-C)" in captured.err and "give the same command again" in captured.err
    assert "Traceback" not in captured.err + captured.out


@pytest.mark.parametrize("typed", [True, False])
def test_an_unknown_partition_names_the_period_and_the_known_ones(typed):
    """`dg launch --job period_job --partition 1999` ended in Dagster's traceback (DagsterUnknownPartitionError:
    "Could not find a partition with key `1999`."). Under a Dagster command line that launches runs it is now a
    usage error (click: "Error: ...", exit 2); elsewhere (webserver, daemon) still Dagster's own error type, with
    the same words."""
    from assets.partitions import periods_partitions

    def validate():
        periods_partitions.validate_partition_key("1999", None)

    if typed:
        root = click.Context(click.Group("dg"), info_name="dg")
        with root, click.Context(click.Command("launch"), parent=root, info_name="launch"):
            with pytest.raises(click.UsageError) as exc:
                validate()
        assert exc.value.exit_code == 2
    else:
        with pytest.raises(dg.DagsterUnknownPartitionError) as exc:
            validate()
    said = str(exc.value)
    assert "unknown monitoring period '1999'" in said and "known: 2010" in said and "2017" in said
    periods_partitions.validate_partition_key("2017", None)  # a known one passes


@pytest.mark.slow
def test_dg_launch_with_an_unknown_partition_says_it_in_one_line(tmp_path):
    """The real command line (~5 s: it loads the code location)."""
    from core import settings

    repo = settings.repo_root()
    env = {**os.environ, "PYTHONPATH": str(repo), "MONITOR_WAREHOUSE": str(tmp_path / "w.duckdb")}
    dg_cmd = os.path.join(os.path.dirname(sys.executable), "dg")
    p = subprocess.run([dg_cmd, "launch", "--job", "period_job", "--partition", "1999"], cwd=repo, env=env,
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 2, p.stderr[-2000:]
    assert "Traceback" not in p.stderr and "Error: unknown monitoring period '1999'; known: 2010" in p.stderr


def test_a_copy_that_fails_half_way_leaves_no_encrypted_file(tmp_path, monkeypatch):
    """warehouse-encrypt failing after it created the destination (a damaged source, a full disk) left a
    half-written encrypted file that looks like the copy to take."""
    from assets.core import encryption

    src = _real_warehouse(tmp_path / "plain.duckdb")
    dst = tmp_path / "enc.duckdb"

    def broken(con):
        raise duckdb.IOException("IO Error: No space left on device")

    monkeypatch.setattr(encryption, "_copy_schema", broken)
    with pytest.raises(duckdb.IOException):
        encryption.encrypt_copy(src, dst, "k" * 32)
    assert not dst.exists() and not dst.with_name("enc.duckdb.wal").exists()


def test_an_inbox_that_is_a_file_is_refused_before_anything_runs(tmp_path, monkeypatch, capsys, dagster_home):
    """MONITOR_INBOX pointing at a file: `monitor run --period 2017` read it as an empty inbox, removed every card
    of 2017 from the warehouse, withdrew its report and said ok (exit 0). Now: one line, exit 2, nothing run."""
    use_root(monkeypatch, tmp_path)
    inbox = tmp_path / "inbox.txt"
    inbox.write_text("not a folder\n")
    monkeypatch.setenv("MONITOR_INBOX", str(inbox))
    for argv in (["run", "--period", "2017"], ["backfill", "--from", "2016", "--to", "2017"]):
        assert cli.main(argv) == 2
        err = capsys.readouterr().err
        assert f"the inbox {inbox} (MONITOR_INBOX) is a file, not a folder" in err and "Traceback" not in err
    assert not (tmp_path / "warehouse.duckdb").exists()  # nothing ran


def test_an_inbox_gone_does_not_remove_the_cards_the_warehouse_holds(example_inbox, monkeypatch):
    """An inbox that is not there (a typo in MONITOR_INBOX, a disk not mounted) read as empty: every card of the
    period removed from the warehouse. Now raw_cards refuses, naming the inbox, the period and the files held; an
    empty cards/<period>/ folder still removes them (the deliberate way)."""
    from assets.core import warehouse
    from tests.conftest import run_period

    assert run_period("2017", selection=("raw_cards",), checks=False).success
    with warehouse.connect(read_only=True) as con:
        held = con.execute("SELECT count(*) FROM cards WHERE period = '2017'").fetchone()[0]
    assert held > 0
    gone = example_inbox / "elsewhere"
    monkeypatch.setenv("MONITOR_INBOX", str(gone))
    result = run_period("2017", selection=("raw_cards",), raise_on_error=False, checks=False)
    assert not result.success
    said = " ".join(str(e.step_failure_data.error.message) for e in result.all_events if e.is_step_failure)
    assert f"the inbox {gone} (MONITOR_INBOX) does not exist" in said and "card files of 2017" in said
    with warehouse.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM cards WHERE period = '2017'").fetchone()[0] == held
    (gone / "cards" / "2017").mkdir(parents=True)  # the deliberate removal
    assert run_period("2017", selection=("raw_cards",), checks=False).success
    with warehouse.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM cards WHERE period = '2017'").fetchone()[0] == 0


def test_dagster_home_that_is_a_file_is_named_as_such(tmp_path, monkeypatch, capsys):
    """Before: "monitor: /path: it exists already: choose a new file name" (mkdir's FileExistsError)."""
    home = tmp_path / "dagster_home"
    home.write_text("")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    assert cli.main(["ops", "reap"]) == 2
    err = capsys.readouterr().err
    assert f"DAGSTER_HOME {home} is a file, not a folder" in err and "choose a new file name" not in err


def test_a_locked_warehouse_outside_a_run_says_give_the_same_command_again():
    """`monitor gc` on a warehouse another process writes: "... then run again (monitor run)" - another command."""
    from assets.core.lockinfo import Holder
    from assets.core.warehouse import WarehouseBusy
    from assets.failures import explain

    busy = WarehouseBusy("the warehouse w.duckdb is being written by another process", Holder(4711, "writer", "x"))
    assert "give the same command again" in explain(busy, retried=False).action
    assert "monitor run --period 2017" in explain(busy, period="2017").action


def test_a_range_names_the_end_that_is_no_period(capsys):
    """`monitor backfill --from 1999 --to 2017` said "unknown period in range 1999..2017" without which end."""
    assert cli.main(["backfill", "--from", "1999", "--to", "2017"]) == 2
    err = capsys.readouterr().err
    assert "unknown period in range 1999..2017 (--from '1999'); known: 2010" in err
    assert cli.main(["backfill", "--from", "x", "--to", "y"]) == 2
    assert "(--from 'x' and --to 'y')" in capsys.readouterr().err


@pytest.mark.parametrize("content", ["nothex\n", b"\xff\xfe" + bytes(range(62)), "folder"])
def test_a_damaged_pseudonym_key_is_said_once_before_anything_runs(tmp_path, monkeypatch, capsys, dagster_home, content):
    """A key file that is no key: `monitor run` ran the published step, then failed every period's raw_cards with
    the same words (7 times for the declared periods); binary garbage said "'ascii' codec can't decode byte 0xff"
    without the file, a folder "PATH: it is a folder: give a file name" without saying it is the key."""
    use_root(monkeypatch, tmp_path)
    key = tmp_path / "pseudonym.key"
    if content == "folder":
        key.mkdir()
    elif isinstance(content, bytes):
        key.write_bytes(content)
    else:
        key.write_text(content)
    monkeypatch.setenv("MONITOR_PSEUDONYM_KEY_FILE", str(key))
    assert cli.main(["run"]) == 2
    captured = capsys.readouterr()
    assert f"the pseudonym key {key}" in captured.err and captured.out == ""  # nothing ran
    assert not (tmp_path / "warehouse.duckdb").exists()
