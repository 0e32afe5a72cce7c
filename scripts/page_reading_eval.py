#!/usr/bin/env python
"""How well `parse.extract_html` reads REAL web pages: trafilatura's own evaluation set (about 990 saved pages of news
sites, blogs and shops in many languages, each annotated with passages the main text must hold and passages of page
furniture it must not), scored for the project's reading and for trafilatura's three modes side by side (session 44).

    .venv/bin/python scripts/page_reading_eval.py /path/to/trafilatura/tests     # a checkout of adbar/trafilatura
    .venv/bin/python scripts/page_reading_eval.py DIR --modes ours recall --limit 200 --jobs 2

The pages are not stored in this project (they are trafilatura's test data); give the `tests` folder of a checkout
(`evaldata.json`, `eval/`, `cache/`). Scores as trafilatura's evaluation counts them: a "with" passage found in the text
(whitespace normalised) is a true positive, one missing a false negative; a "without" passage found is a false
positive, one absent a true negative; precision TP / (TP + FP), recall TP / (TP + FN), F1. The project's reading is the
headline and the body `extract_html` returns (what triage and extraction read). Results: docs/media.md, "Real pages".
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MODES = ("ours", "recall", "default", "precision")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def read_page(path: Path) -> str:
    raw = path.read_bytes()
    from assets.media import parse

    text, _enc = parse.decode(raw, None, None)
    return text


def extract(mode: str, html: str, url: str) -> str:
    if mode == "ours":
        from assets.media import parse

        title, body, _pub = parse.extract_html(html, url)
        return f"{title}\n{body}"
    import trafilatura

    opts = {"recall": {"favor_recall": True}, "precision": {"favor_precision": True}, "default": {}}[mode]
    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True, **opts) or ""


def score_one(args: tuple[str, str, str, dict]) -> tuple[str, str, list[int], float]:
    mode, tests_dir, url, item = args
    for sub in ("cache", "eval"):
        path = Path(tests_dir) / sub / item["file"]
        if path.is_file():
            break
    else:
        return mode, url, [0, 0, 0, 0], 0.0
    html = read_page(path)
    t0 = time.process_time()
    try:
        out = norm(extract(mode, html, url))
    except Exception:  # noqa: BLE001 - a page that breaks a reader scores as an empty text
        out = ""
    cpu = time.process_time() - t0
    tp = sum(norm(w) in out for w in item["with"])
    fp = sum(norm(w) in out for w in item["without"])
    return mode, url, [tp, len(item["with"]) - tp, fp, len(item["without"]) - fp], cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tests_dir", type=Path, help="the tests folder of a checkout of adbar/trafilatura")
    ap.add_argument("--modes", nargs="+", default=list(MODES), choices=MODES)
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (by URL)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json", type=Path, help="write each page's counts here (to compare two readings page by page)")
    args = ap.parse_args(argv)
    data = json.loads((args.tests_dir / "evaldata.json").read_text(encoding="utf-8"))
    items = sorted(data.items())
    if args.limit:
        items = items[:args.limit]
    work = [(m, str(args.tests_dir), url, item) for m in args.modes for url, item in items]
    totals = {m: [0, 0, 0, 0] for m in args.modes}
    cpu = {m: 0.0 for m in args.modes}
    pages: dict[str, dict[str, list[int]]] = {m: {} for m in args.modes}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for mode, url, counts, secs in pool.map(score_one, work, chunksize=8):
            totals[mode] = [a + b for a, b in zip(totals[mode], counts)]
            cpu[mode] += secs
            pages[mode][url] = counts
    print(f"{len(items)} pages of trafilatura's evaluation set")
    print(f"{'reading':<10} {'TP':>5} {'FN':>5} {'FP':>5} {'TN':>5} {'precision':>9} {'recall':>7} {'F1':>6} {'CPU s':>7}")
    for m in args.modes:
        tp, fn, fp, tn = totals[m]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{m:<10} {tp:>5} {fn:>5} {fp:>5} {tn:>5} {p:>9.3f} {r:>7.3f} {f1:>6.3f} {cpu[m]:>7.1f}")
    if args.json:
        args.json.write_text(json.dumps(pages, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
