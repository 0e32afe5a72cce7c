"""The PDF never ends on a page of one sentence (a reader's probe of the 2017 edition: the Russian PDF's last page
held only "Все числа этого отчёта рассчитаны из хранилища данных мониторинга.", the closing note after an appendix
table that filled its page). The closing note of report/index.qmd is printed at the foot of the last page
(report/typst-header.typ), whatever the flow before it. Rendered through the real pandoc + Typst path with the
project's report/ (render.pdf_file), a body that fills its page to the last point before the note: a few seconds."""
from __future__ import annotations

import re
import shutil

from core import settings
from tests.test_report import pdf_pages

COMMON = ["--columns=10000", "--metadata", "title=Last page", "--metadata", "lang=en"]
NOTE = "Every number in this report is computed from the monitoring warehouse."


def _of_index() -> tuple[str, str]:
    """What report/index.qmd puts before its first section for Typst (its raw Typst blocks) and after the appendix,
    the variable resolved as render.resolve_shortcodes would."""
    qmd = (settings.report_src() / "index.qmd").read_text(encoding="utf-8").replace("{{< var title >}}", NOTE)
    raw = "".join(re.findall(r"(?ms)^```\{=typst\}\n.*?^```\n", qmd.split("\n## ", 1)[0]))
    return raw, qmd.split("{{< include _generated/appendix.md >}}", 1)[1]


def test_the_closing_note_never_makes_a_page_of_its_own(tmp_path):
    from assets.report import render

    staged = tmp_path / "src"
    shutil.copytree(settings.report_src(), staged)
    # a section whose last block fills a whole page to its foot (as a long appendix table can end there): a page of
    # its own, filled by an unbreakable block of the page's height
    raw, tail = _of_index()
    body = (raw + "\n## Appendix\n\nThe last table.\n\n```{=typst}\n#pagebreak()\n"
            "#block(breakable: false, width: 100%, height: 100%, stroke: 0.5pt)[FILLER]\n```\n" + tail)
    md = staged / "_resolved.md"
    md.write_text(body, encoding="utf-8")
    target = tmp_path / "last.pdf"
    render.pdf_file(md, staged, target, COMMON)
    pages = pdf_pages(target)
    last = pages[-1]
    assert "FILLER" in last, [p[-200:] for p in pages]         # no page after the filled one
    assert " ".join(NOTE.split()) in " ".join(last.split())   # the note at its foot
    assert sum(NOTE.split()[0] in p and "monitoring warehouse" in " ".join(p.split()) for p in pages) == 1
    # the page number is still printed on every page
    for i, p in enumerate(pages, 1):
        assert str(i) in p.split(), (i, p[-80:])


def test_the_html_and_docx_keep_the_note_in_the_flow(tmp_path):
    """The note stays at the end of the text in the HTML (after a rule), where no page exists."""
    from assets.report import render

    staged = tmp_path / "src"
    shutil.copytree(settings.report_src(), staged)
    md = staged / "_resolved.md"
    raw, tail = _of_index()
    md.write_text(raw + "\n## Appendix\n\nThe last table.\n" + tail, encoding="utf-8")
    target = tmp_path / "last.html"
    render.html_file(md, staged, target, COMMON)
    html = target.read_text(encoding="utf-8")
    body = html[html.find("<body"):]
    assert body.find("The last table.") < body.find("<hr") < body.find(NOTE)
