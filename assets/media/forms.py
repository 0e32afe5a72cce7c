"""The form of an assembly (a card code): specific forms (single picket, hunger strike, chaining,
crane climb, road block, march, flash mob, happening) win over the general ones (rally, picket)."""
from __future__ import annotations

import re

from assets.media import triage_cues, triage_in_person, triage_modes, triage_not_events, triage_sentence
from assets.media.event import Event
from assets.media.text import Sentence, yo

FORM_RULES = [
    ("single_picket", re.compile(r"одиночн\w+\s+(?:пикет|акци|протест)|одиночк\w+ пикет|жеке\s+пикет|(?:бір|жалғыз)\s+адамдық", re.I)),
    ("hunger_strike", re.compile(r"голодовк|голодающ|голодал|голодают|(?<!\w)аштық(?!тан)", re.I)),  # (session 32: not "аштықтан өлгенше", dying of hunger)
    ("chaining", re.compile(r"прикова|приковыва|цепь\w*\s+к\b", re.I)),
    ("crane_climb", triage_cues.CRANE_RE),
    # (session 38: and the road held by people told as an attempt or as cars let through by none, "пытались перекрыть
    # движение", "переходили проезжую часть, не давая проезда машинам": what they did is a road block)
    ("road_block", re.compile(f"{triage_cues.ROADBLOCK_RE.pattern}|{triage_cues.PASSIVE_ROADBLOCK_RE.pattern}|"
                              r"(?:пыта|попыта)\w*\s+(?:[\w-]+\s+){0,4}?(?:перекрыть|перегородить|заблокировать)\s+"
                              r"(?:[\w-]+\s+)?(?:движени|дорог|трасс|улиц|проезд)|"
                              r"не\s+дава\w*\s+(?:проезда|проехать)\s+(?:[\w-]+\s+)?(?:машин|автомобил|транспорт)", re.I)),
    # (session 31: a column formed or on the move, "успели выстроиться в небольшую колонну и скандировали")
    ("march", re.compile(r"\bшестви|\bмаршем|\bмарш\s+(?:протеста|против|несогласн|мира)|прошли\s+колонной|\bшеру|"
                         r"выстро\w*\s+в\s+(?:[\w-]+\s+)?колонн|(?:шли|двинул\w*|направил\w*|прошл\w*)\s+(?:[\w-]+\s+)?колонной|"
                         # (session 38) people walking a street, on foot, or a column from one place to another, told
                         # without the word ("по центральной улице Уральска прошли около 200 человек", "пешком
                         # направились к месторождению", "колонна прошла от площади до акимата"; Kazakh "жаяу жүріп")
                         r"(?:прошли|прошагали|прошествовали|промаршировали)\s+(?:[\w-]+\s+){0,4}?по\s+(?:[\w-]+\s+)?"
                         r"(?:улиц|проспект|бульвар|набережн)|по\s+(?:[\w-]+\s+){0,2}?(?:улиц|проспект|бульвар|набережн)\w*\s+"
                         r"(?:[\w-]+\s+){0,3}?(?:прошли|прошагали|прошествовали|промаршировали)\b|"
                         r"пешком\s+(?:[\w-]+\s+)?(?:направил|пошл|двинул|отправил|шли|прошли)|"
                         r"(?:направил|пошл|двинул|отправил)\w*\s+(?:[\w-]+\s+)?пешком|"
                         r"колонн\w*\s+(?:[\w-]+\s+){0,5}?прошл\w*\s+от\s|жаяу\s+(?:жүріп|жүрді|шеру|аттан)", re.I)),
    ("flashmob", re.compile(r"флеш-?моб|флэш-?моб", re.I)),
    ("happening", re.compile(r"х[эе]п+енинг|перформанс|\bарт-?акци", re.I)),  # (session 31: "арт-акция")
    ("rally", re.compile(r"(?<!не\s)(?<!«)мити(?:нг|ң)|митингующ|митингова", re.I)),  # (s24: Kazakh "митиң")
    ("picket", re.compile(r"(?<!не\s)(?<!«)пикет|пикетчи|пикетирова", re.I)),
]


