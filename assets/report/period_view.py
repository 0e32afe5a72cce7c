"""The figures of one period as the report reads and shows them (PeriodView): a figure of any period,
the periods that have it, its comparisons (sql/report/figure_changes.sql), a cell as printed with its
mark where it differs from the published figure, and the labels of rows and tables."""
from __future__ import annotations

import re

from assets.core import periods
from assets.report import cardtext, fmt, labels, published as pubfig, report_data
from assets.report.report_data import ReportData
from assets.report.tables import keyed_table, md_escape
from assets.validate import redaction

ROW_FIELD = labels.ROW_FIELD


class PeriodView:
    """One period and language of the report over its ReportData (the tables, sentences, charts and
    appendix read every figure through it)."""

    def __init__(self, data: ReportData, period_id: str, lang: str):
        self.data, self.period, self.lang = data, period_id, lang
        self.fig = data.figs.get(period_id, {})
        if not self.fig:
            raise LookupError(f"the warehouse has no figures for period {period_id}: materialize it first")
        order = periods.period_ids()
        self.order = [p for p in order if p in data.figs]
        i = order.index(period_id)
        self.prev = order[i - 1] if i > 0 and order[i - 1] in data.figs else None
        # only periods up to this one: a report never shows the future
        self.upto = [p for p in self.order if order.index(p) <= i]
        self.notes = pubfig.Notes(lang)
        self.used: set | None = None   # figures read while a sentence is being written (for its footnotes)
        self._period_note_shown = False

    # ---------------------------------------------------------------- helpers
    def v(self, table: str, row: str, col: str, period: str | None = None):
        if self.used is not None and (period or self.period) == self.period:
            self.used.add((table, row, col))
        return self.data.figs.get(period or self.period, {}).get((table, row, col))

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
                                            for k in self.data.figs[p])]

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
        return self.data.changes.get((self.period, table, row, col))

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
        return (period, table) in self.data.published

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
        """What a table's title says about the periods it shows: the calendar years they span ('за 2010–2017 годы',
        'за 2017 год'; 'in 2010–2017'), never their number as years (two-year periods such as 2011-2012 make eight
        periods more than eight years), and 'с 2016 годом'."""
        years = sorted(y for p in per for y in re.findall(r"\d{4}", p))
        subs = {}
        if years:
            one = years[0] == years[-1]
            span = years[0] if one else f"{years[0]}–{years[-1]}"
            subs["over_years"] = (f"за {span} {'год' if one else 'годы'}" if self.lang == "ru" else f"in {span}")
        if self.prev and self.prev in per:
            subs["prev"] = fmt.period_with(self.prev, self.lang)
        return subs

    def key_label(self, table_no: str | None, row_key: str) -> str:
        """Escaped markdown label of a row key of any table: a topic in the edition's language (the
        cards' topic_en, else marked untranslated), other keys from the dictionary."""
        if table_no == "topics":  # 'political/<topic>': the character's label and the topic in the edition's language
            character, sep, topic = row_key.partition("/")
            if not sep:
                return self.topic_label(row_key)
            shown = md_escape(labels.row("total", self.lang)) if topic == "total" else self.topic_label(topic)
            return f"{md_escape(labels.code('character', character, self.lang))}: {shown}"
        return md_escape(labels.row(row_key, self.lang, ROW_FIELD.get(table_no or "", "city")))

    def row_label(self, r: str, field: str | None) -> str:
        label = labels.row(r, self.lang, field)
        return f"**{label}**" if r.startswith("total") else label

    # ---------------------------------------------------------------- cells as printed, divergences marked
    def recon_rows(self, table: str, row: str, col: str) -> list[dict]:
        rec = self.data.reconciliation
        if rec is None or rec.is_empty():
            return []
        if not hasattr(self, "_recon_index"):
            self._recon_index: dict = {}
            for r in rec.iter_rows(named=True):
                self._recon_index.setdefault((r["table_no"], r["row_key"], r["col_key"]), []).append(r)
            for rows in self._recon_index.values():
                rows.sort(key=lambda r: (r.get("location") != "table", not r.get("primary")))
        return self._recon_index.get((table, row, col), [])

    def cell(self, table: str, row: str, col: str, period: str | None = None, *, mark: bool = True) -> str:
        """A figure as the report shows it: a published period's figure exactly as printed; a derived
        figure at the published precision, with a marker and a note under the table (self.notes) when
        it differs from the published one (`mark=False`: neither, a chart's label of the table's figure).
        '—' for a missing value."""
        period = period or self.period
        x = self.v(table, row, col, period)
        pr = self.data.printed.get((period, table, row, col))
        if self.is_pub(period, table):
            if pr is not None:
                return pubfig.number_as_printed(pr, col, self.lang)
            return "—" if x is None else fmt.for_column(col, x, self.lang)
        if x is None:
            return "—"
        if x == 0 and pr is not None and pr.status == "dash":
            return "—"  # the cards agree with the printed "-" (none): shown as printed
        shown = pubfig.at_decimals(x, col, self.decimals(period, table, row, col), self.lang)
        if not mark:
            return shown
        if period == self.period:
            shown += self.divergence_mark(table, row, col, shown)
        return shown

    def decimals(self, period: str, table: str, row: str, col: str) -> int | None:
        """The decimals of a derived figure: those the published report printed that cell with; in a period whose
        table was published, the decimals that column is most often printed with (a row the edition lacks);
        else None, the column's own precision (fmt.for_column: an index 0,12, a share 50%), whatever other
        periods' editions printed (Table 14 printed its indices as whole numbers: a new period's 0,119 is 0,12,
        not 0)."""
        pr = self.data.printed.get((period, table, row, col))
        if pr is not None and pr.status == "value" and pr.decimals is not None:
            return pr.decimals
        if not hasattr(self, "_printed_tables"):  # the tables an edition printed: any printing of theirs (a dash too),
            # or this period's reconciliation with one of their printed cells
            self._printed_tables = {(p, t) for (p, t, _, _) in self.data.printed}
            rec = self.data.reconciliation
            if rec is not None and not rec.is_empty():
                self._printed_tables |= {(self.period, r["table_no"]) for r in rec.iter_rows(named=True)
                                         if r.get("location") in (None, "table")
                                         and (r.get("published") is not None or r.get("printed") is not None)}
        return self.data.col_decimals.get((table, col)) if (period, table) in self._printed_tables else None

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

    def cities_over(self, table: str, col: str, per: list[str], by_sum: bool = False) -> list[str]:
        tot: dict[str, float] = {}
        for p in per:
            for (t, r, c), x in self.data.figs[p].items():
                if t == table and c == col and not r.startswith("total") and r != "":
                    tot[r] = tot.get(r, 0) + (x or 0)
        cur = self.data.figs[self.period]
        if by_sum:
            return sorted(tot, key=lambda r: (-tot[r], labels.row(r, "ru", "city")))
        return sorted(tot, key=lambda r: (-(cur.get((table, r, col)) or 0), -tot[r], labels.row(r, "ru", "city")))

    def topic_label(self, topic: str) -> str:
        """A topic of the period in the edition's language (the cards' topic_en), else marked untranslated."""
        en = self.data.topic_en.get(topic) or self.data.topic_en.get(report_data.cut_key(topic))
        text, ok = cardtext.translated({"topic": topic, "topic_en": en}, "topic", self.lang)
        return cardtext.show(text, ok, self.lang, cardtext.MAX_SHORT_CHARS, self.redact)

    # ---------------------------------------------------------------- private names kept out
    def redact(self, text: str) -> str:
        """Private persons' names (any inflection of each word of the name, in Cyrillic or in Latin
        transliteration) become '[…]' (assets/validate/redaction.py)."""
        return redaction.redact(text, self.data.private_names)


def table_name(table_no: str, lang: str) -> str:
    """'11' -> '11'; the tables without a number by their name ('summary' -> 'текст отчёта')."""
    if table_no[:1].isdigit():
        return table_no
    return labels.optional("table_names", table_no, lang)
