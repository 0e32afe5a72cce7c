"""tests/rewrite_shared.py leans on pytest's private API: when pytest changes, it must switch itself off, say so, and
leave pytest's own assertion rewriting working (docs/testing.md, "pytest's private API")."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import rewrite_shared

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")

ROOT = Path(__file__).parents[1]

# a small suite in a temporary folder: its conftest installs the sharing as tests/conftest.py does, optionally after
# making pytest look changed (a private name gone from what rewrite_shared requires)
CONFTEST = '''
from tests import rewrite_shared
if {simulate_change!r}:
    rewrite_shared.REQUIRED = {{**rewrite_shared.REQUIRED, "_gone_in_a_newer_pytest": ()}}
rewrite_shared.controller_folder()
rewrite_shared.install_in_worker()
'''
TESTS = '''
import os

def test_rewritten_assert_explains_itself():
    got = [1, 2]
    assert got == [1, 3]

def test_sharing_state():
    print("SHARING", "MONITOR_TEST_REWRITTEN" in os.environ)
    assert False
'''


def _run_small_suite(tmp_path: Path, simulate_change: bool) -> str:
    (tmp_path / "conftest.py").write_text(CONFTEST.format(simulate_change=simulate_change), encoding="utf-8")
    (tmp_path / "test_small.py").write_text(TESTS, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in (rewrite_shared.ENV, "PYTEST_XDIST_WORKER",
                                                              "PYTEST_XDIST_TESTRUNUID", "PYTEST_ADDOPTS")}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "1", "-p", "no:cacheprovider",
                           "--rootdir", str(tmp_path), str(tmp_path)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    return proc.stdout + proc.stderr


@pytest.mark.parametrize("simulate_change", [False, True], ids=["pytest as pinned", "a private name gone"])
def test_the_suite_runs_with_pytest_rewriting_whether_or_not_the_private_api_fits(tmp_path, simulate_change):
    out = _run_small_suite(tmp_path, simulate_change)
    assert "2 failed" in out, out  # both tests ran, in an xdist worker
    # pytest's rewriting worked in both: the failing assert explains its operands (plain asserts would not)
    assert "assert [1, 2] == [1, 3]" in out, out
    if simulate_change:
        # loud: the controller says why the sharing is off; safe: the workers saw no shared folder
        assert "rewrite_shared: off, _pytest.assertion.rewrite._gone_in_a_newer_pytest is gone" in out, out
        assert "SHARING True" not in out and "SHARING False" in out, out
    else:
        assert "rewrite_shared: off" not in out, out
        assert "SHARING True" in out and "SHARING False" not in out, out


def test_a_renamed_parameter_switches_it_off(monkeypatch):
    import _pytest.assertion.rewrite as rw

    assert rewrite_shared.unusable() is None  # the pinned pytest fits
    monkeypatch.setattr(rw, "_rewrite_test", lambda path, config: None)
    assert "_rewrite_test('path', 'config') no longer takes ('fn', 'config')" in rewrite_shared.unusable()
    monkeypatch.setenv(rewrite_shared.ENV, "/nonexistent")
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw9")
    assert rewrite_shared.install_in_worker() is False
    assert rewrite_shared.prewarm_backwards(None, [Path(__file__)]) == 0


def test_a_failed_rewrite_share_returns_pytests_own_result(monkeypatch, tmp_path):
    """At run time: pytest's `_rewrite_test` returning something other than (hash, code) is passed on untouched."""
    import _pytest.assertion.rewrite as rw

    odd = object()

    def _rewrite_test(fn, config):
        return odd

    monkeypatch.setattr(rw, "_rewrite_test", _rewrite_test)
    monkeypatch.setenv(rewrite_shared.ENV, str(tmp_path))
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw9")
    # pytest's own _read_pyc (this worker's may be wrapped already), restored after the test as _rewrite_test is
    monkeypatch.setattr(rw, "_read_pyc", rewrite_shared._ORIGINAL.get("read_pyc", rw._read_pyc))
    monkeypatch.setattr(rewrite_shared, "_ORIGINAL", {})
    assert rewrite_shared.install_in_worker() is True
    assert rw._rewrite_test(Path(__file__), None) is odd
    assert list(tmp_path.iterdir()) == []
