"""A chart's PNG is DOCX's: drawn only when DOCX is among the formats rendered (charts.drawing, set by
refresh from MONITOR_REPORT_FORMATS or --formats); SVG always; both by default."""
from __future__ import annotations

import os
from pathlib import Path

from assets.report import charts, refresh

BARS = (["2015", "2016", "2017"], [3.0, 5.0, 8.0], [True, False, False])


def _bars() -> dict[str, bytes]:
    return charts.by_period_bars(*BARS, ylabel="n", legend=None, decimals=0, lang="en")


def test_png_only_for_docx_and_the_same_svg(project):
    with charts.drawing(("html", "pdf")):
        svg_only = _bars()  # drawn, and cached as SVG only
    assert sorted(svg_only) == ["svg"] and svg_only["svg"].lstrip().startswith(b"<?xml")
    cache = project / "build" / "report_cache" / "charts"
    assert sorted(p.suffix for p in cache.iterdir()) == [".svg"]
    both = _bars()  # the default: both (the cache has no PNG: drawn again)
    assert sorted(both) == ["png", "svg"] and both["png"].startswith(b"\x89PNG")
    assert both["svg"] == svg_only["svg"]
    assert sorted(p.suffix for p in cache.iterdir()) == [".png", ".svg"]
    with charts.drawing(("docx",)):
        assert _bars() == both  # from the cache
    with charts.drawing(("html",)):
        assert _bars() == {"svg": both["svg"]}
    assert charts._EXTS.get() == charts.EXTS  # each context restores what was before


def test_refresh_draws_the_png_only_when_docx_is_rendered(monkeypatch):
    seen = []

    class Ctx:
        lang = "ru"

    monkeypatch.setattr(refresh, "quality_gate", lambda con, period: None)
    monkeypatch.setattr(refresh.prepare, "load", lambda con, period: None)
    monkeypatch.setattr(refresh.changes, "changes_for", lambda *a: [])
    monkeypatch.setattr(refresh.changes, "add_section", lambda ctx, found: None)
    monkeypatch.setattr(refresh.prepare, "build", lambda _, period, lang, wh: (seen.append(charts._EXTS.get()), Ctx())[1])
    monkeypatch.setattr(refresh.render, "render", lambda ctx, formats, out_dir=None: formats)
    monkeypatch.setattr(refresh, "drop_other_formats", lambda *a: [])  # no files rendered: none to keep
    for formats, exts in ((("html",), ("svg",)), (("html", "pdf"), ("svg",)), (("docx",), ("svg", "png")),
                          (("html", "pdf", "docx"), ("svg", "png"))):
        seen.clear()
        assert [f for _, f in refresh.refresh(None, "2017", formats)] == [formats] * len(seen)
        assert seen and set(seen) == {exts}
    monkeypatch.setenv("MONITOR_REPORT_FORMATS", "html,pdf")
    seen.clear()
    refresh.refresh(None, "2017")
    assert set(seen) == {("svg",)}
    monkeypatch.delenv("MONITOR_REPORT_FORMATS")
    seen.clear()
    refresh.refresh(None, "2017")
    assert set(seen) == {("svg", "png")}


def test_each_writer_of_the_chart_cache_uses_its_own_temporary_name(project, monkeypatch):
    """Two renders sharing a build folder (two periods at once) may draw the same chart (a by-period chart holds every
    period): each writes under its own temporary name and renames, so neither replaces the other's half-written file
    nor finds its own gone (before, both wrote `<key>.svg.tmp`)."""
    names = []
    real_write = Path.write_bytes
    monkeypatch.setattr(Path, "write_bytes", lambda self, data: names.append(self.name) or real_write(self, data))
    _bars()
    assert len(names) == 2 and len(set(names)) == 2, names
    assert all(n.endswith(".tmp") and f".{os.getpid()}." in n for n in names), names
    cache = project / "build" / "report_cache" / "charts"
    assert sorted(p.suffix for p in cache.iterdir()) == [".png", ".svg"]  # renamed into place, nothing left over
