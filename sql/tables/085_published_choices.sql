-- Where the example cards follow one reading of a self-contradicting report (data/published/choices.csv):
-- the cell, the value the report prints there, the value the cards give instead, and why.
CREATE TABLE IF NOT EXISTS published_choices (
    period     VARCHAR NOT NULL,
    table_no   VARCHAR NOT NULL,
    row_key    VARCHAR NOT NULL,
    col_key    VARCHAR NOT NULL,
    published  DOUBLE,
    used       DOUBLE,
    reason_ru  VARCHAR NOT NULL,
    reason_en  VARCHAR NOT NULL
);
