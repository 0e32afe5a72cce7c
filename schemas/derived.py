"""pandera schemas of the derived tables besides `figures` (schemas/figures.py): the reconciliation
and the audit. Each asset validates its frame before writing it."""
import pandera.polars as pa
import polars as pl

from schemas.figures import TABLE_NOS

# a reconciliation row's status: the schema's check and the export's descriptor (assets/report/datapackage.py) use it
RECONCILIATION_STATUSES = ("match", "match_truncated", "match_approximate", "mismatch", "not_derived", "not_published")


class ReconciliationSchema(pa.DataFrameModel):
    class Config:
        coerce = True  # DuckDB hands integers back as INT32

    period: str
    table_no: str = pa.Field(isin=TABLE_NOS)
    row_key: str
    col_key: str
    source: str = pa.Field(nullable=True)   # the publication of the printing; NULL for a derived-only cell
    derived: float = pa.Field(nullable=True)
    published: float = pa.Field(nullable=True)
    decimals: int = pa.Field(ge=0, nullable=True)
    status: str = pa.Field(isin=list(RECONCILIATION_STATUSES))
    value_status: str = pa.Field(nullable=True, isin=["value", "dash", "blank", "unreadable"])
    contradicted_in_report: bool
    choice_used: float = pa.Field(nullable=True)
    choice_reason_ru: str = pa.Field(nullable=True)
    choice_reason_en: str = pa.Field(nullable=True)

    @pa.dataframe_check(name="one_status_per_printing")
    def one_status(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """A published printing (cell, publication, location, line) or a derived-only cell has exactly one row:
        two publications (or two repeats of one) may print a cell at the same location and line."""
        return data.lazyframe.select(
            ~pl.struct("table_no", "row_key", "col_key", "source", "location", "line").is_duplicated())

    @pa.dataframe_check(name="status_fits_sides")
    def status_fits(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """not_published has no published side; not_derived no derived value; a match kind has both (or a dash)."""
        st = pl.col("status")
        return data.lazyframe.select(
            pl.when(st == "not_published").then(pl.col("value_status").is_null() | (pl.col("value_status") != "value"))
            .when(st == "not_derived").then(pl.col("derived").is_null())
            .otherwise(pl.col("value_status").is_not_null()))

    @pa.dataframe_check(name="match_means_close")
    def match_is_close(cls, data: pa.PolarsData) -> pl.LazyFrame:
        tol = 0.5 * pl.lit(10.0).pow(-pl.col("decimals").cast(pl.Float64)) + 1e-9
        return data.lazyframe.select(((pl.col("status") != "match") | ((pl.col("derived") - pl.col("published")).abs() <= tol)).fill_null(True))


class AuditSchema(pa.DataFrameModel):
    class Config:
        coerce = True

    source: str
    rule: str = pa.Field(str_length={"min_value": 1})
    period: str = pa.Field(nullable=True)
    table_no: str = pa.Field(nullable=True)
    row_key: str = pa.Field(nullable=True)
    col_key: str = pa.Field(nullable=True)
    published: float = pa.Field(nullable=True)
    expected: float = pa.Field(nullable=True)
    message: str = pa.Field(str_length={"min_value": 10})
    level: str = pa.Field(isin=["contradiction", "rounding", "truncated"])
    root_id: str = pa.Field(str_length={"min_value": 1})
    cells: str = pa.Field(nullable=True)
