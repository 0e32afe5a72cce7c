"""Session 51: the survivors of the mutation run over the report's outputs outside the `report` area (scripts/mutate.py's
area "rep": render.py, exports.py, datapackage.py, charts.py, labels.py, asof.py, freshness.py, withdraw.py,
xlsx_rows.py, tables.py, published.py, refresh.py, cardtext.py, stats.py, prepare.py, report_data.py). Each test
asserts what a user relies on: the exported file's contents, the label in Russian and English, the renderer's command,
the folder withdrawn, the message naming the file and line (docs/testing.md, "Session 51 — the report's outputs in the
mutation run")."""
from __future__ import annotations

from assets.report import exports


def test_a_cell_that_begins_like_a_formula_is_exported_as_text():
    # written by hand: a spreadsheet reads "=…" as a formula; "a=b" is text
    assert exports.neutralise("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert exports.neutralise("a=b") == "a=b"
    assert exports.neutralise(7) == 7


# --- assets/report/render.py: the staged sources, the renderers' commands ---------------------------------------------

import shutil  # noqa: E402
import sys  # noqa: E402
import zipfile  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
import yaml  # noqa: E402

from assets.report import render  # noqa: E402
from assets.report.prepare import Context  # noqa: E402


def _report_src(tmp_path, monkeypatch) -> Path:
    """A small Quarto project in MONITOR_REPORT_SRC: the general narrative in Russian and English, the period 2099's own
    foreword and Russian conclusions, and folders the staging must not copy (text/, _generated/, .quarto/)."""
    src = tmp_path / "src"
    for lang in ("ru", "en"):
        (src / "text" / lang).mkdir(parents=True)
        (src / "text" / lang / "foreword.md").write_text(f"general foreword {lang}\n", encoding="utf-8")
        (src / "text" / lang / "method.md").write_text(f"general method {lang}\n", encoding="utf-8")
    own = src / "text" / "ru" / "periods" / "2099"
    own.mkdir(parents=True)
    (own / "foreword.md").write_text("the foreword of 2099\n", encoding="utf-8")
    (own / "conclusions.md").write_text("Our conclusions.\n", encoding="utf-8")
    (src / "_generated").mkdir()
    (src / "_generated" / "stale.md").write_text("an old table\n", encoding="utf-8")
    (src / ".quarto").mkdir()
    (src / "index.qmd").write_text("---\ntitle: T\n---\n", encoding="utf-8")
    monkeypatch.setenv("MONITOR_REPORT_SRC", str(src))
    return src


def test_the_staged_sources_hold_the_periods_own_text_its_conclusions_and_what_the_warehouse_says(tmp_path, monkeypatch):
    src = _report_src(tmp_path, monkeypatch)
    ctx = Context("2099", "ru", variables={"period": "2099", "h": {"conclusions": "Выводы"}},
                  fragments={"table_2": "| a |\n"}, files={"chart.svg": b"<svg/>"})
    dest = render.stage(ctx, tmp_path / "staged")
    text = dest / "_text"
    assert (text / "foreword.md").read_text(encoding="utf-8") == "the foreword of 2099\n"  # the period's own wins
    assert (text / "method.md").read_text(encoding="utf-8") == "general method ru\n"
    # the conclusions with their heading, the heading a Quarto variable (resolved by either renderer)
    assert (text / "conclusions.md").read_text(encoding="utf-8") == "## {{< var h.conclusions >}}\n\nOur conclusions.\n"
    assert (dest / "_generated" / "table_2.md").read_text(encoding="utf-8") == "| a |\n"
    assert (dest / "_generated" / "chart.svg").read_bytes() == b"<svg/>"
    assert not (dest / "_generated" / "stale.md").exists() and not (dest / "text").exists() and not (dest / ".quarto").exists()
    assert yaml.safe_load((dest / "_variables.yml").read_text(encoding="utf-8")) == ctx.variables
    assert (dest / "index.qmd").is_file() and (dest / "fonts").is_dir()
    # English: no conclusions written, no section (an empty file, never a placeholder)
    en = render.stage(Context("2099", "en"), tmp_path / "staged-en")
    assert (en / "_text" / "conclusions.md").read_text(encoding="utf-8") == ""
    assert (en / "_text" / "foreword.md").read_text(encoding="utf-8") == "general foreword en\n"
    assert render.conclusions_missing("2099") == [src / "text" / "en" / "periods" / "2099" / "conclusions.md"]
    assert render.conclusions_text("2099", "ru") == "Our conclusions.\n"


def test_a_renderer_that_fails_or_hangs_is_named_with_its_exit_and_message(tmp_path, monkeypatch):
    render.run_tool([sys.executable, "-c", "pass"], "nothing")  # exit 0: no error
    with pytest.raises(render.RenderError, match=r"^pandoc \(html\) failed \(exit 3\): bad table$"):
        render.run_tool([sys.executable, "-c", "import sys; sys.stderr.write('bad table'); sys.exit(3)"], "pandoc (html)")
    monkeypatch.setenv("MONITOR_RENDER_TIMEOUT_S", "0.5")
    assert render.timeout_s() == 0.5
    with pytest.raises(render.RenderError, match=r"typst \(x\.pdf\) did not finish within 0\.5 s .*sources are in "
                       + str(tmp_path).replace("\\", "\\\\")):
        render.run_tool([sys.executable, "-c", "import time; time.sleep(30)"], "typst (x.pdf)", cwd=tmp_path)
    monkeypatch.delenv("MONITOR_RENDER_TIMEOUT_S")
    assert render.timeout_s() == 120


def test_the_formats_asked_for_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("MONITOR_REPORT_FORMATS", " pdf , html,")
    assert render.requested_formats() == ("pdf", "html")
    monkeypatch.setenv("MONITOR_REPORT_FORMATS", "html,odt")
    with pytest.raises(ValueError, match=r"unknown format \['odt'\]"):
        render.requested_formats()
    monkeypatch.delenv("MONITOR_REPORT_FORMATS")
    assert render.requested_formats() == ("html", "pdf", "docx")


def _png() -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 4), (43, 108, 176)).save(buf, format="PNG")
    return buf.getvalue()


