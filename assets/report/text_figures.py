"""The figures of the narrative (`{{< var s.NAME >}}`): the period's text figures as shown, with a
footnote where the published text gives another, the phrases that agree with them, and the note on
what the period's figures rest on (`basis`)."""
from __future__ import annotations

from assets.core import periods
from assets.report import fmt, labels
from assets.report.period_view import PeriodView

# text figures of the period that a table also holds (the published text may give them differently)
SUMMARY_IN_TABLES = {"police": ("14", "total", "police"), "participants": ("18", "total", "participants"),
                     "detention_cases": ("16", "total", "detention_cases"), "assemblies": ("2", "total", "count")}


def text_variables(b: PeriodView) -> dict:
    """`s`: every text figure any period has (and every one the narrative asks for), "—" where this
    period has none."""
    lang, fig = b.lang, b.fig
    s = {c: x for (t, r, c), x in fig.items() if t == "summary" and r == "total"}
    # a period with published figures only has few text figures: take what the tables give
    if "assemblies" not in s and b.v("2", "total", "count") is not None:
        s["assemblies"] = b.v("2", "total", "count")
    if "cities" not in s and any(t == "2" for (t, _, _) in fig):
        s["cities"] = float(sum(1 for (t, r, c), x in fig.items() if t == "2" and c == "count" and r != "total" and x))
    if "activity_index" not in s and b.v("3", "total", "activity_index") is not None:
        s["activity_index"] = b.v("3", "total", "activity_index")
    # every text figure any period has; "—" where this period has none
    every = {c for f in b.data.figs.values() for (t, r, c) in f if t == "summary" and r == "total"}
    every |= _text_variables()  # and every one the narrative asks for (a warehouse of published periods only)
    sv = {k: "—" for k in every | {"assemblies", "cities"}}
    sv["assemblies_phrase"] = sv["cities_phrase"] = sv["unsanctioned_gen"] = sv["obstructed_gen"] = "—"
    sv.update({k: fmt.for_column(k, x, lang) for k, x in s.items()})
    for k in ("activity_index",):
        if k in s:
            sv[k] = fmt.number(s[k], 1, lang)
    # a text figure that differs from the one the published text gives: a footnote where it is used
    for k in s:
        b.used = {("summary", "total", k)} | ({SUMMARY_IN_TABLES[k]} if k in SUMMARY_IN_TABLES else set())
        sv[k] = b.text_notes(sv[k])
    b.used = None
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
    return sv


def basis(b: PeriodView) -> str:
    """What the period's figures rest on (config/periods.yaml `basis`: monitors | reconstructed |
    published; before that flag exists: derived figures mean cards, none mean published only)."""
    period = periods.get(b.period)
    derived = any(not b.is_pub(b.period, t) for (t, _, _) in b.fig)
    basis = getattr(period, "basis", None) or ("monitors" if derived else "published")
    text = labels.word(f"basis_{basis}", b.lang)
    if derived and b.data.reconciliation is not None and not b.data.reconciliation.is_empty():
        text += " " + labels.word("div_legend", b.lang)
    return f"::: {{.basis}}\n{text}\n:::\n"


def _text_variables() -> set[str]:
    """The text figures (`{{< var s.NAME >}}`) the narrative of report/text/ refers to."""
    import re

    from core.settings import report_src

    pat = re.compile(r"\{\{<\s*var\s+s\.([\w]+)\s*>\}\}")
    return {m for f in (report_src() / "text").rglob("*.md") for m in pat.findall(f.read_text(encoding="utf-8"))}
