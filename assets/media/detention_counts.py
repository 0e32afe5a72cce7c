"""How many were detained, in the phrasings that state it without "N человек задержаны": a Kazakh
"some of them" ("жиырма шақтысын", "бесеуін"), one person as the object ("задержала журналиста"), the
figure of its own ("число задержанных достигло 100", "из них 35 задержаны"), and a second figure after
"ещё" in the same sentence. Used by detentions.py."""
from __future__ import annotations

import re

from assets.media import places, triage_modes
from assets.media.count_context import ATTRIBUTION_RE, before_of, clause_of
from assets.media.counts import NOT_COUNT_AFTER_RE, counted
from assets.media.detention_patterns import DETAIN_RE, KK_PART_SUFFIX, NO_DETAIN_RE
from assets.media.detention_verbs import KK_SEIZED
from assets.media.numbers import quantities
from assets.media.numbers_words import is_vague
from assets.media.numbers_kk import _KK_NUMERAL, _numeral_value
from assets.media.text import TOKEN_RE, parses, tokens, yo

# the sentence's only word of detaining is a sanction (arrest, administrative liability): the same people as
# the detained, never added to them
ACTUAL_DETAIN_RE = re.compile(r"задерж|доставл|доставил|увез|увоз|отвез|отвоз|забрал|погруз|затолка|запихн|автозак|"
                              r"ұстал|ұстад|ұстап|әкет|алып\s+кет|отырғыз|жеткізіл|апарыл|попал|очутил|оказал|" + KK_SEIZED, re.I)
# the number of detainees told as a figure of its own: "число задержанных достигло 100", "задержанных
# было около 30", "из них 35 задержаны", "35 человек из них задержаны"
DETAINEE_FIGURE_RE = re.compile(
    r"(?:(?:число|количество)\s+(?:\w+\s+)?(?:задержанн|доставленн)\w*|(?:задержанн|доставленн)\w*\s+(?:было|оказалось|"
    r"насчитывается|насчитали|составило|составляет|—|-|–)|"
    # Kazakh: "ұсталғандар саны 30-ға жетті", "ұсталғандардың саны – 12"
    r"ұсталғанд\w*\s+саны\s*(?:[—–-]\s*)?)\s*", re.I)
COUNT_THEN_DETAINED_RE = re.compile(r"^\s*(?:из\s+них\s+|человек\s+)?(?:были\s+|был[аи]?\s+)?(?:задержан|доставлен|арестован)\w*",
                                    re.I)

# (round 19) a Kazakh numeral in words with the possessive accusative: "жиырмасын", "онын", "он екісін", "отызын"
# (not "оны" him, "үшін" for, "бірі" one of whom: kk_partitive reads "бірін" itself)
KK_POSSESSIVE_NUMERAL_RE = re.compile(r"(?!(?:оны|үшін|бірі|бірін|біреуі)(?![\w-]))" + _KK_NUMERAL + r"(?:ы|і|сы|сі)н?(?![\w-])",
                                      re.I)
KK_PARTITIVE_RE = re.compile(r"^\s*(?:шақтысын|шақтысы|еуін|ауын|еуі|ауы)\b|^(?:еуін|ауын|еуі|ауы|ін|ын)\b|"
                             r"^-" + KK_PART_SUFFIX + r"\b", re.I)  # "40 адамның 10-ы ұсталды", "7-уі": some of them


def kk_partitive(t: str) -> int | None:
    """A Kazakh count of some of them ("жиырма шақтысын", "бесеуін") in a detention sentence."""
    def detained_after(end: int) -> bool:  # the verb of its clause detains (not "жауапкершілікке тартылды")
        return bool(ACTUAL_DETAIN_RE.search(re.split(r"[,;.]", t[end:], maxsplit=1)[0]))

    for q, after in quantities(t):
        if KK_PARTITIVE_RE.match(after) and detained_after(q.end):
            return q.best
    one = re.search(r"(?<!\w)(?:бірін|біреуін|біреуі)\b", t, re.I)
    if one and detained_after(one.end()):
        return 1  # "белсендінің бірін полиция алып кетті": one of them
    w = KK_POSSESSIVE_NUMERAL_RE.search(t)
    if w and detained_after(w.end()):
        return _numeral_value(w)  # (round 19) "шеруге шыққандардың жиырмасын ұстады", "олардың он екісін": some of them
    m = re.search(r"(?<!\w)(екеу|үшеу|төртеу|бесеу|алтау|жетеу)(?:ін|і|ы|ын)\b", t, re.I)
    if m and detained_after(m.end()):
        return {"екеу": 2, "үшеу": 3, "төртеу": 4, "бесеу": 5, "алтау": 6, "жетеу": 7}[m.group(1).lower()]
    return None


# nouns of a share, never one person (pymorphy3 reads "половину" as animate too: "моя половина")
_NO_PERSON_NOUNS = {"половина", "треть", "четверть", "часть", "большинство", "меньшинство"}


