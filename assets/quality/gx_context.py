"""The GX project: one file context under <build>/gx with the pandas data source, both suites, their
validation definitions and checkpoints (Data Docs site in <build>/data_docs); made once per process
and build folder."""
from __future__ import annotations

import functools
import os
from pathlib import Path
from urllib.parse import unquote

from core import settings
from core.stale_templates import template_prefix
from assets.quality import gx_setup
from assets.quality.gx_expectations import SUITE, figures_suite, sums_suite

SITE = "figures"

FIGURE_INDEX = ["table_no", "row_key", "col_key", "period"]
SUMS_INDEX = ["table_no", "col_key", "rows", "against", "sum_of_rows", "total"]

_PROJECTS: dict[str, "_Project"] = {}


def data_docs_dir() -> Path:
    return settings.build_dir() / "data_docs"


class _Project:
    """One file context under <build>/gx with the data source, suites, validation definitions and
    checkpoints of both frames; made once per process and build folder."""

    def __init__(self, build: Path, *, copy_of: "_Project | None" = None):
        gx = gx_setup.load()
        build.mkdir(parents=True, exist_ok=True)
        if copy_of is not None and self._copy(gx, build, copy_of):
            return
        from great_expectations.data_context.types.base import ProgressBarsConfig

        ctx = gx.get_context(mode="file", project_root_dir=str(build))
        ctx.variables.analytics_enabled = False
        ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        ctx.variables.save()
        _read_config_variables_once(ctx)
        compile_templates_once()
        site = {
            "class_name": "SiteBuilder",
            "show_how_to_buttons": False,
            # relative to <build>/gx: the site is <build>/data_docs
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": "../data_docs/"},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        }
        sites = ctx.list_data_docs_sites()
        for name in list(sites):
            if name != SITE:
                ctx.delete_data_docs_site(name)  # the default uncommitted/data_docs/local_site
        if SITE in sites:
            ctx.update_data_docs_site(SITE, site)
        else:
            ctx.add_data_docs_site(SITE, site)

        source = ctx.data_sources.add_or_update_pandas("warehouse")
        self.ctx = ctx
        self.suite_pages: set[str] = set()  # suites whose Data Docs page this project has built (update_docs)
        self.validations = {}
        self.checkpoints = {}
        for suite in (figures_suite(), sums_suite()):
            asset = source.add_dataframe_asset(suite.name)
            batch = asset.add_batch_definition_whole_dataframe(f"{suite.name} of a period")
            suite = ctx.suites.add_or_update(suite)
            vd = ctx.validation_definitions.add_or_update(gx.ValidationDefinition(name=suite.name, data=batch, suite=suite))
            self.validations[suite.name] = vd
            index_cols = FIGURE_INDEX if suite.name == SUITE else SUMS_INDEX
            # no UpdateDataDocsAction: it rebuilds the site's index after each suite; validate_figures
            # builds the pages of both suites' results and the index once, after both (update_docs)
            self.checkpoints[suite.name] = ctx.checkpoints.add_or_update(gx.Checkpoint(
                name=suite.name, validation_definitions=[vd], actions=[],
                result_format={"result_format": "COMPLETE", "unexpected_index_column_names": index_cols}))

    def _copy(self, gx, build: Path, template: "_Project") -> bool:
        """A new build folder's project as a copy of `template` (a project this process made from scratch, in
        a folder of its own, with nothing validated yet): its gx/ folder copied, then opened, the suites,
        validation definitions and checkpoints read from it. ~0.04 CPU s instead of ~0.11–0.15: making them
        writes and re-reads GX's YAML and JSON a dozen times. The files are those `__init__` writes (the
        same configuration, suites, definitions and checkpoints; the copies share GX's ids, which name
        nothing outside the project). False (nothing kept) when the template is not usable."""
        import shutil

        src = Path(template.ctx.root_directory)
        dest = build / "gx"
        if dest.exists() or not (src / "great_expectations.yml").exists():
            return False
        try:
            shutil.copytree(src, dest)
            ctx = gx.get_context(mode="file", project_root_dir=str(build))
            _read_config_variables_once(ctx)
            self.ctx = ctx
            self.suite_pages = set()
            self.validations = {name: ctx.validation_definitions.get(name) for name in template.validations}
            self.checkpoints = {name: ctx.checkpoints.get(name) for name in template.checkpoints}
            return True
        except Exception as exc:  # noqa: BLE001 - made from scratch instead, as before
            shutil.rmtree(dest, ignore_errors=True)
            import logging

            logging.getLogger(__name__).info(f"the GX project was not copied ({type(exc).__name__}: {exc}); made anew")
            return False


def _read_config_variables_once(ctx) -> None:
    """GX re-reads and parses the project's uncommitted/config_variables.yml (it holds GX's instance id;
    this project sets no variable) on every lookup of a project variable, some 60 times per check:
    0.1 of a check's 0.36 CPU s. Parsed once here, and again only when the file (its mtime, size or
    inode) or the environment changes: the same values as before."""
    from great_expectations.core.config_provider import _ConfigurationVariablesConfigurationProvider

    prov = getattr(ctx.config_provider, "_providers", {}).get(_ConfigurationVariablesConfigurationProvider)
    rel = ctx.config.config_variables_file_path
    if prov is None or not rel or "$" in rel:
        return
    path = Path(ctx.root_directory) / rel
    read = prov.get_values
    memo: dict = {}

    def get_values() -> dict:
        try:
            st = path.stat()
            key: tuple = (st.st_mtime_ns, st.st_size, st.st_ino, tuple(os.environ.items()))
        except FileNotFoundError:
            key = (None, tuple(os.environ.items()))
        if key not in memo:
            memo.clear()
            memo[key] = read()
        return dict(memo[key])

    prov.get_values = get_values


def _template_cache():
    """A jinja2 bytecode cache kept in memory, one per process (jinja's own hook,
    `Environment.bytecode_cache`): the compiled code of a template by its name, file, source checksum
    and everything of the environment that compiling depends on (_compile_signature), so that a new
    Environment made with the same settings finds it instead of parsing and compiling the template
    again. A changed source or setting is another key: compiled anew."""
    import jinja2
    from jinja2.bccache import Bucket

    class CompiledTemplates(jinja2.BytecodeCache):
        def __init__(self):
            self.codes: dict = {}
            self.compiled = 0  # templates compiled (not found here), for the tests

        def get_bucket(self, environment, name, filename, source):
            try:
                key = repr(_compile_signature(environment, name, filename))
            except Exception:  # an Environment not as expected: compiled, not kept
                key = None
            bucket = Bucket(environment, key, self.get_source_checksum(source))
            bucket.code = self.codes.get((key, bucket.checksum)) if key is not None else None
            return bucket

        def set_bucket(self, bucket):
            self.compiled += 1
            if bucket.key is not None:
                self.codes[(bucket.key, bucket.checksum)] = bucket.code

        def load_bytecode(self, bucket):  # not used: get_bucket and set_bucket keep code objects
            pass

        def dump_bytecode(self, bucket):
            pass

    return CompiledTemplates()


def _compile_signature(env, name, filename) -> tuple:
    """What jinja's compiler reads of an Environment, with the template's name and file."""
    autoescape = env.autoescape(name) if callable(env.autoescape) else env.autoescape
    return (name, filename, autoescape, type(env).__qualname__, env.code_generator_class, env.context_class,
            env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
            env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
            env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
            env.is_async, env.finalize, tuple(sorted(env.extensions)), tuple(sorted(env.filters)),
            tuple(sorted(env.tests)))


_TEMPLATES = None  # the process's _template_cache(), made by compile_templates_once


def compile_templates_once(view_class=None) -> bool:
    """GX's Data Docs views (great_expectations.render.view.view.DefaultJinjaView and its subclasses)
    each make a new jinja2 Environment, so every Data Docs build parsed and compiled GX's templates
    again: a fifth of a check's CPU. Wrapped here, once per process: after GX's own __init__, a view's
    Environment gets the process's in-memory bytecode cache (_template_cache), so each template is
    compiled once per process (the same code jinja would compile: it renders the same). If GX's
    internals are not what this expects (no such class, no jinja2 Environment in `env`, a bytecode
    cache already set), it leaves them alone and GX compiles as before. True when the class is wrapped (now or before)."""
    global _TEMPLATES
    try:
        import jinja2
        if view_class is None:
            from great_expectations.render.view.view import DefaultJinjaView as view_class
    except ImportError:
        return False
    init = view_class.__dict__.get("__init__")
    if init is None or not callable(init):
        return False
    if getattr(init, "_compiles_once", False):
        return True
    if _TEMPLATES is None:
        _TEMPLATES = _template_cache()
    cache = _TEMPLATES

    @functools.wraps(init)
    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        env = getattr(self, "env", None)
        if isinstance(env, jinja2.Environment) and env.bytecode_cache is None:
            env.bytecode_cache = cache

    __init__._compiles_once = True
    view_class.__init__ = __init__
    return True


KEEP_RESULTS = 30  # the default of MONITOR_GX_KEEP_RESULTS


def data_docs_on() -> bool:
    """MONITOR_GX_DATA_DOCS: whether the figures check and the report's gate build the Data Docs with each
    validation (default on; `0`, `off`, `no` or `false` validate without them: the outcomes are the same,
    only build/data_docs/ is not written). The test suite turns it off (tests/conftest.py) and builds the
    site where a test proves it (docs/testing.md, fourteenth pass)."""
    raw = (os.environ.get("MONITOR_GX_DATA_DOCS") or "").strip().lower()
    if raw in ("", "1", "on", "yes", "true"):
        return True
    if raw in ("0", "off", "no", "false"):
        return False
    raise ValueError(f"MONITOR_GX_DATA_DOCS: {raw!r} is neither on (1, on, yes, true) nor off (0, off, no, false)")


def keep_results() -> int:
    """MONITOR_GX_KEEP_RESULTS: how many validation results of each suite (the newest) the GX project
    keeps, and its Data Docs list; older ones and their pages are deleted after each check (default 30)."""
    raw = (os.environ.get("MONITOR_GX_KEEP_RESULTS") or "").strip()
    if not raw:
        return KEEP_RESULTS
    try:
        n = int(raw)
    except ValueError:
        n = 0
    if n < 1:
        raise ValueError(f"MONITOR_GX_KEEP_RESULTS: {raw!r} is not a whole number of results to keep (1 or more)")
    return n


def prune_results(proj: _Project, keep: int) -> list:
    """Delete all but the newest `keep` validation results of each suite from the project's store, and
    their Data Docs pages, so that the site's index (which reads every stored result at every build)
    stays bounded. Returns the identifiers deleted, oldest first."""
    from great_expectations.data_context.store.html_site_store import HtmlSiteStore
    from great_expectations.data_context.types.resource_identifiers import ValidationResultIdentifier

    store = proj.ctx.validation_results_store
    by_suite: dict[str, list] = {}
    for key in store.list_keys():
        if isinstance(key, ValidationResultIdentifier):
            by_suite.setdefault(key.expectation_suite_identifier.name, []).append(key)
    old = []
    for keys in by_suite.values():
        keys.sort(key=lambda k: (k.run_id.run_time, k.run_id.run_name or "", k.batch_identifier or ""))
        old += keys[:-keep]
    if not old:
        return []
    pages = HtmlSiteStore(store_backend={"class_name": "TupleFilesystemStoreBackend",
                                         "base_directory": str(data_docs_dir())},
                          runtime_environment={"root_directory": str(proj.ctx.root_directory)})
    for key in sorted(old, key=lambda k: k.run_id.run_time):
        store.remove_key(key)
        pages.store_backends[ValidationResultIdentifier].remove_key(key)
    return sorted(old, key=lambda k: k.run_id.run_time)


def update_docs(proj: _Project, results: dict) -> None:
    """Data Docs for the validation results of a run ({ValidationResultIdentifier: result}, every
    suite's): their pages, their suites' pages and the site's index, built once (what each
    checkpoint's UpdateDataDocsAction did, the index once instead of once per suite). A suite's own
    page depends only on the suite, which does not change within a process: it is built the first
    time, and again only if its file has gone. Results beyond the newest MONITOR_GX_KEEP_RESULTS of
    each suite are deleted first, with their pages (prune_results)."""
    from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

    ids: list = []
    suites: set[str] = set()
    for vr_id, vr in results.items():
        ids.append(vr_id)
        page = data_docs_dir() / "expectations" / f"{vr.suite_name}.html"
        if vr.suite_name not in proj.suite_pages or not page.exists():
            ids.append(ExpectationSuiteIdentifier(name=vr.suite_name))
            suites.add(vr.suite_name)
    prune_results(proj, keep_results())  # before the index is built: it lists what is kept
    proj.ctx.build_data_docs(site_names=[SITE], resource_identifiers=ids, dry_run=False, build_index=True)
    proj.suite_pages |= suites


_TEMPLATE: dict[str, "_Project"] = {}  # this process's project made from scratch in a folder of its own (_template)


def _template() -> "_Project | None":
    """A GX project made from scratch once per process in a temporary folder (removed when the process
    that made it ends), never validated with: what a new build folder's project is copied from."""
    import atexit
    import shutil
    import tempfile

    pid = str(os.getpid())
    t = _TEMPLATE.get(pid)
    if t is not None and (Path(t.ctx.root_directory) / "great_expectations.yml").exists():
        return t
    folder = Path(tempfile.mkdtemp(prefix=template_prefix()))  # its pid in the name: core.stale_templates
    try:
        t = _Project(folder)
    except Exception:  # noqa: BLE001 - no template: each project is made from scratch
        shutil.rmtree(folder, ignore_errors=True)
        return None
    _TEMPLATE.clear()
    _TEMPLATE[pid] = t
    atexit.register(lambda: os.getpid() == int(pid) and shutil.rmtree(folder, ignore_errors=True))
    return t


def project() -> _Project:
    """The GX project of the build folder (<build>/gx): made once per process and build folder. The
    process's first one is made from scratch, as a pipeline's process (one build folder) needs; a process
    that goes on to another build folder without a project (the tests' hundreds) makes a template once and
    gives each such folder a copy of it (_Project._copy). An existing project is brought up to date: its
    suites, definitions and checkpoints written again."""
    build = settings.build_dir().resolve()
    key = str(build)
    p = _PROJECTS.get(key)
    if p is None or not (build / "gx" / "great_expectations.yml").exists():
        fresh = not (build / "gx" / "great_expectations.yml").exists()
        another_before = any(k != key for k in _PROJECTS)
        p = _PROJECTS[key] = _Project(build, copy_of=_template() if fresh and another_before else None)
    return p


def page_paths(proj: _Project, vr_id) -> list[Path]:
    try:
        urls = proj.ctx.get_docs_sites_urls(resource_identifier=vr_id, site_name=SITE, only_if_exists=True)
    except Exception:  # the link is a convenience; the result stands without it
        return []
    return [Path(unquote(u["site_url"].removeprefix("file://"))).resolve() for u in urls if u.get("site_url")]
