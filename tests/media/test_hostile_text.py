"""Text no article holds, as a hostile or broken file gives it: a 5,000-digit number, a "word" of thousands of
letters, thousands of numbers in one sentence. The extractor must answer (not raise) and in time that grows with
the length, not its square (assets/media/text.py `normalise`, spans.py `Spans`; docs/media.md)."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assets.media import extract, numbers, spans, triage
from assets.media.text import normalise


def test_a_number_of_thousands_of_digits_is_no_head_count_and_no_crash():
    """int() refuses a string of more than 4,300 digits (ValueError): such a run is cut before it is read."""
    title, text = "Митинг в Алматы", "3 мая в Алматы на митинг у акимата собрались " + "7" * 5000 + " человек."
    tri = triage.classify(title, text, None)
    (ev,) = extract.extract(title, text, triage_result=tri, force=True)
    assert ev.city == "almaty"
    assert ev.participants is None or ev.participants < 10**60


def test_runs_without_a_space_are_cut_for_reading():
    assert normalise("а" * 130) == "а" * 60 + " " + "а" * 60 + " " + "а" * 10
    assert normalise("-" * 450) == "-" * 200 + " " + "-" * 200 + " " + "-" * 50
    word = "Достопримечательность"  # real words and links are left as they are
    link = "https://example.kz/news/2017/05/03/v-almaty-proshel-miting-u-akimata?utm_source=telegram&utm_medium=post"
    assert normalise(f"{word} {link}") == f"{word} {link}"


span_lists = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda t: (t[0], t[0] + t[1])), max_size=12)


@given(span_lists, st.integers(0, 70), st.integers(1, 12))
def test_spans_overlap_as_the_list_of_spans_says(read, start, width):
    """Spans.overlaps answers what `any(a < end and start < b for a, b in read)` answered before it."""
    s = spans.Spans(80)
    for span in read:
        s.append(span)
    end = start + width
    assert s.overlaps(start, end) == any(a < end and start < b for a, b in read)
    assert list(s) == read


def test_thousands_of_numbers_in_one_sentence_are_all_read():
    text = " ".join(str(n) for n in range(100, 3100)) + " человек."
    qs = numbers.quantities(text)
    assert [q.best for q, _ in qs] == list(range(100, 3100))