def _one_person_noun(w: str, genitive_too: bool = False) -> bool:
    """An animate noun in the singular accusative (not a first name or a surname); `genitive_too`: an animate
    masculine noun's accusative is its genitive ("журналиста" may be read as either)."""
    ps = parses(w.lower())
    if ps and ps[0].normal_form in _NO_PERSON_NOUNS:
        return False  # (session 26) "задержали половину": a fraction, no person
    return bool(ps) and ps[0].tag.POS == "NOUN" and any(
        "anim" in q.tag and "sing" in q.tag and ("accs" in q.tag or (genitive_too and "gent" in q.tag))
        and (genitive_too or "nomn" not in q.tag) and not {"Name", "Surn"} & q.tag.grammemes
        for q in ps[:2] if q.tag.POS == "NOUN")


# the next person joined by a comma or "и": the noun itself first (session 45: "пенсионера, студентку и журналиста" read
# "студентку" as an adjective of "и" and stopped at 1), else an adjective and the noun ("и молодую женщину")
JOINED_NOUN_RE = re.compile(r"(?:\s*,\s*|\s+и\s+)([а-яё]+)")
JOINED_ADJ_NOUN_RE = re.compile(r"(?:\s*,\s*|\s+и\s+)[а-яё]+\s+([а-яё]+)")


def _joined_one_person(rest: str) -> int:
    """(session 19) More single persons joined to the first object: "задержали мужчину и женщину" (2), "пенсионера,
    студентку и журналиста" (3): how many, 0 when none."""
    more = 0
    while m := next((m for m in (JOINED_NOUN_RE.match(rest), JOINED_ADJ_NOUN_RE.match(rest))
                     if m and _one_person_noun(m.group(1), genitive_too=True)), None):
        more, rest = more + 1, rest[m.end():]
    return more


# (session 26) one of them told first, before the verb of detaining
ONE_OF_FIRST_RE = re.compile(r"^\W*(?:[А-ЯЁа-яё]+\s+)?(?:одного|одну)\s+из\s+[а-яё]+\s+(?:[а-яё]+\s+)?$", re.I)


def singular_object(t: str) -> int:
    """The verb of detaining takes one person as its object: an animate noun in the singular accusative
    right after it (an adjective or two between allowed). How many such persons are joined (0: none; "мужчину и
    женщину" is 2)."""
    m = re.search(r"\b(?:задержал[аи]?|доставил[аи]?|увезл[аи]|отвезл[аи]|забрал[аи]?|увел[аи]|вывел[аи]|препроводил[аи]?)(?:\s+|(?=[.,;!?]|$))",
                  t, re.I)  # (session 18: the verb may end the sentence, "Вечером активиста задержали.")
    if not m:
        return 0
    if ONE_OF_FIRST_RE.match(t[:m.start()]):
        return 1  # (session 26) "Одну из участниц увезли в полицию", "Вечером одного из организаторов задержали"
    # ("Мужчину с плакатом увели полицейские": what the person held may follow, session 19)
    first = re.match(r"\s*([А-Яа-яЁё]+)\s+(?:(?:с|со)\s+[а-яё]+\s+)?(?:[а-яё]+\s+)?$", t[:m.start()])
    if not first:
        # (session 18) the object first, after an opening word or two, with the person's name: "Вечером активиста Ерлана
        # Калиева увели в автозак", "Организатора пикета увели сотрудники полиции"
        first = re.search(r"(?:^|[\s,])([А-Яа-яЁё]+)(?:\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){0,3}\s+(?:[а-яё]+\s+)?$",
                          t[:m.start()]) if len(tokens(t[:m.start()])) <= 5 else None
    if first:
        # the object first: "Пикетчика увезли в отделение полиции", "Активистку задержали у акимата"
        if _one_person_noun(first.group(1)):
            return 1
    for w in list(TOKEN_RE.finditer(t[m.end():m.end() + 60]))[:3]:
        if w.group(0).lower() in ("его", "ее", "её", "их", "своего", "свою"):
            continue  # "задержали их лидера"
        ps = parses(w.group(0).lower())
        if not ps:
            return 0
        p = ps[0]
        if p.tag.POS == "NOUN":
            return 1 + _joined_one_person(t[m.end() + w.end():]) if _one_person_noun(w.group(0), genitive_too=True) else 0
        if p.tag.POS not in ("ADJF", "PRTF"):
            return 0
    return 0


def unscaled_vague(text: str) -> bool:
    """A vague quantity with no scale ("несколько", "группа", "бірнеше"): the detained reported without a
    number. One with a scale ("несколько десятков", "десятки", "сотни", "ондаған") gives its best reading."""
    return is_vague(text) \
        and not re.search(r"десят|сот|тысяч|ондаған|жүз|мың", text, re.I)


