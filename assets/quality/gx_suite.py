"""A Great Expectations suite over the figures of one period, and its Data Docs.

    outcome = validate_figures(figures_frame, "2017")      # -> SuiteOutcome (success, per expectation)
    outcome = validate_period(con, "2017")                 # the same, read from the warehouse
    assert_figures_ok(con, "2017")                         # raises FiguresNotValid listing every failure

Two suites run on every validation (GX 1.x fluent API: a pandas data source, one dataframe asset
per frame, a whole-dataframe batch definition, ValidationDefinition, Checkpoint with an
UpdateDataDocsAction):

- `figures` over the period's rows of `figures` (plus a helper column `unit`: `pct` where the
  col_key ends in `_pct`, `index` where it ends in `_index`, else `number`, so the row conditions
  read "unit == pct"): keys not null; (period, table_no, row_key, col_key) unique; provenance
  derived|published; table_no one of the report's; shares 0–100; counts, amounts and indices ≥ 0.
- `figures_sums` over sql/checks/figure_sums.sql (derived figures only): for every table whose
  category rows add up to a total, that total exists and |sum of rows − total| ≤ 1e-6.

The GX project lives in <build>/gx/ (file context; analytics and progress bars off), the Data Docs
in <build>/data_docs/ (index.html). GX pages load Bootstrap and Font Awesome from CDNs; after each
build the pages are made readable without them (an inline <style>, the status written as text,
the index's result tables written out as plain HTML, the logo taken from the local copy).
"""
from __future__ import annotations

import ast
import datetime as dt
import html
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import duckdb
import polars as pl

from core import settings
from assets.core.warehouse import query, read_sql
from schemas.figures import TABLE_NOS

SUITE = "figures"
SUMS_SUITE = "figures_sums"
SITE = "figures"
KEYS = ["period", "table_no", "row_key", "col_key"]
TOLERANCE = 1e-6
MAX_EXPLANATIONS = 50  # per expectation

FIGURE_INDEX = ["table_no", "row_key", "col_key", "period"]
SUMS_INDEX = ["table_no", "col_key", "rows", "against", "sum_of_rows", "total"]


class FiguresNotValid(RuntimeError):
    """The figures of a period failed the quality suite; the message lists every failure."""

    def __init__(self, message: str, outcome: "SuiteOutcome | None" = None):
        super().__init__(message)
        self.outcome = outcome


@dataclass
class ExpectationOutcome:
    check: str            # a stable id, e.g. "share_0_100"
    suite: str
    expectation: str      # the GX expectation type
    description: str
    success: bool
    unexpected: int = 0
    explanations: list[str] = field(default_factory=list)


@dataclass
class SuiteOutcome:
    period: str
    outcomes: list[ExpectationOutcome]
    data_docs: Path | None = None           # index.html
    pages: list[Path] = field(default_factory=list)   # this run's validation pages

    @property
    def success(self) -> bool:
        return all(o.success for o in self.outcomes)

    @property
    def failures(self) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if not o.success]

    @property
    def passed(self) -> int:
        return sum(o.success for o in self.outcomes)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def explanations(self) -> list[str]:
        return [e for o in self.failures for e in o.explanations]

    def summary(self) -> str:
        head = (f"the figures of {self.period} passed all {len(self.outcomes)} quality expectations" if self.success
                else f"the figures of {self.period} failed {self.failed} of {len(self.outcomes)} quality expectations")
        lines = [head + (f" (Data Docs: {self.data_docs})" if self.data_docs else "")]
        for o in self.failures:
            lines.append(f"- {o.description} [{o.check}]:")
            lines += [f"    {e}" for e in o.explanations]
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------- frames

def _as_polars(df: Any) -> pl.DataFrame:
    if isinstance(df, pl.DataFrame):
        return df
    return pl.from_pandas(df)


def load_figures(con: duckdb.DuckDBPyConnection, period: str) -> pl.DataFrame:
    return query(con, read_sql("checks/figures_of_period"), {"period": period})