def test_pandoc_writes_the_html_and_the_word_file_with_the_resolved_title_text_and_png_chart(tmp_path):
    staged = tmp_path / "staged"
    (staged / "_generated").mkdir(parents=True)
    (staged / "_text").mkdir()
    shutil.copy(render.settings.report_src_dir() / "reference.docx", staged / "reference.docx")
    (staged / "styles.css").write_text("body { color: #123456; }\n", encoding="utf-8")
    (staged / "index.qmd").write_text("---\ntitle: \"Report {{< var period >}}\"\nsubtitle: \"{{< var sub >}}\"\n---\n\n"
                                      "## {{< var h.one >}}\n\n{{< include _text/a.md >}}\n\n![Chart](_generated/c.svg)\n",
                                      encoding="utf-8")
    (staged / "_text" / "a.md").write_text("Included paragraph.\n", encoding="utf-8")
    (staged / "_generated" / "c.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
                                                 encoding="utf-8")
    (staged / "_generated" / "c.png").write_bytes(_png())
    ctx = Context("2099", "ru", variables={"period": "2099", "sub": "Subtitle words", "h": {"one": "First heading",
                                                                                              "contents": "Оглавление"}})
    out = tmp_path / "out"
    out.mkdir()
    files = render._render_pandoc(staged, ctx, ("html", "docx"), out)
    assert files == {"html": out / "report-2099-ru.html", "docx": out / "report-2099-ru.docx"}
    html = files["html"].read_text(encoding="utf-8")
    assert "Report 2099" in html and "Subtitle words" in html and "First heading" in html
    assert "Included paragraph." in html and 'lang="ru"' in html and "#123456" in html  # the staged CSS, embedded
    assert "Оглавление" in html  # the contents list's title
    with zipfile.ZipFile(files["docx"]) as z:
        doc = z.read("word/document.xml").decode("utf-8")
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        core = z.read("docProps/core.xml").decode("utf-8")
    assert "First heading" in doc and "Included paragraph." in doc and "Report 2099" in core
    assert len(media) == 1 and media[0].endswith(".png")  # Word gets the chart's PNG twin, not its SVG


def _typst_table(header: list[str], rows: list[list[str]], caption: str = "Table 1. Cities") -> str:
    """A table as pandoc writes it in Typst (`--to typst --columns=10000`): the shape render._typst_columns reads."""
    n = len(header)
    cells = lambda r: ", ".join(f"[{c}]" for c in r) + ","  # noqa: E731
    return "\n".join(["#block[", "#figure(", "  align(center)[#table(", f"    columns: {n},",
                      "    align: (" + "left," + "right," * (n - 1) + "),", f"    table.header({cells(header)}),",
                      "    table.hline(),", *(f"    {cells(r)}" for r in rows), "  )]", f"  , caption: [{caption}]",
                      "  , kind: table", "  )", "", "]"])


def test_a_narrow_table_keeps_natural_widths_in_8_point_type_and_stays_whole():
    typ = _typst_table(["City", "A", "B"], [["Almaty", "1", "2"], ["Astana", "3", "4"]])
    out = render._typst_columns(typ).split("\n")
    assert out[2] == "  align(center)[#text(size: 8.0pt)[#table(" and out[3] == "    columns: 3,"
    assert out[9] == "  )]]" and out[1] == "#figure(" and out[12] == "  )"
    assert out[6:9] == ["    table.hline(),", "    [Almaty], [1], [2],", "    [Astana], [3], [4],"]


def test_a_table_wider_than_the_page_gets_columns_by_its_content_and_its_longest_words():
    # City 6 letters ("Almaty"), a note of 70 characters in words of 5 letters, a number: 6 + 70 + 1 + 2 x 3 = 83
    # characters > 70: fractions, each column its content capped at 28 and never narrower than its longest word + 1
    note = " ".join(["aaaaa"] * 11) + " bbbb"  # 11 x 6 + 4 = 70 characters
    typ = _typst_table(["City", "Note", "N"], [["Almaty", note, "1"], ["Astana", "ccc", "2"]])
    out = render._typst_columns(typ).split("\n")
    assert out[3] == "    columns: (7fr, 28fr, 2fr,)," and out[2] == "  align(center)[#text(size: 8.0pt)[#table("


def test_a_table_whose_words_do_not_fit_gets_smaller_type():
    # four columns of one 25-letter word: 26 each (104) > 70, so each its word + 3 = 28 (112 <= 125: not split) and
    # the type 8 x 75 / 112 = 5.36 pt
    w = ["A" * 25, "B" * 25, "C" * 25, "D" * 25]
    out = render._typst_columns(_typst_table(w, [w])).split("\n")
    assert out[3] == "    columns: (28fr, 28fr, 28fr, 28fr,)," and out[2] == "  align(center)[#text(size: 5.4pt)[#table("


def test_a_table_too_wide_even_in_small_type_is_split_into_parts_each_with_the_first_column():
    # eight columns of a 20-letter word: each 23 (184 > 125): (184 - 23) / (125 - 23) -> 2 parts of ceil(7 / 2) = 4
    # columns after the first; the wider part 5 x 23 = 115 characters: 8 x 75 / 115 = 5.2 pt
    head = [chr(65 + k) * 20 for k in range(8)]
    row = [f"{k}" * 20 for k in range(8)]
    row[3] = "3" * 18 + "\\]"  # an escaped bracket stays inside its cell (as pandoc escapes a "]")
    out = render._typst_columns(_typst_table(head, [row])).split("\n")
    cells = lambda cols: ", ".join(f"[{c}]" for c in cols) + ","  # noqa: E731
    assert out[2] == "  align(center)[#text(size: 5.2pt)[#table("
    assert out[3:15] == [
        "    columns: (23fr, 23fr, 23fr, 23fr, 23fr,),", "    align: (left,right,right,right,right,),",
        f"    table.header({cells(head[:5])}),", "    table.hline(),", f"    {cells(row[:5])}",
        "  )", "  #v(0.8em)", "  #table(",
        "    columns: (23fr, 23fr, 23fr, 23fr,),", "    align: (left,right,right,right,),",
        f"    table.header({cells([head[0], *head[5:]])}),", "    table.hline(),"]
    assert out[15:17] == [f"    {cells([row[0], *row[5:]])}", "  )]]"]


@pytest.mark.parametrize("n, breakable", [(17, False), (18, True)])
def test_a_table_of_more_than_18_rows_may_break_across_pages(n, breakable):
    # the header is one of the rows counted: 17 rows and the header stay whole with their caption, 18 may break
    typ = _typst_table(["City", "N"], [[f"City{k}", str(k)] for k in range(n)])
    out = render._typst_columns(typ)
    assert out.startswith("#block[\n#[#show figure: set block(breakable: true)\n#figure(\n") == breakable
    assert out.startswith("#block[\n#figure(\n") != breakable
    assert out.endswith("  , kind: table\n  )" + ("]" if breakable else "") + "\n\n]")


# --- assets/report/exports.py: what leaves the warehouse, the workbook -------------------------------------------------

