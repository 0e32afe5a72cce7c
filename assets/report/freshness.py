"""Not doing unchanged work twice when a report is re-rendered from an unchanged warehouse:

- the quality gate (`assert_figures_ok`, Great Expectations: seconds) is skipped when every figure and
  the suite's code are the same as at its last pass (a digest in build/report_cache/);
- a language's render is skipped when its staged sources (text, tables, variables, charts), the
  report project, the renderer's code and its outputs are all the same as last time.
Charts are cached by their figures in charts.py. Digests only: a changed byte means full work."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from assets.core import sqlfiles
from core import settings


def _cache() -> Path:
    return settings.build_dir() / "report_cache"


def _files_digest(h, paths) -> None:
    for p in sorted(paths):
        if p.is_file():
            h.update(str(p).encode())
            h.update(p.read_bytes())


def figures_digest(con) -> str:
    """Every figure of the warehouse (all periods: the gate compares periods) and the gate's code."""
    h = hashlib.sha256()
    for row in con.execute(sqlfiles.sql("report/figures_digest")).fetchall():
        h.update(repr(row).encode())
    quality = Path(__file__).resolve().parents[1] / "quality"
    _files_digest(h, quality.glob("*.py"))
    _files_digest(h, (settings.sql_dir() / "checks").glob("*.sql"))
    return h.hexdigest()


def gate_passed(period: str, digest: str) -> bool:
    f = _cache() / f"quality-{period}.sha256"
    return f.exists() and f.read_text() == digest


def record_gate(period: str, digest: str) -> None:
    f = _cache() / f"quality-{period}.sha256"
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_text(digest)


def render_digest(ctx, src: Path) -> str:
    h = hashlib.sha256()
    h.update(json.dumps([ctx.period, ctx.lang, ctx.variables, sorted(ctx.fragments.items())],
                        sort_keys=True, default=str, ensure_ascii=False).encode())
    for name in sorted(ctx.files):
        h.update(name.encode())
        h.update(ctx.files[name])
    _files_digest(h, [p for p in src.rglob("*") if "fonts" not in p.parts])
    _files_digest(h, Path(__file__).resolve().parent.glob("*.py"))
    return h.hexdigest()


def _stamp(ctx) -> Path:
    return _cache() / "rendered" / f"{ctx.period}-{ctx.lang}.json"


def _read(ctx) -> dict:
    try:
        return json.loads(_stamp(ctx).read_text())
    except (OSError, ValueError):
        return {}


def _identity(path: Path) -> list[int]:
    """Size and modification time (kept by the atomic folder's copies): an older file left in place
    by a render that never reached its folder is not taken for the new one."""
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def unchanged(ctx, digest: str, out_dir: Path, formats) -> dict[str, Path]:
    """The formats whose last render had this digest and whose output is still there: {format: path}."""
    last = _read(ctx)
    out = {}
    for f in formats:
        entry = last.get(f) or {}
        path = out_dir / entry.get("file", "")
        if entry.get("digest") == digest and entry.get("file") and path.exists() and path.stat().st_size \
                and _identity(path) == entry.get("identity"):  # the very file that render wrote
            out[f] = path
    return out


def record(ctx, digest: str, files: dict[str, Path]) -> None:
    last = _read(ctx)
    last.update({f: {"digest": digest, "file": p.name, "identity": _identity(p)} for f, p in files.items()})
    f = _stamp(ctx)
    f.parent.mkdir(parents=True, exist_ok=True)
    tmp = f.with_suffix(".tmp")
    tmp.write_text(json.dumps(last))
    tmp.replace(f)
