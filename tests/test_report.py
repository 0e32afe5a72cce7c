"""The annual report: rendered from the warehouse in every format and language; the seed's structure and
tables; Cyrillic that reads in the PDF; every statistic traced to the warehouse; no number typed in
the narrative; outside text inert; private persons unnamed; charts embedded; the appendix; the
reporter's refresh; a screenshot of the HTML for people to look at (ARTIFACTS: the scratch, or MONITOR_TEST_ARTIFACTS)."""
from __future__ import annotations

import html as htmllib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import polars as pl
import pytest

from assets.core import periods
from core import settings
from tests.conftest import figures_of, module_root, run_period, start_from, write

# screenshots and copies for people to look at: in the scratch (tests never write into the checkout), or where
# MONITOR_TEST_ARTIFACTS says (e.g. MONITOR_TEST_ARTIFACTS=build/test-artifacts make test)
ARTIFACTS = Path(os.environ.get("MONITOR_TEST_ARTIFACTS") or Path(tempfile.gettempdir()) / "assembly-monitor-test-artifacts")
PRIVATE_NAME = ("Айгуль", "Сапарова")

SCRIPT_CARD = """card_id: X-SCRIPT
date: 2017-06-01
city: Алматы
form: hunger_strike
topic: "<script>alert('topic')</script> Протест *жирный*"
character: social
organizer_type: spontaneous
participants: 3
permission_requested: false
reason_not_applied: unknown
source_type: media
notes: "<script>alert('note')</script> <img src=x onerror=alert(1)> [ссылка](javascript:alert(2)) **жирный**"
"""

PRIVATE_CARD = """card_id: X-PRIVATE
date: 2017-06-02
city: Астана
form: chaining
topic: Требование встречи с акимом
character: social
organizer_type: individual
participants: 1
permission_requested: false
reason_not_applied: unknown
source_type: media
notes: "Пикет Айгуль Сапаровой у акимата; Сапарову выслушал заместитель акима."
persons:
- person_id: P1
  role: organizer
  name: Айгуль Сапарова
  public: false
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, published_run):
    """The end-to-end render: the example's 2017 (and two cards of this module) through every asset up to the
    report, in every format and language, on the published figures and audit (conftest.published_run) and the
    figures of the periods without cards."""
    with module_root(tmp_path_factory, "report") as root:
        write(root / "inbox" / "cards" / "2017" / "script.yaml", SCRIPT_CARD)
        write(root / "inbox" / "cards" / "2017" / "private.yaml", PRIVATE_CARD)
        start_from(root, published_run)  # the published figures and the audit
        for p in periods.period_ids():  # their checks pass on the published figures: test_published_periods.py
            if p != "2017" and not periods.get(p).generated:  # the calendar years after 2017 have no figures
                assert run_period(p, selection=("figures",), checks=False).success
        assert run_period("2017", selection=("raw_cards", "cards", "figures", "reconciliation", "report")).success
        yield root / "build" / "report" / "2017"


_PDF: dict[tuple[str, int, int], tuple] = {}
_WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>')


def pdf_layout(path) -> tuple:
    """Per page: (page box, [line: [(text, x0, y0, x1, y1)]]) of a PDF, from poppler's `pdftotext -bbox-layout`
    (y upwards from the page's bottom, as PDF and pdfminer count), read once per file (path, size and mtime: a
    file written again is read again). Every test of the PDFs reads this one parse: ~0.05 CPU s per file, where
    pdfminer's layout analysis took ~2.4 s and pypdf's text ~1.5 s (docs/testing.md, fourteenth pass). The
    glyphs' boxes are the same as pdfminer's; the words differ only where pdfminer glued a footnote's raised
    number to the word beside it ('меньше.1', '1В'), which poppler keeps apart. On a machine without poppler
    (session 32: a fresh machine had none) pdfminer's layout gives the same structure, slower."""
    st = Path(path).stat()
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _PDF and not shutil.which("pdftotext"):
        _PDF[key] = _pdfminer_layout(path)
    if key not in _PDF:
        out = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, check=True,
                             timeout=120).stdout.decode("utf-8")
        pages = []
        for chunk in out.split("<page ")[1:]:
            w, h = map(float, re.match(r'width="([\d.]+)" height="([\d.]+)"', chunk).groups())
            lines = []
            for line in chunk.split("<line ")[1:]:
                lines.append([(htmllib.unescape(t), float(a), h - float(d), float(c), h - float(b))
                              for a, b, c, d, t in _WORD.findall(line)])
            pages.append(((0.0, 0.0, w, h), lines))
        _PDF[key] = tuple(pages)
    return _PDF[key]


def _pdfminer_layout(path) -> tuple:
    """`pdf_layout`'s structure from pdfminer.six (pinned): each text line's words, split at blank characters, with the
    boxes of their glyphs (pdfminer counts y upwards from the page's bottom, as `pdf_layout` does)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine

    pages = []
    for page in extract_pages(str(path), laparams=LAParams(char_margin=1.0, word_margin=0.08, boxes_flow=None)):
        lines = []
        for el in page:
            if not isinstance(el, LTTextContainer):
                continue
            for line in el:
                if not isinstance(line, LTTextLine):
                    continue
                words, cur = [], []
                for ch in list(line) + [None]:
                    if isinstance(ch, LTChar) and ch.get_text().strip():
                        cur.append(ch)
                        continue
                    if cur:
                        words.append(("".join(c.get_text() for c in cur), min(c.x0 for c in cur), min(c.y0 for c in cur),
                                      max(c.x1 for c in cur), max(c.y1 for c in cur)))
                    cur = []
                if words:
                    lines.append(words)
        x0, y0, x1, y1 = page.bbox
        pages.append(((0.0, 0.0, x1 - x0, y1 - y0), lines))
    return tuple(pages)


def pdf_pages(path) -> tuple[str, ...]:
    """The text of every page of a PDF: its lines, each line's words joined by a space (pdf_layout)."""
    return tuple("\n".join(" ".join(w[0] for w in line) for line in lines) for _, lines in pdf_layout(path))


def _html(rendered, lang="ru") -> str:
    return (rendered / f"report-2017-{lang}.html").read_text(encoding="utf-8")


