"""The limits of config/limits.yaml (file size, field length, records per file, nesting, YAML
aliases, workbook size, plausible upper bounds of every count), read once per process."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from core import settings, yamlfiles


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_records: int
    max_columns: int
    max_field_chars: int
    max_nesting: int
    max_line_chars: int
    yaml_max_aliases: int
    yaml_max_nodes: int
    xlsx_max_unpacked_bytes: int
    xlsx_max_parts: int
    inbox_max_files: int
    refuse_hardlinks: bool
    counts: dict[str, int] = field(default_factory=dict)
    xlsx_max_rows: int = 100000


@lru_cache(maxsize=4)
def _load(path: str) -> Limits:
    raw = yamlfiles.load(path)  # one parse, shared with the exports' own key (assets/report/exports.py)
    f, y, x, i = raw["file"], raw["yaml"], raw["xlsx"], raw["inbox"]
    return Limits(
        max_bytes=int(f["max_bytes"]), max_records=int(f["max_records"]), max_columns=int(f["max_columns"]),
        max_field_chars=int(f["max_field_chars"]), max_nesting=int(f["max_nesting"]),
        max_line_chars=int(f["max_line_chars"]),
        yaml_max_aliases=int(y["max_aliases"]), yaml_max_nodes=int(y["max_nodes"]),
        xlsx_max_unpacked_bytes=int(x["max_unpacked_bytes"]), xlsx_max_parts=int(x["max_parts"]),
        inbox_max_files=int(i["max_files"]), refuse_hardlinks=bool(i["refuse_hardlinks"]),
        counts={str(k): int(v) for k, v in (raw.get("counts") or {}).items()},
        xlsx_max_rows=int(x.get("max_rows", 100000)),
    )


def limits() -> Limits:
    return _load(str(settings.config_dir() / "limits.yaml"))


def mb(n: int) -> str:
    """A byte count as people say it: 52.4 MB, 300 KB, 12 bytes."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.0f} KB"
    return f"{n} bytes"
