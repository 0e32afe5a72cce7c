"""Cities in text, from config/gazetteer.yaml: Russian, Kazakh, English and old names and their
inflected forms ("в Уральске", "Нур-Султане", "Алматыда", "Оралда"), plus pymorphy3 lemmas for
forms the gazetteer does not list ("Павлодаром")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


from core import settings, yamlfiles
from assets.media.text import TOKEN_RE, lemma, parses, yo

# names that are also common words or surnames: counted only after "в", "г.", "город..."
AMBIGUOUS = {"шевченко", "жамбыл", "орал", "oral", "акмола", "семей"}
KK_SUFFIXES = ("ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі", "ында", "інде", "нда", "нде", "да", "де", "та", "те",
               "ның", "нің", "дың", "дің", "тың", "тің",
               "ға", "ге", "қа", "ке", "дан", "ден", "тан", "тен", "нан", "нен")
CAPITAL_RE = re.compile(r"\bв\s+столице\b|\bстолиц[аеыу]\b(?!\s+(?:\w+\s+)?(?:област|район|Китая|России))|"
                        # Kazakh "елорда", "Қазақстан астанасы" (not "ел астанасы": any country's capital),
                        # the Akorda (the president's residence in Astana)
                        r"\bелорда\w*|\bқазақстан\s+астанасы\w*|\bақорда\w*|\bакорд[аеыу]\w*|"
                        # (session 22) at the seat of a national institution, which stands in the capital ("у здания
                        # Верховного суда", "Жоғарғы сот алдында түнеп шықты", "перед Домом министерств")
                        r"\b(?:у|возле|перед|около|к)\s+(?:здани\w+\s+)?(?:Верховн\w+\s+суд|Мажилис|Сенат\w*\s+Парламент|"
                        r"Парламент|Дом\w*\s+министерств|Генпрокуратур|Генеральн\w+\s+прокуратур)\w*|"
                        # (session 50) a ministry's building ("у здания Министерства труда", "перед Минздравом"; not "к
                        # министерству", an appeal)
                        r"\b(?:(?:у|возле|перед|около|напротив)\s+(?:здани\w+\s+)?|к\s+здани\w+\s+)(?:Министерств|Минтруд|"
                        r"Минздрав|Минобр|Минюст|Минфин|Минэнерго|Минсельхоз|Минпросвещени|Минкульт|Мининформ|Минцифр)\w*|"
                        r"\b[\w-]+\s+министрлі\w*\s+(?:ғимарат\w*\s+)?(?:алдын|маңын|жанын)\w*|"
                        r"\b(?:Жоғарғы\s+сот|Мәжіліс|Парламент|Үкімет\s+үйі|Бас\s+прокуратура)\w*\s+(?:ғимарат\w*\s+)?"
                        r"(?:алдын|маңын|жанын)\w*", re.I)


@dataclass(frozen=True)
class CityHit:
    key: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def cities() -> dict[str, dict]:
    raw = yamlfiles.load(settings.config_dir() / "gazetteer.yaml")
    return raw["cities"]


def _n(s: str) -> str:
    return yo(str(s).strip().lower())


@lru_cache(maxsize=1)
def index() -> tuple[dict[str, str], dict[str, str]]:
    """(surface name -> key, lemma -> key)."""
    names: dict[str, str] = {}
    lem: dict[str, str] = {}
    for key, c in cities().items():
        for n in [c.get("ru"), c.get("kk"), c.get("en"), *(c.get("other") or []), *(c.get("forms") or [])]:
            if n:
                names[_n(n)] = key
        for n in [c.get("ru"), *(c.get("other") or [])]:
            # (session 30: not an ambiguous name whose lemma is another, common word: "Семей" is "семья", so "Семьи
            # погибших" was Semey, "Орал" is "орать"; their inflected forms are in `forms`)
            if n and " " not in str(n) and not (_n(n) in AMBIGUOUS and _n(lemma(str(n))) != _n(n)):
                lem[_n(lemma(str(n)))] = key
    return names, lem


def lookup(name: str) -> str | None:
    """The city key for a key or a name (any language, old, inflected), else None."""
    if not name:
        return None
    n = _n(name).replace("г.", "").strip()
    if n in cities():
        return n
    names, lem = index()
    return names.get(n) or lem.get(_n(lemma(n)))


# a verb of speech right before a name ("— сказал Гурьев", "заявил Семей..."): the name is the speaker's surname
SPEAKER_BEFORE_RE = re.compile(r"(?:сказал|сообщил|заявил|рассказал|отметил|добавил|пояснил|подчеркнул|уточнил|говорит|"
                               r"считает|написал|пишет)[аи]?\s+$", re.I)


# (session 20) a newspaper's or a channel's name in quotes: its city word places no event
OUTLET_NAME_RE = re.compile(r"[«\"][^«»\"]{0,40}[»\"]")
OUTLET_WORD_RE = re.compile(r"недел|вестник|правд|новост|ведомост|огни|звезд|ақшам|курьер|обозрени|экспресс|вечерн|газет|"
                            r"радио|\bтв\b|телеканал|время|хабар", re.I)


def in_outlet_name(text: str, start: int, end: int) -> bool:
    return any(q.start() < start and end < q.end() and OUTLET_WORD_RE.search(q.group(0))
               for q in OUTLET_NAME_RE.finditer(text, max(0, start - 41), min(len(text), end + 41)))


def find_cities(text: str) -> list[CityHit]:
    """Every city mention, in order. Capitalised words only; ambiguous names need "в"/"г."."""
    names, lem = index()
    hits: list[CityHit] = []
    toks = list(TOKEN_RE.finditer(text))
    i = 0
    while i < len(toks):
        m = toks[i]
        word = m.group(0)
        if not word[:1].isupper():
            i += 1
            continue
        # two-word names ("Новый Узень")
        if i + 1 < len(toks):
            pair = f"{word} {toks[i + 1].group(0)}"
            k = names.get(_n(pair))
            if k:
                hits.append(CityHit(k, m.start(), toks[i + 1].end(), pair))
                i += 2
                continue
        w = _n(word)
        key = names.get(w)
        if key is None and re.search("[а-яё]", w):
            key = lem.get(_n(lemma(w)))
        if key is None:
            for suf in KK_SUFFIXES:
                if w.endswith(suf) and len(w) - len(suf) >= 3:
                    key = names.get(w[: -len(suf)])
                    if key:
                        break
        if key and w in AMBIGUOUS | {_n(x) for x in AMBIGUOUS}:
            before = text[max(0, m.start() - 12):m.start()].lower()
            # (or followed by the word for a city: Kazakh "Орал қаласында", "Семей қаласының", Russian "Семей город";
            # session 54: or for its residents, "Орал тұрғындары", "Семей тұрғыны")
            if not re.search(r"(\bв|\bво|г\.|город\w*|\bиз)\s*$", before) \
                    and not re.match(r"\s+(?:қала\w*|город\w*|тұрғын\w*)", text[m.end():m.end() + 12], re.I):
                key = None
        if key and word.isupper() and len(word) <= 3:
            key = None
        if key and SPEAKER_BEFORE_RE.search(text[max(0, m.start() - 30):m.start()]):
            key = None  # "— сказал Гурьев": a person's surname after a verb of speech, not the city
        if key and in_outlet_name(text, m.start(), m.end()):
            key = None  # (session 20) "журналистам «Уральской недели»", «Вечерний Алматы»: a newspaper's name
        if key:
            hits.append(CityHit(key, m.start(), m.end(), word))
        i += 1
    return hits


# "южная столица" (Almaty), "шахтерская столица" (Karaganda), "северная столица" (St Petersburg): a
# capital named with an adjective is another city's nickname, not Astana
NICKNAME_BEFORE_RE = re.compile(r"(?:южн|северн|шахт[её]рск|нефтян|западн|восточн|культурн|финансов|делов|торгов|"
                                r"спортивн|молод[её]жн|туристическ|бывш|прежн|стар)\w*\s+$", re.I)


# (session 25) a city named by an epithet ("в крупнейшем городе Казахстана", "в южной столице", "в шахтёрской столице")
EPITHETS = (("almaty", re.compile(r"крупнейш\w+\s+город\w*\s+(?:Казахстана|страны|республики)|южн\w+\s+столиц|"
                                  r"бывш\w+\s+столиц\w*\s+Казахстана", re.I)),
            ("karaganda", re.compile(r"шахт[её]рск\w+\s+столиц", re.I)))


def epithet_hits(text: str) -> list[CityHit]:
    """Cities named by an epithet, as hits at their places."""
    return sorted((CityHit(key, m.start(), m.end(), m.group(0)) for key, rx in EPITHETS for m in rx.finditer(text)),
                  key=lambda h: h.start)


def _capital_here(text: str, m: re.Match) -> bool:
    """The capital's word names the capital itself: not another city's nickname, (session 21) nor the place beside it
    ("Елорда іргесіндегі елді-мекен", "близ столицы")."""
    return not NICKNAME_BEFORE_RE.search(text[max(0, m.start() - 30):m.start()]) \
        and not REGION_AFTER_RE.match(text[m.end():m.end() + 40]) and not NEAR_BEFORE_RE.search(text[max(0, m.start() - 30):m.start()])


def capital_mentioned(text: str) -> bool:
    return any(_capital_here(text, m) for m in CAPITAL_RE.finditer(text))


def capital_hits(text: str) -> list[CityHit]:
    """Astana named as "столица" / "елорда" (not a nickname of another city), as hits at their places."""
    return [CityHit("astana", m.start(), m.end(), m.group(0)) for m in CAPITAL_RE.finditer(text) if _capital_here(text, m)]


# (session 47) "посёлок" with its "ё"; a second capitalised word is the name's only when it is not the region's
# adjective after it ("в посёлке Шубарши Актюбинской области": пос. Шубарши)
SETTLEMENT_RE = re.compile(
    r"\b(пос[её]л(?:ок|ка|ке|ком)|пос\.|сел[оаеу]|аул[аеу]?|станци[июя]|деревн[яеи]|(?:[А-ЯЁ]\w+\s+)?ауылы?)\s+"
    r"«?([А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+(?:\s+(?![А-ЯЁ]\w*(?:ской|ского|ском|ская|ский|ого|ой)\s+(?:област|район))"
    r"[А-ЯЁ][\w-]+)?)»?")


def find_settlement(text: str) -> tuple[str, int] | None:
    m = SETTLEMENT_RE.search(text)
    if not m:
        return None
    kind = m.group(1).lower()
    prefix = "пос." if kind.startswith("пос") else "с." if kind.startswith("сел") else "аул" if "аул" in kind else kind
    return f"{prefix} {m.group(2)}", m.start()


# who lives where: "уральцы собрались", "актюбинские правозащитницы", "екібастұздықтар", "столичных дольщиков"
DEMONYMS = [
    ("uralsk", r"урал[еь]ц\w*|уральск(?:ий|ая|ое|ие|их|ого|ому|ой|им|ими|ую)\b|оралдық\w*"),
    ("almaty", r"алматин[еь]?ц\w*|алматинск\w*|алматылық\w*|(?:бывш|прежн|южн)\w*\s+столиц\w*(?:\s+страны)?"),
    ("astana", r"астанчан\w*|астанинц\w*|астанинск\w*|столичн\w+|елордалық\w*|астаналық\w*"),
    ("shymkent", r"шымкент[еь]?ц\w*|шымкентск\w*|шымкенттік\w*"),
    ("karaganda", r"карагандин[еь]?ц\w*|карагандинск\w*|қарағандылық\w*|шахтерской\s+столиц\w*"),
    ("aktobe", r"актюбин[еь]?ц\w*|актюбинск\w*|ақтөбелік\w*"),
    ("atyrau", r"атыраус?ц\w*|атырауск\w*|атыраулық\w*"),  # (s54: "атырауцы" as often as "атыраусцы")
    ("aktau", r"актаусц\w*|актауск\w*|ақтаулық\w*"),
    ("zhanaozen", r"жанаозен[еь]?ц\w*|жанаозенск\w*|жаңаөзендік\w*"),
    ("pavlodar", r"павлодар[еь]?ц\w*|павлодарск\w*|павлодарлық\w*"),
    ("kostanay", r"костана[йе]ц\w*|костанайск\w*|қостанайлық\w*"),
    ("ekibastuz", r"экибастуз[еь]?ц\w*|экибастузск\w*|екібастұздық\w*"),
    ("semey", r"семейчан\w*|семипалатинц\w*|семейлік\w*|семейск(?:ий|ая|ое|ие|их|ого|ому|ой|им|ими|ую|ом)"),  # (s22 "семейской ТЭЦ")
    ("ust-kamenogorsk", r"усть-каменогорц\w*|усть-каменогорск(?:ий|ая|ие|их)\b|өскемендік\w*"),
    ("petropavlovsk", r"петропавловц\w*|петропавлдық\w*"),
    ("taraz", r"тараз[еь]?ц\w*|таразск\w*|тараздық\w*"),
    ("kokshetau", r"кокшетаусц\w*|кокшетауск\w*|көкшетаулық\w*"),
    ("kyzylorda", r"кызылординц\w*|қызылордалық\w*"),
    ("temirtau", r"темиртаус?к\w*|темиртаус?ц\w*|теміртаулық\w*"),  # (s54: "темиртаусцы")
    # (session 54) Turkestan's people ("туркестанцы"; not the adjective, "туркестанские рабочие", nor the Kazakh
    # "түркістандық ұстаздар": mostly the region's, which kept the city's name)
    ("turkestan", r"туркестан[еь]?ц\w*"),
    ("taldykorgan", r"талдыкорганц\w*|талдыкорганск\w*|талдықорғандық\w*"),
    ("zhezkazgan", r"жезказганц\w*|жезказганск\w*|жезқазғандық\w*"),
]
# (an adjective before a region's industry workers names the region's mines and fields, not the city:
# "карагандинские шахтеры", "мангистауские нефтяники", "жезказганские горняки")
_DEMONYM_RE = [(k, re.compile(rf"(?<![\w-])(?:{rx})(?![\w-])(?!\s+(?:област|облыс|район|регион|епарх|шахт[её]р|горняк|"
                              rf"нефтяник|металлург|угольщик|кенші|мұнайшы))", re.I))
               for k, rx in DEMONYMS]


# a city's own districts named without the city ("у здания управления полиции Бостандыкского района", "Жетысуского
# районного суда"): only districts whose name no region or other district of the country shares
DISTRICTS = [
    ("almaty", r"бостандык|медеу|наурызбай|турксиб|алмалин|ауэзов|жетысу"),
    ("astana", r"сарыаркин|байконур"),
    ("shymkent", r"аль-фарабий|туран"),
]
_DISTRICT_RE = [(k, re.compile(rf"\b(?:{rx})(?:ск\w*|ий|ого|ом|ому)\s+(?:район\w*|районн\w+\s+суд\w*|РУВД|РУП|акимат\w*\s+район\w*)",
                               re.I)) for k, rx in DISTRICTS]
_DISTRICT_KK_RE = [(k, re.compile(rf"\b(?:{rx})\w*\s+ауданы\w*", re.I)) for k, rx in DISTRICTS]


def find_districts(text: str) -> list[CityHit]:
    """Cities named through one of their districts ("Бостандыкского района", "Медеу ауданы")."""
    out = []
    for key, rx in _DISTRICT_RE + _DISTRICT_KK_RE:
        for m in rx.finditer(text):
            out.append(CityHit(key, m.start(), m.end(), m.group(0)))
    return sorted(out, key=lambda h: h.start)


def find_demonyms(text: str) -> list[CityHit]:
    """Cities named through their inhabitants or an adjective (not a region: "Актюбинской области")."""
    out = []
    for key, rx in _DEMONYM_RE:
        for m in rx.finditer(text):
            if not in_outlet_name(text, m.start(), m.end()):  # (session 20) not «Уральская неделя»
                out.append(CityHit(key, m.start(), m.end(), m.group(0)))
    return sorted(out, key=lambda h: h.start)


RESIDENT_BEFORE_RE = re.compile(r"(?:жител\w*|жительниц\w*|уроженц\w*|уроженк\w*|поддерж\w*|солидарн\w*|"
                                r"родом\s+из|приехал\w*\s+из|из|нефтяник\w*|рабочих|шахтер\w*|в\s+отношении\s+\w+|"
                                r"тұрғын\w*|(?:жертв\w*|памяти|событи\w*|трагеди\w*)\s+(?:[\w-]+\s+){0,2}?(?:и\s+)?(?:в\s+)?)"
                                r"\s*(?:город\w*\s+|г\.\s*|қаласының\s+)?$", re.I)
EVENT_NAME_AFTER_RE = re.compile(r"^\s*(?:оқиға|трагеди|событи|расстрел)", re.I)
# (session 50) where people were killed, remembered ("памяти ... погибших в Жанаозене", "расстрелянных в Жанаозене
# рабочих", Kazakh "Жаңаөзенде қаза тапқандар"): the victims' city, not where people gathered
VICTIMS_BEFORE_RE = re.compile(r"(?:погибш|убит|расстрелянн|застреленн)\w*\s+(?:в|во)\s+(?:город\w*\s+|г\.\s*)?$", re.I)
KK_VICTIMS_AFTER_RE = re.compile(r"^\w*\s+(?:қаза\s+тап|оққа\s+ұш|мерт\s+бол|құрбан\s+бол)", re.I)
# (session 50) cities listed after "из" ("прибывшие из городов Атырау, Актау, Павлодара и Кокшетау"): every one an origin
ORIGIN_LIST_BEFORE_RE = re.compile(r"\bиз\s+(?:город\w*\s+|г\.\s*)?(?:[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+(?:\s*,\s*(?:а\s+также\s+)?"
                                   r"|\s+и\s+))+$")
# (session 50) where a wave of protest began before it spread to other places ("Начавшиеся в Жанаозене протесты
# перекинулись на другие регионы", "Жаңаөзенде басталған наразылық басқа өңірлерге ұласты"): its origin, background
WAVE_BEGAN_BEFORE_RE = re.compile(r"(?:начавш|начал|вспыхнувш|вспыхнул|зародивш|зародил)\w*\s+(?:[\w-]+\s+){0,2}?(?:в|во)\s+$",
                                  re.I)
KK_WAVE_BEGAN_AFTER_RE = re.compile(r"^\w*\s+(?:басталған|басталып|бас\s+көтерген|тұтанған)", re.I)
# (session 50) the city of a death or a tragedy that led to the protest ("Три дня протестов в Алматы после возможного
# убийства в Нур-Султане"): the cause's place, not the protest's
AFTER_CAUSE_BEFORE_RE = re.compile(r"\bпосле\s+(?:[\w-]+\s+){0,2}?(?:убийств|гибел|смерт|трагеди|расстрел|пожар|взрыв)\w*\s+"
                                   r"(?:[\w-]+\s+){0,3}?(?:в|во)\s+(?:город\w*\s+|г\.\s*|СИЗО\s+)?$", re.I)
OTHER_PLACES_RE = re.compile(r"друг\w+\s+(?:регион|город|област|населенн|населённ)|по\s+всей\s+стран|на\s+всю\s+стран|"
                             r"басқа\s+(?:өңір|қала|облыс|аймақ)|бүкіл\s+ел", re.I)
# Kazakh: whom they support, the city before its people ("Жаңаөзен тұрғындарын қолдап"), and a road's destination
# ("Павлодар қаласына апаратын жол")
KK_SUPPORTED_AFTER_RE = re.compile(r"^\s*(?:қаласының\s+)?(?:тұрғындар|халқ|халық|жұмысшылар|мұнайшылар|кеншілер|ереуілшілер|"
                                   r"наразылар|белсенділер)\w*\s+(?:\w+\s+)?(?:қолда|жақта)", re.I)
KK_DESTINATION_AFTER_RE = re.compile(r"^\w*\s+(?:қаласына\s+)?(?:апаратын|баратын|қарай\s+(?:кететін|жүретін))", re.I)
# (session 28: or the site of nuclear tests, "пострадавшими от ядерных испытаний в Семипалатинске": the test site, not the
# city, and never where people gathered)
NEAR_BEFORE_RE = re.compile(r"(?:близ|под|возле|недалеко\s+от|в\s+окрестност\w+|пригород\w*|маңында|маңы|"
                            r"(?:ядерн\w+\s+)?испытани\w*\s+(?:в|под))\s+$", re.I)
# (session 27) a place told by its distance from a city ("в 500 км от административного центра области города Караганды",
# "в 30 километрах от Актау", "Ақтаудан 30 шақырым жерде"): not the city
DISTANCE_BEFORE_RE = re.compile(r"\b\d[\d\s,.]*\s*(?:км|километр\w*)\.?\s+(?:к\s+[\w-]+\s+)?от\s+(?:[\w-]+\s+){0,5}?$", re.I)
DISTANCE_AFTER_RE = re.compile(r"^\w*\s+\d[\d\s,.]*\s*(?:км|шақырым|километр)", re.I)
REGION_AFTER_RE = re.compile(r"^\s*(?:облыс\w*|област\w*|(?:қаласының\s+)?(?:маң\w*|іргес\w*|түбінде\w*|сыртында\w*)|аудан\w*|"
                             r"район\w*|"
                             r"[-–—]\s*[А-ЯЁӘҒҚҢӨҰҮҺІ])", re.I)
# (session 37) a village or a settlement of the same name after the bare name ("Ақтөбе ауылында", "Атырау кентінде"; not
# "Алматыда ауыл тұрғындары жиналды", the city in its case and then villagers)
VILLAGE_AFTER_RE = re.compile(r"^\s*(?:ауыл\w*|кент\b|кенті\w*|селосы\w*|елді\s+мекен\w*)", re.I)
_KK_CASE_END_RE = re.compile(r"(?:да|де|та|те|ға|ге|қа|ке|ның|нің|дың|дің|тың|тің|дан|ден|нан|нен|тан|тен|ғы|гі|қы|кі|лық|лік|"
                             r"дық|дік|тық|тік)$", re.I)
# (session 37) a village or a settlement named like a city ("в селе Актобе Кармакчинского района", "в поселке Шымкент")
SETTLEMENT_BEFORE_RE = re.compile(r"(?:\bсел[оаеу]|\bпос[её]л(?:ок|ка|ке|ком)|\bпос\.|\bаул[аеу]?|\bдеревн[яеи]|\bстанци[июя])\s+«?$", re.I)
# the second city of a road's name ("автодорога Самара - Шымкент", "трасса Алматы – Бишкек")
ROAD_SECOND_BEFORE_RE = re.compile(r"(?:трасс|дорог|автодорог|автобан|магистрал|шоссе|тасжол|жол)\w*\s+"
                                   r"[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+\s*[-–—]\s*$", re.I)
# (session 36) the second city of a road's name told before the road word, as Kazakh tells it ("Жаңаөзен – Ақтау тас
# жолында", "Алматы – Бішкек күре жолы") and Russian may ("Жанаозен – Актау трассы"): a road, not where people stood
ROAD_SECOND_AFTER_RE = re.compile(r"^\w*\s+(?:тас\s*жол|автожол|күре\s*жол|трасс|автодорог|дорог|шоссе|магистрал)", re.I)
DASH_BEFORE_RE = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*\s*[-–—]\s*$")
# a road's destination ("трассу, ведущую в Актау", "дорогу на Шымкент", "в сторону Алматы"): not where people stood
ROAD_DESTINATION_BEFORE_RE = re.compile(r"(?:(?:ведущ|идущ)\w+\s+(?:в|на|до)|(?:трасс|дорог|шоссе|автодорог|магистрал|путь|пути)"
                                        r"\w*\s+(?:на|до)|в\s+(?:сторону|направлении)|по\s+направлению\s+(?:к|на|в))\s+$", re.I)  # (s38: "в")
# (session 31) a city named as a flight's end ("отменены все рейсы Астана — Франкфурт — Астана", "рейсы в Алматы"): a
# route, not where anything happened
ROUTE_BEFORE_RE = re.compile(r"(?:рейс|авиарейс|перел[её]т|авиасообщени)\w*\s+(?:(?:в|из|до|на)\s+)?(?:город\w*\s+)?$|"
                             r"[—–-]\s*[А-ЯЁA-Z][\w-]+\s*[—–-]\s*$|\bAir\s+$", re.I)
# whom they support, named by the people and their city ("в поддержку протестующих в Алматы", "солидарность с
# бастующими в Жанаозене")
SUPPORTED_BEFORE_RE = re.compile(r"(?:поддерж\w*|солидарн\w*)\s+(?:с\s+)?(?:\w+\s+)?(?:протестующ|митингующ|бастующ|жител|рабоч|"
                                 r"нефтяник|шахт[её]р|земляк|казахстанц|народ|участник|задержанн|арестованн|активист|"
                                 r"голодающ|политзаключ[её]нн|осужд[её]нн|узник)\w*\s+(?:(?:митинг|акци|пикет|протест|забастов|"
                                 r"движени|парти)\w*\s+)?(?:(?:в|из|во)\s+)?$", re.I)
REGION_SEAT_RE = re.compile(r"^\s*(?:облыс\w*|област\w*)\s+(?:\w+\s+)?(?:әкімді[гк]|акимат)", re.I)
# (session 37) the city in the Kazakh locative ("Ақтөбеде", "Таразда", "Өскеменде") is where it happens: an "облыстық ..."
# after it is the region's office or court in the city ("Кеше Ақтөбеде облыстық әкімдік алдына"), never "Ақтөбе облысы"
KK_LOCATIVE_RE = re.compile(r"(?:да|де|та|те)$", re.I)
KK_REGIONAL_ADJ_AFTER_RE = re.compile(r"^\s*облыстық\b", re.I)
# (session 37) the region's court, prosecutor's office, maslikhat or police department named with the region ("Павлодар
# облыстық сотының алдына", "Ақтөбе облыстық прокуратурасының", "Қостанай облысының полиция департаменті"): it sits in the
# region's centre, the city of the name (not the Almaty region's, whose centre is another city: region_seat.py)
REGION_BODY_AFTER_RE = re.compile(r"^\s*(?:облыс\w*|област\w*)\s+(?:бойынша\s+)?(?:сот(?:ы|ын\w*)?\b|прокуратура|мәслихат|маслихат|суд\b|суда\b|"
                                  r"полиция\s+департамент|ішкі\s+істер\s+департамент)", re.I)


# (session 20) a square, a street, a park named after a city, without quotes ("на площади Астана", "по улице
# Алматы", Kazakh "Астана алаңы", "Алматы көшесі"): the city where they stand is not that one
STREET_BEFORE_RE = re.compile(r"(?:площад|проспект|улиц|сквер|бульвар|парк|микрорайон|мкр|ул\.|пр\.)\w*\s+$", re.I)
STREET_AFTER_RE = re.compile(r"^\s*(?:алаңы|даңғылы|көшесі|саябағы|шағын\s+ауданы)\w*", re.I)  # (the possessive: a name)


# (session 50) or a group named by the city it is from ("медики из Жанаозена обратились к президенту")
GROUP_FROM_BEFORE_RE = re.compile(r"(?<![\w-])([А-ЯЁа-яё]+)\s+из\s+(?:город\w*\s+|г\.\s*)?$")


def group_from(text: str) -> bool:
    """`text` (what precedes a city) ends with a group of people in the nominative plural and "из" ("медики из")."""
    m = GROUP_FROM_BEFORE_RE.search(text)
    if not m:
        return False
    ps = parses(m.group(1).lower())
    return bool(ps) and ps[0].tag.POS == "NOUN" and all(g in ps[0].tag for g in ("anim", "plur", "nomn"))


# (session 50) the square named after the capital ("площадь Астана", "на площади Астаны", "Площадь «Астана»") is a square
# in Almaty; not the capital's own square named with an adjective ("на главной площади Астаны")
SQUARE_WORD_BEFORE_RE = re.compile(r"(?:^|[^\w-])(?:([\w-]+)\s+)?площад\w*\s+«?$", re.I)


def astana_square(text: str, start: int) -> bool:
    """The capital's name at `start` names the square after "площадь", not the capital (no adjective before the square)."""
    m = SQUARE_WORD_BEFORE_RE.search(text[max(0, start - 40):start])
    if not m:
        return False
    if m.group(1):
        ps = parses(m.group(1).lower())
        if ps and ps[0].tag.POS in ("ADJF", "PRTF"):
            return False
    return True