# (round 22) the figure updated: "позже их число выросло до 25", "количество задержанных увеличилось до 40", "число
# доставленных в полицию достигло 60" (the later figure, over an earlier one of the same sentence)
UPDATED_FIGURE_RE = re.compile(r"(?:число|количество|цифра)\s+(?:[\w-]+\s+){0,3}?(?:выросл|возросл|увеличил|достигл|дошл|"
                               r"поднял)\w*\s+(?:до\s+)?$", re.I)


def updated_figure(t: str) -> int | None:
    """The figure a sentence says the count has grown to ("позже их число выросло до 25"), when the sentence is about
    the detained."""
    if not re.search(r"задержа|доставлен|ұстал", t, re.I):
        return None
    for q, after in quantities(t):
        if UPDATED_FIGURE_RE.search(t[max(0, q.start - 60):q.start]) and not unscaled_vague(q.text) \
                and not re.match(r"\s*(?:процент|%|раз\b|лет|год|сут)", after):
            return q.best
    return None


# (round 22) some of the detained told against their whole: "Суд арестовал пятерых из 20 задержанных", "троих из
# 15 доставленных в полицию оштрафовали": the whole is the figure
OF_THE_DETAINED_RE = re.compile(r"\s+(?:[\w-]+\s+)?из\s+(?:числа\s+)?$", re.I)
DETAINED_NOUN_AFTER_RE = re.compile(r"\s*(?:человек\s+)?(?:задержанн|доставленн|ұсталған)", re.I)


def whole_of_detained(t: str, q_end: int) -> int | None:
    """The whole ("из 20 задержанных") right after a figure ending at `q_end`, or None."""
    for q, after in quantities(t):
        if q.start >= q_end and OF_THE_DETAINED_RE.search(t[q_end:q.start]) and q.start - q_end <= 25 \
                and DETAINED_NOUN_AFTER_RE.match(after):
            return q.best
    return None


def stated_figure(t: str) -> int | None:
    """A number of detainees told without a person noun after it: "число задержанных достигло 100",
    "задержанных было около 30", "из них 35 задержаны"."""
    fig = DETAINEE_FIGURE_RE.search(t)
    for q, after in quantities(t):
        if q.text and unscaled_vague(q.text):
            continue
        if NOT_COUNT_AFTER_RE.match(after) or re.search(r"\bза\s+$", t[max(0, q.start - 4):q.start]):
            continue  # (round 16) "число задержанных за две недели": a period, never the figure
        if fig and 0 <= q.start - fig.end() and len(ATTRIBUTION_RE.sub("", t[fig.end():q.start])) <= 30 \
                and not re.match(r"\s*(?:процент|%|раз|лет|год|сут)", after):
            # (session 19: a source between the figure's noun and its number, "Число задержанных, по данным
            # правозащитников, превысило 30")
            # Kazakh "50-ден асты" (exceeded fifty): more than the figure
            return q.best  # (Kazakh "50-ден асты", more than fifty: numbers_kk reads the bound, round 16)
        if COUNT_THEN_DETAINED_RE.match(after) and not re.search(r"(?:19|20)\d\d", q.text):
            return q.best
        if re.search(r"(?:задержан[аоы]?|задержали|доставлен[аоы]?|доставили|арестован[аоы]?|увезли|увезены)\s+$",
                     t[max(0, q.start - 14):q.start], re.I) \
                and re.match(r"\s*(?:[.,;!?:]|—|–|$)", after):
            return q.best  # "Из 200 участников задержаны 35.", (round 22) the verb first: "Задержано 12, среди них ..."
    return None


def more_in_sentence(t: str, after: int = 0) -> tuple[int, int] | None:
    """(n, where) of a figure after "ещё" that follows a first detention figure in the same sentence
    and names no other noun ("задержали 10 человек, ещё 5 — до начала акции"; "ещё двое")."""
    qs = quantities(t)
    if len(qs) < 2:
        return None
    for q, words in qs[1:]:
        if q.start < after or not re.search(r"\bещ[её]\s*$", t[max(0, q.start - 8):q.start]):
            continue  # (only after the figure already taken: "задержали 10 человек, ещё 5 ...")
        kind = counted(q, words, before_of(t, q.start))
        tail = re.split(r"[,;.]", t[q.end:], maxsplit=1)[0]
        if re.search(r"оштраф|штраф|отпущ|отпусти|освобо|получил|арестован|осужд|предупрежд", tail, re.I):
            continue  # "задержаны 10 человек, ещё пятеро оштрафованы": a sanction, not a detention
        if (kind and kind[0] == "people") or re.match(r"\s*(?:[—–,.;:-]|$)", words) \
                or re.match(r"\s*(?:был[аи]?\s+)?(?:задержан|доставлен|увезен|увезён|арестован)", words, re.I):
            # (round 19) "задержали 200 человек, ещё полсотни были задержаны у акимата"
            return q.best, q.start
    return None


