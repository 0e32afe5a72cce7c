"""The report's layout with the values a long run of years brings (a red-team probe of the 2025 edition):
7-digit numbers in the multi-year tables (Table 18 printed the 2018 column's 1 and the 2019 column's
1 000 000 as "11 000 000"), a URL, a 200-letter word and a long settlement in the card notes (past the
PDF's right margin and the 480 px screen), a long topic (the topics table shrank to a tiny type), and 16
periods in the charts (tick labels ran together, "100%" was wider than its bar). Rendered through the real
pandoc + Typst and pandoc HTML paths with the project's report/ (render.pdf_file, render.html_file), without
the pipeline: a few seconds."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from core import settings
from tests.test_report import pdf_layout

NNBSP = "\u202f"  # the thousands separator of the report's numbers (fmt)
PERIODS = ["2010", "2011–2012", "2012–2013", *(str(y) for y in range(2014, 2027))]  # 16 periods
URL = "https://example.org/" + "a" * 150
LONG_WORD = "Z" * 200
SETTLEMENT = "Village" + "x" * 120
LONG_TOPIC = "Anticorruptioninitiativeofthecivilsociety" * 4


def _num(v: int) -> str:
    return f"{v:,}".replace(",", NNBSP)


# Table 18's shape: the city, then every period's total and every period's mean; 7-digit values beside 1-digit
# ones and beside "—" (the cells the probe saw run together)
ROWS = {
    "Almaty": [1838, 569, 1, 1_000_000, None, 210, 999_999, 42, 1_000_041, 1, 7, 126, 3132, 1, 1_000_000, 5],
    "Astana": [None, 999_999, None, 1_000_000, 1, None, 999_999, None, 21, 999_999, None, 1, 55, None, 999_999, None],
    "Atyrau": [80, 113, 2500, 6, None, None, None, None, None, None, None, None, 40, 29, 500, 1_000_000],
}


def _cells(values: list[int | None]) -> list[str]:
    return [_num(v) if v is not None else "—" for v in values]


def _wide_table() -> str:
    head = ["City"] + [f"In all, {p}" for p in PERIODS] + [f"Mean, {p}" for p in PERIODS]
    lines = ["| " + " | ".join(head) + " |", "|:---|" + "---:|" * (len(head) - 1)]
    for city, vals in ROWS.items():
        lines.append("| " + " | ".join([city, *_cells(vals), *_cells(vals[::-1])]) + " |")
    return "::: {.table-wrap}\n" + "\n".join(lines) + "\n\n: Table 18. Participants of peaceful assemblies\n:::\n"


SOURCE = f"""## General statistics

The participants of every period, in all and on average.

{_wide_table()}
## Topics

::: {{.table-wrap}}
| Topic | Number |
|:---|---:|
| Wages and working conditions | 3 |
| {LONG_TOPIC} | 1 |
| Housing | 1 |

: Topics of the period: social
:::

## New and unusual forms of protest

- **31 December, Almaty, {SETTLEMENT}** (hunger strike). See {URL} and {LONG_WORD}.
- **1 January, Astana** (climbing a tower crane). More than 40 workers blocked an avenue.

See {URL} and {LONG_WORD} in the notes.
"""


# the renderer's own arguments (render._render_pandoc): one line per table row, so pandoc leaves the widths to Typst
COMMON = ["--columns=10000", "--metadata", "title=Wide", "--metadata", "lang=en"]


@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    """The project's report/ staged with the source above (as render.stage does, with a resolved source)."""
    root = tmp_path_factory.mktemp("layout-wide")
    staged = root / "src"
    shutil.copytree(settings.report_src(), staged)
    md = staged / "_resolved.md"
    md.write_text(SOURCE, encoding="utf-8")
    return staged


@pytest.fixture(scope="module")
def pdf(staged):
    from assets.report import render

    target = staged.parent / "wide.pdf"
    render.pdf_file(staged / "_resolved.md", staged, target, COMMON)
    return target


def _words(pdf_path):
    """Per page: (page box, [(text, x0, y0, x1, y1)]), every word of the page."""
    return [(box, [w for line in lines for w in line]) for box, lines in pdf_layout(pdf_path)]


def test_no_word_leaves_the_text_block(pdf):
    """A URL of 150 characters, a 200-letter word and a settlement of 127 letters break where they reach the margin."""
    for no, ((x0p, y0p, x1p, y1p), words) in enumerate(_words(pdf), 1):
        for w, x0, y0, x1, y1 in words:
            assert x0p + 40 <= x0 and x1 <= x1p - 40 and y0p + 30 <= y0 and y1 <= y1p - 40, \
                f"page {no}: {w[:40]!r} leaves the text block ({x0:.0f},{y0:.0f})-({x1:.0f},{y1:.0f})"


def _clusters(words: list[tuple], gap: float) -> list[str]:
    """Words of one printed line, left to right, joined where less than `gap` apart: the cells as a reader sees them."""
    out: list[list] = []
    for w in sorted(words, key=lambda w: w[1]):
        if out and w[1] - out[-1][1] < gap:
            out[-1] = [out[-1][0] + w[0], w[3]]
        else:
            out.append([w[0], w[3]])
    return [re.sub(r"\s", "", c[0]) for c in out]


