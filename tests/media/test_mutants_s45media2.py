"""Session 45, the second media batch of the mutation run (docs/testing.md, "Session 45 — a second media batch"):
each test kills a survivor of `scripts/mutate.py --area media` in assets/media/detentions.py, detention_counts.py,
reason_words.py, review_columns.py or counts.py; every expected value is worked out by hand from the input."""
from __future__ import annotations

from assets.media import review_columns


def test_a_column_without_its_own_width_is_narrow():
    assert review_columns.width("police_count") == review_columns.NARROW == 14
    assert review_columns.width("evidence") == 70


# --- assets/media/detention_counts.py ---------------------------------------------------------------------------------

from assets.media.detentions import fill_detentions  # noqa: E402
from assets.media.event import Event  # noqa: E402
from assets.media.text import Sentence  # noqa: E402
from assets.media.detention_counts import enumerated_detainees  # noqa: E402
from tests.media.first_event import detained, detained_after_gathering, event  # noqa: E402


def test_two_persons_joined_by_i_are_two_detained():
    # "мужчину" (one person, not a name) and "женщину" joined by "и": 1 + 1 (kills :73 `not` dropped, :82 + 2, :82 "fewer")
    assert detained_after_gathering("Полиция задержала мужчину и женщину.") == 2
    assert detained_after_gathering("Полиция задержала студентку и журналиста.") == 2


# --- assets/media/detentions.py ---------------------------------------------------------------------------------------

def _detained(city, *texts, title=None):
    """fill_detentions called directly: an undated event in `city`, the sentences searched in this order."""
    ev = Event()
    ev.city = city
    sents, at = [], 0
    for i, t in enumerate(texts):
        sents.append(Sentence(i, t, at, 0))
        at += len(t) + 1
    fill_detentions(ev, sents, title=None if title is None else Sentence(len(texts), title, at, 0))
    return ev.detained


def test_an_undated_article_counts_the_detained_told_after_its_lead():
    # no date at all: the second sentence is not set apart from the lead (:72 `dated_apart` dropped skips it)
    assert _detained("kokshetau", "В Кокшетау у акимата прошёл митинг против тарифов.", "Полиция задержала 5 человек.") == 5


def test_a_capitalised_verb_of_detaining_is_read():
    # the sentence's own capitals: "Задержаны", "ЗАДЕРЖАНЫ" read as "задержаны" (:80 `.lower()` dropped)
    assert detained("Митинг в Кокшетау", "В Кокшетау у акимата прошёл митинг против тарифов. ЗАДЕРЖАНЫ 5 человек.", None) == 5


def test_a_city_figure_wins_over_the_nationwide_total_when_the_event_has_no_city():
    # no city of the event: the nationwide 80 is a fallback, the 6 told without "other cities" is the figure (:109)
    title = "Акции протеста в Казахстане"
    text = ("В субботу в нескольких городах Казахстана прошли несанкционированные митинги. Полиция задержала 6 человек. "
            "Всего в разных городах задержаны 80 человек.")
    assert detained(title, text) == 6


def test_a_negated_infinitive_keeps_the_headline_from_inventing_a_detention():
    # "не стали задерживать": nobody detained (a negative); the headline's unnumbered "задержан активист" is not read
    # over it (:128 "negative" misspelt: the negative was not kept, the headline gave 1)
    assert _detained("kokshetau", "В Кокшетау у акимата прошёл митинг против тарифов.",
                     "Полицейские не решились задерживать пикетчиков.", title="В Кокшетау задержан активист") == 0


def test_the_released_detained_with_their_count_are_counted():
    # a sentence of release with a count of people tells the count (:132: `== "people"`, `k[0]`, `and`)
    lead = "В Кокшетау у акимата прошёл митинг против тарифов."
    assert _detained("kokshetau", lead, "Задержанных отпустили, всего их было 15 человек.") == 15
    assert _detained("kokshetau", lead, "Полиция отпустила 15 задержанных участников митинга.") == 15


def test_an_ordinary_detention_is_not_preventive():
    # no "превентивно" / "до начала акции": none of them preventive, the second figure after "ещё" added (:181 `if True`)
    ev = event("Митинг в Кокшетау", "В Кокшетау у акимата прошёл митинг против тарифов. Полиция задержала 5 человек.")
    assert (ev.detained, ev.preventive_detentions) == (5, 0)
    ev = event("Митинг в Кокшетау", "В Кокшетау у акимата прошёл митинг против тарифов. "
                                    "Полиция задержала 10 человек, ещё 5 человек задержали вечером.")
    assert (ev.detained, ev.preventive_detentions) == (15, 0)


def test_one_named_by_role_and_more_after_esche():
    # "организатора митинга и ещё двоих активистов": 1 + 2 (:312 `i == 0` negated)
    assert enumerated_detainees("Полиция задержала организатора митинга и ещё двоих активистов.") == 3


