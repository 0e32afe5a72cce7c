"""(session 48a) The media rule files no batch had mutated, in the mutation run (`scripts/mutate.py --area media`,
`MEDIA7_MUTANT_TESTS`): tests that kill the survivors of the first draw, each asserting what the extractor reads from a
short hand-written Russian or Kazakh sentence, or what a module's function returns by its documented contract; every
expected value is worked out from the input (docs/testing.md, "Session 48 — the never-mutated media rule files")."""
from __future__ import annotations

import datetime as dt

import pytest

from assets.media import count_subjects, kazlatin
from assets.media.counts import counted_noun
from first_event import count, detained_after_gathering, event

PUB = dt.date(2023, 6, 1)


# --- count_nouns_kk.py ------------------------------------------------------------------------------------------------

def test_a_kazakh_demonym_is_the_crowd_with_three_words_before_its_verb():
    # "шымкенттік" (people of Shymkent), then "облыстық әкімдік алдына" (three words), then the crowd's verb "жиналды"
    assert counted_noun(" шымкенттік облыстық әкімдік алдына жиналды.") == ("people", "шымкенттік")
    # "мыңдаған" is the vague "thousands": (2000, 4000, 9000)
    assert count("Митинг", "Мыңдаған шымкенттік облыстық әкімдік алдына жиналды.") == (2000, 4000, 9000)


# --- kazlatin.py ------------------------------------------------------------------------------------------------------

def test_abai_spelling_reads_zh_as_one_letter():
    # abai.kz's spelling (ó, ú; "gh" and "ng"; no ǵ, ń, á): "zh" is ж, as "gh" is ғ and "ng" ң
    text = "Zhanaózen qalasynyng túrghyndary kóshege shyghyp, zhalaqyny kóterudi talap etti."
    assert kazlatin.scheme(text) == "abai"
    assert kazlatin.to_cyrillic(text) == "Жанаөзен қаласының тұрғындары көшеге шығып, жалақыны көтеруді талап етті."


def test_a_russian_text_quoting_a_kazakh_latin_slogan_is_left_alone():
    # 32 Latin letters against 71 Cyrillic ones: the text is Russian (fewer than twice as many Latin letters)
    text = ("«Qazaqstan jáne bostandyq úshin kúres» — было написано на плакате, который держал один из участников митинга "
            "у акимата Алматы.")
    assert kazlatin.scheme(text) is None
    assert kazlatin.to_cyrillic(text) == text


# --- count_subjects.py ------------------------------------------------------------------------------------------------

def test_no_word_before_the_figure_is_no_gathering_verb():
    assert count_subjects.gathering_verb_before("К акимату пришли около") is True
    # a dash or nothing before the figure: no verb at all
    assert count_subjects.gathering_verb_before("Участников акции — ") is False
    assert count_subjects.gathering_verb_before("") is False


# --- detention_figure.py ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    # "её сторонников": the possessive before a plural noun, some of her people, no count
    ("Полиция задержала её сторонников.", None),
    # "его" the verb's object: one person
    ("Полиция увезла его в отдел полиции.", 1),
    # the approximate inversion "человек 15"
    ("Человек 15 увезли в полицию.", 15),
    # two joined counts: 2 + 3
    ("Полиция задержала двоих организаторов и троих участников акции.", 5),
    ("Полиция задержала журналиста.", 1),
    ("Полицейские задержали мужчину и женщину.", 2),
])
def test_the_detained_figure_of_one_sentence(sentence, expected):
    assert detained_after_gathering(sentence) == expected


def test_a_picket_of_one_detained_without_a_figure_is_one():
    # the verb's object "его" after a picket of one: one person detained (the object pronoun alone tells it)
    assert detained_after_gathering("Полиция увезла его в отдел полиции.") == 1


# --- detention_patterns.py --------------------------------------------------------------------------------------------

from assets.media.detention_patterns import DETAIN_RE  # noqa: E402


