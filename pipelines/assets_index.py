"""Every asset and asset check, by stage of the data's way: ingest -> validate -> derive -> report."""
from assets.derive.assets import figures, figures_schema
from assets.ingest.assets import raw_cards
from assets.report.assets import report
from assets.validate.assets import cards, nothing_lost

CARD_ASSETS = [raw_cards, cards, figures, report]
ALL_ASSETS = [*CARD_ASSETS]
ALL_CHECKS = [nothing_lost, figures_schema]
