"""The published figures (data/published/*.csv): one row per figure printed in a published report,
transcribed cell by cell. Validated by `PublishedFigures` (pandera, polars) in
assets/derive/published.py, which turns every failure into a message naming the file, line and field.

Columns (see data/published/README.md):

    source, period, table_no, row_key, col_key, value, value_status, printed, decimals, location, line, primary, note

Missing is not zero: `value_status` says what the report prints in the cell: `value` (a number, in
`value`), `dash` (a printed "-" or "—"), `blank` (the table has the cell but prints nothing, or a lone
"."), `unreadable` (the cell cannot be read or placed). `value` is empty unless value_status = 'value'.
"""
from __future__ import annotations

import pandera.polars as pa
import polars as pl

from core import settings, yamlfiles
from schemas import figures, gazetteer
from schemas.card import codes_of

COLUMNS: tuple[str, ...] = ("source", "period", "table_no", "row_key", "col_key", "value", "value_status", "printed", "decimals",
                            "location", "line", "primary", "note")
KEY: tuple[str, ...] = ("source", "period", "table_no", "row_key", "col_key")

TABLE_NOS: tuple[str, ...] = tuple(figures.TABLE_NOS)
LOCATIONS: tuple[str, ...] = ("table", "text")
VALUE_STATUSES: tuple[str, ...] = ("value", "dash", "blank", "unreadable")
DASHES: tuple[str, ...] = ("-", "—", "–")

# the code lists of schemas/card.yaml the tables' rows are
CHARACTERS = codes_of("character")
ORGANIZERS = codes_of("organizer_type")
FORMS = codes_of("form")
REASONS = codes_of("reason_not_applied")
AUTHORITIES = ("prosecutor", "akimat", "police")

# Row dimension of every numbered table (report-tables.md). "city" = a gazetteer key.
TABLE_DIMENSION: dict[str, str] = {
    "1": "city", "2": "city", "3": "city", "11": "city", "14": "city", "16": "city", "18": "city", "19": "city",
    "4": "character", "5": "organizer", "6": "organizer", "7": "form", "8": "form", "10": "reason",
    "13": "authority", "9": "none", "12": "none", "14-1": "none", "15": "none", "17": "none",
}
# Extra rows some tables have beside their dimension and `total`.
EXTRA_ROWS: dict[str, tuple[str, ...]] = {"18": ("total_excl_sanctioned",)}

# Column keys of every numbered table (binding, report-tables.md). `topics`, `courts` and `summary`
# take the keys documented in data/published/README.md and are not restricted here.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "1": ("count", "share_pct"), "2": ("count",), "3": ("activity_index",), "4": ("count", "share_pct"),
    "5": ("share_pct",), "6": ("count", "share_pct"), "7": ("count", "share_pct"), "8": ("count", "share_pct"),
    "9": ("share_pct",), "10": ("share_pct",), "11": ("count", "unsanctioned", "sanctioned", "law_abidance_pct"),
    "12": ("law_abidance_pct",), "13": ("present", "warned"),
    "14": ("participants", "police", "police_control_index"),
    "14-1": ("participants", "police", "police_control_index"), "15": ("police_control_index",),
    "16": ("detention_cases", "detained_persons"), "17": ("share_pct",), "18": ("participants", "participants_avg"),
    "19": ("duration_total_min", "duration_avg_min", "duration_median_min"), "topics": ("count",),
}


def city_keys() -> frozenset[str]:
    return frozenset(gazetteer.cities())


def period_ids() -> tuple[str, ...]:
    """The periods declared in config/periods.yaml (the published history names only declared periods)."""
    raw = yamlfiles.load(settings.config_dir() / "periods.yaml")
    return tuple(str(p["id"]) for p in raw["periods"])


def dimension_keys(dim: str) -> frozenset[str]:
    return frozenset({"city": city_keys(), "character": CHARACTERS, "organizer": ORGANIZERS, "form": FORMS,
                      "reason": REASONS, "authority": AUTHORITIES, "none": ()}[dim])


