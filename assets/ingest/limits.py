"""The limits of config/limits.yaml: they live in assets/core/limits.py (validate reads them too,
and validate must not import ingest); ingest's modules keep importing them from here."""
from assets.core.limits import Limits, limits, mb  # noqa: F401
