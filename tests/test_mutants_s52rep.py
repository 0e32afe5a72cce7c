"""Session 52: the survivors of a second draw of the mutation run over the report's outputs (scripts/mutate.py's
area "rep", `--sample 0.05 --seed 52 --not-drawn 0.05:51`). Each test asserts what a reader of the report or of its
exports relies on, its expected value typed from what the code must do (docs/testing.md, "Session 52 — a second draw
of `store` and `rep`")."""
from __future__ import annotations

from assets.report import tables


def test_report_tables_sort_by_their_numbers_then_by_name():
    names = ["topics", "10", "2-10", "2", "courts", "2-9"]
    assert sorted(names, key=tables.table_order) == ["2", "2-9", "2-10", "10", "courts", "topics"]


# --- assets/report/render.py: an include's front matter left out; a wide table split by its label's width ---------------

from assets.report import render  # noqa: E402


def test_an_included_file_comes_without_its_front_matter(tmp_path):
    (tmp_path / "part.md").write_text("---\ntitle: x\n---\n\nBody text.\n", encoding="utf-8")
    out = render.resolve_shortcodes("before\n{{< include part.md >}}\nafter", tmp_path, {})
    assert out == "before\nBody text.\n\nafter"


def _typst_table(header: list[str], rows: list[list[str]]) -> str:
    """A table as pandoc writes it in Typst (the shape of tests/test_mutants_s51rep.py's)."""
    n = len(header)
    cells = lambda r: ", ".join(f"[{c}]" for c in r) + ","  # noqa: E731
    return "\n".join(["#block[", "#figure(", "  align(center)[#table(", f"    columns: {n},",
                      "    align: (" + "left," + "right," * (n - 1) + "),", f"    table.header({cells(header)}),",
                      "    table.hline(),", *(f"    {cells(r)}" for r in rows), "  )]", "  , caption: [Table 1. T]",
                      "  , kind: table", "  )", "", "]"])


def test_a_split_tables_parts_are_counted_with_the_room_its_first_column_leaves():
    # a one-character first column (1 + 3 = 4) and seven of a 30-character word (33 each): 235 > 125, so parts;
    # each part repeats the first column: (235 - 4) / (125 - 4) -> 2 parts of ceil(7 / 2) = 4 and 3 columns;
    # the wider part 4 + 4 x 33 = 136 characters: 8 x 75 / 136 under 5, so 5 pt
    head = ["N", *(chr(66 + k) * 30 for k in range(7))]
    row = ["1", *(str(k) * 30 for k in range(7))]
    out = render._typst_columns(_typst_table(head, [row])).split("\n")
    assert out[2] == "  align(center)[#text(size: 5.0pt)[#table("
    assert [s for s in out if s.strip().startswith("columns:")] == ["    columns: (4fr, 33fr, 33fr, 33fr, 33fr,),",
                                                                     "    columns: (4fr, 33fr, 33fr, 33fr,),"]
    assert out.count("  #v(0.8em)") == 1


def test_a_table_of_exactly_the_text_blocks_width_keeps_natural_widths():
    # two columns of 33 characters: 33 + 33 + 2 x 2 = 70, the text block's 70: it fits
    a, b = "a" * 33, "b" * 33
    out = render._typst_columns(_typst_table(["City", "Note"], [[a, b]])).split("\n")
    assert out[3] == "    columns: 2," and out[2] == "  align(center)[#text(size: 8.0pt)[#table("
    wider = render._typst_columns(_typst_table(["City", "Note"], [[a, b + "b"]])).split("\n")
    assert wider[3] != "    columns: 2,"  # one character more: fractions


def test_a_table_not_opened_inside_a_block_is_left_with_its_own_brackets():
    # pandoc's bare table (no figure, no align(center)[...]): its closing line is not touched, no type size set
    typ = "\n".join(["#table(", "  columns: 2,", "  align: (left,right,),", "  table.header([City], [N],),",
                     "  table.hline(),", "  [Almaty], [1],", ")", "", "after"])
    assert render._typst_columns(typ) == typ


# --- assets/report/datapackage.py: each field's description, true and false values only for a boolean --------------

import polars as pl  # noqa: E402

from assets.report import datapackage  # noqa: E402


def test_a_figures_field_is_described_and_only_a_boolean_has_true_and_false_values():
    assert datapackage._field("value", pl.Float64, "figures") == {"name": "value", "type": "number",
                                                                   "description": "The figure."}
    assert datapackage._field("decimals", pl.Int32, "reconciliation") == {
        "name": "decimals", "type": "integer", "description": "Decimals the report prints it with."}
    assert datapackage._field("contradicted_in_report", pl.Boolean, "reconciliation") == {
        "name": "contradicted_in_report", "type": "boolean",
        "description": "The audit finds this published cell contradicted by the report itself.",
        "trueValues": ["true"], "falseValues": ["false"]}