import datetime as dt  # noqa: E402

import duckdb  # noqa: E402
import polars as pl  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

# the allow-lists written out by hand (docs/data-dictionary: the public columns), not read from exports
CARD_COLUMNS = [
    "card_id", "date", "city", "settlement", "place", "form", "topic", "character", "organizer_type", "organizer_name",
    "participants_low", "participants", "participants_high", "duration_min", "permission_requested", "permission_answer",
    "reason_not_applied", "sanctioned", "prosecutor_present", "prosecutor_warned", "akimat_present", "akimat_warned",
    "police_present", "police_warned", "police_count", "obstruction", "dispersal", "preventive_detentions", "detained",
    "state_organised", "source_type", "source_links"]
RECONCILIATION_COLUMNS = ["period", "table_no", "row_key", "col_key", "derived", "published", "printed", "decimals",
                          "location", "line", "primary", "difference", "status", "contradicted_in_report", "audit_note"]
AUDIT_COLUMNS = ["source", "rule", "period", "table_no", "row_key", "col_key", "published", "expected", "message"]
PRIVATE_COLUMNS = ["notes", "notes_en", "person_name", "reporter", "model"]


@pytest.mark.parametrize("table, columns", [("cards_public", CARD_COLUMNS), ("reconciliation", RECONCILIATION_COLUMNS),
                                            ("audit", AUDIT_COLUMNS)])
def test_every_public_column_and_no_other_leaves_the_warehouse(table, columns):
    # the warehouse's frame with its columns in another order and private ones among them
    df = pl.DataFrame({c: ["x"] for c in [*PRIVATE_COLUMNS[:2], *reversed(columns), *PRIVATE_COLUMNS[2:]]})
    assert exports.public_frame(table, df, []).columns == columns


def test_the_workbooks_row_limit_comes_from_the_environment_else_the_limits_file_else_50000(tmp_path, monkeypatch):
    from core import settings

    monkeypatch.setattr(settings, "config_dir", lambda: tmp_path)
    (tmp_path / "limits.yaml").write_text("exports:\n  xlsx_max_rows: 7\n", encoding="utf-8")
    assert exports.xlsx_max_rows() == 7
    monkeypatch.setenv("MONITOR_XLSX_MAX_ROWS", "12")
    assert exports.xlsx_max_rows() == 12
    monkeypatch.delenv("MONITOR_XLSX_MAX_ROWS")
    (tmp_path / "limits.yaml").write_text("ingest:\n  max_rows: 3\n", encoding="utf-8")
    assert exports.xlsx_max_rows() == 50_000
    (tmp_path / "limits.yaml").unlink()
    assert exports.xlsx_max_rows() == 50_000


def test_the_exports_are_dated_by_the_last_change_of_the_periods_cards():
    con = duckdb.connect()
    # no card_revisions table: the period's last day (2017 ends on 31 December, config/periods.yaml)
    assert exports.data_moment(con, "2017") == dt.datetime(2017, 12, 31)
    con.execute("CREATE TABLE card_revisions (period VARCHAR, valid_from TIMESTAMPTZ, valid_to TIMESTAMPTZ)")
    assert exports.data_moment(con, "2017") == dt.datetime(2017, 12, 31)  # a table without the period's cards
    con.execute("SET TimeZone = 'Asia/Almaty'")
    con.execute("INSERT INTO card_revisions VALUES ('2017', '2026-03-01 10:00:00+05', '2026-03-02 09:30:15.750+05'), "
                "('2017', '2026-03-01 12:00:00+05', NULL), ('2018', '2026-05-01 00:00:00+00', NULL)")
    # the latest opening or closing of the period's revisions, in UTC, to the second
    assert exports.data_moment(con, "2017") == dt.datetime(2026, 3, 2, 4, 30, 15)


def test_sheet_names_are_valid_unique_and_numbered():
    used: set[str] = set()
    assert exports._sheet_name("table 1", 1, used) == "table 1"
    assert exports._sheet_name("TABLE 1", 1, used) == "TABLE 1 ~2"  # Excel's names ignore case
    assert exports._sheet_name("table 1", 1, used) == "table 1 ~3"
    assert exports._sheet_name("a/b:c*d?e[f]g\\h", 1, used) == "a-b-c-d-e-f-g-h"
    assert exports._sheet_name("'quoted'", 1, used) == "quoted"
    assert exports._sheet_name("x" * 40, 1, used) == "x" * 31
    assert exports._sheet_name("x" * 40, 2, used) == "x" * 27 + " (2)"
    assert exports._sheet_name("", 1, used) == "sheet"


def test_the_workbook_has_the_header_on_row_1_and_the_rows_under_it_in_their_types(tmp_path):
    fast = pl.DataFrame({"card_id": ["A-1", "A-2"], "participants": [5, 12], "sanctioned": [True, False],
                         "date": [dt.date(2017, 3, 8), dt.date(2017, 12, 16)]})
    slow = pl.DataFrame({"value": [36.5, 1.0], "duration": [dt.timedelta(minutes=90), None],
                         "when": [dt.datetime(2017, 1, 2, 3, 4, 5), None]})
    path = tmp_path / "t.xlsx"
    exports._write_xlsx(path, [("cards", fast), ("figures", slow)], created=dt.datetime(2026, 1, 2))
    wb = load_workbook(path)
    cards, figs = wb["cards"], wb["figures"]
    assert [[c.value for c in r] for r in cards.iter_rows()] == [
        ["card_id", "participants", "sanctioned", "date"],
        ["A-1", 5, True, dt.datetime(2017, 3, 8)], ["A-2", 12, False, dt.datetime(2017, 12, 16)]]
    assert [[c.value for c in r] for r in figs.iter_rows()] == [
        ["value", "duration", "when"], [36.5, "1:30:00", dt.datetime(2017, 1, 2, 3, 4, 5)], [1, None, None]]
    assert wb.properties.created == dt.datetime(2026, 1, 2)  # the data's moment, not the run's


# --- assets/report/asof.py: the as-of edition's folder ------------------------------------------------------------------

from assets.report import asof  # noqa: E402


def test_an_as_of_editions_folder_is_named_by_the_date_given_or_the_moment_in_utc(project):
    assert asof.label("2026-11-30") == "2026-11-30"
    assert asof.label(" 2026-11-30 ") == "2026-11-30"
    assert asof.label("2026-11-30T09:15:00") == "2026-11-30T091500"  # no zone: UTC
    assert asof.label("2026-11-30T09:15:00+05:00") == "2026-11-30T041500"
    assert asof.label("2026-12-01T02:00+05:00") == "2026-11-30T210000"  # the day before, in UTC
    assert asof.out_dir("2017", "2026-11-30") == project / "build" / "report" / "2017-as-of-2026-11-30"


