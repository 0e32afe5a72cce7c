"""(round 20) How many were detained, in the figures wider reporting gives: the noun of detention or the participle
as the noun ("о 47 задержанных", "115 задержаний", "число задержаний выросло до 31"), a stated total ("всего ...
задержаны 6", "в общей сложности") that a later "ещё двух" is part of, a fraction of the crowd ("половина из которых
была задержана"), one person as the subject of a passive ("Он был доставлен в отдел полиции"), the release of those
detained ("все задержанные отпущены": no count of its own), "все они" after a detained figure (those detained, not
the crowd). Used by detentions.py."""
from __future__ import annotations

import re

from assets.media.count_context import before_of
from assets.media.counts import counted
from assets.media.numbers import quantities

# a number followed by the noun of detention or the participle as a noun ("о 14 задержанных", "37 задержаниях"),
# not by a person noun ("9 задержанных участников": counts.counted reads those)
NOUN_AFTER_RE = re.compile(r"^\s*(?:задержанн(?:ых|ые|ым|ыми)|задержани(?:й|я|ях|ям|е))\b"
                           r"(?!\s+(?:[\w-]+\s+)?(?:участник|человек|граждан|активист|жител|протестующ|митингующ))", re.I)
# "число задержаний выросло до 31", "количество задержаний достигло 40"
NOUN_FIGURE_RE = re.compile(r"(?:число|количество)\s+задержаний\s+(?:[\w-]+\s+){0,2}?(?:вырос\w*\s+до|достиг\w*|"
                            r"составил\w*|превысил\w*|—|–|-)\s*", re.I)


def noun_figure(t: str) -> int | None:
    """The count of detentions told by their noun: "о 14 задержанных", "зафиксировано 22 задержания"."""
    fig = NOUN_FIGURE_RE.search(t)
    for q, after in quantities(t):
        if re.search(r"(?:19|20)\d\d", q.text) or re.match(r"\s*(?:сут|дн|час|лет|год|раз|процент|%)", after):
            continue
        if NOUN_AFTER_RE.match(after) or (fig and 0 <= q.start - fig.end() <= 12):
            return q.best
    return None


# a total stated in the detention's own clause ("Всего сегодня на площади было задержано 6 человек", "в общей
# сложности задержаны 12", "Итого задержаны 14"): the article's final figure, a later "ещё двух" is part of it
TOTAL_RE = re.compile(r"(?:(?<!\w)всего|в\s+общей\s+сложности|(?<!\w)итого)\s+(?:[\w-]+\s+){0,4}?(?:был[аои]?\s+)?"
                      r"(?:задерж|доставл)|(?:задерж|доставл)\w*\s+(?:[\w-]+\s+){0,2}?(?:всего|в\s+общей\s+сложности)\b|"
                      r"общее\s+(?:число|количество)\s+задержанн", re.I)


def stated_total(t: str) -> bool:
    return bool(TOTAL_RE.search(t))


# a fraction of the crowd told by a relative clause: "около 100 человек, половина из которых была задержана"
FRACTION_WHICH_RE = re.compile(r"\b(половин|трет|четверт)\w*\s+из\s+(?:которых|них)\b[^.;]{0,40}?"
                               r"(?:задерж|доставл|увез|арестова)", re.I)
_FRACTION = {"половин": 0.5, "трет": 1 / 3, "четверт": 0.25}


def fraction_of_which(t: str, whole: int | None) -> int | None:
    m = FRACTION_WHICH_RE.search(t)
    if not m or whole is None:
        return None
    return round(whole * _FRACTION[m.group(1).lower()])


# one person as the subject of a passive detention: "Он был доставлен в отдел полиции", "вскоре он был увезён"
ONE_PASSIVE_RE = re.compile(r"(?<!\w)(?:он|она)\s+(?:(?:был[аи]?|уже|тут\s+же|сразу)\s+){0,2}(?:задержан|доставлен|"
                            r"увезен|увезён|арестован|отправлен)[аы]?\b", re.I)


def one_passive(t: str) -> bool:
    return bool(ONE_PASSIVE_RE.search(t))


