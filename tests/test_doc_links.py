"""Every relative link of README.md and docs/*.md leads somewhere: to a file or folder of the repository and, where it
names an anchor, to a heading of that file (GitHub's anchors: lower case, punctuation dropped but `-` and `_`,
spaces as `-`, a repeated heading numbered `-1`, `-2`, …). A moved section or a renamed file fails here, not on a
reader who follows the link."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(([^)\s]+)\)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def anchor(heading: str) -> str:
    """GitHub's anchor of a heading's text."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link in a heading reads as its text
    text = text.lower().replace("`", "")
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors_of(path: Path) -> set[str]:
    found: set[str] = set()
    seen: dict[str, int] = {}
    in_code = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        m = None if in_code else _HEADING.match(line)
        if m:
            a = anchor(m.group(2))
            n = seen.get(a, 0)
            seen[a] = n + 1
            found.add(a if n == 0 else f"{a}-{n}")
    return found


def links_of(path: Path) -> list[tuple[int, str]]:
    out, in_code = [], False
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if not in_code:
            out += [(no, m.group(1)) for m in _LINK.finditer(re.sub(r"`[^`]*`", "", line))]
    return out


def broken(path: Path) -> list[str]:
    bad = []
    for no, target in links_of(path):
        if re.match(r"[a-z][a-z+.-]*:", target):  # https:, mailto:, file:
            continue
        file_part, _, frag = target.partition("#")
        dest = (path.parent / file_part).resolve() if file_part else path
        if not dest.exists():
            bad.append(f"{path.relative_to(ROOT)}:{no}: {target} (no such file)")
        elif frag and dest.suffix == ".md" and frag not in anchors_of(dest):
            bad.append(f"{path.relative_to(ROOT)}:{no}: {target} (no such heading in {dest.name})")
    return bad


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_every_relative_link_resolves(path):
    assert broken(path) == []


def test_the_checker_sees_a_broken_link_and_a_missing_heading(tmp_path):
    (tmp_path / "other.md").write_text("# A `code` title: here\n\n## Twice\n\n## Twice\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("[ok](other.md#a-code-title-here) [ok2](other.md#twice-1) [gone](missing.md) "
                    "[nohead](other.md#nowhere) [web](https://example.org/x#y)\n```\n[in code](nowhere.md)\n```\n",
                    encoding="utf-8")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert broken(page) == ["page.md:1: missing.md (no such file)", "page.md:1: other.md#nowhere (no such heading in other.md)"]
    finally:
        ROOT = saved