# --- assets/report/freshness.py: a render not repeated --------------------------------------------------------------------

from assets.report import freshness  # noqa: E402


def test_a_render_is_reused_only_for_its_digest_and_the_very_file_it_wrote(project):
    ctx = Context("2099", "ru")
    out = project / "out"
    out.mkdir()
    html, pdf = out / "report-2099-ru.html", out / "report-2099-ru.pdf"
    html.write_text("<html>36</html>")
    pdf.write_bytes(b"%PDF-36")
    assert freshness.unchanged(ctx, "d1", out, ("html", "pdf")) == {}  # never rendered
    freshness.record(ctx, "d1", {"html": html, "pdf": pdf})
    assert (project / "build" / "report_cache" / "rendered" / "2099-ru.json").is_file()
    assert freshness.unchanged(ctx, "d1", out, ("html", "pdf", "docx")) == {"html": html, "pdf": pdf}
    assert freshness.unchanged(ctx, "d2", out, ("html",)) == {}  # other sources, code or project
    assert freshness.unchanged(Context("2099", "en"), "d1", out, ("html",)) == {}  # the other language's stamp
    html.write_text("<html>37 assemblies</html>")  # another file in its place
    assert freshness.unchanged(ctx, "d1", out, ("html", "pdf")) == {"pdf": pdf}
    pdf.unlink()
    assert freshness.unchanged(ctx, "d1", out, ("pdf",)) == {}


def test_the_quality_gate_is_skipped_only_for_the_digest_it_passed(project):
    assert not freshness.gate_passed("2099", "abc")
    freshness.record_gate("2099", "abc")
    assert freshness.gate_passed("2099", "abc") and not freshness.gate_passed("2099", "abd")
    assert not freshness.gate_passed("2098", "abc")


# --- assets/report/withdraw.py: a period's public outputs taken away ------------------------------------------------------

from assets.report import withdraw  # noqa: E402


def test_withdrawing_takes_the_report_the_exports_and_the_staged_sources_of_the_period_only(project):
    build = project / "build"
    mine = [build / "report" / "2017", build / "exports" / "2017", build / "report_src" / "2017-ru",
            build / "report_src" / "2017-en"]
    other = [build / "report" / "2018", build / "exports" / "2018", build / "report_src" / "2018-ru"]
    for f in mine + other:
        f.mkdir(parents=True)
        (f / "file.txt").write_text("rendered")
    assert withdraw.public_folders("2017") == mine
    assert withdraw.withdraw("2017") == mine
    assert not any(f.exists() for f in mine) and all((f / "file.txt").exists() for f in other)
    assert sorted(p.name for p in build.iterdir()) == ["exports", "report", "report_src"]  # no trash left
    assert withdraw.withdraw("2017") == [] and withdraw.public_folders("2017") == []


# --- assets/report/tables.py: the markdown tables ---------------------------------------------------------------------------

from assets.report import tables  # noqa: E402


def test_tables_are_ordered_by_their_numbers_then_the_named_ones():
    got = sorted(["courts", "10", "2-10", "2", "14-1", "2-9", "14", "summary"], key=tables.table_order)
    assert got == ["2", "2-9", "2-10", "10", "14", "14-1", "courts", "summary"]


def test_a_pipe_table_has_its_header_alignment_rows_and_caption():
    got = tables.pipe_table(["City", "N"], [["Almaty", "3"], ["Astana", "1"]], cap=": Table 1. Cities")
    assert got == ("::: {.table-wrap}\n| City | N |\n| :--- | ---: |\n| Almaty | 3 |\n| Astana | 1 |\n\n"
                   ": Table 1. Cities\n:::\n")


def test_a_keyed_table_prints_a_count_with_its_share_and_the_total_row_last():
    fig = {("13", "almaty", "count"): 3.0, ("13", "almaty", "share_pct"): 75.0, ("13", "astana", "count"): 1.0,
           ("13", "total", "count"): 4.0, ("12", "total", "count"): 9.0}
    got = tables.keyed_table(fig, "13", ["count", "share_pct"], "en", "2017", row_field="city",
                             share_with={"count": "share_pct"})
    lines = got.split("\n")
    # the rows by count, largest first; a row without its share shows the count alone; the total row in bold, last
    assert lines[3:6] == ["| Almaty | 3 (75%) |", "| Astana | 1 |", "| **Total** | 4 |"]
    assert len([x for x in lines if x.startswith("| ")]) == 5


# --- assets/report/published.py: the published figures as printed, the notes under a table ----------------------------------

from assets.report import published as pubfig  # noqa: E402


def test_a_published_figure_keeps_its_printed_digits_when_the_printing_is_short():
    # 24 characters: the printed digits ("86,50", not 86,5 at one decimal)
    printed = "86,50 (уточнено позднее)"
    assert len(printed) == 24
    assert pubfig.number_as_printed(pubfig.Printed(printed, 1, 86.5), "share_pct", "ru") == "86,50%"
    assert pubfig.number_as_printed(pubfig.Printed(printed, 1, 86.5), "share_pct", "en") == "86.50%"
    # a longer text is no printing of one number: the value at its decimals
    assert pubfig.number_as_printed(pubfig.Printed(printed + ".", 1, 86.5), "share_pct", "ru") == "86,5%"
    assert pubfig.number_as_printed(pubfig.Printed("—", None, None, "dash"), "count", "ru") == "—"


def test_the_notes_under_a_table_are_numbered_once_per_text():
    notes = pubfig.Notes("en")
    assert (notes.add("first"), notes.add("second"), notes.add("first")) == ("¹", "²", "¹")
    assert notes.block() == "\n::: {.divergence-notes}\n¹ first\\\n² second\n:::\n"
    assert notes.block() == ""  # the next table starts again at ¹
    assert notes.add("third") == "¹"


def test_a_divergence_the_audit_found_is_explained_as_the_report_contradicting_itself():
    labels_yaml = yaml.safe_load((render.settings.config_dir() / "labels.yaml").read_text(encoding="utf-8"))["words"]
    for rec in ({"audit_note": "Table 4 against the text"}, {"contradicted_in_report": True}):
        assert pubfig.reason({**rec, "status": "mismatch"}, "en") == labels_yaml["div_contradicted"]["en"]
    assert pubfig.reason({"status": "not_published"}, "ru") == labels_yaml["div_not_published"]["ru"]
    assert pubfig.reason({"status": "mismatch", "choice_reason_en": "Our own count."}, "en") == "Our own count."