def test_the_data_package_and_each_parquet_twin_have_their_title_and_description(tmp_path):
    import json

    from assets.report import exports
    from tests.test_mutants_s51rep import _small_warehouse

    con, out = _small_warehouse(), tmp_path / "exports"
    exports.export_period(con, "2017", out)
    datapackage.write_datapackage(con, "2017", out)
    dp = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert dp["title"] == "Freedom of peaceful assembly: monitoring data, period 2017"
    assert dp["description"].startswith("Figures of the annual report (every table and index), the observation cards")
    assert dp["description"].endswith("Each table as CSV and Parquet.")
    res = {r["name"]: r for r in dp["resources"]}
    assert res["figures-parquet"]["title"] == "Every cell of every table and index of the report (Parquet)"
    assert res["figures-parquet"]["description"] == "The rows of figures-csv, with the column types of its schema."
    assert res["cards-public-parquet"]["title"] == ("The observation cards without personal data (no persons, no notes)"
                                                    " (Parquet)")
    assert res["figures-csv"]["title"] == "Every cell of every table and index of the report"
    con.close()


# --- assets/report/labels.py: a row named by its table's field; the reasons not applied among the coded fields --------

from assets.report import labels  # noqa: E402


def test_a_row_of_table_5_is_an_organiser_type_and_of_table_10_a_reason():
    # "spontaneous" is a code of organizer_type and of reason_not_applied, with other labels
    assert ": Spontaneous groups of citizens, " in labels.row("5/spontaneous/count", "en")
    assert ": Spontaneous, " in labels.row("10/spontaneous/count", "en")
    assert ": NGOs and parties, " in labels.row("6/ngo/count", "en")


def test_a_reason_not_applied_is_labelled_by_its_code_without_a_field():
    assert labels.any_code("expected_refusal", "en") == "Expecting a refusal anyway"
    assert labels.row("unaware", "en") == "Did not know permission was needed"
    assert labels.column("principled", "en") == "On principle, refusing to obey an undemocratic law"


# --- assets/report/charts.py: the drawn charts' details and the layout check's rules ---------------------------------

import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from assets.report import charts  # noqa: E402


def _drawn():
    return charts.LAST_LAYOUT._fig.axes[0]  # the figure the chart's files were saved from


def test_a_missing_or_zero_share_draws_no_segment_and_a_share_of_6_is_printed():
    charts.stacked_shares.__wrapped__(["2016", "2017"], {"political": [6.0, None], "social": [94.0, 100.0]},
                                      {"political": "Political", "social": "Social"}, "en", "%")
    ax = _drawn()
    assert [p.get_height() for p in ax.patches] == [6.0, 0.0, 94.0, 100.0]
    assert [p.get_y() for p in ax.patches] == [0.0, 0.0, 6.0, 0.0]
    assert [t.get_text() for t in ax.texts] == ["6%", "94%", "100%"]


def test_the_value_axis_prints_whole_numbers_for_counts_and_two_decimals_otherwise():
    charts.by_period_bars.__wrapped__(["2016", "2017"], [3.0, 5.0], [False, False], ylabel="N", legend=None,
                                      decimals=0, lang="en")
    fmt = _drawn().yaxis.get_major_formatter()
    assert fmt(3.0, 0) == "3"
    charts.by_period_bars.__wrapped__(["2016", "2017"], [0.5, 0.25], [False, False], ylabel="Index", legend=None,
                                      decimals=1, lang="en")
    fmt = _drawn().yaxis.get_major_formatter()
    assert fmt(0.5, 0) == "0.50" and fmt(0.25, 0) == "0.25"


def test_labels_too_wide_for_their_bars_stand_upright_with_room_made_above():
    # 16 periods: a bar of 401.76 / 16.5 x 0.8 = 19.5 pt; "88888" (5 x 0.64 em) fits it only at 5.5 pt < 6.5: upright,
    # in 8 pt, 5 x 0.64 x 8 + 14 pt high, of the plot's 3.4 in x 72 x 0.77 = 188.5 pt: the top raised to leave it that room
    periods = [str(2000 + k) for k in range(16)]
    charts.by_period_bars.__wrapped__(periods, [88888.0] * 16, [False] * 16, ylabel="N", legend=None, decimals=0,
                                      lang="en")
    ax = _drawn()
    assert all(t.get_rotation() == 90 and t.get_size() == 8 for t in ax.texts)
    assert ax.get_ylim()[1] == pytest.approx(88888 / (1 - (5 * 0.64 * 8 + 14) / (3.4 * 72 * 0.77)))


