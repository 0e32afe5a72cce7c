"""Notable events: the card notes of the period's political assemblies, of unusual forms, and of
detentions and obstruction not told above (names of private persons redacted)."""
from __future__ import annotations

import polars as pl

from assets.report import cardtext, fmt, labels, media_sources
from assets.report.period_view import PeriodView

COMMON_FORMS = {"rally", "picket", "single_picket", "march"}
# The report does not grow with the cards: each list of notable events shows at most this many
# (the most notable: most detained, then most participants), and says how many more the open data holds.
MAX_EVENTS_PER_LIST = 12


def events(b: PeriodView, which: str) -> str:
    cards = b.data.cards
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
    months = labels.months(b.lang)
    lines = []
    for c in sel.iter_rows(named=True):
        where = labels.row(c["city"], b.lang, "city")
        if c.get("settlement"):
            text, ok = cardtext.translated(c, "settlement", b.lang)
            where += ", " + cardtext.show(text, ok, b.lang, cardtext.MAX_SHORT_CHARS, b.redact)
        form = labels.code("form", c["form"], b.lang)
        text, ok = cardtext.translated(c, "notes", b.lang)
        lines.append(f"- **{fmt.date(c['date'], b.lang, months)}, {where}**{media_sources.mark(c, b.lang)} ({form.lower()}). "
                     f"{cardtext.show(text, ok, b.lang, cardtext.MAX_NOTE_CHARS, b.redact)}")
    title = labels.word({"political": "political_events", "forms": "new_forms_events"}.get(which, "detention_events"), b.lang)
    tail = ""
    if more:
        n = sel.height + more  # "из 131 описанного собрания", "of 143 described assemblies"
        words = (fmt.agree_case(n, "описанное собрание", "gent") if b.lang == "ru" else
                 fmt.agree(n, "described assembly", b.lang, plural_en="described assemblies")).split(" ", 1)[1]
        described = f"{fmt.count(n, b.lang)} {words}"
        tail = "\n\n" + labels.word("more_events", b.lang).format(shown=sel.height, total=described,
                                                                    more=fmt.count(more, b.lang),
                                                                    are="is" if more == 1 else "are")  # English
    return (f"::: {{.card-notes}}\n**{title}**\n\n" + "\n".join(lines) + tail +
            f"\n\n*{labels.word('notes_original', b.lang)}*\n:::\n")
