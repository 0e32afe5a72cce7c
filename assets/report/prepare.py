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
from assets.core.sqlfiles import sql
from assets.validate import redaction
from assets.core.warehouse import query
from assets.report import cardtext, charts, fmt, labels, published as pubfig
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
# The report does not grow with the cards: each list of notable events shows at most this many
# (the most notable: most detained, then most participants), and says how many more the open data holds.
MAX_EVENTS_PER_LIST = 12
# and each table of topics (free text from the cards) lists at most this many, the rest in one row
MAX_TOPICS_PER_CHARACTER = 25
# text figures of the period that a table also holds (the published text may give them differently)
SUMMARY_IN_TABLES = {"police": ("14", "total", "police"), "participants": ("18", "total", "participants"),
                     "detention_cases": ("16", "total", "detention_cases"), "assemblies": ("2", "total", "count")}
ROW_FIELD = labels.ROW_FIELD


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
    printed: dict = field(default_factory=dict)       # (period, table, row, col) -> published.Printed
    col_decimals: dict = field(default_factory=dict)  # (table, col) -> decimals the published report uses
    topic_en: dict = field(default_factory=dict)      # topic (as in `figures`) -> its English version from the cards
    changes: dict = field(default_factory=dict)       # sql/report/figure_changes.sql by (period, table, row, col)
    remainders: dict = field(default_factory=dict)    # sql/report/remainders.sql by (period, table, col)


def _has_table(con, name: str) -> bool:
    return bool(con.execute(sql("common/table_exists"), {"name": name}).fetchone()[0])


