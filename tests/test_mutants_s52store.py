"""Session 52: the survivors of a second draw of the mutation run over the storage layer and the GX setup
(scripts/mutate.py's area "store", `--sample 0.08 --seed 52 --not-drawn 0.09:51`). Each test asserts what a user
relies on, its expected value typed from what the code must do (docs/testing.md, "Session 52 — a second draw of
`store` and `rep`")."""
from __future__ import annotations

from assets.core import raw


def test_a_line_of_cells_splits_at_its_own_separator_only():
    assert raw.cells_of_line("2017-A-1;Алматы;a,b", ";") == '["2017-A-1","Алматы","a,b"]'


# --- assets/core/layout.py: another layout named with its file; the lake's DDL waits as long as the setting says ----

import duckdb  # noqa: E402
import pytest  # noqa: E402

from assets.core import layout  # noqa: E402


def test_a_file_of_another_layout_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    layout.ensure_tables(con)
    con.execute("ALTER TABLE quarantine RENAME COLUMN reason TO why")
    con.close()
    con = duckdb.connect(str(path))
    try:
        with pytest.raises(layout.LayoutDiffers) as info:
            layout.ensure_tables(con)
    finally:
        con.close()
    assert info.value.path == str(path)
    assert str(info.value).startswith(f"the warehouse {path} has another table layout")
    assert f"mv {path} {path}.other; mv {path}.raw {path}.raw.other" in info.value.action


class _Clock:
    """writes.retry_conflicts's clock: each back-off moves it on by what it would have slept, nothing sleeps."""

    def __init__(self):
        self.now = 1000.0

    def monotonic(self):
        return self.now

    def sleep(self, s):
        self.now += s


def _lake_whose_commits_always_conflict(monkeypatch):
    from assets.core import writes

    clock = _Clock()
    monkeypatch.setattr(writes, "time", clock)
    monkeypatch.setattr(writes.ducklake, "is_conflict", lambda exc: True)
    monkeypatch.setattr(layout, "is_lake", lambda con: True)

    def conflict(*a, **k):
        raise duckdb.TransactionException("Transaction conflict: another writer committed first")

    monkeypatch.setattr(layout.revisions, "migrate_layout", conflict)
    monkeypatch.setattr(layout, "transaction", conflict)
    return clock


@pytest.mark.parametrize("setting, limit", [("7", 7.0), (None, 120.0)])
@pytest.mark.parametrize("call", ["ensure_tables", "fill_codes"])
def test_the_lakes_ddl_is_tried_again_for_as_long_as_monitor_lock_wait_s_says(monkeypatch, setting, limit, call):
    # (session 52: a fault) fill_codes (called by assets/derive/figures.py) and ensure_tables gave up a lake's DDL
    # after 120 s whatever MONITOR_LOCK_WAIT_S said; the setting, else 120 s, as warehouse.connect waits
    if setting is None:
        monkeypatch.delenv("MONITOR_LOCK_WAIT_S", raising=False)
    else:
        monkeypatch.setenv("MONITOR_LOCK_WAIT_S", setting)
    clock = _lake_whose_commits_always_conflict(monkeypatch)
    con = duckdb.connect(":memory:")
    with pytest.raises(duckdb.TransactionException):
        getattr(layout, call)(con)
    waited = clock.now - 1000.0
    # it stops at the first conflict once `limit` seconds have passed; a back-off is 2 s × 1.5 at most
    assert limit <= waited <= limit + 3.0
    con.close()


def test_a_wait_given_by_the_caller_is_the_one_kept(monkeypatch):
    monkeypatch.setenv("MONITOR_LOCK_WAIT_S", "600")
    clock = _lake_whose_commits_always_conflict(monkeypatch)
    con = duckdb.connect(":memory:")
    with pytest.raises(duckdb.TransactionException):
        layout.fill_codes(con, 5)
    assert 5.0 <= clock.now - 1000.0 <= 8.0
    con.close()


# --- assets/core/encryption.py: a view that cannot be made stops the copy with its own error ------------------------

from assets.core import encryption  # noqa: E402


def test_a_view_that_reads_nothing_stops_the_schema_copy_with_its_own_error():
    con = duckdb.connect(":memory:")
    con.execute("ATTACH ':memory:' AS plain")
    con.execute("USE plain")
    con.execute("CREATE TABLE cards(card_id VARCHAR)")
    con.execute("CREATE TABLE gone_a(x INT)")
    con.execute("CREATE TABLE gone_b(x INT)")
    con.execute("CREATE VIEW v_a AS SELECT * FROM gone_a")
    con.execute("CREATE VIEW v_cards AS SELECT * FROM cards")
    con.execute("CREATE VIEW v_b AS SELECT * FROM gone_b")
    con.execute("DROP TABLE gone_a")
    con.execute("DROP TABLE gone_b")
    con.execute("USE memory")
    with pytest.raises(duckdb.CatalogException, match="gone_a"):  # the first view that fails, in the order made
        encryption._copy_schema(con)
    con.execute("USE plain")
    con.execute("DROP VIEW v_a")
    con.execute("USE memory")
    con.execute("DROP VIEW v_cards")
    con.execute("DROP TABLE cards")
    with pytest.raises(duckdb.CatalogException, match="gone_b"):  # one view alone that fails
        encryption._copy_schema(con)
    con.close()


