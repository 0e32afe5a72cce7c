"""Monitoring periods as Dagster partitions (from config/periods.yaml, a file of the repo)."""
import dagster as dg

from assets.core.periods import period_ids

periods_partitions = dg.StaticPartitionsDefinition(period_ids())
