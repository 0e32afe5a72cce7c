"""What a new set of real articles of a given size should read, and how far it may stray (issue 16, session 44).

    python -m assets.media.expect                              # a set of issue 16's size: 22 assemblies, 10 non-events
    python -m assets.media.expect --assemblies 100 --non-events 50 --level 0.8
    python -m assets.media.expect --check-closed                # and each closed part against its own size's range

The README's figures of what to expect are pooled over the 20 blind parts (`blind_fields --shipped`: each part's
verdicts and fields as the rules of its day gave them, the learned step as shipped). A new set is one more part, and a
small one: issue 16's hidden set is about 32 articles, so its date is scored on some six articles and its detentions on
two. Its figures will differ from the pooled ones by more than rounding, for two reasons this module counts:

- **sampling**: a set of m scored articles reads k of m, a step of 1/m;
- **the parts differ more than sampling explains** (one part's subjects, sites or annotators read harder than another's):
  the parts' own figures spread wider than a binomial's. The spread is measured per figure by the method of moments of
  a beta-binomial over the 20 parts (`overdispersion`: the intra-part correlation rho, 0 when the parts agree as well
  as sampling allows).

For each figure a new set's reading is drawn from that beta-binomial (mean the pooled rate; rho the parts' own), and
the table gives the central range that holds `level` of such sets, and the chance the set reaches issue 16's target.
`--check-closed` scores each closed part as shipped (totals only) against the range for its own size: a model that is
right holds about `level` of those figures (session 44: 86 of 95; prospectively on `fresh28`, 8 of 9).
Triage precision at a mix is a ratio of two such draws, the assemblies found (recall) and the non-events taken (their
false-positive rate), enumerated exactly. Each field is scored, end to end, on the share of assemblies that state it
in the pooled parts (a date on 27 % of them, a number of detained on 8 %): the set's size for it is that share of its
assemblies, rounded, at least 1.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from scipy.stats import betabinom

# issue 16's targets, for the chance a set reaches them
TARGETS = {"precision": 0.95, "recall": 0.90, "date": 0.90, "city": 0.90, "form": 0.90, "participants": 0.85,
           "detained": 0.85}
FIELDS = ("date", "city", "form", "participants", "participants_none_invented", "detained", "detained_none_invented")


@dataclass(frozen=True)
class Spread:
    """A figure over parts: its pooled rate `p`, the parts' intra-part correlation `rho`, and the beta's concentration
    (alpha + beta) a new part's rate is drawn with."""
    p: float
    rho: float
    concentration: float
    k: int
    n: int

    @property
    def alpha(self) -> float:
        return self.p * self.concentration

    @property
    def beta(self) -> float:
        return (1 - self.p) * self.concentration


def overdispersion(ks: Sequence[int], ns: Sequence[int]) -> Spread:
    """The pooled rate and the beta-binomial's rho of per-part counts (k of n each; parts with n = 0 are left out), by
    the method of moments: the parts' weighted squared deviations S = sum n_i (k_i/n_i - p)^2 have the expectation
    p (1 - p) [(I - 1) + rho (N - I - sum n_i^2 / N + 1)] under a beta-binomial, solved for rho, kept in [0, 1).
    A rate drawn for a new part has the concentration (1 - rho) / rho, but never more than N + 1 (with rho 0 the
    pooled rate's own uncertainty, as a beta posterior of k of N would have)."""
    pairs = [(k, n) for k, n in zip(ks, ns) if n > 0]
    if not pairs:
        raise ValueError("no part has anything scored")
    if any(k < 0 or k > n for k, n in pairs):
        raise ValueError("each part's count must be between 0 and its total")
    big_n = sum(n for _, n in pairs)
    k_all = sum(k for k, _ in pairs)
    p = k_all / big_n
    parts = len(pairs)
    rho = 0.0
    denom = big_n - parts - sum(n * n for _, n in pairs) / big_n + 1
    if 0 < p < 1 and parts > 1 and denom > 0:
        s = sum(n * (k / n - p) ** 2 for k, n in pairs)
        rho = min(max((s / (p * (1 - p)) - (parts - 1)) / denom, 0.0), 0.999)
    concentration = big_n + 1 if rho <= 0 else min((1 - rho) / rho, big_n + 1)
    # (a rate of 0 or 1 keeps a sliver of doubt: the beta needs both parameters above 0)
    p_kept = min(max(p, 0.5 / (big_n + 1)), 1 - 0.5 / (big_n + 1))
    return Spread(p_kept, rho, concentration, k_all, big_n)