# the release of those detained: "Все задержанные ... отпущены", "полиция отпустила всех задержанных" (the detained
# already told, or told without a number): the sentence gives no count of its own and never "all participants"
RELEASE_RE = re.compile(r"отпущен\w*|отпустил\w*|отпуска\w*|освобожден\w*|освобождён\w*|освободил\w*|выпустил\w*", re.I)


def release_only(t: str, detain_re: re.Pattern) -> bool:
    """The sentence's only words of detaining are the participle as a noun ("задержанные"), its verb a release."""
    if not RELEASE_RE.search(t) or not re.search(r"задержанн", t, re.I):
        return False
    if noun_figure(t) is not None:
        return False  # "Известно о 5 задержанных, вечером их отпустили": the figure is told
    rest = re.sub(r"\w*задержанн\w*", " ", t, flags=re.I)
    return not detain_re.search(rest.lower())


# "все они были задержаны / доставлены" after a detained figure: those just counted, not the crowd; "все задержания
# производились по статье 182": the detentions (a noun), not all participants
THEY_ALL_RE = re.compile(r"(?<!\w)(?:все\s+они|они\s+все|всех\s+их|их\s+всех)(?!\w)", re.I)
# (session 26) "их" at all: after a detained figure it names those detained ("Задержаны 20 человек. Их доставили в РУВД")
THEM_RE = re.compile(r"(?<!\w)их\b", re.I)
ALL_DETENTIONS_RE = re.compile(r"(?<!\w)(?:все|всех|всем)\s+(?:эти\w*\s+|(?:[\w-]+\s+)?)?задержани", re.I)


def figure_sentences(search, detain_re: re.Pattern) -> set[int]:
    """The indices of the sentences that tell a number of people detained."""
    from assets.media.counts import counted
    out = set()
    for x in search:
        if detain_re.search(x.text.lower()) and any(
                (k := counted(q, a, before_of(x.text, q.start))) and k[0] == "people" for q, a in quantities(x.text)):
            out.add(x.index)
    return out


def not_all_participants(t: str, index: int, fig_idx: set[int]) -> bool:
    """The sentence's "all" is not all the participants: "все они" or "их" right after a detained figure, "все
    задержания"."""
    return bool(ALL_DETENTIONS_RE.search(t) or ((THEY_ALL_RE.search(t) or THEM_RE.search(t)) and index - 1 in fig_idx))


def exact_over_bound(total: int, evidence: str) -> int:
    """The same figure told twice, once exactly and once as a bound ("задержаны более 286 граждан" over "подвергнуты
    приводу 286 граждан", "более 1000" over "1026"): the exact one, not the bound's reading (286 × 1.1)."""
    from assets.media.counts import counted
    qs = [q for q, a in quantities(evidence) if (k := counted(q, a, before_of(evidence, q.start))) and k[0] == "people"]
    exact = [q.best for q in qs if q.low == q.best == q.high]
    for q in qs:
        if q.best == total and q.low != q.high and re.search(r"\d", q.text):
            base = [e for e in exact if e in (q.low, q.low - 1) or q.low <= e <= q.high]
            if base:
                return max(base)
    return total


# (session 50) a fine told of people after their detention was told without a number ("людей доставили в управление
# полиции" ... "полиция оштрафовала 19 жителей"): those fined are the detained the article counts
FINED_RE = re.compile(r"(?<!\w)(?:о|на)штрафова\w*|штраф\w*\s+(?:[\w-]+\s+){0,2}?(?:наложен|выписа)\w*|"
                      r"(?:наложен|выписа)\w*\s+(?:[\w-]+\s+)?штраф|айыппұл\s+сал", re.I)


def fined_figure(t: str) -> int | None:
    """The people a sentence of fines counts ("оштрафовала 19 жителей", "6 адамға айыппұл салынды"), None without one."""
    if not FINED_RE.search(t):
        return None
    return next((q.best for q, a in quantities(t) if (k := counted(q, a, before_of(t, q.start))) and k[0] == "people"), None)