def figure_frame(figures: Any) -> pl.DataFrame:
    """The figures with the helper column `unit` (pct | index | number | trend) the row conditions use."""
    df = _as_polars(figures)
    ck = pl.col("col_key")
    return df.with_columns(
        pl.when(ck == "trend").then(pl.lit("trend"))  # a trend word's direction: -1, 0, +1
        .when(ck.str.ends_with("_pct")).then(pl.lit("pct"))
        .when(ck.str.ends_with("_index")).then(pl.lit("index"))
        .otherwise(pl.lit("number")).alias("unit"))


def figure_sums(figures: Any, period: str) -> pl.DataFrame:
    """sql/checks/figure_sums.sql over a figures frame (run in an in-memory DuckDB)."""
    df = _as_polars(figures).select("period", "table_no", "row_key", "col_key",
                                    pl.col("value").cast(pl.Float64), "provenance")
    con = duckdb.connect()
    try:
        con.register("figures", df.to_arrow())
        return query(con, read_sql("checks/figure_sums"), {"period": period})
    finally:
        con.close()


# ---------------------------------------------------------------------------------- expectations

def _gx():
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    import great_expectations as gx

    return gx


def figures_suite():
    """The expectation suite over the figures of one period (frame: figure_frame())."""
    gx = _gx()
    from great_expectations.expectations.row_conditions import Column

    E = gx.expectations
    suite = gx.ExpectationSuite(name=SUITE, meta={"notes": "Quality gate over `figures` (assets/quality/gx_suite.py)."})
    for c in [*KEYS, "provenance"]:
        suite.add_expectation(E.ExpectColumnValuesToNotBeNull(
            column=c, meta={"check": f"{c}_not_null"}, description=f"Every figure has a {c}."))
    suite.add_expectation(E.ExpectCompoundColumnsToBeUnique(
        column_list=KEYS, meta={"check": "one_value_per_cell"},
        description="One value per cell: (period, table_no, row_key, col_key) is unique."))
    suite.add_expectation(E.ExpectColumnValuesToBeInSet(
        column="provenance", value_set=["derived", "published"], meta={"check": "provenance"},
        description="Provenance is 'derived' or 'published'."))
    suite.add_expectation(E.ExpectColumnValuesToBeInSet(
        column="table_no", value_set=TABLE_NOS, meta={"check": "table_no"},
        description="table_no is a table of the report (1–19, 14-1, topics, courts, summary)."))
    suite.add_expectation(E.ExpectColumnValuesToBeBetween(
        column="value", min_value=0, max_value=100, row_condition=Column("unit") == "pct",
        meta={"check": "share_0_100"}, description="Percentages (col_key ending in _pct) lie between 0 and 100."))
    suite.add_expectation(E.ExpectColumnValuesToBeBetween(
        column="value", min_value=0, row_condition=Column("unit") == "number",
        meta={"check": "count_not_negative"}, description="Counts and amounts (participants, police, minutes, …) are not negative."))
    suite.add_expectation(E.ExpectColumnValuesToBeBetween(
        column="value", min_value=0, row_condition=Column("unit") == "index",
        meta={"check": "index_not_negative"}, description="Indices (police_control_index, activity_index) are not negative."))
    return suite


def sums_suite():
    """The expectation suite over figure_sums(): rows add up to their totals (derived figures)."""
    gx = _gx()
    E = gx.expectations
    suite = gx.ExpectationSuite(name=SUMS_SUITE, meta={"notes": "Rows of a table add up to its total (sql/checks/figure_sums.sql)."})
    suite.add_expectation(E.ExpectColumnValuesToNotBeNull(
        column="total", meta={"check": "total_exists"},
        description="Every table whose rows add up has the total they add up to."))
    suite.add_expectation(E.ExpectColumnValuesToBeBetween(
        column="difference", min_value=-TOLERANCE, max_value=TOLERANCE, meta={"check": "rows_sum_to_total"},
        description=f"The rows of a table sum to its total (derived figures; tolerance {TOLERANCE:g})."))
    return suite


# ------------------------------------------------------------------------------------ explanations

def _num(v: Any) -> str:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return repr(v)
    return f"{f:.10g}"


def _cell(d: dict) -> str:
    return f"table {d.get('table_no')}, row {d.get('row_key')}, column {d.get('col_key')}"


