"""A trained model kept between processes, keyed by everything it was trained from (issue 16).

The learned triage step is trained when first needed (learned_triage.step_model: ~0.7 s reading the labelled
articles, ~1.8 s fitting; the `lite` model and the counts' re-rankers of learned_rerank, several seconds more). `monitor extract` is one process per article, so each call paid that again. A model
is now kept as a file named by a SHA-256 of its name, its parameters, scikit-learn's version, the code that
builds it and every byte of its training files: any change to one of them is another name, so a stale model is
never read. Where: MONITOR_MODEL_CACHE (a folder; `off` keeps nothing), else
$XDG_CACHE_HOME/assembly-monitor/models (default ~/.cache/assembly-monitor/models), created mode 0700, each file
written to a temporary name and renamed (two processes at once: the last wins, both whole). Only files this
module wrote in the user's own folder are read; a file that does not load is trained again and replaced.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


def folder() -> Path | None:
    """The cache's folder, or None when MONITOR_MODEL_CACHE=off (read at call time, not at import)."""
    chosen = os.environ.get("MONITOR_MODEL_CACHE", "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "assembly-monitor" / "models"


def key(name: str, params: str, files: Iterable[Path], root: Path) -> str:
    """SHA-256 of the name, the parameters and each file's path (relative to `root`, where it lies under it: a
    checkout moved elsewhere keeps its models) and bytes, in path order."""
    h = hashlib.sha256(f"{name}\n{params}\n".encode())
    for f in sorted(files):
        h.update(str(f.relative_to(root) if f.is_relative_to(root) else f).encode() + b"\0")
        data = f.read_bytes()
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def training_key(name: str, params: str, splits: Iterable[str]) -> str:
    """The key of a model trained on `splits` of tests/media/real/ (and, for the triage models, the self-written
    corpus): its parameters, scikit-learn's version, every file of those parts and of the corpus, and the code of
    assets/media/ (the rules' verdicts and candidates are features). A superset of what each model reads: a change
    to any of them trains it again, never too seldom."""
    import sklearn

    from assets.media import evaluate, evaluate_real

    here = Path(__file__).resolve().parent
    files = [f for split in splits for f in (evaluate_real.DEFAULT_DIR / split).glob("*.yaml")]
    files += [f for f in evaluate.DEFAULT_CORPUS.rglob("*") if f.is_file()]
    files += list(here.glob("*.py"))
    return key(name, f"{params} sklearn {sklearn.__version__}", files, here.parents[1])


def trained(name: str, params: str, splits: Iterable[str], build: Callable[[], T]) -> T:
    """`build()`'s model, kept under `training_key` (see `cached`)."""
    return cached(name, training_key(name, params, splits), build)


def cached(name: str, digest: str, build: Callable[[], T]) -> T:
    """The object kept under `name`-`digest`, else `build()`, kept for the next process."""
    where = folder()
    if where is None:
        return build()
    path = where / f"{name}-{digest[:32]}.pickle"
    if path.is_file():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)  # noqa: S301 - written by this module, in the user's own cache folder
        except Exception as exc:  # a truncated or foreign file: train again and replace it
            log.warning(f"{path}: not a model this project can read ({exc}); training it again")
    obj = build()
    try:
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile(dir=where, prefix=f".{name}-", delete=False) as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
    except OSError as exc:  # a read-only home: the model still serves this process
        log.info(f"the model was not kept in {where}: {exc}")
    return obj
