"""The rules' verdicts on each open part of tests/media/real/ as they were BEFORE anyone read the part (issue 16).

    python scripts/blind_verdicts.py                 # every part of PARTS -> tests/media/real/blind_verdicts.json
    python scripts/blind_verdicts.py fresh9 fresh10  # only these parts (the others kept from the file)

Each later part was collected blind and scored on the rules of the commit before the one that added it; then it was
opened and the rules were fitted to it. Today's rules on an opened part are in-sample, so a learned step measured
there is measured where the rules hardly err. This script takes each part's rules back to that commit (`git archive`
of the parent of the commit that added the part's folder, into a scratch folder), runs that commit's triage —
`triage.classify`, then `triage.with_site` where the commit had it — on today's files of the part, and writes, for
every article, what those rules said (assembly or not) and whether their quick pass let it through (the learned step
reads only those). `assets/media/learned_backtest.py` trains the step on the other parts and scores it on these
verdicts: the rules' errors on unseen text, with ~15 times the articles of one blind part. Beside them (session 34) it
writes tests/media/real/blind_fields.json: the fields of that commit's extraction, forced on every article (date,
city, form, participants low / best / high, detained), which `assets/media/blind_fields.py` scores with today's scorer
(an article whose extraction crashed on that commit, as one of `fresh7`'s did, has no event).

Beside them (session 42) it writes tests/media/real/blind_reasons.json: the reasons that commit's triage gave, each
without the sentence it quotes (`reason_stacker.kind`: "sentence 3: gathering", "the event is abroad (...)"), which
`assets/media/reason_stacker.py` reads.

Needs the repository's history (a clone, not an archive) and about a minute and a half. The files it writes hold
verdicts, fields and the kinds of reasons only: no label, no text, no headline. The closed parts (`sources.NEVER_TRAIN`) are never run: their
totals are scored with today's rules by `learned_score`, at a merge.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from assets.media.blind_fields import FIELDS_FILE as FIELDS  # noqa: E402
from assets.media.learned_backtest import BLIND_FILE as OUT, OPENED as PARTS  # noqa: E402
from assets.media.learned_backtest import REASONS_FILE as REASONS  # noqa: E402
from assets.media.reason_stacker import kind  # noqa: E402

# run inside the snapshot (its code first on the import path): the part's articles read from today's checkout
_RUN = r"""
import datetime as dt, json, sys
from pathlib import Path
import yaml
from assets.media import extract, triage
folder, out = Path(sys.argv[1]), sys.argv[2]
res, fields, reasons = {}, {}, {}
for p in sorted(folder.glob("*.yaml")):
    item = yaml.safe_load(p.read_text(encoding="utf-8"))
    title, _, body = item["text"].strip().partition("\n")
    try:  # the commit's own split of headline and lead, where it had one
        from assets.media import parse
        title, body = parse.headline_and_lead(item["text"])
    except (ImportError, AttributeError):
        pass
    pub = item.get("published")
    pub = pub if pub is None or isinstance(pub, dt.date) else dt.date.fromisoformat(str(pub))
    tri = triage.classify(title, body, pub)
    if hasattr(triage, "with_site"):
        tri = triage.with_site(tri, item["url"], title, body)
    res[item["url"]] = [bool(tri.is_assembly), bool(tri.passed_quick)]
    reasons[item["url"]] = [str(r) for r in getattr(tri, "reasons", [])]
    # the commit's extraction, forced as evaluate_real forces it (its fields are scored with today's scorer)
    try:
        evs = extract.extract(title, body, published=pub, url=item["url"], triage_result=tri, force=True)
    except Exception as exc:  # some commits' rules crashed on a real text (fresh7, session 23): no event from it
        print(f"{p.name}: the extraction failed ({type(exc).__name__}): no event", file=sys.stderr)
        evs = []
    ev = evs[0] if evs else None
    fields[item["url"]] = None if ev is None else [
        ev.date.isoformat() if ev.date else None, ev.city, ev.form, ev.participants_low, ev.participants,
        ev.participants_high, ev.detained]
