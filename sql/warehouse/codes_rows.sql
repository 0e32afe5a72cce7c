-- The rows of `codes` (assets/core/codes.py compares them with the code lists of card.yaml).
SELECT field, code, ru, en, court FROM codes
