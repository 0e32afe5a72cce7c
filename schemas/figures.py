"""pandera schema of the `figures` table (and of `published_figures`' shape): keys present and
well-formed, one value per cell, percentages within 0–100, indices and counts not negative, and
`value` NULL exactly when `value_status` is not 'value' (dash | blank | unreadable)."""
import pandera.polars as pa
import polars as pl

# Every table of the report, in the report's order: the one list of table numbers (schemas/published.py,
# the audit and the quality suite use it).
TABLE_NOS: list[str] = [str(i) for i in range(1, 15)] + ["14-1"] + [str(i) for i in range(15, 20)] + ["topics", "courts", "summary"]


class FiguresSchema(pa.DataFrameModel):
    period: str = pa.Field(nullable=False)
    table_no: str = pa.Field(isin=TABLE_NOS)
    row_key: str = pa.Field(str_length={"min_value": 1})
    col_key: str = pa.Field(str_length={"min_value": 1})
    value: float = pa.Field(nullable=True)
    provenance: str = pa.Field(isin=["derived", "published"])
    value_status: str = pa.Field(isin=["value", "dash", "blank", "unreadable"])

    @pa.dataframe_check(name="missing_is_not_zero")
    def value_only_when_status_value(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """value is NULL unless value_status = 'value' (a printed '-' is no 0)."""
        return data.lazyframe.select((pl.col("value_status") == "value") == pl.col("value").is_not_null())

    @pa.dataframe_check(name="one_value_per_cell")
    def unique_cells(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(~pl.struct("period", "table_no", "row_key", "col_key").is_duplicated())

    @pa.dataframe_check(name="percent_in_range")
    def pct_range(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            (~pl.col("col_key").str.ends_with("_pct") | pl.col("value").is_between(0, 100)).fill_null(True))

    @pa.dataframe_check(name="not_negative")
    def not_negative(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Counts, shares and indices; not a trend word's direction (-1 decrease, 0, +1 increase)."""
        return data.lazyframe.select(((pl.col("value") >= 0) | (pl.col("col_key") == "trend")).fill_null(True))

    @pa.dataframe_check(name="trend_is_a_direction")
    def trend_direction(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select((pl.col("col_key") != "trend") | pl.col("value").is_in([-1.0, 0.0, 1.0]).fill_null(True))

    @pa.dataframe_check(name="finite")
    def finite(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("value").is_finite().fill_null(True))
