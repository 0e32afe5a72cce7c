"""The organisers' and the police's counts of one gathering (issue 16, round 19): when the count's sentence or the
next attributes two figures to different sides, the range spans both claims and the evidence keeps both sentences.
The claim ledger (claims.py) keeps one participants claim per event and article: its low / high carry the two."""
from __future__ import annotations

import re

from assets.media import triage_modes
from assets.media.count_context import KK_PLAN_AFTER_RE, PLAN_BEFORE_RE, before_of, clause_of
from assets.media.counts import counted
from assets.media.crowd import future_only, not_this_crowd
from assets.media.detention_patterns import DETAIN_RE
from assets.media.event import Event
from assets.media.numbers import quantities
from assets.media.text import Sentence

# (round 19) who gives a figure: the organisers (or participants, the opposition) against the police (or the
# ministry, the akimat): "по данным организаторов, вышли 2000, по данным полиции — около 500"; Kazakh
# "ұйымдастырушылардың айтуынша 2000 адам, полиция 500 адам болғанын хабарлады"
_SAY = r"(?:назвал\w*|называ\w*|сообщ\w*|насчитал\w*|оценил\w*|оценива\w*|заявил\w*|заявля\w*|говор\w*|утвержда\w*|подсчитал\w*)"
_BY = r"по\s+(?:данным|словам|оценкам|подсч[её]там|информации|версии|мнению)\s+(?:самих\s+)?"
ORGANISERS_SRC_RE = re.compile(_BY + r"(?:организатор|участник|активист|протестующ|митингующ|оппозици|очевид)|"
                               r"(?:организатор\w*|участник\w*|активист\w*|оппозици\w*|очевид\w*)\s+(?:акции\s+|митинга\s+)?"
                               r"(?:" + _SAY + r"|[—–-]\s*(?:около|примерно|порядка|более|свыше|не\s+менее)?\s*\d)" +
                               r"|(?:ұйымдастырушы|белсенді|қатысушы)\w*\s+(?:айтуынша|дерегінше|мәліметінше|хабарла|мәлімде)",
                               re.I)
POLICE_SRC_RE = re.compile(_BY + r"(?:полици|мвд|дп\b|департамент|акимат|власт|правоохранител|силовик)|"
                           r"по\s+официальн\w+\s+(?:данным|информации|сведениям)|"
                           r"(?:в\s+)?(?:полици\w*|мвд|дп|акимат\w*|власт\w*)\s+" + _SAY +
                           r"|(?:полиция|іім|әкімдік|билік)\w*\s+(?:айтуынша|дерегінше|мәліметінше)|"
                           r"полиция\s+(?:[\w-]+\s+){0,4}?(?:хабарла|мәлімде)", re.I)
# a bare figure told as a source's ("по данным полиции — около 500", "в полиции назвали цифру 800")
SOURCE_FIGURE_RE = re.compile(r"(?:данным|словам|оценкам|подсч[её]там|дерегінше|айтуынша|мәліметінше)\W+(?:\w+\W+){0,2}?"
                              r"(?:[—–-]\s*)?(?:около|примерно|порядка|более|свыше|до|не\s+более|не\s+менее|шамамен)?\s*$|"
                              r"(?:назвал\w*|называ\w*|привел\w*|насчитал\w*)\s+(?:цифру\s+|число\s+)?"
                              r"(?:в\s+)?(?:около|примерно|порядка|более|свыше|до|не\s+менее)?\s*$|говорят\s+о\s*$|"
                              # (session 19) the other side's figure after a dash: "полиция насчитала 200, организаторы — 700"
                              r"(?:организатор\w*|активист\w*|участник\w*|очевид\w*|полици\w*|мвд|акимат\w*)\s*[—–-]\s*"
                              r"(?:около|примерно|порядка|более|свыше|до|не\s+менее)?\s*$", re.I)


def _side(text: str) -> bool:
    """The sentence gives its figure as one side's (the organisers', the participants', the police's, the akimat's)."""
    return bool(ORGANISERS_SRC_RE.search(text) or POLICE_SRC_RE.search(text))


def other_source_claim(ev: Event, search: list[Sentence], announced_re: re.Pattern) -> None:
    """(round 19) The organisers' and the police's counts of one gathering, told side by side in the count's sentence
    or the next: the range spans both claims ("по данным организаторов, вышли 2000, по данным полиции — около 500"
    -> 500 .. 2000); the evidence keeps both sentences. Only when the two figures are attributed to different sides."""
    first = ev.evidence.get("participants")
    if not first:
        return
    by_index = sorted(search, key=lambda x: x.index)
    k = next((i for i, x in enumerate(by_index) if x.text == first or first.endswith(x.text)), None)
    if k is None:
        return
    texts = [by_index[k].text] + ([by_index[k + 1].text] if k + 1 < len(by_index)
                                  and by_index[k + 1].index == by_index[k].index + 1 else [])
    joined = " ".join(texts)
    # (session 36) or the report's own figure, then another side's in the next sentence ("… приняли участие порядка 300
    # человек. Организаторы говорят о 500 участниках."): the journalist's count against a named side's
    told_apart = len(texts) == 2 and not _side(texts[0]) and _side(texts[1])
    if not (ORGANISERS_SRC_RE.search(joined) and POLICE_SRC_RE.search(joined)) and not told_apart:
        return
    claims = []
    for t in texts:
        if triage_modes.BACKGROUND_RE.search(t):
            continue
        for q, after in quantities(t):
            before = before_of(t, q.start)
            kind = counted(q, after, before)
            bare = kind is None and SOURCE_FIGURE_RE.search(t[max(0, q.start - 60):q.start]) \
                and re.match(r"\s*(?:[.,;!?)]|$|человек|участник|адам)", after) and (re.search(r"\d", q.text + after[:3]) is not None or q.best >= 100)  # ("не менее тысячи")
            if (kind and kind[0] == "people") or bare:
                if not_this_crowd(t, q.start, q.end, clause_of(t, q.start, q.end)) \
                        or PLAN_BEFORE_RE.search(t[max(0, q.start - 80):q.start]) or KK_PLAN_AFTER_RE.search(t[q.end:]) \
                        or announced_re.search(t[max(0, q.start - 60):q.start]) or future_only(clause_of(t, q.start, q.end)):
                    continue  # (a plan or a hope is no claim of the crowd)
                if DETAIN_RE.search(clause_of(t, q.start, q.end)):
                    continue  # (session 37) "По данным полиции, двое участников были задержаны": the detained, not the crowd
                claims.append((q.low, q.best, q.high))
    if len({c[1] for c in claims}) < 2 or len(claims) > 3:
        return  # one figure, or a list of several (cities, days): not two claims of one crowd
    lo, hi = min(c[0] for c in claims), max(c[2] for c in claims)
    ev.participants_low, ev.participants_high = lo, hi
    ev.participants = round((min(c[1] for c in claims) + max(c[1] for c in claims)) / 2)
    if len(texts) > 1 and first == texts[0]:
        ev.evidence["participants"] = " ".join(texts)