def test_cells_of_a_wide_table_never_touch(pdf):
    """Every row of the 33-column table reads as its cells, each apart from the next by at least 3 pt: "1" and
    "1 000 000" are two cells, not "11 000 000"; "999 999" and "—" not "—999 999". A table too wide for the page
    is split into parts, each with the city: the parts' rows, in order, give the whole row."""
    found: dict[str, list[str]] = {city: [] for city in ROWS}
    for _, words in _words(pdf):
        for label in (w for w in words if w[0] in ROWS):
            mid = (label[2] + label[4]) / 2
            line = [w for w in words if abs((w[2] + w[4]) / 2 - mid) < 1.0]
            cells = _clusters(line, gap=3.0)
            if line and min(line, key=lambda w: w[1]) is label:  # a row of the table (not "1 January, Astana")
                found[label[0]] += cells[1:]
    for city, vals in ROWS.items():
        expected = [re.sub(r"\s", "", c) for c in _cells(vals) + _cells(vals[::-1])]
        assert found[city] == expected, f"{city}: the PDF reads {found[city]}, the table holds {expected}"


def test_a_long_topic_wraps_and_the_topics_table_keeps_its_type(pdf):
    """The topic of 164 letters wraps in its cell; the other topics stay in the type of the other tables (8 pt),
    not shrunk to fit the long one on a line (5 pt)."""
    words = [w for _, ws in _words(pdf) for w in ws]
    body = next(w for w in words if w[0] == "participants")  # 10 pt text
    housing = next(w for w in words if w[0] == "Housing")
    assert (housing[4] - housing[2]) >= 0.75 * (body[4] - body[2]), "the topics table is set in a tiny type"
    assert not any(w[0] == LONG_TOPIC for w in words), "the long topic is printed on one line"


def test_html_never_wider_than_a_480px_screen(staged, tmp_path):
    """The HTML at 480 px (headless Chromium's narrowest window is 500 px): the page is no wider than the screen (the long words of the notes wrap; a wide
    table scrolls in its own box)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        pytest.skip("chromium is not installed")
    from assets.report import render

    md = tmp_path / "probe.md"
    md.write_text(SOURCE + "\n<script>window.addEventListener('load', function () { var d = document.documentElement;"
                  " document.body.setAttribute('data-widths', d.scrollWidth + ' ' + d.clientWidth); });</script>\n",
                  encoding="utf-8")
    target = tmp_path / "wide.html"
    render.html_file(md, staged, target, COMMON)
    dom = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={tmp_path / 'profile'}", "--window-size=480,2000", "--dump-dom",
                          target.as_uri()], check=True, timeout=120, capture_output=True).stdout.decode("utf-8")
    m = re.search(r'data-widths="(\d+) (\d+)"', dom)
    assert m, "the page's widths were not measured"
    scroll, client = map(int, m.groups())
    assert client <= 500 and scroll <= client, f"the page is {scroll} px wide on a {client} px screen"


def test_charts_with_sixteen_periods_stay_readable():
    """16 periods (calendar years are added every year): no period's label runs into the next, no value label
    into another, and a share printed inside its bar ("100%") is no wider than the bar."""
    from assets.report import charts

    n = len(PERIODS)
    published = [True] * 7 + [False] * (n - 7)
    charts.by_period_bars.__wrapped__(PERIODS, [64, 162, 119, 114, 71, 52, 36, 1, 1_000_000, 21, 999_999, 126, 126, 1_000_041, 5, 7],
                                      published, ylabel="Number", legend=("from cards", "published"), decimals=0, lang="ru")
    assert not charts.LAST_LAYOUT["overlaps"], charts.LAST_LAYOUT["overlaps"]
    charts.by_period_bars.__wrapped__(PERIODS, [0.53, 0.5, 0.41, 0.35, 0.14, 0.32, 0.3, 0.5, 1.0, 0.33, 0.25, 0.66, 0.75, 0.8, 0.1, 0.2],
                                      published, ylabel="Police control index", legend=("from cards", "published"),
                                      decimals=2, lang="en", line=True)
    assert not charts.LAST_LAYOUT["overlaps"], charts.LAST_LAYOUT["overlaps"]
    political = [40, 9, 0, 0, 0, 16, 5.6] + [0] * (n - 7)
    economic = [53, 58, 70, 49, 45, 16, 17, 0, 0, 0, 100, 100, 100, 100, 0, 0]
    charts.stacked_shares.__wrapped__(PERIODS, {"political": political, "economic": economic,
                                                "social": [100 - a - b for a, b in zip(political, economic)]},
                                      {"political": "Политический", "economic": "Экономический", "social": "Социальный"},
                                      "ru", "Доля собраний, %")
    assert not charts.LAST_LAYOUT["overlaps"], charts.LAST_LAYOUT["overlaps"]