def test_a_wide_table_with_a_row_of_fewer_cells_is_not_split_and_loses_no_cell():
    # as the split one above, one row of 7 cells: not the plain rows a split reads, so one part of 8 x 23 columns in
    # the smallest type (8 x 75 / 184 < 5: 5 pt), every row as it was written
    head = [chr(65 + k) * 20 for k in range(8)]
    rows = [[f"{k}" * 20 for k in range(8)], [f"{k}" * 20 for k in range(7)]]
    typ = _typst_table(head, rows)
    out = render._typst_columns(typ).split("\n")
    assert out[2] == "  align(center)[#text(size: 5.0pt)[#table("
    assert out[3] == "    columns: (" + ", ".join(["23fr"] * 8) + ",),"
    assert out[4:9] == typ.split("\n")[4:9]


# --- assets/report/cardtext.py: a card's text in the report ----------------------------------------------------------------

from assets.report import cardtext  # noqa: E402


def test_a_cards_text_in_english_is_its_translation_else_the_russian_marked_untranslated():
    card = {"topic": "Пикет у акимата", "topic_en": "A picket at the akimat", "place": "Площадь", "place_en": "  ",
            "settlement": "Kalamkas"}
    assert cardtext.translated(card, "topic", "en") == ("A picket at the akimat", True)
    assert cardtext.translated(card, "topic", "ru") == ("Пикет у акимата", True)
    assert cardtext.translated(card, "place", "en") == ("Площадь", False)  # a blank translation is none
    assert cardtext.translated(card, "settlement", "en") == ("Kalamkas", True)  # Latin letters need none
    assert cardtext.show("A picket at the akimat", True, "en", 160) == "A picket at the akimat"
    assert cardtext.show("Площадь", False, "en", 160) == "[(untranslated, Russian): Площадь]{.untranslated lang=ru}"
    assert cardtext.show("", False, "en", 160) == ""


def test_a_long_text_is_cut_at_a_word_with_an_ellipsis():
    assert cardtext.clip("one two three four five", 14) == "one two three …"
    assert cardtext.clip("  one\n two  ", 13) == "one two"
    assert cardtext.clip("abcdefghijklmnop", 8) == "abcdefgh …"  # no space in its second half: cut in the word
    assert cardtext.clip(None, 5) == ""


# --- assets/report/report_data.py: what the report reads ------------------------------------------------------------------


def test_each_topic_finds_its_first_english_version_also_under_its_key_with_names_cut():
    from assets.report import report_data

    cards = pl.DataFrame({"topic": ["Суд над Серик Жумабаев", "Зарплаты", "Зарплаты"],
                          "topic_en": ["The trial of Serik Zhumabayev", "Wages", "Pay"]})
    got = report_data.english_topics(cards, ["Серик Жумабаев"])
    assert got["Зарплаты"] == "Wages"  # the first
    assert got["Суд над Серик Жумабаев"] == got["Суд над […] […]"] == got["Суд над […]"] == "The trial of Serik Zhumabayev"
    assert report_data.english_topics(cards.drop("topic_en"), []) == {}


# --- assets/report/charts.py: what each chart shows --------------------------------------------------------------------------

from matplotlib.colors import to_hex  # noqa: E402

from assets.report import charts  # noqa: E402


def _drawn():
    return charts.LAST_LAYOUT._fig.axes[0]  # the figure the chart's files were saved from


def test_the_character_shares_are_red_orange_blue_with_each_share_of_6_or_more_printed_in_its_segment():
    charts.stacked_shares.__wrapped__(["2016", "2017"], {"political": [40.0, 5.0], "economic": [35.0, None],
                                                         "social": [25.0, 95.0]},
                                      {"political": "Political", "economic": "Economic", "social": "Social"}, "en", "%")
    ax = _drawn()
    assert [to_hex(p.get_facecolor()) for p in ax.patches] == ["#c0392b"] * 2 + ["#e6a23c"] * 2 + ["#2b6cb0"] * 2
    assert [(t.get_text(), to_hex(t.get_color())) for t in ax.texts] == [
        ("40%", "#ffffff"), ("35%", "#ffffff"), ("25%", "#ffffff"), ("95%", "#ffffff")]  # 5% and a missing share: none
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Political", "Economic", "Social"]
    assert ax.get_ylim() == (0, 100)


def test_bars_of_published_periods_are_lighter_and_the_legend_says_which():
    charts.by_period_bars.__wrapped__(["2015", "2016", "2017"], [3.5, None, 8.25], [True, False, False], ylabel="Mean",
                                      legend=("published", "from cards"), decimals=1, lang="ru")
    ax = _drawn()
    assert [to_hex(p.get_facecolor()) for p in ax.patches[:3]] == ["#90b4de", "#2b6cb0", "#2b6cb0"]
    assert [t.get_text() for t in ax.texts] == ["3,5", "8,2"]  # Python's formatting at one decimal; none for no value
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["published", "from cards"]
    assert [to_hex(h.get_facecolor()) for h in ax.get_legend().legend_handles] == ["#2b6cb0", "#90b4de"]
    assert ax.get_ylim()[1] == pytest.approx(8.25 * 1.18)
    # every period of one kind: no legend
    charts.by_period_bars.__wrapped__(["2016", "2017"], [1.0, 2.0], [False, False], ylabel="Mean",
                                      legend=("published", "from cards"), decimals=1, lang="en")
    assert _drawn().get_legend() is None


def test_a_line_chart_has_its_line_in_the_legend_and_the_two_kinds_of_point_where_periods_differ():
    charts.by_period_bars.__wrapped__(["2016", "2017"], [0.14, 0.32], [True, False], ylabel="Police control index",
                                      legend=("published", "from cards"), decimals=2, lang="en", line=True)
    leg = _drawn().get_legend()
    assert [t.get_text() for t in leg.get_texts()] == ["Police control index", "published", "from cards"]
    assert [to_hex(h.get_markerfacecolor()) for h in leg.legend_handles[1:]] == ["#2b6cb0", "#90b4de"]
    assert leg.legend_handles[0].get_linewidth() == _drawn().lines[0].get_linewidth() == 2
    assert [t.get_text() for t in _drawn().texts] == ["0.14", "0.32"]
    charts.by_period_bars.__wrapped__(["2016", "2017"], [0.14, 0.32], [False, False], ylabel="Police control index",
                                      legend=("published", "from cards"), decimals=2, lang="en", line=True)
    assert [t.get_text() for t in _drawn().get_legend().get_texts()] == ["Police control index"]
    # a chart without the two kinds' names (legend=None): the line alone, whatever the periods
    charts.by_period_bars.__wrapped__(["2016", "2017"], [0.14, 0.32], [True, False], ylabel="Police control index",
                                      legend=None, decimals=2, lang="en", line=True)
    assert [t.get_text() for t in _drawn().get_legend().get_texts()] == ["Police control index"]


