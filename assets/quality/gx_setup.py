"""Great Expectations, imported on first use with its analytics off and its logging quiet (no progress
bars in the logs: they are turned off in the project's context, assets/quality/gx_context.py)."""
from __future__ import annotations

import logging
import os


def load():
    """The great_expectations module (imported late: it takes seconds)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    import great_expectations as gx

    return gx
