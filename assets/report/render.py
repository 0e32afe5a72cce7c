"""Rendering the Quarto project in report/ for one period and language.

1. stage: copy report/ to build/report_src/<period>-<lang>/, put the language's narrative in
   _text/ (a period's own file wins over the general one) and write what the warehouse says:
   _variables.yml (for `{{< var >}}`) and _generated/*.md (for `{{< include >}}`).
2. render: with Quarto when `quarto` is on PATH; otherwise the same staged sources through pandoc
   (pypandoc-binary) — shortcodes resolved here — to HTML (self-contained), DOCX, and Typst, which the
   `typst` package compiles to PDF with the fonts shipped in report/fonts/.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from core import settings
from core import plural
from core.settings import report_src  # the Quarto project (MONITOR_REPORT_SRC overrides)
from assets.report.prepare import Context

FORMATS = ("html", "pdf", "docx")
DEFAULT_TIMEOUT_S = 120


class RenderError(RuntimeError):
    """A renderer (pandoc, typst, quarto) failed or ran past its time limit."""


def requested_formats() -> tuple[str, ...]:
    """MONITOR_REPORT_FORMATS (e.g. "html" or "html,pdf"): the formats a refresh renders; all by default."""
    import os

    asked = [f.strip() for f in (os.environ.get("MONITOR_REPORT_FORMATS") or "").split(",") if f.strip()]
    bad = [f for f in asked if f not in FORMATS]
    if bad:
        raise ValueError(f"MONITOR_REPORT_FORMATS: unknown {plural.en(len(bad), 'format')} {bad}; choose from {list(FORMATS)}")
    return tuple(asked) or FORMATS


def timeout_s() -> float:
    """Seconds any one renderer process may run (MONITOR_RENDER_TIMEOUT_S, default 120)."""
    import os

    return float(os.environ.get("MONITOR_RENDER_TIMEOUT_S") or DEFAULT_TIMEOUT_S)


def run_tool(cmd: list[str], what: str, cwd: Path | None = None, timeout: float | None = None) -> None:
    """Run a renderer process with a time limit; a clear message when it fails or hangs."""
    timeout = timeout or timeout_s()
    try:
        done = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RenderError(f"{what} did not finish within {timeout:g} s and was stopped (set MONITOR_RENDER_TIMEOUT_S "
                          f"to allow longer); the report's sources are in {cwd or 'build/report_src/'}") from None
    if done.returncode != 0:
        err = done.stderr.decode("utf-8", "replace").strip()[-2000:]
        raise RenderError(f"{what} failed (exit {done.returncode}): {err}")


def _pandoc(src: Path, to: str, target: Path, args: list[str]) -> None:
    import pypandoc

    run_tool([pypandoc.get_pandoc_path(), str(src), "--from", "markdown", "--to", to, "--output", str(target), *args],
             f"pandoc ({to}, {target.name})")


_TYPST = "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], root=sys.argv[3], font_paths=[sys.argv[4]], ignore_system_fonts=True)"
SHORTCODE_INCLUDE = re.compile(r"\{\{<\s*include\s+(\S+?)\s*>\}\}")
SHORTCODE_VAR = re.compile(r"\{\{<\s*var\s+([\w.\-]+)\s*>\}\}")


@dataclass
class Rendered:
    engine: str
    files: dict[str, Path]
    seconds: float


def stage(ctx: Context, dest: Path | None = None) -> Path:
    src = report_src()
    dest = dest or settings.build_dir() / "report_src" / f"{ctx.period}-{ctx.lang}"
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("text", "_generated", "_text", ".quarto", "fonts"))
    fonts = dest / "fonts"  # _quarto.yml's typst font-paths (the pandoc path reads them from the checkout)
    try:
        fonts.symlink_to(settings.report_src_dir() / "fonts", target_is_directory=True)
    except OSError:
        shutil.copytree(settings.report_src_dir() / "fonts", fonts)
    text_dir = dest / "_text"
    text_dir.mkdir()
    general = src / "text" / ctx.lang
    for f in sorted(general.glob("*.md")):
        shutil.copy(f, text_dir / f.name)
    own = general / "periods" / ctx.period
    for f in sorted(own.glob("*.md")) if own.is_dir() else []:
        shutil.copy(f, text_dir / f.name)  # the period's own narrative replaces the general one
    # the conclusions are the analysts' own text of the period: with its heading where they wrote it, else no
    # section at all (never a placeholder a reader would see; the CLI tells the operator: conclusions_missing)
    text = conclusions_text(ctx.period, ctx.lang)
    (text_dir / "conclusions.md").write_text(f"## {{{{< var h.conclusions >}}}}\n\n{text}" if text else "", encoding="utf-8")
    gen = dest / "_generated"
    gen.mkdir()
    for name, md in ctx.fragments.items():
        (gen / f"{name}.md").write_text(md, encoding="utf-8")
    for name, data in ctx.files.items():  # charts
        (gen / name).write_bytes(data)
    (dest / "_variables.yml").write_text(yaml.safe_dump(ctx.variables, allow_unicode=True, sort_keys=True), encoding="utf-8")
    return dest


def conclusions_path(period: str, lang: str) -> Path:
    return report_src() / "text" / lang / "periods" / period / "conclusions.md"


def conclusions_text(period: str, lang: str) -> str | None:
    """The analysts' conclusions of the period in one language; None when they wrote none (or only blanks)."""
    path = conclusions_path(period, lang)
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    return text if text.strip() else None