# (session 50) landmarks of one city named as where people gathered, when no city is named beside them: the square named
# after the capital, the Old Square, Valikhanov square, the Academy of Sciences, the Panfilov park, the Sary-Arka cinema, the
# national universities (Almaty); the Eurasian and Nazarbayev universities (Astana)
LANDMARKS = [
    ("almaty", r"площад\w*\s+«?Астан[аы]»?|Астана\s+алаң\w*|Стар(?:ая|ой|ую)\s+площад\w*|Ескі\s+алаң\w*|"
               r"площад\w*\s+(?:имени\s+)?(?:Шокана\s+|Ш\.\s*)?[УВ]алиханова|Уәлиханов\s+алаң\w*|Академи\w+\s+наук|"
               r"Ғылым\s+академия\w*|парк\w*\s+(?:имени\s+)?(?:28\s+)?(?:гвардейцев[-\s])?панфиловцев|"
               r"(?:28\s+)?панфиловшы\w*\s+саябағ\w*|кинотеатр\w*\s+[«\"“]?Сары-?Арка|"
               # (the national universities, by their abbreviations: КазНУ, КазНПУ, КазНТУ, КазНМУ and the Kazakh ones)
               # (case-sensitive: "в казну" is the treasury)
               r"(?-i:Каз(?:НУ|НПУ|НТУ|НИТУ|НМУ)|Қаз(?:ҰУ|ҰПУ|ҰТЗУ|ҰМУ))(?![\w])"),
    ("astana", r"(?-i:ЕНУ|ЕҰУ)(?![\w])|Назарбаев\s+Университет\w*|Nazarbayev\s+University"),
]
_LANDMARK_RE = [(k, re.compile(rf"(?<![\w-])(?:{rx})", re.I)) for k, rx in LANDMARKS]