class _Blocks(HTMLParser):
    """Text of the HTML body by block (p, li, td, th, h*, caption...), leaving out the table of
    contents, style, and what `skip_classes` marks (the card notes: text from outside)."""
    BLOCK = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "caption", "figcaption", "div", "header", "dt", "dd"}

    def __init__(self, skip_classes=("card-notes", "divergence-notes", "footnotes", "footnote-ref"),
                 skip_ids=("TOC", "appendix")):
        super().__init__(convert_charrefs=True)
        self.blocks, self.cur, self.skip, self.stack = [], [], 0, []
        self.skip_classes, self.skip_ids = skip_classes, skip_ids

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        skipping = (tag in ("style", "script", "title", "nav") or a.get("id") in self.skip_ids
                    or any(c in (a.get("class") or "").split() for c in self.skip_classes))
        if tag in ("br", "img", "meta", "link", "hr", "input"):
            return
        self.stack.append(skipping)
        self.skip += skipping
        if tag in self.BLOCK:
            self._flush()

    def handle_endtag(self, tag):
        if tag in ("br", "img", "meta", "link", "hr", "input"):
            return
        if tag in self.BLOCK:
            self._flush()
        if self.stack:
            self.skip -= self.stack.pop()

    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)

    def _flush(self):
        text = re.sub(r"[ \t\r\n]+", " ", "".join(self.cur)).strip()  # keeps the narrow no-break spaces of 1 697
        if text:
            self.blocks.append(text)
        self.cur = []


def blocks(html: str, **kw) -> list[str]:
    body = html[html.find("<body"):]
    p = _Blocks(**kw)
    p.feed(body)
    p._flush()
    return p.blocks


# --------------------------------------------------------------------------- formats, languages, structure

def test_every_format_and_language_is_written(rendered):
    for lang in ("ru", "en"):
        for ext in ("html", "pdf", "docx"):
            f = rendered / f"report-2017-{lang}.{ext}"
            assert f.exists() and f.stat().st_size > 1000, f


def test_html_is_self_contained_with_the_charts(rendered):
    for lang in ("ru", "en"):
        html = _html(rendered, lang)
        assert not re.search(r'<link[^>]+stylesheet', html)  # the CSS is embedded
        assert not re.search(r'(src|href)="https?://', html)  # nothing is loaded from the network
        images = re.findall(r'<img[^>]+src="data:image/svg\+xml', html)
        assert len(images) == 5, "dynamics, cities, character, forms, police control: embedded SVG"


def test_the_seeds_structure_every_table_with_its_number_and_title(rendered):
    text = " ".join(" ".join(blocks(_html(rendered), skip_ids=("TOC",))).split())
    for h in ("От составителей", "Введение", "Законодательство", "Общие результаты мониторинга",
              "Динамика гражданской активности", "Характер мирных собраний", "Организаторы мирных собраний",
              "Формы мирных собраний", "Законопослушность граждан", "Реакция властей", "Присутствие полицейских",
              "Задержания участников мирных собраний", "Осуждения участников мирных собраний", "Общая статистика",
              "Выводы"):
        assert h in text, h
    titles = {  # as the seed prints them, but Tables 2 and 17 say the span of their periods ("за 7 лет" counted periods)
        "1": "Количество мирных собраний в 2017 году", "2": "Общая динамика ситуации с мирными собраниями за 2010–2017 годы",
        "3": "Индексы гражданской активности по годам и городам", "4": "Характер мирных собраний по годам",
        "5": "Активность общественных организаций", "6": "Организаторы мирных собраний",
        "7": "Формы мирных собраний в 2017 году", "8": "Сравнительная таблица форм собраний (с 2016 годом)",
        "9": "Количество несанкционированных акций по годам", "10": "Причины необращений граждан за разрешениями",
        "11": "«Индекс законопослушности» по городам", "12": "«Индекс законопослушности» по годам",
        "13": "Присутствие органов власти и вынесение предупреждений", "14": "«Индекс полицейского контроля» по регионам",
        "14-1": "Общий «Индекс полицейского контроля» за 2017 год",
        "15": "«Индекс полицейского контроля» за 2017 год в разбивке по годам",
        "16": "Задержания участников мирных собраний", "17": "Процент несанкционированных мирных собраний доходящих до суда за 2015–2017 годы",
        "18": "Количество участников мирных собраний", "19": "Продолжительность мирных собраний по годам",
    }
    positions = []
    for no, title in titles.items():
        caption = f"Таблица №{no}. {title}"
        assert caption in text, caption
        positions.append(text.index(caption))
    assert positions == sorted(positions), "the tables come in the seed's order"
    assert "Темы собраний" in text and "Осуждения участников мирных собраний" in text