def joined_counts(t: str, n: int, end: int) -> tuple[int, int]:
    """Counts of people joined by "и" after the first detained figure add to it ("задержала двоих
    организаторов и троих участников" = 5); a count after "из" or of police does not."""
    for q, after in quantities(t):
        if q.start < end:
            continue
        if not re.fullmatch(r"\s+[\w-]+(?:\s+[\w-]+)?,?\s+(?:и|а\s+также|и\s+ещ[её]|а\s+ещ[её]|и\s+также)\s+", t[end:q.start]) \
                and not re.fullmatch(r"\s+[^,.;:!?]{1,80}?,\s+а\s+также\s+", t[end:q.start]):
            # (round 19) ", а также двух журналистов": joined by "а также" too
            break
        kind = counted(q, after, before_of(t, q.start))
        if not kind or kind[0] not in ("people", "press"):
            break  # (round 19: journalists detained with them count too)
        n, end = n + q.best, q.end
    # one more person joined by "и" ("задержала трёх женщин и мужчину", "двоих активистов и журналиста")
    one = re.match(r"\s+[\w-]+(?:\s+[\w-]+)?,?\s+(?:и|а\s+также)\s+(?:одного\s+|одну\s+)?([а-яё]+)\b", t[end:], re.I)
    if one and (ps := parses(one.group(1).lower())) and ps[0].tag.POS == "NOUN" and "anim" in ps[0].tag \
            and "sing" in ps[0].tag and not {"Name", "Surn", "Geox"} & ps[0].tag.grammemes:
        n, end = n + 1, end + one.end()
    return n, end


# places other than the event's, unnamed ("в нескольких других городах", "в остальных регионах", "в других
# областях страны"): a figure told for them is not the event's
OTHER_PLACES_RE = re.compile(r"\bв\s+(?:\w+\s+)?(?:других|остальных|иных|соседних)\s+(?:\w+\s+)?(?:город|регион|област|"
                             r"населенн|населённ|район)|басқа\s+(?:\w+\s+)?(?:қала|өңір|облыс)|"
                             # the whole country or unnamed several cities (batch 13): "по всей стране задержаны более
                             # 200", "в ряде городов", "в нескольких городах", "Қазақстанның бірнеше қаласында"
                             r"\bпо\s+(?:всей\s+)?стране\b|\bв\s+целом\s+по\s+стране|\bпо\s+всей\s+(?:республик|"
                             r"беларус|белорусс|росси|казахстан)\w*|\bв\s+(?:ряде|нескольких|разных|\d+|[а-яё]+(?:и|ти|ми))\s+"
                             r"(?:\w+\s+)?(?:город|регион)\w*(?!\s+(?:[А-ЯЁ]|и\s+[А-ЯЁ]))|\bбірнеше\s+(?:\w+\s+)?(?:қала|өңір|облыс)|"
                             r"\bел\s+бойынша|\bрегионах\s+(?:страны|республики)", re.I)


def clause_start(t: str, at: int) -> int:
    """Where the clause holding position `at` begins (after the last comma, semicolon or dash before it)."""
    return max(t.rfind(",", 0, at), t.rfind(";", 0, at), t.rfind(" – ", 0, at), t.rfind(" — ", 0, at)) + 1


# the article says the number was not given ("Полиция ұсталғандардың нақты санын айтпады", "точное число
# задержанных не сообщается"): a vague figure ("ондаған", "десятки") stays a report without a number
NUMBER_UNSTATED_RE = re.compile(r"нақты\s+сан\w*\s+(?:айтпад|хабарламад|көрсетпед|белгісіз)|(?:точн\w+\s+)?(?:числ|количеств)\w*"
                                r"\s+задержанн\w*\s+(?:не\s+(?:сообща|называ|уточня|известн)|неизвестн)|"
                                r"не\s+(?:сообща|называ|уточня)\w*\s+(?:о\s+)?(?:точно\w*\s+)?(?:числ|количеств)\w*\s+задержанн",
                                re.I)


# a fraction of the gathering ("около сотни человек ..., и половину из них сразу задержали")
FRACTION_RE = re.compile(r"\b(половин|трет|четверт)\w*\s+(?:из\s+них|их|(?:из\s+)?(?:участник|собравш|митингующ|"
                         r"протестующ|пикетчик|демонстрант)\w*)|"
                         # (session 26) the fraction alone right after the verb: "Из 40 пришедших задержали половину"
                         r"\b(?:задержал|доставил|увезл|увез|отвезл|забрал|увел)\w*\s+(половин|трет|четверт)\w*(?=\s*[.,;!?]|\s*$)",
                         re.I)
_FRACTION = {"половин": 0.5, "трет": 1 / 3, "четверт": 0.25}


