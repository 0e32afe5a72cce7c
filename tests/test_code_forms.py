"""A card's code written as another form of its Russian label — a plural, another gender, the singular of a plural
label — is read as that code ("Митинги", "политическая", "плакат; флаги"); a word of another lemma ("пикетирование",
"митнг") is refused as before; a form two codes would share is never guessed. Both validation paths alike."""
from __future__ import annotations

import pytest

from assets.validate import coerce
from core import morph
from schemas.card import Field
from tests.test_validation_values import card, rows, validate  # noqa: F401 (validate: the fixture of both paths)


@pytest.mark.parametrize("field,typed,code", [
    ("form", "Митинги", "rally"), ("form", "шествия", "march"), ("form", "Одиночные пикеты", "single_picket"),
    ("character", "политическая", "political"), ("character", "Социальные", "social"),
    ("attributes", "плакат; флаги", "placards;flags"),
])
def test_another_form_of_the_label_is_the_code(validate, field, typed, code):
    res = validate(card(**{field: typed}))
    assert rows(res) == []
    assert res.cards[field].to_list() == [code]


@pytest.mark.parametrize("field,typed", [("form", "пикетирование"), ("form", "митнг"), ("form", "Rallies"),
                                         ("character", "политика")])
def test_a_word_of_another_lemma_is_refused(validate, field, typed):
    [row] = rows(validate(card(**{field: typed})))
    assert row[3] == field and row[5] == "type:code" and "is not one of the codes" in row[6]


def test_a_form_two_codes_share_is_never_guessed():
    f = Field(name="x", type="code", required=False, ru="X", en="X", meaning="",
              codes={"a": {"ru": "Митинг", "en": "A"}, "b": {"ru": "Митинги", "en": "B"}, "c": {"ru": "Пикет", "en": "C"}},
              reserved={}, pattern="", alone=(), units=())
    assert coerce.parse_code(f, "Митинг") == "a" and coerce.parse_code(f, "митинги") == "b"  # as written: its own
    with pytest.raises(ValueError):
        coerce.parse_code(f, "митингом")  # the lemma of both: neither
    assert coerce.parse_code(f, "пикеты") == "c"


def test_lemmas_are_the_dictionary_forms():
    assert morph.lemmas("Общественные организации и партии") == ("общественный", "организация", "и", "партия")
    assert morph.lemmas("Шествиё") == morph.lemmas("шествие")
