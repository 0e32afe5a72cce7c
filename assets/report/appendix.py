"""The report's appendix: how the figures compare with the published report (reconciliation) and where
the published report contradicts itself (audit)."""
from __future__ import annotations

import polars as pl

from assets.report import cardtext, fmt, labels, published as pubfig
from assets.report.period_view import PeriodView, table_name
from assets.report.tables import md_escape, pipe_table, table_order


def appendix(b: PeriodView) -> str:
    lang = b.lang
    rec, aud = b.data.reconciliation, b.data.audit
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
            for r in sorted(diff.iter_rows(named=True), key=lambda r: (table_order(r["table_no"]), r["row_key"], r["col_key"])):
                rows.append([md_escape(table_name(r["table_no"], lang)), b.key_label(r["table_no"], r["row_key"]),
                             md_escape(labels.column(r["col_key"], lang)),
                             labels.optional("location", r["location"], lang) if r.get("location") else "—",  # not printed
                             fmt.for_column(r["col_key"], r["derived"], lang) if r["derived"] is not None else "—",
                             (md_escape(cardtext.clip(r["printed"], 60)) if _quoted(r.get("printed"), lang) else
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
        findings = sorted(aud.iter_rows(named=True), key=lambda r: (table_order(r["table_no"]), r["rule"]))
        # the finding as labelled cells in the edition's language (the audit's message names keys and lines)
        cols = ("table_no", "row_key", "col_key", "rule", "published", "expected")
        rows = [[md_escape(table_name(r["table_no"] or "", lang)),
                 b.key_label(r["table_no"], r["row_key"]) if r["row_key"] else "",
                 md_escape(labels.column(r["col_key"], lang) if r["col_key"] else ""),
                 md_escape(labels.optional("rules", r["rule"], lang)),
                 fmt.for_column(r["col_key"] or "", r["published"], lang) if r["published"] is not None else "—",
                 fmt.for_column(r["col_key"] or "", r["expected"], lang) if r["expected"] is not None else "—"]
                for r in findings]
        out.append(pipe_table([labels.column(c, lang) for c in cols], rows,
                              align=["l"] * (len(cols) - 2) + ["r", "r"],
                              cap=f": {labels.title('audit', lang)}"))
    else:
        out.append(labels.word("audit_none", lang) + "\n")
    out.append(":::\n")
    return "\n".join(out)


def _quoted(printed: str | None, lang: str) -> bool:
    """Whether the Russian edition quotes the published figure as printed ("104 полицейских", "на каждых двух
    участников … по одному"): words, not a bare number. A bare number ("0.1", "0.06", the seed's decimal point in
    a Russian table) is shown as a number of the edition, with its decimal comma ("0,1")."""
    if not printed or lang != "ru":
        return False
    return not pubfig.NUMBER.fullmatch(printed.strip().removesuffix("%").strip())