def load(con: duckdb.DuckDBPyConnection, period_id: str) -> Warehouse:
    df = query(con, "SELECT period, table_no, row_key, col_key, value, provenance FROM figures")
    figs: dict[str, dict] = {}
    published: set[tuple[str, str]] = set()
    for r in df.iter_rows(named=True):
        figs.setdefault(r["period"], {})[(r["table_no"], r["row_key"], r["col_key"])] = r["value"]
        if r["provenance"] == "published":
            published.add((r["period"], r["table_no"]))
    cards = query(con, sql("report/cards_of_period"), {"period": period_id}) \
        if _has_table(con, "cards") else pl.DataFrame()
    # read only to keep private names out of the public text (never printed): assets/validate/redaction.py
    names = redaction.private_names(con, period_id)
    recon = audit = None
    if _has_table(con, "reconciliation"):
        recon = query(con, sql("report/reconciliation_of_period"), {"period": period_id})
    if _has_table(con, "audit"):
        audit = query(con, sql("report/audit_of_period"), {"period": period_id})
    printed = pubfig.load_printed(con)
    topic_en: dict[str, str] = {}
    if not cards.is_empty() and "topic_en" in cards.columns:
        for r in cards.select("topic", "topic_en").drop_nulls().iter_rows():
            topic_en.setdefault(r[0], r[1])
    from assets.report import stats

    return Warehouse(figs, published, cards, names, recon, audit, printed, pubfig.column_decimals(printed), topic_en,
                     stats.changes(con), stats.remainders(con))


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
        self.notes = pubfig.Notes(lang)
        self.used: set | None = None   # figures read while a sentence is being written (for its footnotes)
        self._period_note_shown = False

    # ---------------------------------------------------------------- helpers
    def v(self, table: str, row: str, col: str, period: str | None = None):
        if self.used is not None and (period or self.period) == self.period:
            self.used.add((table, row, col))
        return self.wh.figs.get(period or self.period, {}).get((table, row, col))

    def text_notes(self, sentence: str) -> str:
        """A generated sentence with a footnote for each figure of this period it uses that differs
        from the figure the published report gives (reconciliation status 'mismatch')."""
        used, self.used = self.used or set(), set()
        if not sentence:
            return sentence
        notes = []
        for (t, r, c) in sorted(used):
            for rec in self.recon_rows(t, r, c):
                if rec.get("status") != "mismatch" or rec.get("published") is None:
                    continue
                pr = pubfig.Printed(rec.get("printed"), rec.get("decimals"), rec.get("published"))
                where = (labels.word("table", self.lang) + t) if t[:1].isdigit() else table_name(t, self.lang)
                note = (labels.word("div_published", self.lang).replace("{value}", f"{pubfig.number_as_printed(pr, c, self.lang)} "
                        f"({where}, {labels.column(c, self.lang).lower()})") + " " + pubfig.reason(rec, self.lang))
                if note not in notes:
                    notes.append(note)
                break
        return sentence + "".join(f"^[{n}]" for n in notes)

    def periods_with(self, table: str, col: str, row: str | None = None) -> list[str]:
        return [p for p in self.upto if any(k[0] == table and k[2] == col and (row is None or k[1] == row)
                                            for k in self.wh.figs[p])]

    def mean_over_periods(self, table: str, col: str, row: str = "total") -> tuple[float, int] | None:
        """The mean of a figure over every period that has it, and how many: None for fewer than two."""
        s = self.stat(table, row, col)
        if s is not None:  # from sql/report/figure_changes.sql
            return (s["mean_upto"], s["n_upto"]) if s["n_upto"] >= 2 else None
        vals = [x for x in (self.v(table, row, col, p) for p in self.periods_with(table, col, row)) if x is not None]
        if len(vals) < 2:
            return None
        return sum(vals) / len(vals), len(vals)

    def stat(self, table: str, row: str, col: str) -> dict | None:
        """This period's row of sql/report/figure_changes.sql for a figure (previous, mean, peak)."""
        return self.wh.changes.get((self.period, table, row, col))

    def comparison(self, table: str, row: str, col: str, other: str | None) -> tuple | None:
        """(ratio, inverse, change_pct) of this period's figure against `other` (the previous period or
        the peak) from sql/report/figure_changes.sql; None when the model has no such comparison."""
        s = self.stat(table, row, col)
        if s is None or other is None:
            return None
        if other == s.get("prev_period"):
            return s["ratio_to_prev"], s["prev_to_value"], s["change_pct"]
        if other == s.get("peak_period"):
            return s["ratio_to_peak"], s["peak_ratio"], s["change_pct_vs_peak"]
        return None

    def peak_period(self, table: str, row: str, col: str, per: list[str]) -> str:
        s = self.stat(table, row, col)
        if s is not None and s.get("peak_period"):
            return s["peak_period"]
        return max(per, key=lambda p: self.v(table, row, col, p))

    def is_pub(self, period: str, table: str) -> bool:
        return (period, table) in self.wh.published

    def mark(self, period: str, table: str) -> str:
        return period + (labels.word("published_mark", self.lang) if self.is_pub(period, table) else "")

    def note_if_published(self, table: str, shown: list[str]) -> str:
        out = ""
        if any(self.is_pub(p, table) for p in shown):
            out += "\n" + labels.word("published_note", self.lang) + "\n"
        if any("-" in p for p in shown) and not self._period_note_shown:
            # the published tables print '2011-2012', '2011-12', '2011-\n2012': said once, at the first table
            self._period_note_shown = True
            out += "\n" + labels.word("period_label_note", self.lang) + "\n"
        return out

    def title_subs(self, per: list[str]) -> dict[str, str]:
        """What a table's title says about the periods it shows ('за 7 лет', 'за три года', 'с 2016 годом')."""
        n = len(per)
        if self.lang == "ru":
            words = {1: "один год", 2: "два года", 3: "три года", 4: "четыре года", 5: "пять лет", 6: "шесть лет",
                     7: "семь лет", 8: "восемь лет", 9: "девять лет", 10: "десять лет"}
            noun = "год" if n % 10 == 1 and n % 100 != 11 else ("года" if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14)
                                                                else "лет")  # 'за 7 лет', not 'годов'
            years = f"{n} {noun}"
            years_words = words.get(n, years)
        else:
            years = years_words = f"{n} year" + ("" if n == 1 else "s")
        subs = {"n_years": years, "n_years_words": years_words}
        if self.prev and self.prev in per:
            subs["prev"] = fmt.period_with(self.prev, self.lang)
        return subs

    def key_label(self, table_no: str | None, row_key: str) -> str:
        """Escaped markdown label of a row key of any table: a topic in the edition's language (the
        cards' topic_en, else marked untranslated), other keys from the dictionary."""
        if table_no == "topics":
            return self.topic_label(row_key)
        return md_escape(labels.row(row_key, self.lang, ROW_FIELD.get(table_no or "", "city")))

    def row_label(self, r: str, field: str | None) -> str:
        label = labels.row(r, self.lang, field)
        return f"**{label}**" if r.startswith("total") else label

    # ---------------------------------------------------------------- cells as printed, divergences marked
    def recon_rows(self, table: str, row: str, col: str) -> list[dict]:
        rec = self.wh.reconciliation
        if rec is None or rec.is_empty():
            return []
        if not hasattr(self, "_recon_index"):
            self._recon_index: dict = {}
            for r in rec.iter_rows(named=True):
                self._recon_index.setdefault((r["table_no"], r["row_key"], r["col_key"]), []).append(r)
            for rows in self._recon_index.values():
                rows.sort(key=lambda r: (r.get("location") != "table", not r.get("primary")))
        return self._recon_index.get((table, row, col), [])

    def cell(self, table: str, row: str, col: str, period: str | None = None) -> str:
        """A figure as the report shows it: a published period's figure exactly as printed; a derived
        figure at the published precision, with a marker and a note under the table (self.notes) when
        it differs from the published one. '—' for a missing value."""
        period = period or self.period
        x = self.v(table, row, col, period)
        pr = self.wh.printed.get((period, table, row, col))
        if self.is_pub(period, table):
            if pr is not None:
                return pubfig.number_as_printed(pr, col, self.lang)
            return "—" if x is None else fmt.for_column(col, x, self.lang)
        if x is None:
            return "—"
        if x == 0 and pr is not None and pr.status == "dash":
            return "—"  # the cards agree with the printed "-" (none): shown as printed
        dec = pr.decimals if pr is not None and pr.status == "value" else self.wh.col_decimals.get((table, col))
        shown = pubfig.at_decimals(x, col, dec, self.lang) if dec is not None else fmt.for_column(col, x, self.lang)
        if period == self.period:
            shown += self.divergence_mark(table, row, col, shown)
        return shown

    def divergence_mark(self, table: str, row: str, col: str, shown: str, in_text: bool = False) -> str:
        """'¹' (and a note for under the table) when the shown figure differs from the published one."""
        for r in self.recon_rows(table, row, col):
            if not in_text and r.get("location") not in (None, "table"):
                continue
            status = r.get("status") or ""
            if status.startswith("match") and status != "match_truncated":
                continue
            pr = pubfig.Printed(r.get("printed"), r.get("decimals"), r.get("published"),
                                "value" if r.get("published") is not None else "dash")
            pub = pubfig.number_as_printed(pr, col, self.lang)
            if pub == shown.strip() or status in ("not_derived", "not_published"):
                continue
            text = (labels.word("div_published", self.lang).replace("{value}", pub) + " " + pubfig.reason(r, self.lang))
            if in_text:
                return f"^[{text}]"
            return self.notes.add(text)
        return ""

    def keyed(self, *args, **kwargs) -> str:
        """tables.keyed_table of this period's figures, cells as printed, notes under the table."""
        return keyed_table(self.fig, *args, cell=lambda t, r, c: self.cell(t, r, c), **kwargs) + self.table_notes()

    def table_notes(self) -> str:
        return self.notes.block()

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
                    line.append(self.cell(table, r, share_col, p))
                else:
                    line.append(self.cell(table, r, col, p) + (f" ({self.cell(table, r, share_col, p)})" if s is not None else ""))
            body.append(line)
        return (pipe_table(header, body, cap=caption(table, self.lang, self.period, **self.title_subs(per))) + self.table_notes()
                + self.note_if_published(table, per))

    def across_periods(self, table: str, row: str, col: str, label: str, mean: bool = False) -> str:
        """One row, one column per period (tables 5, 9, 12, 15, 17); optionally the mean over periods."""
        per = self.periods_with(table, col, row)
        header = [labels.word("period", self.lang)] + [self.mark(p, table) for p in per]
        line = [label] + [self.cell(table, row, col, p) for p in per]
        out = (pipe_table(header, [line], cap=caption(table, self.lang, self.period, **self.title_subs(per))) + self.table_notes()
               + self.note_if_published(table, per))
        if mean and len(per) > 1:
            m = self.mean_over_periods(table, col, row)[0]
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
                line += [self.cell(table, r, c, p) for p in ps]
            body.append(line)
        return (pipe_table(header, body, cap=caption(table, lang, self.period)) + self.table_notes()
                + self.note_if_published(table, all_per))

    def character_table(self) -> str:
        per = self.periods_with("4", "share_pct")
        header = [labels.word("period", self.lang)] + [labels.code("character", k, self.lang) for k in CHARACTERS]
        body = []
        for p in per:
            line = [self.mark(p, "4")]
            for k in CHARACTERS:
                n, s = self.v("4", k, "count", p), self.v("4", k, "share_pct", p)
                line.append("—" if s is None else (f"{self.cell('4', k, 'count', p)} ({self.cell('4', k, 'share_pct', p)})"
                                                   if n is not None else self.cell("4", k, "share_pct", p)))
            body.append(line)
        return (pipe_table(header, body, cap=caption("4", self.lang, self.period)) + self.table_notes()
                + self.note_if_published("4", per))

    def topics(self) -> str:
        lang = self.lang
        out = []
        for ch in CHARACTERS:
            items = sorted(((k.partition("/")[2], x) for (t, k, c), x in self.fig.items()
                            if t == "topics" and k.partition("/")[0] == ch and c == "count"), key=lambda kv: (-kv[1], kv[0]))
            if not items:
                continue
            shown, rest = items[:MAX_TOPICS_PER_CHARACTER], items[MAX_TOPICS_PER_CHARACTER:]
            rows = [[self.topic_label(topic), fmt.count(n, lang)] for topic, n in shown]
            if rest:  # free-text topics grow with the cards: the rest in one row (all of them in the exports)
                rows.append([labels.word("other_topics", lang).format(n=fmt.count(len(rest), lang)),
                             fmt.count(sum(n for _, n in rest), lang)])
            rows.append([f"**{labels.row('total', lang)}**", fmt.count(sum(n for _, n in items), lang)])
            cap = f": {labels.title('topics', lang, self.period)}: {labels.code('character', ch, lang).lower()}"
            out.append(pipe_table([labels.word("topic", lang), labels.column("count", lang)], rows, align=["l", "r"], cap=cap))
        return "\n".join(out)

    def topic_label(self, topic: str) -> str:
        """A topic of the period in the edition's language (the cards' topic_en), else marked untranslated."""
        text, ok = cardtext.translated({"topic": topic, "topic_en": self.wh.topic_en.get(topic)}, "topic", self.lang)
        return cardtext.show(text, ok, self.lang, cardtext.MAX_SHORT_CHARS, self.redact)

    # ---------------------------------------------------------------- notable events (card notes)
    def redact(self, text: str) -> str:
        """Private persons' names (any inflection of each word of the name, in Cyrillic or in Latin
        transliteration) become '[…]' (assets/validate/redaction.py)."""
        return redaction.redact(text, self.wh.private_names)

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
        more = max(0, sel.height - MAX_EVENTS_PER_LIST)
        if more:  # the most notable, shown in date order (the order of the period's cards)
            sel = (sel.with_row_index("_order")
                   .sort([pl.col("detained").fill_null(0), pl.col("participants").fill_null(0), "_order"],
                         descending=[True, True, False])
                   .head(MAX_EVENTS_PER_LIST).sort("_order").drop("_order"))
        months = labels.months(self.lang)
        lines = []
        for c in sel.iter_rows(named=True):
            where = labels.row(c["city"], self.lang, "city")
            if c.get("settlement"):
                text, ok = cardtext.translated(c, "settlement", self.lang)
                where += ", " + cardtext.show(text, ok, self.lang, cardtext.MAX_SHORT_CHARS, self.redact)
            form = labels.code("form", c["form"], self.lang)
            text, ok = cardtext.translated(c, "notes", self.lang)
            lines.append(f"- **{fmt.date(c['date'], self.lang, months)}, {where}** ({form.lower()}). "
                         f"{cardtext.show(text, ok, self.lang, cardtext.MAX_NOTE_CHARS, self.redact)}")
        title = labels.word({"political": "political_events", "forms": "new_forms_events"}.get(which, "detention_events"), self.lang)
        tail = ""
        if more:
            n = sel.height + more  # "из 131 описанного собрания", "of 143 described assemblies"
            words = (fmt.agree_case(n, "описанное собрание", "gent") if self.lang == "ru" else
                     fmt.agree(n, "described assembly", self.lang, plural_en="described assemblies")).split(" ", 1)[1]
            described = f"{fmt.count(n, self.lang)} {words}"
            tail = "\n\n" + labels.word("more_events", self.lang).format(shown=sel.height, total=described,
                                                                          more=fmt.count(more, self.lang))
        return (f"::: {{.card-notes}}\n**{title}**\n\n" + "\n".join(lines) + tail +
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
                    rows.append([md_escape(table_name(r["table_no"], lang)), self.key_label(r["table_no"], r["row_key"]),
                                 md_escape(labels.column(r["col_key"], lang)),
                                 labels.optional("location", r.get("location") or "", lang),
                                 fmt.for_column(r["col_key"], r["derived"], lang) if r["derived"] is not None else "—",
                                 (md_escape(cardtext.clip(r["printed"], 60)) if r.get("printed") and lang == "ru" else
                                  pubfig.number_as_printed(pubfig.Printed(r.get("printed"), r.get("decimals"), r["published"]),
                                                           r["col_key"], lang)),
                                 md_escape(labels.optional("status", r["status"], lang))])
                out.append(pipe_table([labels.column(c, lang) for c in
                                       ("table_no", "row_key", "col_key", "location", "derived", "published", "status")], rows,
                                      align=["l", "l", "l", "l", "r", "r", "l"],
                                      cap=f": {labels.word('recon_differences', lang)}"))
        out.append(f"### {labels.title('audit', lang)}\n")
        out.append(labels.word("audit_intro", lang) + "\n")
        if has_aud:
            findings = sorted(aud.iter_rows(named=True), key=lambda r: (_table_order(r["table_no"]), r["rule"]))
            if True:  # the finding as labelled cells in the edition's language (the audit's message names keys and lines)
                cols = ("table_no", "row_key", "col_key", "rule", "published", "expected")
                rows = [[md_escape(table_name(r["table_no"] or "", lang)),
                         self.key_label(r["table_no"], r["row_key"]) if r["row_key"] else "",
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

    # ---------------------------------------------------------------- front matter
    def basis(self) -> str:
        """What the period's figures rest on (config/periods.yaml `basis`: monitors | reconstructed |
        published; before that flag exists: derived figures mean cards, none mean published only)."""
        period = periods.get(self.period)
        derived = any(not self.is_pub(self.period, t) for (t, _, _) in self.fig)
        basis = getattr(period, "basis", None) or ("monitors" if derived else "published")
        text = labels.word(f"basis_{basis}", self.lang)
        if derived and self.wh.reconciliation is not None and not self.wh.reconciliation.is_empty():
            text += " " + labels.word("div_legend", self.lang)
        return f"::: {{.basis}}\n{text}\n:::\n"

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
        # a text figure that differs from the one the published text gives: a footnote where it is used
        for k in s:
            self.used = {("summary", "total", k)} | ({SUMMARY_IN_TABLES[k]} if k in SUMMARY_IN_TABLES else set())
            sv[k] = self.text_notes(sv[k])
        self.used = None
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
            ctx.fragments[name] = self.keyed(t, cols, lang, year, row_field="city", share_with=share)
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
        ctx.fragments["t07"] = self.keyed("7", ["count", "share_pct"], lang, year, row_field="form", rows=forms,
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
        ctx.fragments["t13"] = self.keyed("13", ["present", "warned"], lang, year, row_field=None,
                                           rows=["prosecutor", "akimat", "police"], totals=(), first_header=labels.word("authority", lang))
        ctx.fragments["t14_1"] = self.keyed("14-1", ["participants", "police", "police_control_index"], lang, year,
                                             row_field=None, rows=[], totals=("total",)) + "\n" + labels.word("t14_1_note", lang) + "\n"
        ctx.fragments["t15"] = self.across_periods("15", "total", "police_control_index", labels.column("police_control_index", lang))
        ctx.fragments["courts"] = self.keyed("courts", ["court_cases", "warnings", "fines", "fine_mrp_total", "arrests",
                                                              "arrest_days_total", "released_without_charge"], lang, year,
                                              row_field=None, rows=[], totals=("total",))
        ctx.fragments["t17"] = self.across_periods("17", "total", "share_pct", labels.word("t17_row", lang))
        ctx.fragments["t18"] = self.periods_by_city("18", [("participants", labels.column("participants_sum", lang)),
                                                           ("participants_avg", labels.column("participants_mean", lang))],
                                                    extra_totals=("total_excl_sanctioned", "total_excl_sanctioned_state"))
        ctx.fragments["t19"] = self.periods_by_city("19", [("duration_total_min", labels.column("duration_sum", lang)),
                                                           ("duration_avg_min", labels.column("duration_mean", lang))])
        ctx.fragments["events_political"] = self.events("political")
        ctx.fragments["events_forms"] = self.events("forms")
        ctx.fragments["events_detentions"] = self.events("detentions")
        ctx.fragments["appendix"] = self.appendix()
        ctx.fragments["basis"] = self.basis()
        self.charts()
        return ctx

    def _form_keys(self, per: list[str]) -> list[str]:
        keys = {r for p in per for (t, r, c) in self.wh.figs[p] if t == "8" and c == "count" and r != "total"}
        cur = self.fig
        return sorted(keys, key=lambda r: (-(cur.get(("8", r, "count")) or 0),
                                           -max((self.v("8", r, "count", p) or 0) for p in per), r))


def table_name(table_no: str, lang: str) -> str:
    """'11' -> '11'; the tables without a number by their name ('summary' -> 'текст отчёта')."""
    if table_no[:1].isdigit():
        return table_no
    return labels.optional("table_names", table_no, lang)


def _files(name: str, rendered: dict[str, bytes]) -> dict[str, bytes]:
    return {f"{name}.{ext}": data for ext, data in rendered.items()}


def summary_frame(con: duckdb.DuckDBPyConnection, period_id: str) -> pl.DataFrame:
    return query(con, "SELECT col_key, value FROM figures WHERE period = ? AND table_no = 'summary' ORDER BY col_key", [period_id])


def _text_variables() -> set[str]:
    """The text figures (`{{< var s.NAME >}}`) the narrative of report/text/ refers to."""
    import re

    from core.settings import report_src

    pat = re.compile(r"\{\{<\s*var\s+s\.([\w]+)\s*>\}\}")
    return {m for f in (report_src() / "text").rglob("*.md") for m in pat.findall(f.read_text(encoding="utf-8"))}
