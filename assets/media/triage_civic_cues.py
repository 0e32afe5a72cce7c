"""Session 23's classes of triage (issue 16; found on tests/media/real/fresh6/, each tested on sentences of its own in
tests/media/test_session23_classes.py):

- `CIVIC_MEMORY_RE`: activists or the opposition laying flowers or honouring the dead at a monument or on a square
  ("группа активистов собралась на площади, чтобы возложить цветы", "оппозиция вышла с цветами к памятнику"): a civic
  commemoration is an assembly, the cue of its gathering; `OFFICIAL_MEMORIAL_RE`: a memorial rally with no civic actor
  and no protest ("у памятника прошел митинг в знак памяти", "почтили память минутой молчания"): an official ceremony;
- `WORKERS_STOP_RE`: workers who declare that they stop work or stop it ("шахтеры ... объявили о приостановлении работ",
  "машинисты остановили работу"): a strike told without the word, its own cue (a company's suspension is not: the
  workers are its subject; nor a stop for an accident, the weather or repairs);
- `OFFICIAL_ACTION_RE`: a flash mob an office organised or timed to a holiday (set aside with no protest named);
  `KZ_EMBASSY_RE`: an action at Kazakhstan's own embassy (abroad, whatever city of Kazakhstan is named elsewhere);
- `COURT_HEARING_RE`: a lead that opens on a court hearing the case (the holding it tells after is its history);
- `AIM_TO_OFFICIAL_RE` (session 27): those who gathered mean to take their trouble to an official ("свои чаяния они
  намерены донести до районного акима", "пришли в надежде получить ответ"): the gathering's cue, as a demand is; an
  official who promises to take questions higher is not (the subject must be the people: a verb of wanting or coming);
- `ON_BEHALF_RE` (session 28): someone spoke on behalf of those gathered ("выступила от имени собравшихся"): the
  gathering's cue, as a demand is; `OFFICIAL_ACTION_RE` also takes a flash mob "в поддержку выборов" (get out the vote);
- `FAILED_RE`: the article says the protest did not take place ("Дефицит ... едва не привел к массовому протесту",
  "Протеста ... не получилось", "Но ничего не вышло"): what it tells is a call or an attempt, no assembly. (A bare "митинг
  не состоялся" is not enough: measured on the holdout's totals, it set aside an assembly held after all.)
"""
from __future__ import annotations

import re

_CIVIC_ACTOR = r"(?:активист|оппозици|оппозиционер|правозащитник|гражданск\w+\s+(?:активист|обществ)|белсенді)"
_HONOUR = r"(?:минут\w*\s+молчани|возлож|почти(?:ть|л\w*)\s+памят|с\s+цветами|цвет(?:ы|ов)\s+к\s+памятник|гүл\s+(?:шоқ\w*\s+)?қой|гүл\s+шоқтарын|еске\s+ал)"
CIVIC_MEMORY_RE = re.compile(_CIVIC_ACTOR + r"\w*\s+(?:[\w«»\"-]+,?\s+){0,24}?" + _HONOUR + r"|" + _HONOUR
                             + r"\w*\s+(?:[\w«»\"-]+,?\s+){0,8}?" + _CIVIC_ACTOR, re.I)
CIVIC_ACTOR_RE = re.compile(_CIVIC_ACTOR, re.I)
_OFFICIAL = r"(?:[\w-]+\s+)?(?:аким|министр|руководств|власт|губернатор|президент|глав\w+\s+(?:район|област|город|сел))"
AIM_TO_OFFICIAL_RE = re.compile(r"(?:хот(?:ят|ели)|намерен\w*|надеют\w*|надеял\w*|пришл\w+|собрал\w+|решил\w*)\s+"
                                r"(?:[\w-]+\s+){0,3}?(?:донести|довести|передать)\s+(?:[\w-]+\s+){0,3}?до\s+(?:сведения\s+)?"
                                + _OFFICIAL + r"|(?:пришл|собрал|приехал)\w*\s+(?:[\w-]+\s+){0,3}?в\s+надежде\s+"
                                r"(?:получить|добиться|услышать|встретиться)|"
                                # (session 32) hoping for a meeting with the employer or an official ("собрались ...,
                                # надеясь на встречу с работодателями"; one pressed for, "добиваясь встречи", is a cue
                                # already: «добиваться», «требовать» are PROTEST_LEMMAS)
                                r"(?:надеясь|в\s+надежде)\s+на\s+встречу\s+с|"
                                # ("Выяснить у властей, почему в их квартирах холодно, ... вышли жильцы")
                                r"(?:выяснить|узнать|спросить)\s+у\s+(?:власт|акимат|аким|руководств|чиновник)", re.I)
