"""Dagster's migration scripts read once per test process, not at every ephemeral instance.

Every `DagsterInstance.ephemeral()` (what `run_period` and most in-process tests use, one per
materialization) creates in-memory SQLite run and event storages and stamps each with Alembic's
head revision. Alembic's `stamp` builds a new `ScriptDirectory` every time, which compiles and
executes all ~90 migration files of Dagster (no `.pyc` here: PYTHONDONTWRITEBYTECODE=1): ~0.12 CPU s
per stamp, ~0.25 s per instance, of a materialization's 0.3-1 s. Those files are the installed
package's and cannot change during a test session, so `install()` makes `ScriptDirectory.from_config`
return one `ScriptDirectory` per configuration for Dagster's own scripts (script_location `dagster:...`);
any other configuration gets a new one as before. The stamp itself, the tables and every run still
happen as without it (docs/testing.md, "Seventh pass").
"""
from __future__ import annotations

_CACHE: dict[tuple, object] = {}


def install() -> None:
    from alembic.script import ScriptDirectory

    original = ScriptDirectory.__dict__["from_config"]
    if getattr(original, "_monitor_cached", False):
        return
    build = original.__func__

    def from_config(cls, config):
        location = config.get_main_option("script_location") or ""
        if cls is not ScriptDirectory or not location.startswith("dagster:"):
            return build(cls, config)
        section = config.file_config.items(config.config_ini_section) if config.file_config.has_section(
            config.config_ini_section) else ()
        key = (config.config_file_name, location, tuple(sorted(section)))
        if key not in _CACHE:
            _CACHE[key] = build(cls, config)
        return _CACHE[key]

    from_config._monitor_cached = True
    from_config.__wrapped__ = build
    ScriptDirectory.from_config = classmethod(from_config)
