"""An erasure interrupted between its commit and the inbox's renames (a killed process, a power cut): the warehouse
is redacted, but an inbox file still holds the name beside its redacted copy `<file>.redacting`. Read as it is, the
next run would load the old file again and bring the name back. So before the inbox is read (the ingest asset) and
before another erasure, each leftover copy is settled: when the warehouse archived exactly its bytes, the erasure
committed and the copy is put in place; otherwise the erasure was rolled back and the copy is removed (the original
is what the warehouse holds)."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import duckdb

from assets.core import warehouse as wh

SUFFIX = ".redacting"


def finish_interrupted(con: duckdb.DuckDBPyConnection, inbox: Path, under: Path | None = None) -> list[str]:
    """Settle every `<file>.redacting` under `inbox` (or only under its folder `under`: a period's, which is all its
    ingest reads); one line each saying what was done."""
    inbox = Path(inbox)
    root = Path(under) if under is not None else inbox
    done: list[str] = []
    if not root.is_dir():
        return done
    for tmp in sorted(root.rglob("*" + SUFFIX)):
        if not tmp.is_file() or tmp.is_symlink():
            continue
        src = tmp.with_name(tmp.name[: -len(SUFFIX)])
        rel = src.relative_to(inbox).as_posix()
        sha = hashlib.sha256(tmp.read_bytes()).hexdigest()
        committed = con.execute(wh.read_sql("erasure/archived_copy_count"), {"source_file": rel, "sha256": sha}).fetchone()[0]
        if committed:
            os.replace(tmp, src)
            done.append(f"{rel}: an interrupted erasure's redacted copy put in place (the warehouse holds it)")
        else:
            tmp.unlink()
            done.append(f"{rel}: an interrupted erasure's copy removed (that erasure was rolled back; the file is as the "
                        "warehouse holds it)")
    return done
