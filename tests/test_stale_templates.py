"""GX template folders left in the temp folder by processes that ended without atexit (forked children) are
removed at the next test session's start; a running process's template is kept (core/stale_templates.py)."""
from __future__ import annotations

import multiprocessing
import os

from core.stale_templates import remove_stale_templates, template_prefix


def _dead_pid() -> int:
    p = multiprocessing.get_context("fork").Process(target=os._exit, args=(0,))
    p.start()
    p.join()
    return p.pid  # reaped: no process has this id now (barring reuse within the test)


def test_an_ended_process_template_goes_a_running_one_stays(tmp_path):
    dead = tmp_path / (template_prefix(_dead_pid()) + "abc")
    alive = tmp_path / (template_prefix() + "def")
    old_style = tmp_path / "gx-template-_x1y2z_"  # before the pid was in the name
    other = tmp_path / "not-a-template-1"
    for d in (dead, alive, old_style, other):
        (d / "gx").mkdir(parents=True)
    gone = remove_stale_templates(tmp_path)
    assert sorted(gone) == sorted([dead, old_style])
    assert alive.exists() and other.exists()
    assert not dead.exists() and not old_style.exists()


def test_the_gx_template_is_named_with_its_process(tmp_path, monkeypatch):
    import tempfile

    from assets.quality import gx_context

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(gx_context, "_TEMPLATE", {})
    t = gx_context._template()
    assert t is not None
    made = [p.name for p in tmp_path.iterdir()]
    assert len(made) == 1 and made[0].startswith(template_prefix())
    assert remove_stale_templates(tmp_path) == []  # this process is alive: kept


def test_a_killed_sessions_leftovers_go_a_running_sessions_stay(tmp_path):
    """tests/leftovers.py: pytest's base folder of a session whose process ended (its `.lock` left behind: pytest
    waits three days), and the shared rewritten test files of an ended controller, are removed; a running
    session's, a cleanly ended session's (no lock) and anything else stay."""
    from tests import rewrite_shared
    from tests.leftovers import remove_leftovers

    dead, me = _dead_pid(), os.getpid()
    base = tmp_path / "pytest-of-someone"
    killed, running, clean = base / "pytest-7", base / "pytest-8", base / "pytest-9"
    for d, pid in ((killed, dead), (running, me), (clean, None)):
        (d / "test_x0").mkdir(parents=True)
        if pid is not None:
            (d / ".lock").write_text(str(pid))
    (base / "pytest-current").symlink_to(clean)
    rw_dead = tmp_path / f"{rewrite_shared.PREFIX}{dead}-ab12"
    rw_mine = tmp_path / f"{rewrite_shared.PREFIX}{me}-cd34"
    rw_old = tmp_path / f"{rewrite_shared.PREFIX}k3j2h1"  # before the pid was in the name
    gx_dead = tmp_path / (template_prefix(dead) + "x")
    pg_dead, pg_mine = tmp_path / f"monitor-pg-{dead}-zz", tmp_path / f"monitor-pg-{me}-yy"
    other = tmp_path / "tmpq1w2e3r4"
    for d in (rw_dead, rw_mine, rw_old, gx_dead, pg_dead, pg_mine, other):
        d.mkdir()
    gone = remove_leftovers(tmp_path)
    assert sorted(gone) == sorted([killed, rw_dead, rw_old, gx_dead, pg_dead])
    assert all(not d.exists() for d in gone)
    assert running.exists() and clean.exists() and rw_mine.exists() and pg_mine.exists() and other.exists()
    assert (base / "pytest-current").is_symlink()


def test_the_shared_rewrite_folder_is_named_with_its_controller(tmp_path, monkeypatch):
    import tempfile

    from tests import rewrite_shared

    if rewrite_shared.unusable():
        import pytest
        pytest.skip("rewrite_shared is off with this pytest")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    monkeypatch.delenv(rewrite_shared.ENV, raising=False)
    rewrite_shared.controller_folder()
    made = [p.name for p in tmp_path.iterdir()]
    assert len(made) == 1 and made[0].startswith(f"rewritten-tests-{os.getpid()}-")