@pytest.mark.parametrize("sentence", [
    # the verb of taking, six words, then the station ("доставили ... в отдел полиции")
    "Участников акции доставили вместе с их лидером и адвокатом в отдел полиции.",
    # Kazakh: some of them by a figure with its suffix, the verb right after it ("12-сін ұстады")
    "Наразылардың 12-сін ұстады.",
    # Kazakh: the police, then at once the object in the accusative, then the verb
    "Полиция наразыларды ұстады.",
])
def test_these_sentences_detain(sentence):
    assert DETAIN_RE.search(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("Участников акции доставили вместе с их лидером и адвокатом в отдел полиции.", 40),  # all of them: the 40 before
    ("Наразылардың 12-сін ұстады.", 12),
    ("Полиция наразыларды ұстады.", 40),
    # one named activist, three words before the passive ("кеше полиция бөліміне жеткізілді")
    ("Белсенді Ерлан Қалиев кеше полиция бөліміне жеткізілді.", 1),
    # Kazakh "all of them" taken away ("барлығын алып кетті"): the 40 who gathered
    ("Полиция барлығын алып кетті.", 40),
    # "всех ..." five words, then "и увезли": all of them
    ("Полицейские окружили всех собравшихся у здания городского акимата и увезли в отдел полиции.", 40),
])
def test_the_detained_after_a_gathering_of_forty(sentence, expected):
    assert detained_after_gathering(sentence) == expected


def test_those_supported_as_detained_at_the_sentence_end_are_no_detention():
    # "в поддержку задержанных" describes whom the 40 support: no one is detained at this assembly
    ev = event("Митинг", "В Алматы 5 мая 40 человек вышли к акимату в поддержку задержанных.")
    assert (ev.participants, ev.detained) == (40, 0)


@pytest.mark.parametrize("sentence, expected", [
    # the inverted "человек 15" (about fifteen) before a place, not before a verb of acting: still the detained
    ("Полицейские задержали человек 15 прямо у здания акимата.", 15),
    # one detained, then "several more people": no figure (the monitor counts), never one
    ("Сначала был задержан организатор, затем задержали ещё несколько человек.", None),
    # the object, the whole group told at the sentence's start ("Собравшихся задержали")
    ("Собравшихся задержали.", 40),
])
def test_more_detained_figures_after_a_gathering_of_forty(sentence, expected):
    assert detained_after_gathering(sentence) == expected


def test_a_single_picket_cut_short_by_the_police_is_one_detained():
    # a series of single pickets (no head count), the picket interrupted, "полиция задержала" with no object: one, the
    # picketer (a single picket is one person)
    ev = event("Одиночные пикеты в Алматы", "В Алматы 5 мая прошла серия одиночных пикетов у акимата. Через полчаса пикет "
               "был прерван: полиция задержала.")
    assert (ev.form, ev.detained) == ("single_picket", 1)


# --- detention_verbs.py -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    # sent to the police, the place first with two words before it ("в различные районные отделы полиции доставлены")
    ("В различные районные отделы полиции доставлены 47 человек.", 47),
    # Kazakh "қолға түсті" (were caught)
    ("Акцияға қатысқан үш адам қолға түсті.", 3),
])
def test_detentions_told_without_the_verb_of_detaining(sentence, expected):
    assert detained_after_gathering(sentence) == expected


# --- event.py ---------------------------------------------------------------------------------------------------------

def test_an_events_dates_are_iso_days_in_its_dict():
    from assets.media.event import Event

    d = Event(date=dt.date(2023, 5, 5), published=dt.date(2023, 5, 6)).to_dict()
    assert (d["date"], d["published"]) == ("2023-05-05", "2023-05-06")
    assert Event().to_dict()["date"] is None


# --- kazarab.py -------------------------------------------------------------------------------------------------------

def test_arabic_script_must_be_more_than_twice_the_other_letters():
    from assets.media import kazarab

    # 40 Arabic letters against 20 Cyrillic: exactly twice, not more: not Arabic; against 19: Arabic
    assert kazarab.is_arabic("ا" * 40 + " " + "а" * 20) is False
    assert kazarab.is_arabic("ا" * 40 + " " + "а" * 19) is True


# --- numbers_kk.py ----------------------------------------------------------------------------------------------------

from assets.media import numbers_kk  # noqa: E402
from assets.media.spans import Spans  # noqa: E402


def test_kazakh_seventy_people():
    assert count("Митинг", "Алматыда 5 мамырда жетпіс адам әкімдік алдына жиналды.") == (70, 70, 70)


def test_a_kazakh_range_of_words_opening_a_sentence():
    # "Жиырма-отыз" (twenty to thirty), capitalised: (low, high, start, end)
    assert numbers_kk.kk_ranges("Жиырма-отыз адам әкімдік алдына жиналды.") == [(20, 30, 0, 11)]


def test_more_than_twenty_one_in_kazakh_words():
    # "жиырма бірден астам" (more than twenty-one): the compound reader leaves a last "бір" with an ending ("бірден" is
    # also "at once"), the case reader takes it: 21, more
    text = "Әкімдік алдына жиырма бірден астам адам жиналды."
    assert [(n, how) for _, _, n, how in numbers_kk.kk_numbers(text, Spans(len(text)))] == [(21, "more")]
    # more than 21: 21 is the low bound (session 50: the stated figure, as monitors write it)
    assert count("Митинг", "Алматыда 5 мамырда " + text[0].lower() + text[1:])[0] == 21


