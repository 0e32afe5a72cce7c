"""Session 45: tests that kill the survivors of the media extractor's mutation run (scripts/mutate.py --area media;
docs/testing.md, "Session 45"). Each asserts what the extractor must read from a short hand-written sentence, or what a
function of assets/media/ must return; the expected values are worked out from the input."""
from __future__ import annotations

import datetime as dt

from assets.media import claims


def test_a_claim_whose_evidence_is_a_note_in_brackets_is_no_claim():
    ev = {"event_key": "k", "participants": 30, "participants_low": 20, "participants_high": 40, "date": dt.date(2021, 1, 5),
          "evidence": {"participants": "Около 30 человек вышли.", "date": "(no date in the text: the publication date)"}}
    out = claims.claims_of(ev)
    assert [c["field"] for c in out] == ["participants"]
    assert (out[0]["low"], out[0]["best"], out[0]["high"]) == (20, 30, 40)


# --- dates.py: every month, in Russian and in Kazakh, with its year ---------------------------------------------------

from assets.media import dates, numbers  # noqa: E402

RU_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
               "декабря"]
KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша",
             "желтоқсан"]


def test_every_russian_month_with_a_year_is_that_month():
    for month, word in enumerate(RU_GENITIVE, start=1):
        hits = dates.find_dates(f"Митинг прошел 5 {word} 2019 года в Алматы.", None)
        assert [(h.date, h.kind) for h in hits] == [(dt.date(2019, month, 5), "explicit")], word


def test_every_kazakh_month_with_a_year_is_that_month():
    for month, word in enumerate(KK_MONTHS, start=1):
        hits = dates.find_dates(f"2019 жылы 5 {word}да әкімдік алдына жиналды.", None)
        assert [h.date for h in hits] == [dt.date(2019, month, 5)], word


# --- numbers.py: the number words -------------------------------------------------------------------------------------

NUMBER_WORDS = {"один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
                "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
                "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
                "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
                "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300,
                "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
                "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8, "девятеро": 9,
                "десятеро": 10, "обоих": 2, "обеих": 2, "оба": 2, "обе": 2, "полсотни": 50, "полусотни": 50,
                "полусотня": 50, "дюжина": 12, "полдюжины": 6, "полтысячи": 500, "полутысячи": 500, "полутысяча": 500}


def test_every_number_word_reads_as_its_value():
    for word, value in NUMBER_WORDS.items():
        assert numbers.word_number(word) == value, word
        assert numbers.word_number(word.capitalize()) == value, word


def test_a_number_word_before_people_is_the_count():
    (q, after), = numbers.quantities("Четыре пенсионерки вышли к акимату.")
    assert (q.low, q.best, q.high) == (4, 4, 4)
    assert after.startswith(" пенсионерки")


WED = dt.date(2021, 1, 13)  # a Wednesday: the latest Monday on or before it is 11 January, the latest Thursday 7 January
LATEST_ON_OR_BEFORE_WED = [dt.date(2021, 1, d) for d in (11, 12, 13, 7, 8, 9, 10)]  # Monday ... Sunday


def test_every_russian_weekday_is_the_latest_such_day_on_or_before_publication():
    for word, day in zip(["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"],
                         LATEST_ON_OR_BEFORE_WED):
        hits = dates.find_dates(f"Активисты провели пикет в {word} у акимата.", WED)
        assert [(h.date, h.kind) for h in hits] == [(day, "weekday")], word


def test_every_kazakh_weekday_is_the_latest_such_day_on_or_before_publication():
    for word, day in zip(["дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"], LATEST_ON_OR_BEFORE_WED):
        hits = dates.find_dates(f"Тұрғындар {word} күні әкімдік алдына жиналды.", WED)
        assert [(h.date, h.kind) for h in hits] == [(day, "weekday")], word


def test_since_a_weekday_in_the_genitive_is_that_day():
    for word, day in zip(["понедельника", "вторника", "среды", "четверга", "пятницы", "субботы", "воскресенья"],
                         LATEST_ON_OR_BEFORE_WED):
        prep = "Со" if word == "среды" else "С"
        hits = dates.find_dates(f"{prep} {word} шахтеры держат голодовку.", WED)
        assert [h.date for h in hits] == [day], word


