"""The command line refuses what it cannot mean before it does anything (a red-team probe's findings, 2026-12-02):
an unknown period given to `run` (it ran the published step first) or to `quarantine` (it answered "0 quarantine
rows"), a negative grace to `gc`; and its help names every command, the media ones included."""
from __future__ import annotations

import pytest

from pipelines import cli


@pytest.mark.parametrize("argv", [["run", "--period", "2099"], ["run", "--period", "2017", "--period", "nope"],
                                  ["quarantine", "--period", "nope"]])
def test_an_unknown_period_is_refused_before_anything_runs(project, capsys, argv):
    assert cli.main(argv) != 0
    err = capsys.readouterr().err
    assert "unknown monitoring period" in err and "known: " in err and "2017" in err
    assert not (project / "warehouse.duckdb").exists() and not (project / "build").exists()  # nothing ran


@pytest.mark.parametrize("grace", ["-5", "nan", "soon"])
def test_gc_refuses_a_grace_that_is_no_duration(project, capsys, grace):
    with pytest.raises(SystemExit) as exc:
        cli.main(["gc", "--grace", grace])
    assert exc.value.code == 2
    assert "argument --grace" in capsys.readouterr().err


def test_help_lists_the_media_commands_and_their_usage_is_named_as_typed(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert "monitor media fetch | articles | review export|import" in out
    listed = [line.split()[0] for line in out.splitlines() if line.startswith("    ") and not line.startswith("     ")]
    assert {"run", "report", "extract", "media", "gc"} <= set(listed)
    assert cli.main(["media", "review", "--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: monitor media review ")
    assert cli.main(["extract", "--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: monitor extract ")


@pytest.mark.parametrize("text, named", [
    ("periods:\n  - id: 2017\n    start: 2017-13-01\n    end: 2017-12-31\n    months: 12\n",
     "periods entry 1 (id 2017), field start: '2017-13-01' is not a day"),
    ("periods: [\n", "not valid YAML at line 2"),
    ("periods:\n  - id: 2017\n    start: 2017-01-01\n    end: 2017-12-31\n    months: twelve\n",
     "periods entry 1 (id 2017), field months: 'twelve' is not a number"),
    ("periods:\n  - id: 2017\n    start: 2017-01-01\n    months: 12\n", "periods entry 1 (id 2017), field end: missing"),
])
def test_a_bad_periods_file_names_the_file_the_entry_and_the_field(project, capsys, monkeypatch, text, named):
    bad = project / "bad-periods.yaml"
    bad.write_text(text)
    monkeypatch.setenv("MONITOR_PERIODS", str(bad))
    assert cli.main(["run", "--period", "2017"]) == 2
    err = capsys.readouterr().err
    assert f"monitor: {bad}: " in err and named in err and "Traceback" not in err and "run again" not in err


def test_template_refuses_a_folder_and_a_name_that_is_no_xlsx(project, capsys):
    assert cli.main(["template", str(project)]) == 2
    assert f"{project} is a folder: give a file name (e.g. {project / 'card-template.xlsx'})" in capsys.readouterr().err
    assert cli.main(["template", str(project / "t.csv")]) == 2
    assert "give a file name ending in .xlsx" in capsys.readouterr().err and not (project / "t.csv").exists()
    assert cli.main(["form", str(project)]) == 2
    assert cli.main(["template", str(project / "t.xlsx")]) == 0 and (project / "t.xlsx").exists()


def test_what_the_user_gave_is_exit_2_and_only_a_passing_problem_is_called_one(project, capsys, monkeypatch):
    """The one classification of a command's errors (cli.classify): an existing file, a folder for a file, a
    missing file are the user's to change (2, no retry advice); only an I/O error is a passing problem."""
    import errno

    dest = project / "exists.duckdb"
    dest.write_bytes(b"")
    monkeypatch.setenv("MONITOR_WAREHOUSE_KEY", "k" * 32)
    assert cli.main(["warehouse-encrypt", str(dest)]) == 2
    err = capsys.readouterr().err
    assert f"{dest} exists: choose a new file" in err and "passing" not in err and "run again" not in err
    assert cli.classify(IsADirectoryError(errno.EISDIR, "Is a directory", "/x"))[0] == 2
    assert cli.classify(IsADirectoryError(errno.EISDIR, "Is a directory", "/x"))[1] == ["monitor: /x: it is a folder: give a file name"]
    code, lines = cli.classify(OSError(errno.EIO, "Input/output error"))
    assert code == 1 and "a passing problem (disk, network)" in lines[1] and "it is retried" not in lines[1]


def test_a_closed_pipe_ends_the_command_quietly(project):
    """`monitor quarantine | head -1`: the reader goes away; the command stops without a word (before:
    BrokenPipeError, exit 1, and the advice to run again)."""
    import subprocess
    import sys

    code = ("import sys; from pipelines import cli\n"
            "cli.cmd_quarantine = lambda args: print('row\\n' * 200000) or 0\n"
            "sys.exit(cli.main(['quarantine']))\n")
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.close()  # the reader is gone before (or while) the command writes
    err = p.stderr.read().decode()
    assert p.wait(timeout=60) == 0 and err == ""


def test_gc_names_a_grace_that_is_no_number_in_words(project, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["gc", "--grace", "abc"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "'abc' is not a number of seconds, 0 or more" in err and "_seconds" not in err


def test_changes_since_a_future_date_says_it_is_in_the_future_not_about_as_of():
    import datetime as dt

    from assets.report import changes

    with pytest.raises(ValueError) as exc:
        changes.check_moments(None, "2030-01-01", dt.datetime(2026, 12, 2, 8, 23, tzinfo=dt.timezone.utc))
    assert "--changes-since 2030-01-01 is in the future" in str(exc.value) and "--as-of" not in str(exc.value)
