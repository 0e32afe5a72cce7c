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