def conclusions_missing(period: str) -> list[Path]:
    """The conclusions files of the period not written yet (the report leaves their section out): for the operator."""
    from assets.report.labels import LANGS

    return [conclusions_path(period, lang) for lang in LANGS if conclusions_text(period, lang) is None]


class ReportSourceError(ValueError):
    """A shortcode of a report source (a narrative .md, a generated table) that cannot be resolved: its file and
    line, and why."""


def resolve_shortcodes(text: str, base: Path, variables: dict, depth: int = 0, root: Path | None = None,
                       source: str = "the report's document") -> str:
    """What Quarto does with `include` and `var`, for the pandoc path. An include is read only inside `root` (the
    staged sources: default `base`): `{{< include /etc/passwd >}}` in a narrative file printed that file into the
    report (a red-team probe). A shortcode that cannot be resolved is a ReportSourceError naming `source` (the file
    that holds it, relative to `root`) and its line."""
    if depth > 10:
        raise RecursionError("includes nested more than 10 deep")
    root = (root or base).resolve()

    def fail(m: re.Match, why: str) -> ReportSourceError:
        return ReportSourceError(f"{source}, line {text.count(chr(10), 0, m.start()) + 1}: {why}")

    def inc(m: re.Match) -> str:
        path = (base / m.group(1)).resolve()
        if not path.is_relative_to(root):
            raise fail(m, f"report include outside the report's sources: {m.group(1)} (only files under {root} are "
                          "included)")
        if not path.is_file():
            raise fail(m, f"report include not found: {m.group(1)} (looked in {base})")
        body = _strip_front_matter(path.read_text(encoding="utf-8"))
        return resolve_shortcodes(body, path.parent, variables, depth + 1, root, str(path.relative_to(root)))

    def var(m: re.Match) -> str:
        cur = variables
        for part in m.group(1).split("."):
            if not isinstance(cur, dict) or part not in cur:
                raise fail(m, f"report variable '{m.group(1)}' is not in the warehouse's variables")
            cur = cur[part]
        return str(cur)

    for m in SHORTCODE_VAR.finditer(text):  # checked where it stands (its line), replaced after the includes
        var(m)
    text = SHORTCODE_INCLUDE.sub(inc, text)
    return SHORTCODE_VAR.sub(var, text)


def _strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            return text[end + 4 :].lstrip("\n")
    return text


def _front_matter(text: str) -> dict:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            return yaml.safe_load(text[4:end]) or {}
    return {}


_SHORT_TABLE_ROWS = 18  # tables up to this many rows never break across pages
_TEXT_WIDTH_CH = 70  # characters of bold 8.5 pt DejaVu Sans (with cell insets) across the A4 text block
# A table wider than this (its columns' longest words, +3 characters each) would need type under 5 pt, where the
# cells' fixed insets no longer fit: its columns are split into parts stacked one under the other, each part
# with the first column.
_SPLIT_CH = 125
# A run of this many characters without a space (a URL, a long word) may break anywhere (the rule of
# typst-header.typ): a column needs no more room than this for it.
_LONG_TOKEN = 30
# the spaces a line may break at: not the no-break spaces inside a number ("1 000 000" is one word)
_BREAKABLE = re.compile(r"[ \t\n]+")