def test_relative_days_count_back_from_publication():
    cases = {"Позавчера рабочие вышли на митинг.": -2, "Вчера рабочие вышли на митинг.": -1,
             "Накануне рабочие вышли на митинг.": -1, "Сегодня рабочие вышли на митинг.": 0,
             "Бүгін тұрғындар әкімдік алдына жиналды.": 0, "Кеше тұрғындар әкімдік алдына жиналды.": -1,
             "Алдыңғы күні тұрғындар әкімдік алдына жиналды.": -2}
    for text, delta in cases.items():
        hits = dates.find_dates(text, WED)
        assert [(h.date, h.kind) for h in hits] == [(WED + dt.timedelta(days=delta), "relative")], text


ORDINALS = {"первого": 1, "второго": 2, "третьего": 3, "четвертого": 4, "пятого": 5, "шестого": 6, "седьмого": 7,
            "восьмого": 8, "девятого": 9, "десятого": 10, "одиннадцатого": 11, "двенадцатого": 12, "тринадцатого": 13,
            "четырнадцатого": 14, "пятнадцатого": 15, "шестнадцатого": 16, "семнадцатого": 17, "восемнадцатого": 18,
            "девятнадцатого": 19, "двадцатого": 20, "двадцать пятого": 25, "тридцатого": 30, "тридцать первого": 31}


def test_a_day_told_as_an_ordinal_word_is_that_day():
    for words, day in ORDINALS.items():
        hits = dates.find_dates(f"Митинг прошел {words} мая 2019 года.", None)
        assert [(h.date, h.kind) for h in hits] == [(dt.date(2019, 5, day), "explicit")], words
        # the sentence may open with it
        hits = dates.find_dates(f"{words.capitalize()} мая 2019 года рабочие вышли на митинг.", None)
        assert [h.date for h in hits] == [dt.date(2019, 5, day)], words


def test_a_kazakh_month_told_first_is_an_explicit_date():
    hits = dates.find_dates("Маусымның 30-ы күні тұрғындар әкімдік алдына жиналды.", dt.date(2021, 7, 10))
    assert [(h.date, h.kind) for h in hits] == [(dt.date(2021, 6, 30), "explicit")]


def test_bounds_never_end_below_their_start():
    for n in range(1, 60):
        for how in (None, "about", "more", "at_least", "below", "up_to", "reached"):
            lo, best, hi = numbers.bounds(n, how)
            assert lo <= hi, (n, how)
    assert numbers.bounds(10, "below") == (5, 8, 9)  # "не достигло и десяти": fewer than ten
    assert numbers.bounds(10, "up_to") == (5, 8, 10)  # "до 10": at most ten
    assert numbers.bounds(20, "below") == (10, 16, 19)  # below twenty: best four fifths of it
    assert numbers.bounds(20, "up_to") == (10, 16, 20)
    assert numbers.bounds(50, "about") == (45, 50, 55)
    assert numbers.bounds(50, "more") == (50, 55, 65)
    assert numbers.bounds(50, "at_least") == (50, 50, 60)


def test_a_range_of_decimal_thousands_keeps_its_exact_ends():
    (q, _), = numbers.quantities("На площадь вышли от 2,01 до 2,5 тыс. человек.")
    assert (q.low, q.best, q.high) == (2010, 2255, 2500)


def test_an_ordinal_day_without_a_year_takes_the_publication_year():
    hits = dates.find_dates("Третьего мая рабочие вышли на митинг.", dt.date(2021, 5, 10))
    assert [h.date for h in hits] == [dt.date(2021, 5, 3)]
    # a day more than a week after publication is last year's
    hits = dates.find_dates("Двадцать пятого мая рабочие вышли на митинг.", dt.date(2021, 5, 10))
    assert [h.date for h in hits] == [dt.date(2020, 5, 25)]


def test_a_two_digit_year_is_of_this_century():
    for text, day in {"Пикет прошел 03.05.21 у акимата.": dt.date(2021, 5, 3),
                      "Пикет прошел 03.05.99 у акимата.": dt.date(2099, 5, 3),
                      "Пикет прошел 03.05.2019 у акимата.": dt.date(2019, 5, 3)}.items():
        hits = dates.find_dates(text, None)
        assert [(h.date, h.kind) for h in hits] == [(day, "numeric")], text