def test_english_renders_from_the_same_source(rendered):
    text = " ".join(blocks(_html(rendered, "en"), skip_ids=("TOC",)))
    assert "Table 1. Number of peaceful assemblies in 2017" in text
    assert "Table 19. Duration of peaceful assemblies by year" in text
    assert "38 peaceful assemblies in 9 cities" in text  # 36 example cards + the two cards of this test
    assert "Almaty" in text and "Алматы" not in text.split("Notable")[0].split("Assemblies of a political")[0]
    with zipfile.ZipFile(rendered / "report-2017-en.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        styles = z.read("word/styles.xml").decode("utf-8")
    assert "Almaty" in xml and "Number of peaceful assemblies in 2017" in xml
    assert "<w:tblBorders>" in styles  # report/reference.docx: tables have borders
    assert len(media) == 5 and all(n.endswith(".png") for n in media)


def test_numbers_of_the_text_agree_in_russian(rendered):
    text = " ".join(" ".join(blocks(_html(rendered))).split())
    assert "38 мирных собраний в 9 городах" in text
    assert "Из 33 несанкционированных собраний" in text


def test_pdf_text_is_cyrillic(rendered):
    pages = pdf_pages(rendered / "report-2017-ru.pdf")
    text = " ".join(" ".join(pages).split())
    assert "Мониторинг свободы мирных собраний в Казахстане" in text
    assert "Таблица №1. Количество мирных собраний в 2017 году" in text
    assert "Алматы" in text and "Законодательство" in text and "Выводы" in text
    assert "\ufffd" not in text and "□" not in text
    assert not re.search(r"[ÐÑ][\x80-\xbf]", text), "no mojibake"
    assert len(pages) > 10
    en = " ".join(pdf_pages(rendered / "report-2017-en.pdf"))
    assert "Number of peaceful assemblies in 2017" in " ".join(en.split())


# --------------------------------------------------------------------------- safety

def test_outside_text_is_inert(rendered):
    for lang in ("ru", "en"):
        html = _html(rendered, lang)
        assert "<script" not in html.lower()
        assert "onerror=" not in html.replace("onerror=alert(1)&gt;", "")  # only as text
        assert not re.search(r'<img[^>]+src="x"', html)
        assert 'href="javascript:' not in html
        assert "<strong>жирный</strong>" not in html and "<em>жирный</em>" not in html
        shown = htmllib.unescape(" ".join(blocks(html, skip_classes=())))
        assert "<script>alert('note')</script>" in shown  # the note is shown, as text
        assert "<script>alert('topic')</script>" in shown
    pdf = " ".join(pdf_pages(rendered / "report-2017-ru.pdf"))
    assert "alert('note')" in " ".join(pdf.split())


def test_no_private_person_is_named(rendered):
    from assets.core import warehouse

    with warehouse.connect(read_only=True) as con:
        private = [n for (n,) in con.execute("SELECT name FROM persons WHERE name IS NOT NULL AND NOT coalesce(public, false)").fetchall()]
    assert "Айгуль Сапарова" in private
    outputs = []
    for lang in ("ru", "en"):
        outputs.append(htmllib.unescape(_html(rendered, lang)))
        outputs.append(" ".join(pdf_pages(rendered / f"report-2017-{lang}.pdf")))
        with zipfile.ZipFile(rendered / f"report-2017-{lang}.docx") as z:
            outputs.append(z.read("word/document.xml").decode("utf-8"))
    for out in outputs:
        for name in private:
            assert name not in out
        for part in PRIVATE_NAME:  # any inflection: Сапаровой, Сапарову
            assert part[:-2] not in out
        assert "Пикет […]" in out or "Пикет [\u2026]" in out or "Pikiet" in out or "Пикет" in out


# --------------------------------------------------------------------------- numbers

ALLOWED_IN_PROSE = [
    r"(?i)стать(я|и|ёй|ей|ю|е)\s+\d+", r"(?i)articles?\s+\d+", r"№\s?\d+(-\d+)?", r"No\.\s?\d+",
    r"\d{1,2}\s+(марта|March)\s+\d{4}(\s+года)?", r"\d+-(дневн\w*|day)", r"(?i)погрешност\w*\s+\d+%",
    r"(?i)margin of error (of )?\d+%", r"(?i)tables?\s+\d+(-\d+)?", r"(?i)табл\.\s*№?\s?\d+(-\d+)?",
]
LIST_NUMBER = re.compile(r"^\s*\d+(\\?\.\d+)*\\?\.\s", re.M)


def test_the_narrative_types_no_number():
    """report/ holds no statistic: digits in the analysts' prose only in legal references (articles,
    law numbers and dates), the numbering of the conclusions and the period's own id."""
    src = settings.report_src_dir()
    offenders = []
    for f in sorted(list(src.glob("text/**/*.md")) + [src / "index.qmd"]):
        text = re.sub(r"\{\{<.*?>\}\}", " ", f.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"`[^`]*`", " ", text)
        for pat in ALLOWED_IN_PROSE:
            text = re.sub(pat, " ", text)
        text = LIST_NUMBER.sub(" ", text)
        if "periods" in f.parts:
            text = text.replace(f.parent.name, " ")
        for line in text.splitlines():
            if re.search(r"\d", line):
                offenders.append(f"{f.relative_to(src)}: {line.strip()}")
    assert not offenders, "numbers typed in the narrative:\n" + "\n".join(offenders)


def _norm(token: str) -> str:
    return token.replace("\u202f", "").replace("\u00a0", "").replace(" ", "").replace(",", ".")


def _allowed_numbers(period_id: str) -> set[str]:
    """Every way the report may print a number of the warehouse: each figure, rounded to 0-2 decimals;
    comparisons between periods of the same cell (relative change in %, ratio 'in N times'); means over
    the periods; what is left of a total after its two largest parts; counts of periods; period ids,
    dates of the period and table numbers."""
    from assets.core import warehouse

    with warehouse.connect(read_only=True) as con:
        rows = con.execute("SELECT period, table_no, row_key, col_key, value FROM figures WHERE value IS NOT NULL").fetchall()
    vals: list[float] = []
    by_key: dict[tuple, dict[str, float]] = {}
    by_tc: dict[tuple, list[float]] = {}
    for p, t, r, c, v in rows:
        vals.append(v)
        by_key.setdefault((t, r, c), {})[p] = v
        if p == period_id:
            by_tc.setdefault((t, c), []).append(v)
    order = periods.period_ids()
    derived = []
    for key, per in by_key.items():
        ps = [p for p in order if p in per and order.index(p) <= order.index(period_id)]
        xs = [per[p] for p in ps]
        if len(xs) > 1:
            derived.append(sum(xs) / len(xs))
        for a in xs:
            for b in xs:
                if a and b:
                    derived += [abs(a / b - 1) * 100, a / b]
    for (t, c), xs in by_tc.items():
        xs = sorted(xs, reverse=True)
        if len(xs) >= 3:
            derived.append(xs[0] - xs[1] - xs[2])  # total minus the two largest rows
    out = set()
    for v in vals + derived:
        for d in (0, 1, 2):
            out.add(f"{round(v, d):.{d}f}")
    out |= {str(i) for i in range(0, 20)}  # table numbers; counts of periods
    for p in periods.all_periods():
        out |= set(re.findall(r"\d+", p.id)) | {str(p.start.day), str(p.end.day), str(p.start.year), str(p.end.year)}
    return out


def test_every_statistic_shown_is_traced_to_the_warehouse(rendered):
    """Each number in the rendered HTML (outside the card notes, which are quoted text from outside,
    and the legal references of the prose) is a warehouse figure or follows from warehouse figures."""
    from assets.core import warehouse

    allowed = _allowed_numbers("2017")
    with warehouse.connect(read_only=True) as con:
        outside = [t for row in con.execute("SELECT DISTINCT topic, topic_en FROM cards WHERE period = '2017'").fetchall()
                   for t in row if t]
    for lang in ("ru", "en"):
        untraced = []
        for block in blocks(_html(rendered, lang)):
            for t in sorted(outside, key=len, reverse=True):
                block = block.replace(" ".join(t.split()), " ")
            for pat in ALLOWED_IN_PROSE:
                block = re.sub(pat, " ", block)
            block = LIST_NUMBER.sub(" ", block)
            for token in re.findall(r"\d+(?:[\u202f\u00a0]\d{3})*(?:[.,]\d+)?", block):
                if _norm(token) not in allowed:
                    untraced.append(f"{token!r} in: {block[:160]}")
        assert not untraced, f"{lang}: numbers not traced to the warehouse:\n" + "\n".join(untraced)


def test_tables_show_the_warehouse_figures(rendered):
    fig = figures_of("2017")
    text = " ".join(blocks(_html(rendered)))
    # a derived figure that differs from the published one carries a marker (¹ …)
    assert re.search(rf"Алматы {int(fig[('1', 'almaty', 'count')])}[¹²³⁴⁵⁶⁷⁸⁹]* \(", text)
    assert f"ВСЕГО {int(fig[('1', 'total', 'count')])} (100%)" in text


# --------------------------------------------------------------------------- periods, published columns, appendix

@pytest.fixture(scope="module")
def warehouse_data(rendered):
    from assets.core import warehouse
    from assets.report import prepare

    with warehouse.connect(read_only=True) as con:
        return prepare.load(con, "2017")


def _with(wh, **changes):
    import dataclasses

    return dataclasses.replace(wh, **changes)


def _build_svg(period: str, lang: str, wh):
    """prepare.build with the charts drawn as SVG only (charts.drawing, as a render without DOCX draws them), for
    the tests below whose changed figures draw the charts again: they read the context and the HTML, never the PNG
    that only the DOCX embeds (docs/testing.md, "Suite time", branch spd2)."""
    from assets.report import charts, prepare

    with charts.drawing(("html",)):
        return prepare.build(None, period, lang, wh)


def test_one_period_alone_degrades_gracefully(warehouse_data):
    wh = _with(warehouse_data, figs={"2017": warehouse_data.figs["2017"]}, published=set(), reconciliation=None, audit=None)
    for lang in ("ru", "en"):
        ctx = _build_svg("2017", lang, wh)
        header = [x for x in ctx.fragments["t02"].splitlines() if x.startswith("|")][0]
        assert "2017" in header and "2016" not in header and "2017*" not in header
        assert "Опубликованные" not in ctx.fragments["t02"] and "published" not in ctx.fragments["t02"]
        assert ("нет" in ctx.variables["c"]["general_dynamics"]) if lang == "ru" else ("no earlier" in ctx.variables["c"]["general_dynamics"])
        assert ctx.fragments["appendix"] == ""
        assert "чем в" not in ctx.variables["c"]["activity"]


def _changes_of(figs: dict) -> dict:
    """sql/report/figure_changes.sql over hand-made figures {period: {(table, row, col): value}}."""
    import duckdb

    from assets.report import stats

    con = duckdb.connect()
    con.execute("CREATE TABLE figures (period VARCHAR, table_no VARCHAR, row_key VARCHAR, col_key VARCHAR, value DOUBLE)")
    con.executemany("INSERT INTO figures VALUES (?, ?, ?, ?, ?)",
                    [(p, t, r, c, v) for p, cells in figs.items() for (t, r, c), v in cells.items()])
    return stats.changes(con, sorted(figs))


def test_published_periods_are_marked_and_compared(warehouse_data):
    cur = warehouse_data.figs["2017"]
    fake = {k: v * 2 for k, v in cur.items() if k[0] in ("2", "3", "4", "9", "12", "15", "17") and v is not None}
    figs = {"2016": fake, "2017": cur}
    wh = _with(warehouse_data, figs=figs, published={("2016", t) for t, _, _ in fake}, changes=_changes_of(figs))
    ctx = _build_svg("2017", "ru", wh)
    assert "| 2016* |" in ctx.fragments["t02"].replace("  ", " ") or "2016*" in [x for x in ctx.fragments["t02"].splitlines() if x.startswith("|")][0]
    assert "Опубликованные данные" in ctx.fragments["t02"]
    assert "в 2 раза меньше, чем в 2016 году" in ctx.variables["c"]["activity"]
    en = _build_svg("2017", "en", wh)
    assert "50% lower than in 2016" in en.variables["c"]["activity"]  # half: English says a fall in percent
    assert {"dynamics.svg", "character.svg", "police.svg", "cities.svg", "forms.svg"} <= set(ctx.files)


def test_a_period_with_published_figures_only_renders(warehouse_data, tmp_path, monkeypatch):
    """A past period whose cards are lost: only a few published tables, no text figures."""
    from assets.report import render

    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path))
    cur = warehouse_data.figs["2017"]
    published = {k: v for k, v in cur.items() if k[0] in ("2", "3", "4", "9")}
    wh = _with(warehouse_data, figs={"2016": published, "2017": cur}, published={("2016", t) for t, _, _ in published},
               reconciliation=None, audit=None)
    for lang in ("ru", "en"):
        ctx = _build_svg("2016", lang, wh)
        assert ctx.variables["s"]["police"] == "—"
        r = render.render(ctx, formats=("html",), out_dir=tmp_path)
        html = r.files["html"].read_text(encoding="utf-8")
        assert "2016*" in html


