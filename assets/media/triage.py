"""Triage: does an article report a peaceful assembly, or does it only use the words?

Two passes. `quick_pass` is a regular expression over the raw text, cheap enough for every
article: it lets through anything that mentions a form of protest at all. `classify` runs only on
those: it looks, sentence by sentence, for an *event sentence*: a form of assembly (or a gathering
with a protest cue) together with a verb of holding it, in a sentence that is not about a court
case, a law, statistics, entertainment, a corporate or party meeting, or an online campaign.

This module holds the two passes and the article's verdict (`_classify_sentences`: which event sentences count,
together). Beside it, each one thing:
- `triage_sentence`: one sentence judged (`judge_sentence`, and `may_be_event`, the cheap test before it);
- `triage_cues`: the lexicons of an event and of what is no protest (forms, Kazakh verbs, road blocks, sit-ins, ...);
- `triage_modes`: sentences not of an event here and now (a court, background, a plan, a permission, a threat, ...);
- `triage_time`: an event of another time (a year or a month long before publication);
- `triage_abroad` (is the event told abroad?), `triage_not_events` and `triage_formless_gatherings` (round 19's
  classes of sentences: no event here and now; gatherings without a form word), `triage_article_cues` (a foreign
  compound city name, a headline restating its lead).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
import dataclasses
from dataclasses import dataclass

from assets.media import kazlatin, triage_abroad, triage_aftermath, triage_article_cues, triage_civic_cues
from assets.media.detention_patterns import DETAIN_RE, NEG_DETAIN_RE
from assets.media.text import lemmas, normalise, sentences, yo
from assets.media.triage_cues import (AT_BUILDING_RE, CAUSE_GRIEVANCE_RE, DEFENDERS_RE, DEMAND_VERB_RE, FESTIVE_RE, FORM_LEMMAS, KK_DEMAND_RE,
                                      KK_NON_PROTEST_RE, NON_PROTEST_ACTION_RE, ONLINE_FORM_RE, PAST_DETENTION_RE,
                                      PAY_RAISE_RE, PROTEST_LEMMAS, STAYING_RE, STOP_WORK_RE, SUICIDE_RE,
                                      VIDEO_APPEAL_RE, WAGE_GRIEVANCE_RE, WORKERS_RE)
from assets.media.triage_modes import INTENT_RE, PLANNED_RE, background_indices, preempted, sentence_mode
from assets.media.triage_sentence import (APPEAL_RE, DEMOLITION_RESIST_RE, KK_POLICE_RE, RIOT_ACT_RE, STRONG_NEGATIVES,
                                          SentenceVerdict, judge_sentence, may_be_event)
from assets.media.triage_time import RECENT_RE, YEAR_RE, dateline_month, months_ago, old_year, recent_year, vague_period


QUICK_RE = re.compile(
    r"митинг|пикет|голод|шестви|марш[еаиоуы ]|маршем|фл[еэ]ш-?моб|х[эе]п+енинг|перформанс|перекр[ыо]|прикова|"
    r"кран|протест|забастов|бастую|акци[яиюей]|требова|требу[юе]|наразыл|аштық|шеру|жолды жап|ж(?:инал(?:ы?[пд]|ған)|(?:ивут|ил[иа]?)\s+в\s+(?:здании\s+)?акимат)|талап\s+ет|"
    r"жауып\s+тастад|ереуіл|ш(?:турм|ахтадан)|прорвал|ворвал|вломил|видеообращ|недовол|возмущ|еске\s+алд|гүл\s+(?:шоқ\w*\s+)?қой|"
    # a gathering told by its verb alone, with a demand ("собрались у акимата, требуя ...")
    r"несоглас|требуя|вышл[иа]\s+(?:(?:\w+\s+)?(?:на|к)\b|(?:жильцы|жители|рабочие|работники|родители|сельчане|горожане)\b)|подтягива|съехал|стекал|столпил|заночева|плакат|"
    r"(?:прекратил\w*|остановил\w*)\s+работу|вышл\w+\s+на\s+работу|выходить\s+на\s+работу|"
    # Kazakh gatherings told by the verb alone (gathered, came, spent the night, blocked), a protest motorcade
    r"жиыл[ыд]|түне[пд]|бөге[пд]|келіп|автопробег|поверхност|перегород|перегорож|заблокир|бейбіт\s+жиын|скандир|лозунг|бас\s+тарт|"
    # (session 53) a crowd that would not disperse ("не заставили их разойтись", "отказались расходиться")
    r"(?:заставил|заставить|убедил|убедить|уговорил|уговорить|отказал)\w*\s+(?:[\w-]+\s+){0,2}?(?:разойтись|расходиться)|"
    # an unsanctioned gathering named as such ("пресечен несанкционированный сбор граждан")
    r"(?:несанкционированн|незаконн|стихийн)\w*\s+(?:сбор|собрани|сход)|"
    # (session 18) a night in the akimat ("провели ночь в акимате", "остались на ночь в здании"), people gathered on a
    # square or at a building ("собрались на площади", "собрались у здания акимата"): the second pass wants a cue
    r"ночь\s+в\s+(?:здани|акимат)|собра(?:л(?:ись|ось)|вш\w+|ни[яи])\s+(?:[\w-]+\s+){0,3}?(?:на\s+площад|у\s+(?:здани|акимат|проходн|офис)|"
    # (session 37) residents gathered in their courtyard, or disagreement voiced ("собрались во дворе, чтобы выразить
    # несогласие со строительством")
    r"во\s+двор|"
    r"перед\s+(?:[\w-]+\s+)?(?:здани|акимат|администрац))|"
    # (session 19) keeping works from going on ("не дают монтировать вышку", "чтобы не дать вырубить деревья")
    r"не\s+да(?:ют|ть|ли)\s+(?:[\w-]+\s+)?(?:выруб|спил|снес|снос|стро|монтир|установ)|"
    r"приступ\w+\s+к\s+работе|"
    # round 23: a group's commotion, cattle driven to a building, miners not coming up, Kazakh chanting
    # (assets/media/triage_formless_gatherings.py)
    r"гусениц|айдап\s+(?:әкел|бар|кел)|подняли\s+(?:шум|бучу)|скандал(?:ят|или)\b|(?:закатил|устроил)\w*\s+(?:\w+\s+)?скандал|шу\s+(?:көтер|шығар)|пригнал|привел\w*\s+(?:\w+\s+)?скот|жер\s+бетіне|ұранда|"
    # a night in tents or a yurt at a building ("ночуют в палатках у акимата", "установили юрту на площади")
    r"ночу[юе]т|ночев|ночлег|улегл\w*\s+спать|палатк|юрт|алды(?:нда\s+(?:\w+\s+)?(?:тұр|отыр)|на\s+жат)|"
    # refusing to leave a building ("пришли в акимат и отказываются уходить")
    r"отказ\w*\s+(?:\w+\s+)?(?:уходить|уйти|покидать|покинуть)|не\s+(?:собира\w+|намерен\w*)\s+(?:уходить|покидать)|"
    r"не\s+(?:уходят|покидают)\s|"
    # Kazakh: not going to work, going out to the square ("жұмысқа шықпады", "Достар алаңына шықты")
    # (written to start on rare letters: the quick pass runs on every article)
    r"жұмыс(?:қа\s+шықпа|ты\s+тоқтат|тарын\s+тоқтат)|ң\w*\s+(?:шықт|шығып|жиналд|жиналып|жиылд|жиылып)|"
    # standing in the way of a demolition; Kazakh chanting, a crowd grouped, kettled or dispersed
    # (round 19's words are merged into branches above — "жил(и) в акимате", "шахтадан", "алдына жатып" —: each
    # branch of its own would cost ~1% of the pass)
    r"ульдозер|кскаватор|снести|сноса|вырубк|ұран|топтас|қоршауға|таратып\s+жібер|"
    # (session 22) activists taken on a square or at a monument (triage_cues.SUPPORTERS_AT_RE)
    r"задерж\w*\s+(?:[\w«»\"!,-]+\s+){0,8}?(?:на\s+площади|у\s+памятник)|"
    # (session 23) a civic commemoration, a declared work stoppage, a visit to tell of a problem (triage_civic_cues)
    r"возлож|почти(?:ть|л\w*)\s+памят|(?:приостановлени|прекращени|остановк)\w*\s+работ|рассказать\s+о\s+сво|"
    r"чтобы\s+(?:пожаловаться|добиться|потребовать)|"
    # (session 24) a crowd at a seat of power told place first, people who occupy or burst into an office, rebel, demand
    # of an official in person (triage_in_person)
    r"(?:у|перед|возле)\s+(?:здани\w+\s+)?(?:[\w-]+\s+)?акимат\w*\s+(?:[\w-]+\s+){0,4}?собрал|оккупир|стихийно|басып\s+кір|"
    # (session 29) a Kazakh crowd that went to an akimat ("ондаған ата-ана облыс әкімдігіне барып, ... айтты")
    r"әкімді(?:г\w*|кке)\s+(?:[\w-]+\s+)?(?:барып|барды)|"
    r"(?:пришл|приехал|подошл|явил)\w*\s+(?:[\w-]+\s+){0,3}?(?:к|ко|в)\s+(?:здани\w+\s+)?(?:[\w-]+\s+)?акимат|"
    # (session 32) a crowd that came to a square, told verb first or place first (triage_in_person.ON_SQUARE_RE)
    r"пришл[иоа]\s+(?:[\w-]+\s+){0,4}?на\s+(?:[\w«»\"-]+\s+)?площад|площад\w*\s+(?:[\w«»\",-]+\s+){0,8}?пришл[иоа]\b|"
    r"(?:әкімдік|әкімшілік|ақорда|үкімет)\w*\s+(?:[\w-]+\s+)?(?:келд|бард)|жив(?:ую|ой)\s+цеп|тірі\s+тізбек|баннер|"
    r"ночь\s+(?:у|возле|перед)\s+(?:здани|акимат)|колонн\w*\s+(?:из\s+)?(?:\w+\s+)?(?:автомобил|машин)|с\s+(?:коллективн\w+\s+)?жалоб|"
    r"(?:к|ко)\s+(?:здани\w+\s+)?двд|(?:собрали|провели|устроили)\s+(?:\w+\s+)?сход\b|бейнеүндеу|видеоүндеу|бейне\s+үндеу|шағымдан|алдына\s+шық|алаңына\s+шық|"
    r"взбунт|требовал\w*\s+у\s|"
    # (session 25) a video petition in Kazakh, a crowd brought into the street, a banner hung
    # (session 26) work refused at the workplace, a camp set up (triage_cues.STOP_WORK_RE, CAMP_RE)
    r"выходить\s+на\s+(?:сво\w+\s+)?рабоч\w+\s+мест|разби(?:ли|л|ть|вают)\s+(?:[\w-]+\s+)?лагерь|"
    r"бейне\s?өтініш|көшеге\s+шығарды|вывел\w*\s+(?:\w+\s+){0,3}?на\s+улиц|вывешивани|собрал(?:ись|ось)\s+и\s+(?:\w+\s+)?(?:попросили|обратились|потребовали)|"
    # (session 28) a speaker for those gathered, a group's video appeal named by its noun, a crowd at an akimat told with
    # no verb (triage_civic_cues.ON_BEHALF_RE, triage_cues.VIDEO_APPEAL_RE, triage_in_person.VERBLESS_AT_SEAT_RE)
    r"имени\s+(?:всех\s+)?собравш|видео\s+с\s+обращени|акимат\w*\s*[–—]\s",
    # (session 30: no branch for the session's classes — each costs about 1.5% of the pass, and every article of fresh13
    # they found passed on the words above)
    re.I,
)
# (session 32) a queue people stand in ("огромные очереди", "собралась очередь", "выстаивать очереди", "очереди за
# водой"), not a waiting list ("в очереди за жильем", "очередь не продвинулась"), nor one made as a protest
QUEUE_RE = re.compile(r"(?:огромн|длинн|больш|многочасов|жив)\w*\s+очеред|очеред\w*+\s+(?:за\s+|"
                      r"из-за|у\s|возле|в\s+пункт)|собрал\w*\s+очеред|(?:стоят|стоять|стояли|выстаива\w+)\s+(?:в\s+)?(?:[\w-]+\s+)?"
                      r"очеред", re.I)
QUEUE_PROTEST_RE = re.compile(r"протест|требова|акци|очеред\w*\s+(?:на|в|за)\s+(?:получение\s+)?(?:жиль|жилищ|квартир|участк|земл|"
                              r"детск|садик)", re.I)
# the same pattern over lower-cased text, without re.I: six times faster on Cyrillic (benchmarks/bench.py)
_QUICK_LOW_RE = re.compile(QUICK_RE.pattern)
# a sentence that opens on a form's noun ("Шествие закончилось ...", "Эта акция ...", "Митинг длился ...")
_OPENING_FORM_RE = re.compile(r"\W*(?:(?:эт(?:от|а|о|и)|так(?:ой|ая|ое))\s+)?(шестви|митинг|пикет|акци|голодовк|забастовк|марш)\w*", re.I)

@dataclass
class TriageResult:
    passed_quick: bool
    is_assembly: bool
    score: float
    reasons: list[str]
    event_sentences: list[int]

    @property
    def label(self) -> str:
        if not self.passed_quick:
            return "no_mention"
        return "assembly" if self.is_assembly else "mention_only"


# the lemmas that name a protest where a festive crowd or an official flash mob is told: placards and banners are carried
# in parades too (session 23: «прошли по площади с плакатами, транспарантами и флагами» on May Day)
_NAMES_A_PROTEST = PROTEST_LEMMAS - {"плакат", "лозунг", "транспарант"}
# (session 18) who the police took, when they are the gathering's people: participants, activists, "их", "всех", a number
# of people ("пятерых", "15 человек"); not a suspect, a thief or a drunk taken where a crowd happened to be
_GATHERING_PEOPLE_RE = re.compile(r"участник|активист|протестующ|митингующ|собравш|пикетчик|из\s+них|\bих\b|\bвсех\b|"
                                  r"человек|жител|(?:дво|тро|четвер|пятер|шестер|семер|восьмер|девятер|десятер)(?:их|ых)\b", re.I)
# (session 39: and their participles, "трёх девушек, вышедших на акцию по раздаче листовок, задержали")
GATHERED_FOR_ACTION_RE = re.compile(r"(?:собрал|вышл|пришл|собравш|вышедш|пришедш)\w*\s+(?:[\w-]+\s+)?на\s+акци|\bна\s+акци\w*\s+(?:[\w-]+\s+)?(?:собрал|вышл|пришл)|"
                                    # (session 29) people gathered on the carriageway ("Около 20 жителей микрорайона
                                    # собрались на проезжей части"): a street held, the gathering's own cue
                                    r"собрал\w*\s+(?:[\w-]+\s+){0,2}?на\s+проезж\w+\s+част")
_CRIME_RE = re.compile(r"подозрева|краж|\bвор|карманник|нетрезв|пьян|наркот|убий|грабеж|грабёж|разбо|мошенни|преступ|"
                       r"розыск|угон|хулиган", re.I)


# the reason that places an event abroad (outside the product's scope): the learned step never overrides it
ABROAD_REASON = "the event is abroad"
PERMISSION_TOLD = "the headline or the lead tells a permission, a refusal or a warning"
TITLE_ABOUT = "title is about: "  # (the headline's own negatives: a court, a plan, a permission, ...)


def _protest_named(sents: list, strong: list, names: set[str] = _NAMES_A_PROTEST, kk_demand: bool = False) -> bool:
    """One of the event sentences names a protest (a lemma of `names`) or, with `kk_demand`, a Kazakh demand: what an
    official, festive or campaign action told in the lead is never set aside over."""
    return any(set(lemmas(sents[v.index].text)) & names or (kk_demand and KK_DEMAND_RE.search(sents[v.index].text))
               for v in strong)


def _detained_of_gathering(text: str) -> bool:
    """Does the sentence tell that the police took people of a gathering (not none of them, not a suspect)?"""
    return bool(DETAIN_RE.search(text)) and not NEG_DETAIN_RE.search(text) and bool(_GATHERING_PEOPLE_RE.search(text)) \
        and not _CRIME_RE.search(text)


def quick_pass(text: str) -> bool:
    """First pass, on every article: does it mention any form of protest at all?"""
    return bool(_QUICK_LOW_RE.search(text.lower()))


def no_mention() -> TriageResult:
    """The verdict on an article the quick pass does not let through."""
    return TriageResult(False, False, 0.0, ["no form of assembly mentioned"], [])


def classify(title: str, text: str, published: dt.date | None = None) -> TriageResult:
    """Second pass, on candidates only. With the publication date, an event sentence naming a year
    two or more years before it is background (an anniversary, a history), whatever its wording."""
    full = _full_text(title, text)
    if not quick_pass(full):
        return no_mention()
    return _classify_sentences(full, bool(title), published)


def _full_text(title: str, text: str) -> str:
    """The text the rules read: the headline on its first line, Kazakh in Latin letters read in Cyrillic."""
    title, text = kazlatin.convert(title or "", text)
    return f"{normalise(title)}\n{normalise(text)}" if title else normalise(text)


def _tells_permission(sents: list) -> bool:
    return any(sentence_mode(sents[i].text) == "permission" for i in range(min(2, len(sents))))


def tells_permission(title: str, text: str) -> bool:
    """(session 48) Whether the headline or the lead (the first two sentences, as `classify` reads them) tells a
    permission, a refusal or a warning (`triage_modes.sentence_mode`): a refusal so told is kept from the learned step
    (`PERMISSION_TOLD`; the backtest asks this of the blind parts' articles)."""
    return _tells_permission(sentences(_full_text(title, text)))


# (session 28) a greeting ("поздравляем ... с наступающим новым годом") and a request or demand: a group's video that
# greets and asks for nothing is no appeal (used in _classify_sentences)
GREETING_RE = re.compile(r"поздравля\w*|поздравил\w*|с\s+наступающим|с\s+праздником|құттықта", re.I)
_ASKS_RE = re.compile(r"\bтреб(?:у|ов)|потребова|\bпросим\b|\bпросят\b|талап\s+ет", re.I)
# (session 20) an act told as repeated ("трижды проводила одиночные акции", "неоднократно выходил на пикеты"): a history
_OFTEN = r"(?:дважды|трижды|четырежды|неоднократно|многократно|не\s+раз|не\s+один\s+раз|несколько\s+раз|регулярно|систематически)"
_DID = r"(?:проводил|выходил|устраивал|пикетировал|участвовал|выступал|собирал)"
# (session 40: or the verb first, "Сход собирался не один раз по этому поводу")
REPEATED_RE = re.compile(rf"(?<!\w){_OFTEN}\s+(?:[\w-]+\s+){{0,2}}?{_DID}|\b{_DID}\w*\s+(?:[\w-]+\s+)?{_OFTEN}(?!\w)", re.I)


def with_site(res: TriageResult, url: str | None, title: str, text: str) -> TriageResult:
    """(session 20) The verdict with the article's site read: an assembly on a foreign national site whose text names
    nothing of Kazakhstan (`triage_abroad.foreign_site`) is a report from abroad. Applied last, after any learned step."""
    if not res.is_assembly or not triage_abroad.foreign_site(url, f"{title}\n{text}"):
        return res
    return dataclasses.replace(res, is_assembly=False, score=0.0,
                               reasons=[*res.reasons, f"{ABROAD_REASON} (a foreign site; nothing of Kazakhstan named)"])


def classify_batch(articles: Iterable[tuple]) -> list[TriageResult]:
    """Both passes over a batch of (title, text) or (title, text, published), as the pipeline and the
    benchmark run them: the quick pass on every article's raw text, `classify` only on those it lets through."""
    return [_classify_safely(a) if quick_pass(f"{a[0]}\n{a[1]}") or kazlatin.scheme(f"{a[0]}\n{a[1]}") else no_mention()
            for a in articles]


def _classify_safely(article: tuple) -> TriageResult:
    """`classify`, and where the rules fail on an article's text (a fault of ours, session 23's IndexError), a verdict
    that says so: not an event, with the error as its reason, in the "not an event" list a monitor can reverse."""
    try:
        return classify(*article)
    except Exception as exc:  # noqa: BLE001 - one article the rules cannot read must not stop the batch
        return TriageResult(True, False, 0.0, [f"triage failed on this article ({type(exc).__name__}: {exc}); a monitor "
                                               f"can send it back"], [])


def _classify_sentences(full: str, title: bool, published: dt.date | None = None) -> TriageResult:
    sents = sentences(full)
    # the headline is always judged (its negatives matter); other sentences only when they may be events
    verdicts = [judge_sentence(s, published) if (s.index == 0 or may_be_event(s)) else SentenceVerdict(index=s.index, event=False)
                for s in sents]
    for v in verdicts:  # (session 50: or a part of a year or a month, "в начале года", "в середине июня")
        if v.event and (old_year(sents[v.index].text, published) or vague_period(sents[v.index].text, published)):
            v.event = False
            v.negatives.append("background")
    # a history: the first dated sentence of a holding dates it two or more years before publication and nothing
    # in the article brings it to the present ("С 16 по 18 декабря 1986 года ... прошла серия протестных акций.
    # ... Тысячи казахстанцев вышли на улицы": the later sentences are of the same past, without a year of their own)
    dated = [v for v in verdicts if v.reasons and YEAR_RE.search(sents[v.index].text)]
    if published is not None and dated and old_year(sents[dated[0].index].text, published) \
            and not any(RECENT_RE.search(t.text) or recent_year(t.text, published) for t in sents):
        for v in verdicts:
            if v.event:
                v.event = False
                v.negatives.append("background")
    # a holding dated by a month alone, two or more months before publication ("в феврале прошли митинги" in September,
    # Kazakh "Ақпанда ... басталған қарсылық акциялары маусым айында ... жалғасқан"): another time
    # (session 29: with no publication date, the month of an agency's dateline, "Актау. 5 ноября. KAZAKHSTAN TODAY - ...")
    month_ref = published or dateline_month(full.split("\n", 1)[1] if title and "\n" in full else full)
    if month_ref is not None:
        for v in verdicts:
            if v.event and months_ago(sents[v.index].text, month_ref):
                v.event = False
                v.negatives.append("background")
    # (round 19) a headline that restates the lead's first sentence ("Фанаты провели флешмоб" / "Фанаты клуба провели
    # флешмоб на трибуне, развернув баннер с поздравлением"): when the lead names the same form and sets it aside for
    # a strong reason (a court, a plan, a celebration, ...), the headline is that sentence's event, not another
    # (the headline gets no negative of its own: the article is judged on its other sentences as if it had none)
    if title and len(verdicts) > 1 and verdicts[0].event and not verdicts[1].event and verdicts[1].reasons \
            and len(sents[0].text.split()) <= 20 and triage_article_cues.restates(sents[0].text, sents[1].text) \
            and any(n in STRONG_NEGATIVES or n in ("entertainment", "online") for n in verdicts[1].negatives):
        verdicts[0].event = False
    background = background_indices(sents)  # (read again below by the festive-crowd refusal)
    for i in background:
        if verdicts[i].event:
            verdicts[i].event = False
            verdicts[i].negatives.append("background")
    # an assembly the police stopped: "десятки человек были задержаны ... Они собирались провести митинг"
    # (an intention, not a future plan, next to detentions already made)
    for v in verdicts:
        if not v.event and "form+verb" in v.reasons and v.negatives == ["planned"]:
            low = yo(sents[v.index].text).lower()
            if INTENT_RE.search(low) and not PLANNED_RE.search(low) and not preempted(low) and any(
                    PAST_DETENTION_RE.search(s.text) for s in sents if s.index != v.index):  # (session 48: not at home)
                v.event = True
                v.infinitive_only = False  # the detentions tell that something was under way
                v.reasons.append("stopped by detentions")
    # people demanding at a building, told live ("Сейчас у акимата Актобе. Люди требуют снизить цены на газ"):
    # a finite "требовать" with the building in the same or the sentence before
    for v in verdicts:
        if v.event or v.negatives or v.index == 0 and title:
            continue
        t = sents[v.index].text
        if "треб" not in t or not DEMAND_VERB_RE.search(t):
            continue
        t = re.sub(r",?\s*чтобы\b.*", "", t)  # (the place in what they want: "требуют, чтобы на площади ...")
        here = AT_BUILDING_RE.search(t) or (v.index > (1 if title else 0) and AT_BUILDING_RE.search(sents[v.index - 1].text)
                                            and not verdicts[v.index - 1].negatives)
        if here:
            v.event = True
            v.reasons.append("demand at a building")
    # an online form named in the headline or the lead ("Онлайн-голодовка на комбинате продлилась почти месяц"): the same
    # form further on is that online one ("в акции протеста в виде голодовки участвовали четверо"), unless a sentence
    # puts people at a building or on a square
    if any(ONLINE_FORM_RE.search(sents[i].text) for i in range(min(3, len(sents)))):
        for v in verdicts:
            if v.event and set(v.reasons) <= {"form+verb", "protesters acting"} and not AT_BUILDING_RE.search(sents[v.index].text):
                v.event = False
                v.negatives.append("online")
    # protesters named as those who act ("Голодающие ждут президента") report the news in the headline or the lead;
    # further on they are the context of another story ("Протестующие требовали изменить Земельный кодекс")
    for v in verdicts:
        if v.event and set(v.reasons) == {"protesters acting"} and v.index > 2:
            v.event = False
    # (session 30) a sentence that opens on the form a background sentence just named ("... ранее возглавил шествие к
    # резиденции президента. Шествие закончилось массовыми задержаниями"): it goes on about that earlier action
    for v in verdicts:
        if v.event and v.index > 0 and "background" in verdicts[v.index - 1].negatives \
                and (m := _OPENING_FORM_RE.match(sents[v.index].text)) \
                and re.search(m.group(1)[:5], sents[v.index - 1].text, re.I):
            v.event = False
            v.negatives.append("background")
    events = [v for v in verdicts if v.event]
    # a bare road block ("перекрыли проспект") or gathering ("собираются люди") counts only with a
    # protest cue next to it
    strong = []
    set_aside = None  # (session 21) why the article's event sentences were set aside as a whole, for the monitor
    # a headline that names the protest ("... из-за забастовки водителей") and is about nothing else: the cue for a
    # gathering the body tells without one ("40 водителей отказались выходить в рейс")
    # (session 18: or names a form of assembly, "Митинг в Костанае", "Пикет у акимата": the cue of a gathering at a building)
    clean_title = bool(title and verdicts and not verdicts[0].negatives and sentence_mode(sents[0].text) is None)
    title_lemmas = set(lemmas(sents[0].text)) if clean_title else set()
    title_protest = bool(title_lemmas & (FORM_LEMMAS | PROTEST_LEMMAS))
    title_form = bool(title_lemmas & FORM_LEMMAS)
    # (session 32) the wages owed told in the headline or the lead: the cue of a workers' gathering further on (lead_wage)
    wages_in_lead = any(set(v.reasons) <= {"road block", "gathering"} for v in events) \
        and any(WAGE_GRIEVANCE_RE.search(s.text) for s in sents[:3])
    for v in events:
        if set(v.reasons) <= {"road block", "gathering"}:
            if REPEATED_RE.search(sents[v.index].text):
                continue  # (session 40) a gathering told as repeated ("Сход собирался не один раз"): a history, not one event
            near = [w for w in verdicts if 0 < abs(w.index - v.index) <= 2]
            # (the headline's cue serves a gathering that stays or stops work, not a plain "came", "arrived")
            here_low = yo(sents[v.index].text).lower()
            staying_here = STAYING_RE.search(here_low)
            # (a video "в поддержку" someone is no appeal)
            video_here = VIDEO_APPEAL_RE.search(sents[v.index].text) and not re.search(r"в\s+поддержку|поддерж\w+\s+(?:президент|власт)",
                                                                                     sents[v.index].text, re.I)
            # (session 18) a headline that names the form ("Митинг в Костанае") is the cue for a gathering at a building
            # or on a square that the lead tells in its first sentences ("Около 50 жителей собрались у акимата")
            title_form_here = title_form and v.index <= 2 and bool(AT_BUILDING_RE.search(sents[v.index].text))
            # (session 18) the police acting on the gathering told there or just after ("собрались на площади. Пятерых
            # участников увезли в отдел полиции"): people are detained at a protest, not at a plain meeting
            detained_after = any(w.index >= v.index or (title and w.index == 0) for w in near + [v]
                                 if _detained_of_gathering(sents[w.index].text))
            # (session 18) a work stoppage over pay ("не вышли на линию из-за задержки зарплаты"): the grievance is its cue
            # (session 26: or a raise asked for, "обращались ... по поводу повышения заработной платы")
            wage_strike = bool(STOP_WORK_RE.search(here_low)) and any(
                WAGE_GRIEVANCE_RE.search(sents[w.index].text) or PAY_RAISE_RE.search(sents[w.index].text) for w in near + [v])
            # (session 21) people gathered "на акцию", or over their unpaid wages in the same sentence ("на акцию собрались
            # рабочие завода, которые три месяца не получают заработную плату"): the sentence's own cue
            own_cue = bool(GATHERED_FOR_ACTION_RE.search(here_low) or WAGE_GRIEVANCE_RE.search(here_low)
                           # (session 23) activists honouring the dead; workers who declare they stop work
                           or triage_civic_cues.CIVIC_MEMORY_RE.search(here_low) or triage_civic_cues.WORKERS_STOP_RE.search(here_low)
                           # (session 30) a group's recorded appeal is its own cue
                           or (video_here and triage_civic_cues.GROUP_APPEAL_RE.search(here_low)))
            # (session 32) workers who gathered, in an article whose headline or lead tells their wages owed ("рабочие
            # выражают недовольство из-за задержек выплаты заработной платы ... Сегодня рабочие собрались у офиса")
            lead_wage = wages_in_lead and bool(WORKERS_RE.search(here_low))
            near_protest = lead_wage or (title_protest and bool(staying_here)) or title_form_here or detained_after or wage_strike or own_cue or any(
                set(lemmas(sents[w.index].text)) & PROTEST_LEMMAS or KK_DEMAND_RE.search(sents[w.index].text)
                or DEMOLITION_RESIST_RE.search(sents[w.index].text) or KK_POLICE_RE.search(sents[w.index].text)
                or CAUSE_GRIEVANCE_RE.search(sents[w.index].text)  # (session 22) "решились на такой шаг из-за отсутствия воды"
                # (session 31) the wages owed them told beside the gathering ("собрались у поселкового клуба. ... А у
                # многих задолженность в сотни тысяч по зарплате"); the defenders of a lake or a park who gathered
                or WAGE_GRIEVANCE_RE.search(sents[w.index].text) or DEFENDERS_RE.search(sents[w.index].text)
                or triage_civic_cues.AIM_TO_OFFICIAL_RE.search(sents[w.index].text)  # (session 27) "донести до акима"
                or (video_here and APPEAL_RE.search(sents[w.index].text))
                for w in near + [v]) or any(
                # (session 28) someone speaks "от имени собравшихся" in the three sentences after the gathering (not in
                # its own sentence: there "собравшихся" is the only gathering word)
                triage_civic_cues.ON_BEHALF_RE.search(sents[w.index].text) for w in verdicts if 0 < w.index - v.index <= 3)
            if not near_protest:
                continue
            # (session 28) a group's video that greets ("поздравляем всех казахстанцев с наступающим новым годом") and
            # asks for nothing: a greeting, not an appeal
            if video_here and any(GREETING_RE.search(sents[w.index].text) for w in near + [v]) and not any(
                    _ASKS_RE.search(sents[w.index].text) for w in near + [v]):
                continue
        strong.append(v)
    # a headline about something else (a court, a law, a clean-up, a concert ...) that does not itself
    # report the event: the article needs two event sentences
    title_neg = verdicts[0].negatives if title and verdicts and not verdicts[0].event else []
    if title_neg and set(lemmas(sents[0].text)) & (PROTEST_LEMMAS | {"отстоять", "отстаивать"}):
        # "Болельщики против руководства клуба": a headline naming a protest is not about a match (session 38: nor one
        # whose people would defend the ground, "Общежитие вместо стадиона: жители ... хотят отстоять территорию")
        title_neg = [n for n in title_neg if n in STRONG_NEGATIVES]
    # (session 23) or a lead that opens on a court hearing the case ("Во вторник административный суд разбирался с делом
    # ... В субботу они выходили на пикет"; "Орал қаласының әкімшілік соты ... істі қарады"): the holding is its history
    # (not under a headline that itself tells the holding: "он объявил голодовку, к зданию суда приехали его родные")
    lead_court = not title_neg and not (title and verdicts[0].reasons) and any(
        "court" in v.negatives and triage_civic_cues.COURT_HEARING_RE.search(sents[v.index].text) for v in verdicts[:3])
    need = 2 if title_neg or lead_court else 1
    if "court" in title_neg or lead_court:  # (session 20) under a court's headline, pickets told as repeated are its history
        strong = [v for v in strong if not REPEATED_RE.search(sents[v.index].text)]
    # an article whose only events are a bare "акция" that the article itself calls a charity, a sale or a
    # campaign ("прошла акция в поддержку пострадавших ... благотворительная акция"): no protest
    # (session 31: not one whose participants the police detained, "Полицейские задержали ее участников")
    if strong and all(v.action_only and set(v.reasons) <= {"form+verb", "kk form+verb"} for v in strong) \
            and (NON_PROTEST_ACTION_RE.search(full) or KK_NON_PROTEST_RE.search(full)) \
            and not any(_detained_of_gathering(s.text) for s in sents[:6]):
        strong, set_aside = [], "the only «акция» is a charity, a sale or a campaign the article names"
    # an article that calls its event a celebration ("мерекелік шеру", "флешмоб ко Дню Республики") and names no
    # protest in its event sentences: a holiday, not an assembly
    # (so is a crowd "out on the square" in an article about a feast, a concert or fans)
    # (session 25: not a feast told as another time, "Ровно восемь лет назад, когда вся страна праздновала")
    told_before = {v.index for v in verdicts if "background" in v.negatives} | background
    festive_crowd = all(set(v.reasons) <= {"gathering+protest", "gathering", "march by its route", "crowd at a seat of power"}
                        for v in strong) and any(
        FESTIVE_RE.search(sents[i].text) for i in {0, 1, *(v.index for v in strong)} - told_before if i < len(sents))
    if strong and (any("celebration" in v.negatives and v.index not in told_before for v in verdicts) or festive_crowd) and not any(
            set(lemmas(sents[v.index].text)) & _NAMES_A_PROTEST or KK_DEMAND_RE.search(sents[v.index].text)
            or triage_civic_cues.CIVIC_MEMORY_RE.search(sents[v.index].text)  # (session 23: the opposition's flowers on a holiday)
            for v in strong):
        strong, set_aside = [], "a celebration or a festive crowd, with no protest named"
    # (session 23) a flash mob an office organised, or timed to a holiday or the official line, with no protest named
    if strong and triage_civic_cues.in_lead(triage_civic_cues.OFFICIAL_ACTION_RE, sents) and not _protest_named(sents, strong):
        strong, set_aside = [], "a flash mob of an office, a holiday or the official line, with no protest named"
    # (session 38) the state's remembrance day or the ruling party's rally told in the lead, no protest named, no activist
    if strong and triage_civic_cues.in_lead(triage_civic_cues.OFFICIAL_DAY_OR_PARTY_RE, sents) \
            and not _protest_named(sents, strong, kk_demand=True) \
            and not any(triage_civic_cues.CIVIC_ACTOR_RE.search(x.text) for x in sents[:4]):
        strong, set_aside = [], "the state's remembrance day or the ruling party's rally, with no protest named"
    # (session 32) a queue the headline or the lead tells ("жители жалуются на огромные очереди ... собралась очередь ...
    # в одну точку собираются люди со всей округи"): the gathering is the queue, not an assembly
    # (not a gathering at a building or one that demands: "Сегодня жители собрались у здания акимата, требуя наладить
    # подачу воды" after the same lead is an assembly)
    if strong and any(QUEUE_RE.search(x.text) and not QUEUE_PROTEST_RE.search(x.text) for x in sents[:3]) and all(
            set(v.reasons) <= {"gathering", "gathering+protest"} and not AT_BUILDING_RE.search(sents[v.index].text)
            and "треб" not in sents[v.index].text.lower() for v in strong):
        strong, set_aside = [], "a queue the lead tells: the people gathered are queuing"
    # (session 32) an action an office organised or runs as its campaign, told in the lead, with no protest named ("против
    # насилия" is a campaign's theme)
    if strong and triage_civic_cues.in_lead(triage_civic_cues.OFFICIAL_ORGANISER_RE, sents, 6) \
            and not _protest_named(sents, strong, _NAMES_A_PROTEST - {"против"}, kk_demand=True):
        strong, set_aside = [], "an action an office organised or runs as its campaign, with no protest named"
    # (session 21) a climb told with a threat to jump and no protest or demand anywhere ("взобрался на вышку и угрожает
    # броситься с высоты"): a person in crisis, not an assembly
    if strong and all(set(v.reasons) <= {"height", "crane"} for v in strong) \
            and any(SUICIDE_RE.search(sents[v.index].text) for v in strong) \
            and not set(lemmas(full)) & PROTEST_LEMMAS and not KK_DEMAND_RE.search(full):
        strong, set_aside = [], "a climb with a threat to jump and no protest or demand told: a person in crisis"
    # (session 23) the headline or the lead says the protest did not take place ("анонсировали массовый протест, однако
    # он не состоялся"; "Но ничего не вышло"), and no one of a gathering was detained: a call or an attempt
    if strong and triage_civic_cues.in_lead(triage_civic_cues.FAILED_RE, sents) and not any(_detained_of_gathering(s.text) for s in sents):
        strong, set_aside = [], "the article says the protest did not take place"
    # (session 40) the text is an announcement: its fields give the place, the date and time, the contacts ("Место
    # проведения: ...", "Дата и время проведения: 14 июня 2011 года, 11:00"); what it tells as held is background
    if strong and triage_civic_cues.announcement_fields(full):
        strong, set_aside = [], "an announcement (the place, date and time of holding given as its fields): nothing told as held"
    # (session 40) a form the article denies flatly ("Никакой забастовки не было"), no one of a gathering detained: the
    # sentences that tell that form were others' words
    denied = {m.group(1).lower() for s in sents for m in triage_civic_cues.FLAT_DENIAL_RE.finditer(s.text)} if strong else set()
    if denied and not any(_detained_of_gathering(s.text) for s in sents):
        kept = [v for v in strong if not any(f in sents[v.index].text.lower() for f in denied)]
        if not kept:
            set_aside = "the article denies the form it tells (\"никакой забастовки не было\"): others' words"
        strong = kept
    # (session 31) a lead that tells a riot ("Митингующие дошли до площади, где устроили беспорядки", "громили
    # автомобили") and event sentences that name no form, only the crowd acting, dispersing or detained: the riot
    if strong and any(RIOT_ACT_RE.search(s.text) for s in sents[:2]) and all(
            set(v.reasons) <= {"protesters acting", "protesters detained", "protesters present", "gathering", "gathering+protest"}
            for v in strong):
        strong, set_aside = [], "a riot the lead tells (destruction, beatings), no peaceful form named"
    # (session 50) people detained, charged or tried for taking part in riots, told in the headline or the lead, and event
    # sentences that all tell the riot ("во время массовых беспорядков ... с участниками митинга ворвались в здание")
    if strong and triage_civic_cues.in_lead(triage_aftermath.RIOT_CHARGE_RE, sents, 2) \
            and all(triage_aftermath.RIOT_WORD_RE.search(sents[v.index].text) for v in strong):
        strong, set_aside = [], "a criminal case over riots the lead tells (participation in riots), no peaceful form told apart"
    # sentences that do not themselves say anything was held count only next to one that does
    if strong and all(v.infinitive_only for v in strong):
        strong, set_aside = [], "every verb of holding is an infinitive (a permission, an intention): nothing told as held"
    is_assembly = len(strong) >= need
    abroad = False
    # abroad: the foreign place is named where the event is told (the headline, the lead, an event
    # sentence), not only in passing further on ("as in Russia", "a citizen of Kyrgyzstan")
    if is_assembly and triage_abroad.told_abroad(full, sents, [sents[v.index].text for v in strong]):
        is_assembly, abroad = False, True
    reasons = []

    def quote(i: int) -> str:
        t = sents[i].text
        return "«" + (t if len(t) <= 140 else t[:140].rsplit(" ", 1)[0] + "…") + "»"

    for v in strong[:3]:
        reasons.append(f"sentence {v.index}: {', '.join(v.reasons)} {quote(v.index)}")
    if title_neg:
        reasons.append(f"{TITLE_ABOUT}{', '.join(title_neg)}")
    if abroad:
        reasons.append(f"{ABROAD_REASON} (no city of Kazakhstan named)")
    skipped = [v for v in verdicts if v.reasons and not v.event]
    for v in skipped[:3]:
        reasons.append(f"sentence {v.index} not counted ({', '.join(v.negatives)}) {quote(v.index)}")
    if set_aside:
        reasons.append(set_aside)
    for v in [v for v in events if v not in strong][:2] if not is_assembly else []:
        reasons.append(f"sentence {v.index}: a gathering or road block with no protest cue near it {quote(v.index)}")
    # (session 48) a refusal whose headline or lead tells a permission, a refusal or a warning ("Акимат отказал в
    # проведении митинга"): said in words for the monitor, and the learned step keeps it (learned_triage.kept_from_step)
    if not is_assembly and not abroad and _tells_permission(sents):
        reasons.append(PERMISSION_TOLD)
    if not is_assembly and not reasons:  # (session 21) never a verdict without a reason a monitor can read
        reasons.append("no sentence tells that an assembly was held or is under way")
    score = min(1.0, len(strong) / 3) if is_assembly else 0.0
    return TriageResult(True, is_assembly, round(score, 2), reasons, [v.index for v in strong])
