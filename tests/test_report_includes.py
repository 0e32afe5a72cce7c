"""The pandoc path's `include` reads only the report's staged sources (assets/report/render.py
`resolve_shortcodes`): a narrative file holding `{{< include /etc/passwd >}}` printed that file into the published
report (a red-team probe, 2026-12-02)."""
from __future__ import annotations

import pytest

from assets.report import render


def _staged(tmp_path):
    root = tmp_path / "staged"
    (root / "_text").mkdir(parents=True)
    (root / "_generated").mkdir()
    (root / "_generated" / "t1.md").write_text("| a |\n|---|\n| 1 |\n", encoding="utf-8")
    (root / "_text" / "intro.md").write_text("Всего {{< var n >}} акций.\n\n{{< include ../_generated/t1.md >}}\n",
                                             encoding="utf-8")
    (tmp_path / "secret.txt").write_text("root:x:0:0", encoding="utf-8")
    return root


def test_an_include_inside_the_sources_is_read_nested(tmp_path):
    root = _staged(tmp_path)
    out = render.resolve_shortcodes("{{< include _text/intro.md >}}", root, {"n": 7})
    assert out.strip() == "Всего 7 акций.\n\n| a |\n|---|\n| 1 |"


@pytest.mark.parametrize("target", ["/etc/passwd", "{secret}", "../../secret.txt", "../_generated/../../secret.txt"])
def test_an_include_outside_the_sources_is_refused(tmp_path, target):
    root = _staged(tmp_path)
    target = target.format(secret=tmp_path / "secret.txt")
    (root / "_text" / "own.md").write_text(f"Текст.\n\n{{{{< include {target} >}}}}\n", encoding="utf-8")
    with pytest.raises(render.ReportSourceError, match=r"^_text/own\.md, line 3: report include outside the report's sources"):
        render.resolve_shortcodes("{{< include _text/own.md >}}", root, {})


def test_a_bad_shortcode_is_named_with_its_file_and_line(tmp_path):
    """"report: KeyError: \"report variable 'x' is not in the warehouse's variables\"" named neither the narrative
    file nor its line (a red-team probe)."""
    root = _staged(tmp_path)
    (root / "_text" / "own.md").write_text("Первая строка.\n\nВсего {{< var no_such >}} акций.\n", encoding="utf-8")
    with pytest.raises(render.ReportSourceError, match=r"^_text/own\.md, line 3: report variable 'no_such' is not in"):
        render.resolve_shortcodes("Начало.\n{{< include _text/own.md >}}", root, {"n": 1})
    (root / "_text" / "own.md").write_text("\n{{< include ../_generated/t9.md >}}\n", encoding="utf-8")
    with pytest.raises(render.ReportSourceError, match=r"^_text/own\.md, line 2: report include not found: "):
        render.resolve_shortcodes("{{< include _text/own.md >}}", root, {})
    with pytest.raises(render.ReportSourceError, match=r"^the report's document, line 2: report variable 'm'"):
        render.resolve_shortcodes("x\n{{< var m >}}", root, {"n": 1})
