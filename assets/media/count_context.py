"""What the words around a count say it is not this crowd's (issue 16, round 19): a numeral that belongs to a place's
name, a Kazakh locative after a vague count, a plan or an announcement, a contrast after it, a sentence that goes on
about another city, those who joined, detained participants in apposition, the kin of the detained. Used by
counts.py and participants.py; plain regular expressions, no per-article work beyond them."""
from __future__ import annotations

import re

# (round 19) a numeral in a place's name ("в парке 28 гвардейцев-панфиловцев", "на улице 30 лет Победы"): after a
# park, monument, street or "имени" the number is the name's unless a plain crowd noun follows it
PLACE_NAME_BEFORE_RE = re.compile(r"(?:\b(?:памятник|монумент|парк|сквер|бульвар|улиц|проспект|переул|микрорайон|мкр|"
                                  r"школ|гимнази|лице)\w*\.?|\bимени|\bим\.|\bул\.|\bпр\.)\s*$", re.I)
CROWD_NOUN_AFTER_RE = re.compile(r"^\s*(?:-?[а-яё]{1,3}\s+)?(?:человек|люд|жител|участник|активист|протестующ|митингующ|"
                                 r"пикетчик|горожан|сельчан|рабоч|работник|женщин|мужчин|пенсионер|дольщик|родител|матер)", re.I)
# (round 19) a written numeral capitalised inside a sentence is a name's ("у памятника Двум солдатам", "Трёх святых")
NAME_NUMERAL_BEFORE_RE = re.compile(r"[а-яёa-z,]\s+$")


def numeral_of_a_name(q_text: str, before: str, after: str) -> bool:
    """The number is part of a name: after a park, monument or street unless a crowd noun follows ("в парке 28
    гвардейцев-панфиловцев"), or a written numeral capitalised mid-sentence ("у памятника Двум солдатам")."""
    if PLACE_NAME_BEFORE_RE.search(before) and not CROWD_NOUN_AFTER_RE.match(after):
        return True
    return bool(q_text[:1].isupper() and q_text.isalpha() and NAME_NUMERAL_BEFORE_RE.search(before))


def kk_place_after(after: str, people_re: re.Pattern) -> bool:
    """A Kazakh locative right after the figure ("бірнеше қаласында", "ондаған ауылда"): places, not people."""
    loc = re.match(r"\s*([^\W\d_]+(?:да|де|та|те|нда|нде))\b", after, re.I) if re.search("[әғқңөұүһі]", after.lower()) else None
    return bool(loc and not people_re.match(loc.group(1)))


# (round 19) a plan, an intention or an expectation before the count: "Собирались прийти около пятидесяти человек",
# "хотели вывести на площадь 500 человек", "должны были прийти 200 человек", "планируют собрать 1000" (a verb of intent
# and its infinitive, then up to three words): the count hoped for, not the crowd that came
PLAN_BEFORE_RE = re.compile(r"(?<!\w)(?:собирал(?:ись|ось|ся|ась)|собираются|собирается|планир\w*|намерева\w*|намерен[аы]?|"
                            r"хотел[иа]?|хотят|хочет|должн[аоы]?(?:\s+был[аои]?)?|рассчитыва\w*|предполага\w*|"
                            r"надеял\w*|надеются|обеща\w*|пообеща\w*|ожида\w*)\s+(?:[\w«»\"-]+\s+){0,2}?"
                            r"[\w-]+(?:ть|ти|чь)(?:ся)?\s+(?:[\w«»\"-]+\s+){0,3}?"
                            r"(?:около|более|свыше|порядка|примерно|до|не\s+менее|почти)?\s*$", re.I)
# (round 19) a Kazakh plan or expectation after the count: "500 адам жинауды жоспарлаған", "1000 адам жиналмақ"
# (the -мақ/-мек future of intent), "2000 адам қатысады деп күтілуде"
KK_PLAN_AFTER_RE = re.compile(r"^[^.,;!?]{0,60}?(?:жоспар|\w(?:мақ|мек|бақ|бек|пақ|пек)\b|күтіл|көзде|ниет)", re.I)
# (round 19) a contrast after a plan: "планировали собрать 1000 человек, однако пришли около ста"; "500 адам
# жинауды жоспарлаған, бірақ 40-қа жуық адам келді" — what follows it is told as done
CONTRAST_RE = re.compile(r"[,;—–]\s*(?:но|однако|а|зато|в\s+итоге|бірақ|алайда|дегенмен)\s", re.I)
# (round 19) a sentence that goes on about the last one's place ("В Нур-Султане акции организовали у дворца. Их
# участниками стали несколько сотен"; "В Актобе митинг прошел у суда. Там собрались около 300")
ANAPHORIC_START_RE = re.compile(r"^\W*(?:их|они|там|туда|здесь|в\s+н(?:ей|ём|ем|их)|участниками\s+(?:их|акции)|олар|онда)\b", re.I)
# (round 19) those who joined are an increment ("позже к ним присоединились двое мужчин"): the crowd is more
JOINED_RE = re.compile(r"присоедин|примкну|подтянул|қосыл", re.I)
# (round 19) the detained participants told in apposition: "задержав участников — шестерых активистов", "задержала всех
# участников пикета — восьмерых"
PARTICIPANTS_DASH_BEFORE_RE = re.compile(r"(?:участник|пикетчик|митингующ|протестующ|голодающ|активист)\w*"
                                         r"(?:\s+[\w-]+){0,2}\s*[—–-]\s*$", re.I)
# (round 19) people close to the detained, who gathered for them: "друзей задержанных накануне активистов", "родителей
# арестованных студентов", "жёны осуждённых нефтяников" — a description of whom they support
KIN_OF_DETAINED_RE = re.compile(r"(?:сторонник|родственник|друз|друг|близки|коллег|соратник|семь|семей|жен|матер|родител|"
                                r"однопартийц|товарищ)\w*\s+(?:[\w-]+\s+){0,2}?(?:ранее\s+|накануне\s+|сегодня\s+|вчера\s+)?"
                                r"(?:арестованн|задержанн|осужденн|осуждённ|заключенн|заключённ|посаженн)\w*", re.I)
