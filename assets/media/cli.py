"""Command line of the media part (exposed as `monitor extract ...` / `monitor media ...`).

    extract PATH_OR_URL [--published YYYY-MM-DD] [--all] [--learned off|override|rescue]
            [--learned-participants MODE] [--learned-detained MODE]   (off|override|rescue|veto)
        Candidates of one article (a file: .txt, .html, Telegram result.json, a VK or Facebook export of posts .json, an article .yaml as in
        tests/media/real/, a table of articles .csv/.tsv/.xlsx/.ods one a row; a folder of them; '-' for a text on standard input; or an http(s) URL, fetched
        politely) as JSON lines, one per event, with every field and its sentence.
        --all prints the triage verdict even for articles that report no assembly.
    fetch [--sources FILE] [--no-progress]      fetch the enabled sources into the archive (exit status 1 when a
                                                source or an item failed or was skipped: each named on stderr)
    articles                                    (re)build media_articles and media_candidates (exit status 1 when a
                                                response, source or file could not be read: each named on stderr)
    review export [PATH]                        write the review queue (default build/media/review_queue.xlsx)
    review import                               read <inbox>/reviews/*.xlsx (.ods), write accepted cards
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from assets.media import extract, parse, sources, triage
from core import plural


def _print(obj: dict) -> None:
    print(json.dumps(obj, ensure_ascii=False, default=str))


def _articles_of(target: str, published: dt.date | None) -> tuple[list, list[str]]:
    """The articles a target names, and the messages of the files that could not be read: an http(s) URL
    (fetched politely), '-' (a text on standard input: the headline on its first line), a file (.txt, .html,
    Telegram result.json, an article .yaml, a table of articles) or a folder of them (a file or a table's row that
    cannot be read is named and skipped; the others are read). Raises parse.ParseError when the target itself cannot be read."""
    if target.startswith(("http://", "https://")):
        from assets.media.fetch import Fetcher

        cfg = sources.load()
        with Fetcher(cfg.fetch) as f:
            res = f.get(target)
        if not res.ok:
            raise parse.ParseError(f"could not fetch {target}: {res.error or res.status}")
        return [parse.article_from_response({"url": target, "final_url": res.final_url, "headers": res.headers,
                                             "body": res.body, "source": "cli", "fetched_at": res.fetched_at})], []
    if target == "-":  # (session 47) its bytes, read as a file of their kind: a text, a page, a PDF, …
        return [parse.read_stdin(sys.stdin.buffer.read(), source="cli", published=published)], []
    path = Path(target)
    if not path.exists():
        raise parse.ParseError(f"no such file: {target}")
    if not path.is_dir():
        return parse.read_local_all(path, source="cli", published=published)  # a file holding none: ParseError
    arts, errors = parse.read_folder(path, source="cli", published=published)
    if not arts and not parse.holds_article_files(path):  # (the files of other kinds are named in `errors`)
        raise parse.ParseError("\n".join([*errors, f"{target}: a folder with no article file "
                                                     f"({', '.join(parse.ARTICLE_SUFFIXES)})"]))
    return arts, errors


def cmd_extract(args) -> int:
    try:
        published = dt.date.fromisoformat(args.published) if args.published else None
    except ValueError as exc:
        print(f"--published: {args.published!r} is not a date YYYY-MM-DD ({exc})", file=sys.stderr)
        return 2
    try:
        arts, errors = _articles_of(args.target, published)
    except parse.ParseError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    for msg in errors:
        print(msg, file=sys.stderr)
    cfg = sources.load()
    learned = args.learned or cfg.triage.learned
    counts = {"participants": args.learned_participants or cfg.extraction.learned_participants,
              "detained": args.learned_detained or cfg.extraction.learned_detained}
    syntax = args.syntax or cfg.extraction.syntax
    n = 0
    failed = []
    for a in arts:
        try:
            n += _extract_one(a, published, args, learned, counts, syntax, cfg)
        except Exception as exc:  # noqa: BLE001 - one article the rules cannot read must not stop the others
            failed.append(a.url)
            print(f"{a.url}: the extractor failed on this article ({type(exc).__name__}: {exc}); it is left out, the "
                  f"other articles are read", file=sys.stderr)
    if not arts:
        print("no article was read", file=sys.stderr)
    elif n == 0 and not failed:
        print("no assembly reported in this text" if len(arts) == 1 else
              f"no assembly reported in these {len(arts)} texts", file=sys.stderr)
    return 1 if errors or failed else 0


def _extract_one(a, published, args, learned: str, counts: dict, syntax: str, cfg) -> int:
    """Print the events of one article (and, with --all, the article itself when it has none); how many events."""
    n = 0
    pub = published or a.published
    tri = triage.classify(a.title, a.text, pub)
    if learned != "off":
        from assets.media import learned_triage

        tri = learned_triage.apply([(a.title, a.text)], [tri], learned, config=cfg.triage)[0]
    tri = triage.with_site(tri, a.url, a.title, a.text)  # (session 20) a foreign site's local report, last
    events = [ev.to_dict() for ev in extract.extract(a.title, a.text, published=pub, url=a.url, lang=a.lang,
                                                     triage_result=tri)]
    if any(m != "off" for m in counts.values()):
        from assets.media import learned_rerank

        events = learned_rerank.apply_events(a.title, a.text, pub, tri, events, counts)
    if syntax != "off":
        from assets.media import count_roles

        events = count_roles.apply_events(a.title, a.text, pub, tri, events, syntax)
    for d in events:
        d["triage"] = {"label": tri.label, "score": tri.score, "reasons": tri.reasons}
        _print(d)
        n += 1
    if not events and args.all:
        _print({"url": a.url, "title": a.title, "published": pub,
                "triage": {"label": tri.label, "score": tri.score, "reasons": tri.reasons}})
    return n


def _connect():
    from assets.core import warehouse
    from assets.media import archive

    cm = warehouse.connect()
    con = cm.__enter__()
    archive.ensure_tables(con)
    return cm, con


def cmd_fetch(args) -> int:
    from assets.media import pipeline

    cfg = sources.load(args.sources)
    if not [s for s in cfg.enabled() if s.uses_network]:
        print(f"no enabled web source in the sources file ({cfg.origin or sources.default_path()}): nothing fetched")
        return 0
    from assets.core import warehouse

    # the warehouse is opened for each write, never held while the network is used: a slow site does not keep
    # `monitor run` waiting for the lock
    stats = pipeline.fetch_sources(None, cfg, progress=not args.no_progress, session=warehouse.connect)
    print(json.dumps(stats.outcomes, ensure_ascii=False))
    for n in stats.notes:
        print("  note: " + n, file=sys.stderr)
    for e in stats.errors:
        print("  " + e, file=sys.stderr)
    if stats.errors:  # a source or an item failed or was skipped: exit status 1, as `monitor run` with quarantine
        print(f"{plural.en_count(len(stats.errors), 'problem')} (above); what could be fetched "
              "is archived", file=sys.stderr)
        return 1
    return 0


def cmd_articles(args) -> int:
    from assets.media import pipeline

    cfg = sources.load(args.sources)
    cm, con = _connect()
    try:
        df, problems = pipeline.build_articles(con, cfg)
        cands = pipeline.build_candidates(con, df, cfg.extraction.modes(), syntax=cfg.extraction.syntax)
    finally:
        cm.__exit__(None, None, None)
    print(f"{plural.en_count(df.height, 'article')}, {plural.en_count(cands.height, 'candidate')}")
    for p in problems:
        print("  " + p, file=sys.stderr)
    if problems:  # a response, a source or a file not read: exit status 1, as `media fetch` and `review import`
        print(f"{plural.en_count(len(problems), 'problem')} (above); what could be read was built", file=sys.stderr)
        return 1
    return 0


def cmd_review(args) -> int:
    from assets.media import pipeline

    cm, con = _connect()
    try:
        if args.action == "export":
            path, n = pipeline.export_queue(con, Path(args.path) if args.path else None)
            print(f"{plural.en_count(n, 'candidate')} to review in {path}")
        else:
            decisions = pipeline.import_decisions(con)
            done = [d for d in decisions if d.status == "done"]
            kept = len([d for d in done if d.kept_by_hand])
            print(f"{plural.en_count(len(done), 'decision')} imported, "
                  f"{plural.en_count(len([d for d in done if d.written]), 'card file')} written"
                  + (f", {plural.en_count(kept, 'card file')} kept as corrected by hand" if kept else ""))
            for d in decisions:
                if d.status == "note":  # a column the monitor added: its cells are not imported, and said so
                    print(f"  note: {d.message}", file=sys.stderr)
            failed = [d for d in decisions if d.status == "error"]
            for d in failed:
                where = _where(d)
                print(f"  {d.message}" if d.message.startswith(f"{where}") else f"  {where}: {d.message}", file=sys.stderr)
            if failed:  # a row, sheet or file not imported: exit status 1 (scripts and schedulers see it)
                print(f"{plural.en_count(len(failed), 'row, sheet or file', 'rows, sheets or files')} not imported (above)",
                      file=sys.stderr)
                return 1
    finally:
        cm.__exit__(None, None, None)
    return 0


def _where(d) -> str:
    """'r1.xlsx, sheet 'queue', row 3 (cand-1)', or the file (and sheet) alone for a file's problem."""
    out = d.review_file
    if getattr(d, "review_sheet", "") and d.review_row:
        out += f", sheet '{d.review_sheet}'"
    if d.review_row:
        out += f", row {d.review_row}"
        if not d.candidate_id.startswith("row:"):
            out += f" ({d.candidate_id})"
    return out