def _explain(check: str, row: dict) -> str:
    if check.endswith("_not_null") and check != "total_exists":
        col = check[: -len("_not_null")]
        return f"{_cell(row)} (period {row.get('period')}): no {col}"
    if check == "provenance":
        return f"{_cell(row)}: provenance {row.get('provenance')!r} is neither 'derived' nor 'published'"
    if check == "table_no":
        return f"{_cell(row)}: table_no {row.get('table_no')!r} is no table of the report"
    if check == "share_0_100":
        return f"{_cell(row)}: the share {_num(row.get('value'))} % lies outside 0–100"
    if check == "count_not_negative":
        return f"{_cell(row)}: {_num(row.get('value'))} is negative (a count or amount cannot be)"
    if check == "index_not_negative":
        return f"{_cell(row)}: the index {_num(row.get('value'))} is negative"
    if check == "total_exists":
        return (f"table {row.get('table_no')}, column {row.get('col_key')}: the {row.get('rows')} sum to "
                f"{_num(row.get('sum_of_rows'))} but there is no total to compare them with ({row.get('against')})")
    if check == "rows_sum_to_total":
        s, t = row.get("sum_of_rows"), row.get("total")
        diff = f" (difference {float(s) - float(t):+.10g})" if s is not None and t is not None else ""
        against = "they must make 100" if row.get("against") == "100" else f"{row.get('against')} is {_num(t)}"
        return (f"table {row.get('table_no')}, column {row.get('col_key')}: the {row.get('rows')} sum to {_num(s)} "
                f"but {against}{diff}")
    return f"{row}"


def _explanations(check: str, result: dict) -> list[str]:
    rows = result.get("unexpected_index_list") or []
    if check == "one_value_per_cell":
        counts: dict[tuple, int] = {}
        for r in rows:
            k = tuple(r.get(c) for c in KEYS)
            counts[k] = counts.get(k, 0) + 1
        out = [f"table {t}, row {rk}, column {ck} (period {p}): {n} values for one cell"
               for (p, t, rk, ck), n in counts.items()]
    else:
        out = [_explain(check, r) for r in rows]
        if not rows and result.get("unexpected_count"):
            out = [f"{result.get('unexpected_count')} unexpected values: {result.get('partial_unexpected_list')}"]
    if len(out) > MAX_EXPLANATIONS:
        out = out[:MAX_EXPLANATIONS] + [f"… and {len(out) - MAX_EXPLANATIONS} more"]
    return out


def _outcomes(suite_name: str, validation_result) -> list[ExpectationOutcome]:
    out = []
    for r in validation_result.results:
        cfg = r.expectation_config
        check = (cfg.meta or {}).get("check", cfg.type)
        desc = cfg.description or cfg.type
        if r.exception_info and r.exception_info.get("raised_exception"):
            expl = [f"the expectation could not run: {r.exception_info.get('exception_message')}"]
            out.append(ExpectationOutcome(check, suite_name, cfg.type, desc, False, 0, expl))
            continue
        res = r.result or {}
        out.append(ExpectationOutcome(
            check=check, suite=suite_name, expectation=cfg.type, description=desc, success=bool(r.success),
            unexpected=int(res.get("unexpected_count") or 0),
            explanations=[] if r.success else _explanations(check, res)))
    return out


# ------------------------------------------------------------------------------------ the context

_PROJECTS: dict[str, "_Project"] = {}


def gx_root() -> Path:
    return settings.build_dir() / "gx"


def data_docs_dir() -> Path:
    return settings.build_dir() / "data_docs"


