"""Session 51: the survivors of the mutation run over the storage layer and the GX setup (scripts/mutate.py's area
"store": assets/core/layout.py, raw.py, raw_migration.py, encryption.py, lockinfo.py, sqlfiles.py, transactions.py,
assets/failures.py, assets/quality/gx_context.py, gx_docs.py, gx_cache.py, schemas/xlsform.py, schemas/derived.py).
Each test asserts what a user relies on: the record given back as the monitor typed it, the table the layout makes,
the refusal naming the table or the file (docs/testing.md, "Session 51 — the storage layer and the GX setup in the
mutation run")."""
from __future__ import annotations

from assets.core import raw


def test_a_record_comes_back_as_its_header_and_cells_said():
    header = raw.header_json(["card_id", "Город", "participants"])
    cells = raw.cells_json(["2017-A-1", "Алматы", 12])
    assert raw.record_data(header, cells) == {"card_id": "2017-A-1", "Город": "Алматы", "participants": 12}
    assert raw.data_json(header, cells) == '{"card_id": "2017-A-1", "Город": "Алматы", "participants": 12}'