def test_a_weekday_of_a_plan_is_the_next_such_day():
    # published on Wednesday 13 January 2021: the next Monday is the 18th, the next Friday the 15th, the next
    # Wednesday a week on (the 20th)
    for text, day in {"В понедельник пройдет митинг у акимата.": dt.date(2021, 1, 18),
                      "В пятницу пройдет митинг у акимата.": dt.date(2021, 1, 15),
                      "В среду пройдет митинг у акимата.": dt.date(2021, 1, 20),
                      "В следующий вторник активисты выйдут на пикет.": dt.date(2021, 1, 19),
                      "В прошлую пятницу активисты вышли на пикет.": dt.date(2021, 1, 8)}.items():
        hits = dates.find_dates(text, WED)
        assert [h.date for h in hits] == [day], text


# --- participants.py: which stated figure is the crowd ----------------------------------------------------------------

from tests.media.first_event import event  # noqa: E402

PUB = dt.date(2023, 6, 1)


def test_the_whole_of_n_of_m_gathered_is_the_crowd():
    # "50 of about 300 who gathered" were detained: about 300 took part (about: 270 to 330)
    ev = event("Митинг в Уральске", "В Уральске полиция задержала 50 из примерно 300 собравшихся у акимата.", PUB)
    assert (ev.participants_low, ev.participants, ev.participants_high) == (270, 300, 330)


def test_the_police_counted_are_present_and_their_sentence_is_the_evidence():
    ev = event("Митинг в Уральске", "Около 200 человек вышли на митинг у акимата Уральска. "
                                    "За порядком следили 30 полицейских.", PUB)
    assert (ev.participants_low, ev.participants, ev.participants_high) == (180, 200, 220)
    assert ev.police_count == 30 and ev.police_present is True
    assert ev.evidence["police_present"] == "За порядком следили 30 полицейских."


def test_a_part_of_the_crowd_is_not_the_crowd():
    ev = event("Митинг в Уральске", "Жители Уральска вышли на митинг у акимата, в том числе 12 пенсионеров.", PUB)
    assert ev.participants is None


def test_a_figure_of_the_events_own_year_counts_though_publication_is_a_year_later():
    # the event on 28 December 2022, the article of 10 January 2023: a sentence set in 2022 tells of this event
    ev = event("Митинг в Уральске", "28 декабря 2022 года жители Уральска вышли на митинг у акимата. "
                                    "Как сообщили организаторы, 28 декабря 2022 года на митинг пришли 300 человек.",
               dt.date(2023, 1, 10))
    assert ev.date == dt.date(2022, 12, 28)
    assert (ev.participants_low, ev.participants, ev.participants_high) == (300, 300, 300)


def test_a_crowd_of_an_earlier_year_is_not_this_events():
    ev = event("Митинг в Уральске", "Жители Уральска вышли на митинг у акимата. "
                                    "В 2021 году на такую же акцию пришли 300 человек.", PUB)
    assert ev.participants is None


def test_a_promised_figure_opening_the_sentence_is_not_the_crowd():
    ev = event("Митинг в Уральске", "Обещанных организаторами 500 участников не было: к акимату Уральска пришли около 40 "
                                    "человек.", PUB)
    assert (ev.participants_low, ev.participants, ev.participants_high) == (36, 40, 44)


def test_the_people_who_came_with_someone_named_add_that_one():
    # six women and the woman they came with: seven
    ev = event("Пикет в Уральске", "Шесть женщин, пришедших с Усетаевой, провели пикет у акимата Уральска.", PUB)
    assert (ev.participants_low, ev.participants, ev.participants_high) == (7, 7, 7)


# --- numbers.py: figures in digits, thousands, ranges -----------------------------------------------------------------

def _read(text: str) -> list[tuple[tuple[int, int, int, str], str]]:
    return [((q.low, q.best, q.high, q.text), after) for q, after in numbers.quantities(text)]


def test_decimal_thousands():
    assert _read("На митинг пришли 1,5 тыс. человек.") == [((1500, 1500, 1500, "1,5 тыс."), " человек.")]
    assert _read("Около 1,5 тысячи человек вышли.") == [((1350, 1500, 1650, "1,5 тысячи"), " человек вышли.")]
    # 2,03 thousand is 2030 exactly (2.03 * 1000 is 2029.99... in floating point)
    assert _read("На митинг пришли 2,03 тыс. человек.") == [((2030, 2030, 2030, "2,03 тыс."), " человек.")]