def test_a_ranked_chart_lists_the_largest_first_with_count_and_share():
    charts.ranked.__wrapped__(["Almaty", "Astana", "Aktau"], [12.0, 5.0, 1.0], ["60%", "25%", None], "en", "Assemblies")
    ax = _drawn()
    assert [t.get_text() for t in ax.texts] == ["12 (60%)", "5 (25%)", "1"]
    ticks = sorted(((t.get_position()[1], t.get_text()) for t in ax.get_yticklabels()), reverse=True)
    assert [name for _, name in ticks] == ["Almaty", "Astana", "Aktau"]  # top to bottom
    assert ax.get_xlim() == (0, 15.0)


def test_a_value_label_is_sized_to_fit_its_bar():
    # the plot is 7.2 in x 72 pt x 0.775 = 401.76 pt wide; a bar of n periods is 401.76 / (n + 0.5) x 0.62 (0.8 above
    # 9 periods) wide; a DejaVu digit is 0.64 em, "%" 0.95 em; the label takes at most 0.9 of the bar
    assert charts._fitting_size("100%", 16, 9) == pytest.approx(0.9 * 401.76 / 16.5 * 0.8 / 2.87)  # 6.11 pt
    assert charts._fitting_size("7", 3, 9) == 9  # room enough: the size asked for
    assert charts._fitting_size("1000000", 16, 9) == pytest.approx(4.5)  # never below 4.5 pt
    assert charts._fitting_size("888888", 1, 100) == pytest.approx(0.9 * 401.76 / 1.5 * 0.62 / 3.84)  # one period


# --- assets/report/labels.py: the labels in Russian and English ---------------------------------------------------------

from assets.report import labels  # noqa: E402


def _yaml(path: str) -> dict:
    return yaml.safe_load((render.settings.repo_root() / path).read_text(encoding="utf-8"))


def test_a_row_is_labelled_by_the_code_of_its_field_in_either_language():
    card = _yaml("schemas/card.yaml")
    fields = {**card["card"], **card["person"]} if "card" in card else card
    assert labels.row("held", "en", "event_status") == fields["event_status"]["codes"]["held"]["en"]
    assert labels.row("fine", "ru", "court_outcome") == fields["court_outcome"]["codes"]["fine"]["ru"]
    assert labels.row("total", "ru") == "ВСЕГО" and labels.row("total", "en") == "Total"
    assert labels.row("case_3", "ru") == "№3" and labels.row("case_3", "en") == "No. 3"
    assert labels.row("some_unknown_key", "en") == "some unknown key"


def test_a_title_fills_its_year_and_leaves_no_trace_of_a_missing_value():
    tables_yaml = _yaml("config/labels.yaml")["tables"]
    assert labels.title("1", "ru", "2017") == tables_yaml["1"]["ru"].replace("{year}", "2017")
    assert labels.title("8", "en", "2017", prev="2016") == "Forms of assemblies compared (2016)"
    assert labels.title("8", "en", "2017") == "Forms of assemblies compared"
    assert labels.title("2", "en", over_years="in 2010–2017") == "Overall dynamics of peaceful assemblies in 2010–2017"


def test_the_sections_words_grammar_and_optional_labels_are_the_dictionarys():
    d = _yaml("config/labels.yaml")
    assert labels.sections("en") == {k: v["en"] for k, v in d["sections"].items()}
    assert labels.sections("ru")["contents"] == "Содержание"
    assert labels.grammar("character_nom_pl", "political", "ru") == "политические"
    assert labels.word("untranslated", "en") == d["words"]["untranslated"]["en"]
    assert labels.optional("status", "no_such_status", "en") == "no_such_status"
    assert labels.months("ru") == list(d["months"]["ru"]) and len(labels.months("en")) == 12
    assert labels.column("no_such_column", "en") == "no such column"


def test_a_table_one_character_past_the_words_room_gets_type_a_little_smaller():
    # four columns of two 16-letter words: 28 each by content (112 > 70), so each its longest word + 3 = 19: 76
    # characters, one past the 75 that 8 pt holds: 8 x 75 / 76 = 7.9 pt
    cells = [f"{c * 16} {c.lower() * 16}" for c in "ABCD"]
    out = render._typst_columns(_typst_table(cells, [cells])).split("\n")
    assert out[3] == "    columns: (19fr, 19fr, 19fr, 19fr,)," and out[2] == "  align(center)[#text(size: 7.9pt)[#table("


def _small_warehouse(reconciliation: bool = False) -> duckdb.DuckDBPyConnection:
    """A warehouse of two figures tables, two cards (one organised by a private individual, one naming a detainee) and
    the detainee; with `reconciliation`, its table of one row."""
    con = duckdb.connect()
    con.execute("CREATE TABLE figures (period VARCHAR, table_no VARCHAR, row_key VARCHAR, col_key VARCHAR, value DOUBLE, "
                "provenance VARCHAR, model VARCHAR)")
    con.execute("INSERT INTO figures VALUES ('2017', '10', 'almaty', 'count', 2, 'derived', 'm'), "
                "('2017', '2', 'total', 'count', 3, 'derived', 'm'), ('2017', '2', 'total', 'share_pct', 100, 'derived', 'm'), "
                "('2016', '2', 'total', 'count', 9, 'published', 'm')")
    con.execute("CREATE TABLE cards (period VARCHAR, card_id VARCHAR, date DATE, city VARCHAR, topic VARCHAR, "
                "organizer_type VARCHAR, organizer_name VARCHAR, participants INTEGER, sanctioned BOOLEAN, notes VARCHAR)")
    con.execute("INSERT INTO cards VALUES ('2017', 'A-2', '2017-05-01', 'almaty', 'Пикет в поддержку Гульнары Секретовой', "
                "'ngo', 'KazFem', 12, true, 'Записала Гульнара Секретова'), "
                "('2017', 'A-1', '2017-03-08', 'almaty', '=1+1', 'individual', 'Ержан Тасов', 3, false, 'личное')")
    con.execute("CREATE TABLE persons (name VARCHAR, public BOOLEAN)")
    con.execute("INSERT INTO persons VALUES ('Гульнара Секретова', false)")
    if reconciliation:
        con.execute("CREATE TABLE reconciliation (period VARCHAR, table_no VARCHAR, row_key VARCHAR, col_key VARCHAR, "
                    "derived DOUBLE, published DOUBLE, status VARCHAR, reviewer VARCHAR)")
        con.execute("INSERT INTO reconciliation VALUES ('2017', '2', 'total', 'count', 3, 4, 'mismatch', 'Ержан')")
    return con