NOT_THIS_FORM_RE = re.compile(r"не\s+(?:связан\w*\s+с|име\w*\s+(?:никакого\s+)?отношения\s+к|является)\s+(?:[\w-]+\s+){0,2}?"
                              r"(?:митинг|пикет|шестви|акци|протест)\w*|"
                              r"«[^«»]{0,120}?(?:заң|закон|порядк|ереже|бап|стать)[^«»]{0,120}»")


# a strike has no code of its own: an event sentence that names only a strike gives "other" rather than a form
# found further on in the body ("нефтяники, пытавшиеся забастовкой ...", then the akimat's "шествие" for the
# holiday); the headline's form still wins over it
STRIKE_RE = re.compile(r"забастов|бастую|бастовал|бастовать|ереуіл", re.I)


GENERAL = ("rally", "picket")
# (session 31) a form of another time, named by its month or as the last one ("После январского митинга вроде все
# наладилось", "с прошлогодней забастовки"): not this event's form
OTHER_TIME_FORM_RE = re.compile(r"(?:январск|февральск|мартовск|апрельск|майск|июньск|июльск|августовск|сентябрьск|октябрьск|"
                                r"ноябрьск|декабрьск|прошлогодн|позапрошл|прошл(?:ого|ой|ом|ым|ую)\s+(?:[\w-]+\s+)?)\w*\s+"
                                r"(?:митинг|пикет|акци|забастовк|голодовк|шестви)\w*")
# (session 22) Kazakh placards held up ("плакат көтеріп ... келді", "плакат ұстаған бес әйел"): a picket, as the Russian
# placards unfurled (triage_sentence.PLACARD_ACT_RE)
# (session 25: a banner held, "үлкен баннер ұстап тұрды"; placards in their hands, "қолында ... плакаттар болды")
# (session 28) people standing with flags or a sheet with a slogan ("стояли возле дома с флагами Казахстана и Украины"):
# a picket, as placards are
FLAG_STAND_RE = re.compile(r"\b(?:стоял\w*|стоят|стоит|вышл\w*|вышел|вышла)\s+(?:[\w-]+\s+){0,3}?с\s+(?:[\w-]+\s+)?(?:флаг\w*|"
                           r"лист\w*\s+(?:бумаги\s+)?с\s+надпись)", re.I)
# (session 28) those who came to a Kazakh "жиын" named as such ("Жиынға келгендер"): their placards are the rally's
KK_GATHERING_NAMED_RE = re.compile(r"\bжиын(?:ға|ына|да|ында|ның|ы)?\s+(?:[\w-]+\s+)?(?:келген|қатысқан|жиналған)", re.I)
KK_PLACARD_FORM_RE = re.compile(r"(?:плакат|баннер|транспарант)\w*\s+(?:[\w-]+\s+){0,2}?(?:ұстап|көтеріп|ұстаған|көтерген|ұстады|көтерді)|"
                                # (session 37) with a placard, in the instrumental: "плакатпен тұрды"
                                r"(?:плакат|баннер|транспарант)\w*(?:пен|мен)\s+(?:[\w-]+\s+){0,2}?(?:тұрды|тұр\b|тұрған|тұрып|шықты|шығып)|"
                                # (session 38: the slogans quoted at length first, "Олардың қолында ... «...!» деген жазуы бар
                                # плакаттар болды"; the slogan written, "деген жазуы бар")
                                r"қолында\w*\s+(?:«[^«»]{0,200}»|[^.!?«]){0,400}?(?:(?:плакат|транспарант|баннер)\w*|деген\s+жазу\w*)\s+"
                                r"(?:бар|болды)", re.I)