def test_a_year_is_no_count():
    assert _read("В 1986 году на площадь вышли студенты.") == []
    assert _read("В 2011 году на площадь вышли нефтяники.") == []


def test_one_of_a_place_at_the_sentence_start_is_no_count():
    assert _read("В одном Жетыбае бастуют нефтяники.") == []


def test_thousands_in_words_and_digits_with_the_hundreds_after():
    assert _read("Тысяча двести человек вышли на митинг.") == [((1200, 1200, 1200, "Тысяча двести"), " человек вышли на митинг.")]
    # the words after the figure stay what it counts
    assert _read("Вышли 2 тысячи 500 человек.") == [((2500, 2500, 2500, "2 тысячи 500"), " человек.")]


def test_ranges_in_thousands_and_in_words():
    assert _read("Вышли 2-3 тысячи человек.") == [((2000, 2500, 3000, "2-3 тысячи"), " человек.")]
    assert _read("Две-три тысячи человек вышли на митинг.") == [((2000, 2500, 3000, "Две-три тысячи"), " человек вышли на митинг.")]
    # the midpoint 5.5 rounds half to even, as every range's best does: 6
    assert _read("Пять-шесть человек вышли на пикет.") == [((5, 6, 6, "Пять-шесть"), " человек вышли на пикет.")]


def test_two_women_named_in_the_headline_are_two_participants():
    ev = event("Алима Абдирова и Ольга Климонова вышли с плакатами к акимату",
               "В Уральске женщины требуют вернуть им землю.", PUB)
    assert (ev.participants_low, ev.participants, ev.participants_high) == (2, 2, 2)
    assert ev.evidence["participants"] == "Алима Абдирова и Ольга Климонова вышли с плакатами к акимату"


def test_four_of_sixteen_residents_who_came_out_were_detained_sixteen_took_part():
    ev = event("Пикет в Уральске", "Полиция задержала 4 из 16 жителей, вышедших к акимату Уральска.", PUB)
    assert (ev.participants_low, ev.participants, ev.participants_high) == (16, 16, 16)
    assert ev.detained == 4


# --- event_date.py ----------------------------------------------------------------------------------------------------

from assets.media import event_date  # noqa: E402


def test_a_date_without_its_year_takes_the_pages_year_and_none_without_one():
    hits = dates.find_dates("Митинг прошел 7 января у акимата.", None)
    assert [h.date for h in event_date._in_year(hits, 2019)] == [dt.date(2019, 1, 7)]
    assert event_date._in_year(hits, None) == []  # no year known: no day named
    dated = dates.find_dates("Митинг прошел 7 января 2018 года у акимата.", None)
    assert [h.date for h in event_date._in_year(dated, 2019)] == [dt.date(2018, 1, 7)]
    assert [h.date for h in event_date._in_year(dated, None)] == [dt.date(2018, 1, 7)]


def test_the_date_of_what_came_before_is_not_the_days():
    text = "После митинга 9 июня людей у акимата собралось немного."
    assert event_date._own_dates(dates.find_dates(text, dt.date(2021, 6, 20)), text) == []
    # a relative day after "после" is the day told ("после вчерашнего митинга" names no other date)
    text = "Сегодня, после вчерашнего митинга, жители снова пришли к акимату."
    hits = event_date._own_dates(dates.find_dates(text, dt.date(2021, 6, 20)), text)
    assert [h.date for h in hits][:1] == [dt.date(2021, 6, 20)]


def test_a_page_stamp_has_a_clock_time_beside_the_date():
    for text in ("Митинг у акимата 13.11.2025, 14:22", "Митинг у акимата 13.11.2025 9:05", "09:08 24.04.2018 Митинг у акимата"):
        hit, = dates.find_dates(text, None)
        assert event_date._page_stamp(text, hit), text
    text = "Митинг у акимата прошел 13.11.2025 у здания суда"
    hit, = dates.find_dates(text, None)
    assert not event_date._page_stamp(text, hit)


def test_two_people_named_are_two_participants_with_their_sentence_as_evidence():
    ev = event("Пикет в Уральске", "Алима Абдирова и Ольга Климонова вышли с плакатами к акимату Уральска.", PUB)
    assert (ev.participants_low, ev.participants, ev.participants_high) == (2, 2, 2)
    assert ev.evidence["participants"] == "Алима Абдирова и Ольга Климонова вышли с плакатами к акимату Уральска."