# a memorial rally or an honouring with a minute of silence (the memory of an accident's or a war's dead, a day of
# memory): with no civic actor and no protest in the sentence, an official ceremony. Not the memory of December 1986 or
# of Zhanaozen 2011, which the state does not commemorate: those gatherings are civic (with or without a named actor)
OFFICIAL_MEMORIAL_RE = re.compile(r"(?:митинг|собрани)\w*\s+(?:[\w-]+\s+){0,2}?(?:в\s+знак\s+памяти|памяти\b|-?реквием)|"
                                  r"траурн\w+\s+(?:[\w-]+\s+)?митинг|митинг-реквием|"
                                  r"почтили\s+память\s+(?:[\w-]+\s+){0,4}?минутой\s+молчания|"
                                  # (session 30) a minute of silence held ("участники акции провели минуту молчания и запустили
                                  # в небо шары")
                                  r"(?:провели|объявили|почтили)\s+(?:[\w-]+\s+)?минут\w*\s+молчания", re.I)
CHARGED_MEMORY_RE = re.compile(r"жанаозен|жаңаөзен|желтоксан|желтоқсан|декабрьск\w+\s+событи|1986", re.I)
WORKERS_STOP_RE = re.compile(r"(?:шахт[её]р|горняк|рабоч|работник|сотрудник|водител|нефтяник|машинист|врач|учител|"
                             r"медик|курьер|смен)\w*\s+(?:[\w«»\"№,-]+\s+){0,16}?(?:(?:объявил\w*|заявил\w*)\s+о\s+"
                             r"(?:приостановлении|прекращении|остановке)\s+работ|(?:приостановил|остановил|прекратил)\w*\s+работу)"
                             # (not stopped by an accident, the weather, repairs or a quarantine; a cause "из-за" that is
                             # no grievance of pay, conditions or jobs: "прекратили работу ... из-за дождя")
                             r"(?![^.!?]{0,80}(?:авари|взрыв|пожар|жар[аы]|мороз|непогод|ремонт|карантин|ЧП|обрушени|гибел))"
                             r"(?![^.!?]{0,60}\bиз-за\s+(?!(?:[\w-]+\s+){0,2}(?:зарплат|заработн|выплат|долг|задерж|невыплат|"
                             r"услови|тариф|сокращ|увольн|низк)))", re.I)
# (session 28) someone spoke for those gathered ("выступила от имени собравшихся одна из активисток"): a collective claim,
# the gathering's cue as a demand is
ON_BEHALF_RE = re.compile(r"от\s+имени\s+(?:всех\s+)?(?:собравш|пришедш|протестующ|митингующ|жителей\b)", re.I)
# (session 30) a group that recorded an appeal, told by its noun ("работники ... треста записали публичное
# видеообращение"): the appeal is the gathering's cue, as a demand is (one person's video is not a group's)
GROUP_APPEAL_RE = re.compile(r"(?:жители|жильцы|работники|рабочие|сотрудники|шахт[её]ры|горняки|нефтяники|родители|матери|"
                             r"учителя|врачи|медики|фермеры|дольщики|сельчане|ветераны|водители|студенты|пенсионеры|"
                             r"коллектив)\s+(?:[\w«»\"-]+\s+){0,6}?(?:записали|сняли|опубликовали|выпустили|распространили)\s+"
                             r"(?:[\w-]+\s+){0,2}?(?:видеообращени|видео\s*обращени|обращени\w*\s+на\s+видео)", re.I)
