"""The inbox is a jail: a file is opened without following links, only if it is a regular file
inside the inbox, and only up to the size limit. Used by the inbox scan (inbox.py) and by the ODK
reader when it reads a neighbouring file of an export (odk.py)."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from assets.ingest.csvfile import FileProblem
from assets.core.limits import mb


def _inside(root: Path, target: str) -> bool:
    try:
        return os.path.commonpath([str(root), os.path.realpath(target)]) == str(root)
    except ValueError:
        return False


def read_inside(root: Path, path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file inside `root`, opened without following links; a file over
    `max_bytes` is refused before it is read."""
    if not _inside(root, str(path)):
        raise FileProblem("the file resolves outside the inbox and is not read")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise FileProblem(f"the file cannot be opened ({exc.strerror}); links are not followed") from exc
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise FileProblem("not a regular file")
        if st.st_size > max_bytes:
            raise FileProblem(too_large(st.st_size, max_bytes))
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FileProblem(too_large(len(data), max_bytes))
    return data


def too_large(size: int, max_bytes: int) -> str:
    return (f"the file is {mb(size)}, over the limit of {mb(max_bytes)} per file (config/limits.yaml "
            "file.max_bytes); it is not read: split it into smaller files")
