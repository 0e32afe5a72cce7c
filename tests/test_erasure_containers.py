"""Erasure reaches a person named in the containers and encodings the inbox accepts beyond plain UTF-8:
- an ODK Central export downloaded as a ZIP (`<form>.csv.zip`): the name is cut from every text member of
  the archive (the main CSV's notes, the persons CSV's name); its media files are kept as they were. Before,
  a ZIP was read as a workbook: only its `.xml` parts were searched, so the CSV members kept the full name
  after `monitor erase-person` said it was done, and the next run brought the person back;
- CSV files saved as UTF-16 (Excel's "Unicode Text"), which the inbox reads: before, erasure decoded them as
  UTF-8 and found nothing to cut."""
from __future__ import annotations

import io
import zipfile

import pytest

from assets.core import warehouse
from pipelines.cli import main
from tests.conftest import module_root, own_copy, run_period
from tests.test_odk import _example, write_central

NAME = "Данияр Молдабеков"
PHOTO = b"\xff\xd8\xff\xe0 a photo's bytes, never rewritten"


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    with module_root(tmp_path_factory, "erase-odk-zip", example=False) as root:
        chosen = [c for c in _example() if c[0]["card_id"] in ("2017-ALA-09", "2017-AST-03", "2017-ALA-01")]
        write_central(root / "unzipped", chosen)
        target = root / "inbox" / "cards" / "2017" / "assembly_card.csv.zip"
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
            for f in ("assembly_card.csv", "assembly_card-persons.csv"):
                z.write(root / "unzipped" / f, f)
            z.writestr("media/photo.jpg", PHOTO)
        assert run_period("2017", selection=("raw_cards", "cards"), checks=False).success
        with warehouse.connect(read_only=True) as con:
            persons = {n for (n,) in con.execute("SELECT name FROM persons").fetchall()}
        assert NAME in persons  # the archive was read: the person is in the warehouse
        yield root


@pytest.fixture
def erased(prepared, tmp_path, monkeypatch, capsys):
    root = own_copy(prepared, tmp_path, monkeypatch)
    zipped = root / "inbox" / "cards" / "2017" / "assembly_card.csv.zip"
    before = zipped.read_bytes()
    assert NAME.encode() in b"".join(zipfile.ZipFile(io.BytesIO(before)).read(n) for n in zipfile.ZipFile(io.BytesIO(before)).namelist())
    assert main(["erase-person", "--name", NAME, "--by", "probe"]) == 0, capsys.readouterr().err
    return root, zipped


def _members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_no_member_of_the_archive_names_the_person_after_the_erasure(erased):
    _, zipped = erased
    members = _members(zipped)
    assert set(members) == {"assembly_card.csv", "assembly_card-persons.csv", "media/photo.jpg"}
    for name, data in members.items():
        text = data.decode("utf-8", errors="replace")
        for word in ("Данияр Молдабеков", "Данияра Молдабекова", "Молдабеков", "Moldabekov"):
            assert word not in text, (name, word)


def _texts(data: bytes) -> list[str]:
    """A stored file's text: a ZIP's members (nested ones too), a Parquet part's text columns, else the bytes."""
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return [t for n in z.namelist() for t in _texts(z.read(n))]
    if data[:4] == b"PAR1":
        import polars as pl

        df = pl.read_parquet(io.BytesIO(data))
        return [" ".join(str(v) for v in df[c].to_list()) for c in df.columns if df[c].dtype == pl.Utf8]
    return [data.decode("utf-8", errors="replace")]


def test_no_stored_file_names_the_person_after_the_erasure(erased):
    root, _ = erased
    files = [f for f in root.rglob("*") if f.is_file() and "unzipped" not in f.parts and f.suffix != ".duckdb"]
    assert any(f.suffix == ".parquet" for f in files)  # the raw store was searched too
    for f in files:
        for text in _texts(f.read_bytes()):
            assert "Молдабеков" not in text and "Moldabekov" not in text, f


def test_the_rest_of_the_archive_is_as_it_was(erased, prepared):
    _, zipped = erased
    members = _members(zipped)
    original = _members(prepared / "inbox" / "cards" / "2017" / "assembly_card.csv.zip")
    assert members["media/photo.jpg"] == PHOTO
    # another person's name and the other cards' words stay
    assert "Раиса Дюсенбаева" in members["assembly_card-persons.csv"].decode("utf-8")
    assert members["assembly_card.csv"].count(b"\n") == original["assembly_card.csv"].count(b"\n")
    assert zipfile.ZipFile(zipped).testzip() is None


def test_a_run_from_the_erased_inbox_brings_the_name_back_nowhere(erased):
    root, _ = erased
    assert run_period("2017", selection=("raw_cards", "cards"), checks=False).success
    with warehouse.connect(read_only=True) as con:
        names = {n for (n,) in con.execute("SELECT name FROM persons").fetchall()}
        notes = " ".join(n or "" for (n,) in con.execute("SELECT notes FROM cards").fetchall())
    assert NAME not in names and "Молдабеков" not in notes
    assert "Раиса Дюсенбаева" in names


@pytest.fixture(scope="module")
def utf16(tmp_path_factory):
    """The same export unzipped, its two CSV files saved as UTF-16 with a BOM (little- and big-endian)."""
    with module_root(tmp_path_factory, "erase-utf16", example=False) as root:
        chosen = [c for c in _example() if c[0]["card_id"] in ("2017-ALA-09", "2017-AST-03")]
        folder = root / "inbox" / "cards" / "2017"
        write_central(root / "unzipped", chosen)
        folder.mkdir(parents=True, exist_ok=True)
        for f, enc in (("assembly_card.csv", "utf-16-le"), ("assembly_card-persons.csv", "utf-16-be")):
            text = (root / "unzipped" / f).read_text(encoding="utf-8")
            bom = b"\xff\xfe" if enc.endswith("le") else b"\xfe\xff"
            (folder / f).write_bytes(bom + text.encode(enc))
        assert run_period("2017", selection=("raw_cards", "cards"), checks=False).success
        with warehouse.connect(read_only=True) as con:
            persons = {n for (n,) in con.execute("SELECT name FROM persons").fetchall()}
        assert NAME in persons
        yield root


def test_a_utf16_csv_has_the_name_cut_in_its_own_encoding_and_byte_order(utf16, tmp_path, monkeypatch, capsys):
    root = own_copy(utf16, tmp_path, monkeypatch)
    folder = root / "inbox" / "cards" / "2017"
    assert main(["erase-person", "--name", NAME, "--by", "probe"]) == 0, capsys.readouterr().err
    main_csv, persons_csv = (folder / "assembly_card.csv").read_bytes(), (folder / "assembly_card-persons.csv").read_bytes()
    assert main_csv[:2] == b"\xff\xfe" and persons_csv[:2] == b"\xfe\xff"
    main_text, persons_text = main_csv[2:].decode("utf-16-le"), persons_csv[2:].decode("utf-16-be")
    for word in ("Данияр Молдабеков", "Данияра Молдабекова", "Молдабеков", "Moldabekov"):
        assert word not in main_text and word not in persons_text, word
    assert "Раиса Дюсенбаева" in persons_text
    assert run_period("2017", selection=("raw_cards", "cards"), checks=False).success
    with warehouse.connect(read_only=True) as con:
        names = {n for (n,) in con.execute("SELECT name FROM persons").fetchall()}
    assert NAME not in names and "Раиса Дюсенбаева" in names