def fraction_of_them(t: str, whole: int | None) -> int | None:
    """A fraction of the gathering in a detention clause: "половину из них задержали" = half of the count."""
    m = FRACTION_RE.search(t)
    if not m or whole is None:
        return None
    clause = re.split(r"[;.]", t[m.start():], maxsplit=1)[0]
    if not ACTUAL_DETAIN_RE.search(clause) and not ACTUAL_DETAIN_RE.search(t[max(0, m.start() - 60):m.start()]):
        return None
    return round(whole * _FRACTION[(m.group(1) or m.group(2)).lower()])


# an enumeration of the detained after the verb: named people ("Резеду Абашеву, Егора Ермайкина и Николая
# Спирина"), "ещё одного молодого человека", "двух девушек"
_CAP = r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁ][а-яё]+)?"
NAMED_RE = re.compile(rf"(?:^|\s){_CAP}\s+{_CAP}(?:\s+{_CAP})?\s*$")
ONE_MORE_RE = re.compile(r"^\s*(?:ещ[её]\s+)?(?:одного|одну)\s+\w+", re.I)
VERB_END_RE = re.compile(r"(?:задержал|задержан|доставил|доставлен|увезл|увезен|отвезл|отвезен|забрал|увел|арестовал|"
                         r"арестован)\w*\s+", re.I)


AMONG_DETAINED_RE = re.compile(r"(?:в\s+числе|среди)\s+задержанн\w*\s*(?:[\w-]+\s+)?(?:[—–:]|-\s)\s*", re.I)


def enumerated_detainees(t: str) -> int | None:
    """How many people a list after the verb of detaining names (at least two items, one of them a named
    person): each named person is one, "ещё одного ..." one, "двух девушек" two. None otherwise."""
    among = AMONG_DETAINED_RE.search(t)  # (session 50) "В числе задержанных сегодня — А, Б, В и Г": the list after it
    m = among or VERB_END_RE.search(t)
    if not m:
        return None
    rest = t[m.end():]
    tail = re.split(r"[.;:!?—–(]|\s-\s", rest, maxsplit=1)[0]
    # the station first ("доставила в отдел полиции Ерлана К."): not an item
    tail = re.sub(r"^(?:в|во|на|к)\s+(?:[\w-]+\s+){0,2}?(?:полиц\w*|отдел\w*|овд|рувд|ровд|участ\w*|автозак\w*|"
                  r"автобус\w*|изолятор\w*|спецприемник\w*|управлени\w*)(?:\s+полиции)?\s+", "", tail, flags=re.I)
    # (round 19) a relative clause or the source after the list ends it ("…, которые провели акцию", "…, сообщает …")
    tail = re.split(r",\s*(?:котор\w+|кто|чей|чья|чьи|сообща\w*|переда[её]т|пишет|заявил\w*|рассказал\w*)\b", tail,
                    maxsplit=1, flags=re.I)[0]
    if re.search(r"\bвместе\s+с\b|\bсреди\s+(?:них|которых)\b", tail, re.I):
        return None  # (round 19) "ещё несколько людей вместе с активистами А и Б": the named are some of them
    items, comma_before = _list_items(tail)
    if len(items) == 1 and re.fullmatch(rf"{_CAP}(?:\s+{_CAP}){{1,2}}", items[0]):
        return 1  # "доставила в отдел Ерлана Калиева": one named person
    if len(items) < 2:
        return None
    head = items[0].split()
    if len(head) == 2 and all(re.fullmatch(_CAP, x) for x in [head[1], *items[1:]]) \
            and any(p.tag.POS == "NOUN" and {"plur", "anim"} <= p.tag.grammemes for p in parses(head[0].lower())[:2]):
        return len(items)  # (session 19) a plural role, then surnames alone: "активистов Мамая и Садыкова" (2)
    if all(_surname(x) for x in items):
        return len(items)  # (session 46) surnames alone: "задержала Калиева, Петрова и Ахметова" (3)
    n, named, described = 0, 0, False
    for i, item in enumerate(items):
        if i == 0 and len(items) >= 2 and re.match(r"ещ[её]\b", items[1], re.I) and _one_person(item):
            # (session 18) one person named by a role or a pronoun, then "ещё N" ("организатора митинга и ещё двоих
            # активистов", "активист и ещё двое участников", "его и ещё троих") = N + 1
            n, named = n + 1, named + 1
            continue
        if (i == 0 and NAMED_RE.search(item)) or re.fullmatch(rf"{_CAP}(?:\s+{_CAP}){{1,2}}", item) \
                or (DESCRIBED_NAMED_RE.fullmatch(item) and item.split()[0].lower() not in _PREPOSITIONS) \
                or _role_and_surname(item):
            # a named person (the first item may follow the object's noun; round 19: any item may, "поэта А. Б. и
            # активистку В. Г."; session 46: a role and a surname, "и журналиста Петрова")
            n, named = n + 1, named + 1
            continue
        if named and comma_before[i] and len(item.split()) >= 2 and _apposition(item.split()[0]):
            # (round 19) "задержали Ерлана Калиева, организатора пикета …": who the named one is, not another; only
            # after a comma (session 46: "… и журналиста Петрова" is a second person), and after it only the named
            described = True
            continue
        if described:
            continue
        if ONE_MORE_RE.match(item):
            n += 1
            continue
        words = item.split()
        if len(words) <= 2 and (ps := parses(words[-1].lower())) and ps[0].tag.POS == "NOUN" \
                and "anim" in ps[0].tag and "sing" in ps[0].tag and not {"Name", "Surn", "Geox"} & ps[0].tag.grammemes:
            n += 1  # "а также журналист", "пенсионерку"
            continue
        if _one_person(item):
            n += 1  # (session 46) a role with what it heads: "и организатора пикета"
            continue
        qs = [(q, a) for q, a in quantities(item)]
        if len(qs) == 1 and (k := counted(qs[0][0], qs[0][1], item[:qs[0][0].start])) and k[0] == "people" \
                and not unscaled_vague(qs[0][0].text):
            n += qs[0][0].best
            continue
        return None  # an item that is no person ("в отдел полиции", "несколько активистов")
    # one named person and who they are ("Ерлана Калиева, организатора пикета") is one
    return n if named >= 1 and (n >= 2 or described) else None