Path(out).write_text(json.dumps(res, ensure_ascii=False, sort_keys=True))
Path(out + ".fields").write_text(json.dumps(fields, ensure_ascii=False, sort_keys=True))
Path(out + ".reasons").write_text(json.dumps(reasons, ensure_ascii=False, sort_keys=True))
"""


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout.strip()


def blind_commit(part: str) -> tuple[str, str]:
    """(the commit before the part was added, the date it was added)."""
    added = git("log", "--diff-filter=A", "--format=%H %cI", "--", f"tests/media/real/{part}").splitlines()
    if not added:
        raise SystemExit(f"tests/media/real/{part}: not in the repository's history (a clone is needed, not an archive)")
    commit, when = added[-1].split()
    return git("rev-parse", f"{commit}^"), when


def run_part(part: str, scratch: Path) -> tuple[dict, dict, dict]:
    """(the part's entry of blind_verdicts.json, its entry of blind_fields.json, its entry of blind_reasons.json)."""
    commit, when = blind_commit(part)
    snap = scratch / commit[:12]
    if not snap.exists():
        snap.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(snap)], input=archive, check=True)
    out = scratch / f"{part}.json"
    env = {**os.environ, "PYTHONPATH": str(snap), "MONITOR_HOME": str(snap), "MONITOR_MODEL_CACHE": "off",
           "DAGSTER_HOME": str(snap / "dagster_home")}
    subprocess.run([sys.executable, "-c", _RUN, str(ROOT / "tests" / "media" / "real" / part), str(out)],
                   check=True, env=env, cwd=scratch)
    verdicts = json.loads(out.read_text(encoding="utf-8"))
    fields = json.loads(Path(f"{out}.fields").read_text(encoding="utf-8"))
    reasons = json.loads(Path(f"{out}.reasons").read_text(encoding="utf-8"))
    reasons = {url: [kind(r) for r in rs] for url, rs in reasons.items()}  # without the sentences they quote
    return ({"commit": commit, "added": when, "verdicts": verdicts}, {"commit": commit, "added": when, "fields": fields},
            {"commit": commit, "added": when, "reasons": reasons})


def dumps(data: dict, key: str = "verdicts") -> str:
    """The file's text: one line per article (a diff shows which verdicts or fields changed)."""
    lines = ["{"]
    for i, (part, d) in enumerate(data.items()):
        lines.append(f' "{part}": {{"commit": "{d["commit"]}", "added": "{d["added"]}", "{key}": {{')
        urls = sorted(d[key])
        lines += [f"  {json.dumps(u, ensure_ascii=False)}: {json.dumps(d[key][u], ensure_ascii=False)}"
                  f"{',' if j < len(urls) - 1 else ''}"
                  for j, u in enumerate(urls)]
        lines.append(" }}" + ("," if i < len(data) - 1 else ""))
    return "\n".join([*lines, "}"]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parts = list(argv if argv is not None else sys.argv[1:]) or list(PARTS)
    for p in parts:
        if p not in PARTS:
            print(f"{p}: not a part collected blind and opened since ({', '.join(PARTS)}); the closed parts are "
                  "scored with today's rules (learned_score), never here", file=sys.stderr)
            return 2
    data = json.loads(OUT.read_text(encoding="utf-8")) if OUT.exists() else {}
    fields = json.loads(FIELDS.read_text(encoding="utf-8")) if FIELDS.exists() else {}
    reasons = json.loads(REASONS.read_text(encoding="utf-8")) if REASONS.exists() else {}
    with tempfile.TemporaryDirectory() as tmp:
        for p in parts:
            data[p], fields[p], reasons[p] = run_part(p, Path(tmp))
            v = data[p]["verdicts"]
            print(f"{p}: rules of {data[p]['commit'][:8]}, {len(v)} articles, {sum(a for a, _ in v.values())} said "
                  f"assembly")
    ordered = {p: data[p] for p in PARTS if p in data}
    OUT.write_text(dumps(ordered), encoding="utf-8")
    FIELDS.write_text(dumps({p: fields[p] for p in PARTS if p in fields}, "fields"), encoding="utf-8")
    REASONS.write_text(dumps({p: reasons[p] for p in PARTS if p in reasons}, "reasons"), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
