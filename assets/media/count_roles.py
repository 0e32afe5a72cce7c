"""Which number is the crowd, which the detained: a number's role read from the sentence's dependency parse
(issue 16, round 21; sentence_syntax.py parses).

For a number the rules' extractor reads (numbers.quantities), `role` finds the noun it counts (its `nummod` head,
or the number itself when it stands alone: "15 были задержаны", "пятеро"), the predicate that governs that noun
(climbing `nmod`/`conj`/`appos` to the first verb, a participle included) and answers:

- `detained`: the predicate, or a participle describing the noun ("задержанных 15 человек"), is one of detaining,
  delivering, arresting or what follows (fined, released: the rules' DETAIN_RE and AFTER_DETENTION_RE);
- `crowd`: the predicate is one of gathering, coming out, standing, demanding ... (crowd.CROWD_VERB_RE), in the
  indicative past or present, not under a verb of intent, threat or demand, with no earlier year ("в прошлом
  году", "в 2019 году") attached; "число участников составило N";
- `neither`: the noun is a unit (years, tenge, МРП, days, per cent, an article ...), the police or the press; an
  age; a number named by its noun ("статье 488"); a placard's quoted words; the predicate future, conditional,
  under intent, of an earlier year; a negated detention;
- None: no verdict (a Kazakh sentence, no number found among the tokens, no predicate of either kind, a noun
  attached across another clause's finite verb): the rules decide.

`apply` combines the verdict with the rules' answer by a mode (config `extraction.syntax`, `monitor extract
--syntax`, `evaluate_real --syntax`):

- `off`: the rules alone (the default; nothing is parsed);
- `veto`: the rules' count is dropped when the parse reads its number as `neither` (no people of this event);
- `veto_strict`: also when it reads it as the other field's (a head count read as `detained`, a detained count as
  `crowd`);
- `override`: as `veto_strict`, but instead of dropping, the first stated number of the field's role among the
  numbers the rules read (the rules' sentence, the headline and the event sentences, the sentences of detaining)
  wins, when there is one.

Where the parse gives no verdict the rules' count stands. Measured on the open parts (docs/media-accuracy.md, round 21):
`veto` is neutral there, `veto_strict` and `override` lose a head count on `dev` and on `fresh`.

Only an article of one event is read (as the learned re-ranker): the candidates are the article's, not a
segment's.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assets.media import sentence_syntax, triage, triage_modes
from assets.media.count_context import before_of
from assets.media.counts import counted
from assets.media.crowd import CROWD_VERB_RE
from assets.media.detention_patterns import DETAIN_RE
from assets.media.numbers import quantities
from assets.media.participants import AFTER_DETENTION_RE
from assets.media.sentence_syntax import Parse, Token

MODES = ("off", "veto", "veto_strict", "override")
FIELDS = ("participants", "detained")
ROLE_OF_FIELD = {"participants": "crowd", "detained": "detained"}

NUM_RELS = ("nummod", "nummod:gov", "nummod:entity")
# nouns a number counts that are never people at an assembly (lemmas)
UNIT_NOUNS = frozenset((
    "год", "лет", "летие", "месяц", "неделя", "день", "сутки", "час", "минута", "секунда", "раз", "процент",
    "тенге", "тенг", "рубль", "доллар", "евро", "мрп", "тг", "сом", "штраф", "статья", "пункт", "часть", "км", "километр",
    "метр", "м", "га", "гектар", "квадратный", "тонна", "литр", "квартира", "дом", "этаж", "номер", "место",
    "голос", "подпись", "страница", "плакат", "транспарант", "машина", "автомобиль", "автобус", "автозак",
    "пикет", "митинг", "акция", "заявка", "обращение", "письмо", "жалоба", "дело", "миллион", "миллиард", "млн",
    "млрд", "зарплата", "пенсия", "возраст", "выпуск", "класс", "школа", "вуз", "организация", "город", "регион",
    "область", "страна", "язык",  # (session 21) "плакаты на трех языках"
))
# nouns named by a number that follows them ("статье 488", "пункт 3", "дом 12")
NAMED_BY_NUMBER = frozenset(("статья", "пункт", "часть", "номер", "дом", "квартира", "школа", "класс", "кабинет",
                             "палата", "корпус", "колония", "изолятор", "год", "микрорайон", "маршрут", "протокол"))
# a placard's, a banner's or a chant's words: a number quoted after them is no count
PLACARD_RE = re.compile(r"плакат|транспарант|лозунг|надпис|скандир|баннер|растяжк|плакатпен", re.I)
# "the number of X came to N"
TOTAL_VERBS = frozenset(("составить", "составлять", "насчитывать", "достигнуть", "достичь", "превысить", "превышать"))
CROWD_NOUN_RE = re.compile(r"участник|митингующ|протестующ|пикетчик|демонстрант|забастовщик|голодающ|собравш|вышедш", re.I)
# counted people who are no crowd: the police, the press, officials
OTHER_PEOPLE_NOUNS = frozenset((
    "полицейский", "сотрудник", "силовик", "омоновец", "правоохранитель", "военнослужащий", "военный", "солдат",
    "журналист", "корреспондент", "репортер", "наблюдатель", "чиновник", "депутат", "подписчик", "зритель",
    "погибший", "жертва", "пострадавший", "раненый", "член",
    # (session 24) the sick and the infected ("на рынках выявили троих зараженных коронавирусом")
    "зараженный", "заражённый", "инфицированный", "заболевший", "умерший", "больной", "пациент", "госпитализированный",
))
# whose staff are the police («сотрудники полиции», «сотрудников ДВД»)
POLICE_BODIES = frozenset(("полиция", "мвд", "двд", "увд", "овд", "гувд", "омон", "орган", "росгвардия", "милиция",
                           "служба", "департамент", "управление", "спецназ", "патруль", "кнб", "фсб"))
# the round numbers that head the noun ("две тысячи человек": тысяча <- человек as nmod)
ROUND_NOUNS = frozenset(("тысяча", "сотня", "десяток", "миллион", "тыс", "сто", "полсотня", "пара", "группа"))
# verbs of intent, expectation, threat and demand: a predicate under them (xcomp) is not what happened
INTENT_LEMMAS = frozenset((
    "планировать", "запланировать", "намереваться", "собираться", "хотеть", "захотеть", "мочь", "смочь",
    "обещать", "пообещать", "грозить", "пригрозить", "угрожать", "рассчитывать", "надеяться", "ожидать",
    "предполагать", "готовиться", "призывать", "призвать", "требовать", "потребовать", "просить", "попросить",
    "решить", "решать", "предлагать", "предложить", "намерен", "должный", "пытаться", "попытаться",
    "отказаться", "отказываться", "запрещать", "запретить", "разрешать", "разрешить",
))
# verbs of detaining and of what follows it (lemmas), beside the rules' DETAIN_RE and AFTER_DETENTION_RE read on
# the word itself
DETAIN_LEMMAS = frozenset((
    "задержать", "задерживать", "задержанный", "доставить", "доставлять", "арестовать", "арестовывать", "увезти",
    "увозить", "отвезти", "отвозить", "забрать", "забирать", "препроводить", "водворить", "оштрафовать",
    "штрафовать", "наказать", "осудить", "отпустить", "отпускать", "освободить", "освобождать", "выдворить",
    "этапировать", "посадить", "затолкать", "погрузить",
))
EARLIER_ADJ = frozenset(("прошлый", "позапрошлый", "предыдущий", "прежний", "минувший"))
NEG_WORDS = frozenset(("не", "ни", "нет"))
CLIMB_RELS = ("nmod", "conj", "appos", "flat", "flat:name", "fixed", "compound", "nsubj", "nsubj:pass", "obj",
              "iobj", "obl", "obl:agent", "parataxis", "amod", "det", "nummod", "nummod:gov")


@dataclass(frozen=True)
class Role:
    role: str | None  # crowd | detained | neither | None (no verdict)
    why: str


def _low(t: Token) -> str:
    return t.text.lower().replace("ё", "е")


def number_token(p: Parse, start: int, end: int) -> Token | None:
    """The token of the number among the characters [start, end) (a quantity's text may hold "около", "от ... до",
    "тыс."): the last numeral, else the last token."""
    toks = p.at(start, end)
    if not toks:
        return None
    nums = [t for t in toks if t.pos == "NUM" or re.search(r"\d", t.text) or t.rel in NUM_RELS]
    return (nums or toks)[-1]


def counted_noun(p: Parse, num: Token) -> Token:
    """The noun the number counts: its head when it modifies one (through a round number: "2 тысячи человек"),
    else the number itself."""
    noun = p.head_of(num) if num.rel in NUM_RELS else None
    if noun is None:
        return num
    if noun.lemma in ROUND_NOUNS:  # "тысячи человек": the people are the тысяча's nmod
        people = [c for c in p.children(noun) if c.rel == "nmod" and c.pos in ("NOUN", "PROPN", "PRON")]
        if people:
            return people[0]
    return noun


def _is_detain_word(t: Token) -> bool:
    w = _low(t)
    return t.lemma in DETAIN_LEMMAS or bool(DETAIN_RE.search(w) or AFTER_DETENTION_RE.search(w))


def _is_crowd_word(t: Token) -> bool:
    return t.pos in ("VERB", "AUX") and bool(CROWD_VERB_RE.search(_low(t)))


def predicate(p: Parse, noun: Token) -> Token | None:
    """The verb (or participle) that governs the noun: the first VERB up the tree."""
    seen = set()
    t = noun
    while t is not None and t.i not in seen:
        seen.add(t.i)
        h = p.head_of(t)
        if h is None:
            return t if t.pos == "VERB" and t is not noun else None
        if h.pos == "VERB":
            return h
        t = h
    return None


def _descends(p: Parse, t: Token, top: Token) -> bool:
    seen = set()
    while t is not None and t.i not in seen:
        if t.i == top.i:
            return True
        seen.add(t.i)
        t = p.head_of(t)
    return False


def _doubtful(p: Parse, noun: Token, pred: Token) -> bool:
    """A finite verb of another clause lies between the noun and its predicate (not inside the noun's own phrase,
    "200 человек, которые пришли ..., задержаны"): the parser has likely attached the noun across the clause
    ("более десятка людей ... провели протест, в ходе которого потребовали усилить ...")."""
    lo, hi = sorted((noun.i, pred.i))
    return any(t.pos == "VERB" and t.feats.get("VerbForm") == "Fin" and not _descends(p, t, noun)
               for t in p.tokens[lo:hi - 1])


def _not_this_event(p: Parse, pred: Token) -> str | None:
    """Why the predicate tells of no event of now: negated, future, conditional, under intent, of an earlier time."""
    kids = p.children(pred)
    for c in kids:
        if _low(c) in NEG_WORDS and c.rel in ("advmod", "neg", "discourse") and _is_detain_word(pred):
            return "negated"  # "не были задержаны" (a crowd "не вышли на работу" is a strike, kept)
        if _low(c) == "бы":
            return "conditional"
        if c.rel in ("aux", "aux:pass") and c.feats.get("Tense") == "Fut":
            return "future"
        if c.rel == "obl" and c.lemma in ("год", "месяц", "неделя", "раз", "лето", "осень", "зима", "весна"):
            if any(g.lemma in EARLIER_ADJ for g in p.children(c)) or any(
                    g.rel == "amod" and re.fullmatch(r"(?:19|20)\d\d", g.text) for g in p.children(c)) or any(
                    re.fullmatch(r"(?:19|20)\d\d", g.text) for g in p.children(c)):
                return f"earlier ({c.text})"
    if pred.feats.get("Tense") == "Fut" or pred.feats.get("Mood") in ("Cnd", "Imp"):
        return "future or conditional"
    t = pred
    for _ in range(4):  # "планировали выйти", "пригрозили объявить голодовку": under intent
        h = p.head_of(t)
        if h is None or t.rel not in ("xcomp", "csubj", "ccomp", "conj"):
            break
        if t.rel != "conj" and (h.lemma in INTENT_LEMMAS or triage_modes.INTENT_RE.search(_low(h))):
            return f"under {h.text}"
        t = h
    return None


def _quoted(text: str, start: int) -> bool:
    """The position lies inside «...» (or a pair of straight quotes) of its sentence."""
    before = text[:start]
    return before.count("«") > before.count("»") or before.count('"') % 2 == 1


def role(text: str, start: int, end: int) -> Role:
    """The role of the number at text[start:end] (see the module's doc)."""
    p = sentence_syntax.parse(text)
    if p is None:
        return Role(None, "not parsed (not Russian)")
    num = number_token(p, start, end)
    if num is None:
        return Role(None, "number not among the tokens")
    if _quoted(text, start) and PLACARD_RE.search(text[:start]):
        return Role("neither", "inside quotes (a placard's or a title's words)")
    head = p.head_of(num)
    if num.rel not in NUM_RELS and head is not None and head.lemma in NAMED_BY_NUMBER and re.search(r"\d", num.text):
        return Role("neither", f"names {head.text} {num.text}")  # "статье 488", "пункт 3"
    noun = counted_noun(p, num)
    nl = noun.lemma
    if noun is not num and (nl in UNIT_NOUNS or re.search(r"летн|летия", _low(noun))):
        return Role("neither", f"counts {noun.text}")
    if re.search(r"летн", _low(num)):
        return Role("neither", f"an age ({num.text})")
    if nl in OTHER_PEOPLE_NOUNS and (nl != "сотрудник" or any(
            c.rel == "nmod" and c.lemma in POLICE_BODIES for c in p.children(noun))):
        return Role("neither", f"counts {noun.text}")  # (workers, «сотрудники комбината», may be the crowd)
    # a participle describing the counted noun: "задержанных 15 человек", "собравшиеся 200 человек"
    for c in p.children(noun):
        if c.rel in ("amod", "acl") and c.pos in ("VERB", "ADJ"):  # (not a relative clause: "половина из которых"...)
            if _is_detain_word(c):
                return Role("detained", f"{c.text} {noun.text}")
    if noun.pos in ("ADJ", "VERB") and _is_detain_word(noun):  # "15 задержанных"
        return Role("detained", f"{noun.text}")
    pred = predicate(p, noun)
    if pred is None:
        return Role(None, "no predicate")
    if _doubtful(p, noun, pred):
        return Role(None, f"{pred.text}: another clause's verb stands between it and {noun.text}")
    if pred.lemma in TOTAL_VERBS:  # "число участников составило 1500 человек", "число задержанных составило 3893"
        total = next((c for c in p.children(pred) if c.rel == "nsubj" and c.lemma in ("число", "количество")), None)
        whose = [c for c in p.children(total) if c.rel == "nmod"] if total else []
        if whose and _is_detain_word(whose[0]):
            return Role("detained", f"{total.text} {whose[0].text}")
        if whose and CROWD_NOUN_RE.match(_low(whose[0])):
            return Role("crowd", f"{total.text} {whose[0].text}")
    why = _not_this_event(p, pred)
    if why:
        return Role("neither", f"{pred.text}: {why}")
    if _is_detain_word(pred) or any(c.lemma in ("задержание", "арест") for c in p.children(pred)):
        return Role("detained", f"{pred.text} {noun.text}")  # ("подвергаются превентивным задержаниям")
    # a passive "были задержаны" whose auxiliary the crowd regex would read ("был")
    if _is_crowd_word(pred) or any(c.rel == "obj" and c.lemma in ("участие", "акция", "митинг", "пикет")
                                   for c in p.children(pred)):
        return Role("crowd", f"{pred.text} {noun.text}")
    return Role(None, f"{pred.text}: neither gathering nor detaining")


# -- the step as the pipeline runs it -------------------------------------------------------------------------
@dataclass(frozen=True)
class Numbered:
    low: int
    best: int
    high: int
    sentence: str
    start: int
    end: int
    text: str


def _numbers(fld: str, title: str, body: str, tri: triage.TriageResult, rules_sentence: str | None,
             published) -> list[Numbered]:
    """The numbers the rules read for the field, in reading order (as learned_rerank.candidates chooses the
    sentences): the rules' sentence first."""
    from assets.media.document import Doc

    sents = [s.text for s in Doc(title, body, published).sents]
    has_title = bool((title or "").strip())
    order = sorted(range(len(sents)), key=lambda i: (not (rules_sentence and _within(sents[i], rules_sentence)), i))
    out = []
    for i in order:
        text = sents[i]
        is_title, is_event = has_title and i == 0, i in tri.event_sentences
        is_rules = bool(rules_sentence) and _within(text, rules_sentence)
        if fld == "participants" and not (is_title or is_event or is_rules):
            continue
        if fld == "detained" and not (is_rules or DETAIN_RE.search(text.lower())):
            continue
        for q, after in quantities(text):
            kind = counted(q, after, before_of(text, q.start))
            if q.best is not None and q.best > 0 and kind is not None and kind[0] == "people":
                out.append(Numbered(q.low, q.best, q.high, text, q.start, q.end, q.text))
    return out


def choose(fld: str, mode: str, rules_value: tuple | None, rules_sentence: str | None,
           nums: Sequence[Numbered]) -> tuple[tuple | None, str | None, str]:
    """(value, sentence, why) of the mode; value None = no count."""
    if mode not in MODES:
        raise ValueError(f"extraction: syntax must be one of {', '.join(MODES)}, not {mode!r}")
    want = ROLE_OF_FIELD[fld]
    mine = None
    if rules_value is not None and rules_sentence:
        mine = next((n for n in nums if _within(n.sentence, rules_sentence) and n.best == rules_value[1]), None)
    r = role(mine.sentence, mine.start, mine.end) if mine else Role(None, "the rules' number not found")
    if mode == "off" or r.role is None or r.role == want:
        if mode == "override" and rules_value is None and RESCUE:
            return _first(fld, want, nums) or (None, None, "no number of the role")
        return rules_value, rules_sentence, r.why  # (the parse gives no verdict, or agrees)
    if mode == "veto" and r.role != "neither":
        return rules_value, rules_sentence, r.why
    if mode == "override":  # another of the rules' numbers of the role, read as the parse reads it
        got = _first(fld, want, nums)
        if got:
            return got
    return None, None, r.why


RESCUE = False  # override where the rules give none: measured worse (docs/media-accuracy.md round 21), kept off


def _within(sentence: str, evidence: str) -> bool:
    return sentence == evidence or (len(sentence) > 20 and sentence in evidence)


def _first(fld: str, want: str, nums: Sequence[Numbered]) -> tuple[tuple, str, str] | None:
    """The first stated (not vague: "несколько", "десятки") number whose role is `want`."""
    for n in nums:
        if not re.search(r"\d", n.text):
            continue
        rn = role(n.sentence, n.start, n.end)
        if rn.role == want:
            value = (n.low, n.best, n.high) if fld == "participants" else (n.best,) * 3
            return value, n.sentence, rn.why
    return None


def apply(title: str, body: str, published, tri: triage.TriageResult, ev: dict, mode: str) -> dict:
    """One event's dict with its counts chosen again by `mode`; a changed count says so in
    `evidence['<field>_syntax']`. Returns a new dict."""
    if mode not in MODES:
        raise ValueError(f"extraction: syntax must be one of {', '.join(MODES)}, not {mode!r}")
    out = dict(ev)
    out["evidence"] = dict(ev.get("evidence") or {})
    if mode == "off":
        return out
    for fld in FIELDS:
        sentence = out["evidence"].get(fld)
        if fld == "participants":
            value = None if ev.get("participants") is None else tuple(
                ev.get(k) if ev.get(k) is not None else ev["participants"]
                for k in ("participants_low", "participants", "participants_high"))
        else:
            value = None if ev.get("detained") is None else (ev["detained"],) * 3
        if fld == "detained" and value is not None and value[1] == 0:
            continue  # "никто не задержан": no number to read
        got, got_sentence, why = choose(fld, mode, value, sentence, _numbers(fld, title, body, tri, sentence, published))
        if got == value and got_sentence == sentence:
            continue
        if fld == "participants":
            out["participants_low"], out["participants"], out["participants_high"] = got if got else (None,) * 3
        else:
            out["detained"] = got[1] if got else None
        if got:
            out["evidence"][fld] = got_sentence
        else:
            out["evidence"].pop(fld, None)
        said = "none" if value is None else str(value[1])
        out["evidence"][f"{fld}_syntax"] = (f"(dependency parse ({mode}): {why}; chose "
                                            f"{got[1] if got else 'none'}; the rules said {said})")
    return out


def apply_events(title: str, body: str, published, tri: triage.TriageResult | None, events: list[dict],
                 mode: str) -> list[dict]:
    """The events of one article with the step applied (an article of one event only)."""
    if mode not in MODES:
        raise ValueError(f"extraction: syntax must be one of {', '.join(MODES)}, not {mode!r}")
    if len(events) != 1 or mode == "off":
        return events
    tri = tri or triage.classify(title, body, published)
    return [apply(title, body, published, tri, events[0], mode)]


def apply_to_event(title: str, body: str, published, tri: triage.TriageResult, ev, mode: str) -> None:
    """`apply` on an extracted Event in place (evaluate_real scores Events)."""
    d = apply(title, body, published, tri, {"participants_low": ev.participants_low, "participants": ev.participants,
                                            "participants_high": ev.participants_high, "detained": ev.detained,
                                            "evidence": ev.evidence}, mode)
    ev.participants_low, ev.participants, ev.participants_high = (d["participants_low"], d["participants"],
                                                                  d["participants_high"])
    ev.detained, ev.evidence = d["detained"], d["evidence"]
