"""A render leaves only its own report files: a format rendered before and not now (MONITOR_REPORT_FORMATS
=html,docx, then html alone after a correction) is removed in the same swap, never left beside the new
HTML with the numbers of its day (assets/report/refresh.py, drop_other_formats). Failed before the fix:
build/report/<period>/ kept the old .docx. The renderers are replaced by one that writes each format's
file with the figures' "numbers" of the day; refresh, the seeded folder and its swap are the real ones."""
from __future__ import annotations

from assets.core.atomic import atomic_dir
from assets.report import refresh, render


def test_a_format_not_rendered_this_time_is_removed(tmp_path, monkeypatch):
    numbers = {"today": "36 assemblies"}

    class Ctx:
        def __init__(self, period, lang):
            self.period, self.lang = period, lang

    def fake_render(ctx, formats, out_dir=None):
        files = {}
        for f in formats:
            p = out_dir / f"report-{ctx.period}-{ctx.lang}.{f}"
            p.write_text(numbers["today"])
            files[f] = p
        return render.Rendered("fake", files, 0.0)

    monkeypatch.setattr(refresh, "quality_gate", lambda con, period: None)
    monkeypatch.setattr(refresh.prepare, "load", lambda con, period: None)
    monkeypatch.setattr(refresh.changes, "changes_for", lambda *a: None)
    monkeypatch.setattr(refresh.changes, "add_section", lambda ctx, found: None)
    monkeypatch.setattr(refresh.prepare, "build", lambda _, period, lang, wh: Ctx(period, lang))
    monkeypatch.setattr(refresh.render, "render", fake_render)
    target = tmp_path / "report" / "2018"
    with atomic_dir(target, seed=True) as tmp:
        refresh.refresh(None, "2018", ("html", "docx"), out_dir=tmp)
    (target / "README.txt").write_text("not a report file")
    assert sorted(p.name for p in target.iterdir()) == [
        "README.txt", "report-2018-en.docx", "report-2018-en.html", "report-2018-ru.docx", "report-2018-ru.html"]
    numbers["today"] = "37 assemblies"  # a card corrected
    with atomic_dir(target, seed=True) as tmp:
        refresh.refresh(None, "2018", ("html",), out_dir=tmp)
    assert sorted(p.name for p in target.iterdir()) == ["README.txt", "report-2018-en.html", "report-2018-ru.html"]
    assert {p.read_text() for p in target.glob("report-*")} == {"37 assemblies"}
