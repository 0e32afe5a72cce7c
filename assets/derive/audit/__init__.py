"""Audit of a published report's own contradictions.

`audit_published(published)` takes the published figures (assets/derive/published.py: one row per
printed figure, with the precision it was printed with) and returns one row per finding:

    source, rule, period, table_no, row_key, col_key, published, expected, message

The rules are generic: they run over every table/period/row of the data by the report's own
definitions (report-tables.md), never over a list of known errors.

    sum_total          1. rows that do not add up to their total (count-like columns of tables with a
                          `total` row; the parts of a row, e.g. count = unsanctioned + sanctioned; a
                          table without a total row is checked against the period's number of assemblies)
    share_from_counts  2. percentages, indices and ratios that do not follow from the counts they are
                          defined on (share, law-abidance, police-control and activity indices, the
                          text's ratios); where a share of all assemblies is printed without its count,
                          some whole number of the period's assemblies must still give it
    shares_sum_100     3. shares of a partition (cities, characters, organisers, forms, reasons; and the
                          unsanctioned share + the law-abidance index) that do not sum to 100
    same_figure        4. the same quantity given differently in two places (a text figure against its
                          table cell; one table against another holding the same quantity)
    average            5. averages that are not total / count (says when the printed figure is the mean
                          of the row averages instead)
    impossible         6. values that cannot be: a percentage outside 0..100, a negative count, more
                          assemblies with an authority present than assemblies, participants or minutes
                          in a city without assemblies, ...
    truncated          (informational, only with include_truncated=True) a figure that follows from its
                          counts only when truncated instead of rounded (the seed truncates: 2/36 =
                          5.56 printed "5,5")

Precision: a figure printed with d decimals matches x when |x - value| <= 0.5 * 10^-d (+ 1e-6), or
when value is x truncated to d decimals. Counts (columns that are not shares, indices, averages or
ratios) match exactly. A printed "-" is exactly 0 (and is no average: "-" in an average column is not
checked). Figures whose note starts with "approximate" (verbal: "половина", "каждом втором",
"около 15") match within 25% of their value. Where a quantity is printed more than once, a derived
check accepts any of the printed values of its inputs (the disagreement itself is rule 4's finding).

    python -m assets.derive.audit [path]     prints the findings of data/published/ as markdown

The modules, one job each:

    printed.py       a printed figure (Fig) and how a value matches it at its printed precision
    book.py          the index of the published figures (Book): lookups, aliases, implicit zeros
    findings.py      collecting findings: levels, root causes, the frame and its cells
    sums.py          rules 1 and 3 (sums to a total, shares that sum to 100)
    derived.py       rules 2 and 5 (figures that follow from counts; averages)
    same_figure.py   rule 4
    impossible.py    rule 6
    reader.py        the careful reader's rules (whole_base, listed_count, cross_table, trend, ...)
    run.py           audit_published: every rule over the published figures
    cli.py           the command line (markdown)
"""
from __future__ import annotations

from assets.derive.audit.cli import main, to_markdown
from assets.derive.audit.findings import CELL_SCHEMA, FINDING_SCHEMA, LEVELS, RULES, audit_cells, contradiction_roots
from assets.derive.audit.run import audit_published

__all__ = ["CELL_SCHEMA", "FINDING_SCHEMA", "LEVELS", "RULES", "audit_cells", "audit_published", "contradiction_roots", "main", "to_markdown"]
