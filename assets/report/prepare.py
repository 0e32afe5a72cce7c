"""Everything the report's sources need for one period and language, read from the warehouse:
`variables` (the `{{< var ... >}}` values of the text), `fragments` (generated markdown — tables,
sentences with comparisons, notable events, the appendix — included with
`{{< include _generated/NAME.md >}}`) and `files` (the charts). No number is typed in report/.

    data = prepare.load(con, "2017")              # ReportData: read once for both languages
    ctx = prepare.build(None, "2017", "ru", data)  # Context: variables, fragments, files

Multi-period tables use every period that `figures` holds (derived from cards, or published for
periods without cards: those columns are marked with an asterisk and a note). The previous period is
the one before this in config/periods.yaml; comparisons are computed, and left out when the
warehouse has nothing to compare with.

This module assembles the context; each part has its own module: report_data.py (what is read),
period_view.py (a figure as shown), text_figures.py, sentences.py, period_tables.py,
notable_events.py, appendix.py, chart_fragments.py."""
from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from assets.core import periods
from assets.report import appendix, chart_fragments, fmt, labels, media_sources, notable_events, period_tables, sentences, text_figures
from assets.report.period_view import PeriodView
from assets.report.report_data import ReportData, load

__all__ = ["Builder", "Context", "ReportData", "build", "load"]


@dataclass
class Context:
    period: str
    lang: str
    variables: dict = field(default_factory=dict)
    fragments: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)


def build(con: duckdb.DuckDBPyConnection, period_id: str, lang: str, data: ReportData | None = None) -> Context:
    data = data or load(con, period_id)
    return Builder(data, period_id, lang).build()


class Builder(PeriodView):
    """The report context of one period and language, built part by part (in this order: the notes
    under the tables and the footnotes of the text are numbered as they are written)."""

    def __init__(self, data: ReportData, period_id: str, lang: str):
        super().__init__(data, period_id, lang)
        self.ctx = Context(period=period_id, lang=lang)

    def build(self) -> Context:
        lang, ctx = self.lang, self.ctx
        period = periods.get(self.period)
        sv = text_figures.text_variables(self)
        months = labels.months(lang)
        start = f"{fmt.date(period.start, lang, months)} {period.start.year}"
        end = f"{fmt.date(period.end, lang, months)} {period.end.year}"
        ctx.variables = {
            "period": self.period, "start": start, "end": end, "s": sv,
            "title": labels.word("source_note", lang), "h": labels.sections(lang),
            "c": sentences.build(self),
        }
        ctx.fragments.update(period_tables.fragments(self))
        ctx.fragments["events_political"] = notable_events.events(self, "political")
        ctx.fragments["events_forms"] = notable_events.events(self, "forms")
        ctx.fragments["events_detentions"] = notable_events.events(self, "detentions")
        ctx.fragments["appendix"] = appendix.appendix(self)
        ctx.fragments["basis"] = text_figures.basis(self)
        ctx.fragments["media_sources"] = media_sources.fragment(self.data.media, lang)
        chart_fragments.add_charts(self, ctx)
        return ctx
