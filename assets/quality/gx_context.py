"""The GX project: one file context under <build>/gx with the pandas data source, both suites, their
validation definitions and checkpoints (Data Docs site in <build>/data_docs); made once per process
and build folder."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote

from core import settings
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

    def __init__(self, build: Path):
        gx = gx_setup.load()
        from great_expectations.data_context.types.base import ProgressBarsConfig

        build.mkdir(parents=True, exist_ok=True)
        ctx = gx.get_context(mode="file", project_root_dir=str(build))
        ctx.variables.analytics_enabled = False
        ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        ctx.variables.save()
        _read_config_variables_once(ctx)
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


def update_docs(proj: _Project, results: dict) -> None:
    """Data Docs for the validation results of a run ({ValidationResultIdentifier: result}, every
    suite's): their pages, their suites' pages and the site's index, built once (what each
    checkpoint's UpdateDataDocsAction did, the index once instead of once per suite). A suite's own
    page depends only on the suite, which does not change within a process: it is built the first
    time, and again only if its file has gone."""
    from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

    ids: list = []
    suites: set[str] = set()
    for vr_id, vr in results.items():
        ids.append(vr_id)
        page = data_docs_dir() / "expectations" / f"{vr.suite_name}.html"
        if vr.suite_name not in proj.suite_pages or not page.exists():
            ids.append(ExpectationSuiteIdentifier(name=vr.suite_name))
            suites.add(vr.suite_name)
    proj.ctx.build_data_docs(site_names=[SITE], resource_identifiers=ids, dry_run=False, build_index=True)
    proj.suite_pages |= suites


def project() -> _Project:
    build = settings.build_dir().resolve()
    key = str(build)
    p = _PROJECTS.get(key)
    if p is None or not (build / "gx" / "great_expectations.yml").exists():
        p = _PROJECTS[key] = _Project(build)
    return p


def page_paths(proj: _Project, vr_id) -> list[Path]:
    try:
        urls = proj.ctx.get_docs_sites_urls(resource_identifier=vr_id, site_name=SITE, only_if_exists=True)
    except Exception:  # the link is a convenience; the result stands without it
        return []
    return [Path(unquote(u["site_url"].removeprefix("file://"))).resolve() for u in urls if u.get("site_url")]
