-- The figures derived from a period's cards, whatever its coverage (same columns as figures).
-- `figures` holds them only for a period declared complete (config/periods.yaml); while a period's
-- cards are partial, `figures` keeps the published figures and these feed the reconciliation.
CREATE TABLE IF NOT EXISTS derived_figures (
    period     VARCHAR NOT NULL,
    table_no   VARCHAR NOT NULL,
    row_key    VARCHAR NOT NULL,
    col_key    VARCHAR NOT NULL,
    value      DOUBLE,            -- NULL when a model cannot compute the cell (value_status 'blank')
    provenance VARCHAR NOT NULL,   -- always 'derived'
    value_status VARCHAR NOT NULL DEFAULT 'value'  -- value | blank
);
ALTER TABLE derived_figures ADD COLUMN IF NOT EXISTS value_status VARCHAR DEFAULT 'value';
-- How far each period's cards are digitised (sql/coverage.sql), one row per period.
CREATE TABLE IF NOT EXISTS coverage (
    period               VARCHAR NOT NULL,
    declared             VARCHAR NOT NULL,  -- coverage in config/periods.yaml: none | partial | complete
    coverage             VARCHAR NOT NULL,  -- what the reconciliation is labelled: none | partial | complete
    basis                VARCHAR NOT NULL,  -- monitors | reconstructed | published
    figures_provenance   VARCHAR NOT NULL,  -- what `figures` holds for the period: derived | published | none
    cards                BIGINT  NOT NULL,  -- clean cards of the period
    published_assemblies DOUBLE,            -- the published count of assemblies (Table 2), NULL when none is published
    digitised_share      DOUBLE             -- cards / published_assemblies (0..1, may exceed 1), NULL when nothing is published
);
