"""tests/alembic_once.py: Dagster's migration scripts read once per process, the instances the same."""
import dagster as dg
from alembic.config import Config
from alembic.script import ScriptDirectory

from tests import alembic_once


def _head_of_fresh_scripts(config: Config) -> str:
    """The head revision as Alembic computes it without the cache (a ScriptDirectory built anew)."""
    built = ScriptDirectory.__dict__["from_config"].__func__.__wrapped__(ScriptDirectory, config)
    return built.get_current_head()


def test_ephemeral_instances_are_stamped_at_the_head_and_share_the_scripts():
    from dagster._core.storage.runs.sqlite import sqlite_run_storage
    from dagster._core.storage.sql import check_alembic_revision, get_alembic_config

    alembic_once.install()
    alembic_once.install()  # twice: still one wrapper
    config = get_alembic_config(sqlite_run_storage.__file__)
    head = _head_of_fresh_scripts(config)
    assert head  # Dagster's migrations have a single head
    for _ in range(2):
        storage = dg.DagsterInstance.ephemeral().run_storage
        with storage.connect() as conn:
            assert check_alembic_revision(config, conn) == (head, head)
    assert ScriptDirectory.from_config(config) is ScriptDirectory.from_config(config)


def test_other_script_locations_are_built_anew(tmp_path):
    alembic_once.install()
    (tmp_path / "versions").mkdir()
    (tmp_path / "script.py.mako").write_text("")
    config = Config()
    config.set_main_option("script_location", str(tmp_path))
    first, second = ScriptDirectory.from_config(config), ScriptDirectory.from_config(config)
    assert first is not second and first.dir == second.dir == str(tmp_path)