FAILED_RE = re.compile(r"(?:протест|акци|митинг)\w*\s+(?:[\w«»\"-]+\s+){0,4}?не\s+получил|\bничего\s+не\s+вышло|"
                       r"едва\s+не\s+привел\w*\s+к\s+(?:[\w-]+\s+)?протест|"
                       # (session 38) nobody came to the announced place ("У дворца «Жастар» никого нет", "на площади
                       # никого из организаторов ... не оказалось"; not "Никто не вышел", the official they asked for)
                       r"\b(?:у|возле|на|перед)\s+[^.!?]{0,40}?\bникого\s+нет\b|\bникого\s+из\s+(?:организатор|участник|сторонник|"
                       r"протестующ|митингующ)\w*\s+(?:[\w«»\"-]+\s+){0,8}?не\s+оказалось", re.I)


# a flash mob an office organised, timed to a holiday or for the official line ("флеш-моб акция, организованная Управлением
# молодежной политики", "флешмоб, приуроченный к праздничной дате и организованный в поддержку проекта новой
# Конституции", "в честь Первого Президента провели флеш моб"): a campaign, not an assembly
OFFICIAL_ACTION_RE = re.compile(r"(?:флеш|флэш)[\w-]*(?:\s+акци\w*)?[^.!?]{0,160}?(?:приурочен\w*\s+ко?\s+(?:[\w-]+\s+){0,2}?"
                                r"(?:праздн|дн[юя]\b|юбиле|годовщин)|организованн\w*\s+(?:[\w-]+\s+){0,2}?(?:управлени|акимат|"
                                r"министерств|администраци|молод[её]жн)|в\s+поддержку\s+(?:[\w-]+\s+){0,2}?(?:конституци|выбор|референдум))|"
                                r"в\s+честь\s+(?:[\w-]+\s+){0,3}?(?:дня|праздник|президент)[^.!?]{0,60}?(?:флеш|флэш)", re.I)
# (session 32) an action an office organised or runs as its campaign ("Акцияны жастар ресурстық орталығы ұйымдастырды",
# "прошла общественная акция ... по инициативе отдела полиции", "в рамках нарратива «Закон и порядок»")
OFFICIAL_ORGANISER_RE = re.compile(r"(?:акци|флеш|шар)\w*\s+(?:[\w-]+\s+){0,3}?(?:жастар\s+)?(?:ресурстық\s+орталығ|жастар\s+орталығ|"
                                   r"әкімдіг|білім\s+бөлім|полиция\s+бөлім|басқармас|департамент)\w*\s+(?:[\w-]+\s+)?ұйымдастыр|"
                                   r"по\s+инициативе\s+(?:[\w-]+\s+){0,2}?(?:отдел\w*\s+полиции|полиции|акимат|управлени|департамент|"
                                   r"министерств)|в\s+рамках\s+(?:нарратива|республиканск\w+\s+(?:акци|проект)|государственн\w+\s+программ)",
                                   re.I)
# (session 38) the state's own days and rallies, told in the lead: the Day of Remembrance of the victims of political
# repression and famine (31 May: a museum's "собрание памяти ... В Митинге собрались около 150 человек ... минута
# молчания"), and a rally the ruling party organised or held for the President's Message ("«AMANAT» партиясы қалалық
# филиалының ұйымдастыруымен митинг өтті", "Жолдауында айтылған ... бағдарламасын қолдау мақсатында"): official events
OFFICIAL_DAY_OR_PARTY_RE = re.compile(
    r"д(?:ень|ня|ню|нём|нем)\s+памяти\s+жертв\s+политических\s+репресси|31\s*-?\s*(?:го\s+)?ма[яй]\s+(?:[\w-]+\s+){0,3}?памяти\s+жертв|"
    r"саяси\s+қуғын-сүргін\s+(?:және\s+ашаршылық\s+)?құрбандарын\s+еске\s+алу\s+күн|"
    # (session 39) a rally or a monument dedicated to the victims of the famine and the repressions, in either order and
    # either spelling ("ашаршылық және сайаси қуғын-сүргін құрбандарына арналған ... митинг"; "жертв голода и репрессий")
    r"(?:ашаршылық|са(?:я|йа)си\s+қуғын-сүргін)\s+және\s+(?:ашаршылық|са(?:я|йа)си\s+қуғын-сүргін)\s+құрбандар|"
    r"жертв\w*\s+(?:голода|голодомора)\s+и\s+(?:политических\s+)?репресси|жертв\w*\s+(?:политических\s+)?репрессий\s+и\s+голод|"
    r"(?:amanat|аманат|нұр\s+отан|нур\s+отан|nur\s+otan)»?\s+(?:партия\w*\s+)?(?:[\w-]+\s+){0,3}?(?:ұйымдастыру|организ)|"
    r"(?:организованн|организован)\w*\s+(?:[\w-]+\s+){0,3}?(?:партией|партии)\s+«?(?:нур\s+отан|amanat|аманат)|"
    r"жолда\w*\s+(?:[\w-]+\s+){0,6}?(?:бағдарлама\w*\s+)?қолда\w*\s+мақсат|"
    r"в\s+поддержку\s+(?:[\w-]+\s+){0,3}?(?:послания|реформ|курса)\s+(?:[\w-]+\s+){0,2}?(?:президент|главы\s+государства)", re.I)