def distribution(spread: Spread, m: int) -> list[float]:
    """P(X = x) for x = 0 … m: how many of m a new set gets right."""
    return [float(v) for v in betabinom.pmf(range(m + 1), m, spread.alpha, spread.beta)]


def central(values: Sequence[float], probs: Sequence[float], level: float) -> tuple[float, float]:
    """The central range of a discrete distribution that holds at least `level` (each tail at most (1 - level) / 2)."""
    order = sorted(zip(values, probs))
    tail = (1 - level) / 2
    acc, low = 0.0, order[0][0]
    for v, q in order:
        acc += q
        if acc > tail + 1e-12:
            low = v
            break
    acc, high = 0.0, order[-1][0]
    for v, q in reversed(order):
        acc += q
        if acc > tail + 1e-12:
            high = v
            break
    return low, high


@dataclass(frozen=True)
class Expectation:
    name: str
    scored: int  # articles it is scored on in the set
    mean: float
    low: float
    high: float
    reach: float | None  # the chance the set reaches the target


def rate(name: str, spread: Spread, m: int, level: float) -> Expectation:
    probs = distribution(spread, m)
    values = [x / m for x in range(m + 1)]
    low, high = central(values, probs, level)
    target = TARGETS.get(name)
    reach = None if target is None else sum(q for v, q in zip(values, probs) if v >= target - 1e-12)
    return Expectation(name, m, sum(v * q for v, q in zip(values, probs)), low, high, reach)


def precision(found: Spread, taken: Spread, assemblies: int, non_events: int, level: float) -> Expectation:
    """Triage precision of a set of `assemblies` and `non_events`: TP of the assemblies found (recall's spread) over TP
    and FP, the non-events taken (the false-positive rate's spread); a set where nothing is taken counts as precise."""
    tp, fp = distribution(found, assemblies), distribution(taken, non_events)
    values, probs = [], []
    for a, pa in enumerate(tp):
        for b, pb in enumerate(fp):
            values.append(a / (a + b) if a + b else 1.0)
            probs.append(pa * pb)
    low, high = central(values, probs, level)
    reach = sum(q for v, q in zip(values, probs) if v >= TARGETS["precision"] - 1e-12)
    return Expectation("precision", assemblies + non_events, sum(v * q for v, q in zip(values, probs)), low, high, reach)


def fit(per_part: dict) -> dict[str, Spread]:
    """Every figure's spread over parts, from per-part counts ({part: {"tp", "fp", "fn", "tn", "ok": {field: k},
    "total": {field: n}}}, as `counts_of` makes them): "recall" (the assemblies found), "taken" (the non-events taken,
    which with recall makes precision) and each of FIELDS."""
    parts = list(per_part.values())
    out = {"recall": overdispersion([r["tp"] for r in parts], [r["tp"] + r["fn"] for r in parts]),
           "taken": overdispersion([r["fp"] for r in parts], [r["fp"] + r["tn"] for r in parts])}
    out.update({f: overdispersion([r["ok"][f] for r in parts], [r["total"][f] for r in parts]) for f in FIELDS})
    return out


def counts_of(r) -> dict:
    """One part's counts (an `evaluate_real.Result`) as `fit` reads them."""
    return {"tp": r.tp, "fp": r.fp, "fn": r.fn, "tn": r.tn, "ok": dict(r.ok), "total": dict(r.total)}


def expect(per_part: dict, assemblies: int = 22, non_events: int = 10, level: float = 0.9) -> list[Expectation]:
    """Every figure of a set of that size, from per-part counts (`fit`; the 20 blind parts as shipped: `blind_counts`)."""
    spreads = fit(per_part)
    found = spreads["recall"]
    out = [precision(found, spreads["taken"], assemblies, non_events, level), rate("recall", found, assemblies, level)]
    for f in FIELDS:
        # scored on the share of the assemblies it was scored on in the parts (a date on those that state one, "none
        # invented" on those that state no count)
        out.append(rate(f, spreads[f], max(1, round(assemblies * spreads[f].n / found.n)), level))
    return out