def test_appendix_renders_reconciliation_and_audit_escaped(warehouse_data):
    from assets.report import prepare

    rec = pl.DataFrame({"period": ["2017"] * 2, "table_no": ["1", "9"], "row_key": ["almaty", "total"],
                        "col_key": ["share_pct", "share_pct"], "derived": [47.2, 86.1], "published": [38.0, 84.0],
                        "printed": ["38%", "84%"], "decimals": [0, 0], "status": ["mismatch", "match"]})
    aud = pl.DataFrame({"source": ["kibhr-2017"], "rule": ["sum_total"], "period": ["2017"], "table_no": ["11"],
                        "row_key": ["total"], "col_key": ["count"], "published": [30.0], "expected": [31.0],
                        "message": ["rows sum to 30 <b>bold</b>"]})
    ctx = prepare.build(None, "2017", "ru", _with(warehouse_data, reconciliation=rec, audit=aud))
    app = ctx.fragments["appendix"]
    assert "Приложение" in app and "расхождение" in app and "38%" in app and "Доля несанкционированных" not in app
    assert "bold" not in app  # the Russian appendix gives the finding as cells, not the English message
    assert "| 11 | ВСЕГО | Количество | Сумма строк не равна итогу | 30 | 31 |" in app
    app_en = prepare.build(None, "2017", "en", _with(warehouse_data, reconciliation=rec, audit=aud)).fragments["appendix"]
    assert "<b>" not in app_en and "line 779" not in app_en  # labelled cells: no English prose, keys or line numbers
    none = prepare.build(None, "2017", "ru", _with(warehouse_data, reconciliation=None, audit=None))
    assert none.fragments["appendix"] == ""


def _vs(cur, prev):
    """The comparison of sql/report/figure_changes.sql for two figures: (ratio, inverse, change %)."""
    if prev in (None, 0):
        return None, None, None
    return cur / prev, (prev / cur if cur else None), (cur / prev - 1) * 100


def test_comparisons_in_words():
    from assets.report import fmt

    assert fmt.change(*_vs(3.0, 4.3), "ru") == "на 30% меньше"
    assert fmt.change(*_vs(3.0, 15.4), "ru") == "в 5 раз меньше"
    assert fmt.change(*_vs(2.0, 4.5), "ru") == "в 2,3 раза меньше"  # 2,25 half up, as every number of the report
    assert fmt.change(*_vs(0.32, 0.14), "ru") == "в 2,3 раза больше"
    assert fmt.change(*_vs(9, 9), "ru") == "на том же уровне"
    assert fmt.change(*_vs(36, 52), "en", "count") == "31% fewer"
    assert fmt.change(*_vs(1, None), "ru") is None and fmt.change(*_vs(1, 0), "ru") is None
    assert fmt.times(3, "ru") == "в 3 раза" and fmt.times(5, "ru") == "в 5 раз"
    assert fmt.period_in("2016") == "в 2016 году" and fmt.period_in("2011-2012") == "в 2011–2012 годах"
    assert fmt.fraction_phrase(47.2) == "каждое второе собрание" and fmt.fraction_phrase(70) is None
    assert fmt.agree(5, "человек") == "5 человек"


# --------------------------------------------------------------------------- for people to look at