# --- numbers_words.py -------------------------------------------------------------------------------------------------

from assets.media.numbers import quantities  # noqa: E402


def _read(text: str) -> list[tuple[int, int, int, str]]:
    return [(q.low, q.best, q.high, q.text) for q, _ in quantities(text)]


@pytest.mark.parametrize("text, expected", [
    # the scale word before its unit is the spoken "about": "тысяч семь" is about 7,000, ±20 %
    ("На площадь вышли тысяч семь человек.", [(5600, 7000, 8400, "тысяч семь")]),
    # and a half of each unit, scaled: 8.5 thousand
    ("На площадь вышли восемь с половиной тысяч человек.", [(8500, 8500, 8500, "восемь с половиной тысяч")]),
    # "больше" (more than) two and a half thousand: above 2,500 (n + 1, n × 1.1, n × 1.3)
    ("На площадь вышли больше двух с половиной тысяч человек.", [(2501, 2750, 3250, "больше двух с половиной тысяч")]),
    # "сотня" (a hundred, in the singular) is exactly 100
    ("К акимату пришла сотня жителей.", [(100, 100, 100, "сотня")]),
    # "не менее сотни" (at least a hundred): never below 100
    ("Собралось не менее сотни человек.", [(100, 100, 120, "не менее сотни")]),
    # (each reading below is its row of numbers_words.BOUNDED or VAGUE, read against the phrase's sense)
    # at most ten, at most a thousand ("до тысячи")
    ("Пришло не более десятка человек.", [(5, 8, 10, "не более десятка")]),
    ("Вышли до тысячи человек.", [(500, 800, 1000, "до тысячи")]),
    # more than a hundred, more than one and a half thousand: above it, never below
    ("Собралось более сотни человек.", [(101, 120, 150, "более сотни")]),
    ("Вышли более полутора тысяч человек.", [(1501, 1650, 1900, "более полутора тысяч")]),
    # one and a half to two tens, hundreds, thousands: 15 to 20, 1,500 to 2,000
    ("Собрались полтора-два десятка человек.", [(15, 18, 20, "полтора-два десятка")]),
    ("Собрались полторы-две тысячи человек.", [(1500, 1750, 2000, "полторы-две тысячи")]),
    # one and a half ten, hundred, thousand: 15, 150, 1,500, ±10 % or so
    ("Вышли полтора десятка человек.", [(13, 15, 17, "полтора десятка")]),
    ("Пришли полторы сотни человек.", [(135, 150, 165, "полторы сотни")]),
    ("Пришли полторы тысячи человек.", [(1350, 1500, 1650, "полторы тысячи")]),
    # a couple of hundred
    ("Пришли пара сотен человек.", [(180, 200, 250, "пара сотен")]),
    # vague: "ондаған" (tens), "несколько тысяч" (several thousand), "тысячи" (thousands)
    ("Ондаған адам жиналды.", [(20, 40, 90, "Ондаған")]),
    ("Вышли несколько тысяч человек.", [(2000, 3000, 9000, "несколько тысяч")]),
    ("Вышли тысячи человек.", [(2000, 4000, 9000, "тысячи")]),
    # ranges in words: the upper end of two words ("тридцати пяти"), its midpoint 27.5 rounded half to even
    ("Пришли от двадцати до тридцати пяти человек.", [(20, 28, 35, "двадцати до тридцати пяти")]),
    ("Вышли две-три тысячи человек.", [(2000, 2500, 3000, "две-три тысячи")]),
])
def test_round_numbers_in_words(text, expected):
    assert _read(text) == expected


# --- recaps.py --------------------------------------------------------------------------------------------------------

def test_a_recap_paragraph_gives_the_count_of_its_second_sentence():
    # "Напомним, 9 мая ...": the recap of this event (published 10 May); its count is in the paragraph's next sentence
    ev = event("Задержаны все рабочие", "Полиция задержала всех протестовавших рабочих у здания министерства в Астане. "
               "Напомним, 9 мая у здания министерства собрались бывшие рабочие из Жанаозена. Их было около 50 человек.",
               dt.date(2023, 5, 10))
    assert (ev.participants_low, ev.participants, ev.participants_high) == (45, 50, 55)
    assert ev.detained == 50  # all of them


# --- spans.py ---------------------------------------------------------------------------------------------------------