def test_the_released_with_a_figure_of_no_people_tell_no_count():
    # "через 3 часа" is no count of people: the detained are told without a number, left to the monitor (:132 `and`
    # → `or` read any quantity as a count and failed on the one `counted` refuses)
    lead = "В Кокшетау у акимата прошёл митинг против тарифов."
    assert _detained("kokshetau", lead, "Задержанных отпустили через 3 часа.") is None
    assert _detained("kokshetau", lead, "Задержанных отпустили, их охраняли 20 полицейских.") is None


# --- assets/media/review_columns.py -----------------------------------------------------------------------------------

def test_every_decision_word_means_one_of_the_three_decisions():
    # the Russian and English words and letters a monitor types (:15 "отклонить" → "reject_x")
    want = {"accept": "accept", "a": "accept", "yes": "accept", "принять": "accept", "да": "accept",
            "reject": "reject", "r": "reject", "no": "reject", "отклонить": "reject", "нет": "reject",
            "merge": "merge", "m": "merge", "объединить": "merge"}
    assert review_columns.DECISIONS == want


def test_every_editable_column_is_a_card_field():
    # (:17 "settlement" → "settlement_x": a column the card has no field for)
    fields = review_columns.card_schema()
    assert [k for k in review_columns.EDITABLE if k not in fields] == []
    assert "settlement" in review_columns.EDITABLE


def test_every_column_has_a_russian_and_english_header_read_back_to_its_key():
    # each column's label is "Русский / English" (a misspelt key of OWN_LABELS left the bare key: :28, :29, :31),
    # and either half typed alone reads back to the key
    for key in review_columns.COLUMNS:
        lab = review_columns.label(key)
        assert " / " in lab, key
        ru, en = lab.split(" / ")
        assert review_columns.header_key(ru) == review_columns.header_key(en.upper()) == key
    assert review_columns.label("merge_into") == "Объединить с (номер) / Merge into (id)"
    assert review_columns.label("evidence") == "Предложения, из которых взяты поля / Evidence sentences"


def test_every_width_is_of_a_column():
    # (:42, :46 a misspelt key: the column fell back to the narrow width)
    assert set(review_columns.WIDTHS) <= set(review_columns.COLUMNS)
    assert review_columns.width("candidate_id") == 15
    assert review_columns.width("source_links") == 40


def test_a_two_language_choice_reads_its_russian_half():
    # the drop-down's "принять / accept", "да / yes": the Russian half (:94 `[0]` → `[1]`); a single word as it is
    assert review_columns._choice("принять / accept") == "принять"
    assert review_columns._choice(" да / yes ") == "да"
    assert review_columns._choice("нет") == "нет"


def test_the_codes_hint_shows_each_code_in_both_languages():
    # the card's form codes as the drop-down lists them, "Митинг / Rally" first (:135 "ru" misspelt showed "rally")
    hint = review_columns.codes_hint("form").split(", ")
    assert hint[:2] == ["Митинг / Rally", "Пикет / Picket"]
    assert all(" / " in h for h in hint)


# --- assets/media/detention_counts.py: the helpers, called directly ---------------------------------------------------

from assets.media import detention_counts as dc  # noqa: E402
from assets.media.reason_words import split_reasons  # noqa: E402


def test_an_infinitive_of_detaining_tells_none_negative_or_a_detention():
    # "могла задержать": none (:503 "none" misspelt); "не решились задерживать": negative; "не" only when it is in the
    # window (:501 `if True`); "стали задерживать": they did, None (:496 the window before the verb emptied)
    assert dc.infinitive_only("полиция могла задержать пикетчиков") == "none"
    assert dc.infinitive_only("полицейские не решились задерживать пикетчиков") == "negative"
    assert dc.infinitive_only("полицейские стали задерживать пикетчиков") is None


def test_one_person_by_a_pronoun_or_a_short_role():
    # "его" is one person (:364 `== 1` → `== 0`); a role of two words is, one of five is not (:362 `> 4` → `> 5`);
    # a lowercase singular animate noun heads an apposition, a capitalised one does not (:351 `if True`); "активист"
    # has one reading (:354 `ps[1]`)
    assert dc._one_person("его") is True
    assert dc._one_person("организатора митинга") is True
    assert dc._one_person("организатора митинга у здания акимата") is False
    assert dc._apposition("организатора") is True
    assert dc._apposition("активист") is True
    assert dc._apposition("Организатора") is False


def test_a_named_person_and_who_he_is_is_one():
    # "Ерлана Калиева, организатора пикета": the apposition tells who he is (:321 named + 2, :323 the three mutants)
    assert dc.enumerated_detainees("Полиция задержала Ерлана Калиева, организатора пикета.") == 1


def test_a_named_person_and_more_after_esche():
    # one named + "ещё двух человек" = 3 (:340 `named >= 1` → `>= 2`)
    assert dc.enumerated_detainees("Полиция задержала Ерлана Калиева и ещё двух человек.") == 3


def test_a_list_of_the_detained_two_words_after_spisok():
    # "список уже известных задержанных": two words between (:370 `{0,2}` → `{0,1}`)
    assert dc.listed_figure("Опубликован список уже известных задержанных, в нем 75 человек.") == 75