# (session 25) no form's word, a crowd in the street or chanting: a rally ("вышли на улицы Алматы", "недовольство вывело
# на улицу более сотни людей", "«Жанболат не преступник!» — кричали собравшиеся", "акция проходит на площади Республики")
# (session 28: not negated, "даже ничего не выкрикивали")
RALLY_LIKE_RE = re.compile(r"(?:вышл\w*|вывел\w*|вышел)\s+(?:[\w-]+\s+){0,3}?на\s+улиц|(?<!не\s)(?:скандир\w*|\bкричал[аи]?\b|выкрикивал\w*)|"
                           r"ұрандат|\bакци\w*\s+(?:[\w-]+\s+){0,4}?(?:проходит|прошла|состоялась)\s+на\s+(?:[\w-]+\s+)?площад", re.I)
# (session 50) a protest action of a crowd named only as such ("акция протеста", "протестная акция", "наразылық акциясы",
# "вышли на протест", "наразылыққа шықты"): a rally, as monitors code a crowd gathered to protest (anchored at the text's
# start, so a long sentence is read once, never from each position)
PROTEST_ACTION_RE = re.compile(r"\A(?=.*(?:\bакци\w*\s+протеста|\bпротестн\w+\s+акци|\bнаразылық\s+акция|наразылыққа\s+шық|"
                               r"(?:вышл|выход|выйт)\w*\s+(?:[\w-]+\s+){0,2}?на\s+протест|наразылық\s+жиын))"
                               # where a crowd gathers: a square, before a building, people who came out or gathered
                               r"(?=.*(?:\bплощад|\bу\s+(?:здания|стен|акимат|входа)|\bперед\s+(?:здани|акимат)|\bвозле\s+(?:здани|акимат)|"
                               r"\bвышл[иа]\b|\bсобрал\w+|алаң|алдында|жиналд|жиналған))", re.I | re.S)
# (session 50) ... but not on a road (its cars or a road held: a road block's sentence, told or not)
ROAD_RE = re.compile(r"перекр|трасс|дорог|\bжол\w*\s+(?:жап|бөге)", re.I)
# people who gathered on a square ("собрались на площади Ынтымак", "на центральной площади стали собираться люди",
# "на площадь пришли сотни людей")
SQUARE_GATHERING_RE = re.compile(r"(?:собрал|собира|пришл|вышл|стекал|съехал|подтягива)\w*\s+(?:[\w-]+\s+){0,3}?(?:на|к)\s+"
                                 r"(?:[\w-]+\s+)?площад|(?:на|к)\s+(?:[\w-]+\s+)?площад\w*\s+(?:[\w«»\"-]+\s+){0,4}?"
                                 r"(?:собрал|собира|пришл|вышл|стекал|съехал|подтягива)", re.I)


def _own_strike(text: str) -> bool:
    """A strike of the people themselves (not the strikers they support: "солидарность с бастующими")."""
    return bool(STRIKE_RE.search(re.sub(r"(?:солидарн|поддерж)\w*\s+(?:[\w-]+\s+){0,3}?\w*бастующ\w*", " ", text, flags=re.I)))