def find_landmarks(text: str) -> list[CityHit]:
    """Cities named through one of their landmarks ("Уәлиханов алаңы", "у здания Академии наук")."""
    out = []
    for key, rx in _LANDMARK_RE:
        for m in rx.finditer(text):
            if m.group(0).lower().startswith("площад") and "стан" in m.group(0).lower() \
                    and not astana_square(text, m.start() + len(re.match(r"площад\w*\s+«?", m.group(0), re.I).group(0))):
                continue  # "на главной площади Астаны": the capital's
            out.append(CityHit(key, m.start(), m.end(), m.group(0)))
    return sorted(out, key=lambda h: h.start)


def _nominative(word: str) -> bool:
    """The name in the nominative, declinable ("площади Астана": a square's name), not the city's genitive ("площади
    Уральска") nor an indeclinable name ("площади Алматы": either)."""
    ps = parses(word.lower())
    return bool(ps) and "nomn" in ps[0].tag and "Fixd" not in ps[0].tag


def in_quotes(text: str, hit: CityHit) -> bool:
    """The name stands inside quotes: a club, a company, a road, a square, a slogan ("Палачи Жанаозена")."""
    before = text[max(0, hit.start - 40):hit.start]
    after = text[hit.end:hit.end + 40]
    return bool((re.search(r"«[^»]*$", before) and "»" in after) or (re.search(r"[\"“„]$", before) and re.match(r"[\"”“]", after))
                or (re.search(r"[\"“„][^\"“”„]*$", before) and before.count('"') % 2 == 1 and re.match(r"[^\"”]{0,25}[\"”]", after)))