# --- forms.py ---------------------------------------------------------------------------------------------------------

def test_the_headlines_specific_form_wins_over_the_event_sentences_general_one():
    ev = event("Житель Атырау устроил одиночный пикет", "Житель Атырау вышел на митинг у акимата.", PUB)
    assert ev.form == "single_picket"
    assert ev.evidence["form"] == "Житель Атырау устроил одиночный пикет"


def test_people_standing_with_flags_hold_a_picket():
    for text in ("Активисты стояли с флагами Казахстана у акимата Уральска.",
                 "Активисты стояли у акимата Уральска с флагами Казахстана."):
        ev = event("Акция в Уральске", text, PUB)
        assert (ev.form, ev.evidence["form"]) == ("picket", text)


def test_a_form_word_inside_a_laws_quoted_name_is_no_form():
    # the only "митинг" of the article is in the law's name, which ends the quotation: no form is told
    ev = event("Белсенділер әкімдікке барды", "Белсенділер «Бейбіт митингілер туралы заң» бойынша әкімдік алдына барды.", PUB)
    assert ev.form == "other"


# --- claims.py --------------------------------------------------------------------------------------------------------

FULL_EVENT = {"event_key": "e1", "article_id": "a1", "url": "https://t.example/a", "response_id": "r1",
              "fetched_at": "2023-06-01T10:00:00", "published": "2023-06-01",
              "participants": 40, "participants_low": 36, "participants_high": 44, "police_count": 12, "detained": 3,
              "date": dt.date(2023, 5, 31), "city": "oral", "place": "у акимата",
              "evidence": {"participants": "Около 40 человек вышли к акимату.", "police_count": "Дежурили 12 полицейских.",
                           "detained": "Трое задержаны.", "date": "Вчера около 40 человек вышли.", "city": "В Уральске.",
                           "place": "У акимата."}}


def test_every_claim_field_is_claimed_in_order_with_its_own_sentence_and_range():
    out = claims.claims_of(FULL_EVENT)
    assert [c["field"] for c in out] == list(claims.CLAIM_FIELDS) == ["participants", "police_count", "detained", "date",
                                                                       "city", "place"]
    by = {c["field"]: c for c in out}
    assert (by["participants"]["low"], by["participants"]["best"], by["participants"]["high"]) == (36, 40, 44)
    assert (by["police_count"]["low"], by["police_count"]["high"]) == (12, 12)
    assert by["date"]["value"] == "2023-05-31" and by["date"]["low"] is None
    for f in claims.CLAIM_FIELDS:
        assert by[f]["sentence"] == FULL_EVENT["evidence"][f]
        assert by[f]["published"] == "2023-06-01" and by[f]["url"] == "https://t.example/a"


def test_a_field_without_its_own_sentence_does_not_borrow_the_participants_one():
    ev = {"event_key": "e2", "participants": 40, "city": "oral",
          "evidence": {"participants": "Около 40 человек вышли к акимату."}}
    by = {c["field"]: c for c in claims.claims_of(ev)}
    assert by["participants"]["sentence"] == "Около 40 человек вышли к акимату."
    assert by["city"]["sentence"] is None


def test_the_claim_columns_are_the_ledger_tables():
    import duckdb

    from pathlib import Path

    ddl = (Path(__file__).resolve().parents[2] / "sql" / "media" / "020_claims.sql").read_text(encoding="utf-8")
    con = duckdb.connect()
    con.execute(ddl[:ddl.index(");") + 2])  # the table (the file's views read tables of other files)
    cols = [d[0] for d in con.execute("SELECT * FROM media_claims LIMIT 0").description]
    assert claims.COLUMNS == cols
    assert set(claims.claims_of(FULL_EVENT)[0]) <= set(claims.COLUMNS)


def test_sources_side_by_side_in_publication_order_and_only_their_disagreements():
    a = claims.claims_of({**FULL_EVENT, "event_key": "a", "url": "https://a.example/1", "published": "2023-06-02"})
    b = claims.claims_of({**FULL_EVENT, "event_key": "b", "url": "https://b.example/1", "published": "2023-06-01",
                          "participants": 50, "participants_low": 45, "participants_high": 55})
    side = claims.side_by_side(a + b)
    # b was published first
    assert [(c["url"], c["value"], c["low"], c["best"], c["high"]) for c in side["participants"]] == [
        ("https://b.example/1", "50", 45, 50, 55), ("https://a.example/1", "40", 36, 40, 44)]
    assert list(claims.disagreements(a + b)) == ["participants"]
    assert claims.summary(a + b) == "participants: 50 (https://b.example/1) | 40 (https://a.example/1)"


