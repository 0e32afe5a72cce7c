"""The report's tables as markdown fragments (`t01` … `t19`, `topics`, `courts`): which rows and
periods each shows and how (rows × periods, one row over the periods, cities × columns)."""
from __future__ import annotations

from assets.report import fmt, labels
from assets.report.period_view import PeriodView
from assets.report.tables import caption, pipe_table
from schemas.card import codes_of

CITY_TABLES = {
    "t01": ("1", ["count", "share_pct"], {"count": "share_pct"}),
    "t11": ("11", ["count", "unsanctioned", "sanctioned", "law_abidance_pct"], {}),
    "t14": ("14", ["participants", "police", "police_control_index"], {}),
    "t16": ("16", ["detention_cases", "detained_persons"], {}),
}
# each table of topics (free text from the cards) lists at most this many, the rest in one row
MAX_TOPICS_PER_CHARACTER = 25
CHARACTERS, ORGANIZERS, REASONS = (list(codes_of(f)) for f in ("character", "organizer_type", "reason_not_applied"))


def fragments(b: PeriodView) -> dict[str, str]:
    """Every table fragment of the period, in the order the tables are built (their notes are numbered
    in that order)."""
    lang, fig, year = b.lang, b.fig, b.period
    out: dict[str, str] = {}
    for name, (t, cols, share) in CITY_TABLES.items():
        out[name] = b.keyed(t, cols, lang, year, row_field="city", share_with=share)
    out["t02"] = by_period(b, "2", b.cities_over("2", "count", b.periods_with("2", "count")) + ["total"],
            "count", field="city", first_header=labels.word("city", lang))
    out["t03"] = by_period(b, "3", b.cities_over("3", "activity_index", b.periods_with("3", "activity_index"))
            + ["total"], "activity_index", field="city", first_header=labels.word("city", lang))
    out["t04"] = character_table(b)
    out["topics"] = topics(b)
    out["t05"] = across_periods(b, "5", "ngo", "share_pct", labels.row("ngo", lang))
    out["t06"] = by_period(b, "6", ORGANIZERS, "count", share_col="share_pct", field="organizer_type",
            first_header=labels.word("organizer", lang))
    forms = sorted([r for (t, r, c), x in fig.items() if t == "7" and c == "count" and r != "total" and x],
            key=lambda r: (-fig[("7", r, "count")], r))
    out["t07"] = b.keyed("7", ["count", "share_pct"], lang, year, row_field="form", rows=forms,
            share_with={"count": "share_pct"}, first_header=labels.word("form", lang))
    t8_per = [p for p in ([b.prev] if b.prev else []) + [b.period]
            if any(k[0] in ("8", "7") for k in b.data.figs.get(p, {}))]
    t8_rows = [r for r in form_keys(b, t8_per) if any(b.v("8", r, "count", p) for p in t8_per)]
    out["t08"] = by_period(b, "8", t8_rows, "count", share_col="share_pct", field="form",
            first_header=labels.word("form", lang), per=t8_per)
    out["t09"] = across_periods(b, "9", "total", "share_pct", labels.row("unsanctioned_share", lang), mean=True)
    out["t10"] = by_period(b, "10", REASONS, "share_pct", field="reason_not_applied",
            first_header=labels.word("reason", lang))
    out["t12"] = across_periods(b, "12", "total", "law_abidance_pct", labels.column("law_abidance_pct", lang), mean=True)
    out["t13"] = b.keyed("13", ["present", "warned"], lang, year, row_field=None,
            rows=["prosecutor", "akimat", "police"], totals=(), first_header=labels.word("authority", lang))
    out["t14_1"] = b.keyed("14-1", ["participants", "police", "police_control_index"], lang, year,
            row_field=None, rows=[], totals=("total",)) + "\n" + labels.word("t14_1_note", lang) + "\n"
    out["t15"] = across_periods(b, "15", "total", "police_control_index", labels.column("police_control_index", lang))
    out["courts"] = b.keyed("courts", ["court_cases", "warnings", "fines", "fine_mrp_total", "arrests",
            "arrest_days_total", "released_without_charge"], lang, year,
            row_field=None, rows=[], totals=("total",))
    out["t17"] = across_periods(b, "17", "total", "share_pct", labels.word("t17_row", lang))
    # a period without an unsanctioned assembly: the figures of those assemblies are "—" for it; the reader is told why
    if b.v("summary", "total", "unsanctioned") == 0:
        for name in ("t10", "t14_1", "t15", "t17"):
            out[name] += "\n" + labels.word("none_unsanctioned_note", lang) + "\n"
    out["t18"] = periods_by_city(b, "18", [("participants", labels.column("participants_sum", lang)),
            ("participants_avg", labels.column("participants_mean", lang))],
            extra_totals=("total_excl_sanctioned", "total_excl_sanctioned_state"))
    out["t19"] = periods_by_city(b, "19", [("duration_total_min", labels.column("duration_sum", lang)),
            ("duration_avg_min", labels.column("duration_mean", lang))])
    return out


