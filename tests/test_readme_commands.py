"""What README.md and docs/operations.md show works as shown, as far as it can be told without running anything:
every `monitor <subcommand> --option` written there is a subcommand and an option of the CLI's own parsers
(pipelines/cli.build_parser, assets/media/cli.build_parser), every `make <target>` a target of the Makefile, and
every repository path README.md names exists. A renamed option or a moved file fails here, not on a newcomer."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("README.md", "docs/operations.md")
# `monitor` as a command: at the start, after a space, a backtick, a slash (.venv/bin/monitor), "(" or ":";
# not "dbname=monitor" nor kubectl's namespace (lines of kubectl and helm are not read)
_MONITOR = re.compile(r"(?:(?<=^)|(?<=[\s`/(:]))monitor\s+(?:--debug\s+)?([a-z][a-z-]*)")
_MAKE = re.compile(r"(?:(?<=^)|(?<=[\s`(]))make\s+([a-z][\w-]*)")
_OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z-]*)")
_OTHER_TOOLS = ("kubectl", "helm", "ssh")


def code_of(text: str) -> list[str]:
    """The lines of the code blocks and the inline code spans, in order."""
    out, in_block = [], False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            in_block = not in_block
            continue
        if in_block:
            if not line.lstrip().startswith(_OTHER_TOOLS):
                out.append(line)
        else:
            out += re.findall(r"`([^`\n]+)`", line)
    return out


def monitor_commands(text: str) -> list[tuple[str, list[str], list[str]]]:
    """(subcommand, the words after it, its --options) of every `monitor …` shown; a command ends at a comment,
    `;`, `&&` or the next `monitor`."""
    found = []
    for code in code_of(text):
        hits = list(_MONITOR.finditer(code))
        for i, m in enumerate(hits):
            rest = code[m.end():hits[i + 1].start() if i + 1 < len(hits) else len(code)]
            rest = re.split(r"\s#|;|&&", rest)[0]
            found.append((m.group(1), rest.split(), _OPTION.findall(rest)))
    return found


def _subparsers(ap: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    return next(a for a in ap._actions if isinstance(a, argparse._SubParsersAction)).choices


def _options(ap: argparse.ArgumentParser) -> set[str]:
    return {s for a in ap._actions for s in a.option_strings}


def _choices(ap: argparse.ArgumentParser) -> list[str] | None:
    """The choices of the first positional argument, if it has any (ops: current-period | reap)."""
    pos = [a for a in ap._actions if not a.option_strings and not isinstance(a, argparse._SubParsersAction)]
    return list(pos[0].choices) if pos and pos[0].choices else None


def problems(text: str) -> list[str]:
    """What the text shows that the CLI does not have."""
    from assets.media.cli import build_parser as media_parser
    from pipelines.cli import build_parser

    top = _subparsers(build_parser())
    media = _subparsers(media_parser())
    bad = []
    for sub, words, opts in monitor_commands(text):
        shown = f"monitor {sub} {' '.join(words)}".strip()
        if sub not in top:
            bad.append(f"{shown}: no subcommand {sub!r}")
            continue
        parser = top[sub]
        if sub == "extract":
            parser = media["extract"]
        elif sub == "media":  # monitor media fetch | articles | review export|import: every word a media command
            names = [w for w in words if re.fullmatch(r"[a-z]+", w)]
            for w in names:
                if w not in media and w not in ("export", "import"):
                    bad.append(f"{shown}: no media subcommand {w!r}")
            if names and names[0] in media:
                parser = media[names[0]]
                words = words[1:]
        choices = _choices(parser)
        if choices and words and re.fullmatch(r"[a-z][a-z-]*", words[0]) and words[0] not in choices:
            bad.append(f"{shown}: {words[0]!r} is none of {choices}")
        known = _options(parser) | {"--debug", "--help"}
        bad += [f"{shown}: no option {o}" for o in opts if o not in known]
    targets = set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    for code in code_of(text):
        bad += [f"make {t}: no such target in the Makefile" for t in _MAKE.findall(code) if t not in targets]
    return bad


def repository_paths(text: str) -> set[str]:
    """The paths in code spans and link targets whose first part is a top-level folder or file of the
    repository (not build/ or inbox/, which runs make); cut at a placeholder (`<period>`, `{ru,en}`, `…`)."""
    top = {p.name for p in ROOT.iterdir() if not p.name.startswith(".") and p.name not in ("build", "inbox")}
    paths = set()
    for span in re.findall(r"`([^`\n]+)`", text) + re.findall(r"\]\(([^)#\s]+)", text):
        for tok in span.split():
            tok = re.split(r"[<{…\[]", tok.strip(".,;:()'\""))[0]
            if "/" in tok and re.fullmatch(r"[\w.*\-/]+", tok) and tok.split("/")[0] in top:
                paths.add(tok)
    return paths


def missing_paths(text: str) -> list[str]:
    def exists(p: str) -> bool:
        if "*" in p:
            return any(ROOT.glob(p))
        # assets/resources.sync_write_pool: a module's attribute
        return (ROOT / p).exists() or (ROOT / re.sub(r"\.\w+$", ".py", p)).exists()
    return sorted(p for p in repository_paths(text) if not exists(p))


@pytest.mark.parametrize("doc", DOCS)
def test_every_monitor_command_and_make_target_shown_exists(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    assert len(monitor_commands(text)) >= 10  # the reading finds the commands at all
    assert problems(text) == []


def test_every_repository_path_the_readme_names_exists():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(repository_paths(text)) > 100
    assert missing_paths(text) == []


def test_a_stale_option_subcommand_target_or_path_is_caught():
    """The checks above fail on what a stale README would show."""
    stale = ("Run `monitor report --period 2017 --as-off 2026-11-30`, then `monitor purge`, `monitor ops reboot`,\n"
             "`make deploy` and see `assets/report/nowhere.py`.\n"
             "```sh\n.venv/bin/monitor backfill --from 2014 --until 2016   # = make backfill\n"
             ".venv/bin/monitor media fetch | archive\n```\n")
    got = problems(stale)
    assert any("no option --as-off" in p for p in got)
    assert any("no subcommand 'purge'" in p for p in got)
    assert any("'reboot' is none of" in p for p in got)
    assert any("no option --until" in p for p in got)
    assert any("no media subcommand 'archive'" in p for p in got)
    assert any("make deploy" in p for p in got)
    assert missing_paths(stale) == ["assets/report/nowhere.py"]
    assert problems("`monitor report --period 2017 --as-of 2026-11-30` and `make backfill FROM=2014 TO=2016`") == []


def test_every_subcommand_is_in_the_readme_and_the_help_summary():
    """The other way round: each subcommand of the parser is shown in README.md and in `monitor --help`'s summary
    (the module's docstring); `gc` was missing from the summary."""
    from pipelines.cli import build_parser

    ap = build_parser()
    readme = {sub for sub, _, _ in monitor_commands((ROOT / "README.md").read_text(encoding="utf-8"))}
    summary = set(re.findall(r"^\s+monitor ([a-z][a-z-]*)", ap.description or "", re.M))
    subs = set(_subparsers(ap))
    assert subs - readme == set()
    assert subs - summary == set()