def blind_counts() -> dict:
    """The 20 blind parts' counts as shipped (blind_fields.measure with the shipped step; about 40 s)."""
    from assets.media import blind_fields
    from assets.media.learned_backtest import SHIPPED

    return {p: counts_of(r) for p, r in blind_fields.measure(step=SHIPPED).items()}


def closed_counts() -> dict:
    """Each closed part's counts as shipped, end to end (learned_score's runner; totals only; a few minutes)."""
    from assets.media import learned_score

    return {part: counts_of(r) for part, r in learned_score.closed_parts()[None].items()}


def calibration(model: dict, sets: dict, level: float = 0.9) -> dict[str, tuple[int, int]]:
    """How often each figure of each set in `sets` (per-part counts, as `model`'s) falls inside the range `model`
    predicts for a set of its own size: {figure: (inside, sets scored)}. A model that is right holds about `level`."""
    spreads = fit(model)
    found, taken = spreads["recall"], spreads["taken"]
    out: dict[str, list[int]] = {}

    def tally(name: str, e: Expectation, seen: float) -> None:
        hit = out.setdefault(name, [0, 0])
        hit[0] += e.low - 1e-9 <= seen <= e.high + 1e-9
        hit[1] += 1

    for r in sets.values():
        a, ne = r["tp"] + r["fn"], r["fp"] + r["tn"]
        if a and r["tp"] + r["fp"]:
            tally("precision", precision(found, taken, a, ne, level), r["tp"] / (r["tp"] + r["fp"]))
        if a:
            tally("recall", rate("recall", found, a, level), r["tp"] / a)
        for f in FIELDS:
            if r["total"][f]:
                tally(f, rate(f, spreads[f], r["total"][f], level), r["ok"][f] / r["total"][f])
    return {k: (v[0], v[1]) for k, v in out.items()}


def format_table(rows: Sequence[Expectation], spreads: dict[str, float], assemblies: int, non_events: int,
                 level: float) -> str:
    lines = [f"a set of {assemblies} assemblies and {non_events} non-events, as the 20 blind parts read as shipped; "
             f"{level:.0%} of such sets read inside the range",
             f"{'figure':<27} {'scored on':>9} {'expected':>8} {'range':>11} {'rho':>6} {'reaches the target':>19}"]
    for e in rows:
        reach = "" if e.reach is None else f"{e.reach:.0%} (>= {TARGETS[e.name]:.2f})"
        rho = spreads.get(e.name)
        rho_cell = f"{rho:>6.3f}" if rho is not None else f"{'—':>6}"
        lines.append(f"{e.name:<27} {e.scored:>9} {e.mean:>8.2f} {e.low:>5.2f}–{e.high:<5.2f} {rho_cell} {reach:>19}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--assemblies", type=int, default=22)
    ap.add_argument("--non-events", type=int, default=10)
    ap.add_argument("--level", type=float, default=0.9)
    ap.add_argument("--check-closed", action="store_true",
                    help="also: how often each closed part's figures (as shipped, totals only) fall inside the range "
                         "predicted for a set of its size (a few minutes more)")
    args = ap.parse_args(argv)
    if args.assemblies < 1 or args.non_events < 0 or not 0 < args.level < 1:
        ap.error("--assemblies must be at least 1, --non-events at least 0, --level between 0 and 1")
    counts = blind_counts()
    spreads = fit(counts)
    rows = expect(counts, args.assemblies, args.non_events, args.level)
    # (precision's spread is two figures': the assemblies found, recall's; the non-events taken, printed below)
    print(format_table(rows, {k: s.rho for k, s in spreads.items() if k != "taken"}, args.assemblies, args.non_events,
                       args.level))
    taken = spreads["taken"]
    print(f"(precision is drawn from recall's spread and the non-events taken: {taken.p:.2f} of them, rho {taken.rho:.3f})")
    if args.check_closed:
        cal = calibration(counts, closed_counts(), args.level)
        inside, scored = sum(v[0] for v in cal.values()), sum(v[1] for v in cal.values())
        print(f"the closed parts, each against the range for its own size: {inside} of {scored} figures inside "
              f"({inside / scored:.0%}; a right model holds about {args.level:.0%})")
        print("  " + "; ".join(f"{k} {v[0]}/{v[1]}" for k, v in cal.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
