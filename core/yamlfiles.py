"""Every configuration file (config/*.yaml, schemas/card.yaml) is read here, once: `load(path)` parses
the file and keeps the result until the file changes (its modification time or size), so the modules
that need one file (the gazetteer, the periods, the labels, the card) share one parse of it and a
long-running process (the Dagster daemon) sees an edit without a restart.

The result is shared: callers must not modify it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser where PyYAML has it (10x faster)


def load(path: Path | str) -> Any:
    """The parsed YAML of `path` (a safe load), parsed again only when the file changed."""
    p = Path(path)
    st = p.stat()
    return _parse(str(p.resolve()), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=32)
def _parse(path: str, mtime_ns: int, size: int) -> Any:
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)


def clear() -> None:
    """Forget every parse (tests that rewrite a file within the clock's resolution)."""
    _parse.cache_clear()