def by_period(b: PeriodView, table: str, rows: list[str], col: str, *, field: str | None, first_header: str,
              share_col: str | None = None, per: list[str] | None = None) -> str:
    """Rows × one column per period (tables 2, 3, 6, 8, 10)."""
    per = per or b.periods_with(table, col)
    if share_col:
        per = sorted(set(per) | set(b.periods_with(table, share_col)), key=b.upto.index)
    header = [first_header] + [b.mark(p, table) for p in per]
    body = []
    for r in rows:
        line = [b.row_label(r, field)]
        for p in per:
            x, s = b.v(table, r, col, p), (b.v(table, r, share_col, p) if share_col else None)
            if x is None and s is None:
                line.append("—")
            elif x is None:
                line.append(b.cell(table, r, share_col, p))
            elif s is not None and b.cell(table, r, col, p, mark=False) == b.cell(table, r, share_col, p, mark=False) == "—":
                line.append("—")  # none, as the published report's dashes show it: one dash, not '— (—)'
            else:
                line.append(b.cell(table, r, col, p) + (f" ({b.cell(table, r, share_col, p)})" if s is not None else ""))
        body.append(line)
    return (pipe_table(header, body, cap=caption(table, b.lang, b.period, **b.title_subs(per))) + b.table_notes()
            + b.note_if_published(table, per))

def across_periods(b: PeriodView, table: str, row: str, col: str, label: str, mean: bool = False) -> str:
    """One row, one column per period (tables 5, 9, 12, 15, 17); optionally the mean over periods."""
    per = b.periods_with(table, col, row)
    header = [labels.word("period", b.lang)] + [b.mark(p, table) for p in per]
    line = [label] + [b.cell(table, row, col, p) for p in per]
    out = (pipe_table(header, [line], cap=caption(table, b.lang, b.period, **b.title_subs(per))) + b.table_notes()
           + b.note_if_published(table, per))
    if mean and len(per) > 1:
        m = b.mean_over_periods(table, col, row)[0]
        out += f"\n{labels.word('mean_over_periods', b.lang)}: {fmt.for_column(col, m, b.lang)}.\n"
    return out

def periods_by_city(b: PeriodView, table: str, cols: list[tuple[str, str]], extra_totals=()) -> str:
    """Cities × (column, period) pairs (tables 18, 19): each column over every period that has it."""
    lang = b.lang
    groups = [(c, h, b.periods_with(table, c)) for c, h in cols]
    all_per = sorted({p for _, _, ps in groups for p in ps}, key=b.upto.index)
    rows = b.cities_over(table, cols[0][0], all_per, by_sum=True) + ["total", *extra_totals]
    rows = [r for r in rows if any(b.v(table, r, c, p) is not None for c, _, ps in groups for p in ps)]
    header = [labels.word("city", lang)] + [f"{h}, {b.mark(p, table)}" for c, h, ps in groups for p in ps]
    body = []
    for r in rows:
        line = [b.row_label(r, "city")]
        for c, _, ps in groups:
            line += [b.cell(table, r, c, p) for p in ps]
        body.append(line)
    return (pipe_table(header, body, cap=caption(table, lang, b.period)) + b.table_notes()
            + b.note_if_published(table, all_per))

def character_table(b: PeriodView) -> str:
    per = b.periods_with("4", "share_pct")
    header = [labels.word("period", b.lang)] + [labels.code("character", k, b.lang) for k in CHARACTERS]
    body = []
    for p in per:
        line = [b.mark(p, "4")]
        for k in CHARACTERS:
            n, s = b.v("4", k, "count", p), b.v("4", k, "share_pct", p)
            line.append("—" if s is None else (f"{b.cell('4', k, 'count', p)} ({b.cell('4', k, 'share_pct', p)})"
                                               if n is not None else b.cell("4", k, "share_pct", p)))
        body.append(line)
    return (pipe_table(header, body, cap=caption("4", b.lang, b.period)) + b.table_notes()
            + b.note_if_published("4", per))

def topics(b: PeriodView) -> str:
    lang = b.lang
    out = []
    for ch in CHARACTERS:
        items = sorted(((k.partition("/")[2], x) for (t, k, c), x in b.fig.items()
                        if t == "topics" and k.partition("/")[0] == ch and c == "count"), key=lambda kv: (-kv[1], kv[0]))
        if not items:
            continue
        shown, rest = items[:MAX_TOPICS_PER_CHARACTER], items[MAX_TOPICS_PER_CHARACTER:]
        rows = [[b.topic_label(topic), fmt.count(n, lang)] for topic, n in shown]
        if rest:  # free-text topics grow with the cards: the rest in one row (all of them in the exports)
            rows.append([labels.word("other_topics", lang).format(n=fmt.count(len(rest), lang)),
                         fmt.count(sum(n for _, n in rest), lang)])
        rows.append([f"**{labels.row('total', lang)}**", fmt.count(sum(n for _, n in items), lang)])
        # "Темы собраний: политические": the character agreed with "темы" (not the code's label, "Политический")
        cap = f": {labels.title('topics', lang, b.period)}: {labels.grammar('character_nom_pl', ch, lang)}"
        out.append(pipe_table([labels.word("topic", lang), labels.column("count", lang)], rows, align=["l", "r"], cap=cap))
    return "\n".join(out)

def form_keys(b: PeriodView, per: list[str]) -> list[str]:
    keys = {r for p in per for (t, r, c) in b.data.figs[p] if t == "8" and c == "count" and r != "total"}
    cur = b.fig
    return sorted(keys, key=lambda r: (-(cur.get(("8", r, "count")) or 0),
                                       -max((b.v("8", r, "count", p) or 0) for p in per), r))