def test_a_group_of_four_digits_is_no_thousands_group():
    from assets.media.spans import prepare_numbers

    # "1 300" is one number (its space becomes a zero-width one); "2019 300" is a year and a count
    assert prepare_numbers("Пришли 1 300 человек.") == "Пришли 1\u200b300 человек."
    assert prepare_numbers("В 2019 300 рабочих вышли на забастовку.") == "В 2019 300 рабочих вышли на забастовку."


def test_the_range_in_words_leaves_the_next_figure_to_be_read():
    # the range's upper end took two words ("тридцати пяти"): the reader goes on from there, and the "10" after the comma
    # is read as it stands
    assert _read("Пришли от двадцати до тридцати пяти человек, 10 из них задержали.") == [
        (20, 28, 35, "двадцати до тридцати пяти"), (10, 10, 10, "10")]


# --- topics.py --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("body, topic, character", [
    # the demand's lead-in before its infinitive is dropped, the fourth word being the infinitive ("от властей срочно")
    ("В Алматы 5 мая около 40 жителей вышли к акимату, требуя от властей срочно предоставить жилье.",
     "предоставить жилье", "economic"),
    # neither a political nor an economic word: a social topic
    ("В Алматы 5 мая около 40 жителей вышли к акимату, требуя сохранить сквер.", "сохранить сквер", "social"),
])
def test_the_topic_and_its_character(body, topic, character):
    ev = event("Митинг в Алматы", body)
    assert (ev.topic, ev.character) == (topic, character)


@pytest.mark.parametrize("title, body, organiser", [
    # forty residents, no organisation named (a residential complex's name in quotes is no organiser): a group of citizens
    ("Митинг в Алматы", "В Алматы 5 мая около 40 жителей ЖК «Солнечный» вышли к акимату, требуя сохранить сквер.",
     "spontaneous"),
    # one pensioner with a placard in quotes: one person
    ("Пикет в Алматы", "В Алматы 5 мая пенсионерка вышла к акимату с плакатом «Верните пенсию».", "individual"),
])
def test_the_organiser_when_no_organisation_organised_it(title, body, organiser):
    assert event(title, body).organizer_type == organiser


# --- triage_civic_cues.py ---------------------------------------------------------------------------------------------

from assets.media import triage_civic_cues  # noqa: E402


@pytest.mark.parametrize("pattern, sentence", [
    # activists right before their honouring ("Активисты возложили"): a civic commemoration
    ("CIVIC_MEMORY_RE", "Активисты возложили венок к монументу Независимости."),
    # a group's video appeal, six words between the group and its verb
    ("GROUP_APPEAL_RE", "Работники медеплавильного завода в городе Балхаш вчера записали видеообращение к президенту."),
    # the rally that did not come off ("Митинга не получилось")
    ("FAILED_RE", "Митинга не получилось: на площадь никто не пришел."),
    # a rally for the President's reforms, three words before "реформ"
    ("OFFICIAL_DAY_OR_PARTY_RE", "Митинг в поддержку политических и экономических реформ Президента прошел в Таразе."),
])
def test_these_civic_cues_are_found(pattern, sentence):
    assert getattr(triage_civic_cues, pattern).search(sentence)


def test_one_announcement_label_written_twice_is_one_label():
    # the place of holding twice (once in capitals): one kind of label, not an announcement's two
    assert not triage_civic_cues.announcement_fields("МЕСТО ПРОВЕДЕНИЯ: площадь у акимата.\nМесто сбора: у входа в парк.")
    assert triage_civic_cues.announcement_fields("Место проведения: площадь у акимата.\nДата проведения: 14 июня.")


# --- url_place.py -----------------------------------------------------------------------------------------------------

from assets.media.url_place import url_city  # noqa: E402


@pytest.mark.parametrize("url, city", [
    # "в Семее" (the Russian locative of Семей) in the address
    ("https://example.kz/news/zhiteli-vyshli-na-miting-v-semee", "semey"),
    # the city's adjective in "-skij" (Уральский)
    ("https://example.kz/news/uralskij-akimat-otvetil-protestuyushchim", "uralsk"),
    # a former name ("в Гурьеве": Atyrau)
    ("https://example.kz/news/v-guryeve-rabochie-vyshli-na-miting", "atyrau"),
])
def test_the_city_an_address_names(url, city):
    assert url_city(url) == city


# --- world_places.py --------------------------------------------------------------------------------------------------

def test_a_country_followed_by_a_capitalised_word_is_still_the_country():
    from assets.media.world_places import countries

    # "в Германии Данияр": the two words are no country's name; the first is
    assert [m.group(0) for m in countries("Казахстанцы в Германии Данияр и Асель вышли на пикет у посольства.")] == \
        ["в Германии"]