DESCRIBED_NAMED_RE = re.compile(rf"(?:[а-яё-]+\s+){{1,3}}{_CAP}(?:\s+{_CAP}){{1,2}}")
# (session 46) a Russian or Kazakh surname's shape, in any case ("Петрова", "Калиеву", "Ахметовым", "Мамая" is not)
SURNAME_RE = re.compile(r"[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын)(?:а|у|ой|ым|е|ых)?")


def _list_items(tail: str) -> tuple[list[str], list[bool]]:
    """The items of a list (split at commas, "и", "а также") and, for each, whether a comma stood before it."""
    items, commas, comma = [], [], False
    for i, x in enumerate(re.split(r"(,\s*(?:и\s+|а\s+также\s+)?|\s+и\s+|\s+а\s+также\s+)", tail)):
        if i % 2:
            comma = comma or x.lstrip().startswith(",")
            continue
        x = re.sub(r"^(?:а\s+)?также\s+", "", x.strip(), flags=re.I)
        if x:
            items.append(x)
            commas.append(comma)
            comma = False
    return items, commas


def _surname(item: str) -> bool:
    """(session 46) An item that is one surname alone ("Петрова", "Калиева"), not a place."""
    return bool(SURNAME_RE.fullmatch(item)) and not any("Geox" in p.tag for p in parses(item.lower())[:2])


def _role_and_surname(item: str) -> bool:
    """(session 46) A person named by a lowercase role and a surname: "журналиста Петрова", "активистку Калиеву"."""
    *role, last = item.split()
    return 1 <= len(role) <= 3 and role[0][:1].islower() and role[0].lower() not in _PREPOSITIONS \
        and all(w[:1].islower() for w in role) and _surname(last)
_PREPOSITIONS = {"с", "со", "в", "во", "на", "из", "у", "к", "по", "от", "для", "при", "о", "об", "за", "без", "вместе",
                 "среди", "кроме"}


def _apposition(word: str) -> bool:
    """(round 19) A lowercase singular animate noun (not a name): the head of an apposition ("организатора пикета")."""
    if not word[:1].islower():
        return False
    ps = parses(word.lower())
    return bool(ps) and ps[0].tag.POS == "NOUN" and "anim" in ps[0].tag and "sing" in ps[0].tag \
        and not {"Name", "Surn", "Geox"} & ps[0].tag.grammemes


def _one_person(item: str) -> bool:
    """(session 18) An item that names one person without a name: a pronoun ("его", "её") or a phrase headed by a
    singular animate noun ("организатора митинга", "активист")."""
    words = item.split()
    if not words or len(words) > 4:
        return False
    if len(words) == 1 and words[0].lower() in ("его", "её", "ее", "него", "неё", "нее"):
        return True
    return _apposition(words[0])


# a list of the detained with its count ("список задержанных ..., в нем уже 75 человек")
LIST_RE = re.compile(r"(?:спис(?:ок|к)|перечень|перечн)\w*\s+(?:\w+\s+){0,2}?задержанн", re.I)


def listed_figure(t: str) -> int | None:
    m = LIST_RE.search(t)
    if not m:
        return None
    for q, after in quantities(t[m.end():]):
        k = counted(q, after, "")
        if (k and k[0] == "people") or re.match(r"\s*(?:человек|люд|имен|фамили)", after, re.I):
            return q.best
    return None