def build_parser(prog: str = "monitor") -> argparse.ArgumentParser:
    """The parser of `monitor extract` and `monitor media …` (tests/test_readme_commands.py reads it too)."""
    ap = argparse.ArgumentParser(prog=prog, description="media reports: extract, fetch, review")
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("extract", help="candidates of one article as JSON lines")
    e.add_argument("target", metavar="PATH_OR_URL", help="a file, a folder of files, '-' (standard input) or a URL")
    e.add_argument("--published", help="publication date YYYY-MM-DD (resolves 'вчера', 'в субботу')")
    e.add_argument("--all", action="store_true", help="also print the triage verdict of articles with no assembly")
    e.add_argument("--learned", choices=sources.LEARNED_MODES,
                   help="the learned triage step after the rules (default: triage.learned in config/sources.yaml, "
                        "shipped as override)")
    for fld in ("participants", "detained"):
        e.add_argument(f"--learned-{fld}", choices=sources.COUNT_MODES,
                       help=f"the learned re-ranker of the {fld} count after the rules (default: extraction.learned_{fld} "
                            "in config/sources.yaml, off)")
    e.add_argument("--syntax", choices=sources.SYNTAX_MODES,
                   help="the dependency parse's reading of the counts after the rules (count_roles.py; default: "
                        "extraction.syntax in config/sources.yaml, off)")
    e.set_defaults(fn=cmd_extract)
    f = sub.add_parser("fetch", help="fetch the enabled sources")
    f.add_argument("--sources", help="sources file (default config/sources.yaml)")
    f.add_argument("--no-progress", action="store_true")
    f.set_defaults(fn=cmd_fetch)
    a = sub.add_parser("articles", help="rebuild media_articles and media_candidates")
    a.add_argument("--sources", help="sources file (default config/sources.yaml)")
    a.set_defaults(fn=cmd_articles)
    r = sub.add_parser("review", help="export the review queue or import filled sheets")
    r.add_argument("action", choices=["export", "import"])
    r.add_argument("path", nargs="?")
    r.set_defaults(fn=cmd_review)
    return ap


def main(argv: list[str] | None = None, prog: str = "monitor") -> int:
    """`prog`: how usage lines name the command (`monitor extract`, `monitor media review`)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    ap = build_parser(prog)
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        return args.fn(args)
    except BrokenPipeError:  # output piped into `head`
        return 0
    except sources.SourcesError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
