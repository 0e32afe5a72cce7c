"""Atomic output folders: a set of files (a report's formats, a period's exports) is replaced as a
whole or not at all.

    with atomic_dir(build / "exports" / "2017") as tmp:
        write every file into tmp
    # now build/exports/2017 is exactly what was written into tmp

The files are written into a temporary folder beside the target (same filesystem), which is then
swapped with the target in one rename: Linux's renameat2(RENAME_EXCHANGE) where available, else two
renames with the previous set parked beside it and put back by the next use if a kill fell between
them. An exception inside the block, or a kill at any moment, leaves the previous complete set in
place; the temporary folders a killed process left behind are removed by the next use.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from core.processes import pid_alive

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
TMP_TAG = ".tmp-"
OLD_TAG = ".old-"


def _libc():
    try:
        lib = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = lib.renameat2
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn


_renameat2 = _libc()


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths atomically; False where the system cannot (then nothing happened)."""
    if _renameat2 is None:
        return False
    rc = _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (38, 22, 95):  # ENOSYS, EINVAL, EOPNOTSUPP: kernel or filesystem without it
        return False
    raise OSError(err, os.strerror(err), str(a))


def recover(target: Path) -> None:
    """Put back a previous set parked by a process killed mid-swap; remove dead processes' leftovers."""
    parent = target.parent
    if not parent.is_dir():
        return
    prefix_tmp, prefix_old = f".{target.name}{TMP_TAG}", f".{target.name}{OLD_TAG}"
    for p in parent.iterdir():
        for prefix in (prefix_tmp, prefix_old):
            if not p.name.startswith(prefix):
                continue
            pid = p.name[len(prefix):].split("-")[0]
            if pid.isdigit() and int(pid) != os.getpid() and pid_alive(int(pid)):
                continue  # another live process is writing: not ours to touch
            if prefix == prefix_old and not target.exists():
                os.rename(p, target)  # killed between the two renames: the previous set comes back
            else:
                shutil.rmtree(p, ignore_errors=True)


@contextmanager
def atomic_dir(target: Path | str, seed: bool = False) -> Iterator[Path]:
    """Write a folder's new contents into the yielded temporary folder; on success it replaces
    `target` as a whole. On an exception the temporary folder is removed and `target` is untouched.
    With `seed`, the temporary folder starts as a copy of `target` (files not rewritten are kept)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    tag = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
    tmp = target.parent / f".{target.name}{TMP_TAG}{tag}"
    tmp.mkdir()
    try:
        if seed and target.is_dir():
            for f in target.iterdir():  # copies, not links: a rewrite in tmp must never reach the live set
                if f.is_file():
                    shutil.copy2(f, tmp / f.name)
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    for d in [tmp, *[p for p in tmp.rglob("*") if p.is_dir()]]:  # the new set is on disk before it is visible
        _fsync_dir(d)
    if target.exists() and exchange(tmp, target):
        shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the previous set
    elif target.exists():
        old = target.parent / f".{target.name}{OLD_TAG}{tag}"
        os.rename(target, old)
        os.rename(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(tmp, target)
    _fsync_dir(target.parent)


def _fsync_dir(path: Path) -> None:
    """The folder's files, then the folder itself, on disk."""
    for f in (path.iterdir() if path.is_dir() else []):
        if f.is_file():
            _fsync(f)
    _fsync(path)


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass  # a filesystem that cannot fsync this entry: the rename is still atomic