@pytest.mark.slow  # a browser, twice (`make test-slow`)
def test_screenshots_for_people(rendered):
    """The HTML in headless Chromium and the PDF's pages as PNG, kept in ARTIFACTS."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium:
        for lang in ("ru", "en"):
            shot = ARTIFACTS / f"report-2017-{lang}.png"
            shot.unlink(missing_ok=True)
            profile = rendered.parent / f"chromium-{lang}"
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            f"--user-data-dir={profile}", "--window-size=1200,14000", f"--screenshot={shot}",
                            (rendered / f"report-2017-{lang}.html").as_uri()],
                           check=True, timeout=120, capture_output=True)
            assert shot.exists() and shot.stat().st_size > 50_000
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "4", str(rendered / "report-2017-ru.pdf"),
                        str(ARTIFACTS / "report-2017-ru-pdf")], check=True, timeout=120)
    for lang in ("ru", "en"):
        for ext in ("html", "pdf", "docx"):
            shutil.copy(rendered / f"report-2017-{lang}.{ext}", ARTIFACTS / f"report-2017-{lang}.{ext}")
    if not chromium:
        pytest.skip(f"chromium is not installed: no screenshot (the report files are in {ARTIFACTS})")


# --------------------------------------------------------------------------- reporter refresh, renderers

def test_quarto_renders_the_same_project_where_installed(rendered, warehouse_data, tmp_path):
    if shutil.which("quarto") is None:
        pytest.skip("quarto is not installed here; the pandoc + Typst path rendered the report")
    from assets.report import prepare, render

    ctx = prepare.build(None, "2017", "ru", warehouse_data)
    r = render.render(ctx, formats=("html",), out_dir=tmp_path, engine="quarto")
    assert "Таблица №1" in r.files["html"].read_text(encoding="utf-8")




# --------------------------------------------------------------------------- publishable: layout, language, printed values

def _pdf_words(path):
    """Per page: (page box, [(text, x0, y0, x1, y1)]), every word of the page (pdf_layout)."""
    return [(box, [w for line in lines for w in line]) for box, lines in pdf_layout(path)]


def test_pdf_words_never_overlap_nor_leave_the_text_block(rendered):
    """Every page of both PDFs: no two words overlap (a number printed over a city name, a row over the
    page number) and no word runs outside the page's text block (A4, 2.5 cm margins; small tolerance)."""
    for lang in ("ru", "en"):
        pages = _pdf_words(rendered / f"report-2017-{lang}.pdf")
        assert len(pages) > 5
        for no, ((x0p, y0p, x1p, y1p), words) in enumerate(pages, 1):
            left, right, bottom, top = x0p + 40, x1p - 40, y0p + 30, y1p - 40
            for w, x0, y0, x1, y1 in words:
                assert left <= x0 and x1 <= right and bottom <= y0 and y1 <= top, \
                    f"{lang} page {no}: {w!r} leaves the text block ({x0:.0f},{y0:.0f})-({x1:.0f},{y1:.0f})"
            boxes = sorted(words, key=lambda b: b[1])
            for i, a in enumerate(boxes):
                for b in boxes[i + 1:]:
                    if b[1] >= a[3] - 0.5:
                        break
                    ox = min(a[3], b[3]) - max(a[1], b[1])
                    oy = min(a[4], b[4]) - max(a[2], b[2])
                    assert not (ox > 1.0 and oy > 1.5), f"{lang} page {no}: {a[0]!r} overlaps {b[0]!r}"


def test_pdf_never_splits_a_name(rendered):
    """No hyphenation: a line of the PDF that ends in 'X-' continues a word that has that hyphen in the
    report's own text ('по-разному'), never a word cut by the typesetter ('Ал-маты')."""
    for lang in ("ru", "en"):
        source = htmllib.unescape(_html(rendered, lang))
        for page in pdf_pages(rendered / f"report-2017-{lang}.pdf"):
            lines = [x.strip() for x in page.splitlines() if x.strip()]
            for a, b in zip(lines, lines[1:]):
                m = re.search(r"([A-Za-zА-Яа-яЁё]+)-$", a)
                if m and b.split():
                    joined = m.group(1) + "-" + re.match(r"[\w]*", b.split()[0]).group(0)
                    assert joined in source, f"{lang}: a word split at a line end: {a!r} / {b!r}"


def _visible_text(html: str) -> tuple[str, str]:
    """(all visible text of the body, the text outside spans marked untranslated)."""
    body = re.sub(r"(?s)<(style|script|title)[^>]*>.*?</\1>", " ", html[html.find("<body"):])
    inside = re.sub(r"(?s)<[^>]+>", " ", body)
    outside = re.sub(r'(?s)<span class="untranslated"[^>]*>.*?</span>', " ", body)
    return htmllib.unescape(inside), htmllib.unescape(re.sub(r"(?s)<[^>]+>", " ", outside))


CYR = re.compile(r"[А-Яа-яЁё]")
INTERNAL_KEY = re.compile(r"\b(?:almaty|astana|share_pct|summary|monitoring_years|total_excl\w*)\b|\b[a-z]+_[a-z_]+\b"
                          r"|\bline \d+|\bстрок[аеи] \d+|\b[\w-]+\.(?:ya?ml|csv|md|py|sql|json)\b|README")


def test_english_edition_is_english(rendered):
    """Cyrillic under 2% of the words of the English edition (HTML and PDF), and none outside notes
    marked untranslated; the example cards carry English versions, so here there is none at all."""
    text, outside = _visible_text(_html(rendered, "en"))
    words = text.split()
    cyr = [w for w in words if CYR.search(w)]
    assert len(cyr) < 0.02 * len(words), cyr[:20]
    assert not CYR.search(outside.replace("Сапарова", "")), [w for w in outside.split() if CYR.search(w)][:20]
    pdf = " ".join(pdf_pages(rendered / "report-2017-en.pdf")).split()
    assert len([w for w in pdf if CYR.search(w)]) < 0.02 * len(pdf)


def test_untranslated_notes_are_marked(warehouse_data):
    """A card without an English version: its note appears in Russian, inside a marked span."""
    from assets.report import prepare

    cards = warehouse_data.cards.with_columns(pl.lit(None, dtype=pl.Utf8).alias("notes_en"))
    ctx = prepare.build(None, "2017", "en", _with(warehouse_data, cards=cards))
    events = ctx.fragments["events_political"] + ctx.fragments["events_forms"] + ctx.fragments["events_detentions"]
    assert "{.untranslated lang=ru}" in events and "(untranslated, Russian)" in events
    for line in events.splitlines():
        if CYR.search(line):
            assert ".untranslated" in line, line