def test_the_stated_figure_of_the_detained():
    # the verb at the sentence's very start (:183 `max(0, …)` → `max(1, …)`); a count before the figure's noun is not it
    # (:174 `-` → `+`); a period after "за" is not it (:172)
    assert dc.stated_figure("Задержаны 35.") == 35
    assert dc.stated_figure("Из 200 участников число задержанных достигло 35.") == 35
    assert dc.stated_figure("Число задержанных за 3 акции достигло 40.") == 40


def test_a_joined_quantity_that_counts_nobody_ends_the_joined_counts():
    # "и 20 минут держала их": no people, the joined counts stop at 10 (:220 `or` → `and`)
    assert detained_after_gathering("Полиция задержала 10 участников и 20 минут держала их в автозаке.") == 10


def test_no_person_joined_before_the_figure_by_an_adverb():
    # "задержала утром и 10 участников": "утром" is no person (:515 `and` → `or`)
    t = "Полиция задержала утром и 10 участников"
    assert dc.one_joined_before(t, t.index("10")) == 0


def test_a_headline_abroad_tells_no_detention_of_its_own():
    # "В Москве задержан активист": abroad, None; the same in Kokshetau: one (:423 `or` → `and`)
    assert dc.headline_unnumbered("В Москве задержан активист") is None
    assert dc.headline_unnumbered("В Кокшетау задержан активист") == "one"


def test_the_object_after_the_verb_is_one_person():
    # "ИХ ЛИДЕРА": the possessive skipped whatever its case (:112 `.lower()` dropped); "журналиста": one (:119)
    assert dc.singular_object("ПОЛИЦИЯ ЗАДЕРЖАЛА ИХ ЛИДЕРА.") == 1
    assert dc.singular_object("Полиция задержала журналиста у акимата.") == 1


# --- assets/media/reason_words.py -------------------------------------------------------------------------------------

def test_reasons_split_only_at_semicolon_and_space():
    # "a;b" (no space) is one reason (:148 `text.startswith("; ", i)` dropped)
    assert split_reasons("a;b; c") == ["a;b", "c"]


# --- assets/media/counts.py -------------------------------------------------------------------------------------------

from assets.media.count_context import before_of  # noqa: E402
from assets.media.counts import _acted_after, counted  # noqa: E402
from assets.media.numbers import quantities  # noqa: E402


def _kind(t: str):
    """What the sentence's first number counts."""
    q, after = quantities(t)[0]
    return counted(q, after, before_of(t, q.start))


def test_what_a_number_counts():
    # "Их было больше 30": the pronoun's count (:27 "больше" → "меньше")
    assert _kind("У акимата собрались жители. Их было больше 30.") == ("people", "их")
    # plain-clothes police: "сотрудников в штатском" reads two words after the noun (:122 `k + 3` → `k + 2`)
    assert _kind("У акимата дежурили 20 сотрудников в штатском.") == ("police", "сотрудник полиции")
    # "сотрудников" with nothing after it are people, not officials (:124 `and` → `or`)
    assert _kind("На акцию вышли 20 сотрудников.") == ("people", "сотрудник")
    # "безработных": a noun first, an adjective second — a person all the same (:138 `any` → `all`)
    assert _kind("У акимата собрались 30 безработных.") == ("people", "безработный")
    # the gathered as a noun, two words to the sentence's end (:147 `words[k + 1]` → `words[k + 2]`)
    assert _kind("Около 200 собравшихся скандировали.") == ("people", "собраться")
    # those whose dismissal is demanded are no crowd (:194 `or` → `and`)
    assert _kind("Рабочие требуют уволить 5 сотрудников.") is None


def test_a_crowd_acts_after_its_number():
    # a past plural verb after the count: the crowd acted (:182 `== "VERB"` → `!=`)
    assert _acted_after(" собрались у акимата") is True
    assert _acted_after(" у акимата") is False


def test_a_report_from_abroad_with_the_capital_in_its_headline():
    # the lead tells a picket in Moscow; the headline names Astana, the event's city: the capital is Kazakhstan's own,
    # and the detentions in Moscow are not the event's (0); without the headline, "the capital" may be that country's
    # and Moscow's figure is taken (:54 the headline left out of the search for Astana)
    lead, det = "У посольства России в Москве прошёл пикет.", "В Москве задержаны 5 человек."
    assert _detained("astana", lead, det, title="Пикет в Астане") == 0
    assert _detained("astana", lead, det) == 5


def test_a_role_joined_without_esche_is_no_enumeration():
    # "организатора митинга и двух активистов": no "ещё" after the role, no list of the named (:312 the "ещё" dropped)
    assert dc.enumerated_detainees("Полиция задержала организатора митинга и двух активистов.") is None


def test_a_year_of_the_last_century_before_zaderzhany_is_no_figure():
    # "В 1986 задержаны": a year, never the detained (:180 `(?:19|20)\d\d` → `(?:18|20)\d\d`)
    assert dc.stated_figure("В 1986 задержаны студенты.") is None



def test_an_inverted_count_names_its_noun():
    # "собралось человек 50": the spoken "about 50", counted as ("people", "человек") (:237 "человек" → "людей")
    assert _kind("У акимата собралось человек 50.") == ("people", "человек")
