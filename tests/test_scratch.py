"""The tests' scratch folders (tests/conftest.py, `_scratch_in_memory`): in RAM on a tmpfs with room, else where
tempfile would put them; never in the checkout."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from core import settings


def test_scratch_is_tempfiles_folder_and_not_the_checkout(tmp_path):
    tmp = Path(tempfile.gettempdir()).resolve()
    assert tmp_path.resolve().is_relative_to(tmp)
    assert not tmp_path.resolve().is_relative_to(settings.repo_root().resolve())


def test_scratch_is_in_ram_where_shm_has_room(tmp_path):
    chosen = os.environ.get("MONITOR_TEST_TMPDIR", "")
    try:
        st = os.statvfs("/dev/shm")
        room = st.f_bavail * st.f_frsize >= 4 * 2**30 and os.access("/dev/shm", os.W_OK | os.X_OK)
    except OSError:
        room = False
    if chosen == "system" or (not chosen and not room):
        assert not tmp_path.resolve().is_relative_to(Path(f"/dev/shm/assembly-monitor-tests-{os.getuid()}"))
    elif chosen:
        assert tmp_path.resolve().is_relative_to(Path(chosen).resolve())
    else:
        assert tmp_path.resolve().is_relative_to(Path(f"/dev/shm/assembly-monitor-tests-{os.getuid()}"))