def on_road(text: str, hit: CityHit) -> bool:
    """The city is named as a road's end, not as where anything happened: the first or the second city of a road's name
    ("Жаңаөзен – Ақтау тас жолында", "трасса Алматы – Бишкек"), or its destination ("дорогу на Шымкент")."""
    before, after = text[max(0, hit.start - 40):hit.start], text[hit.end:hit.end + 40]
    return bool(re.match(r"\s*[-–—]\s*[А-ЯЁӘҒҚҢӨҰҮҺІ]", after) or ROAD_SECOND_BEFORE_RE.search(before)
                or ROAD_DESTINATION_BEFORE_RE.search(before) or (DASH_BEFORE_RE.search(before) and ROAD_SECOND_AFTER_RE.match(after)))


def hit_role(text: str, hit: CityHit) -> str:
    """'place' (where something happens), 'resident' ("жители Жанаозена", "из Уральска": whose, or
    whom they support), 'route' (a flight's end, "рейсы Астана — Франкфурт"), or 'region' ("Алматинской области", "Алматы маңында", "близ Алматы",
    the "Алматы-Талғар" road): a region or a neighbourhood is not the city itself."""
    before = text[max(0, hit.start - 40):hit.start]
    after = text[hit.end:hit.end + 40]
    if in_quotes(text, hit):
        return "region"  # a name in quotes: a club, a company, a road, a square ("площадь \"Астана\"")
    if hit.key == "astana" and astana_square(text, hit.start):
        return "region"  # (session 50) "на площади Астаны", "на Площади Астаны": the square in Almaty, not the capital
    if (STREET_BEFORE_RE.search(before) and _nominative(hit.text)) or STREET_AFTER_RE.match(after):
        return "region"  # (session 20) a square or a street named after a city ("площади Астана" is Almaty's)
    if REGION_SEAT_RE.match(after) or re.search(r"(?:акимат\w*|әкімдіг\w*)\s+$", before) \
            or (KK_LOCATIVE_RE.search(hit.text) and KK_REGIONAL_ADJ_AFTER_RE.match(after)) \
            or (REGION_BODY_AFTER_RE.match(after) and hit.key != "almaty"):
        return "place"  # "Ақтөбе облысы әкімдігі": the regional akimat sits in the city
    if ROUTE_BEFORE_RE.search(before):
        return "route"  # (session 31) a flight's end: neither where it happened nor a place of the country's told
    if DISTANCE_BEFORE_RE.search(text[max(0, hit.start - 90):hit.start]) or DISTANCE_AFTER_RE.match(after):
        return "region"  # (session 27) a distance from it ("в 500 км от ... города Караганды"): somewhere else
    if REGION_AFTER_RE.match(after) or NEAR_BEFORE_RE.search(before) or on_road(text, hit) \
            or SETTLEMENT_BEFORE_RE.search(before) or (VILLAGE_AFTER_RE.match(after) and not _KK_CASE_END_RE.search(hit.text)) \
            or KK_DESTINATION_AFTER_RE.match(after):
        return "region"
    if RESIDENT_BEFORE_RE.search(before) or EVENT_NAME_AFTER_RE.match(after) or SUPPORTED_BEFORE_RE.search(before) \
            or KK_SUPPORTED_AFTER_RE.match(after) or VICTIMS_BEFORE_RE.search(before) or KK_VICTIMS_AFTER_RE.match(after) \
            or ORIGIN_LIST_BEFORE_RE.search(text[max(0, hit.start - 120):hit.start]) \
            or AFTER_CAUSE_BEFORE_RE.search(text[max(0, hit.start - 90):hit.start]) \
            or ((WAVE_BEGAN_BEFORE_RE.search(before) or KK_WAVE_BEGAN_AFTER_RE.match(after)) and OTHER_PLACES_RE.search(text)):
        return "resident"  # whose residents, whom they support, the name of a past event
    return "place"
