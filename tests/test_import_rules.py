"""The import rule of issue 14 (pyproject's [tool.importlinter]): pipelines > assets > schemas >
core, no cycle, and no private Dagster API in the project's code."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")

# Dagster's private modules (`dagster._core...`, `dagster_graphql._...`, `from dagster import _x`,
# `importlib.import_module("dagster._...")`): none anywhere in the project's code. The tests alone
# may drive Dagster's test utilities and one daemon iteration (tests/ops/test_postgres_instance.py),
# for which Dagster has no public API.
DAGSTER = re.compile(r"^dagster(_\w+)?$")


def _private(module: str) -> bool:
    parts = module.split(".")
    return bool(DAGSTER.match(parts[0])) and any(p.startswith("_") for p in parts[1:])


def private_imports(text: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if _private(a.name)]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found += [node.module] if _private(node.module) else \
                [f"{node.module}.{a.name}" for a in node.names if _private(f"{node.module}.{a.name}")]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__"):
            found += [a.value for a in node.args[:1] if isinstance(a, ast.Constant) and isinstance(a.value, str) and _private(a.value)]
    return found


def project_files():
    """Every Python file of the checkout but the tests and the environment (whose ~13,000 files are
    never walked: the top level is filtered first)."""
    for top in sorted(REPO.iterdir()):
        if top.name in ("tests", "build", "dagster_home") or top.name.startswith("."):
            continue
        for f in [top] if top.suffix == ".py" else top.rglob("*.py") if top.is_dir() else []:
            yield f.relative_to(REPO).as_posix(), f


def test_import_contracts_are_kept():
    out = subprocess.run([str(LINT), "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "7 kept, 0 broken" in out.stdout


def test_the_rule_sees_every_form_of_a_private_import():
    text = ("import dagster as dg\nfrom dagster import AssetKey, _check\n"
            "def f():\n    from dagster._core.execution.backfill import PartitionBackfill\n"
            "import dagster._time, os\nfrom dagster_graphql._x import y\nfrom dagster_shared import record\n"
            "importlib.import_module('dagster._daemon.backfill')\n"
            "x = 'from dagster._core.errors.'  # a string, no import\n")
    assert sorted(private_imports(text)) == ["dagster._check", "dagster._core.execution.backfill", "dagster._daemon.backfill",
                                             "dagster._time", "dagster_graphql._x"]


def test_no_private_dagster_api():
    files = dict(project_files())
    assert {"pipelines/cli.py", "pipelines/backfill_submit.py", "assets/resources.py"} <= set(files)
    found = sorted((name, mod) for name, f in files.items() for mod in private_imports(f.read_text(encoding="utf-8")))
    assert found == [], found


def _contract(name_start: str) -> dict:
    contracts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    [found] = [c for c in contracts if c["name"].startswith(name_start)]
    return found


def test_the_contracts_name_every_part_of_assets():
    """The contracts list assets/'s parts by name: a new part (a subpackage, an assets.py or checks.py) must be in them,
    or the rule would not hold for it (an assets/*/assets.py left off could be imported by plain logic)."""
    parts = {f"assets.{p.stem}" for p in (REPO / "assets").iterdir()
             if (p.is_dir() and (p / "__init__.py").exists()) or (p.suffix == ".py" and p.stem != "__init__")}
    asset_modules = {f"assets.{p.parent.name}.{p.stem}" for p in (REPO / "assets").glob("*/*.py")
                     if p.stem in ("assets", "checks")}
    thin = _contract("Thin Dagster assets on top")
    assert set(thin["source_modules"]) == parts | {"schemas", "core"}
    assert set(thin["forbidden_modules"]) == asset_modules
    bottom = _contract("assets/core/ (periods, the warehouse) is the bottom")
    assert set(bottom["forbidden_modules"]) == parts - {"assets.core"}
    assert _contract("assets/ never imports pipelines/")["source_modules"] == ["assets"]
