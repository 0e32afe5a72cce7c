"""Every learned step's mode scored on one part of tests/media/real/, totals only (issue 16, round 18).

    python -m assets.media.learned_score --split fresh     # or holdout; dev and measured are in-sample, and so is
                                                           # fresh for the triage step since round 19
    python -m assets.media.learned_score --closed          # every closed part pooled, end to end as shipped
    python -m assets.media.learned_score --closed --thresholds 0.2 0.5 --thresholds 0.2 0.3   # at those overrides

For the lead's choice between the rules and the learned steps on a part nobody wrote rules on: one line per
setting — the rules alone, each triage mode (`triage: learned:`), each mode of the counts' re-ranker
(`extraction: learned_participants / learned_detained:`) — with evaluate_real's scores, and nothing about single
articles (no headline, no miss), so the part can be scored without being read. The split's name is passed
unchanged to `evaluate_real.load`: whatever part that loader knows can be scored.

The learned steps are trained on `dev` + `measured` (as the pipeline trains them); scored on those parts they are
scored on what they were trained on, which the first line says. A triage mode changes only the verdict (the
fields are scored on every article that reports an assembly, extraction forced, as evaluate_real does); a counts
mode changes only its field, on articles of one event. The last line is the shipped configuration end to end, as
`monitor extract` gives it: an assembly its triage misses has no event, so every field of it is wrong.

`--closed` (session 42) scores the closed parts (`sources.CLOSED_PARTS`; the holdout's half B since session 50) that way, pooled and totals only, once per
`--thresholds LOW HIGH` of the triage step (default: the shipped): each line also gives precision and F1 weighed to
the issue's test mix of 22 assemblies to 10 non-events (`learned_backtest.Totals.at_mix`). The README's rows of the
closed parts come from it.
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from assets.media import evaluate_real
from assets.media.sources import TRAINING_UNTIL_S35 as _S35  # the step's training parts until session 35
# (name, triage mode, triage model, participants mode, detained mode[, the triage step's other settings]); "lite":
# hashed n-grams + the rules' signals without their verdict (learned_triage.LITE_NAMES), `triage: features: lite`
SETTINGS = (
    ("rules alone", "off", None, "off", "off"),
    ("triage override (hashed n-grams)", "override", "hash", "off", "off"),
    ("triage rescue (hashed n-grams)", "rescue", "hash", "off", "off"),
    ("triage override (n-grams + signals)", "override", "lite", "off", "off"),
    ("triage rescue (n-grams + signals)", "rescue", "lite", "off", "off"),
    # round 21's candidates (learned_parts, leave-one-part-out over dev / measured / fresh / wide; docs/media-accuracy.md
    # "Round 21"): a 6th item holds the step's other settings, as `triage:` in config/sources.yaml takes them (trained
    # as then: on dev, measured, fresh [+ wide], equal class weights)
    ("r21 A: override 0.1/0.85, + wide", "override", "hash", "off", "off",
     {"thresholds": (0.1, 0.85), "training": (*_S35, "wide"), "class_weights": "none"}),
    ("r21 B: override 0.1/0.85", "override", "hash", "off", "off",
     {"thresholds": (0.1, 0.85), "training": _S35, "class_weights": "none"}),
    ("r21 C: rescue 0.85", "rescue", "hash", "off", "off",
     {"thresholds": (0.0, 0.85), "training": _S35, "class_weights": "none"}),
    ("r21 D: override 0.1/0.8, + wide", "override", "hash", "off", "off",
     {"thresholds": (0.1, 0.8), "training": (*_S35, "wide"), "class_weights": "none"}),
    # the step as it shipped until session 35 (the first two rows are today's: every opened part, balanced, 0.3/0.65)
    ("s35: override 0.2/0.8, dev+measured+fresh", "override", "hash", "off", "off",
     {"thresholds": (0.2, 0.8), "training": _S35, "class_weights": "none"}),
    ("participants override", "off", None, "override", "off"),
    ("participants rescue", "off", None, "rescue", "off"),
    ("participants veto", "off", None, "veto", "off"),
    ("detained override", "off", None, "off", "override"),
    ("detained rescue", "off", None, "off", "rescue"),
    ("detained veto", "off", None, "off", "veto"),
)


def runner(items: list[tuple[str, dict]], triage_mode: str, features: str | None, counts: dict[str, str],
           base: dict[str, tuple], step: dict | None = None) -> Callable[[dict], tuple]:
    """evaluate_real.run_one with the learned steps of one setting (the rules' results cached in `base`); `step`:
    the triage step's other settings (`thresholds`, `training`, `class_weights`, as `triage:` in sources.yaml)."""
    from assets.media import learned_rerank, learned_triage, sources, triage

    said: dict[str, bool] = {}
    if triage_mode != "off":
        keys = [item["url"] for _, item in items]
        arts = [evaluate_real.article(item)[:2] for _, item in items]
        config = sources.TriageSettings(learned=triage_mode, features=features or "hash", **(step or {}))
        verdicts = learned_triage.apply(arts, [base[k][2] for k in keys], triage_mode, config=config)
        verdicts = [triage.with_site(v, k, *a) for v, k, a in zip(verdicts, keys, arts)]  # (session 20) last, as shipped
        said = {k: v.is_assembly for k, v in zip(keys, verdicts)}

    def run(item: dict) -> tuple:
        rule_said, events, tri = base[item["url"]]
        if counts and any(m != "off" for m in counts.values()) and len(events) == 1:
            d = learned_rerank.apply_events(*evaluate_real.article(item), tri, [events[0].to_dict()], counts)[0]
            events = [dataclasses.replace(events[0], participants_low=d["participants_low"],
                                          participants=d["participants"], participants_high=d["participants_high"],
                                          detained=d["detained"])]
        return said.get(item["url"], rule_said), events, tri

    return run


def line(name: str, res: evaluate_real.Result) -> str:
    sc = "  ".join(f"{k} {res.ok[k]}/{res.total[k]}" for k in ("date", "city", "form", "participants",
                                                                "participants_none_invented", "detained",
                                                                "detained_none_invented"))
    return (f"{name:<38} triage P {res.precision:.2f} R {res.recall:.2f} (tp {res.tp}, fp {res.fp}, fn {res.fn}, "
            f"tn {res.tn})  {sc}")


def score(split: str, directory=evaluate_real.DEFAULT_DIR, settings=SETTINGS, out=print,
          end_to_end: bool = True) -> dict[str, evaluate_real.Result]:
    """One line per setting (fields scored on the forced extraction), then the shipped configuration end to end:
    as `monitor extract` runs it, an article its triage drops has no event (every field of a missed assembly
    is wrong)."""
    items, base = _load(directory, split)
    from assets.media.learned_triage import TRAIN_SPLITS

    trained_on = " (the learned steps were TRAINED on this part: in-sample, not a measure)" \
        if split in ("dev", "measured", "all") else ""
    if split in TRAIN_SPLITS and not trained_on:  # (fresh, since round 19: the triage models train on it)
        trained_on = " (the learned TRIAGE step was TRAINED on this part: its triage lines are in-sample, not a measure)"
    if split == "wide":  # (round 21: the "+ wide" candidates)
        trained_on = " (the rows \"+ wide\" were TRAINED on this part: in-sample, not a measure)"
    n_event = sum(bool(item["annotations"]["is_event"]) for _, item in items)
    out(f"split {split}: {len(items)} articles ({n_event} report an assembly){trained_on}")
    results = {}
    for name, tmode, tmodel, pmode, dmode, *step in settings:
        run = runner(items, tmode, tmodel, {"participants": pmode, "detained": dmode}, base, *step)
        res = evaluate_real.evaluate(directory, split, run=run)
        results[name] = res
        out(line(name, res))
    if end_to_end:
        from assets.media import sources

        run = shipped_runner(items, base, sources.load())
        name = "shipped, end to end (monitor extract)"
        results[name] = evaluate_real.evaluate(directory, split, run=run, end_to_end=True)
        out(line(name, results[name]))
    return results


def _load(directory, split: str) -> tuple[list[tuple[str, dict]], dict[str, tuple]]:
    """The part's articles and the rules' results on each (evaluate_real.run_one, extraction forced)."""
    items = evaluate_real.load(directory, split)
    if not items:
        raise ValueError(f"split {split!r}: no article (does evaluate_real.load know this part on this branch?)")
    return items, {item["url"]: evaluate_real.run_one(item) for _, item in items}


def shipped_runner(items: list[tuple[str, dict]], base: dict[str, tuple], cfg,
                   thresholds: tuple[float, float] | None = None) -> Callable[[dict], tuple]:
    """`runner` with the configuration `cfg` ships (sources.load()): its triage step and counts' modes, the step's
    override `thresholds` replaced when given."""
    step = {"thresholds": thresholds if thresholds is not None else cfg.triage.thresholds,
            "training": cfg.triage.training, "class_weights": cfg.triage.class_weights}
    return runner(items, cfg.triage.learned, cfg.triage.features, cfg.extraction.modes(), base, step)


def closed_parts(parts: Sequence[str] | None = None, thresholds: Sequence[tuple[float, float] | None] = (None,),
                 directory=evaluate_real.DEFAULT_DIR) -> dict[tuple[float, float] | None, dict[str, evaluate_real.Result]]:
    """Each closed part (default `sources.CLOSED_PARTS`) end to end with the shipped configuration, once per override
    `thresholds` of the triage step (None: the shipped): {thresholds: {part: its scores}}; totals only
    (`assets.media.expect --check-closed` reads them part by part, `closed` pools them)."""
    from assets.media import sources

    cfg = sources.load()
    per: dict[tuple[float, float] | None, dict[str, evaluate_real.Result]] = {t: {} for t in thresholds}
    for part in list(parts or sources.CLOSED_PARTS):
        items, base = _load(directory, part)
        for t in thresholds:
            per[t][part] = evaluate_real.evaluate(directory, part, run=shipped_runner(items, base, cfg, t), end_to_end=True)
    return per


def closed(parts: Sequence[str] | None = None, thresholds: Sequence[tuple[float, float] | None] = (None,),
           directory=evaluate_real.DEFAULT_DIR, out=print) -> dict[tuple[float, float] | None, evaluate_real.Result]:
    """The closed parts (default `sources.CLOSED_PARTS`) pooled, end to end with the shipped configuration, once per
    override `thresholds` of the triage step (None: the shipped); totals only."""
    from assets.media import sources
    from assets.media.blind_fields import pooled
    from assets.media.learned_backtest import Totals

    parts = list(parts or sources.CLOSED_PARTS)
    per = closed_parts(parts, thresholds, directory)
    results = {t: pooled(list(rs.values())) for t, rs in per.items()}
    out(f"closed parts pooled, end to end, totals only: {', '.join(parts)}")
    for t, res in results.items():
        totals = Totals(tp=res.tp, fp=res.fp, fn=res.fn, tn=res.tn)
        p, _, f1 = totals.at_mix(22, 10) if res.tp + res.fn and res.fp + res.tn else (0.0, 0.0, 0.0)
        name = "shipped" if t is None else f"override {t[0]} / {t[1]}"
        out(f"{line(name, res)}  F1 {totals.f1:.3f}; at 22:10 P {p:.3f} F1 {f1:.3f}")
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--split", help="a part evaluate_real.load knows: fresh, holdout, dev, measured, all")
    what.add_argument("--closed", action="store_true", help="every closed part pooled, end to end (totals only)")
    ap.add_argument("--thresholds", nargs=2, type=float, action="append", metavar=("LOW", "HIGH"),
                    help="with --closed: the triage step's override thresholds (repeatable; default the shipped)")
    ap.add_argument("--dir", default=str(evaluate_real.DEFAULT_DIR))
    args = ap.parse_args(argv)
    if args.thresholds and not args.closed:
        ap.error("--thresholds goes with --closed")
    for low, high in args.thresholds or []:
        if not 0.0 <= low <= high <= 1.0:
            ap.error(f"--thresholds {low} {high}: need 0 <= LOW <= HIGH <= 1")
    try:
        if args.closed:
            closed(thresholds=[tuple(t) for t in args.thresholds] if args.thresholds else [None],
                   directory=Path(args.dir))
        else:
            score(args.split, Path(args.dir))
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
