"""(session 49) OCR on real leads: how much of a real article survives being kept as a picture.

Real published leads (the opened parts of tests/media/real/, their annotated assemblies, in file order: never a closed
part) are drawn as a monitor would keep them — a screenshot (DejaVu Sans 22 px, 80 characters a line, 1,200 px wide) and a scan (the same
page turned by 0.8°, grey grain and specks, a JPEG of quality 50) — and read back by `saved_files.read_image`
(Tesseract through assets/media/ocr.py). For each, the share of the lead's characters read right (difflib's ratio over
the text with its whitespace made single) and whether `monitor extract`'s fields (date, city, form, participants,
detained) and triage's verdict are the same as from the lead's text itself. Needs Tesseract with its Russian and
Kazakh data.

    .venv/bin/python benchmarks/ocr_real.py --n 30        # prints the table benchmarks/RESULTS.md holds
"""
from __future__ import annotations

import argparse
import datetime as dt
import difflib
import io
import random
import statistics
import textwrap
import time
from pathlib import Path

import yaml
from PIL import Image, ImageChops, ImageDraw, ImageFont

from assets.media import extract, parse, saved_files, triage

ROOT = Path(__file__).resolve().parents[1]
OPENED = ["dev", "fresh20", "fresh21", "fresh22", "fresh23", "fresh16", "fresh15"]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FIELDS = ("date", "city", "form", "participants", "detained")


def leads(n: int) -> list[dict]:
    out = []
    for part in OPENED:
        for f in sorted((ROOT / "tests/media/real" / part).glob("*.yaml")):
            d = yaml.safe_load(f.read_text(encoding="utf-8"))
            if d["annotations"].get("is_event"):
                d["file"] = f"{part}/{f.name}"
                out.append(d)
            if len(out) >= n:
                return out
    return out


def draw(text: str) -> Image.Image:
    font = ImageFont.truetype(FONT, 22)
    lines: list[str] = []
    for para in text.split("\n"):
        lines += textwrap.wrap(para, 80) or [""]
        lines.append("")
    img = Image.new("L", (1200, 60 + 32 * len(lines)), 255)
    d = ImageDraw.Draw(img)
    for i, ln in enumerate(lines):
        d.text((40, 30 + 32 * i), ln, font=font, fill=0)
    return img


def as_scan(img: Image.Image, seed: int) -> Image.Image:
    rng = random.Random(seed)
    img = img.rotate(0.8, resample=Image.BICUBIC, expand=True, fillcolor=255)
    grain = Image.frombytes("L", img.size, bytes(rng.randrange(0, 45) for _ in range(img.width * img.height)))
    img = ImageChops.subtract(img, grain)
    px = img.load()
    for _ in range(img.width * img.height // 50):
        px[rng.randrange(img.width), rng.randrange(img.height)] = rng.randrange(80, 200)
    return img


def png(img: Image.Image, fmt: str = "PNG", **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def fields(title: str, text: str, published) -> tuple[str, dict]:
    if isinstance(published, str):  # a time beside the day ("2017-05-18 10:00") leaves YAML's date a text
        published = dt.date.fromisoformat(published[:10])
    tri = triage.classify(title, text, published)
    evs = extract.extract(title, text, published=published, force=True)
    ev = evs[0].to_dict() if evs else {}
    return tri.label, {k: ev.get(k) for k in FIELDS}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=30)
    a = ap.parse_args()
    rows = []
    for i, d in enumerate(leads(a.n)):
        lines = d["text"].strip().splitlines()
        title, body = lines[0], "\n".join(lines[1:])[:1500]
        ref = " ".join((title + " " + body).split())
        want = fields(title, body, d.get("published"))
        page = draw(title + "\n" + body)
        for kind, raw in (("screenshot", png(page)), ("scan", png(as_scan(page, i), "JPEG", quality=50))):
            t0 = time.monotonic()
            saved = saved_files.read_image(raw)
            secs = time.monotonic() - t0
            got_title, got_body = parse.saved_title_and_text(saved)  # as monitor extract reads it
            got_text = " ".join((got_title + " " + got_body).split())
            got = fields(got_title, got_body, d.get("published"))
            rows.append({"file": d["file"], "lang": d.get("lang"), "kind": kind, "secs": secs,
                         "chars": difflib.SequenceMatcher(None, ref, got_text, autojunk=False).ratio(),
                         "triage": got[0] == want[0], "fields": sum(got[1][k] == want[1][k] for k in FIELDS),
                         "differ": [k for k in FIELDS if got[1][k] != want[1][k]]})
            print(f"{d['file']:45} {kind:10} {rows[-1]['chars']:.3f} {secs:5.1f}s fields {rows[-1]['fields']}/5 "
                  f"{rows[-1]['differ']}", flush=True)
    print()
    print("| kind | leads | characters read right (median, min) | triage as the text's | every field as the text's | "
          "fields as the text's | s a picture (median) |")
    print("|---|---:|---|---:|---:|---:|---:|")
    for kind in ("screenshot", "scan"):
        rs = [r for r in rows if r["kind"] == kind]
        print(f"| {kind} | {len(rs)} | {statistics.median(r['chars'] for r in rs):.3f}, "
              f"{min(r['chars'] for r in rs):.3f} | {sum(r['triage'] for r in rs)} | "
              f"{sum(r['fields'] == 5 for r in rs)} | {sum(r['fields'] for r in rs)} of {5 * len(rs)} | "
              f"{statistics.median(r['secs'] for r in rs):.1f} |")
    langs = sorted({r["lang"] for r in rows})
    for lang in langs:
        rs = [r for r in rows if r["lang"] == lang]
        print(f"  {lang}: {len(rs) // 2} leads, characters median {statistics.median(r['chars'] for r in rs):.3f}, "
              f"every field as the text's {sum(r['fields'] == 5 for r in rs)} of {len(rs)}")


if __name__ == "__main__":
    main()
