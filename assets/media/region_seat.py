"""(session 23, issue 16) The seat of a region whose own body people went to: "к зданию департамента ... по ЗКО",
"облыстық әкімдік ғимараты алдына жиналды" in "Батыс Қазақстан облысының Ақсай қаласындағы тұрғындары" (session 24: or
the region's centre named as such, "в областном центре Западно-Казахстанской области"): the regional
akimat and the regional departments sit in the region's centre, so that is where people gathered, not the village
they live in. Regions whose centre moved (Almaty region: Taldykorgan, then Konaev from 2022) are left out."""
from __future__ import annotations

import re

# a region's name (Russian adjective, abbreviation, Kazakh genitive or nominative) and its centre's gazetteer key
# (session 40) the Mangistau region's name, which no city bears: its akimat is the region's ("к зданию акимата Мангистау")
_MANGISTAU = r"(?:мангистау|мангыстау|маңғыстау)\b"
_SEATS = (
    (r"западно-казахстанск\w*|\bЗКО\b|батыс\s+қазақстан", "uralsk"),
    (r"актюбинск\w*\s+обл|ақтөбе\s+облыс", "aktobe"),
    (r"атырауск\w*\s+обл|атырау\s+облыс", "atyrau"),
    (r"мангистауск\w*|мангыстауск\w*|маңғыстау\s+облыс|акимат\w*\s+" + _MANGISTAU, "aktau"),
    (r"карагандинск\w*\s+обл|қарағанды\s+облыс", "karaganda"),
    (r"павлодарск\w*\s+обл|павлодар\s+облыс", "pavlodar"),
    (r"костанайск\w*\s+обл|қостанай\s+облыс", "kostanay"),
    (r"северо-казахстанск\w*|\bСКО\b|солтүстік\s+қазақстан", "petropavlovsk"),
    (r"восточно-казахстанск\w*|\bВКО\b|шығыс\s+қазақстан", "ust-kamenogorsk"),
    (r"акмолинск\w*\s+обл|ақмола\s+облыс", "kokshetau"),
    (r"жамбылск\w*\s+обл|жамбыл\s+облыс", "taraz"),
    (r"кызылординск\w*\s+обл|қызылорда\s+облыс", "kyzylorda"),
)
_SEAT_RES = [(re.compile(p, re.I), key) for p, key in _SEATS]
# a body of the region people went to or gathered at: the regional akimat, a department or office "по ... области"
REGIONAL_BODY_RE = re.compile(r"областн\w+\s+(?:акимат|администраци|прокуратур|суд)\w*|облыстық\s+әкімдік|облыс\s+әкімдіг\w*|"
                              # (session 28) the akimat named with its region ("В акимат Актюбинской области ... приехали 12
                              # человек", "к зданию акимата ЗКО")
                              r"\bакимат\w*\s+(?:ЗКО|ВКО|СКО|[\w-]+\s+области)\b|"
                              # (session 40) or with a region's name no city bears ("к зданию акимата Мангистау")
                              r"\bакимат\w*\s+" + _MANGISTAU + "|"
                              r"(?:департамент|управлени|инспекци)\w*\s+[^.!?]{0,90}?\bпо\s+(?:ЗКО|ВКО|СКО|[\w-]+\s+области)|"
                              # (session 24) the region's centre named as such: "в областном центре Западно-Казахстанской
                              # области", "облыс орталығында"
                              r"\bв\s+областн\w+\s+центре\b|облыс\w*\s+орталығында", re.I)  # (not "в 40 км от областного центра")


# (session 28) a district's, a town's or a village's akimat named with its region ("у здания районного акимата
# Костанайской области") is no regional body
_LOCAL_BEFORE_RE = re.compile(r"(?:районн|сельск|аульн|городск|поселков)\w*\s+$", re.I)


def seat(text: str, lead: str = "") -> str | None:
    """The centre of the region whose body the sentence names, the region read in the sentence or else the lead."""
    if not any(not _LOCAL_BEFORE_RE.search(text[max(0, m.start() - 25):m.start()]) for m in REGIONAL_BODY_RE.finditer(text)):
        return None
    for where in (text, lead):
        keys = {key for rx, key in _SEAT_RES if rx.search(where)}
        if len(keys) == 1:
            return keys.pop()
    return None