# --- triage_time.py ---------------------------------------------------------------------------------------------------

from assets.media import triage_time  # noqa: E402


def test_a_year_two_or_more_before_publication_is_another_time():
    pub = dt.date(2021, 6, 1)
    assert triage_time.old_year("В 2011 году рабочие вышли на митинг у акимата.", pub)
    assert triage_time.old_year("Забастовка 2011 года прошла у акимата.", pub)
    assert triage_time.old_year("Забастовка шахтеров 1989 года прошла у акимата.", pub)
    assert triage_time.old_year("16 декабря 2011 года рабочие вышли на площадь.", pub)
    assert triage_time.old_year("2011 жылы жұмысшылар алаңға шықты.", pub)
    assert not triage_time.old_year("В 2020 году рабочие вышли на митинг у акимата.", pub)  # the year before: recent
    assert not triage_time.old_year("В 2019 году рабочие вышли на митинг у акимата.", None)  # no publication date


def test_a_road_blocked_in_the_headline_wins_over_a_rally_told_in_the_body():
    ev = event("Жители поселка перекрыли трассу", "Жители поселка вышли на митинг у акимата Уральска.", PUB)
    assert (ev.form, ev.evidence["form"]) == ("road_block", "Жители поселка перекрыли трассу")


def test_a_specific_form_of_the_event_sentence_is_kept_over_the_headlines():
    ev = event("Жители Уральска перекрыли дорогу", "Жители поселка объявили голодовку у акимата Уральска.", PUB)
    assert (ev.form, ev.evidence["form"]) == ("hunger_strike", "Жители поселка объявили голодовку у акимата Уральска.")


def test_people_who_came_out_into_the_streets_hold_a_rally():
    text = "Жители Уральска вышли сегодня всем городом на улицы, требуя снизить тарифы."
    ev = event("Протест в Уральске", text, PUB)
    assert (ev.form, ev.evidence["form"]) == ("rally", text)


def test_a_kazakh_year_of_the_19th_or_20th_century_and_the_year_two_before_are_old():
    pub = dt.date(2021, 6, 1)
    assert triage_time.old_year("1986 жылы жастар алаңға шықты.", pub)
    assert triage_time.old_year("В 2019 году рабочие вышли на митинг у акимата.", pub)  # exactly two years before


def test_a_year_of_publication_or_the_one_before_brings_the_article_to_the_present():
    assert triage_time.recent_year("В 1999 году рабочие вышли на митинг.", dt.date(2000, 3, 1))
    assert triage_time.recent_year("В 2020 году рабочие вышли на митинг.", dt.date(2021, 3, 1))
    assert not triage_time.recent_year("В 2018 году рабочие вышли на митинг.", dt.date(2021, 3, 1))


def test_the_year_of_the_kazakh_events_remembered_is_not_the_gatherings():
    from assets.media import triage

    assert triage_time.REMEMBERED_YEAR_RE.search("2011 жылғы Жаңаөзен оқиғаларының құрбандарын")
    body = ("Бүгін Астанадағы алаңға келген бір топ белсенді 2011 жылғы Жаңаөзен оқиғаларының құрбандарын еске алды. "
            "Белсенділер плакат ұстап, билікке талап қойды.")
    assert triage.classify("Белсенділер Жаңаөзен құрбандарын еске алды", body, dt.date(2021, 12, 17)).is_assembly


# --- event_city.py ----------------------------------------------------------------------------------------------------

def test_the_event_sentences_city_wins_over_the_headlines():
    ev = event("Митинг в Уральске", "В Актобе около 50 человек вышли на митинг у акимата.", PUB)
    assert (ev.city, ev.evidence["city"]) == ("aktobe", "В Актобе около 50 человек вышли на митинг у акимата.")


def test_an_event_sentence_that_adds_to_the_headline_keeps_the_headlines_city():
    # "Также ..." adds to the headline's rally in Almaty: the regional office of West Kazakhstan named in it does not
    # move the event to Uralsk
    title = "Перед акиматом Алматы собрались несколько десятков человек"
    ev = event(title, "Также на акцию протеста вышли жители к зданию департамента полиции по ЗКО.", PUB)
    assert (ev.city, ev.evidence["city"]) == ("almaty", title)


