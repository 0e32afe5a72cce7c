"""assets/media/model_cache.py: a trained model kept between processes under a key of what it was made from."""
from __future__ import annotations

import os
import pickle

from assets.media import evaluate, evaluate_real, learned_triage, model_cache


class Build:
    """A stand-in for training: counts its calls and returns a fresh, picklable object."""

    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return {"model": self.value, "call": self.calls}


def test_a_model_is_built_once_then_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_MODEL_CACHE", str(tmp_path / "models"))
    build = Build("a")
    assert model_cache.cached("m", "0" * 64, build) == {"model": "a", "call": 1}
    assert model_cache.cached("m", "0" * 64, build) == {"model": "a", "call": 1}  # read, not built again
    assert build.calls == 1
    (kept,) = (tmp_path / "models").iterdir()
    assert kept.name == "m-" + "0" * 32 + ".pickle"
    assert oct((tmp_path / "models").stat().st_mode & 0o777) == "0o700"
    assert model_cache.cached("m", "1" * 64, build) == {"model": "a", "call": 2}  # another key: built


def test_off_keeps_nothing_and_builds_every_time(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_MODEL_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    build = Build("b")
    model_cache.cached("m", "0" * 64, build)
    model_cache.cached("m", "0" * 64, build)
    assert build.calls == 2 and list(tmp_path.iterdir()) == []


def test_the_default_folder_is_the_users_cache(tmp_path, monkeypatch):
    monkeypatch.delenv("MONITOR_MODEL_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert model_cache.folder() == tmp_path / "assembly-monitor" / "models"


def test_a_file_that_does_not_load_is_built_again_and_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_MODEL_CACHE", str(tmp_path))
    path = tmp_path / ("m-" + "0" * 32 + ".pickle")
    path.write_bytes(b"not a pickle")
    build = Build("c")
    assert model_cache.cached("m", "0" * 64, build) == {"model": "c", "call": 1}
    assert pickle.loads(path.read_bytes()) == {"model": "c", "call": 1}


def test_the_key_follows_every_byte_and_name_of_the_files(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("x: 1\n")
    b.write_text("y: 2\n")
    first = model_cache.key("m", "C=1", [a, b], tmp_path)
    assert model_cache.key("m", "C=1", [b, a], tmp_path) == first  # the order given does not matter
    assert model_cache.key("m", "C=2", [a, b], tmp_path) != first
    assert model_cache.key("n", "C=1", [a, b], tmp_path) != first
    a.write_text("x: 2\n")
    assert model_cache.key("m", "C=1", [a, b], tmp_path) != first
    a.write_text("x: 1\n")
    assert model_cache.key("m", "C=1", [a, b], tmp_path) == first
    os.rename(b, tmp_path / "c.yaml")
    assert model_cache.key("m", "C=1", [a, tmp_path / "c.yaml"], tmp_path) != first  # a renamed file is another set
    # bytes moved from one file to the next are not the same set
    a.write_text("x: 1\ny")
    (tmp_path / "c.yaml").write_text(": 2\n")
    b2 = model_cache.key("m", "C=1", [a, tmp_path / "c.yaml"], tmp_path)
    a.write_text("x: 1\n")
    (tmp_path / "c.yaml").write_text("y: 2\n")
    assert b2 != model_cache.key("m", "C=1", [a, tmp_path / "c.yaml"], tmp_path)


def step_key() -> str:
    return model_cache.training_key("triage-step", learned_triage.STEP_PARAMS, learned_triage.TRAIN_SPLITS)


def test_the_triage_steps_model_is_keyed_by_its_training_parts(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(learned_triage, "_MODEL", None)
    monkeypatch.setattr(model_cache, "cached", lambda name, digest, build: seen.append((name, digest)) or "model")
    assert learned_triage.step_model() == "model"
    ((name, digest),) = seen
    assert name == "triage-step" and digest == step_key()
    # a copy of the training parts with one article changed is another model (fresh trains since round 19, fresh2 and
    # the other opened parts since session 36); the closed parts (the holdout, fresh17) are not read
    for split in ("dev", "measured", "holdout", "fresh", "fresh2", "fresh17"):
        (tmp_path / split).mkdir()
        for f in (evaluate_real.DEFAULT_DIR / split).glob("*.yaml"):
            (tmp_path / split / f.name).write_bytes(f.read_bytes())
    (tmp_path / "fresh17" / "zz-new.yaml").write_text("url: https://example.kz/fresh17/1\n", encoding="utf-8")
    monkeypatch.setattr(evaluate_real, "DEFAULT_DIR", tmp_path)
    same = step_key()
    assert same != digest  # the files' paths are part of the key (here outside the checkout)
    one = sorted((tmp_path / "dev").glob("*.yaml"))[0]
    one.write_text(one.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert step_key() != same
    one.write_text(one.read_text(encoding="utf-8").removesuffix("\n# edited\n"), encoding="utf-8")
    assert step_key() == same
    for part in ("fresh", "fresh2"):
        opened = sorted((tmp_path / part).glob("*.yaml"))[0]
        opened.write_text(opened.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        assert step_key() != same, part
        opened.write_text(opened.read_text(encoding="utf-8").removesuffix("\n# edited\n"), encoding="utf-8")
        assert step_key() == same
    held = sorted((tmp_path / "holdout").glob("*.yaml"))[0]
    held.write_text(held.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    for f in (tmp_path / "fresh17").glob("*.yaml"):
        f.write_text(f.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert step_key() == same
    assert evaluate.DEFAULT_CORPUS.is_dir()  # the corpus is keyed too (read from the checkout)


def test_the_lite_model_and_the_rerankers_are_kept_the_same_way(monkeypatch):
    from assets.media import learned_rerank

    seen = []
    monkeypatch.setattr(learned_triage, "_LITE", None)
    monkeypatch.setattr(learned_rerank, "_MODELS", {})
    monkeypatch.setattr(model_cache, "cached", lambda name, digest, build: seen.append((name, digest)) or name)
    assert learned_triage.lite_model() == "triage-lite"
    assert learned_rerank.step_model("participants") == "rerank-participants"
    assert learned_rerank.step_model("detained") == "rerank-detained"
    splits = ("dev", "measured")
    assert seen == [("triage-lite", model_cache.training_key("triage-lite", "lite C=10.0", learned_triage.TRAIN_SPLITS)),
                    ("rerank-participants", model_cache.training_key("rerank-participants", "", splits)),
                    ("rerank-detained", model_cache.training_key("rerank-detained", "", splits))]
