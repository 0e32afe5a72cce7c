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