def headline_figure(t: str) -> int | None:
    """The number of detained a headline states ("Полиция задержала 35 участников митинга в Уральске",
    "Митингке шыққан 80 адам ұсталды", "список задержанных ..., в нем уже 75 человек"), read when the body
    states none."""
    low = t.lower()
    if not DETAIN_RE.search(low) or NO_DETAIN_RE.search(low) or triage_modes.told_before(t):
        return None
    listed = listed_figure(t)
    if listed is not None:
        return listed
    enum = enumerated_detainees(t)
    if enum is not None:
        return enum
    for q, after in quantities(t):
        kind = counted(q, after, before_of(t, q.start))
        if kind and kind[0] == "people" and not unscaled_vague(q.text) and DETAIN_RE.search(clause_of(t, q.start, q.end)):
            return q.best
    return stated_figure(t)


def stated_headline_figure(t: str) -> int | None:
    """(session 50) headline_figure when the headline states it, never a vague word ("Не менее сотни задержанных", not
    "задержаны сотни протестующих"): it stands over a body whose figures are all vague ("десятки активистов")."""
    return None if any(is_vague(q.text) for q, _ in quantities(t)) else headline_figure(t)


# (round 19) a headline that tells a detention without a number: one person ("В Костанае задержан активист",
# "Полиция задержала журналиста", "арестована на 10 суток") or some ("задержаны участники митинга", "ұсталды")
_ONE_OBJECT = (r"(?:активист(?:а|ку)|журналист(?:а|ку)|пикетчи(?:ка|цу)|пенсионер(?:а|ку)|художни(?:ка|цу)|блогер(?:а|шу)|"
               r"организатор(?:а|шу)|участни(?:ка|цу)|мужчину|женщину|студент(?:а|ку))")
# (session 50: the object first, "Активиста задержали за пустой плакат")
HEAD_ONE_RE = re.compile(r"(?<!\w)(?:задержан|задержана|арестован|арестована|доставлен|доставлена|водворен|водворена)(?!\w)|"
                         r"\b(?:задержал[аи]?|доставил[аи]?)\s+(?:[\w-]+\s+)?" + _ONE_OBJECT + r"\b|"
                         r"(?<!\w)" + _ONE_OBJECT + r"\s+(?:[\w-]+\s+)?(?:задержал[аи]?|доставил[аи]?|арестовал[аи]?)\b", re.I)


HEAD_VERB_RE = re.compile(r"задержа(?:л\w*|н[аоы]?\b|нн\w*)|доставил|доставлен|увез|увёз|увоз|отвез|забрал|арестова|водвор|упаков|автозак|"
                          r"ұстал|ұстад|ұстап|қамауға|қамал|алып\s+кет|әкетт|" + KK_SEIZED, re.I)


def headline_unnumbered(t: str) -> str | None:
    """'one' when the headline tells one person detained, 'some' when it tells detentions without a number, None
    when it tells none (or a number: headline_figure reads it)."""
    from assets.media.detention_patterns import NEG_DETAIN_RE
    from assets.media.detention_scope import abroad
    low = t.lower()
    if not DETAIN_RE.search(low) or NO_DETAIN_RE.search(low) or NEG_DETAIN_RE.search(low) \
            or triage_modes.told_before(t) or abroad(t):
        return None
    if re.search(r"задержк|задержани[ея]\s+(?:рейс|поезд|выплат|зарплат)|оштраф|штраф|приговор|осужд", low):
        return None  # a fine or a sentence: the sanction, told apart
    if not HEAD_VERB_RE.search(low):
        return None  # a topic label ("Задержания", "Задержания в Таразе"): no statement that anyone was detained
    if HEAD_ONE_RE.search(t) and not re.search(r"задержаны|арестованы|доставлены|\bи\s+(?:его|её|ее)\b", low):
        return "one"
    return "some"


# a breakdown by city inside one sentence: "в Алматы задержаны 30 человек, в Нур-Султане — 20", "Всего задержали 45
# человек, из них 30 в Алматы", "Шымкентте 25 адам, Алматыда 40 адам ұсталды"
# (session 26: or the country's total before a city's part, "в стране задержаны 200 человек, в Алматы — 20")
BREAKDOWN_RE = re.compile(r"\bиз\s+них\b|\bв\s+том\s+числе\b|\bоның\s+ішінде\b|"
                          r"\b(?:в|по)\s+(?:всей\s+)?(?:стране|республике|казахстану)\b|\bел\s+бойынша\b", re.I)


