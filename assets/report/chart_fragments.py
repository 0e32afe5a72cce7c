"""The report's charts: drawn by assets/report/charts.py from the period's figures, and the markdown
that includes them (`chart_dynamics`, `chart_cities`, `chart_character`, `chart_forms`, `chart_police`)."""
from __future__ import annotations

from assets.report import charts, labels
from assets.report.period_tables import CHARACTERS
from assets.report.period_view import PeriodView

CHARTS = ["dynamics", "cities", "character", "forms", "police"]


def chart_md(name: str, title: str) -> str:
    return f"![{title}](_generated/{name}.svg){{#fig-{name} width=100%}}\n"


def add_charts(b: PeriodView, ctx) -> None:
    """The charts of the period into ctx.files (svg, png) and their fragments `chart_*` into ctx.fragments."""
    lang = b.lang
    legend = (labels.word("derived_legend", lang), labels.word("published_legend", lang))
    per = b.periods_with("2", "count", "total")
    if per:
        ctx.files.update(_files("dynamics", charts.by_period_bars(
            per, [b.v("2", "total", "count", p) for p in per], [b.is_pub(p, "2") for p in per],
            ylabel=labels.word("assemblies_count", lang), legend=legend, decimals=0, lang=lang)))
        ctx.fragments["chart_dynamics"] = chart_md("dynamics", labels.chart("dynamics", lang, b.period))
    cities = [r for r in b.cities_over("1", "count", [b.period]) if b.v("1", r, "count")]
    if cities:
        ctx.files.update(_files("cities", charts.ranked(
            [labels.row(r, lang, "city") for r in cities], [b.v("1", r, "count") for r in cities],
            _shares(b, "1", cities), lang, labels.word("assemblies_count", lang))))
        ctx.fragments["chart_cities"] = chart_md("cities", labels.chart("cities", lang, b.period))
    per = b.periods_with("4", "share_pct")
    if per:
        ctx.files.update(_files("character", charts.stacked_shares(
            per, {k: [b.v("4", k, "share_pct", p) for p in per] for k in CHARACTERS},
            {k: labels.code("character", k, lang) for k in CHARACTERS}, lang, labels.word("share_of_assemblies", lang))))
        ctx.fragments["chart_character"] = chart_md("character", labels.chart("character", lang, b.period))
    forms = sorted([r for (t, r, c), x in b.fig.items() if t == "7" and c == "count" and r != "total" and x],
                   key=lambda r: (-b.v("7", r, "count"), r))
    if forms:
        ctx.files.update(_files("forms", charts.ranked(
            [labels.code("form", r, lang) for r in forms], [b.v("7", r, "count") for r in forms],
            _shares(b, "7", forms), lang, labels.word("assemblies_count", lang))))
        ctx.fragments["chart_forms"] = chart_md("forms", labels.chart("forms", lang, b.period))
    per = b.periods_with("15", "police_control_index", "total")
    if any(b.v("15", "total", "police_control_index", p) is not None for p in per):  # no chart of nothing but gaps
        ctx.files.update(_files("police", charts.by_period_bars(
            per, [b.v("15", "total", "police_control_index", p) for p in per], [b.is_pub(p, "15") for p in per],
            ylabel=labels.column("police_control_index", lang), legend=legend, decimals=2, lang=lang, line=True)))
        ctx.fragments["chart_police"] = chart_md("police", labels.chart("police", lang, b.period))
    for name in CHARTS:
        ctx.fragments.setdefault(f"chart_{name}", "")


def _shares(b: PeriodView, table: str, rows: list[str]) -> list[str | None]:
    """Each row's share as its table shows it (Table 1 prints 3 of 36 as 8%, not 8,3%), without the table's marker:
    a bar's label never gives another figure than the table beside it."""
    return [None if b.v(table, r, "share_pct") is None else b.cell(table, r, "share_pct", mark=False) for r in rows]


def _files(name: str, rendered: dict[str, bytes]) -> dict[str, bytes]:
    return {f"{name}.{ext}": data for ext, data in rendered.items()}