def test_no_internal_keys_or_compilers_notes_reach_readers(rendered):
    for lang in ("ru", "en"):
        text, _ = _visible_text(_html(rendered, lang))
        pdf = " ".join(pdf_pages(rendered / f"report-2017-{lang}.pdf"))
        for where, s in (("html", text), ("pdf", pdf)):
            keys = INTERNAL_KEY.findall(s)
            assert not keys, f"{lang} {where}: internal keys shown: {sorted(set(keys))[:10]}"
            for compilers in ("значения подобраны", "реконструирован", "см. README", "values were chosen"):
                assert compilers not in s, f"{lang} {where}: a compilers' note reaches readers: {compilers}"


def test_published_values_as_printed_and_dash_for_no_value(rendered):
    """The seed prints 86,5% for 2016 in Table 9 (not 86 or 87) and '—' where it printed a dash."""
    html = _html(rendered, "ru")
    def table(caption: str) -> str:
        i = html.find(caption)
        start = html.rfind("<table", 0, i)
        return html[start:html.find("</table>", i)]

    t9 = table("Таблица №9.")
    assert "86,5%" in t9 and ",0%" not in t9
    t2 = table("Таблица №2.")
    karaganda = re.search(r"Караганда</td>(.*?)</tr>", t2, re.S).group(1)
    cells = [htmllib.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", karaganda, re.S)]
    assert "—" in cells and "0" not in cells, cells  # the seed prints '-' for Karaganda in 2016
    # a derived period: where the seed prints '-' and the cards count none, the page shows '—' too
    t10 = table("Таблица №10.")
    principled = re.search(r"Принципиально.*?</td>(.*?)</tr>", t10, re.S).group(1)
    cells = [htmllib.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", principled, re.S)]
    assert cells[-1] == "—", cells  # 2017: printed '-', the cards give 0 of 31


def test_every_differing_cell_carries_a_marker_and_a_note(rendered):
    """Police 134 against the printed 104 (Table 14), Almaty 288 minutes against 880 (Table 19): a
    marker at the cell, the published value in the note under the table."""
    for lang, pub in (("ru", "В опубликованном отчёте — 104"), ("en", "The published report gives 104")):
        html = _html(rendered, lang)
        i = html.find(pub)
        assert i > 0, f"{lang}: no note with the published 104"
        text = htmllib.unescape(re.sub(r"<[^>]+>", " ", html))
        assert re.search(r"\b134[¹²³⁴⁵⁶⁷⁸⁹]", text), f"{lang}: the police total 134 has no marker"
        assert ("880" in html) and re.search(r"288[¹²³⁴⁵⁶⁷⁸⁹]", htmllib.unescape(html))
    # the narrative's own figure (the text of the published report gives 104 police officers) has a footnote
    ru = htmllib.unescape(re.sub(r"<[^>]+>", " ", _html(rendered, "ru")))
    assert re.search(r"В опубликованном отчёте — 104 \(Таблица №14", ru)


def test_docx_has_no_contents_field_and_tables_scroll_in_html(rendered):
    for lang in ("ru", "en"):
        with zipfile.ZipFile(rendered / f"report-2017-{lang}.docx") as z:
            doc = z.read("word/document.xml").decode("utf-8")
        assert "TOC \\" not in doc and "Table of Contents" not in doc
        html = _html(rendered, lang)
        assert html.count('class="table-wrap"') >= 15
        assert re.search(r"\.table-wrap\s*\{[^}]*overflow-x:\s*auto", html)


# --------------------------------------------------------------------------- the DOCX, read as Word reads it
# (word/document.xml through lxml: python-docx is not among the project's packages; its Document.tables,
# paragraph styles and inline shapes are these same elements)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_NS = {"w": _W, "wp": _WP}
# a cell that holds a figure: digits (grouped with no-break spaces), decimals, %, its marker, "(47%)"
_FIGURE_CELL = re.compile(r"^[\d\s\u00a0\u202f.,%()¹²³⁴⁵⁶⁷⁸⁹⁰*+−-]*\d[\d\s\u00a0\u202f.,%()¹²³⁴⁵⁶⁷⁸⁹⁰*]*$")


def _docx(rendered, lang):
    from lxml import etree

    with zipfile.ZipFile(rendered / f"report-2017-{lang}.docx") as z:
        names = set(z.namelist())
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        return etree.fromstring(z.read("word/document.xml")), names, {
            r.get("Id"): r.get("Target") for r in rels}


def _wtext(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{{{_W}}}t"))


def test_docx_tables_have_header_rows_and_right_aligned_figures(rendered):
    """Every table's first row repeats as a header row (w:tblHeader); in the rows below, every cell that holds a
    figure is right-aligned and every row label (the first column) left-aligned."""
    for lang in ("ru", "en"):
        doc, _, _ = _docx(rendered, lang)
        tables = doc.findall(".//w:tbl", _NS)
        assert len(tables) >= 20, (lang, len(tables))
        for i, t in enumerate(tables):
            rows = t.findall("w:tr", _NS)
            assert rows[0].find("w:trPr/w:tblHeader", _NS) is not None, (lang, i, _wtext(rows[0])[:60])
            for r in rows[1:]:
                cells = r.findall("w:tc", _NS)
                for k, c in enumerate(cells):
                    text = _wtext(c).strip()
                    jc = c.find(".//w:pPr/w:jc", _NS)
                    align = jc.get(f"{{{_W}}}val") if jc is not None else "left"
                    if k == 0:
                        assert align in ("left", "start"), (lang, i, text)
                    elif text and _FIGURE_CELL.match(text):
                        assert align in ("right", "end"), (lang, i, k, text)


def _html_headings(html: str) -> list[tuple[int, str]]:
    body = re.sub(r'(?s)<nav id="TOC".*?</nav>', "", html[html.find("<body"):])
    return [(int(n), htmllib.unescape(re.sub(r"<[^>]+>", "", t)).strip())
            for n, t in re.findall(r"(?s)<h([2-4])[^>]*>(.*?)</h\1>", body)]


def test_docx_headings_are_the_reports_in_order(rendered):
    """The DOCX's headings (styles Heading2..4) are the HTML's, level for level, in the same order; no level is
    skipped on the way down."""
    for lang in ("ru", "en"):
        doc, _, _ = _docx(rendered, lang)
        heads = []
        for p in doc.iter(f"{{{_W}}}p"):
            st = p.find("w:pPr/w:pStyle", _NS)
            m = re.fullmatch(r"Heading([2-4])", st.get(f"{{{_W}}}val") if st is not None else "")
            if m:
                heads.append((int(m.group(1)), _wtext(p).strip()))
        assert heads == _html_headings(_html(rendered, lang)), lang
        assert len(heads) >= 15 and heads[0][0] == 2
        assert all(b[0] <= a[0] + 1 for a, b in zip(heads, heads[1:])), heads


def test_docx_charts_are_embedded_pngs_with_alt_text(rendered):
    """Each chart is a picture whose file is in the package (PNG) and whose alt text (descr) is the chart's title in
    the edition's language; as many pictures as the HTML has charts."""
    for lang in ("ru", "en"):
        doc, names, rels = _docx(rendered, lang)
        pics = list(doc.iter(f"{{{_WP}}}docPr"))
        html = _html(rendered, lang)
        assert len(pics) == len(re.findall(r"<img\b", html[html.find("<body"):])) >= 5
        for pic in pics:
            descr = pic.get("descr") or ""
            assert len(descr) > 10 and (CYR.search(descr) if lang == "ru" else not CYR.search(descr)), descr
        blips = [b.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
                 for b in doc.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip")]
        assert len(blips) == len(pics)
        for rid in blips:
            target = "word/" + rels[rid]
            assert target in names and target.endswith(".png"), target


def test_english_docx_has_no_russian_the_html_does_not_keep(rendered):
    """Cyrillic in the English DOCX only where the English HTML has it too (a card's text marked untranslated)."""
    doc, _, _ = _docx(rendered, "en")
    docx_words = {w for p in doc.iter(f"{{{_W}}}p") for w in re.findall(r"\w+", _wtext(p)) if CYR.search(w)}
    html_text, _ = _visible_text(_html(rendered, "en"))
    html_words = {w for w in re.findall(r"\w+", html_text) if CYR.search(w)}
    assert docx_words <= html_words, sorted(docx_words - html_words)[:20]


# clause numbers of the conclusions ("1.1. Введенный порядок ...") are numbers of a list, not decimals
_CLAUSE = re.compile(r"(?<![\d.,])\d+\.\d+\.(?=\s)")


def _decimals_of_the_wrong_kind(text: str, lang: str) -> list[str]:
    text = re.sub(r"«[^»]*»", " ", text)  # a quotation of the published report stays as printed
    if lang == "ru":
        text = _CLAUSE.sub(" ", text)
        return re.findall(r".{0,25}(?<![\w.])\d+\.\d+(?![\w.]).{0,10}", text)
    return re.findall(r".{0,25}\d,\d{1,2}(?!\d).{0,10}", text)


def test_each_edition_writes_decimals_its_own_way(rendered):
    """Russian: a decimal comma everywhere (text, tables, notes, the appendix: the published "0.1" of Table 3 is
    "0,1" there); English: a decimal point (no "0,32"). In the HTML and in the DOCX."""
    for lang in ("ru", "en"):
        html_text, _ = _visible_text(_html(rendered, lang))
        doc, _, _ = _docx(rendered, lang)
        paras = "\n".join(_wtext(p) for p in doc.iter(f"{{{_W}}}p"))
        for where, text in (("html", html_text), ("docx", paras)):
            assert _decimals_of_the_wrong_kind(text, lang) == [], (lang, where)

def test_card_text_is_clipped_and_renderers_time_out(tmp_path):
    from assets.report import cardtext, render

    huge = "слово " * 4_000_000  # 24 MB
    short = cardtext.clip(huge, cardtext.MAX_NOTE_CHARS)
    assert len(short) <= cardtext.MAX_NOTE_CHARS + 2 and short.endswith("…")
    assert cardtext.clip("коротко", 100) == "коротко"
    with pytest.raises(render.RenderError, match=r"did not finish within 0\.5 s"):
        render.run_tool([sys.executable, "-c", "import time; time.sleep(30)"], "pandoc (test)", timeout=0.5)
    with pytest.raises(render.RenderError, match="failed"):
        render.run_tool([sys.executable, "-c", "raise SystemExit(3)"], "typst (test)")


def test_ratios_read_as_a_careful_writer_writes():
    from assets.report import fmt

    assert fmt.change(*_vs(36, 162), "ru", "count") == "в 5 раз меньше"  # 4,5 times: the seed says five
    assert fmt.change(*_vs(3.0, 15.4), "ru") == "в 5 раз меньше"
    assert fmt.change(*_vs(162, 36), "ru", "count") == "в 5 раз больше"
    assert fmt.change(*_vs(3.0, 4.3), "en") == "30% lower"


def test_charts_labels_clear_and_line_legends():
    """Drawn with the worst case of the example (close values, a dip, published and derived periods):
    no value label runs into another, a tick label or the legend; the line chart's legend shows lines."""
    from assets.report import charts

    per = ["2011-2012", "2012-2013", "2014", "2015", "2016", "2017"]
    charts.by_period_bars.__wrapped__(per, [0.53, 0.50, 0.41, 0.35, 0.14, 0.32], [True] * 5 + [False],
                                      ylabel="Police control index", legend=("from cards", "published"), decimals=2,
                                      lang="en", line=True)
    assert not charts.LAST_LAYOUT["overlaps"], charts.LAST_LAYOUT["overlaps"]
    assert "Line2D" in charts.LAST_LAYOUT["legend_handles"]
    charts.by_period_bars.__wrapped__(["2010", *per, "2018"], [64, 162, 119, 114, 71, 52, 36, 160], [True] * 6 + [False, False],
                                      ylabel="Number", legend=("from cards", "published"), decimals=0, lang="ru")
    assert not charts.LAST_LAYOUT["overlaps"], charts.LAST_LAYOUT["overlaps"]
    charts.stacked_shares.__wrapped__(["2010", *per], {"political": [40, 9, 0, 0, 0, 16, 5.6], "economic": [53, 58, 70, 49, 45, 16, 17],
                                                       "social": [7, 33, 29, 51, 55, 69, 78]},
                                      {"political": "Политический", "economic": "Экономический", "social": "Социальный"},
                                      "ru", "Доля собраний, %")
    assert not charts.LAST_LAYOUT["overlaps"], charts.LAST_LAYOUT["overlaps"]
    assert len(charts.LAST_LAYOUT["legend_handles"]) == 3  # every segment's category is in the legend
    charts.ranked.__wrapped__(["Алматы", "Астана", "Шымкент", "Усть-Каменогорск"], [17, 9, 3, 1], [47.2, 25, 8.3, 2.8],
                              "ru", "Количество собраний")
    assert not charts.LAST_LAYOUT["overlaps"], charts.LAST_LAYOUT["overlaps"]


def test_a_huge_note_is_cut_before_it_reaches_the_renderer(warehouse_data):
    from assets.report import prepare

    # about 2.2 MB, 3,000 times MAX_NOTE_CHARS (the events list holds at most a few dozen notes); 22 MB on each of
    # the 38 cards in two columns proved the same and cost ~4 CPU s of copying strings
    huge = "Пикет у акимата. " + "очень длинная заметка " * 100_000
    cards = warehouse_data.cards.with_columns(pl.lit(huge).alias("notes"), pl.lit(huge).alias("notes_en"))
    ctx = prepare.build(None, "2017", "ru", _with(warehouse_data, cards=cards))
    events = ctx.fragments["events_political"]
    assert "Пикет у акимата" in events and len(events) < 20_000


def test_divergence_notes_give_the_recorded_choice(warehouse_data):
    """With the columns a later reconciliation adds (choice_reason_ru/en, statuses not_derived and
    not_published), the note under the table gives the recorded reason; 'not_published' has no marker."""
    from assets.report import prepare

    rec = warehouse_data.reconciliation.with_columns(
        pl.when((pl.col("table_no") == "14") & (pl.col("row_key") == "total") & (pl.col("col_key") == "police"))
        .then(pl.lit("Таблица 14 печатает 104, сумма городов — 134; взято 134.")).otherwise(None).alias("choice_reason_ru"),
        pl.when((pl.col("table_no") == "14") & (pl.col("row_key") == "total") & (pl.col("col_key") == "police"))
        .then(pl.lit("Table 14 prints 104, its cities sum to 134; 134 is used.")).otherwise(None).alias("choice_reason_en"),
        pl.when((pl.col("table_no") == "19") & (pl.col("row_key") == "almaty"))
        .then(pl.lit("not_published")).otherwise(pl.col("status")).alias("status"))
    wh = _with(warehouse_data, reconciliation=rec)
    for lang, text in (("ru", "сумма городов — 134; взято 134"), ("en", "its cities sum to 134; 134 is used")):
        t14 = prepare.build(None, "2017", lang, wh).fragments["t14"]
        assert text in t14 and re.search(r"\| 134[¹²³⁴⁵⁶⁷⁸⁹] \|", t14), t14
        t19 = prepare.build(None, "2017", lang, wh).fragments["t19"]
        assert not re.search(r"\b288[¹²³⁴⁵⁶⁷⁸⁹]", t19)


def test_media_only_assemblies_are_counted_and_marked(warehouse_data):
    """Issue 16 item 3: the report says how many assemblies rest on media only, and marks them."""
    from assets.report import prepare

    cards = warehouse_data.cards
    media = cards.filter(pl.col("source_type").is_in(["media", "social"]))
    assert 0 < media.height < cards.height  # the example has both kinds
    listed_media = media.filter(pl.col("notes").is_not_null()).height
    for lang, phrase in (("ru", f": {media.height} из {cards.height} "), ("en", f": {media.height} of {cards.height} ")):
        ctx = prepare.build(None, "2017", lang, warehouse_data)
        assert phrase in ctx.fragments["media_sources"], ctx.fragments["media_sources"]
        events = ctx.fragments["events_political"] + ctx.fragments["events_forms"] + ctx.fragments["events_detentions"]
        assert 0 < events.count("◊") <= listed_media
    no_media = _with(warehouse_data, cards=cards.filter(~pl.col("source_type").is_in(["media", "social"])))
    ctx = prepare.build(None, "2017", "ru", no_media)
    assert "◊" not in ctx.fragments["events_political"] + ctx.fragments["events_forms"] + ctx.fragments["events_detentions"]


def test_lists_of_events_and_topics_are_bounded(warehouse_data):
    """Issue 15: the report does not grow with the cards. 40x the political cards give the same
    number of described events (the most detained first) and a line saying how many more there are;
    60 topics of one character give 25 rows, one row for the rest and the same total."""
    from assets.report import notable_events, period_tables, prepare

    cards = warehouse_data.cards
    pol = cards.filter((pl.col("character") == "political") & pl.col("notes").is_not_null()
                       & (pl.col("notes").str.strip_chars() != ""))
    assert pol.height >= 1
    many = pl.concat([pol.with_columns((pl.col("card_id") + f"-x{i}").alias("card_id"),
                                       pl.lit(i, dtype=pol.schema["detained"]).alias("detained"),
                                       *[(pl.col(c) + f" ЗАМЕТКА{i}.").alias(c) for c in ("notes", "notes_en")
                                         if c in pol.columns]) for i in range(40)])
    n = many.height
    figs = dict(warehouse_data.figs)
    figs["2017"] = dict(figs["2017"]) | {("topics", f"political/тема {k:02d}", "count"): float(100 + k) for k in range(60)}
    wh = _with(warehouse_data, cards=pl.concat([cards, many], how="diagonal_relaxed"), figs=figs)
    for lang in ("ru", "en"):
        b = prepare.Builder(wh, "2017", lang)
        events = notable_events.events(b, "political")
        bullets = [line for line in events.splitlines() if line.startswith("- **")]
        assert len(bullets) == notable_events.MAX_EVENTS_PER_LIST
        shown = {int(m) for m in re.findall(r"ЗАМЕТКА(\d+)", events)}
        assert shown and min(shown) >= 40 - -(-notable_events.MAX_EVENTS_PER_LIST // pol.height)  # the most detained
        total = n + pol.height  # the period's own political cards with notes, and the copies
        line = next(x for x in events.split("\n\n") if ("открытых данных" if lang == "ru" else "open data") in x)
        numbers = {int(re.sub(r"\D", "", x)) for x in re.findall(r"\d[\d\s\u00a0\u202f,]*\d|\d", line)}
        assert {total, total - notable_events.MAX_EVENTS_PER_LIST} <= numbers, line
        topics = period_tables.topics(b)
        table = topics.split(":::")[1]  # the first table: political
        rows = [line for line in table.splitlines() if line.startswith("| ") and not line.startswith("| :")][1:]
        assert len(rows) == period_tables.MAX_TOPICS_PER_CHARACTER + 2, rows[-3:]  # + the rest + the total
        assert ("Другие темы" if lang == "ru" else "Other topics") in rows[-2]
        assert sum(100 + k for k in range(60)) <= int(re.sub(r"\D", "", rows[-1].split("|")[2]))


def test_reporter_refresh_rerenders_the_narrative_without_recomputing(rendered, tmp_path, monkeypatch):
    """Last in the module: it renders the module's report again (from an edited copy of report/), so
    the tests above read the report as rendered once, each PDF's text extracted once (pdf_pages)."""
    src = tmp_path / "report"
    shutil.copytree(settings.report_src_dir(), src, ignore=shutil.ignore_patterns("fonts"))
    (src / "fonts").symlink_to(settings.report_src_dir() / "fonts")
    general = src / "text" / "ru" / "general.md"
    general.write_text(general.read_text(encoding="utf-8") + "\nПравка репортёра: абзац добавлен.\n", encoding="utf-8")
    monkeypatch.setenv("MONITOR_REPORT_SRC", str(src))
    # the edit is read in the HTML: the refresh renders that format only (a refresh in every format, PDF and
    # DOCX with the charts' PNG, is tests/ops/test_report_refresh.py's; this module's PDF and DOCX tests ran above)
    monkeypatch.setenv("MONITOR_REPORT_FORMATS", "html")
    before = figures_of("2017")
    result = run_period("2017", selection=("report",))
    assert result.success
    assert [e.asset_key.path[-1] for e in result.get_asset_materialization_events()] == ["report"]
    assert "Правка репортёра: абзац добавлен." in _html(rendered)
    assert figures_of("2017") == before