def test_the_legends_points_are_the_size_of_the_charts_points_and_both_legends_in_8_point():
    charts.by_period_bars.__wrapped__(["2016", "2017"], [0.14, 0.32], [True, False], ylabel="Index",
                                      legend=("published", "from cards"), decimals=2, lang="en", line=True)
    ax = _drawn()
    point = ax.collections[0].get_sizes()[0] ** 0.5  # a scatter's size is its area in pt²: the diameter in pt
    leg = ax.get_legend()
    assert all(abs(h.get_markersize() - point) < 1 for h in leg.legend_handles[1:])
    assert {t.get_size() for t in leg.get_texts()} == {8}
    charts.by_period_bars.__wrapped__(["2016", "2017"], [1.0, 2.0], [True, False], ylabel="Mean",
                                      legend=("published", "from cards"), decimals=1, lang="en")
    assert {t.get_size() for t in _drawn().get_legend().get_texts()} == {8}


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def test_the_two_axes_tick_labels_meeting_at_the_corner_are_no_overlap():
    plt = _plt()
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    fig.subplots_adjust(left=0.4, bottom=0.3)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xticks([0.0], ["XXXXXXXX"], fontsize=30)
    ax.set_yticks([0.0], ["YYYYYYYY"], fontsize=30)
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    a, b = ax.get_xticklabels()[0].get_window_extent(r), ax.get_yticklabels()[0].get_window_extent(r)
    assert min(a.x1, b.x1) - max(a.x0, b.x0) > 1 and min(a.y1, b.y1) - max(a.y0, b.y0) > 1  # they do overlap
    assert charts.layout(fig)["overlaps"] == []
    plt.close(fig)


def test_a_point_reaching_under_a_pixel_past_the_top_of_its_axes_is_cut_when_more_than_half_a_pixel():
    plt = _plt()
    fig, ax = plt.subplots(figsize=(4, 3.43), dpi=100)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.scatter([0.5], [0.5], s=60)
    fig.canvas.draw()
    top = ax.get_window_extent(fig.canvas.get_renderer()).y1
    radius = 60 ** 0.5 / 2 * 100 / 72  # pixels
    x, _ = ax.transData.transform((0.5, 0.5))
    y = top - radius + 0.75  # its top 0.75 px above the axes
    ax.collections[0].set_offsets([ax.transData.inverted().transform((x, y))])
    assert charts.layout(fig)["clipped"] == [(round(x), round(y))]
    plt.close(fig)


# --- assets/report/freshness.py: the render's digest over a project with folders; the gate's over the figures ------

from types import SimpleNamespace  # noqa: E402

from assets.report import freshness  # noqa: E402


def test_the_render_digest_reads_the_files_of_a_project_with_folders_and_changes_with_one(tmp_path):
    src = tmp_path / "src"
    (src / "text" / "ru").mkdir(parents=True)
    (src / "text" / "ru" / "foreword.md").write_text("a\n", encoding="utf-8")
    (src / "index.qmd").write_text("---\ntitle: T\n---\n", encoding="utf-8")
    ctx = SimpleNamespace(period="2017", lang="ru", variables={"n": 1}, fragments={"t1": "| a |"}, files={"c.svg": b"<svg/>"})
    first = freshness.render_digest(ctx, src)
    assert len(first) == 64 and freshness.render_digest(ctx, src) == first
    (src / "text" / "ru" / "foreword.md").write_text("b\n", encoding="utf-8")
    assert freshness.render_digest(ctx, src) != first


def test_the_gates_digest_is_of_the_figures():
    from tests.test_mutants_s51rep import _small_warehouse

    con = _small_warehouse()
    first = freshness.figures_digest(con)
    assert len(first) == 64 and freshness.figures_digest(con) == first
    con.execute("UPDATE figures SET value = value + 1")
    assert freshness.figures_digest(con) != first
    con.close()


# --- assets/report/withdraw.py: a withdrawal's leftovers of this process or of no process are removed ----------------

from assets.report import withdraw  # noqa: E402


def test_leftovers_of_this_process_and_of_a_name_without_a_pid_are_removed_a_live_others_kept(tmp_path):
    import os
    import subprocess
    import sys

    live = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        own = tmp_path / f".withdrawn-{os.getpid()}-a"
        odd = tmp_path / ".withdrawn-abc-b"
        other = tmp_path / f".withdrawn-{live.pid}-c"
        for d in (own, odd, other):
            (d / "report").mkdir(parents=True)
        withdraw._remove_leftovers(tmp_path)
        assert sorted(p.name for p in tmp_path.iterdir()) == [other.name]
    finally:
        live.stdin.close()
        live.wait()


# --- assets/report/tables.py, published.py: what is escaped; a cell read as unreadable printed as a dash ------------

def test_only_markdowns_own_characters_are_escaped_in_a_text_from_outside():
    assert tables.md_escape("2 + 2 = 4, 50% of 10 < 6") == "2 &#43; 2 = 4, 50% of 10 &#60; 6"
    assert tables.md_escape("a=b\nc") == "a=b c"


