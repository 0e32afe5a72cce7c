"""(session 29) The city a page's address names, for an article whose text names none: news sites put the city in the
address's words ("mgorod.kz/news/zhiteli-okrainy-ust-kamenogorska-proveli-...", ".../predprinimatel-peregorodil-dorogu-
...-v-uralske"). Read only when the event sentence, the headline, the lead and the rest name no city (extract.py).

The words are the gazetteer's names (config/gazetteer.yaml: English, and the Russian and Kazakh ones in the Latin letters
an address uses), with a Russian case ending or a Kazakh locative after them, between the address's hyphens or
slashes; never the site's own name (the host is not read)."""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from assets.media import places

# the Latin letters a news site's address uses for each Cyrillic one (the usual ones first)
_LATIN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "(?:e|yo)", "ж": "(?:zh|j)", "з": "z",
          "и": "i", "й": "(?:y|j|i)?", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
          "т": "t", "у": "u", "ф": "f", "х": "(?:kh|h)", "ц": "(?:ts|c)", "ч": "ch", "ш": "sh", "щ": "(?:shch|sch)",
          "ъ": "", "ы": "(?:y|i)", "ь": "", "э": "e", "ю": "(?:yu|ju)", "я": "(?:ya|ja)",
          "ә": "(?:a|ae)", "ғ": "(?:g|gh)", "қ": "(?:k|q)", "ң": "(?:n|ng)", "ө": "(?:o|oe)", "ұ": "u", "ү": "(?:u|ue)",
          "һ": "h", "і": "i", " ": "-", "-": "-"}
# a Russian case ending or a Kazakh locative, dative or genitive after the name
_ENDING = r"(?:a|e|u|y|i|om|em|ye|ie|da|de|ta|te|nda|nde|ga|ge|ka|ke|na|ne|nyn|nin|dyn|din|tyn|tin|im|ikh|iy|ij|aya|oe|ogo|omu|oy|uyu)?"
# (session 31) a city's adjective in the address, for a name in "-sk" ("uralskim-depovcam-vnov-zaderzhivayut-zarplatu":
# Уральским деповцам)
_ADJECTIVE = ("im", "ie", "ikh", "iy", "ij", "aya", "oe", "ogo", "omu", "oy", "uyu")


def _latin(name: str) -> str:
    out = []
    for ch in name.lower():
        if ch in _LATIN:
            out.append(_LATIN[ch])
        elif re.fullmatch(r"[a-z0-9]", ch):
            out.append(ch)
        else:
            return ""  # (a name with other letters is not written in an address)
    return "".join(out)


# the words after the name that make it a region's or a neighbourhood's ("almaty-oblysynda", "almaty-irgesindegi",
# "karagandinskoy-oblasti"), or before it ("bliz-nur-sultana", "pod-almaty")
_NOT_THE_CITY_AFTER = r"(?!-(?:oblys|oblast|obl\b|region|irge|mang|audan|rayon|raion|tal|trass|dorog|shosse|avtodorog|kosh))"
_NOT_THE_CITY_BEFORE = ("bliz-", "pod-", "okolo-", "vozle-", "ryadom-s-", "prigorod")
_KK_LOCATIVE = ("da", "de", "ta", "te", "nda", "nde")


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    out = []
    for key, c in places.cities().items():
        names = {c.get("en") or "", c.get("ru") or "", c.get("kk") or "", *(c.get("other") or []), *(c.get("forms") or [])}
        alts = sorted({a for a in (_latin(n) for n in names if n) if len(a) >= 4}, key=len, reverse=True)
        if alts:
            out.append((key, re.compile(r"(?:^|[-/.])((?:v|vo|okrain[a-z]*|zhitel[a-z]*|v-gorode)-)?(" + "|".join(alts) + r")("
                                        + _ENDING + r")(?=$|[-/.])" + _NOT_THE_CITY_AFTER)))
    return out


def url_city(url: str | None) -> str | None:
    """The one gazetteer city the address's path puts the story in: after "v-" ("v-uralske"), "okrainy-" (its outskirts),
    "zhiteli-" (its residents), or in a Kazakh locative ("shymkentte", "oralda"); none, or more than one: None."""
    if not url:
        return None
    path = unquote(urlsplit(url).path).lower()
    found = set()
    for key, p in _patterns():
        for m in p.finditer(path):
            if path[:m.start() + 1].endswith(_NOT_THE_CITY_BEFORE):
                continue  # ("bliz-" and the hyphen the match starts on)
            if m.group(1) or m.group(3) in _KK_LOCATIVE or (m.group(2).endswith("sk") and m.group(3) in _ADJECTIVE):
                found.add(key)
    return found.pop() if len(found) == 1 else None
