"""The redaction pattern as a prefix tree (issue 15): it redacts exactly what the flat alternation of
every name's stems did, and its cost does not grow with the number of names."""
import re

from hypothesis import example, given, settings, strategies as st

from assets.validate import redaction
from tests.conftest import examples

LETTERS = "абвгдеёжзийклмнопрстуфхцчшщыэюяәғқңөұүһіАБВГДЕЁКЛМНОСabcdekmnosz"
word = st.text(alphabet=LETTERS, min_size=1, max_size=9)
# names of words of five letters or more: a word of three or four letters takes a case ending only, not any letters
# (redaction._pattern; tests/test_redaction_values.py), which the flat alternation below never did
name_word = st.text(alphabet=LETTERS, min_size=5, max_size=9)


def _flat(names: tuple[str, ...]) -> re.Pattern | None:
    """The pattern as it was before: every stem, longest first, in one alternation."""
    stems = redaction._stems(names)
    if not stems:
        return None
    alts = "|".join("".join("[её]" if ch in "еёЕЁ" else re.escape(ch) for ch in s) for s in stems)
    return re.compile(rf"\b(?:{alts})\w*", re.IGNORECASE)


@settings(max_examples=examples(100, 1000), deadline=None)
@example(names=["aaaaa Ёaaaa"], text="Ё. aaaa")  # (an initial of a name in the text; found by Hypothesis in session 48)
@given(st.lists(st.lists(name_word, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8),
       st.lists(st.one_of(word, st.sampled_from([" ", ", ", ". ", "-", "ё", "Ё", "ов", "ой"])), max_size=40).map("".join))
def test_the_tree_redacts_what_the_flat_alternation_did(names, text):
    key = tuple(sorted(set(names)))
    flat = _flat(key)
    # the text also carries the names themselves, inflected and in other case
    text = text + " " + " ".join(n.upper() + "ой " + n.lower() + "а" for n in names)
    # compared as redact compares: a word of Latin and Cyrillic letters read with the Latin look-alikes folded
    plain = redaction._plain(text)
    want = redaction._cut(plain, flat.finditer(redaction.fold_mixed(plain))) if flat else text
    # (session 48: a name's initials, "Ё." for "Ёaaaa", are redacted after the names by both; Hypothesis found the
    # comparison without this step failing on names=['aaaaa Ёaaaa'], text='Ё. aaaa')
    want = redaction._with_initials(want, key)
    assert redaction._redact(text, key) == want


def test_a_shorter_stem_covers_the_longer_and_e_is_yo():
    assert redaction._trie(["Секретов", "Секрет", "ёлк"]) == "(?:[её]лк|с[её]кр[её]т)"
    assert redaction.redact("Секретарь Ёлкиной и ЕЛКИН", ["Секрета Ёлкина"]) == "[…] […] и […]"


def test_matching_work_does_not_grow_with_the_names():
    """A flat alternation tries every stem at every word (10x the names: ~10x the work); the tree a
    few letters. Measured as the pattern's size per first letter: bounded by the alphabet."""
    names = [f"{a}{b}{c}ова {a}{c}" for a in "абвгдежзиклмнопрст" for b in "аеиоу" for c in "клмнпрстфх"]
    tree = redaction._trie(redaction._stems(tuple(names)))
    top = re.match(r"\(\?:(.*)\)$", tree).group(1)
    depth, branches, cur = 0, [], ""
    for ch in top:  # split the top-level alternation
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            branches.append(cur)
            cur = ""
        else:
            cur += ch
    branches.append(cur)
    stems = redaction._stems(tuple(names))
    firsts = {s[0].lower().replace("ё", "е") for s in stems}
    assert len(branches) == len(firsts)  # one branch per first letter (Cyrillic and Latin), not per name
    assert len(stems) > 10 * len(firsts)