class _Project:
    """One file context under <build>/gx with the data source, suites, validation definitions and
    checkpoints of both frames; made once per process and build folder."""

    def __init__(self, build: Path):
        gx = _gx()
        from great_expectations.data_context.types.base import ProgressBarsConfig

        build.mkdir(parents=True, exist_ok=True)
        ctx = gx.get_context(mode="file", project_root_dir=str(build))
        ctx.variables.analytics_enabled = False
        ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        ctx.variables.save()
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
        self.validations = {}
        self.checkpoints = {}
        for suite in (figures_suite(), sums_suite()):
            asset = source.add_dataframe_asset(suite.name)
            batch = asset.add_batch_definition_whole_dataframe(f"{suite.name} of a period")
            suite = ctx.suites.add_or_update(suite)
            vd = ctx.validation_definitions.add_or_update(gx.ValidationDefinition(name=suite.name, data=batch, suite=suite))
            self.validations[suite.name] = vd
            index_cols = FIGURE_INDEX if suite.name == SUITE else SUMS_INDEX
            self.checkpoints[suite.name] = ctx.checkpoints.add_or_update(gx.Checkpoint(
                name=suite.name, validation_definitions=[vd],
                actions=[gx.checkpoint.UpdateDataDocsAction(name="data_docs", site_names=[SITE])],
                result_format={"result_format": "COMPLETE", "unexpected_index_column_names": index_cols}))


def _project() -> _Project:
    build = settings.build_dir().resolve()
    key = str(build)
    p = _PROJECTS.get(key)
    if p is None or not (build / "gx" / "great_expectations.yml").exists():
        p = _PROJECTS[key] = _Project(build)
    return p


# ------------------------------------------------------------------------------------ validating

def validate_figures(figures: Any, period: str, *, data_docs: bool = True) -> SuiteOutcome:
    """Run both suites over a figures frame (polars or pandas) of one period."""
    from great_expectations.core.run_identifier import RunIdentifier

    proj = _project()
    frames = {
        SUITE: figure_frame(figures).to_pandas(),
        SUMS_SUITE: figure_sums(figures, period).to_pandas(),
    }
    run_id = RunIdentifier(run_name=period, run_time=dt.datetime.now(dt.timezone.utc))
    outcomes: list[ExpectationOutcome] = []
    pages: list[Path] = []
    for name, df in frames.items():
        if data_docs:
            cp_result = proj.checkpoints[name].run(batch_parameters={"dataframe": df}, run_id=run_id)
            for vr_id, vr in cp_result.run_results.items():
                outcomes += _outcomes(name, vr)
                pages += _page_paths(proj, vr_id)
        else:
            index_cols = FIGURE_INDEX if name == SUITE else SUMS_INDEX
            vr = proj.validations[name].run(batch_parameters={"dataframe": df}, run_id=run_id, result_format={
                "result_format": "COMPLETE", "unexpected_index_column_names": index_cols})
            outcomes += _outcomes(name, vr)
    index = None
    if data_docs:
        make_offline_readable(data_docs_dir())
        index = data_docs_dir() / "index.html"
    return SuiteOutcome(period=period, outcomes=outcomes, data_docs=index, pages=pages)


def _page_paths(proj: _Project, vr_id) -> list[Path]:
    try:
        urls = proj.ctx.get_docs_sites_urls(resource_identifier=vr_id, site_name=SITE, only_if_exists=True)
    except Exception:  # the link is a convenience; the result stands without it
        return []
    return [Path(unquote(u["site_url"].removeprefix("file://"))).resolve() for u in urls if u.get("site_url")]


def validate_period(con: duckdb.DuckDBPyConnection, period: str, *, data_docs: bool = True) -> SuiteOutcome:
    """Both suites over the period's figures as they stand in the warehouse."""
    return validate_figures(load_figures(con, period), period, data_docs=data_docs)


def assert_figures_ok(con: duckdb.DuckDBPyConnection, period: str, *, allow_empty: bool = False) -> None:
    """Raise FiguresNotValid, listing every failing expectation, unless the period's figures pass.
    A period without any figure is an error too (unless allow_empty): there is nothing to report."""
    figures = load_figures(con, period)
    if figures.height == 0:
        if allow_empty:
            return
        raise FiguresNotValid(f"the warehouse holds no figures of period {period}: materialize `figures` "
                              f"for {period} (e.g. `monitor run --period {period}`) before rendering its report")
    outcome = validate_figures(figures, period)
    if not outcome.success:
        raise FiguresNotValid("refusing to use wrong numbers: " + outcome.summary(), outcome)


# ------------------------------------------------------------------------ Data Docs without a CDN