def city_figure(t: str, city: str | None) -> int | None:
    """The figure a sentence of several cities (or of a total and its parts) gives for `city`: the one count
    in the segment (between commas, dashes and "из них") that names this city and no other."""
    if not city:
        return None
    hits = [h for h in places.find_cities(t) if places.hit_role(t, h) == "place"]
    if len({h.key for h in hits}) < 2 and not BREAKDOWN_RE.search(t):
        return None
    bounds = [0] + [m.end() for m in re.finditer(r",|;|\bиз\s+них\b|\bв\s+том\s+числе\b|\bоның\s+ішінде\b", t, re.I)] \
        + [len(t)]
    found = []
    for a, b in zip(bounds, bounds[1:]):
        keys = {h.key for h in hits if a <= h.start < b}
        if keys != {city}:
            continue
        seg = t[a:b]
        if not DETAIN_RE.search(seg.lower()) and not (len(seg.split()) <= 6 and (DETAIN_RE.search(t[:a].lower())
                                                                                or DETAIN_RE.search(t[b:].lower()))):
            continue  # a segment of its own verb that detains nobody ("около сотни жителей вышли на митинг")
        figs = []
        for q, after in quantities(t[a:b]):
            if re.search(r"(?:19|20)\d\d", q.text) or unscaled_vague(q.text):
                continue
            k = counted(q, after, t[a:a + q.start])
            if (k and k[0] == "people") or (re.search(r"\d", q.text) and re.match(r"\s*(?:[.,;)]|$|в\s|на\s)", after)
                                            and re.search(r"[—–-]\s*$|из\s+них\s*$", t[a:a + q.start])):
                figs.append(q.best)
            elif k is None and re.match(r"\s*(?:в|во)\s+[А-ЯЁ]", after) and re.search(r"из\s+них\s*$", t[max(0, a - 8):a]):
                figs.append(q.best)  # "из них 30 в Алматы"
        if len(figs) == 1:
            found.append(figs[0])
    return found[0] if len(found) == 1 else None


# verbs under which an infinitive "задерживать" tells of detentions that happened ("стали задерживать")
BEGIN_LEMMAS = {"начать", "начинать", "стать", "продолжить", "продолжать", "приняться"}


# (session 50) a future or modal passive: "будет задержан", "могут быть арестованы", "должны быть доставлены"
FUTURE_PASSIVE_RE = re.compile(r"(?<!\w)(?:будет|будут|может\s+быть|могут\s+быть|должен\s+быть|должна\s+быть|должны\s+быть)\s+"
                               r"(?:[\w-]+\s+)?(?:задержан|арестован|доставлен)\w*", re.I)
# (session 50) an intention, negated or not, tells nothing of what was done: "никто не собирается задерживать"
INTENT_STEMS = ("собира", "собер", "намерен", "намерев", "планир", "хоч", "хотят", "хотел", "будет", "будут", "ниет")


def infinitive_only(low: str) -> str | None:
    """When the sentence's only word of detaining is an infinitive that no verb of beginning governs
    ("могли задержать", "угрожали задерживать", "не стали их задерживать", "отказались задерживать
    пикетчиков"), it reports no detention: 'negative' when negated, else 'none'. None otherwise."""
    if FUTURE_PASSIVE_RE.search(low) and not DETAIN_RE.search(FUTURE_PASSIVE_RE.sub(" ", low)):
        return "none"  # (session 50) "подозреваемый будет задержан в ближайшие дни": not done yet
    if not re.search(r"задерж", low):
        return None
    rest = re.sub(r"\w*задерж\w*", " ", low)
    if DETAIN_RE.search(rest):
        return None  # another phrasing of detention ("доставили в отдел")
    toks = tokens(low)
    negated = False
    for k, tok in enumerate(toks):
        if "задерж" not in tok:
            continue
        ps = parses(tok)
        if not ps or ps[0].tag.POS != "INFN":
            return None
        window = toks[max(0, k - 3):k]
        for j, w in enumerate(window):
            if any(p.tag.POS == "VERB" and yo(p.normal_form) in BEGIN_LEMMAS for p in parses(w)):
                if not (j > 0 and window[j - 1] == "не"):
                    return None  # "стали задерживать": they did
        if "не" in window and not any(w.startswith(INTENT_STEMS) for w in window):
            negated = True  # (session 50: "никто не собирается задерживать" is an intention, no report of none)
    return "negative" if negated else "none"


def one_joined_before(t: str, start: int) -> int:
    """(round 17) One person joined by "и" before the detained figure, right after the verb ("задержали организатора
    и двух участников" = 1 more, "увезла организатора акции и 10 участников"): 1, else 0 (pymorphy3: an animate noun
    in the singular accusative)."""
    m = re.search(r"(?:задержал|доставил|увезл|увез|отвезл|отвез|забрал|увел)\w*\s+(?:одного\s+|одну\s+)?([а-яё]+)"
                  r"(?:\s+[а-яё]+)?\s+и\s+$", t[max(0, start - 80):start], re.I)
    if not m:
        return 0
    ps = parses(m.group(1).lower())
    return int(bool(ps) and any(p.tag.POS == "NOUN" and "anim" in p.tag and "sing" in p.tag and "accs" in p.tag
                                and not {"Name", "Surn", "Patr", "Geox"} & p.tag.grammemes for p in ps[:2]))