def _cell_text(cell: str) -> str:
    """The visible text of a Typst cell, roughly: markup calls and brackets removed."""
    cell = re.sub(r"#\w+(\.\w+)*(\([^)]*\))?\[", "", cell)
    cell = re.sub(r"#super\[[^\]]*\]", "x", cell)
    return re.sub(r"[\[\]\\]", "", cell).strip()


def _row_cells(s: str) -> list[str] | None:
    """The cells of a row `[a], [b#super[1]], …` as written (brackets kept), split at the top level; None when
    the line is no such row."""
    cells: list[str] = []
    depth, start, k = 0, 0, 0
    while k < len(s):
        ch = s[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "[":
            start = k if depth == 0 else start
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                cells.append(s[start:k + 1])
        elif depth == 0 and ch not in ", ":
            return None
        k += 1
    return cells if depth == 0 and cells else None


def _split_table(indent: str, widths: list[int], body: list[str]) -> tuple[list[str], int, int] | None:
    """A table too wide for the text block as parts stacked one under the other, each with the first column
    and as many of the others as fit: (its lines from `columns:` on, the number of parts, the widest part's
    width in characters); None when its lines are not the plain rows this reads."""
    n = len(widths)
    align: list[str] | None = None
    header: list[str] | None = None
    rows: list[list[str]] = []
    for line in body:
        s = line.strip()
        if s.startswith("align: (") and s.endswith("),"):
            align = [a.strip() for a in s[len("align: ("):-2].split(",") if a.strip()]
        elif s.startswith("table.header(") and s.endswith("),"):
            header = _row_cells(s[len("table.header("):-2].rstrip(", "))
        elif s == "table.hline(),":
            continue
        else:
            cells = _row_cells(s.rstrip(","))
            if cells is None:
                return None
            rows.append(cells)
    if align is None or header is None or any(len(r) != n for r in [align, header, *rows]):
        return None
    label = widths[0]
    parts = -(-(sum(widths) - label) // max(_SPLIT_CH - label, 1))
    per = -(-(n - 1) // parts)
    chunks = [[0, *range(1 + k * per, min(n, 1 + (k + 1) * per))] for k in range(parts)]
    out: list[str] = []
    for k, cols in enumerate(chunks):
        if k:
            out += [f"{indent[:-2]})", f"{indent[:-2]}#v(0.8em)", f"{indent[:-2]}#table("]
        out.append(f"{indent}columns: (" + ", ".join(f"{widths[c]}fr" for c in cols) + ",),")
        out.append(f"{indent}align: (" + ",".join(align[c] for c in cols) + ",),")
        out.append(f"{indent}table.header(" + ", ".join(header[c] for c in cols) + ",),")
        out.append(f"{indent}table.hline(),")
        out += [f"{indent}" + ", ".join(r[c] for c in cols) + "," for r in rows]
    return out, parts, max(sum(widths[c] for c in cols) for cols in chunks)


def _typst_columns(typ: str) -> str:
    """Columns sized to their content. A table whose content fits the text block keeps natural (auto)
    widths; a wider one gets fractions proportional to each column's content (capped), never narrower
    than its longest word (a number with its no-break spaces is one word), so that names are not split and
    figures run neither into labels nor into each other; one too wide for that even in 5 pt type is split
    into parts (_split_table)."""
    lines = typ.split("\n")
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"(\s*)columns: (\d+),$", line)
        if not m:
            out.append(line)
            i += 1
            continue
        n = int(m.group(2))
        head = len(out) - 1  # the line that opens the table
        # the table's rows: the lines that follow, up to the closing bracket
        j, rows, body = i + 1, [], []
        while j < len(lines) and not lines[j].strip().startswith(")"):
            s = lines[j].strip()
            body.append(lines[j])
            if s.startswith("table.header("):
                s = s[len("table.header("):].rstrip(",").rstrip(")")
            if s.startswith("["):
                rows.append([_cell_text(c) for c in re.split(r"\],\s*\[", s.rstrip(",").rstrip()[1:-1])])
            j += 1
        longest = [0] * n
        word = [1] * n
        for r in rows:
            for k, c in enumerate(r[:n]):
                longest[k] = max(longest[k], len(c))
                word[k] = max([word[k]] + [min(len(w), _LONG_TOKEN) for w in _BREAKABLE.split(c)])
        size = 8.0
        split = None
        if sum(longest) + 2 * n <= _TEXT_WIDTH_CH:
            out.append(f"{m.group(1)}columns: {n},")
        else:
            widths = [max(min(ln, 28), w + 1) for ln, w in zip(longest, word)]
            if sum(widths) > _TEXT_WIDTH_CH:  # even the longest words do not fit: give each column its longest word
                widths = [w + 3 for w in word]
                widest = sum(widths)
                split = _split_table(m.group(1), widths, body) if widest > _SPLIT_CH else None
                if split:
                    widest = split[2]
                if widest > _TEXT_WIDTH_CH + 5:  # and a smaller type, so that no word overflows its column
                    size = max(5.0, 8.0 * (_TEXT_WIDTH_CH + 5) / widest)
            if split:
                out.extend(split[0])
            else:
                out.append(f"{m.group(1)}columns: (" + ", ".join(f"{w}fr" for w in widths) + ",),")
        # every table's type size, set around it (a show rule on table would override it)
        if head >= 0 and out[head].rstrip().endswith("[#table(") and j < len(lines) and lines[j].strip() == ")]":
            out[head] = out[head].replace("[#table(", f"[#text(size: {size:.1f}pt)[#table(")
            lines[j] = lines[j] + "]"
            # a long table breaks across pages (header repeated); a short one stays whole with its caption
            end = next((k for k in range(j + 1, min(j + 6, len(lines))) if lines[k].strip() == ")"), None)
            if len(rows) * (split[1] if split else 1) > _SHORT_TABLE_ROWS and end is not None and head >= 1 \
                    and out[head - 1].strip() == "#figure(":
                out[head - 1] = "#[#show figure: set block(breakable: true)\n#figure("
                lines[end] = lines[end] + "]"
        i = j if split else i + 1
    return "\n".join(out)


def quarto_available() -> bool:
    return shutil.which("quarto") is not None


def render(ctx: Context, formats: tuple[str, ...] = FORMATS, out_dir: Path | None = None, engine: str = "auto",
           reuse: bool = True) -> Rendered:
    """Render one language. With `reuse`, a render whose sources, project, code and outputs are all
    unchanged since the last one is not repeated (freshness.py): the outputs are already right."""
    from assets.report import freshness

    t0 = time.monotonic()
    out_dir = out_dir or settings.build_dir() / "report" / ctx.period
    use_quarto = engine == "quarto" or (engine == "auto" and quarto_available())
    engine_name = "quarto" if use_quarto else "pandoc+typst"
    digest = freshness.render_digest(ctx, report_src()) + engine_name
    same = freshness.unchanged(ctx, digest, out_dir, formats) if reuse else {}
    todo = tuple(f for f in formats if f not in same)
    if not todo:
        return Rendered(engine_name + " (unchanged)", same, time.monotonic() - t0)
    staged = stage(ctx)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = _render_quarto(staged, ctx, todo, out_dir) if use_quarto else _render_pandoc(staged, ctx, todo, out_dir)
    freshness.record(ctx, digest, files)
    files = {f: (files.get(f) or same[f]) for f in formats}
    return Rendered(engine_name, files, time.monotonic() - t0)


def _out_name(ctx: Context, ext: str) -> str:
    return f"report-{ctx.period}-{ctx.lang}.{ext}"


def _render_quarto(staged: Path, ctx: Context, formats, out_dir: Path) -> dict[str, Path]:
    files = {}
    qfmt = {"html": "html", "pdf": "typst", "docx": "docx"}
    for f in formats:
        run_tool(["quarto", "render", "index.qmd", "--to", qfmt[f], "-M", f"lang:{ctx.lang}"], f"quarto ({f})", cwd=staged)
        ext = "pdf" if f == "pdf" else f
        produced = staged / "_site" / f"index.{ext}"
        produced = produced if produced.exists() else staged / f"index.{ext}"
        target = out_dir / _out_name(ctx, ext)
        shutil.copy(produced, target)
        files[f] = target
    return files


def html_file(md: Path, staged: Path, target: Path, common: list[str]) -> None:
    """The HTML of a resolved source `md` in the staged project (styles.css)."""
    _pandoc(md, "html5", target, common + ["--standalone", "--embed-resources", "--toc", "--toc-depth=2",
                                           "--css", str(staged / "styles.css")])


# a fenced div Quarto leaves out of its Typst output (`::: {... .content-hidden when-format="typst"}`), not nested
_HIDDEN_FROM_TYPST = re.compile(r'(?ms)^:::+ *\{[^}\n]*\.content-hidden\b[^}\n]*when-format="typst"[^}\n]*\}[ \t]*\n.*?^:::+[ \t]*(?:\n|\Z)')


def without_hidden_from_typst(text: str) -> str:
    """The source as Quarto gives it to Typst: the divs marked `.content-hidden when-format="typst"` left out (the
    closing note of index.qmd, which the PDF prints at the foot of its last page)."""
    return _HIDDEN_FROM_TYPST.sub("", text)


def pdf_file(md: Path, staged: Path, target: Path, common: list[str]) -> None:
    """The PDF of a resolved source `md` in the staged project: pandoc's Typst with the project's header,
    the tables' columns sized (_typst_columns), typst in its own process (so that a runaway document can be
    stopped)."""
    import sys

    typ = md.with_suffix(".typ")
    md_typst = md.with_name(md.stem + "_typst.md")
    md_typst.write_text(without_hidden_from_typst(md.read_text(encoding="utf-8")), encoding="utf-8")
    _pandoc(md_typst, "typst", typ, common + ["--standalone", "--toc", "--metadata", "mainfont=DejaVu Sans",
                                        "--metadata", "fontsize=10pt", "--metadata", "papersize=a4",
                                        "--include-in-header", str(staged / "typst-header.typ"),
                                        "--include-before-body", str(staged / "typst-before-body.typ")])
    typ.write_text(_typst_columns(typ.read_text(encoding="utf-8")), encoding="utf-8")
    run_tool([sys.executable, "-c", _TYPST, str(typ), str(target), str(staged), str(settings.report_src_dir() / "fonts")],
             f"typst ({target.name})")


def _render_pandoc(staged: Path, ctx: Context, formats, out_dir: Path) -> dict[str, Path]:
    source = (staged / "index.qmd").read_text(encoding="utf-8")
    meta = _front_matter(source)
    body = resolve_shortcodes(_strip_front_matter(source), staged, ctx.variables)
    title = resolve_shortcodes(str(meta.get("title", "")), staged, ctx.variables)
    subtitle = resolve_shortcodes(str(meta.get("subtitle", "")), staged, ctx.variables)
    md = staged / "_resolved.md"
    md.write_text(body, encoding="utf-8")
    common = ["--columns=10000", "--metadata", f"title={title}", "--metadata", f"subtitle={subtitle}", "--metadata", f"lang={ctx.lang}",
              "--metadata", f"toc-title={ctx.variables.get('h', {}).get('contents', '')}",
              "--resource-path", str(staged)]
    # the three formats are independent: render them side by side (pandoc and typst run outside the GIL)
    def html() -> Path:
        target = out_dir / _out_name(ctx, "html")
        html_file(md, staged, target, common)
        return target

    def docx() -> Path:
        target = out_dir / _out_name(ctx, "docx")
        # Word gets the PNG twin of each chart (SVG in DOCX needs Word 2016+)
        md_docx = staged / "_resolved_docx.md"
        md_docx.write_text(re.sub(r"(\(_generated/[\w-]+)\.svg\)", r"\1.png)", body), encoding="utf-8")
        # no field-based contents list (Word would ask to update it): the headings are the outline
        _pandoc(md_docx, "docx", target, common + ["--reference-doc", str(staged / "reference.docx")])
        return target

    def pdf() -> Path:
        target = out_dir / _out_name(ctx, "pdf")
        pdf_file(md, staged, target, common)
        return target

    from concurrent.futures import ThreadPoolExecutor

    jobs = {"html": html, "docx": docx, "pdf": pdf}
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = {f: pool.submit(jobs[f]) for f in formats}
        files: dict[str, Path] = {f: fut.result() for f, fut in futures.items()}
    return files