# --- assets/core/lockinfo.py: the interpreter's path dropped, whatever its version -----------------------------------

from assets.core import lockinfo  # noqa: E402


class _Cmdline:
    def __init__(self, raw: bytes):
        self.raw = raw

    def __call__(self, path):
        return self

    def read_bytes(self):
        return self.raw


@pytest.mark.parametrize("argv, shown", [
    ([b"/usr/bin/python3.12", b"/srv/monitor/scripts/backfill.py", b"--from", b"2014"], "backfill.py --from 2014"),
    ([b"python3", b"-m", b"tests.ops.runner", b"2017"], "-m tests.ops.runner 2017"),
    ([b"/srv/monitor/.venv/bin/monitor", b"run"], "monitor run"),
    ([b"duckdb", b"w.duckdb"], "duckdb w.duckdb"),
])
def test_the_holders_command_drops_the_interpreter_of_any_version(monkeypatch, argv, shown):
    monkeypatch.setattr(lockinfo, "Path", _Cmdline(b"\x00".join(argv) + b"\x00"))
    assert lockinfo.command_of(4711) == shown


# --- assets/failures.py: the wait before a retry doubles ---------------------------------------------------------

from assets import failures  # noqa: E402


def test_the_wait_before_each_retry_doubles_and_the_last_try_fails(monkeypatch):
    import dagster as dg

    monkeypatch.setenv("MONITOR_RETRY_DELAY_S", "3")
    waits = []
    for n in (0, 1):
        monkeypatch.setattr(failures, "_retry_number", lambda n=n: n)
        r = failures.to_dagster(TimeoutError("slow"))
        assert isinstance(r, dg.RetryRequested)
        waits.append(r.seconds_to_wait)
    assert waits == [3.0, 6.0]
    monkeypatch.setattr(failures, "_retry_number", lambda: 2)
    f = failures.to_dagster(TimeoutError("slow"))
    assert isinstance(f, dg.Failure) and f.description == "TimeoutError: slow (after 3 tries)"


# --- assets/quality/gx_context.py: one result kept; GX's variables file read once per change ------------------------

from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

from assets.quality import gx_context  # noqa: E402


@pytest.mark.parametrize("raw, kept", [("1", 1), (" 2 ", 2), ("30", 30), ("", 30)])
def test_keep_results_takes_one_or_more(monkeypatch, raw, kept):
    monkeypatch.setenv("MONITOR_GX_KEEP_RESULTS", raw)
    assert gx_context.keep_results() == kept


@pytest.mark.parametrize("raw", ["0", "-1", "all"])
def test_keep_results_refuses_less_than_one(monkeypatch, raw):
    monkeypatch.setenv("MONITOR_GX_KEEP_RESULTS", raw)
    with pytest.raises(ValueError, match="1 or more"):
        gx_context.keep_results()


def _gx_with_variables_file(tmp_path, rel):
    from great_expectations.core.config_provider import _ConfigurationVariablesConfigurationProvider

    reads = []
    prov = SimpleNamespace(get_values=lambda: reads.append(1) or {"instance_id": "a"})
    ctx = SimpleNamespace(config_provider=SimpleNamespace(_providers={_ConfigurationVariablesConfigurationProvider: prov}),
                          config=SimpleNamespace(config_variables_file_path=rel), root_directory=str(tmp_path))
    return ctx, prov, reads


def test_gx_reads_its_variables_file_once_until_it_changes(tmp_path, monkeypatch):
    f = tmp_path / "uncommitted" / "config_variables.yml"
    f.parent.mkdir()
    f.write_text("instance_id: a\n", encoding="utf-8")
    ctx, prov, reads = _gx_with_variables_file(tmp_path, "uncommitted/config_variables.yml")
    gx_context._read_config_variables_once(ctx)
    assert [prov.get_values() for _ in range(3)] == [{"instance_id": "a"}] * 3
    assert len(reads) == 1
    f.write_text("instance_id: ab\n", encoding="utf-8")  # another size: read again
    prov.get_values()
    assert len(reads) == 2
    monkeypatch.setenv("MONITOR_S52_PROBE", "1")  # another environment: read again
    prov.get_values()
    prov.get_values()
    assert len(reads) == 3


@pytest.mark.parametrize("rel", [None, "", "${CONFIG_VARIABLES}/config_variables.yml"])
def test_gx_without_a_plain_variables_file_reads_it_each_time(tmp_path, rel):
    ctx, prov, reads = _gx_with_variables_file(tmp_path, rel)
    gx_context._read_config_variables_once(ctx)
    prov.get_values()
    prov.get_values()
    assert len(reads) == 2


