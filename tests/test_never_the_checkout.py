"""Tests never write into the checkout: with no MONITOR_BUILD / _INBOX of a test's own, the defaults of a test
process lie in the tests' scratch (tests/conftest.py, `_never_the_checkout`). Before, two tests calling the figures
check directly wrote build/gx and build/gx_cache into a fresh clone (`make test` sets MONITOR_HOME to the checkout)."""
from __future__ import annotations

from pathlib import Path

from core import settings


def _inside(path, folder) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def test_the_default_build_inbox_and_warehouse_of_a_test_lie_outside_the_checkout():
    home = settings.project_root()
    for path in (settings.build_dir(), settings.inbox_dir(), settings.warehouse_path()):
        assert not _inside(path, settings.repo_root()) and not _inside(path, home), path


def test_the_figures_checks_gx_project_and_cache_lie_outside_the_checkout():
    """What wrote into the checkout: the check's GX project and its record of passed figures, in the default build."""
    from assets.quality import gx_cache, gx_context

    for path in (Path(gx_context.project().ctx.root_directory), gx_cache._record_file("2017")):
        assert not _inside(path, settings.repo_root()), path