def fill_form(ev: Event, anchor: Sentence, title_s: Sentence | None, search: list[Sentence],
              left_out: list[Sentence] = ()) -> None:
    """`left_out`: the segment's background sentences, which `search` leaves out (a form named again right after one of
    them is that earlier action's)."""
    # form: the event sentence first, then the title, then the segment; specific forms win
    form_sources = [anchor] + ([title_s] if title_s is not None else []) + search
    told_before = {x.index: x.text.lower() for x in left_out}
    for s in form_sources:
        if s is not anchor and triage_modes.THREAT_RE.search(s.text):
            continue  # "otherwise they will declare a hunger strike": a threat's form is not this one
        if s is not anchor and s is not title_s and "court" in triage_not_events.negatives(yo(s.text).lower()):
            continue  # (session 30) "пикеті үшін ... қамалған": the form of what someone was punished for is not this one
            # (a planned action's form is kept: those detained where a rally was announced are that rally's, as the
            # parts annotate it)
        # (session 30) a form denied ("их выступление не связано с митингами") or quoted in a charge or a law's name
        # («бейбіт митинг өткізу заңын бұзды»)
        low = NOT_THIS_FORM_RE.sub(" ", s.text.lower())
        if s is not anchor:
            low = OTHER_TIME_FORM_RE.sub(" ", low)  # (session 31) "После январского митинга все наладилось": another one
        for code, rx in FORM_RULES:
            if rx.search(low):
                if s is not anchor and s is not title_s and rx.search(told_before.get(s.index - 1, "")):
                    continue  # (session 30) a form named again right after a background sentence naming it ("...
                    # ранее возглавил непродолжительное шествие ... Шествие закончилось массовыми задержаниями")
                if code == "road_block" and triage_cues.POLICE_SUBJECT_RE.search(low):
                    continue
                ev.form, ev.evidence["form"] = code, s.text
                break
        if ev.form:
            break
        if (s is title_s or (title_s is None and s is anchor)) and STRIKE_RE.search(anchor.text):
            ev.form, ev.evidence["form"] = "other", anchor.text
            break
    # the headline's specific form wins over a general one of the event sentence ("Житель Атырау устроил одиночный
    # пикет", then "вышел на митинг"): the general word is the article's loose wording of the same act
    if ev.form in GENERAL and title_s is not None and ev.evidence.get("form") is not title_s.text:
        for code, rx in FORM_RULES:
            if code in GENERAL:
                break
            if rx.search(title_s.text.lower()) and not triage_modes.THREAT_RE.search(title_s.text) \
                    and not (code == "road_block" and triage_cues.POLICE_SUBJECT_RE.search(title_s.text.lower())):
                ev.form, ev.evidence["form"] = code, title_s.text
                break
    if ev.form in (None, "other"):
        # no form's word: placards unfurled are a picket (one person's, a single picket); people gathered on a square
        # are a rally
        # (session 22: and the sentence right after the event's, "... көшеге шықты. Олар плакат көтеріп, ... келді")
        after = [x for x in search if x.index == anchor.index + 1 and x is not title_s][:1]
        # (session 25: or the lead's next sentences, "... пришла к изолятору. ... Собравшиеся держали плакаты")
        near = [x for x in search[1:4] if x is not title_s and x not in after and x.index > anchor.index]
        for s in [anchor] + ([title_s] if title_s is not None else []) + after + near:
            m = triage_sentence.PLACARD_ACT_RE.search(s.text) or FLAG_STAND_RE.search(s.text)
            if m and not _own_strike(anchor.text):
                single = not re.match(r"\w*(?:ли|ят|ат|ут)\b", m.group(0).split()[0].lower())
                ev.form, ev.evidence["form"] = ("single_picket" if single else "picket"), s.text
                return
            # (session 25: a banner hung in public, "повесили на пешеходном мосту ... баннер")
            if (KK_PLACARD_FORM_RE.search(s.text) or triage_in_person.BANNER_RE.search(s.text)) and not _own_strike(anchor.text):
                # (session 28) placards held by those who came to a named gathering ("Жиынға келгендер ... плакат ұстап
                # шыққан"): the gathering's attribute, a rally, not a picket
                ev.form, ev.evidence["form"] = ("rally" if KK_GATHERING_NAMED_RE.search(s.text) else "picket"), s.text
                return
        for s in [anchor] + ([title_s] if title_s is not None else []) + after:
            if (SQUARE_GATHERING_RE.search(s.text) or RALLY_LIKE_RE.search(s.text)
                    or (PROTEST_ACTION_RE.search(s.text) and not ROAD_RE.search(" ".join(x.text for x in [anchor, s, *after])))) \
                    and not _own_strike(s.text) \
                    and not _own_strike(anchor.text):
                ev.form, ev.evidence["form"] = "rally", s.text
                return
    if ev.form is None:
        ev.form, ev.evidence["form"] = "other", anchor.text