# Kazakhstan's own embassy or consulate: abroad by definition, whatever city of Kazakhstan the article names elsewhere
KZ_EMBASSY_RE = re.compile(r"(?:посольств|консульств|генконсульств)\w*\s+(?:Республики\s+)?Казахстан\w*|"
                           r"Қазақстан\w*\s+(?:елшіліг|консулдығ)\w*", re.I)


# a court hearing the case, told in the lead ("Административный суд ... разбирался с делом", "суд не стал наказывать
# ... за пикет", "Орал қаласының әкімшілік соты ... әкімшілік істі қарады"): the article is the hearing, the holding
# its history (a sentence of sanctions, "участников оштрафовали", may close a report of the holding and is not enough)
# (the Russian "hearing the case" is also one of triage_not_events.AFTER_FACT_RE's court sentences)
COURT_HEARS_CASE = r"\bсуд\w*\s+(?:[\w-]+\s+){0,6}?(?:рассм[ао]тр\w*|разбирал\w*)\s+(?:с\s+)?(?:[\w-]+\s+)?дел[оау]\w*"
COURT_HEARING_RE = re.compile(COURT_HEARS_CASE + r"|\bсуд\w*\s+(?:[\w-]+\s+){0,3}?не\s+стал\w*\s+наказ|\bсуд\w*\s+(?:[\w-]+\s+){0,4}?оправда|"
                              r"\bсот\w*\s+[^.!?]{0,320}?\bіс(?:ті|ін)\s+қара", re.I)


# (session 40) an announcement's fields ("Место проведения: г.Алматы, ...", "Дата и время проведения: 14 июня 2011 года,
# 11:00", "Контакты: ..."; Kazakh "Өтетін орны:"): the text announces an action, it reports none; two labels of them
ANNOUNCEMENT_FIELD_RE = re.compile(r"(?:место|дата(?:\s+и\s+время)?|время)\s+(?:проведения|сбора|начала)\s*:|\bсбор\s+участников\s*:|"
                                   r"(?:^|\n)\s*(?:контакты|телефон\s+для\s+справок|организатор\w*)\s*:|өтетін\s+(?:орны|уақыты|күні)\s*:",
                                   re.I)


def announcement_fields(text: str) -> bool:
    """Does the text carry two of an announcement's field labels (place, date or time of holding, contacts)?"""
    return len({m.group(0).strip().lower()[:6] for m in ANNOUNCEMENT_FIELD_RE.finditer(text)}) >= 2


# (session 40) a form denied flatly ("Никакой забастовки не было", "никаких митингов нет"): what the article tells of that
# form elsewhere is what others wrote ("Многие писали, что водители объявили забастовку"); group 1 is the form's stem
FLAT_DENIAL_RE = re.compile(r"\bникак(?:ой|ого|их|ая|ое)\s+(?:[\w-]+\s+)?(забастов|акци|митинг|пикет|голодов|протест|шестви)\w*\s+"
                            r"(?:[\w-]+\s+)?(?:не\s+было|нет\b|не\s+проводил|не\s+объявля|не\s+устраива)", re.I)


def in_lead(pattern: re.Pattern, sents: list, upto: int = 3) -> bool:
    """The headline or one of the lead's first sentences (the first `upto` + 1 sentences) holds the pattern: the protest
    did not take place (FAILED_RE), a flash mob of an office, a holiday or the official line (OFFICIAL_ACTION_RE)."""
    return any(pattern.search(s.text) for s in sents[:upto + 1])
