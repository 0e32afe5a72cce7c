"""Everything the report's sources need for one period and language, read from the warehouse:
`variables` (the `{{< var ... >}}` values of the text), `fragments` (generated markdown — tables,
sentences with comparisons, notable events, the appendix — included with
`{{< include _generated/NAME.md >}}`) and `files` (the charts). No number is typed in report/.

Multi-period tables use every period that `figures` holds (derived from cards, or published for
periods without cards: those columns are marked with an asterisk and a note). The previous period is
the one before this in config/periods.yaml; comparisons are computed, and left out when the
warehouse has nothing to compare with."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import duckdb
import polars as pl

from assets.core import periods
from assets.core.warehouse import query
from assets.report import charts, fmt, labels
from assets.report.tables import caption, keyed_table, md_escape, pipe_table

CITY_TABLES = {
    "t01": ("1", ["count", "share_pct"], {"count": "share_pct"}),
    "t11": ("11", ["count", "unsanctioned", "sanctioned", "law_abidance_pct"], {}),
    "t14": ("14", ["participants", "police", "police_control_index"], {}),
    "t16": ("16", ["detention_cases", "detained_persons"], {}),
}
CHARACTERS = ["political", "economic", "social"]
ORGANIZERS = ["ngo", "spontaneous", "individual"]
REASONS = ["principled", "expected_refusal", "unaware", "spontaneous", "unknown"]
COMMON_FORMS = {"rally", "picket", "single_picket", "march"}
CHARTS = ["dynamics", "cities", "character", "forms", "police"]
ROW_FIELD = {"4": "character", "5": "organizer_type", "6": "organizer_type", "7": "form", "8": "form",
             "10": "reason_not_applied", "13": None, "courts": None, "summary": None, "topics": None}


def _table_order(t: str | None) -> tuple:
    t = t or ""
    m = re.match(r"(\d+)(?:-(\d+))?", t)
    return (0, int(m.group(1)), int(m.group(2) or 0), t) if m else (1, 0, 0, t)


@dataclass
class Context:
    period: str
    lang: str
    variables: dict = field(default_factory=dict)
    fragments: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)


@dataclass
class Warehouse:
    """What the report reads, loaded once for both languages."""
    figs: dict[str, dict]                # period -> {(table_no, row_key, col_key): value}
    published: set[tuple[str, str]]      # (period, table_no) whose figures are published, not derived
    cards: pl.DataFrame                  # the period's cards (for notable events)
    private_names: list[str]             # names of persons not marked public (only to redact them)
    reconciliation: pl.DataFrame | None
    audit: pl.DataFrame | None


def _has_table(con, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[0])


def load(con: duckdb.DuckDBPyConnection, period_id: str) -> Warehouse:
    df = query(con, "SELECT period, table_no, row_key, col_key, value, provenance FROM figures")
    figs: dict[str, dict] = {}
    published: set[tuple[str, str]] = set()
    for r in df.iter_rows(named=True):
        figs.setdefault(r["period"], {})[(r["table_no"], r["row_key"], r["col_key"])] = r["value"]
        if r["provenance"] == "published":
            published.add((r["period"], r["table_no"]))
    cards = query(con, "SELECT * FROM cards WHERE period = ? ORDER BY date, card_id", [period_id]) \
        if _has_table(con, "cards") else pl.DataFrame()
    names: list[str] = []
    if _has_table(con, "persons"):
        # read only to keep private names out of the public text (never printed)
        names = [n for (n,) in con.execute(
            "SELECT DISTINCT name FROM persons WHERE name IS NOT NULL AND NOT coalesce(public, false)").fetchall()]
    recon = audit = None
    if _has_table(con, "reconciliation"):
        recon = query(con, "SELECT * FROM reconciliation WHERE period = ?", [period_id])
    if _has_table(con, "audit"):
        audit = query(con, "SELECT * FROM audit WHERE period = ?", [period_id])
    return Warehouse(figs, published, cards, names, recon, audit)


def build(con: duckdb.DuckDBPyConnection, period_id: str, lang: str, wh: Warehouse | None = None) -> Context:
    wh = wh or load(con, period_id)
    return Builder(wh, period_id, lang).build()


class Builder:
    def __init__(self, wh: Warehouse, period_id: str, lang: str):
        self.wh, self.period, self.lang = wh, period_id, lang
        self.fig = wh.figs.get(period_id, {})
        if not self.fig:
            raise LookupError(f"the warehouse has no figures for period {period_id}: materialize it first")
        order = periods.period_ids()
        self.order = [p for p in order if p in wh.figs]
        i = order.index(period_id)
        self.prev = order[i - 1] if i > 0 and order[i - 1] in wh.figs else None
        # only periods up to this one: a report never shows the future
        self.upto = [p for p in self.order if order.index(p) <= i]
        self.ctx = Context(period=period_id, lang=lang)

    # ---------------------------------------------------------------- helpers
    def v(self, table: str, row: str, col: str, period: str | None = None):
        return self.wh.figs.get(period or self.period, {}).get((table, row, col))

    def periods_with(self, table: str, col: str, row: str | None = None) -> list[str]:
        return [p for p in self.upto if any(k[0] == table and k[2] == col and (row is None or k[1] == row)
                                            for k in self.wh.figs[p])]

    def mean_over_periods(self, table: str, col: str, row: str = "total") -> tuple[float, int] | None:
        """The mean of a figure over every period that has it, and how many: None for fewer than two."""
        vals = [x for x in (self.v(table, row, col, p) for p in self.periods_with(table, col, row)) if x is not None]
        if len(vals) < 2:
            return None
        return sum(vals) / len(vals), len(vals)

    def is_pub(self, period: str, table: str) -> bool:
        return (period, table) in self.wh.published

    def mark(self, period: str, table: str) -> str:
        return period + (labels.word("published_mark", self.lang) if self.is_pub(period, table) else "")

    def note_if_published(self, table: str, shown: list[str]) -> str:
        if any(self.is_pub(p, table) for p in shown):
            return "\n" + labels.word("published_note", self.lang) + "\n"
        return ""

    def row_label(self, r: str, field: str | None) -> str:
        label = labels.row(r, self.lang, field)
        return f"**{label}**" if r.startswith("total") else label

    # ---------------------------------------------------------------- tables
    def by_period(self, table: str, rows: list[str], col: str, *, field: str | None, first_header: str,
                  share_col: str | None = None, per: list[str] | None = None) -> str:
        """Rows × one column per period (tables 2, 3, 6, 8, 10)."""
        per = per or self.periods_with(table, col)
        if share_col:
            per = sorted(set(per) | set(self.periods_with(table, share_col)), key=self.upto.index)
        header = [first_header] + [self.mark(p, table) for p in per]
        body = []
        for r in rows:
            line = [self.row_label(r, field)]
            for p in per:
                x, s = self.v(table, r, col, p), (self.v(table, r, share_col, p) if share_col else None)
                if x is None and s is None:
                    line.append("—")
                elif x is None:
                    line.append(fmt.pct(s, self.lang))
                else:
                    line.append(fmt.for_column(col, x, self.lang) + (f" ({fmt.pct(s, self.lang)})" if s is not None else ""))
            body.append(line)
        return pipe_table(header, body, cap=caption(table, self.lang, self.period)) + self.note_if_published(table, per)

    def across_periods(self, table: str, row: str, col: str, label: str, mean: bool = False) -> str:
        """One row, one column per period (tables 5, 9, 12, 15, 17); optionally the mean over periods."""
        per = self.periods_with(table, col, row)
        header = [labels.word("period", self.lang)] + [self.mark(p, table) for p in per]
        line = [label] + [fmt.for_column(col, self.v(table, row, col, p), self.lang) for p in per]
        out = pipe_table(header, [line], cap=caption(table, self.lang, self.period)) + self.note_if_published(table, per)
        if mean and len(per) > 1:
            m = sum(self.v(table, row, col, p) for p in per) / len(per)
            out += f"\n{labels.word('mean_over_periods', self.lang)}: {fmt.for_column(col, m, self.lang)}.\n"
        return out

    def cities_over(self, table: str, col: str, per: list[str], by_sum: bool = False) -> list[str]:
        tot: dict[str, float] = {}
        for p in per:
            for (t, r, c), x in self.wh.figs[p].items():
                if t == table and c == col and not r.startswith("total") and r != "":
                    tot[r] = tot.get(r, 0) + (x or 0)
        cur = self.wh.figs[self.period]
        if by_sum:
            return sorted(tot, key=lambda r: (-tot[r], labels.row(r, "ru", "city")))
        return sorted(tot, key=lambda r: (-(cur.get((table, r, col)) or 0), -tot[r], labels.row(r, "ru", "city")))

    def periods_by_city(self, table: str, cols: list[tuple[str, str]], extra_totals=()) -> str:
        """Cities × (column, period) pairs (tables 18, 19): each column over every period that has it."""
        lang = self.lang
        groups = [(c, h, self.periods_with(table, c)) for c, h in cols]
        all_per = sorted({p for _, _, ps in groups for p in ps}, key=self.upto.index)
        rows = self.cities_over(table, cols[0][0], all_per, by_sum=True) + ["total", *extra_totals]
        rows = [r for r in rows if any(self.v(table, r, c, p) is not None for c, _, ps in groups for p in ps)]
        header = [labels.word("city", lang)] + [f"{h}, {self.mark(p, table)}" for c, h, ps in groups for p in ps]
        body = []
        for r in rows:
            line = [self.row_label(r, "city")]
            for c, _, ps in groups:
                line += [fmt.for_column(c, self.v(table, r, c, p), lang) if self.v(table, r, c, p) is not None else "—"
                         for p in ps]
            body.append(line)
        return pipe_table(header, body, cap=caption(table, lang, self.period)) + self.note_if_published(table, all_per)

    def character_table(self) -> str:
        per = self.periods_with("4", "share_pct")
        header = [labels.word("period", self.lang)] + [labels.code("character", k, self.lang) for k in CHARACTERS]
        body = []
        for p in per:
            line = [self.mark(p, "4")]
            for k in CHARACTERS:
                n, s = self.v("4", k, "count", p), self.v("4", k, "share_pct", p)
                line.append("—" if s is None else (f"{fmt.count(n, self.lang)} ({fmt.pct(s, self.lang)})" if n is not None
                                                   else fmt.pct(s, self.lang)))
            body.append(line)
        return pipe_table(header, body, cap=caption("4", self.lang, self.period)) + self.note_if_published("4", per)

    def topics(self) -> str:
        lang = self.lang
        out = []
        for ch in CHARACTERS:
            items = sorted(((k.partition("/")[2], x) for (t, k, c), x in self.fig.items()
                            if t == "topics" and k.partition("/")[0] == ch and c == "count"), key=lambda kv: (-kv[1], kv[0]))
            if not items:
                continue
            rows = [[md_escape(self.redact(topic)), fmt.count(n, lang)] for topic, n in items]
            rows.append([f"**{labels.row('total', lang)}**", fmt.count(sum(n for _, n in items), lang)])
            cap = f": {labels.title('topics', lang, self.period)}: {labels.code('character', ch, lang).lower()}"
            out.append(pipe_table([labels.word("topic", lang), labels.column("count", lang)], rows, align=["l", "r"], cap=cap))
        return "\n".join(out)

    # ---------------------------------------------------------------- notable events (card notes)
    def redact(self, text: str) -> str:
        """Private persons' names (any inflection of each word of the name) become '[…]'."""
        for name in self.wh.private_names:
            for w in re.findall(r"\w{3,}", name):
                stem = w[:-2] if len(w) > 5 else w
                text = re.sub(rf"\b{re.escape(stem)}\w*", "[…]", text, flags=re.IGNORECASE)
        return text

    def events(self, which: str) -> str:
        cards = self.wh.cards
        if cards.is_empty() or "notes" not in cards.columns:
            return ""
        political = pl.col("character") == "political"
        unusual = ~pl.col("form").is_in(list(COMMON_FORMS))
        if which == "political":
            sel = cards.filter(political)
        elif which == "forms":
            sel = cards.filter(unusual & ~political)
        else:  # detentions and obstruction not told above
            hit = (pl.col("detained").fill_null(0) > 0) | pl.col("obstruction").fill_null(False)
            sel = cards.filter(hit & ~political & ~unusual)
        sel = sel.filter(pl.col("notes").is_not_null() & (pl.col("notes").str.strip_chars() != ""))
        if sel.is_empty():
            return ""
        months = labels.months(self.lang)
        lines = []
        for c in sel.iter_rows(named=True):
            where = labels.row(c["city"], self.lang, "city")
            if c.get("settlement"):
                where += ", " + md_escape(self.redact(c["settlement"]))
            form = labels.code("form", c["form"], self.lang)
            lines.append(f"- **{fmt.date(c['date'], self.lang, months)}, {where}** ({form.lower()}). "
                         f"{md_escape(self.redact(c['notes']))}")
        title = labels.word({"political": "political_events", "forms": "new_forms_events"}.get(which, "detention_events"), self.lang)
        return (f"::: {{.card-notes}}\n**{title}**\n\n" + "\n".join(lines) +
                f"\n\n*{labels.word('notes_original', self.lang)}*\n:::\n")

    # ---------------------------------------------------------------- charts
    def chart_md(self, name: str, title: str) -> str:
        return f"![{title}](_generated/{name}.svg){{#fig-{name} width=100%}}\n"

    def charts(self) -> None:
        lang, ctx = self.lang, self.ctx
        legend = (labels.word("derived_legend", lang), labels.word("published_legend", lang))
        per = self.periods_with("2", "count", "total")
        if per:
            ctx.files.update(_files("dynamics", charts.by_period_bars(
                per, [self.v("2", "total", "count", p) for p in per], [self.is_pub(p, "2") for p in per],
                ylabel=labels.word("assemblies_count", lang), legend=legend, decimals=0, lang=lang)))
            ctx.fragments["chart_dynamics"] = self.chart_md("dynamics", labels.chart("dynamics", lang, self.period))
        cities = [r for r in self.cities_over("1", "count", [self.period]) if self.v("1", r, "count")]
        if cities:
            ctx.files.update(_files("cities", charts.ranked(
                [labels.row(r, lang, "city") for r in cities], [self.v("1", r, "count") for r in cities],
                [self.v("1", r, "share_pct") for r in cities], lang, labels.word("assemblies_count", lang))))
            ctx.fragments["chart_cities"] = self.chart_md("cities", labels.chart("cities", lang, self.period))
        per = self.periods_with("4", "share_pct")
        if per:
            ctx.files.update(_files("character", charts.stacked_shares(
                per, {k: [self.v("4", k, "share_pct", p) for p in per] for k in CHARACTERS},
                {k: labels.code("character", k, lang) for k in CHARACTERS}, lang, labels.word("share_of_assemblies", lang))))
            ctx.fragments["chart_character"] = self.chart_md("character", labels.chart("character", lang, self.period))
        forms = sorted([r for (t, r, c), x in self.fig.items() if t == "7" and c == "count" and r != "total" and x],
                       key=lambda r: (-self.v("7", r, "count"), r))
        if forms:
            ctx.files.update(_files("forms", charts.ranked(
                [labels.code("form", r, lang) for r in forms], [self.v("7", r, "count") for r in forms],
                [self.v("7", r, "share_pct") for r in forms], lang, labels.word("assemblies_count", lang))))
            ctx.fragments["chart_forms"] = self.chart_md("forms", labels.chart("forms", lang, self.period))
        per = self.periods_with("15", "police_control_index", "total")
        if per:
            ctx.files.update(_files("police", charts.by_period_bars(
                per, [self.v("15", "total", "police_control_index", p) for p in per], [self.is_pub(p, "15") for p in per],
                ylabel=labels.column("police_control_index", lang), legend=legend, decimals=2, lang=lang, line=True)))
            ctx.fragments["chart_police"] = self.chart_md("police", labels.chart("police", lang, self.period))
        for name in CHARTS:
            ctx.fragments.setdefault(f"chart_{name}", "")

    # ---------------------------------------------------------------- appendix
    def appendix(self) -> str:
        lang = self.lang
        rec, aud = self.wh.reconciliation, self.wh.audit
        has_rec = rec is not None and not rec.is_empty()
        has_aud = aud is not None and not aud.is_empty()
        if not has_rec and not has_aud:
            return ""
        out = ["::: {#appendix .appendix}\n", f"## {labels.sections(lang)['appendix']}\n"]
        if has_rec:
            out.append(labels.word("recon_intro", lang) + "\n")
            counts = rec.group_by("status").len().sort("status")
            rows = [[md_escape(labels.optional("status", s, lang)), fmt.count(n, lang)] for s, n in counts.iter_rows()]
            out.append(pipe_table([labels.column("status", lang), labels.column("count", lang)], rows,
                                  cap=f": {labels.word('recon_summary', lang)}"))
            diff = rec.filter(~pl.col("status").str.starts_with("match"))
            if diff.is_empty():
                out.append(labels.word("recon_all_match", lang) + "\n")
            else:
                rows = []
                for r in sorted(diff.iter_rows(named=True), key=lambda r: (_table_order(r["table_no"]), r["row_key"], r["col_key"])):
                    field = ROW_FIELD.get(r["table_no"], "city")
                    rows.append([md_escape(r["table_no"]), md_escape(labels.row(r["row_key"], lang, field)),
                                 md_escape(labels.column(r["col_key"], lang)),
                                 fmt.for_column(r["col_key"], r["derived"], lang) if r["derived"] is not None else "—",
                                 md_escape(r["printed"]) if r.get("printed") else fmt.for_column(r["col_key"], r["published"], lang),
                                 md_escape(labels.optional("status", r["status"], lang))])
                out.append(pipe_table([labels.column(c, lang) for c in
                                       ("table_no", "row_key", "col_key", "derived", "published", "status")], rows,
                                      align=["l", "l", "l", "r", "r", "l"],
                                      cap=f": {labels.word('recon_differences', lang)}"))
        out.append(f"### {labels.title('audit', lang)}\n")
        out.append(labels.word("audit_intro", lang) + "\n")
        if has_aud:
            findings = sorted(aud.iter_rows(named=True), key=lambda r: (_table_order(r["table_no"]), r["rule"]))
            if lang == "en":  # the audit explains itself in English
                cols = ("table_no", "rule", "message")
                rows = [[md_escape(r["table_no"] or ""), md_escape(labels.optional("rules", r["rule"], lang)), md_escape(r["message"])]
                        for r in findings]
            else:  # other languages: the finding as labelled cells, no English prose
                cols = ("table_no", "row_key", "col_key", "rule", "published", "expected")
                rows = [[md_escape(r["table_no"] or ""),
                         md_escape(labels.row(r["row_key"], lang, ROW_FIELD.get(r["table_no"] or "", "city")) if r["row_key"] else ""),
                         md_escape(labels.column(r["col_key"], lang) if r["col_key"] else ""),
                         md_escape(labels.optional("rules", r["rule"], lang)),
                         fmt.for_column(r["col_key"] or "", r["published"], lang) if r["published"] is not None else "—",
                         fmt.for_column(r["col_key"] or "", r["expected"], lang) if r["expected"] is not None else "—"]
                        for r in findings]
            out.append(pipe_table([labels.column(c, lang) for c in cols], rows,
                                  align=["l"] * (len(cols) - 2) + ["r", "r"] if len(cols) > 3 else ["l", "l", "l"],
                                  cap=f": {labels.title('audit', lang)}"))
        else:
            out.append(labels.word("audit_none", lang) + "\n")
        out.append(":::\n")
        return "\n".join(out)

    # ---------------------------------------------------------------- sentences with comparisons
    def sentences(self) -> dict[str, str]:
        from assets.report import sentences

        return sentences.build(self)

    # ---------------------------------------------------------------- all of it
    def build(self) -> Context:
        lang, fig, year, ctx = self.lang, self.fig, self.period, self.ctx
        period = periods.get(self.period)
        s = {c: x for (t, r, c), x in fig.items() if t == "summary" and r == "total"}
        # a period with published figures only has few text figures: take what the tables give
        if "assemblies" not in s and self.v("2", "total", "count") is not None:
            s["assemblies"] = self.v("2", "total", "count")
        if "cities" not in s and any(t == "2" for (t, _, _) in fig):
            s["cities"] = float(sum(1 for (t, r, c), x in fig.items() if t == "2" and c == "count" and r != "total" and x))
        if "activity_index" not in s and self.v("3", "total", "activity_index") is not None:
            s["activity_index"] = self.v("3", "total", "activity_index")
        # every text figure any period has; "—" where this period has none
        every = {c for f in self.wh.figs.values() for (t, r, c) in f if t == "summary" and r == "total"}
        every |= _text_variables()  # and every one the narrative asks for (a warehouse of published periods only)
        sv = {k: "—" for k in every | {"assemblies", "cities"}}
        sv["assemblies_phrase"] = sv["cities_phrase"] = sv["unsanctioned_gen"] = sv["obstructed_gen"] = "—"
        sv.update({k: fmt.for_column(k, x, lang) for k, x in s.items()})
        for k in ("activity_index",):
            if k in s:
                sv[k] = fmt.number(s[k], 1, lang)
        if "assemblies" in s and "cities" in s:
            if lang == "ru":
                sv["assemblies_phrase"] = fmt.agree(s["assemblies"], "мирное собрание")
                sv["cities_phrase"] = "в " + fmt.agree_case(s["cities"], "город", "loct")
                if "unsanctioned" in s:
                    sv["unsanctioned_gen"] = fmt.agree_case(s["unsanctioned"], "несанкционированное собрание", "gent")
                    sv["obstructed_gen"] = fmt.agree_case(s.get("obstructed_unsanctioned", 0), "несанкционированная акция", "gent")
            else:
                sv["assemblies_phrase"] = fmt.agree(s["assemblies"], "peaceful assembly", "en", "peaceful assemblies")
                sv["cities_phrase"] = "in " + fmt.agree(s["cities"], "city", "en", "cities")
                if "unsanctioned" in s:
                    sv["unsanctioned_gen"] = fmt.agree(s["unsanctioned"], "unsanctioned assembly", "en", "unsanctioned assemblies")
                    sv["obstructed_gen"] = fmt.agree(s.get("obstructed_unsanctioned", 0), "unsanctioned assembly", "en",
                                                     "unsanctioned assemblies")
        months = labels.months(lang)
        start = f"{fmt.date(period.start, lang, months)} {period.start.year}"
        end = f"{fmt.date(period.end, lang, months)} {period.end.year}"
        ctx.variables = {
            "period": self.period, "start": start, "end": end, "s": sv,
            "title": labels.word("source_note", lang), "h": labels.sections(lang),
            "c": self.sentences(),
        }
        for name, (t, cols, share) in CITY_TABLES.items():
            ctx.fragments[name] = keyed_table(fig, t, cols, lang, year, row_field="city", share_with=share)
        ctx.fragments["t02"] = self.by_period("2", self.cities_over("2", "count", self.periods_with("2", "count")) + ["total"],
                                              "count", field="city", first_header=labels.word("city", lang))
        ctx.fragments["t03"] = self.by_period("3", self.cities_over("3", "activity_index", self.periods_with("3", "activity_index"))
                                              + ["total"], "activity_index", field="city", first_header=labels.word("city", lang))
        ctx.fragments["t04"] = self.character_table()
        ctx.fragments["topics"] = self.topics()
        ctx.fragments["t05"] = self.across_periods("5", "ngo", "share_pct", labels.row("ngo", lang))
        ctx.fragments["t06"] = self.by_period("6", ORGANIZERS, "count", share_col="share_pct", field="organizer_type",
                                              first_header=labels.word("organizer", lang))
        forms = sorted([r for (t, r, c), x in fig.items() if t == "7" and c == "count" and r != "total" and x],
                       key=lambda r: (-fig[("7", r, "count")], r))
        ctx.fragments["t07"] = keyed_table(fig, "7", ["count", "share_pct"], lang, year, row_field="form", rows=forms,
                                           share_with={"count": "share_pct"}, first_header=labels.word("form", lang))
        t8_per = [p for p in ([self.prev] if self.prev else []) + [self.period]
                  if any(k[0] in ("8", "7") for k in self.wh.figs.get(p, {}))]
        t8_rows = [r for r in self._form_keys(t8_per) if any(self.v("8", r, "count", p) for p in t8_per)]
        ctx.fragments["t08"] = self.by_period("8", t8_rows, "count", share_col="share_pct", field="form",
                                              first_header=labels.word("form", lang), per=t8_per)
        ctx.fragments["t09"] = self.across_periods("9", "total", "share_pct", labels.row("unsanctioned_share", lang), mean=True)
        ctx.fragments["t10"] = self.by_period("10", REASONS, "share_pct", field="reason_not_applied",
                                              first_header=labels.word("reason", lang))
        ctx.fragments["t12"] = self.across_periods("12", "total", "law_abidance_pct", labels.column("law_abidance_pct", lang), mean=True)
        ctx.fragments["t13"] = keyed_table(fig, "13", ["present", "warned"], lang, year, row_field=None,
                                           rows=["prosecutor", "akimat", "police"], totals=(), first_header=labels.word("authority", lang))
        ctx.fragments["t14_1"] = keyed_table(fig, "14-1", ["participants", "police", "police_control_index"], lang, year,
                                             row_field=None, rows=[], totals=("total",))
        ctx.fragments["t15"] = self.across_periods("15", "total", "police_control_index", labels.column("police_control_index", lang))
        ctx.fragments["courts"] = keyed_table(fig, "courts", ["court_cases", "warnings", "fines", "fine_mrp_total", "arrests",
                                                              "arrest_days_total", "released_without_charge"], lang, year,
                                              row_field=None, rows=[], totals=("total",))
        ctx.fragments["t17"] = self.across_periods("17", "total", "share_pct", labels.title("17", lang, year).split(",")[0])
        ctx.fragments["t18"] = self.periods_by_city("18", [("participants", labels.column("participants_sum", lang)),
                                                           ("participants_avg", labels.column("participants_mean", lang))],
                                                    extra_totals=("total_excl_sanctioned", "total_excl_sanctioned_state"))
        ctx.fragments["t19"] = self.periods_by_city("19", [("duration_total_min", labels.column("duration_sum", lang)),
                                                           ("duration_avg_min", labels.column("duration_mean", lang))])
        ctx.fragments["events_political"] = self.events("political")
        ctx.fragments["events_forms"] = self.events("forms")
        ctx.fragments["events_detentions"] = self.events("detentions")
        ctx.fragments["appendix"] = self.appendix()
        self.charts()
        return ctx

    def _form_keys(self, per: list[str]) -> list[str]:
        keys = {r for p in per for (t, r, c) in self.wh.figs[p] if t == "8" and c == "count" and r != "total"}
        cur = self.fig
        return sorted(keys, key=lambda r: (-(cur.get(("8", r, "count")) or 0),
                                           -max((self.v("8", r, "count", p) or 0) for p in per), r))


def _files(name: str, rendered: dict[str, bytes]) -> dict[str, bytes]:
    return {f"{name}.{ext}": data for ext, data in rendered.items()}


def summary_frame(con: duckdb.DuckDBPyConnection, period_id: str) -> pl.DataFrame:
    return query(con, "SELECT col_key, value FROM figures WHERE period = ? AND table_no = 'summary' ORDER BY col_key", [period_id])


def _text_variables() -> set[str]:
    """The text figures (`{{< var s.NAME >}}`) the narrative of report/text/ refers to."""
    import re

    from assets.report.render import report_src

    pat = re.compile(r"\{\{<\s*var\s+s\.([\w]+)\s*>\}\}")
    return {m for f in (report_src() / "text").rglob("*.md") for m in pat.findall(f.read_text(encoding="utf-8"))}
