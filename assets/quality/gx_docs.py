"""Data Docs readable without a CDN: GX pages load Bootstrap and Font Awesome from CDNs; after each
build the pages get an inline <style>, the status written as text, the index's result tables written
out as plain HTML and the logo from the local copy."""
from __future__ import annotations

import ast
import html
import re
from pathlib import Path

_MARK = "<!-- readable-offline -->"
_STYLE = """<!-- readable-offline -->
<style>
/* Fallback for when the CDN stylesheets (Bootstrap, Font Awesome) cannot load. */
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; margin: 0 1em; color: #222; }
table { border-collapse: collapse; margin: .4em 0; }
td, th { border: 1px solid #ccc; padding: 3px 7px; vertical-align: top; text-align: left; }
.ge-status { font-weight: bold; white-space: nowrap; }
.ge-status-failed, .text-danger { color: #b00020; }
.ge-status-passed, .text-success { color: #11752f; }
.navbar img { height: 32px !important; }
.cooltip .top { display: none; }
.ge-offline-table { margin: .5em 0 1.5em; }
.ge-js-ok .ge-offline-table { display: none; }
pre, code { white-space: pre-wrap; }
</style>
"""
_ICON = re.compile(r'(<i class="fas (fa-check-circle|fa-times)[^"]*"[^>]*>\s*</i>)')
_REMOTE_LOGO = re.compile(r"https://great-expectations-web-assets\.[^'\"\s)]*")
_BS_TABLE = re.compile(
    r"\$\('#(?P<id>[\w-]+)'\)\.bootstrapTable\(\s*Object\.assign\(\s*\{\s*columns: (?P<cols>\[.*?\]),\s*"
    r"data: (?P<data>\[.*?\]),\s*toolbar:", re.S)
_JS_CHECK = ('<script>if (window.jQuery && jQuery.fn && jQuery.fn.bootstrapTable) '
             'document.documentElement.classList.add("ge-js-ok");</script>')


def _status_text(m: re.Match) -> str:
    ok = m.group(2) == "fa-check-circle"
    word = "passed" if ok else "failed"
    return f'{m.group(1)}<span class="ge-status ge-status-{word}">{"✔" if ok else "✘"} {word}</span>'


def _static_tables(page: str) -> dict[str, str]:
    """The tables the index builds with bootstrap-table (JS) as plain HTML, by table id."""
    out = {}
    for m in _BS_TABLE.finditer(page):
        try:
            cols = ast.literal_eval(m.group("cols"))
            data = ast.literal_eval(m.group("data"))
        except (ValueError, SyntaxError):
            continue
        head = "".join(f"<th>{html.escape(str(c.get('title', c.get('field'))))}</th>" for c in cols)
        body = []
        for row in data:
            link = row.get("_table_row_link_path")
            cells = []
            linked = 1 if len(cols) > 1 else 0  # the run time, or the suite's name, links to the page
            for i, c in enumerate(cols):
                v = str(row.get(c["field"], ""))
                if i == linked and link and "<a " not in v:
                    v = f'<a href="{html.escape(link)}">{v}</a>'
                cells.append(f"<td>{v}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        out[m.group("id")] = (f'<table class="ge-offline-table"><thead><tr>{head}</tr></thead>'
                              f'<tbody>{"".join(body) or "<tr><td>none yet</td></tr>"}</tbody></table>')
    return out


def _readable(page: str, static_prefix: str) -> str:
    page = page.replace("<head>", "<head>\n" + _STYLE, 1)
    page = _REMOTE_LOGO.sub(f"{static_prefix}static/images/logo-long.png", page)  # the logo, from the local copy
    for table_id, table in _static_tables(page).items():
        anchor = re.search(rf'<table\s+id="{re.escape(table_id)}"[^>]*>\s*</table>', page)
        if anchor:
            page = page[: anchor.end()] + "\n" + table + page[anchor.end():]
    page = _ICON.sub(_status_text, page)
    return page.replace("</body>", _JS_CHECK + "\n</body>", 1)


def make_offline_readable(site: Path) -> int:
    """Post-process every page of the site not yet processed; returns how many were changed."""
    n = 0
    for f in site.rglob("*.html"):
        text = f.read_text(encoding="utf-8")
        if _MARK in text:
            continue
        depth = len(f.relative_to(site).parts) - 1
        f.write_text(_readable(text, "../" * depth), encoding="utf-8")
        n += 1
    return n
