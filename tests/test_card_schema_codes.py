"""The card schema checks the codes of every code field, the optional ones too (an unknown code in an optional field
is as wrong as in a required one: issue 14, a survivor of the re-run after the mutation copy's fix)."""
import pandera.errors
import pandera.polars as pa
import polars as pl
import pytest

from assets.validate import rules


def _optional_code_fields():
    return [(n, f) for n, f in rules.spec().card.items() if f.type == "code" and not f.required]


def test_there_are_optional_code_fields():
    assert _optional_code_fields()


@pytest.mark.parametrize("name", [n for n, _ in _optional_code_fields()][:3])
def test_an_unknown_code_in_an_optional_field_fails_and_a_known_one_or_none_passes(name):
    f = rules.spec().card[name]
    col = rules._column(f, None)
    schema = pa.DataFrameSchema({name: col})
    known = sorted(f.codes)[0]
    schema.validate(pl.DataFrame({name: [known, None]}, schema={name: f.polars_dtype}))
    with pytest.raises(pandera.errors.SchemaError):
        schema.validate(pl.DataFrame({name: ["no_such_code_xyz"]}, schema={name: f.polars_dtype}))
