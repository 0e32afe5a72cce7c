"""Triage of a part of tests/media/real/ with the learned step's switch: off (the rules), override, rescue.

    .venv/bin/python scripts/real_learned_triage.py --split fresh      # or holdout

Each article goes through what `monitor extract FILE --learned MODE` runs: `triage.classify` on its headline and
lead, then `learned_triage.apply` with the step's model (trained once, on `dev` + `measured` + the self-written
corpus, never on the part scored). Prints totals only: tp / fp / fn / tn, precision and recall per mode.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from assets.media import evaluate_real, learned_triage, triage  # noqa: E402
from assets.media.learned_eval import counts, precision_recall  # noqa: E402


def verdicts(split: str, modes=("off", "override", "rescue")) -> tuple[list[bool], dict[str, list[bool]]]:
    if split in ("dev", "measured", "all"):
        raise SystemExit(f"{split} is what the step is trained on: score fresh or holdout")
    items = evaluate_real.load(split=split)
    articles, rules, truth = [], [], []
    for _name, item in items:
        title, _, body = item["text"].strip().partition("\n")
        published = evaluate_real._date(item.get("published"))
        articles.append((title, body, published))
        rules.append(triage.classify(title, body, published))
        truth.append(bool(item["annotations"]["is_event"]))
    out = {mode: [v.is_assembly for v in learned_triage.apply(articles, rules, mode)] for mode in modes}
    return truth, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="fresh", choices=["fresh", "holdout"])
    args = ap.parse_args(argv)
    truth, out = verdicts(args.split)
    print(f"{args.split}: {len(truth)} articles ({sum(truth)} report an assembly)")
    for mode, pred in out.items():
        c = counts(pred, truth)
        p, r = precision_recall(c)
        print(f"  learned {mode:<9} precision {p:.2f} recall {r:.2f}  "
              f"(tp {c['tp']}, fp {c['fp']}, fn {c['fn']}, tn {c['tn']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