def test_a_period_is_exported_without_its_private_names_and_with_a_sheet_per_table(tmp_path):
    out = tmp_path / "exports"
    files = exports.export_period(_small_warehouse(), "2017", out, max_rows=10)
    # no reconciliation or audit in this warehouse: no file of them, no sheet
    assert sorted(files) == ["cards_public.csv", "figures.csv", "tables-2017.xlsx"]
    for f in out.iterdir():
        data = f.read_bytes()
        for word in ("Секретов", "Ержан", "Тасов", "личное", "Записала"):  # the names, the organiser, the notes
            assert word.encode() not in data, (f.name, word)
    cards = pl.read_csv(out / "cards_public.csv")
    assert cards["card_id"].to_list() == ["A-1", "A-2"]
    assert cards.columns == ["card_id", "date", "city", "topic", "organizer_type", "organizer_name", "participants",
                             "sanctioned"]
    assert cards["topic"].to_list() == ["'=1+1", "Пикет в поддержку […] […]"]
    figs = pl.read_csv(out / "figures.csv")
    assert figs.columns == ["period", "table_no", "row_key", "col_key", "value", "provenance"] and set(figs["period"]) == {2017}
    wb = load_workbook(out / "tables-2017.xlsx")
    assert wb.sheetnames == ["table 2", "table 10", "cards_public"]  # the tables by number, then the long tables
    assert [[c.value for c in r] for r in wb["table 2"].iter_rows()] == [["row_key", "count", "share_pct"],
                                                                        ["total", 3, 100]]
    assert wb.properties.created == dt.datetime(2017, 12, 31)  # no card revisions: the period's last day


def test_a_long_table_is_left_out_of_the_workbook_and_named_on_its_readme_sheet(tmp_path):
    out = tmp_path / "exports"
    exports.export_period(_small_warehouse(reconciliation=True), "2017", out, max_rows=1)
    assert pl.read_csv(out / "reconciliation.csv").columns == ["period", "table_no", "row_key", "col_key", "derived",
                                                               "published", "status"]
    wb = load_workbook(out / "tables-2017.xlsx")
    # the cards (2 rows) are over the limit of 1, the reconciliation (1 row) is not
    assert wb.sheetnames == ["README", "table 2", "table 10", "reconciliation"]
    readme = [r[0].value for r in wb["README"].iter_rows()][1:]
    assert "cards_public: 2 rows in cards_public.csv and cards_public.parquet (described in datapackage.json)" in readme
    assert "Tables of more than 1 rows are not in it; the complete tables are in the files of the same folder (the same " \
           "package):" in readme


# --- assets/report/datapackage.py: the open data package -----------------------------------------------------------------

import hashlib  # noqa: E402
import json  # noqa: E402


def test_the_data_package_describes_each_csv_and_its_parquet_twin(tmp_path):
    from assets.report import datapackage

    con, out = _small_warehouse(), tmp_path / "exports"
    exports.export_period(con, "2017", out)
    files = datapackage.write_datapackage(con, "2017", out)
    assert sorted(files) == ["cards_public.parquet", "datapackage.json", "figures.parquet"]
    dp = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert (dp["name"], dp["version"], dp["created"]) == ("assembly-monitor-2017", "2017.20171231", "2017-12-31T00:00:00+00:00")
    assert dp["period"] == {"id": "2017", "start": "2017-01-01", "end": "2017-12-31"}
    assert dp["temporalCoverage"] == "2017-01-01/2017-12-31" and dp["licenses"][0]["name"] == "CC-BY-4.0"
    res = {r["name"]: r for r in dp["resources"]}
    assert list(res) == ["figures-csv", "figures-parquet", "cards-public-csv", "cards-public-parquet"]
    for name, table in (("figures", "figures"), ("cards-public", "cards_public")):
        csv_res, pq_res = res[f"{name}-csv"], res[f"{name}-parquet"]
        assert (csv_res["path"], csv_res["format"], csv_res["encoding"], csv_res["mediatype"]) == (
            f"{table}.csv", "csv", "utf-8", "text/csv")
        pq = out / f"{table}.parquet"
        assert (pq_res["path"], pq_res["format"]) == (pq.name, "parquet")
        assert pq_res["hash"] == "sha256:" + hashlib.sha256(pq.read_bytes()).hexdigest() and pq_res["bytes"] == pq.stat().st_size
        assert pl.read_parquet(pq).height == pl.read_csv(out / f"{table}.csv").height
    figs = res["figures-csv"]["schema"]
    assert figs["primaryKey"] == ["period", "table_no", "row_key", "col_key"]
    f = {x["name"]: x for x in figs["fields"]}
    assert f["value"]["type"] == "number" and f["provenance"]["constraints"] == {"enum": ["derived", "published"]}
    assert f["provenance"]["description"].startswith("derived: computed from the cards")
    cards = res["cards-public-csv"]["schema"]
    assert cards["primaryKey"] == ["card_id"]
    c = {x["name"]: x for x in cards["fields"]}
    spec = _yaml("schemas/card.yaml")
    spec = spec.get("card", spec)
    assert c["card_id"]["title"] == "Card id / Номер карты" and c["card_id"]["description"] == spec["card_id"]["meaning"]
    assert c["card_id"]["constraints"] == {"required": True}
    assert c["organizer_type"]["constraints"]["enum"] == list(spec["organizer_type"]["codes"])
    assert c["organizer_type"]["categories"][0] == {"value": "ngo", "label": "NGOs and parties"}
    assert c["city"]["constraints"]["enum"] == list(_yaml("config/gazetteer.yaml")["cities"])
    assert (c["participants"]["type"], c["date"]["type"]) == ("integer", "date")
    assert c["sanctioned"]["type"] == "boolean" and (c["sanctioned"]["trueValues"], c["sanctioned"]["falseValues"]) == (
        ["true"], ["false"])
    assert "permission_answer = granted" in c["sanctioned"]["description"]
    assert pl.read_csv(out / "cards_public.csv")["sanctioned"].to_list() == [False, True]  # written as the values say