RALLY = "Жители вышли на митинг у акимата против роста тарифов. "


def test_with_no_city_in_the_event_sentence_or_the_headline_the_most_mentioned_place():
    ev = event("Митинг против тарифов", RALLY + "В Костанае тарифы выросли вдвое. Тарифы в Костанае самые высокие в "
                                                "области. Тарифы в Павлодаре выросли меньше.", PUB)
    assert (ev.city, ev.evidence["city"]) == ("kostanay", "В Костанае тарифы выросли вдвое.")


def test_a_city_named_only_in_plans_does_not_place_the_event():
    ev = event("Митинг против тарифов", RALLY + "В Костанае тарифы выросли вдвое. Теперь они намерены поехать в Астану. "
                                                "В Астану они намерены отправить делегацию.", PUB)
    assert (ev.city, ev.evidence["city"]) == ("kostanay", "В Костанае тарифы выросли вдвое.")


def test_people_named_by_their_city_place_the_event_there():
    ev = event("Митинг против тарифов", RALLY + "Уральцы недовольны ценами. Уральцы требуют снизить тарифы.", PUB)
    assert (ev.city, ev.evidence["city"]) == ("uralsk", "Уральцы недовольны ценами.")


def test_the_protester_named_by_her_city_in_the_headline():
    title = "Жительница Кокшетау объявила голодовку"
    ev = event(title, "Женщина, забравшаяся на кран, объявила голодовку. Она требует жилье.", PUB)
    assert (ev.city, ev.evidence["city"]) == ("kokshetau", title)


def test_people_of_the_city_they_support_do_not_place_the_event():
    ev = event("Митинг против тарифов", RALLY + "Они вышли в поддержку жанаозенцев. Уральцы требуют снизить тарифы.", PUB)
    assert ev.city == "uralsk"


def test_people_named_by_their_city_in_a_two_word_sentence():
    ev = event("Митинг против тарифов", RALLY + "Уральцы протестуют.", PUB)
    assert (ev.city, ev.evidence["city"]) == ("uralsk", "Уральцы протестуют.")


def test_the_capital_counts_beside_a_city_named_with_it():
    # the capital twice ("в столице и ..."), Karaganda once, Almaty once
    ev = event("Митинг против тарифов", RALLY + "Тарифы в столице и Караганде выросли вдвое. В столице и Алматы их подняли "
                                                "еще в мае.", PUB)
    assert ev.city == "astana"


def test_a_headline_of_two_cities_takes_the_one_the_body_names():
    ev = event("В Алматы и Шымкенте проходят митинги", RALLY + "Тарифы в Шымкенте выросли вдвое.", PUB)
    assert ev.city == "shymkent"


def test_officials_from_another_city_do_not_place_the_event():
    ev = event("Митинг против тарифов", RALLY + "Тарифы в Костанае выросли вдвое. На встречу с ними приехал чиновник из "
                                                "Астаны, из Астаны прибыли и полицейские.", PUB)
    assert ev.city == "kostanay"


def test_a_range_of_thousands_written_with_a_dash_has_its_midpoint():
    assert _read("На митинг вышли 1,5–2 тысячи человек.") == [((1500, 1750, 2000, "1,5–2 тысячи"), " человек.")]


def test_a_clock_time_is_no_count():
    assert [r[0][:3] for r in _read("В 9:30 у акимата собрались 40 человек.")] == [(40, 40, 40)]
    assert [r[0][:3] for r in _read("В 10.30 у акимата собрались 40 человек.")] == [(40, 40, 40)]


def test_people_supported_in_the_event_sentence_do_not_place_the_event():
    ev = event("Митинг против тарифов", "Жители вышли на митинг у акимата в поддержку жанаозенцев. В Костанае тарифы "
                                        "выросли вдвое.", PUB)
    assert ev.city == "kostanay"


def test_a_village_named_in_the_event_sentence_is_the_place_not_the_headlines_residents_city():
    ev = event("Жительница Кокшетау объявила голодовку", "Женщина, забравшаяся на кран в селе Красный Яр, объявила "
                                                         "голодовку. Она требует жилье.", PUB)
    assert ev.city is None
    assert ev.settlement == "с. Красный Яр"