def test_a_published_cell_read_as_unreadable_is_a_dash_even_with_a_value_guessed():
    from assets.report import published

    for status in ("dash", "blank", "unreadable"):
        assert published.number_as_printed(published.Printed("12?", 0, 12.0, status), "count", "en") == "—"
    assert published.number_as_printed(published.Printed("12", 0, 12.0, "value"), "count", "en") == "12"


# --- assets/report/refresh.py: a format not rendered this time leaves the default report folder ----------------------

def test_a_refresh_without_a_folder_removes_the_formats_not_rendered_from_the_periods_report_folder(tmp_path, monkeypatch):
    from assets.report import changes, prepare, refresh

    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "build"))
    folder = tmp_path / "build" / "report" / "2017"
    folder.mkdir(parents=True)
    for name in ("report-2017-ru.docx", "report-2017-en.docx", "report-2017-ru.html", "notes.txt"):
        (folder / name).write_text("old")

    def fake_render(ctx, formats, out_dir=None):
        p = folder / f"report-2017-{ctx.lang}.html"
        p.write_text("new")
        return render.Rendered("fake", {"html": p}, 0.0)

    monkeypatch.setattr(refresh, "quality_gate", lambda con, period: None)
    monkeypatch.setattr(prepare, "load", lambda con, period: None)
    monkeypatch.setattr(prepare, "build", lambda con, period, lang, wh: SimpleNamespace(lang=lang))
    monkeypatch.setattr(changes, "changes_for", lambda *a: None)
    monkeypatch.setattr(changes, "add_section", lambda ctx, found: None)
    monkeypatch.setattr(render, "render", fake_render)
    refresh.refresh(None, "2017", ("html",))
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt", "report-2017-en.html", "report-2017-ru.html"]


# --- assets/report/report_data.py, cardtext.py, prepare.py ------------------------------------------------------------

def test_of_many_topics_cut_to_one_key_the_first_cards_english_is_kept():
    # 2,000 erasures of different names in one topic: each cut to "Митинг […]"; the first card's English stands for it
    from assets.report import report_data

    cards = pl.DataFrame({"topic": [f"Митинг REDACTED-{i:04x}" for i in range(2000)],
                          "topic_en": [f"Rally {i}" for i in range(2000)]})
    out = report_data.english_topics(cards, [])
    assert out["Митинг […]"] == "Rally 0"
    assert out["Митинг REDACTED-07cf"] == "Rally 1999"


def test_a_note_is_cut_at_700_characters():
    from assets.report import cardtext

    note = "a" * 695 + " bbbbb"  # 701 characters: one too many
    assert cardtext.clip(note, cardtext.MAX_NOTE_CHARS) == "a" * 695 + " …"
    assert cardtext.clip(note[:-1], cardtext.MAX_NOTE_CHARS) == note[:-1]  # 700: whole


def test_every_name_the_context_module_exports_exists():
    namespace: dict = {}
    exec("from assets.report.prepare import *", namespace)
    assert {"Builder", "Context", "ReportData", "build", "load"} <= set(namespace)


def test_a_ranked_charts_bars_lie_over_the_grid_and_under_the_axis_line_they_start_from():
    # the bars start at the left spine: drawn above it they would hide the axis line at their base
    charts.ranked.__wrapped__(["Almaty", "Astana"], [12.0, 5.0], ["60%", "25%"], "en", "Assemblies")
    ax = _drawn()
    assert all(ax.xaxis.get_gridlines()[0].get_zorder() < p.get_zorder() < ax.spines["left"].get_zorder()
               for p in ax.patches)


# --- assets/report/asof.py: a period without figures as of then has the provenance "none", as a run gives it -----------

def test_an_as_of_edition_of_a_period_without_figures_says_their_provenance_is_none(tmp_path, monkeypatch):
    import datetime as dt

    from assets.core import warehouse as wh, writes
    from assets.derive import figures
    from assets.report.asof import recompute_as_of
    from tests.test_mutants_s49derive import _period_frames

    frames = _period_frames(tmp_path, "2016", 6)
    with wh.connect(tmp_path / "w.duckdb") as con:
        writes.replace_partitions(con, "2016", dict(frames))
    moment = dt.datetime.now(dt.timezone.utc)
    # the figures chosen as of then: none (as assets/derive/assets.py says of a period without figures)
    monkeypatch.setattr(figures, "choose_figures", lambda period, derived, published: derived.head(0))
    with wh.connect(tmp_path / "w.duckdb", read_only=True) as con:
        recompute_as_of(con, "2016", moment)
        assert con.execute("SELECT figures_provenance FROM coverage WHERE period = '2016'").fetchall() == [("none",)]