_MARK = "<!-- readable-offline -->"
_STYLE = """<!-- readable-offline -->
<style>
/* Fallback for when the CDN stylesheets (Bootstrap, Font Awesome) cannot load. */
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; margin: 0 1em; color: #222; }
table { border-collapse: collapse; margin: .4em 0; }
td, th { border: 1px solid #ccc; padding: 3px 7px; vertical-align: top; text-align: left; }
.ge-status { font-weight: bold; white-space: nowrap; }
.ge-status-failed, .text-danger { color: #b00020; }
.ge-status-passed, .text-success { color: #11752f; }
.navbar img { height: 32px !important; }
.cooltip .top { display: none; }
.ge-offline-table { margin: .5em 0 1.5em; }
.ge-js-ok .ge-offline-table { display: none; }
pre, code { white-space: pre-wrap; }
</style>
"""
_ICON = re.compile(r'(<i class="fas (fa-check-circle|fa-times)[^"]*"[^>]*>\s*</i>)')
_REMOTE_LOGO = re.compile(r"https://great-expectations-web-assets\.[^'\"\s)]*")
_BS_TABLE = re.compile(
    r"\$\('#(?P<id>[\w-]+)'\)\.bootstrapTable\(\s*Object\.assign\(\s*\{\s*columns: (?P<cols>\[.*?\]),\s*"
    r"data: (?P<data>\[.*?\]),\s*toolbar:", re.S)
_JS_CHECK = ('<script>if (window.jQuery && jQuery.fn && jQuery.fn.bootstrapTable) '
             'document.documentElement.classList.add("ge-js-ok");</script>')


def _status_text(m: re.Match) -> str:
    ok = m.group(2) == "fa-check-circle"
    word = "passed" if ok else "failed"
    return f'{m.group(1)}<span class="ge-status ge-status-{word}">{"✔" if ok else "✘"} {word}</span>'


def _static_tables(page: str) -> dict[str, str]:
    """The tables the index builds with bootstrap-table (JS) as plain HTML, by table id."""
    out = {}
    for m in _BS_TABLE.finditer(page):
        try:
            cols = ast.literal_eval(m.group("cols"))
            data = ast.literal_eval(m.group("data"))
        except (ValueError, SyntaxError):
            continue
        head = "".join(f"<th>{html.escape(str(c.get('title', c.get('field'))))}</th>" for c in cols)
        body = []
        for row in data:
            link = row.get("_table_row_link_path")
            cells = []
            linked = 1 if len(cols) > 1 else 0  # the run time, or the suite's name, links to the page
            for i, c in enumerate(cols):
                v = str(row.get(c["field"], ""))
                if i == linked and link and "<a " not in v:
                    v = f'<a href="{html.escape(link)}">{v}</a>'
                cells.append(f"<td>{v}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        out[m.group("id")] = (f'<table class="ge-offline-table"><thead><tr>{head}</tr></thead>'
                              f'<tbody>{"".join(body) or "<tr><td>none yet</td></tr>"}</tbody></table>')
    return out


def _readable(page: str, static_prefix: str) -> str:
    page = page.replace("<head>", "<head>\n" + _STYLE, 1)
    page = _REMOTE_LOGO.sub(f"{static_prefix}static/images/logo-long.png", page)  # the logo, from the local copy
    for table_id, table in _static_tables(page).items():
        anchor = re.search(rf'<table\s+id="{re.escape(table_id)}"[^>]*>\s*</table>', page)
        if anchor:
            page = page[: anchor.end()] + "\n" + table + page[anchor.end():]
    page = _ICON.sub(_status_text, page)
    return page.replace("</body>", _JS_CHECK + "\n</body>", 1)


def make_offline_readable(site: Path) -> int:
    """Post-process every page of the site not yet processed; returns how many were changed."""
    n = 0
    for f in site.rglob("*.html"):
        text = f.read_text(encoding="utf-8")
        if _MARK in text:
            continue
        depth = len(f.relative_to(site).parts) - 1
        f.write_text(_readable(text, "../" * depth), encoding="utf-8")
        n += 1
    return n