def test_of_results_made_at_the_same_moment_the_batch_decides_which_are_kept(tmp_path, monkeypatch):
    # one run time and run name for three results: the newest by (time, name, batch), so batch_c is kept whatever
    # order the store lists them in
    import datetime

    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (ExpectationSuiteIdentifier,
                                                                             ValidationResultIdentifier)

    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "build"))
    when = datetime.datetime(2026, 12, 7, 12, 0, tzinfo=datetime.timezone.utc)
    keys = [ValidationResultIdentifier(ExpectationSuiteIdentifier("figures"), RunIdentifier(run_name="check", run_time=when), b)
            for b in ("batch_c", "batch_a", "batch_b")]
    removed = []
    store = SimpleNamespace(list_keys=lambda: list(keys), remove_key=removed.append)
    proj = SimpleNamespace(ctx=SimpleNamespace(validation_results_store=store, root_directory=str(tmp_path / "gx")))
    old = gx_context.prune_results(proj, 1)
    assert [k.batch_identifier for k in old] == ["batch_a", "batch_b"]
    assert sorted(k.batch_identifier for k in removed) == ["batch_a", "batch_b"]


def test_a_template_folder_already_gone_at_the_exit_is_no_error(monkeypatch):
    # another process's clean-up (core.stale_templates) or a hand may remove it first: the exit says nothing then
    import atexit
    import shutil

    registered = []
    monkeypatch.setattr(atexit, "register", lambda f: registered.append(f))
    monkeypatch.setattr(gx_context, "_TEMPLATE", {})
    t = gx_context._template()
    folder = Path(t.ctx.root_directory).parent
    shutil.rmtree(folder)
    registered[0]()  # raises nothing
    assert not folder.exists()


def test_a_build_folder_with_its_own_project_makes_no_template(tmp_path, monkeypatch):
    # the template (a whole project made in a temporary folder) serves only a build folder without a project
    made = []
    real = gx_context._template
    monkeypatch.setattr(gx_context, "_PROJECTS", {})
    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "b"))
    gx_context.project()                       # b's project, made by "another process"
    gx_context._PROJECTS.clear()
    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "a"))
    gx_context.project()                       # this process's first folder
    monkeypatch.setattr(gx_context, "_template", lambda: made.append(1) or real())
    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "b"))
    p = gx_context.project()                   # b again: its own project opened, no template made
    assert made == [] and Path(p.ctx.root_directory) == (tmp_path / "b" / "gx").resolve()
    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "c"))
    gx_context.project()                       # a new folder: copied from the template
    assert made == [1]


# --- schemas/xlsform.py: the form's id, the name of ODK's export ------------------------------------------------------

def test_the_form_is_assembly_card_in_its_settings_and_its_default_file(tmp_path, monkeypatch):
    # ODK Central names its export after the form id (assembly_card.csv, assembly_card-persons.csv: README,
    # "Field forms"); `monitor form` without a path writes build/forms/assembly_card.xlsx
    from openpyxl import load_workbook

    from schemas import xlsform

    assert xlsform.build()["settings"][0]["form_id"] == "assembly_card"
    monkeypatch.chdir(tmp_path)
    path = xlsform.write_xlsform()
    assert path == Path("build") / "forms" / "assembly_card.xlsx" and (tmp_path / path).is_file()
    ws = load_workbook(tmp_path / path)["settings"]
    header = [c.value for c in ws[1]]
    assert ws[2][header.index("form_id")].value == "assembly_card"


# --- assets/quality/gx_docs.py: the offline style's every rule has a selector a browser reads --------------------------

import re  # noqa: E402

from assets.quality import gx_docs  # noqa: E402


def test_every_rule_of_the_offline_style_starts_with_a_selector():
    page = gx_docs._readable("<html><head><title>t</title></head><body></body></html>", "")
    css = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules = re.findall(r"([^{}]*)\{[^{}]*\}", css)
    assert len(rules) == 11
    selectors = [r.strip() for r in rules]
    assert selectors[0] == "body" and "td, th" in selectors
    # after the last rule nothing but white space; each selector of element, class and pseudo-class names only
    assert re.sub(r"[^{}]*\{[^{}]*\}", "", css).strip() == ""
    assert all(re.fullmatch(r"[\w.\-:#\s,]+", s) for s in selectors), selectors


def test_counts_are_asked_as_whole_numbers_not_text():
    from schemas import xlsform

    rows = {r["name"]: r for r in xlsform.build()["survey"] if "name" in r}
    for name in ("participants_low", "participants", "participants_high", "duration_min", "police_count",
                 "preventive_detentions", "detained", "applications", "fine_mrp", "arrest_days"):
        assert rows[name]["type"] == "integer", name
        assert rows[name]["constraint"].startswith((". >= 0", "(. >= 0) and (")), name
    assert rows["date"]["type"] == "date" and rows["notes"]["type"] == "text"
    assert rows["event_status"]["type"] == "select_one event_status"
