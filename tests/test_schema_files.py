"""The codebook, the warehouse DDL and the card schema agree (card.yaml is the source of truth)."""
import duckdb

from assets.core import layout
from schemas.card import spec
from schemas.codebook import CODEBOOK, codebook_markdown, write_template


def test_codebook_is_up_to_date():
    assert CODEBOOK.read_text(encoding="utf-8") == codebook_markdown(), "run `monitor codebook` and commit schemas/codebook.md"


def test_every_code_is_documented_with_both_labels():
    md = codebook_markdown()
    for kind in ("card", "person"):
        for f in spec().fields(kind).values():
            assert f"`{f.name}`" in md
            for code, lab in f.codes.items():
                assert f"`{code}` — {lab['ru']} / {lab['en']}" in md


def test_warehouse_tables_have_every_card_and_person_field(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    layout.ensure_tables(con)
    for table, kind in (("cards", "card"), ("persons", "person")):
        cols = {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}
        assert set(spec().fields(kind)) <= cols, set(spec().fields(kind)) - cols
    con.close()


def test_template_has_russian_headers_for_every_field(tmp_path):
    from openpyxl import load_workbook

    wb = load_workbook(write_template(tmp_path / "t.xlsx"))
    assert [c.value for c in wb["cards"][1]] == [f.ru for f in spec().card.values()]
    assert [c.value for c in wb["persons"][1]] == [f.ru for f in spec().person.values()]


def test_every_code_has_exactly_a_russian_and_an_english_label():
    import yaml

    from schemas.card import SCHEMA_FILE

    raw = yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8"))
    for kind in ("card", "person"):
        for name, f in raw[kind].items():
            for code, labels in (f.get("codes") or {}).items():
                # besides its labels a code may carry a known flag (court: true - the figures' court cases)
                flags = {k: v for k, v in labels.items() if k not in ("ru", "en")}
                assert {"ru", "en"} <= set(labels) and labels["ru"] and labels["en"], f"{name}.{code}: {labels}"
                assert set(flags) <= {"court"} and all(v is True for v in flags.values()), \
                    f"{name}.{code}: {labels} (quote labels with commas)"
