"""Everything the report's sources need for one period and language, read from the warehouse:
`variables` (the `{{< var ... >}}` values of the text) and `fragments` (generated markdown such as
tables, included with `{{< include _generated/NAME.md >}}`). No number is typed in report/."""
from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import polars as pl

from assets.core import periods
from assets.core.warehouse import query
from assets.report import fmt, labels
from assets.report.tables import index_figures, keyed_table, period_table

CITY_TABLES = {
    "t01": ("1", ["count", "share_pct"], {"count": "share_pct"}),
    "t11": ("11", ["count", "unsanctioned", "sanctioned", "law_abidance_pct"], {}),
    "t14": ("14", ["participants", "police", "police_control_index"], {}),
    "t16": ("16", ["detention_cases", "detained_persons"], {}),
    "t19": ("19", ["duration_total_min", "duration_avg_min", "duration_median_min"], {}),
}


@dataclass
class Context:
    period: str
    lang: str
    variables: dict = field(default_factory=dict)
    fragments: dict[str, str] = field(default_factory=dict)


def load_figures(con: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    df = query(con, "SELECT period, table_no, row_key, col_key, value FROM figures")
    out: dict[str, dict] = {}
    for (p,), part in df.group_by(["period"]):
        out[p] = index_figures(part)
    return out


def build(con: duckdb.DuckDBPyConnection, period_id: str, lang: str) -> Context:
    period = periods.get(period_id)
    figs_all = load_figures(con)
    fig = figs_all.get(period_id, {})
    if not fig:
        raise LookupError(f"the warehouse has no figures for period {period_id}: materialize it first")
    year = period_id
    ctx = Context(period=period_id, lang=lang)
    s = {c: v for (t, r, c), v in fig.items() if t == "summary"}
    sv = {k: fmt.for_column(k, v, lang) for k, v in s.items()}
    if lang == "ru":
        sv["assemblies_phrase"] = fmt.agree(s["assemblies"], "мирное собрание")
        sv["cities_phrase"] = "в " + fmt.agree_case(s["cities"], "город", "loct")
    else:
        sv["assemblies_phrase"] = fmt.agree(s["assemblies"], "peaceful assembly", "en", "peaceful assemblies")
        sv["cities_phrase"] = "in " + fmt.agree(s["cities"], "city", "en", "cities")
    ctx.variables = {
        "period": period_id,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "s": sv,
        "title": labels.word("source_note", lang),
        "h": labels.sections(lang),
    }

    for name, (t, cols, share) in CITY_TABLES.items():
        ctx.fragments[name] = keyed_table(fig, t, cols, lang, year, row_field="city", share_with=share,
                                          order_col=cols[0] if t != "19" else None)
    ctx.fragments["t04"] = keyed_table(fig, "4", ["count", "share_pct"], lang, year, row_field="character",
                                       rows=["political", "economic", "social"], totals=(), share_with={"count": "share_pct"},
                                       first_header=labels.word("character", lang))
    ctx.fragments["t06"] = keyed_table(fig, "6", ["count", "share_pct"], lang, year, row_field="organizer_type",
                                       rows=["ngo", "spontaneous", "individual"], totals=(), share_with={"count": "share_pct"},
                                       first_header=labels.word("organizer", lang))
    forms = [k for (t, k, c), v in sorted(fig.items()) if t == "7" and c == "count" and k != "total" and v]
    forms.sort(key=lambda k: -fig[("7", k, "count")])
    ctx.fragments["t07"] = keyed_table(fig, "7", ["count", "share_pct"], lang, year, row_field="form", rows=forms,
                                       share_with={"count": "share_pct"}, first_header=labels.word("form", lang))
    ctx.fragments["t10"] = keyed_table(fig, "10", ["share_pct"], lang, year, row_field="reason_not_applied",
                                       rows=["principled", "expected_refusal", "unaware", "spontaneous", "unknown"], totals=(),
                                       first_header=labels.word("reason", lang))
    ctx.fragments["t13"] = keyed_table(fig, "13", ["present", "warned"], lang, year, row_field=None,
                                       rows=["prosecutor", "akimat", "police"], totals=(), first_header=labels.word("authority", lang))
    ctx.fragments["t14_1"] = keyed_table(fig, "14-1", ["participants", "police", "police_control_index"], lang, year,
                                         row_field=None, rows=[], totals=("total",))
    ctx.fragments["t18"] = keyed_table(fig, "18", ["participants", "participants_avg", "participants_median"], lang, year,
                                       row_field="city", order_col="participants",
                                       totals=("total", "total_excl_sanctioned", "total_excl_sanctioned_state"))
    ctx.fragments["courts"] = keyed_table(fig, "courts", ["court_cases", "warnings", "fines", "fine_mrp_total", "arrests",
                                                          "arrest_days_total", "released_without_charge"], lang, year,
                                          row_field=None, rows=[], totals=("total",))
    with_figs = [p for p in periods.period_ids() if p in figs_all]
    ctx.fragments["t02"] = period_table(figs_all, "2", _cities_over(figs_all, "2") + ["total"], "count", lang, with_figs,
                                        row_field="city", first_header=labels.word("city", lang), year=year)
    ctx.fragments["t03"] = period_table(figs_all, "3", _cities_over(figs_all, "3", "activity_index") + ["total"], "activity_index",
                                        lang, with_figs, row_field="city", first_header=labels.word("city", lang), year=year)
    topics = sorted(((k, v) for (t, k, c), v in fig.items() if t == "topics"), key=lambda kv: (kv[0].split("/")[0], -kv[1], kv[0]))
    ctx.fragments["topics"] = _topics_md(topics, lang, year)
    return ctx


def _cities_over(figs_all: dict, table_no: str, col: str = "count") -> list[str]:
    totals: dict[str, float] = {}
    for fig in figs_all.values():
        for (t, r, c), v in fig.items():
            if t == table_no and c == col and not r.startswith("total"):
                totals[r] = totals.get(r, 0) + (v or 0)
    return sorted(totals, key=lambda r: -totals[r])


def _topics_md(topics: list[tuple[str, float]], lang: str, year: str) -> str:
    from assets.report.tables import md_escape, pipe_table, caption

    rows = []
    for key, n in topics:
        character, _, topic = key.partition("/")
        rows.append([labels.code("character", character, lang), md_escape(topic), fmt.count(n, lang)])
    return pipe_table([labels.word("character", lang), labels.word("topic", lang), labels.column("count", lang)],
                      rows, align=["l", "l", "r"], cap=caption("topics", lang, year).replace(labels.word("table", lang) + "topics. ", ""))


def summary_frame(con: duckdb.DuckDBPyConnection, period_id: str) -> pl.DataFrame:
    return query(con, "SELECT col_key, value FROM figures WHERE period = ? AND table_no = 'summary' ORDER BY col_key", [period_id])