def test_the_report_reads_a_warehouse_that_has_no_cards_yet():
    from assets.report import report_data

    con = _small_warehouse()
    con.execute("DROP TABLE cards")  # published figures only: a period without cards
    data = report_data.load(con, "2017")
    assert data.cards.is_empty() and data.private_names == ["Гульнара Секретова"]
    assert data.figs["2017"][("2", "total", "count")] == 3 and data.published == {("2016", "2")}
    assert data.reconciliation is None and data.audit is None


# --- assets/report/prepare.py: the context of one language --------------------------------------------------------------


def test_every_variable_the_narrative_names_is_in_the_context():
    import re

    from assets.report import prepare
    from tests.test_report_sentences_values import _data

    figs = {"2019": {("1", "total", "count"): 6.0, ("2", "total", "count"): 6.0}}
    src = render.settings.report_src_dir()
    for lang in ("ru", "en"):
        with charts.drawing(("html",)):
            ctx = prepare.Builder(_data(figs, ["2019"]), "2019", lang).build()
        texts = [src / "index.qmd", *sorted((src / "text" / lang).glob("*.md"))]
        named = {m.group(1).split(".")[0] for f in texts for m in render.SHORTCODE_VAR.finditer(f.read_text(encoding="utf-8"))}
        assert {"c", "s", "h", "period"} <= named  # (the narrative's own: sentences, text figures, headings)
        assert named <= set(ctx.variables), named - set(ctx.variables)
        assert ctx.variables["period"] == "2019" and ctx.variables["h"]["contents"] == labels.sections(lang)["contents"]


# --- assets/report/refresh.py: the command -----------------------------------------------------------------------------------


def test_the_refresh_command_writes_the_report_into_the_periods_report_folder(project, monkeypatch, capsys):
    import contextlib

    from assets.core import warehouse
    from assets.report import refresh

    def fake_refresh(con, period, formats, out_dir=None):
        out = []
        for lang in ("ru", "en"):
            p = out_dir / f"report-{period}-{lang}.html"
            p.write_text(f"{period} {formats}")
            out.append((lang, render.Rendered("fake", {"html": p}, 0.0)))
        return out

    monkeypatch.setattr(warehouse, "connect", lambda read_only: contextlib.nullcontext(None))
    monkeypatch.setattr(refresh, "refresh", fake_refresh)
    assert refresh.main(["--period", "2017", "--formats", "html"]) == 0
    folder = project / "build" / "report" / "2017"
    assert sorted(p.name for p in folder.iterdir()) == ["report-2017-en.html", "report-2017-ru.html"]
    assert (folder / "report-2017-ru.html").read_text() == "2017 ('html',)"
    assert f"ru html: {folder / 'report-2017-ru.html'} (fake)" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        refresh.main(["--period", "2017", "--formats", "odt"])


def _boxes(ax):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(ax.figure)
    ax.figure.canvas.draw()
    r = ax.figure.canvas.get_renderer()
    return ax.get_window_extent(r), ax.get_legend().get_window_extent(r)


def test_each_charts_legend_is_centred_under_its_plot_and_its_type_is_the_reports():
    charts.stacked_shares.__wrapped__(["2016", "2017"], {"political": [40.0, 5.0], "social": [60.0, 95.0]},
                                      {"political": "Political", "social": "Social"}, "en", "%")
    axes, legend = _boxes(_drawn())
    assert (legend.x0 + legend.x1) / 2 == pytest.approx((axes.x0 + axes.x1) / 2, abs=1) and legend.y1 < axes.y0
    charts.by_period_bars.__wrapped__(["2016", "2017"], [1.0, 2.0], [True, False], ylabel="Mean",
                                      legend=("published", "from cards"), decimals=1, lang="en")
    axes, legend = _boxes(_drawn())
    assert (legend.x0 + legend.x1) / 2 == pytest.approx((axes.x0 + axes.x1) / 2, abs=1) and legend.y1 < axes.y0
    # the axis's words in the report's body type (10 pt: render.pdf_file's fontsize=10pt)
    assert _drawn().yaxis.label.get_size() == 10 and _drawn().get_xticklabels()[0].get_size() == 10


def test_a_point_cut_by_its_axes_is_named_at_its_pixel_rounded():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3.43), dpi=100)
    fig.subplots_adjust(bottom=0.2)  # the floor of the plot at 0.2 x 343 = 68.6 px
    ax.scatter([0.5], [0.0], s=60)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    x, y = ax.transData.transform((0.5, 0.0))
    assert y == pytest.approx(68.6)
    assert charts.layout(fig)["clipped"] == [(round(x), 69)]  # a point on the floor: half of it cut
    plt.close(fig)


def test_two_labels_touching_by_less_than_a_pixel_do_not_overlap_and_by_more_do():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.transforms import IdentityTransform

    def placed(overlap_px: float) -> list:
        fig = plt.figure(figsize=(4, 3), dpi=100)
        ax = fig.add_axes((0, 0, 1, 1))
        low = ax.text(100, 100, "lower", transform=IdentityTransform(), fontsize=10)
        high = ax.text(100, 100, "upper", transform=IdentityTransform(), fontsize=10)
        fig.canvas.draw()
        r = fig.canvas.get_renderer()
        top = low.get_window_extent(r).y1
        for _ in range(3):  # the upper one's box bottom `overlap_px` below the lower one's top
            high.set_y(high.get_position()[1] + (top - overlap_px) - high.get_window_extent(r).y0)
            fig.canvas.draw()
        got = charts.layout(fig)["overlaps"]
        plt.close(fig)
        return got

    assert placed(0.5) == []
    assert placed(3.0) == [("lower", "upper")]


# --- assets/report/xlsx_rows.py: the long tables' rows written by Polars ---------------------------------------------------


def test_a_rich_string_and_plain_text_are_written_as_xlsxwriter_writes_them(tmp_path, monkeypatch):
    from assets.report import xlsx_rows

    df = pl.DataFrame({"t": ["<r><t>bold</t></r>", "<r>", "a & b", " lead"], "n": [1, 2, 3, 4]})
    assert xlsx_rows.can_write(df)

    def sheet(path, fast: bool) -> bytes:
        with monkeypatch.context() as m:
            if not fast:
                m.setattr(xlsx_rows, "can_write", lambda df: False)  # every cell through xlsxwriter
            exports._write_xlsx(path, [("cards_public", df)], created=dt.datetime(2026, 1, 1))
        with zipfile.ZipFile(path) as z:
            return z.read("xl/worksheets/sheet1.xml")

    fast, slow = sheet(tmp_path / "fast.xlsx", True), sheet(tmp_path / "slow.xlsx", False)
    assert b'<is><r><t>bold</t></r></is>' in slow  # xlsxwriter's rich string, as it is
    assert fast == slow
