"""pytest's assertion rewriting of the test files done once per `make test`, not once per xdist worker.

Every xdist worker collects every test file, and pytest rewrites the asserts of each (parse, rewrite,
compile) as it imports it. Where `.pyc` files may be written pytest caches the rewritten code beside the
file; this machine sets PYTHONDONTWRITEBYTECODE=1, and a fresh clone has no cache anyway, so each of the
two workers rewrote all ~130 files: measured ~5.6 of the ~10.7 CPU s of a worker's collection
(`pytest --collect-only -p no:xdist`, with and without `--assert=plain`), at the start of the run, when
both cores do nothing else (docs/testing.md, "Suite time", tenth pass).

Now the controller makes an empty folder in the tests' scratch (MONITOR_TEST_REWRITTEN, removed at the
end of the run); a worker that rewrites a file also writes the result there, and a worker that finds a
file's result there uses it. The first worker collects as pytest does (front to back); the second
rewrites the files back to front first, until it meets a file the first has done, then collects (reading
what the first wrote). Each file is rewritten about once. The cached code is pytest's own format
(`_write_pyc_fp`: a checked hash of the source), read by pytest's own `_read_pyc`, which refuses a file
whose source changed; the code run is the code pytest would have compiled.

This leans on pytest's PRIVATE API (`_pytest.assertion.rewrite._read_pyc`, `_rewrite_test`, `_write_pyc_fp`, with
the parameters named in `REQUIRED`), as of the pytest pinned in requirements.lock (docs/testing.md, "pytest's
private API"). If pytest's internals are not what this expects — a name gone, a parameter renamed — nothing is
patched, the controller says so on stderr (`rewrite_shared: off, ...`) and pytest rewrites each file as it always
did; an error inside the shared part at run time (an unexpected return, a failed write) falls back to pytest's own
result in the same way. tests/test_rewrite_shared.py runs a small suite with a name missing and shows it.
"""
from __future__ import annotations

import atexit
import hashlib
import inspect
import os
import shutil
import sys
import tempfile
from pathlib import Path

ENV = "MONITOR_TEST_REWRITTEN"
PREFIX = "rewritten-tests-"  # then the controller's pid: tests/leftovers.py removes a killed run's
_ORIGINAL: dict[str, object] = {}  # pytest's own _read_pyc and _rewrite_test, once wrapped
# the private functions of `_pytest.assertion.rewrite` this wraps or calls, with the first parameters it passes
# (pytest 9.2.0, requirements.lock)
REQUIRED: dict[str, tuple[str, ...]] = {
    "_read_pyc": ("source", "pyc", "trace"),
    "_rewrite_test": ("fn", "config"),
    "_write_pyc_fp": ("fp", "source_hash", "co"),
}


def unusable() -> str | None:
    """Why pytest's internals do not fit `REQUIRED` (None: they do)."""
    try:
        import _pytest.assertion.rewrite as rw
    except ImportError as e:
        return f"cannot import _pytest.assertion.rewrite ({e})"
    for name, params in REQUIRED.items():
        fn = getattr(rw, name, None)
        if not callable(fn):
            return f"_pytest.assertion.rewrite.{name} is gone"
        try:
            have = tuple(inspect.signature(fn).parameters)
        except (TypeError, ValueError):
            return f"_pytest.assertion.rewrite.{name} has no readable signature"
        if have[:len(params)] != params:
            return f"_pytest.assertion.rewrite.{name}{have} no longer takes {params}"
    return None


def _rw():
    return None if unusable() else sys.modules["_pytest.assertion.rewrite"]


def _say_off(reason: str) -> None:
    import pytest
    print(f"rewrite_shared: off, {reason} (pytest {pytest.__version__}; written for the pytest of requirements.lock):"
          " each xdist worker rewrites the test files' asserts itself, as pytest does (tests/rewrite_shared.py)",
          file=sys.stderr)


def controller_folder() -> None:
    """In the process that starts the workers (before it starts them): a fresh folder for the results."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    reason = unusable()
    if reason:
        _say_off(reason)
        return
    folder = os.environ[ENV] = tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-")
    atexit.register(shutil.rmtree, folder, True)  # removed when the run ends (a killed run's: tests/leftovers.py)


def _shared(folder: str, source: Path) -> Path:
    return Path(folder) / (hashlib.sha256(str(source).encode()).hexdigest()[:24] + ".pyc")


def _write(rw, path: Path, source_hash: bytes, co) -> None:
    part = f"{path}.{os.getpid()}"
    try:
        with open(part, "wb") as fp:
            rw._write_pyc_fp(fp, source_hash, co)
        os.replace(part, path)  # atomic: a reader sees a whole file or none
    except Exception:  # noqa: BLE001 — a failed write only means the other worker rewrites the file itself
        try:
            os.unlink(part)
        except OSError:
            pass


def install_in_worker() -> bool:
    """In an xdist worker: pytest's rewriting reads and writes the shared folder too."""
    folder = os.environ.get(ENV)
    rw = _rw()
    if not folder or not os.environ.get("PYTEST_XDIST_WORKER") or rw is None or getattr(rw._read_pyc, "_shared", False):
        return False
    read_pyc, rewrite_test = rw._read_pyc, rw._rewrite_test
    _ORIGINAL.update(read_pyc=read_pyc, rewrite_test=rewrite_test)

    def _read_pyc(source, pyc, trace=lambda x: None):
        co = read_pyc(source, pyc, trace)
        if co is not None:
            return co
        try:
            return read_pyc(source, _shared(folder, Path(source)), trace)
        except Exception:  # noqa: BLE001 — the shared copy is unreadable: pytest rewrites the file itself
            return None

    def _rewrite_test(fn, config):
        result = rewrite_test(fn, config)  # pytest's own, returned as it is whatever happens below
        try:
            source_hash, co = result
            _write(rw, _shared(folder, Path(fn)), source_hash, co)
        except Exception:  # noqa: BLE001 — not the (hash, code) pair expected: nothing shared
            pass
        return result

    _read_pyc._shared = True
    rw._read_pyc, rw._rewrite_test = _read_pyc, _rewrite_test
    return True


def prewarm_backwards(config, files: list[Path]) -> int:
    """In the second worker, before it collects: rewrite `files` from the last, until one is found done
    (the first worker, going forward, has been there). Returns how many it rewrote."""
    folder = os.environ.get(ENV)
    rw = _rw()
    if not folder or rw is None or not _ORIGINAL:
        return 0
    read_pyc, rewrite_test = _ORIGINAL["read_pyc"], _ORIGINAL["rewrite_test"]
    done = 0
    try:
        for fn in reversed(files):
            if read_pyc(fn, _shared(folder, fn)) is not None:
                break
            source_hash, co = rewrite_test(fn, config)
            _write(rw, _shared(folder, fn), source_hash, co)
            done += 1
    except Exception as e:  # noqa: BLE001 — the worker collects (and rewrites) as pytest does
        print(f"rewrite_shared: prewarming stopped ({type(e).__name__}: {e}); pytest rewrites the rest itself",
              file=sys.stderr)
    return done
