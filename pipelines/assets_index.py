"""Every asset and asset check, by stage of the data's way: ingest -> validate -> derive -> report."""
from assets.derive.assets import audit, figures, figures_schema, published_figures, reconciliation
from assets.ingest.assets import raw_cards
from assets.media.assets import MEDIA_ASSETS, MEDIA_CHECKS
from assets.quality.checks import QUALITY_CHECKS
from assets.report.assets import exports, report
from assets.validate.assets import cards, nothing_lost, possible_duplicate_events

CARD_ASSETS = [raw_cards, cards, figures, reconciliation, report, exports]
PUBLISHED_ASSETS = [published_figures, audit]
ALL_ASSETS = [*PUBLISHED_ASSETS, *CARD_ASSETS, *MEDIA_ASSETS]
ALL_CHECKS = [nothing_lost, possible_duplicate_events, figures_schema, *QUALITY_CHECKS, *MEDIA_CHECKS]