def row_key_allowed(table_no: str, row_key: str) -> bool:
    if table_no in ("summary", "courts"):
        return bool(row_key.strip())
    if table_no == "topics":
        head, _, topic = row_key.partition("/")
        return head in CHARACTERS and bool(topic.strip())
    dim = TABLE_DIMENSION.get(table_no)
    if dim is None:      # an unknown table: reported by the table_no check
        return True
    if dim == "authority":          # Table 13 has no total row
        return row_key in AUTHORITIES
    return row_key == "total" or row_key in EXTRA_ROWS.get(table_no, ()) or row_key in dimension_keys(dim)


def col_key_allowed(table_no: str, col_key: str) -> bool:
    cols = TABLE_COLUMNS.get(table_no)
    if cols is None:     # summary, courts: snake_case keys of README.md
        return bool(col_key) and col_key.replace("_", "a").isalnum() and col_key == col_key.lower()
    return col_key in cols


class PublishedFigures(pa.DataFrameModel):
    """One row per published figure. Extra columns (the loader's file and line) are allowed."""

    source: str = pa.Field(nullable=False, str_matches=r"^[a-z0-9][a-z0-9_-]*$")
    period: str = pa.Field(nullable=False)
    table_no: str = pa.Field(nullable=False, isin=list(TABLE_NOS))
    row_key: str = pa.Field(nullable=False)
    col_key: str = pa.Field(nullable=False)
    value: float = pa.Field(nullable=True)
    value_status: str = pa.Field(nullable=False, isin=list(VALUE_STATUSES))
    printed: str = pa.Field(nullable=True)
    decimals: int = pa.Field(nullable=False, ge=0, le=6)
    location: str = pa.Field(nullable=False, isin=list(LOCATIONS))
    line: int = pa.Field(nullable=False, ge=1)
    primary: bool = pa.Field(nullable=False)
    note: str = pa.Field(nullable=True)

    class Config:
        strict = False
        coerce = False

    @pa.check("source", "period", "table_no", "row_key", "col_key", name="non_empty")
    def _non_empty(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col(data.key).str.strip_chars().str.len_chars() > 0)

    @pa.check("period", name="period_known")
    def _period_known(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col(data.key).is_in(list(period_ids())))

    @pa.check("value", name="finite")
    def _finite(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col(data.key).is_finite().fill_null(True))

    @pa.dataframe_check(name="value_matches_status")
    def _value_matches_status(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """A number exactly when value_status = 'value'; a dash prints a dash; a value prints something."""
        st, printed = pl.col("value_status"), pl.col("printed").fill_null("").str.strip_chars()
        ok = (st == "value") == pl.col("value").is_not_null()
        ok = ok & ((st != "dash") | printed.is_in(list(DASHES)))
        ok = ok & ((st != "value") | ((printed.str.len_chars() > 0) & ~printed.is_in(list(DASHES))))
        return data.lazyframe.select(ok.alias("ok"))

    @pa.dataframe_check(name="row_key_known")
    def _row_key_known(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.struct("table_no", "row_key").map_elements(
                lambda s: row_key_allowed(s["table_no"], s["row_key"]), return_dtype=pl.Boolean).alias("ok"))

    @pa.dataframe_check(name="col_key_known")
    def _col_key_known(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.struct("table_no", "col_key").map_elements(
                lambda s: col_key_allowed(s["table_no"], s["col_key"]), return_dtype=pl.Boolean).alias("ok"))

    @pa.dataframe_check(name="one_primary_per_key")
    def _one_primary(cls, data: pa.PolarsData) -> pl.LazyFrame:
        n_primary = pl.col("primary").cast(pl.Int64).sum().over(list(KEY))
        return data.lazyframe.select((n_primary == 1).alias("ok"))


# Which field a failing check is about (for the loader's messages).
CHECK_FIELD: dict[str, str] = {"row_key_known": "row_key", "col_key_known": "col_key",
                               "value_matches_status": "value_status",
                               "one_primary_per_key": "primary"}
