"""Is a URL already in tests/media/real/ (any part: dev, measured, holdout, fresh)?

    python scripts/real_url_check.py URL [URL ...]     # prints NEW or IN-SET for each

Compared by `evaluate_real.url_key` (scheme, `www.`/`m.`/`amp.`, `/amp`, tracking query and trailing slash
aside) and also lower-cased, and by the article number for Azattyq's mirror hosts. Prints no file names of
the set (the holdout is never listed), only whether the URL is new.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from assets.media.evaluate_real import DEFAULT_DIR, url_key  # noqa: E402

_AZATTYQ = re.compile(r"(?:azattyq|azattyk|azathabar|cloudfront|pangea-cms)\.[a-z.]*/.*?(\d{7,9})\.html")


def keys(url: str) -> set[str]:
    k = url_key(url)
    out = {k, k.lower(), re.sub(r"\.html?$", "", k.lower())}
    if m := _AZATTYQ.search(url.lower()):
        out.add("azattyq#" + m.group(1))
    return out


def known(directory: Path = DEFAULT_DIR) -> set[str]:
    seen: set[str] = set()
    for p in directory.glob("*/*.yaml"):
        url = yaml.safe_load(p.read_text(encoding="utf-8")).get("url")
        if url:
            seen |= keys(url)
    return seen


def main(argv: list[str]) -> int:
    seen = known()
    for url in argv:
        print(("IN-SET " if keys(url) & seen else "NEW    ") + url)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
